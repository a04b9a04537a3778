/* bl-csv.c: what the CSV importers and the export share: the report, the
 * columns, problems, the header, and cells as the imports read them */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-csv-private.h"
#include "bl-csv-reader.h"

G_DEFINE_QUARK (bl-csv-error-quark, bl_csv_error)

/* How far down a title and notes may push the header. */
#define HEADER_SEARCH_ROWS 20

const BlCsvColumn bl_csv_member_columns[BL_CSV_MEMBER_N_COLUMNS] = {
  { "姓名", "name", TRUE },
  { "党小组", "group", FALSE },
  { "党员类别", "category", FALSE },
  { "职务", "role", FALSE },
  { "入党日期", "joined", FALSE },
  { "电话", "phone", FALSE },
  { "状态", "status", FALSE },
  { "转出日期", "transferred_on", FALSE },
  { "转往", "transferred_to", FALSE },
};

const BlCsvColumn bl_csv_activity_columns[BL_CSV_ACTIVITY_N_COLUMNS] = {
  { "类型", "kind", TRUE },
  { "日期", "date", TRUE },
  { "开始时间", "start", FALSE },
  { "结束时间", "end", FALSE },
  { "主题", "topic", TRUE },
  { "地点", "location", FALSE },
  { "主持人", "host", FALSE },
  { "记录人", "recorder", FALSE },
  { "主讲人", "lecturer", FALSE },
  { "党小组", "group", FALSE },
  { "出席", "present", FALSE },
  { "缺席", "absent", FALSE },
  { "列席", "guests", FALSE },
  { "标签", "tags", FALSE },
  { "状态", "status", FALSE },
  { "内容", "content", FALSE },
  { "决议", "resolutions", FALSE },
  { "第一议题", "first_topic", FALSE },
  { "应到", "expected", FALSE },
  { "实到", "attended", FALSE },
  { "编号", "id", FALSE },
  { "附件", "attachments", FALSE },
  { "附件说明", "attachment_captions", FALSE },
  { "缺席人员及原因", "absences", FALSE },
};

/* The report */

void
bl_csv_report_init (BlCsvReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->notes = g_ptr_array_new_with_free_func (g_free);
}

void
bl_csv_report_clear (BlCsvReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_clear_pointer (&report->encoding_note, g_free);
}

char *
bl_csv_format_count (guint count)
{
  g_autofree char *digits = g_strdup_printf ("%u", count);
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

void
bl_csv_report_begin_rows (BlCsvReport *report,
                          BlCsvSheet  *sheet)
{
  guint rows = bl_table_get_n_rows (sheet->table);

  if (report == NULL)
    return;
  g_atomic_int_set (&report->rows_done, 0);
  g_atomic_int_set (&report->rows_total, (gint) (rows - MIN (rows, sheet->header + 1)));
}

void
bl_csv_report_row_done (BlCsvReport *report)
{
  if (report != NULL)
    g_atomic_int_inc (&report->rows_done);
}

void
bl_csv_report_add_duplicates (BlCsvReport *report,
                              BlTable     *table,
                              GArray      *rows,
                              guint        count)
{
  g_autofree char *where = NULL;
  g_autofree char *counted = NULL;
  g_autoptr(GString) list = NULL;
  char *note;

  if (report == NULL || count == 0)
    return;
  where = bl_table_format_location (table, g_array_index (rows, guint, 0), -1);
  if (count == 1)
    {
      report->skipped += count;
      g_ptr_array_add (report->notes,
                       g_strdup_printf (_("%s: the same activity (kind, date, start and topic) is already in the ledger; "
                                          "skipped"), where));
      return;
    }

  list = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%u", bl_table_get_position (table, g_array_index (rows, guint, i)));
    }
  if (count > rows->len)
    {
      g_autofree char *more = bl_csv_format_count (count - rows->len);
      g_autofree char *listed = g_string_free (g_steal_pointer (&list), FALSE);

      /* TRANSLATORS: the lines of "… were skipped: lines %s": "2, 3, 4 and 5,990 more" (lines) */
      list = g_string_new (NULL);
      g_string_printf (list, g_dngettext (GETTEXT_PACKAGE, "%s and %s more", "%s and %s more", count - rows->len),
                       listed, more);
    }
  counted = bl_csv_format_count (count);
  note = g_strdup_printf (bl_table_get_sheet (table) != NULL
                          /* TRANSLATORS: FILE:SHEET!A2: 6,000 activities … were skipped: rows 2, 3, … */
                          ? g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %s activity already in the ledger (same kind, date, start and topic) "
                                         "was skipped: rows %s",
                                         "%s: %s activities already in the ledger (same kind, date, start and topic) "
                                         "were skipped: rows %s", count)
                          /* TRANSLATORS: FILE:2: 6,000 activities … were skipped: lines 2, 3, … */
                          : g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %s activity already in the ledger (same kind, date, start and topic) "
                                         "was skipped: lines %s",
                                         "%s: %s activities already in the ledger (same kind, date, start and topic) "
                                         "were skipped: lines %s", count),
                          where, counted, list->str);
  report->skipped += count;
  g_ptr_array_add (report->notes, note);
}

