/* bl-import.c: members and activities imported from a CSV file or a workbook */
#include "config.h"

#include "bl-csv-activities.h"
#include "bl-csv-members.h"
#include "bl-import.h"
#include "bl-table-reader.h"

BlTable *
bl_import_read (BlImportKind   kind,
                const char    *path,
                GError       **error)
{
  static const char * const roster[] = { "党员名册", NULL };
  static const char * const ledger[] = { "活动台账", NULL };

  g_return_val_if_fail (path != NULL, NULL);

  return bl_table_read_file (path, kind == BL_IMPORT_MEMBERS ? roster : ledger, error);
}

gboolean
bl_import_table (BlStore           *store,
                 BlImportKind       kind,
                 BlTable           *table,
                 BlCsvImportFlags   flags,
                 GCancellable      *cancellable,
                 BlCsvReport       *report,
                 GError           **error)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  if (kind == BL_IMPORT_MEMBERS)
    return bl_csv_import_members_table (store, table, flags, cancellable, report, error);
  return bl_csv_import_activities_table (store, table, flags, cancellable, report, error);
}

gboolean
bl_import_file (BlStore           *store,
                BlImportKind       kind,
                const char        *path,
                BlCsvImportFlags   flags,
                GCancellable      *cancellable,
                BlCsvReport       *report,
                GError           **error)
{
  g_autoptr(BlTable) table = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  table = bl_import_read (kind, path, error);
  if (table == NULL)
    return FALSE;
  return bl_import_table (store, kind, table, flags, cancellable, report, error);
}
