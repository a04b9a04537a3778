/* bl-page.h: what the pages of the main window share: the window's
 * BlContext, and refreshing what a change concerns while the page is on
 * screen, catching up when it is shown again */
#pragma once

#include <adwaita.h>

#include "bl-context.h"

G_BEGIN_DECLS

#define BL_TYPE_PAGE (bl_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (BlPage, bl_page, BL, PAGE, AdwBin)

struct _BlPageClass
{
  AdwBinClass parent_class;

  /* What the page shows (BlChange flags, BL_CHANGE_TODAY included): other
   * changes pass it by. */
  BlChange    follows;

  /* Brings the page up to date with @changes, a part of follows. The first
   * call has all of follows: the page fills itself the first time it is
   * shown, not before. Called while the page is on screen (before its next
   * frame, several changes at once), when it is shown after changes, and
   * from bl_page_update_now(). */
  void      (*refresh) (BlPage   *self,
                        BlChange  changes);

  gpointer    padding[4];
};

/* The pages take their context at construction: "context" is construct-only.
 * A page of @type (a BlPage subclass) on @context: each page's _new(). */
GtkWidget  *bl_page_new            (GType      type,
                                    BlContext *context);
BlContext  *bl_page_get_context    (BlPage   *self);
BlStore    *bl_page_get_store      (BlPage   *self);

/* Notes @changes as if the context had reported them (a page's own choice
 * changed, a month picked): refreshed before the next frame if the page is
 * shown, else when it is. */
void        bl_page_queue_refresh  (BlPage   *self,
                                    BlChange  changes);
/* Refreshes at once what is pending, shown or not: for what acts on the
 * page's content (printing, exporting, tests). */
void        bl_page_update_now     (BlPage   *self);

G_END_DECLS
