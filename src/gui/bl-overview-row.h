/* bl-overview-row.h: a row of the Overview: a title, a subtitle, and what
 * stands at its end (a state, a button) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BL_TYPE_OVERVIEW_ROW (bl_overview_row_get_type ())
G_DECLARE_FINAL_TYPE (BlOverviewRow, bl_overview_row, BL, OVERVIEW_ROW, GtkListBoxRow)

/* @title and @subtitle are shown as written, not read as markup; a NULL or
 * empty @subtitle shows none. */
GtkWidget  *bl_overview_row_new                   (const char    *title,
                                                   const char    *subtitle);
const char *bl_overview_row_get_title             (BlOverviewRow *self);
const char *bl_overview_row_get_subtitle          (BlOverviewRow *self);
/* Puts @widget at the row's end, after those added before. */
void        bl_overview_row_add_suffix            (BlOverviewRow *self,
                                                   GtkWidget     *widget);
/* Activating the row (a click, Enter) activates @widget, and the row can
 * be activated. */
void        bl_overview_row_set_activatable_widget (BlOverviewRow *self,
                                                    GtkWidget     *widget);
/* What the list calls when the row is activated: emits "activated", then
 * activates the activatable widget. */
void        bl_overview_row_activate              (BlOverviewRow *self);

G_END_DECLS
