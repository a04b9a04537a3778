/* bl-activity-widths.h: how wide the Activities page's columns are, measured
 * from the texts each column may show rather than from the rows made */
#pragma once

#include <gtk/gtk.h>

#include "bl-activity-cell.h"
#include "bl-change.h"
#include "bl-store.h"

G_BEGIN_DECLS

typedef struct _BlActivityWidths BlActivityWidths;

BlActivityWidths *bl_activity_widths_new     (void);
void              bl_activity_widths_free    (BlActivityWidths     *self);
gboolean          bl_activity_widths_update  (BlActivityWidths     *self,
                                              GtkWidget            *widget,
                                              BlStore              *store,
                                              BlChange              changes);
guint             bl_activity_widths_get     (BlActivityWidths     *self,
                                              BlActivityCellColumn  column);
int               bl_activity_widths_get_line_height (BlActivityWidths *self);
void              bl_activity_widths_apply   (BlActivityWidths     *self,
                                              GtkWidget            *root);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlActivityWidths, bl_activity_widths_free)

G_END_DECLS
