/* bl-xlsx-sheet.c: one sheet's XML (streamed) into rows of text: cell
 * types, number formats and dates, merged ranges, and the limits */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-xlsx-private.h"

/* Excel's last row, and its last day (9999-12-31) as a serial. */
#define MAX_SHEET_ROW  1048576
#define MAX_SERIAL     2958466.0

/* Number formats */

BlXlsxFormat
bl_xlsx_classify_format (guint       id,
                         const char *code)
{
  gboolean date = FALSE, time = FALSE, month = FALSE, elapsed = FALSE;

  if (code == NULL)
    {
      if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) ||
          id == 57 || id == 58)
        return BL_XLSX_DATE;
      if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id == 45 || id == 47 || id == 55 || id == 56)
        return BL_XLSX_TIME;
      if (id == 46)
        return BL_XLSX_DURATION;
      if (id == 22)
        return BL_XLSX_DATETIME;
      return BL_XLSX_NUMBER;
    }

  /* Only the first section (positive numbers) tells; quoted text,
   * escaped characters and [colours] or [$-804] are no date parts, while
   * [h], [mm], [ss] are elapsed times. */
  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');
          if (close == NULL)
            break;
          p = close;
        }
      else if ((*p == '\\' || *p == '_' || *p == '*') && p[1] != '\0')
        p++;
      else if (*p == '[')
        {
          const char *close = strchr (p, ']');
          if (close == NULL)
            break;
          if (strchr ("hms", g_ascii_tolower (p[1])) != NULL && (close - p == 2 || close - p == 3))
            elapsed = TRUE;
          p = close;
        }
      else if (c == 'y' || c == 'd')
        date = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
      else if (c == 'm')
        month = TRUE;
    }
  /* m is minutes beside hours or seconds, else months. */
  if (month && !time && !elapsed)
    date = TRUE;
  if (elapsed && !date)
    return BL_XLSX_DURATION;
  if (date && time)
    return BL_XLSX_DATETIME;
  if (date)
    return BL_XLSX_DATE;
  if (time)
    return BL_XLSX_TIME;
  return BL_XLSX_NUMBER;
}

char *
bl_xlsx_format_serial (double       serial,
                       BlXlsxFormat format,
                       gboolean     date1904)
{
  double whole;
  gint64 days, seconds;
  char date[16] = "", clock[16] = "";

  /* The 1904 system ends on the same day, 1462 serials earlier. */
  if (format == BL_XLSX_NUMBER || !isfinite (serial) || serial < 0 ||
      serial >= MAX_SERIAL - (date1904 ? 1462 : 0))
    return NULL;

  whole = floor (serial);
  days = (gint64) whole;
  seconds = (gint64) llround ((serial - whole) * 86400.0);
  if (seconds >= 86400)
    {
      days++;
      seconds -= 86400;
    }

  if (format == BL_XLSX_DATE || format == BL_XLSX_DATETIME)
    {
      if (date1904)
        {
          g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
          g_date_add_days (day, (guint) days);
          g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                      g_date_get_day (day));
        }
      else if (days < 60)
        {
          /* Serial 0 is Excel's 1900-01-00 and 1–59 count from 1900-01-01. */
          g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 1900);

          if (days == 0)
            g_strlcpy (date, "1900-01-00", sizeof date);
          else
            {
              g_date_add_days (day, (guint) (days - 1));
              g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
            }
        }
      else if (days == 60)
        /* Lotus 1-2-3 thought 1900 a leap year; Excel keeps the day. */
        g_strlcpy (date, "1900-02-29", sizeof date);
      else
        {
          g_autoptr(GDate) day = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
          g_date_add_days (day, (guint) days);
          g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                      g_date_get_day (day));
        }
    }

  if (format != BL_XLSX_DATE)
    {
      /* A clock shows the time of day; a duration counts its hours on. */
      gint64 hours = seconds / 3600 + (format == BL_XLSX_DURATION ? days * 24 : 0);

      if (seconds % 60 == 0)
        g_snprintf (clock, sizeof clock, "%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, hours, seconds / 60 % 60);
      else
        g_snprintf (clock, sizeof clock, "%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                    hours, seconds / 60 % 60, seconds % 60);
    }

  if (format == BL_XLSX_DATE)
    return g_strdup (date);
  if (format == BL_XLSX_DATETIME)
    return g_strdup_printf ("%s %s", date, clock);
  return g_strdup (clock);
}

/* The shortest text that reads back as the same number. */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}

