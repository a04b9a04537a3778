/* bl-activity-cell.h: one cell of the Activities page's table */
#pragma once

#include <gtk/gtk.h>

#include "bl-activity.h"
#include "bl-store.h"

G_BEGIN_DECLS

typedef enum {
  BL_ACTIVITY_CELL_DATE,
  BL_ACTIVITY_CELL_KIND,
  BL_ACTIVITY_CELL_TOPIC,
  BL_ACTIVITY_CELL_HOST,
  BL_ACTIVITY_CELL_ATTENDANCE,
  BL_ACTIVITY_CELL_STATUS,
} BlActivityCellColumn;

#define BL_TYPE_ACTIVITY_CELL (bl_activity_cell_get_type ())

G_DECLARE_FINAL_TYPE (BlActivityCell, bl_activity_cell, BL, ACTIVITY_CELL, GtkWidget)

GtkWidget  *bl_activity_cell_new          (BlActivityCellColumn  column);
void        bl_activity_cell_bind         (BlActivityCell       *self,
                                           BlStore              *store,
                                           BlActivity           *activity);
const char *bl_activity_cell_get_text     (BlActivityCell       *self);
/* The activity it shows (NULL while unbound). */
BlActivity *bl_activity_cell_get_activity (BlActivityCell       *self);
BlActivityCellColumn bl_activity_cell_get_column (BlActivityCell *self);
void        bl_activity_cell_set_text_size (BlActivityCell      *self,
                                            guint                chars,
                                            int                  line_height);

G_END_DECLS
