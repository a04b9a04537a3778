/* bl-cli-csv.c: --branch-name, --import-members, --import-activities (CSV or
 * Excel), --export-csv */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli.h"
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
    {
      g_printerr ("%s\n", error->message);
      return BL_EXIT_BAD_INPUT;
    }
  return BL_EXIT_OK;
}

static int
import (BlStore      *store,
        const char   *file,
        BlImportKind  kind)
{
  g_autoptr(GError) error = NULL;
  BlCsvReport report;
  int status = BL_EXIT_OK;

  bl_csv_report_init (&report);
  if (!bl_import_file (store, kind, file, BL_CSV_IMPORT_DEFAULT, NULL, &report, &error))
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
                       const char *file)
{
  return import (store, file, BL_IMPORT_MEMBERS);
}

int
bl_cli_import_activities (BlStore    *store,
                          const char *file)
{
  return import (store, file, BL_IMPORT_ACTIVITIES);
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