/* The sheet */

typedef struct {
  guint first_row, last_row;
  guint first_column, last_column;
} Range;

typedef struct {
  BlXlsxBook *book;
  const char *sheet;
  GPtrArray  *rows;           /* GPtrArray of char*, one per kept row */
  GArray     *numbers;        /* guint: each kept row's number */
  GArray     *merges;         /* Range */
  GPtrArray  *row;            /* the row being read */
  guint       row_number;
  guint       column;         /* of the cell being read, 0-based */
  guint       n_cells;
  guint       n_row_elements;
  gsize       text_size;      /* bytes of text kept */
  char       *type;
  guint       style;
  GString    *value;          /* <v> */
  GString    *inline_text;    /* <is><t> */
  gboolean    in_sheet_data, in_row, in_cell, in_v, in_inline, in_t;
  guint       phonetic;
} Sheet;

static gboolean
parse_reference (const char *reference,
                 guint      *column,
                 guint      *row)
{
  guint c = 0, r = 0;
  const char *p = reference;

  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > BL_TABLE_MAX_COLUMNS)
        return FALSE;
    }
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint) (*p - '0');
      if (r > MAX_SHEET_ROW)
        return FALSE;
    }
  if (*p != '\0' || (column != NULL && c == 0) || (row != NULL && r == 0))
    return FALSE;
  if (column != NULL)
    *column = c - 1;
  if (row != NULL)
    *row = r;
  return TRUE;
}

static void
set_limit_error (Sheet       *sheet,
                 GError     **error,
                 const char  *what)
{
  g_autofree char *name = bl_text_quote (sheet->sheet, BL_TEXT_QUOTE_CHARS);

  if (g_str_equal (what, "rows"))
    g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                 _("%s: the sheet “%s” has more than %u rows; split it into smaller sheets"),
                 sheet->book->name, name, BL_TABLE_MAX_ROWS);
  else if (g_str_equal (what, "text"))
    {
      g_autofree char *limit = g_format_size (BL_XLSX_MAX_TEXT_SIZE);
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                   _("%s: the sheet “%s” holds more than %s of text; split it into smaller sheets"),
                   sheet->book->name, name, limit);
    }
  else if (g_str_equal (what, "merges"))
    g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                 _("%s: the sheet “%s” has more than %u merged ranges"),
                 sheet->book->name, name, BL_XLSX_MAX_MERGES);
  else
    g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                 _("%s: the sheet “%s” has more than %u cells in all; split it into smaller sheets"),
                 sheet->book->name, name, BL_TABLE_MAX_CELLS);
}

static void
bad_cell (Sheet       *sheet,
          GError     **error,
          const char  *what)
{
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "%s, row %u", what, sheet->row_number);
}

