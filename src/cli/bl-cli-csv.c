/* bl-cli-csv.c: --branch-name, --import-members, --import-activities (CSV or
 * Excel), --export-csv */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli-private.h"
#include "bl-csv-export.h"
#include "bl-import.h"

int
bl_cli_set_branch_name (BlStore    *store,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name));

  if (*clean == '\0')
    {
      g_printerr (_("--branch-name: the name is empty\n"));
      return BL_EXIT_BAD_INPUT;
    }
  if (!bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, clean, &error))
    return bl_cli_bad_input (error);
  return BL_EXIT_OK;
}

struct _BlCliInput
{
  BlImportKind  kind;
  BlTable      *table;
  GError       *error;
};

BlCliInput *
bl_cli_input_read (gboolean    members,
                   const char *file)
{
  BlCliInput *input;

  g_return_val_if_fail (file != NULL, NULL);

  input = g_new0 (BlCliInput, 1);
  input->kind = members ? BL_IMPORT_MEMBERS : BL_IMPORT_ACTIVITIES;
  input->table = bl_import_read (input->kind, file, &input->error);
  return input;
}

guint
bl_cli_input_get_n_rows (BlCliInput *input)
{
  g_return_val_if_fail (input != NULL, 0);

  return input->table != NULL ? bl_table_get_n_rows (input->table) : 0;
}

void
bl_cli_input_free (BlCliInput *input)
{
  if (input == NULL)
    return;
  g_clear_pointer (&input->table, bl_table_unref);
  g_clear_error (&input->error);
  g_free (input);
}

static int
import (BlStore      *store,
        const char   *file,
        BlImportKind  kind,
        BlCliInput   *input)
{
  g_autoptr(BlCliInput) own = NULL;
  g_autoptr(GError) error = NULL;
  BlCsvReport report;
  int status = BL_EXIT_OK;
  gboolean ok;

  g_return_val_if_fail (input == NULL || input->kind == kind, BL_EXIT_BAD_INPUT);

  if (input == NULL)
    input = own = bl_cli_input_read (kind == BL_IMPORT_MEMBERS, file);
  bl_csv_report_init (&report);
  ok = input->error == NULL;
  if (!ok)
    error = g_error_copy (input->error);
  else
    ok = bl_import_table (store, kind, input->table, BL_CSV_IMPORT_DEFAULT, NULL, &report, &error);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("%s: nothing was imported\n"), file);
      status = BL_EXIT_BAD_INPUT;
    }
  else
    {
      for (guint i = 0; i < report.notes->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (report.notes, i));
      if (report.encoding_note != NULL)
        /* TRANSLATORS: FILE: N added, N updated, N skipped as duplicates (read as GBK) */
        g_print (_("%s: %u added, %u updated, %u skipped as duplicates (%s)\n"),
                 file, report.added, report.updated, report.skipped, report.encoding_note);
      else
        /* TRANSLATORS: FILE: N added, N updated, N skipped as duplicates */
        g_print (_("%s: %u added, %u updated, %u skipped as duplicates\n"),
                 file, report.added, report.updated, report.skipped);
    }
  bl_csv_report_clear (&report);
  return status;
}

int
bl_cli_import_members (BlStore    *store,
                       const char *file,
                       BlCliInput *input)
{
  return import (store, file, BL_IMPORT_MEMBERS, input);
}

int
bl_cli_import_activities (BlStore    *store,
                          const char *file,
                          BlCliInput *input)
{
  return import (store, file, BL_IMPORT_ACTIVITIES, input);
}

int
bl_cli_export_csv (BlStore    *store,
                   const char *dir)
{
  g_autoptr(GError) error = NULL;

  if (!bl_csv_export_dir (store, dir, &error))
    {
      g_printerr ("%s: %s\n", dir, error->message);
      return BL_EXIT_BAD_INPUT;
    }
  g_print (_("Wrote %s/members.csv and %s/activities.csv\n"), dir, dir);
  return BL_EXIT_OK;
}
