/* bl-csv-reader.c: CSV files read into a BlTable */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-csv-reader.h"

typedef struct {
  BlTable   *table;
  GPtrArray *cells;     /* the row being read (char*) */
  guint      n_cells;   /* cells kept so far, all rows */
  guint      n_rows;
} Parser;

typedef enum {
  LIMIT_ROWS,
  LIMIT_COLUMNS,
  LIMIT_CELLS,
} Limit;

static gboolean
too_large (BlTable     *table,
           guint        line,
           Limit        limit,
           GError     **error)
{
  const char *name = bl_table_get_name (table);

  if (limit == LIMIT_ROWS)
    g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                 _("%s:%u: the file has more than %u rows; split it into smaller files"),
                 name, line, BL_TABLE_MAX_ROWS);
  else if (limit == LIMIT_COLUMNS)
    g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                 _("%s:%u: the row has more than %u cells"), name, line, BL_TABLE_MAX_COLUMNS);
  else
    g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                 _("%s:%u: the file has more than %u cells in all; split it into smaller files"),
                 name, line, BL_TABLE_MAX_CELLS);
  return FALSE;
}

static gboolean
end_cell (Parser   *parser,
          GString  *cell,
          guint     line,
          GError  **error)
{
  if (parser->cells->len >= BL_TABLE_MAX_COLUMNS)
    return too_large (parser->table, line, LIMIT_COLUMNS, error);
  g_ptr_array_add (parser->cells, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);
  return TRUE;
}

static gboolean
end_row (Parser   *parser,
         guint     row_line,
         GError  **error)
{
  if (bl_table_cells_are_blank ((const char * const *) parser->cells->pdata, parser->cells->len))
    {
      g_ptr_array_set_size (parser->cells, 0);
      return TRUE;
    }
  if (parser->n_rows >= BL_TABLE_MAX_ROWS)
    return too_large (parser->table, row_line, LIMIT_ROWS, error);
  if (parser->n_cells + parser->cells->len > BL_TABLE_MAX_CELLS)
    return too_large (parser->table, row_line, LIMIT_CELLS, error);

  parser->n_rows++;
  parser->n_cells += parser->cells->len;
  g_ptr_array_add (parser->cells, NULL);
  bl_table_append_row (parser->table, row_line, (GStrv) g_ptr_array_steal (parser->cells, NULL));
  return TRUE;
}

/* The first byte at or after @p that is @special, or @end: the runs of
 * plain text between them are copied whole (a 20-year export is 15 MB,
 * nearly all of it plain). */
static const char *
find_special (const char     *p,
              const char     *end,
              const gboolean  special[256])
{
  while (p < end && !special[(guchar) *p])
    p++;
  return p;
}

gboolean
bl_csv_reader_parse (BlTable     *table,
                     const char  *text,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  Parser parser = { table, cells, 0, 0 };
  char delimiter;
  const char *p = text, *end = text + length;
  gboolean special[256] = { FALSE };
  guint line = 1, row_line = 1, quote_line = 1;
  gboolean quoted = FALSE, was_quoted = FALSE, row_started = FALSE;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  delimiter = bl_table_get_delimiter (table);
  if (delimiter == 0)
    delimiter = ',';
  special[(guchar) '"'] = special[(guchar) delimiter] = special[(guchar) '\n'] = special[(guchar) '\r'] = TRUE;

  for (; p < end; p++)
    {
      char c;

      if (quoted)
        {
          /* Up to the next quote, kept as written: line breaks inside the
           * cell are counted as the file's lines are. */
          const char *run_end = memchr (p, '"', (gsize) (end - p));

          if (run_end == NULL)
            run_end = end;

          for (const char *q = p; q < run_end; q++)
            if (*q == '\n' || (*q == '\r' && (q + 1 >= end || q[1] != '\n')))
              line++;
          g_string_append_len (cell, p, run_end - p);
          p = run_end;
          if (p >= end)
            break;
          if (p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else
            quoted = FALSE;
          continue;
        }

      /* Plain text up to the next quote, delimiter or line break. */
      {
        const char *run_end = find_special (p, end, special);

        if (run_end > p)
          {
            g_string_append_len (cell, p, run_end - p);
            row_started = TRUE;
            p = run_end;
            if (p >= end)
              break;
          }
      }
      c = *p;
      if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = row_started = TRUE;
          quote_line = line;
        }
      else if (c == delimiter)
        {
          if (!end_cell (&parser, cell, row_line, error))
            return FALSE;
          was_quoted = FALSE;
          row_started = TRUE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          if (row_started || cell->len > 0)
            {
              if (!end_cell (&parser, cell, row_line, error) || !end_row (&parser, row_line, error))
                return FALSE;
            }
          was_quoted = row_started = FALSE;
          line++;
          row_line = line;
        }
      else
        {
          g_string_append_c (cell, c);
          row_started = TRUE;
        }
    }

  if (quoted)
    {
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_SYNTAX,
                   _("%s:%u: a quoted cell is never closed"), bl_table_get_name (table), quote_line);
      return FALSE;
    }
  if (row_started || cell->len > 0)
    return end_cell (&parser, cell, row_line, error) && end_row (&parser, row_line, error);
  return TRUE;
}

BlTable *
bl_csv_reader_read_bytes (const char  *name,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(BlTable) table = NULL;
  BlTextEncoding encoding;
  gsize text_length;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = bl_text_decode (name, data != NULL ? data : "", length, &encoding, &text_length, error);
  if (text == NULL)
    return NULL;
  table = bl_table_new_text (name, encoding, bl_text_detect_delimiter (text, text_length));
  if (!bl_csv_reader_parse (table, text, text_length, error))
    return NULL;
  return g_steal_pointer (&table);
}

BlTable *
bl_csv_reader_read_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = bl_text_read_file (path, BL_TEXT_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return bl_csv_reader_read_bytes (path, data, length, error);
}
