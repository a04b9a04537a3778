/* bl-import.h: members and activities imported from a file, CSV or Excel
 * told apart by what it holds: the sheet 党员名册 or 活动台账 of a
 * workbook, else its first sheet */
#pragma once

#include <gio/gio.h>

#include "bl-csv.h"
#include "bl-store.h"
#include "bl-table.h"

G_BEGIN_DECLS

typedef enum {
  BL_IMPORT_MEMBERS,
  BL_IMPORT_ACTIVITIES,
} BlImportKind;

/* The table in the file at @path for @kind (see bl_table_read_file()):
 * errors (BL_TABLE_ERROR) say what is wrong with the file in the user's
 * language, and what to do. */
BlTable     *bl_import_read   (BlImportKind       kind,
                               const char        *path,
                               GError           **error);
/* bl_csv_import_members_table() or bl_csv_import_activities_table(). */
gboolean     bl_import_table  (BlStore           *store,
                               BlImportKind       kind,
                               BlTable           *table,
                               BlCsvImportFlags   flags,
                               GCancellable      *cancellable,
                               BlCsvReport       *report,
                               GError           **error);
/* Both. */
gboolean     bl_import_file   (BlStore           *store,
                               BlImportKind       kind,
                               const char        *path,
                               BlCsvImportFlags   flags,
                               GCancellable      *cancellable,
                               BlCsvReport       *report,
                               GError           **error);

G_END_DECLS
