/* bl-csv-activities.h: activities and their attendance imported from
 * activities.csv, or from a workbook's 活动台账 sheet read into a table */
#pragma once

#include <gio/gio.h>

#include "bl-csv.h"
#include "bl-store.h"
#include "bl-table.h"

G_BEGIN_DECLS

/* Adds the activities of @table with their attendance. An activity already
 * in the ledger (same kind, date, start and topic) is counted and skipped,
 * and one note says where the first ones are. Attendance: both 出席 and
 * 缺席 empty, none recorded; when 应到 counts the people listed, exactly
 * them; else only 缺席 given, every other member expected that day was
 * present, and 出席 given, every expected member not listed was absent.
 * All in one transaction, as bl_csv_import_members_table() does. */
gboolean     bl_csv_import_activities_table (BlStore          *store,
                                             BlTable          *table,
                                             BlCsvImportFlags  flags,
                                             GCancellable     *cancellable,
                                             BlCsvReport      *report,
                                             GError          **error);

/* The same for the CSV file at @path. */
gboolean     bl_csv_import_activities       (BlStore          *store,
                                             const char       *path,
                                             BlCsvReport      *report,
                                             GError          **error);

G_END_DECLS
