/* bl-cli-xlsx.c: --export-xlsx FILE [--year YYYY] */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-cli-private.h"
#include "bl-workbook-export.h"

/* "YYYY" from 1900 to 9999, else 0. */
static int
parse_year (const char *text)
{
  int year;

  if (text == NULL || strlen (text) != 4)
    return 0;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return 0;
  year = (int) g_ascii_strtoll (text, NULL, 10);
  return year >= 1900 ? year : 0;
}

gboolean
bl_cli_export_xlsx_ready (const char *year)
{
  if (year != NULL && parse_year (year) == 0)
    {
      g_printerr (_("--year: “%s” is not a year: write it as YYYY, for example 2025\n"), year);
      return FALSE;
    }
  return TRUE;
}

int
bl_cli_export_xlsx (BlStore    *store,
                    const char *file,
                    const char *year)
{
  g_autoptr(GError) error = NULL;
  int year_value = year != NULL ? parse_year (year) : 0;

  if (!bl_cli_export_xlsx_ready (year))
    return BL_EXIT_BAD_INPUT;
  if (!bl_workbook_export (store, file, year_value, &error))
    return bl_cli_bad_input (error);
  g_print (_("Wrote %s\n"), file);
  return BL_EXIT_OK;
}
