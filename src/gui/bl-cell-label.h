/* bl-cell-label.h: the label of a list cell, whose tooltip shows its text when it is cut */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An ellipsizing label for a GtkColumnView cell. Its tooltip is computed when
 * asked for, not set at each bind: gtk_widget_set_tooltip_text() asks the X
 * server where the pointer is, a round trip for every cell a list rebinds. */
GtkWidget *bl_cell_label_new (float xalign);

G_END_DECLS