static char *
cell_text (Sheet   *sheet,
           GError **error)
{
  const char *type = sheet->type != NULL ? sheet->type : "n";
  const char *value = sheet->value->str;
  BlXlsxFormat format = BL_XLSX_NUMBER;
  char *end = NULL;
  double number;

  if (g_str_equal (type, "inlineStr"))
    return bl_xlsx_unescape (sheet->inline_text->str, sheet->inline_text->len);
  if (sheet->value->len == 0)
    return g_strdup ("");
  if (g_str_equal (type, "s"))
    {
      guint64 index = g_ascii_strtoull (value, &end, 10);

      if (*end != '\0' || index >= sheet->book->strings->len)
        {
          bad_cell (sheet, error, "a shared string that does not exist");
          return NULL;
        }
      return g_strdup (g_ptr_array_index (sheet->book->strings, index));
    }
  if (g_str_equal (type, "b"))
    return g_strdup (g_str_equal (value, "1") ? "TRUE" : "FALSE");
  if (g_str_equal (type, "str") || g_str_equal (type, "e"))
    return bl_xlsx_unescape (value, sheet->value->len);
  if (g_str_equal (type, "d"))
    {
      /* ISO 8601 (strict OOXML): the date, and the time when it has one. */
      if (sheet->value->len > 10 && !g_str_has_suffix (value, "T00:00:00") && value[10] == 'T')
        return g_strdup_printf ("%.10s %.5s", value, value + 11);
      return g_strndup (value, 10);
    }

  number = g_ascii_strtod (value, &end);
  if (*end != '\0')
    return g_strdup (value);
  if (sheet->style < sheet->book->xf_formats->len)
    format = g_array_index (sheet->book->xf_formats, BlXlsxFormat, sheet->style);
  {
    char *shown = bl_xlsx_format_serial (number, format, sheet->book->date1904);
    return shown != NULL ? shown : format_number (number);
  }
}

