/* bl-csv-members.h: members imported from members.csv, or from a
 * workbook's 党员名册 sheet read into a table */
#pragma once

#include <gio/gio.h>

#include "bl-csv.h"
#include "bl-store.h"
#include "bl-table.h"

G_BEGIN_DECLS

/* Adds the members of @table and updates those already in the ledger: an
 * active member by name; a transferred one by name and 转出日期 (so that
 * importing the app's own export again adds nobody). A row with only a
 * 党小组 keeps a party group that has no members. All in one transaction
 * (a savepoint inside an open one): every row or, on any problem, nothing;
 * with BL_CSV_IMPORT_DRY_RUN nothing either way, the report saying what
 * would have been done. Problems are "FILE:LINE: …" or "FILE:SHEET!A12: …"
 * lines in one BL_CSV_ERROR_INVALID error; a cancelled import fails with
 * G_IO_ERROR_CANCELLED. */
gboolean     bl_csv_import_members_table (BlStore          *store,
                                          BlTable          *table,
                                          BlCsvImportFlags  flags,
                                          GCancellable     *cancellable,
                                          BlCsvReport      *report,
                                          GError          **error);

/* The same for the CSV file at @path (any encoding and delimiter the CSV
 * reader knows). */
gboolean     bl_csv_import_members       (BlStore          *store,
                                          const char       *path,
                                          BlCsvReport      *report,
                                          GError          **error);

G_END_DECLS
