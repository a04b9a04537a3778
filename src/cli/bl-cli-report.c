/* bl-cli-report.c: --report, --print-records and --print-signin: PDFs
 * written without a window, by the same renderers that print from the
 * window */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-renderer.h"
#include "bl-cli-private.h"
#include "bl-record-renderer.h"
#include "bl-report-renderer.h"
#include "bl-report.h"
#include "bl-signin-renderer.h"

static gboolean
check_output (const char *option,
              const char *output)
{
  if (output == NULL || output[0] == '\0')
    {
      /* TRANSLATORS: %s is a command-line option, "--report" */
      g_printerr (_("%s needs --output FILE.pdf: the PDF file to write\n"), option);
      return FALSE;
    }
  return TRUE;
}

static int
write_pdf (BlPrintRenderer *renderer,
           const char      *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;

  /* The command line prints on A4, as branch records are bound. */
  if (!bl_print_renderer_export_pdf (renderer, file, BL_PRINT_A4_WIDTH, BL_PRINT_A4_HEIGHT, &error))
    {
      g_printerr (_("Cannot write %s: %s\n"), output, error->message);
      return BL_EXIT_BAD_INPUT;
    }
  g_print (_("Wrote %s\n"), output);
  return BL_EXIT_OK;
}

gboolean
bl_cli_report_ready (const char *month,
                     const char *output)
{
  g_autoptr(GError) error = NULL;

  if (!bl_report_parse_month (month, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return check_output ("--report", output);
}

int
bl_cli_report (BlStore    *store,
               const char *month,
               const char *output)
{
  g_autoptr(BlReport) report = NULL;
  g_autoptr(BlReportRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  if (!bl_cli_report_ready (month, output))
    return BL_EXIT_BAD_INPUT;

  report = bl_report_build (store, month, NULL, &error);
  if (report == NULL)
    {
      g_printerr (_("Cannot gather the summary of %s: %s\n"), month, error->message);
      return BL_EXIT_BAD_INPUT;
    }

  renderer = bl_report_renderer_new (g_steal_pointer (&report));
  return write_pdf (BL_PRINT_RENDERER (renderer), output);
}

/* Activity numbers separated by commas; NULL after a message. */
static GArray *
parse_ids (const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids != NULL ? ids : "", ",", -1);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint64 number = 0;

      if (!g_ascii_string_to_unsigned (part, 10, 1, G_MAXINT64, &number, NULL))
        {
          /* TRANSLATORS: %s is what was given where an activity number was expected */
          g_printerr (_("“%s” is not an activity number: give numbers separated by commas, for example 12,15\n"),
                      part);
          return NULL;
        }
      g_array_append_val (numbers, number);
    }
  return g_steal_pointer (&numbers);
}

/* The activity numbers in @ids when they and @output suit @option; NULL
 * after a message (@missing when @ids names none). */
static GArray *
parse_ids_for (const char *option,
               const char *ids,
               const char *output,
               const char *missing)
{
  g_autoptr(GArray) numbers = parse_ids (ids);

  if (numbers == NULL)
    return NULL;
  if (numbers->len == 0)
    {
      g_printerr ("%s", missing);
      return NULL;
    }
  if (!check_output (option, output))
    return NULL;
  return g_steal_pointer (&numbers);
}

/* The activities numbered @numbers, printed by a renderer of @type. */
static int
write_activities_pdf (GType       type,
                      BlStore    *store,
                      GArray     *numbers,
                      const char *output)
{
  g_autoptr(BlPrintRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;

  renderer = bl_activity_renderer_new_for_ids (type, store, (const gint64 *) (gpointer) numbers->data,
                                               numbers->len, &error);
  if (renderer == NULL)
    return bl_cli_bad_input (error);
  return write_pdf (renderer, output);
}

int
bl_cli_print_signin (BlStore    *store,
                     const char *ids,
                     const char *output)
{
  g_autoptr(GArray) numbers = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  numbers = parse_ids_for ("--print-signin", ids, output,
                           _("--print-signin needs the number of the activity, for example 12\n"));
  if (numbers == NULL)
    return BL_EXIT_BAD_INPUT;
  return write_activities_pdf (BL_TYPE_SIGNIN_RENDERER, store, numbers, output);
}

gboolean
bl_cli_print_records_ready (const char *ids,
                            const char *output)
{
  g_autoptr(GArray) numbers = parse_ids_for ("--print-records", ids, output,
                                             _("--print-records needs the numbers of the activities to print, for "
                                               "example 12,15\n"));

  return numbers != NULL;
}

int
bl_cli_print_records (BlStore    *store,
                      const char *ids,
                      const char *output)
{
  g_autoptr(GArray) numbers = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  if (!bl_cli_print_records_ready (ids, output))
    return BL_EXIT_BAD_INPUT;
  numbers = parse_ids (ids);
  return write_activities_pdf (BL_TYPE_RECORD_RENDERER, store, numbers, output);
}
