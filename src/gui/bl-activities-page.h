/* bl-activities-page.h: every activity, searchable, filterable and sortable */
#pragma once

#include "bl-activity-menu.h"
#include "bl-page.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITIES_PAGE (bl_activities_page_get_type ())
G_DECLARE_FINAL_TYPE (BlActivitiesPage, bl_activities_page, BL, ACTIVITIES_PAGE, BlPage)

GtkWidget  *bl_activities_page_new              (BlContext        *context);
/* The activities as shown: filtered and sorted (BlActivity items). */
GListModel *bl_activities_page_get_model        (BlActivitiesPage *self);
/* Ids (gint64) of the selected activities, in the order shown. */
GArray     *bl_activities_page_get_selected_ids (BlActivitiesPage *self);
/* The rows' context menu (right click, long press, Shift+F10). */
BlActivityMenu *bl_activities_page_get_menu     (BlActivitiesPage *self);
void        bl_activities_page_focus_search     (BlActivitiesPage *self);
/* Deletes the selected activities, with an "Undo" toast that stays. */
void        bl_activities_page_delete_selected  (BlActivitiesPage *self);
/* Puts back the newest deletion not yet undone (activities.undo-delete,
 * Ctrl+Z): again and again, for as long as the page lives. FALSE when there
 * was none, or the undo failed (a toast says why). */
gboolean    bl_activities_page_undo_delete      (BlActivitiesPage *self);
/* Prints the records of the selected activities (the print dialog), or
 * asks for a selection when there is none. */
void        bl_activities_page_print_selected   (BlActivitiesPage *self);
void        bl_activities_page_print_signin_selected (BlActivitiesPage *self);

G_END_DECLS
