/* bl-workbook-save.h: the ledger saved as an Excel workbook from the window:
 * a file chosen, the workbook written off the main thread, a toast to open it */
#pragma once

#include <gtk/gtk.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* Asks where to save, then writes the workbook of @store (@year: only that
 * year, as --export-xlsx --year does; 0: everything) on a connection of
 * its own in a thread, and says so over @owner's window. */
void bl_workbook_save_run   (GtkWidget *owner,
                             BlStore   *store,
                             int        year);
/* The same without asking: writes to @file. */
void bl_workbook_save_start (GtkWidget *owner,
                             BlStore   *store,
                             int        year,
                             GFile     *file);

G_END_DECLS
