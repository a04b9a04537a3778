/* bl-window-private.h: what bl-window.c shares with bl-window-actions.c */
#pragma once

#include "bl-activities-page.h"
#include "bl-activity-editor.h"
#include "bl-window.h"

G_BEGIN_DECLS

/* The main view's pages, in the order of the switcher. */
typedef enum {
  BL_WINDOW_OVERVIEW,
  BL_WINDOW_ACTIVITIES,
  BL_WINDOW_MEMBERS,
  BL_WINDOW_REPORTS,
  BL_WINDOW_N_PAGES
} BlWindowPage;

struct _BlWindow
{
  AdwApplicationWindow  parent_instance;

  BlContext            *context;   /* NULL: the ledger could not be opened */
  BlStore              *store;     /* the context's; NULL when it could not be opened or was refused */
  GSettings            *settings;
  guint                 poll_id;   /* looks for other programs' writes while active */
  gboolean              closing;   /* the questions answered, the window closes */
  guint                 close_id;  /* closing once the question has gone */
  GtkWidget            *question;  /* weak: the alert asked on closing */
  guint                 notices_shown;  /* the store's notices shown as toasts so far */
  gboolean              told_checking;  /* the first-frame hook said the checks were under way */
  GtkWindow            *help_overlay;   /* weak: the shortcuts window, built when first shown */
  BlActivityEditor     *spare_editor;   /* a record editor closed and kept hidden for the next record */
  guint                 prepare_id;     /* makes the first spare editor once the window is idle */

  GtkStack             *main_stack;
  AdwBin               *welcome_slot;
  AdwViewStack         *view_stack;
  AdwBin               *slots[BL_WINDOW_N_PAGES];
  AdwStatusPage        *status_page;
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *sample_banner;
  GtkMenuButton        *primary_menu_button;
  GtkMenuButton        *error_menu_button;
  GMenuModel           *primary_menu;  /* the buttons' menus, given them when first opened */
  GMenuModel           *error_menu;
  /* Built when first shown (NULL until then). */
  BlPage               *pages[BL_WINDOW_N_PAGES];
};

/* The page @page, built (not filled) if it was not yet. NULL without a ledger. */
BlPage *_bl_window_ensure_page       (BlWindow      *self,
                                      BlWindowPage   page);

/* The stored activity @id, or NULL after a toast saying it is gone. */
BlActivity *_bl_window_find_activity (BlWindow      *self,
                                      gint64         id);

/* Installs the win.* actions and their shortcuts (bl-window-actions.c). */
void _bl_window_class_actions_init (BlWindowClass *klass);
/* Enables the actions that need a ledger when the window has one. */
void _bl_window_actions_update     (BlWindow      *self);

G_END_DECLS
