/* fuzz-csv-reader.c: libFuzzer entry point for the CSV reader: decoding
 * (UTF-8, UTF-16, GBK), delimiters, quoting, limits, and the one-line
 * messages that quote what a file holds. See README.md, "Fuzzing". */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "bl-csv-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlTable) table = bl_csv_reader_read_bytes ("fuzz.csv", (const char *) data, size, &error);

  if (table == NULL)
    {
      /* Every refusal is one line that names the file. */
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.csv:"));
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }
  for (guint r = 0; r < bl_table_get_n_rows (table); r++)
    {
      guint n = bl_table_get_row_length (table, r);
      g_autofree char *problem = bl_table_format_problem (table, r, 0, "“%s” is not a date", bl_table_get_cell (table, r, 0));

      g_assert (n > 0 && !bl_table_row_is_blank (table, r));
      g_assert (strchr (problem, '\n') == NULL && strchr (problem, '\x1b') == NULL);
      g_assert (r == 0 || bl_table_get_position (table, r) > bl_table_get_position (table, r - 1));
    }
  return 0;
}