/* Parsing, for tests */

GPtrArray *
bl_csv_parse (const char  *text,
              gsize        length,
              GArray     **lines,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(BlTable) table = NULL;
  g_autoptr(GError) local_error = NULL;

  table = bl_csv_reader_read_bytes ("-", text, length, &local_error);
  if (table == NULL)
    {
      g_set_error_literal (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID, local_error->message);
      return NULL;
    }
  for (guint r = 0; r < bl_table_get_n_rows (table); r++)
    {
      guint line = bl_table_get_position (table, r);

      g_ptr_array_add (rows, g_strdupv ((GStrv) bl_table_get_row (table, r)));
      g_array_append_val (starts, line);
    }
  if (lines != NULL)
    *lines = g_steal_pointer (&starts);
  return g_steal_pointer (&rows);
}

/* The apostrophe guard */

gboolean
bl_csv_needs_guard (const char *value)
{
  return value != NULL && value[0] != '\0' && strchr ("=+-@'\t\r\n ", value[0]) != NULL;
}

void
bl_csv_append_quoted (GString    *out,
                      const char *value,
                      gboolean    guard)
{
  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Problems */

void
bl_csv_problems_init (BlCsvProblems *problems)
{
  problems->messages = g_string_new (NULL);
  problems->count = 0;
}

void
bl_csv_problems_clear (BlCsvProblems *problems)
{
  if (problems->messages != NULL)
    g_string_free (problems->messages, TRUE);
  problems->messages = NULL;
}

void
bl_csv_problem (BlCsvProblems *problems,
                BlTable       *table,
                guint          row,
                int            column,
                const char    *format,
                ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  problems->count++;
  if (problems->count > BL_CSV_MAX_PROBLEMS)
    return;

  va_start (args, format);
  problem = bl_table_format_problem_valist (table, row, column, format, args);
  va_end (args);
  if (problems->messages->len > 0)
    g_string_append_c (problems->messages, '\n');
  g_string_append (problems->messages, problem);
}

gboolean
bl_csv_problems_fail (BlCsvProblems  *problems,
                      GError        **error)
{
  if (problems->count > BL_CSV_MAX_PROBLEMS)
    {
      guint more = problems->count - BL_CSV_MAX_PROBLEMS;
      g_autofree char *counted = bl_csv_format_count (more);

      g_string_append_c (problems->messages, '\n');
      g_string_append_printf (problems->messages,
                              g_dngettext (GETTEXT_PACKAGE, "… and %s more problem", "… and %s more problems", more),
                              counted);
    }
  g_set_error_literal (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID, problems->messages->str);
  return FALSE;
}

gboolean
bl_csv_import_finish (BlStore          *store,
                      BlCsvProblems    *problems,
                      BlCsvImportFlags  flags,
                      GError          **error)
{
  if (problems->count > 0)
    {
      bl_store_rollback (store);
      return bl_csv_problems_fail (problems, error);
    }
  if (flags & BL_CSV_IMPORT_DRY_RUN)
    bl_store_rollback (store);
  else if (!bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_csv_import_file (BlStore         *store,
                    const char      *path,
                    BlCsvTableImport import_table,
                    BlCsvReport     *report,
                    GError         **error)
{
  g_autoptr(BlTable) table = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  table = bl_csv_reader_read_file (path, &read_error);
  if (table == NULL)
    {
      g_set_error_literal (error, BL_CSV_ERROR,
                           g_error_matches (read_error, BL_TABLE_ERROR, BL_TABLE_ERROR_IO) ? BL_CSV_ERROR_IO
                                                                                           : BL_CSV_ERROR_INVALID,
                           read_error->message);
      return FALSE;
    }
  return import_table (store, table, BL_CSV_IMPORT_DEFAULT, NULL, report, error);
}

/* The header */

static int
find_column (const BlCsvColumn *columns,
             guint              n_columns,
             const char        *name)
{
  for (guint c = 0; c < n_columns; c++)
    if (g_str_equal (name, columns[c].chinese) || g_ascii_strcasecmp (name, columns[c].english) == 0)
      return (int) c;
  return -1;
}

static gboolean
is_header_cb (const char *cell,
              gpointer    user_data)
{
  BlCsvSheet *sheet = user_data;

  return find_column (sheet->columns, sheet->n_columns, cell) >= 0;
}

/* Without a row of known headers, the row with the most of them (else the
 * first) is taken, so that its unknown columns can be named. */
static guint
likely_header (BlCsvSheet *sheet)
{
  guint best_row = 0, best = 0;

  for (guint r = 0; r < bl_table_get_n_rows (sheet->table) && r < HEADER_SEARCH_ROWS; r++)
    {
      guint known = 0;

      for (guint i = 0; i < bl_table_get_row_length (sheet->table, r); i++)
        {
          g_autofree char *name = g_strstrip (g_strdup (bl_table_get_cell (sheet->table, r, i)));

          known += *name != '\0' && is_header_cb (name, sheet);
        }
      if (known > best)
        {
          best = known;
          best_row = r;
        }
    }
  return best_row;
}

gboolean
bl_csv_sheet_init (BlCsvSheet        *sheet,
                   BlTable           *table,
                   const BlCsvColumn *columns,
                   guint              n_columns,
                   BlCsvProblems     *problems,
                   BlCsvReport       *report)
{
  guint before = problems->count;
  int found;

  memset (sheet, 0, sizeof *sheet);
  sheet->table = bl_table_ref (table);
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->index_of = g_new (int, n_columns);
  sheet->guarded = bl_table_get_sheet (table) == NULL;
  for (guint c = 0; c < n_columns; c++)
    sheet->index_of[c] = -1;

  if (report != NULL)
    {
      g_free (report->encoding_note);
      report->encoding_note = bl_text_encoding_note (bl_table_get_encoding (table));
    }
  if (bl_table_get_n_rows (table) == 0)
    {
      g_autofree char *message = NULL;

      if (bl_table_get_sheet (table) != NULL)
        {
          g_autofree char *quoted = bl_text_quote (bl_table_get_sheet (table), BL_TEXT_QUOTE_CHARS);

          message = g_strdup_printf (_("%s: the sheet “%s” is empty: it needs a header row"),
                                     bl_table_get_name (table), quoted);
        }
      else
        message = g_strdup_printf ("%s:1: %s", bl_table_get_name (table),
                                   _("the file is empty: it needs a header row"));

      problems->count++;
      g_string_append (problems->messages, message);
      return FALSE;
    }

  found = bl_table_find_header (table, HEADER_SEARCH_ROWS, is_header_cb, sheet);
  sheet->header = found >= 0 ? (guint) found : likely_header (sheet);

  for (guint i = 0; i < bl_table_get_row_length (table, sheet->header); i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (bl_table_get_cell (table, sheet->header, i)));
      int c;

      if (*name == '\0')
        continue;
      c = find_column (columns, n_columns, name);
      if (c < 0)
        bl_csv_problem (problems, table, sheet->header, (int) i, _("unknown column “%s”"), name);
      else if (sheet->index_of[c] >= 0)
        bl_csv_problem (problems, table, sheet->header, (int) i, _("the column “%s” appears twice"), name);
      else
        sheet->index_of[c] = (int) i;
    }
  for (guint c = 0; c < n_columns; c++)
    if (columns[c].required && sheet->index_of[c] < 0)
      bl_csv_problem (problems, table, sheet->header, -1, _("the required column “%s” (%s) is missing"),
                      columns[c].chinese, columns[c].english);
  return problems->count == before;
}

void
bl_csv_sheet_clear (BlCsvSheet *sheet)
{
  g_clear_pointer (&sheet->table, bl_table_unref);
  g_clear_pointer (&sheet->index_of, g_free);
}

gboolean
bl_csv_sheet_has (BlCsvSheet *sheet,
                  guint       column)
{
  return column < sheet->n_columns && sheet->index_of[column] >= 0;
}

int
bl_csv_sheet_cell_index (BlCsvSheet *sheet,
                         guint       column)
{
  return column < sheet->n_columns ? sheet->index_of[column] : -1;
}

/* The cell without the apostrophe the export put before it, or NULL. */
static const char *
unguarded (BlCsvSheet *sheet,
           const char *value)
{
  if (sheet->guarded && value[0] == '\'' && bl_csv_needs_guard (value + 1))
    return value + 1;
  return NULL;
}

/* A cell without the export's apostrophe; its blanks trimmed when @strip. */
static char *
sheet_value (BlCsvSheet *sheet,
             guint       row,
             guint       column,
             gboolean    strip)
{
  const char *value, *rest;

  if (!bl_csv_sheet_has (sheet, column))
    return g_strdup ("");
  value = bl_table_get_cell (sheet->table, row, (guint) sheet->index_of[column]);
  if ((rest = unguarded (sheet, value)) != NULL)
    return g_strdup (rest);
  return strip ? g_strstrip (g_strdup (value)) : g_strdup (value);
}

char *
bl_csv_sheet_cell (BlCsvSheet *sheet,
                   guint       row,
                   guint       column)
{
  return sheet_value (sheet, row, column, TRUE);
}

char *
bl_csv_sheet_text (BlCsvSheet *sheet,
                   guint       row,
                   guint       column)
{
  return sheet_value (sheet, row, column, FALSE);
}

char *
bl_csv_date_cell (char *value)
{
  if (strlen (value) > 10 && value[10] == ' ' &&
      (g_str_equal (value + 11, "00:00") || g_str_equal (value + 11, "00:00:00")))
    value[10] = '\0';
  return value;
}

char *
bl_csv_time_cell (char *value)
{
  gsize length = strlen (value);

  if (length >= 7 && g_str_has_suffix (value, ":00") && strchr (value, ':') < value + length - 3)
    value[length - 3] = '\0';
  return value;
}
