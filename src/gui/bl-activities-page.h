/* bl-activities-page.h: every activity, searchable, filterable and sortable */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITIES_PAGE (bl_activities_page_get_type ())
G_DECLARE_FINAL_TYPE (BlActivitiesPage, bl_activities_page, BL, ACTIVITIES_PAGE, AdwBin)

GtkWidget  *bl_activities_page_new              (BlStore          *store);
BlStore    *bl_activities_page_get_store        (BlActivitiesPage *self);
void        bl_activities_page_set_store        (BlActivitiesPage *self,
                                                 BlStore          *store);
/* The activities as shown: filtered and sorted (BlActivity items). */
GListModel *bl_activities_page_get_model        (BlActivitiesPage *self);
/* Ids (gint64) of the selected activities, in the order shown. */
GArray     *bl_activities_page_get_selected_ids (BlActivitiesPage *self);
void        bl_activities_page_focus_search     (BlActivitiesPage *self);
/* Deletes the selected activities, with an "Undo" toast. */
void        bl_activities_page_delete_selected  (BlActivitiesPage *self);
/* Prints the records of the selected activities (the print dialog), or
 * asks for a selection when there is none. */
void        bl_activities_page_print_selected   (BlActivitiesPage *self);
void        bl_activities_page_print_signin_selected (BlActivitiesPage *self);

G_END_DECLS