static void
end_row (Sheet   *sheet,
         GError **error)
{
  if (bl_table_cells_are_blank ((const char * const *) sheet->row->pdata, sheet->row->len))
    {
      sheet->n_cells -= sheet->row->len;
      g_ptr_array_set_size (sheet->row, 0);
      return;
    }
  if (sheet->rows->len >= BL_TABLE_MAX_ROWS)
    {
      set_limit_error (sheet, error, "rows");
      return;
    }
  g_ptr_array_add (sheet->rows, sheet->row);
  g_array_append_val (sheet->numbers, sheet->row_number);
  sheet->row = g_ptr_array_new_with_free_func (g_free);
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Sheet *sheet = user_data;
  const char *local = bl_xlsx_local_name (element);

  if (g_str_equal (local, "sheetData"))
    sheet->in_sheet_data = TRUE;
  else if (g_str_equal (local, "row") && sheet->in_sheet_data)
    {
      const char *r = bl_xlsx_attribute (names, values, "r", FALSE);
      guint number = sheet->row_number + 1;

      if ((r != NULL && !parse_reference (r, NULL, &number)) || number > MAX_SHEET_ROW ||
          ++sheet->n_row_elements > MAX_SHEET_ROW)
        {
          bad_cell (sheet, error, "more rows than a sheet holds");
          return;
        }
      sheet->row_number = number;
      sheet->column = 0;
      sheet->in_row = TRUE;
    }
  else if (g_str_equal (local, "c") && sheet->in_row)
    {
      const char *r = bl_xlsx_attribute (names, values, "r", FALSE);
      const char *s = bl_xlsx_attribute (names, values, "s", FALSE);
      guint column = sheet->row->len;

      if (r != NULL && !parse_reference (r, &column, NULL))
        {
          bad_cell (sheet, error, "a cell reference out of range");
          return;
        }
      g_free (sheet->type);
      sheet->type = g_strdup (bl_xlsx_attribute (names, values, "t", FALSE));
      sheet->style = s != NULL ? (guint) MIN (g_ascii_strtoull (s, NULL, 10), G_MAXUINT) : 0;
      sheet->column = column;
      g_string_truncate (sheet->value, 0);
      g_string_truncate (sheet->inline_text, 0);
      sheet->in_cell = TRUE;
    }
  else if (g_str_equal (local, "v") && sheet->in_cell)
    sheet->in_v = TRUE;
  else if (g_str_equal (local, "is") && sheet->in_cell)
    sheet->in_inline = TRUE;
  else if (g_str_equal (local, "rPh"))
    sheet->phonetic++;
  else if (g_str_equal (local, "t") && sheet->in_inline && sheet->phonetic == 0)
    sheet->in_t = TRUE;
  else if (g_str_equal (local, "mergeCell"))
    {
      const char *ref = bl_xlsx_attribute (names, values, "ref", FALSE);
      g_auto(GStrv) corners = ref != NULL ? g_strsplit (ref, ":", 3) : NULL;
      Range range;

      if (corners == NULL || corners[0] == NULL || corners[1] == NULL || corners[2] != NULL ||
          !parse_reference (corners[0], &range.first_column, &range.first_row) ||
          !parse_reference (corners[1], &range.last_column, &range.last_row))
        return;  /* a merge it cannot read changes no value */
      if (sheet->merges->len >= BL_XLSX_MAX_MERGES)
        {
          set_limit_error (sheet, error, "merges");
          return;
        }
      g_array_append_val (sheet->merges, range);
    }
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Sheet *sheet = user_data;
  const char *local = bl_xlsx_local_name (element);

  if (g_str_equal (local, "c") && sheet->in_cell)
    {
      char *text;

      sheet->in_cell = sheet->in_v = sheet->in_inline = sheet->in_t = FALSE;
      if (sheet->column >= BL_TABLE_MAX_COLUMNS)
        {
          bad_cell (sheet, error, "a cell past the last column");
          return;
        }
      /* Empty cells (formatted, or a bomb of them) cost nothing. */
      if (sheet->value->len == 0 && sheet->inline_text->len == 0)
        return;
      text = cell_text (sheet, error);
      if (text == NULL)
        return;
      if (*text == '\0')
        {
          g_free (text);
          return;
        }
      sheet->text_size += strlen (text);
      if (sheet->text_size > BL_XLSX_MAX_TEXT_SIZE)
        {
          g_free (text);
          set_limit_error (sheet, error, "text");
          return;
        }
      if (sheet->column >= sheet->row->len)
        {
          guint grow = sheet->column + 1 - sheet->row->len;

          if (sheet->n_cells + grow > BL_TABLE_MAX_CELLS)
            {
              g_free (text);
              set_limit_error (sheet, error, "cells");
              return;
            }
          for (guint i = 0; i < grow; i++)
            g_ptr_array_add (sheet->row, g_strdup (""));
          sheet->n_cells += grow;
        }
      g_free (g_ptr_array_index (sheet->row, sheet->column));
      g_ptr_array_index (sheet->row, sheet->column) = text;
    }
  else if (g_str_equal (local, "row") && sheet->in_row)
    {
      sheet->in_row = FALSE;
      end_row (sheet, error);
    }
  else if (g_str_equal (local, "v"))
    sheet->in_v = FALSE;
  else if (g_str_equal (local, "is"))
    sheet->in_inline = FALSE;
  else if (g_str_equal (local, "t"))
    sheet->in_t = FALSE;
  else if (g_str_equal (local, "rPh") && sheet->phonetic > 0)
    sheet->phonetic--;
  else if (g_str_equal (local, "sheetData"))
    sheet->in_sheet_data = FALSE;
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  Sheet *sheet = user_data;

  if (sheet->in_v)
    g_string_append_len (sheet->value, text, (gssize) length);
  else if (sheet->in_t)
    g_string_append_len (sheet->inline_text, text, (gssize) length);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

/* The first kept row numbered @number or later. */
static guint
row_index_from (Sheet *sheet,
                guint  number)
{
  guint low = 0, high = sheet->numbers->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (sheet->numbers, guint, middle) < number)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Repeats each merged range's value down its first column. */
static gboolean
fill_merges (Sheet   *sheet,
             GError **error)
{
  guint visits = 0;

  for (guint m = 0; m < sheet->merges->len; m++)
    {
      Range *range = &g_array_index (sheet->merges, Range, m);
      guint first = row_index_from (sheet, range->first_row);
      const char *value;
      GPtrArray *top;

      if (first >= sheet->rows->len || g_array_index (sheet->numbers, guint, first) != range->first_row)
        continue;
      top = g_ptr_array_index (sheet->rows, first);
      if (range->first_column >= top->len)
        continue;
      value = g_ptr_array_index (top, range->first_column);

      for (guint r = first + 1; r < sheet->rows->len && g_array_index (sheet->numbers, guint, r) <= range->last_row; r++)
        {
          GPtrArray *row = g_ptr_array_index (sheet->rows, r);

          if (++visits > BL_TABLE_MAX_CELLS)
            {
              set_limit_error (sheet, error, "cells");
              return FALSE;
            }
          while (row->len <= range->first_column)
            {
              if (++sheet->n_cells > BL_TABLE_MAX_CELLS)
                {
                  set_limit_error (sheet, error, "cells");
                  return FALSE;
                }
              g_ptr_array_add (row, g_strdup (""));
            }
          if (*(char *) g_ptr_array_index (row, range->first_column) == '\0')
            {
              sheet->text_size += strlen (value);
              if (sheet->text_size > BL_XLSX_MAX_TEXT_SIZE)
                {
                  set_limit_error (sheet, error, "text");
                  return FALSE;
                }
              g_free (g_ptr_array_index (row, range->first_column));
              g_ptr_array_index (row, range->first_column) = g_strdup (value);
            }
        }
    }
  return TRUE;
}

static gint
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

BlTable *
bl_xlsx_read_sheet (BlXlsxBook  *book,
                    const char  *sheet_name,
                    const char  *path,
                    GError     **error)
{
  Sheet sheet = { 0 };
  g_autoptr(BlTable) table = NULL;
  gboolean found = FALSE, ok;

  sheet.book = book;
  sheet.sheet = sheet_name;
  sheet.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sheet.numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  sheet.merges = g_array_new (FALSE, FALSE, sizeof (Range));
  sheet.row = g_ptr_array_new_with_free_func (g_free);
  sheet.value = g_string_new (NULL);
  sheet.inline_text = g_string_new (NULL);

  ok = bl_xlsx_read_part (book, path, &sheet_parser, &sheet, &found, error);
  if (ok && !found)
    {
      g_autofree char *detail = g_strdup_printf ("the sheet “%s” is missing", sheet_name);
      bl_xlsx_set_corrupt (error, book->name, detail);
      ok = FALSE;
    }
  if (ok)
    {
      /* Rows come in order; merges too, usually: sorted, a range's top
       * row is filled before a range below copies from it. */
      g_array_sort (sheet.merges, compare_ranges);
      ok = fill_merges (&sheet, error);
    }
  if (ok)
    {
      table = bl_table_new_sheet (book->name, sheet_name);
      for (guint r = 0; r < sheet.rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (sheet.rows, r);

          g_ptr_array_set_free_func (row, NULL);
          g_ptr_array_add (row, NULL);
          bl_table_append_row (table, g_array_index (sheet.numbers, guint, r), (GStrv) g_ptr_array_free (row, FALSE));
          g_ptr_array_index (sheet.rows, r) = NULL;
        }
    }

  g_ptr_array_set_free_func (sheet.rows, NULL);
  for (guint r = 0; r < sheet.rows->len; r++)
    if (g_ptr_array_index (sheet.rows, r) != NULL)
      g_ptr_array_unref (g_ptr_array_index (sheet.rows, r));
  g_ptr_array_unref (sheet.rows);
  g_array_unref (sheet.numbers);
  g_array_unref (sheet.merges);
  g_ptr_array_unref (sheet.row);
  g_string_free (sheet.value, TRUE);
  g_string_free (sheet.inline_text, TRUE);
  g_free (sheet.type);
  return ok ? g_steal_pointer (&table) : NULL;
}
