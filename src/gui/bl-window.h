/* bl-window.h: the main window */
#pragma once

#include <adwaita.h>

#include "bl-application.h"
#include "bl-context.h"

G_BEGIN_DECLS

#define BL_TYPE_WINDOW (bl_window_get_type ())
G_DECLARE_FINAL_TYPE (BlWindow, bl_window, BL, WINDOW, AdwApplicationWindow)

/* A window on the application's ledger (or its error page when it was refused). */
BlWindow *bl_window_new             (BlApplication *application);
/* A window on another ledger (the demo ledger, say). */
BlWindow *bl_window_new_for_store   (BlApplication *application,
                                     BlStore       *store);
/* What its pages work with (NULL when the ledger could not be opened). */
BlContext *bl_window_get_context    (BlWindow      *self);
BlStore  *bl_window_get_store       (BlWindow      *self);
/* Shows one of the pages of the main view: "overview", "activities",
 * "members" or "reports" (leaving the welcome page if it is shown). */
void      bl_window_show_page       (BlWindow      *self,
                                     const char    *name);
/* Leaves the first-run page for the main view (the welcome page calls it
 * through the "win.show-main" action when the ledger is set up). */
void      bl_window_show_main       (BlWindow      *self);
/* Opens the record editor on a new activity of @kind (NULL: the default)
 * for @group (NULL or "": none). */
void      bl_window_new_activity    (BlWindow      *self,
                                     const char    *kind,
                                     const char    *group);
/* Opens the record editor on an existing activity. */
void      bl_window_open_activity   (BlWindow      *self,
                                     gint64         id);
/* Opens the record editor on @activity (a stored record, a new one or a
 * copy), over this window. A closed editor is kept hidden and opened again
 * on the next record (see bl_activity_editor_load()): making a window,
 * with its renderer, is most of what opening one costs. */
void      bl_window_edit_activity   (BlWindow      *self,
                                     BlActivity    *activity);
/* Shows a toast over the main view (takes ownership of @toast). */
void      bl_window_add_toast       (BlWindow      *self,
                                     AdwToast      *toast);

G_END_DECLS
