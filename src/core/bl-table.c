/* bl-table.c: what a CSV file or a workbook's sheet reads as */
#include "config.h"

#include <string.h>

#include "bl-table.h"

struct _BlTable
{
  gatomicrefcount ref_count;
  char           *name;
  char           *sheet;        /* NULL for text */
  BlTextEncoding  encoding;
  char            delimiter;
  GPtrArray      *rows;         /* GStrv */
  GArray         *positions;    /* guint: line or sheet row number */
  GArray         *lengths;      /* guint: cells in each row */
};

G_DEFINE_BOXED_TYPE (BlTable, bl_table, bl_table_ref, bl_table_unref)
G_DEFINE_QUARK (bl-table-error-quark, bl_table_error)

static BlTable *
table_new (const char *name)
{
  BlTable *table = g_new0 (BlTable, 1);

  g_atomic_ref_count_init (&table->ref_count);
  table->name = g_strdup (name);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  table->lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  return table;
}

BlTable *
bl_table_new_text (const char     *name,
                   BlTextEncoding  encoding,
                   char            delimiter)
{
  BlTable *table;

  g_return_val_if_fail (name != NULL, NULL);

  table = table_new (name);
  table->encoding = encoding;
  table->delimiter = delimiter;
  return table;
}

BlTable *
bl_table_new_sheet (const char *name,
                    const char *sheet)
{
  BlTable *table;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  table = table_new (name);
  table->sheet = g_strdup (sheet);
  table->encoding = BL_TEXT_UTF8;
  return table;
}

BlTable *
bl_table_ref (BlTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
bl_table_unref (BlTable *table)
{
  g_return_if_fail (table != NULL);

  if (!g_atomic_ref_count_dec (&table->ref_count))
    return;
  g_free (table->name);
  g_free (table->sheet);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->positions);
  g_array_unref (table->lengths);
  g_free (table);
}

const char *
bl_table_get_name (BlTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->name;
}

const char *
bl_table_get_sheet (BlTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->sheet;
}

BlTextEncoding
bl_table_get_encoding (BlTable *table)
{
  g_return_val_if_fail (table != NULL, BL_TEXT_UTF8);

  return table->encoding;
}

char
bl_table_get_delimiter (BlTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->delimiter;
}

void
bl_table_append_row (BlTable *table,
                     guint    position,
                     GStrv    cells)
{
  guint length;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  length = g_strv_length (cells);
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->positions, position);
  g_array_append_val (table->lengths, length);
}

guint
bl_table_get_n_rows (BlTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

guint
bl_table_get_position (BlTable *table,
                       guint    row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->positions, guint, row);
}

const char * const *
bl_table_get_row (BlTable *table,
                  guint    row)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  return g_ptr_array_index (table->rows, row);
}

guint
bl_table_get_row_length (BlTable *table,
                         guint    row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->lengths, guint, row);
}

const char *
bl_table_get_cell (BlTable *table,
                   guint    row,
                   guint    column)
{
  g_return_val_if_fail (table != NULL, "");
  g_return_val_if_fail (row < table->rows->len, "");

  if (column >= g_array_index (table->lengths, guint, row))
    return "";
  return ((char **) g_ptr_array_index (table->rows, row))[column];
}

gboolean
bl_table_cell_is_blank (const char *text)
{
  g_return_val_if_fail (text != NULL, TRUE);

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
bl_table_cells_are_blank (const char * const *cells,
                          guint               n_cells)
{
  g_return_val_if_fail (cells != NULL || n_cells == 0, TRUE);

  for (guint i = 0; i < n_cells; i++)
    if (!bl_table_cell_is_blank (cells[i]))
      return FALSE;
  return TRUE;
}

gboolean
bl_table_row_is_blank (BlTable *table,
                       guint    row)
{
  g_return_val_if_fail (table != NULL, TRUE);
  g_return_val_if_fail (row < table->rows->len, TRUE);

  return bl_table_cells_are_blank (g_ptr_array_index (table->rows, row),
                                   g_array_index (table->lengths, guint, row));
}

char *
bl_table_column_name (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = (char) ('A' + column % 26);
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (buffer + i);
}

/* Excel quotes a sheet's name in a reference when it is more than letters,
 * digits and underscores: 'Sheet 1'!A2. */
static char *
sheet_reference (const char *sheet)
{
  GString *out;
  gboolean plain = TRUE;

  for (const char *p = sheet; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '_')
        plain = FALSE;
    }
  if (plain && *sheet != '\0')
    return bl_text_quote (sheet, BL_TEXT_QUOTE_CHARS);

  out = g_string_new ("'");
  for (const char *p = sheet; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  {
    g_autofree char *raw = g_string_free (out, FALSE);
    return bl_text_quote (raw, BL_TEXT_QUOTE_CHARS + 2);
  }
}

char *
bl_table_format_location (BlTable *table,
                          guint    row,
                          int      column)
{
  g_autofree char *column_name = NULL;
  g_autofree char *sheet = NULL;
  guint position;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  position = g_array_index (table->positions, guint, row);
  if (table->sheet == NULL)
    return g_strdup_printf ("%s:%u", table->name, position);

  column_name = bl_table_column_name (column >= 0 ? (guint) column : 0);
  sheet = sheet_reference (table->sheet);
  return g_strdup_printf ("%s:%s!%s%u", table->name, sheet, column_name, position);
}

char *
bl_table_format_problem (BlTable    *table,
                         guint       row,
                         int         column,
                         const char *format,
                         ...)
{
  char *problem;
  va_list args;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  va_start (args, format);
  problem = bl_table_format_problem_valist (table, row, column, format, args);
  va_end (args);
  return problem;
}

char *
bl_table_format_problem_valist (BlTable    *table,
                                guint       row,
                                int         column,
                                const char *format,
                                va_list     args)
{
  g_autofree char *location = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  location = bl_table_format_location (table, row, column);
  message = bl_text_format_message (format, args);
  return g_strdup_printf ("%s: %s", location, message);
}

int
bl_table_find_header (BlTable          *table,
                      guint             max_rows,
                      BlTableHeaderFunc is_header,
                      gpointer          user_data)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (is_header != NULL, -1);

  for (guint r = 0; r < table->rows->len && r < max_rows; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      gboolean any = FALSE, all = TRUE;

      for (guint i = 0; cells[i] != NULL && all; i++)
        {
          g_autofree char *name = NULL;

          if (bl_table_cell_is_blank (cells[i]))
            continue;
          name = g_strstrip (g_strdup (cells[i]));
          any = TRUE;
          all = is_header (name, user_data);
        }
      if (any && all)
        return (int) r;
    }
  return -1;
}
