/* bl-member-import.h: importing members.csv from a window (file chooser, errors shown) */
#pragma once

#include <gtk/gtk.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* Asks for a CSV file and imports it (see bl_member_import_file). */
void     bl_member_import_choose (GtkWidget *owner,
                                  BlStore   *store);
/* Imports @file into @store in one transaction. A file with errors imports
 * nothing, and its "FILE:LINE: …" lines are shown in a dialog over @owner's
 * window. On success, a toast says how many were added when the window has
 * a toast overlay. */
gboolean bl_member_import_file   (GtkWidget *owner,
                                  BlStore   *store,
                                  GFile     *file);

G_END_DECLS
