/* bl-activity-menu.h: the context menu of the Activities table: a right
 * click or a long press on a row, or Shift+F10 and the Menu key on the
 * selection, opens 打开/编辑, 复制为新记录, 打印签到表 and 删除 for it. The
 * items are the page's own actions (activities.open, .copy-as-new,
 * .print-signin, .delete), which act on the selection. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITY_MENU (bl_activity_menu_get_type ())
G_DECLARE_FINAL_TYPE (BlActivityMenu, bl_activity_menu, BL, ACTIVITY_MENU, GObject)

/* The menu of @view's rows, over @page (which holds the actions and the
 * popover, and must outlive neither: dispose the menu in the page's dispose). */
BlActivityMenu *bl_activity_menu_new             (GtkWidget      *page,
                                                  GtkColumnView  *view);
/* Opens the menu on the row at (@x, @y), in @view's coordinates: the row is
 * selected first unless it is already part of the selection. FALSE, and no
 * menu, when there is no row there. */
gboolean        bl_activity_menu_popup_at        (BlActivityMenu *self,
                                                  double          x,
                                                  double          y);
/* Opens the menu on the selection, at its first row on screen (else at the
 * top of the table). FALSE when nothing is selected. */
gboolean        bl_activity_menu_popup_selected  (BlActivityMenu *self);
GtkPopover     *bl_activity_menu_get_popover     (BlActivityMenu *self);

G_END_DECLS
