/* bl-workbook-export.c: the ledger as one Excel workbook, written with
 * libxlsxwriter from the plain data of bl-workbook-data.c */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "bl-date.h"
#include "bl-disk.h"
#include "bl-table.h"
#include "bl-workbook-export.h"

G_DEFINE_QUARK (bl-workbook-error-quark, bl_workbook_error)

#define PAPER_A4 9
/* Column widths (in characters) that still fit A4 landscape when shrunk. */
#define MAX_FIT_WIDTH 200

typedef struct {
  lxw_workbook *workbook;
  lxw_format   *header;       /* bold, wrapped, on a grey ground */
  lxw_format   *plain;        /* top-aligned */
  lxw_format   *wrap;         /* top-aligned, wrapped */
  lxw_format   *date;         /* yyyy-mm-dd */
  lxw_format   *percent;
  lxw_format   *mark;         /* centred ✓ / ✗ */
  char         *page_header;  /* the branch's name, as &-codes */
  int           year;
  const char   *path;         /* the file and sheet being written, for messages */
  const char   *sheet;
  lxw_error     failure;      /* the first libxlsxwriter error */
  GError       *error;        /* or the first of ours */
} Writer;

typedef struct {
  const char *header;
  double      width;
} Column;

/* libxlsxwriter writes text as it is, but Excel reads "_x0041_" in a cell
 * as an escaped "A": escape the underscore of such sequences. */
static char *
protect_escapes (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        g_string_append (out, "_x005F_");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
check (Writer    *writer,
       lxw_error  result)
{
  if (result != LXW_NO_ERROR && writer->failure == LXW_NO_ERROR)
    writer->failure = result;
}

static void
write_text (Writer        *writer,
            lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *safe = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (g_utf8_strlen (text, -1) > BL_WORKBOOK_MAX_CELL_CHARS)
    {
      if (writer->error == NULL)
        {
          g_autofree char *start = bl_text_quote (text, BL_TEXT_QUOTE_CHARS);
          g_autofree char *column_name = bl_table_column_name (column);
          g_set_error (&writer->error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_TOO_LONG,
                       _("%s:%s!%s%u: “%s” is longer than the %d characters a spreadsheet cell holds; "
                         "export CSV instead"),
                       writer->path, writer->sheet, column_name, row + 1, start, BL_WORKBOOK_MAX_CELL_CHARS);
        }
      return;
    }
  safe = protect_escapes (text);
  check (writer, worksheet_write_string (sheet, (lxw_row_t) row, (lxw_col_t) column, safe, format));
}

/* A "YYYY-MM-DD" as an Excel date. */
static void
write_date (Writer        *writer,
            lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *iso)
{
  lxw_datetime value = { 0 };
  GDate date;

  if (iso == NULL || *iso == '\0')
    return;
  if (!bl_date_parse (iso, &date))
    {
      write_text (writer, sheet, row, column, iso, writer->plain);
      return;
    }
  value.year = g_date_get_year (&date);
  value.month = g_date_get_month (&date);
  value.day = g_date_get_day (&date);
  check (writer, worksheet_write_datetime (sheet, (lxw_row_t) row, (lxw_col_t) column, &value, writer->date));
}

static void
write_count (Writer        *writer,
             lxw_worksheet *sheet,
             guint          row,
             guint          column,
             double         value)
{
  check (writer, worksheet_write_number (sheet, (lxw_row_t) row, (lxw_col_t) column, value, writer->plain));
}

/* A sheet with its header row, column widths, frozen panes, autofilter over
 * @n_rows rows below the header, and its page set up for printing. */
static lxw_worksheet *
add_sheet (Writer       *writer,
           const char   *name,
           const Column *columns,
           guint         n_columns,
           guint         n_rows,
           guint         frozen_columns,
           gboolean      yearly)
{
  lxw_worksheet *sheet = workbook_add_worksheet (writer->workbook, name);
  g_autofree char *page_header = NULL;
  double width = 0;

  g_assert (sheet != NULL);
  writer->sheet = name;
  for (guint c = 0; c < n_columns; c++)
    {
      write_text (writer, sheet, 0, c, columns[c].header, writer->header);
      check (writer, worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, columns[c].width, NULL));
      width += columns[c].width;
    }
  worksheet_freeze_panes (sheet, 1, (lxw_col_t) frozen_columns);
  if (n_columns > 0)
    check (writer, worksheet_autofilter (sheet, 0, 0, (lxw_row_t) n_rows, (lxw_col_t) (n_columns - 1)));

  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_set_landscape (sheet);
  /* A sheet up to about one and a half pages wide is shrunk to one page
   * (still readable); wider ones (the attendance grid) run on. The header
   * row repeats on each page. */
  if (width <= MAX_FIT_WIDTH)
    worksheet_fit_to_pages (sheet, 1, 0);
  check (writer, worksheet_repeat_rows (sheet, 0, 0));
  page_header = yearly ? g_strdup_printf ("%s&R%d年", writer->page_header, writer->year) : g_strdup (writer->page_header);
  check (writer, worksheet_set_header (sheet, page_header));
  check (writer, worksheet_set_footer (sheet, "&C&P / &N"));
  return sheet;
}

/* The sheets */

static void
write_members (Writer         *writer,
               BlWorkbookData *data)
{
  static const double widths[BL_WB_MEMBER_N_COLUMNS] = { 12, 14, 10, 10, 12, 18, 8, 12, 20 };
  Column columns[BL_WB_MEMBER_N_COLUMNS];
  lxw_worksheet *sheet;

  for (guint c = 0; c < BL_WB_MEMBER_N_COLUMNS; c++)
    columns[c] = (Column) { bl_workbook_member_header (c), widths[c] };
  sheet = add_sheet (writer, "党员名册", columns, BL_WB_MEMBER_N_COLUMNS, data->members->len, 0, FALSE);

  for (guint r = 0; r < data->members->len; r++)
    {
      BlWbMember *member = g_ptr_array_index (data->members, r);

      for (guint c = 0; c < BL_WB_MEMBER_N_COLUMNS; c++)
        {
          if (c == BL_WB_MEMBER_JOINED || c == BL_WB_MEMBER_TRANSFERRED_ON)
            write_date (writer, sheet, r + 1, c, member->text[c]);
          else
            write_text (writer, sheet, r + 1, c, member->text[c], writer->plain);
        }
    }
}

static void
write_activities (Writer         *writer,
                  BlWorkbookData *data)
{
  static const struct {
    double   width;
    gboolean wrap;
  } layout[BL_WB_ACTIVITY_N_COLUMNS] = {
    { 12, FALSE }, { 12, FALSE }, { 9, FALSE }, { 9, FALSE }, { 30, TRUE }, { 14, TRUE }, { 10, FALSE },
    { 10, FALSE }, { 12, FALSE }, { 12, FALSE }, { 30, TRUE }, { 24, TRUE }, { 16, TRUE }, { 12, TRUE },
    { 8, FALSE }, { 50, TRUE }, { 30, TRUE }, { 9, FALSE }, { 6, FALSE }, { 6, FALSE }, { 30, TRUE },
    { 6, FALSE },
  };
  Column columns[BL_WB_ACTIVITY_N_COLUMNS];
  lxw_worksheet *sheet;

  for (guint c = 0; c < BL_WB_ACTIVITY_N_COLUMNS; c++)
    columns[c] = (Column) { bl_workbook_activity_header (c), layout[c].width };
  sheet = add_sheet (writer, "活动台账", columns, BL_WB_ACTIVITY_N_COLUMNS, data->activities->len, 0, FALSE);

  for (guint r = 0; r < data->activities->len; r++)
    {
      BlWbActivity *activity = g_ptr_array_index (data->activities, r);

      for (guint c = 0; c < BL_WB_ACTIVITY_N_COLUMNS; c++)
        {
          const char *text = activity->text[c];

          if (c == BL_WB_ACTIVITY_DATE)
            write_date (writer, sheet, r + 1, c, text);
          else if ((c == BL_WB_ACTIVITY_EXPECTED || c == BL_WB_ACTIVITY_ATTENDED || c == BL_WB_ACTIVITY_NUMBER) &&
                   *text != '\0')
            write_count (writer, sheet, r + 1, c, g_ascii_strtod (text, NULL));
          else
            write_text (writer, sheet, r + 1, c, text, layout[c].wrap ? writer->wrap : writer->plain);
        }
    }
}

static void
write_attendance (Writer         *writer,
                  BlWorkbookData *data)
{
  static const char * const totals[] = { "应到", "出席", "请假", "缺席", "出勤率" };
  guint n_activities = data->columns->len;
  guint n_columns = 2 + n_activities + G_N_ELEMENTS (totals);
  g_autofree Column *columns = g_new0 (Column, n_columns);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  lxw_worksheet *sheet;

  columns[0] = (Column) { "姓名", 10 };
  columns[1] = (Column) { "党小组", 12 };
  for (guint c = 0; c < n_activities; c++)
    {
      BlWbColumn *column = g_ptr_array_index (data->columns, c);
      char *header = g_strdup_printf ("%s\n%s", column->date + 5, column->kind);

      g_ptr_array_add (headers, header);
      columns[2 + c] = (Column) { header, 10 };
    }
  for (guint t = 0; t < G_N_ELEMENTS (totals); t++)
    columns[2 + n_activities + t] = (Column) { totals[t], 7 };

  sheet = add_sheet (writer, "出勤明细", columns, n_columns, data->attendance->len, 2, TRUE);
  /* Two lines of header: the date, then the kind. */
  check (writer, worksheet_set_row (sheet, 0, 32, NULL));

  for (guint r = 0; r < data->attendance->len; r++)
    {
      BlWbAttendance *row = g_ptr_array_index (data->attendance, r);
      guint totals_at = 2 + n_activities;

      write_text (writer, sheet, r + 1, 0, row->name, writer->plain);
      write_text (writer, sheet, r + 1, 1, row->group, writer->plain);
      for (guint c = 0; c < n_activities; c++)
        write_text (writer, sheet, r + 1, 2 + c, row->marks[c], writer->mark);
      write_count (writer, sheet, r + 1, totals_at, row->expected);
      write_count (writer, sheet, r + 1, totals_at + 1, row->present);
      write_count (writer, sheet, r + 1, totals_at + 2, row->leave);
      write_count (writer, sheet, r + 1, totals_at + 3, row->absent);
      if (row->expected > 0)
        check (writer, worksheet_write_number (sheet, (lxw_row_t) (r + 1), (lxw_col_t) (totals_at + 4),
                                               (double) row->present / row->expected, writer->percent));
    }
}

static void
write_quotas (Writer         *writer,
              BlWorkbookData *data)
{
  static const Column columns[] = {
    { "任务", 30 }, { "活动类型", 14 }, { "党小组", 12 }, { "周期", 16 }, { "开始日期", 12 },
    { "截止日期", 12 }, { "要求次数", 9 }, { "完成次数", 9 }, { "状态", 12 },
  };
  lxw_worksheet *sheet = add_sheet (writer, "任务完成情况", columns, G_N_ELEMENTS (columns), data->quotas->len, 0, TRUE);

  for (guint r = 0; r < data->quotas->len; r++)
    {
      BlWbQuota *quota = g_ptr_array_index (data->quotas, r);

      write_text (writer, sheet, r + 1, 0, quota->rule, writer->wrap);
      write_text (writer, sheet, r + 1, 1, quota->kind, writer->plain);
      write_text (writer, sheet, r + 1, 2, quota->group, writer->plain);
      write_text (writer, sheet, r + 1, 3, quota->period, writer->plain);
      write_date (writer, sheet, r + 1, 4, quota->start);
      write_date (writer, sheet, r + 1, 5, quota->end);
      write_count (writer, sheet, r + 1, 6, quota->required);
      write_count (writer, sheet, r + 1, 7, quota->done);
      write_text (writer, sheet, r + 1, 8, quota->state, writer->plain);
    }
}

static void
write_statistics (Writer         *writer,
                  BlWorkbookData *data)
{
  BlYearStats *stats = data->stats;
  guint n_columns = stats->n_kinds + 2;
  g_autofree Column *columns = g_new0 (Column, n_columns);
  lxw_worksheet *sheet;

  columns[0] = (Column) { "月份", 8 };
  for (guint k = 0; k < stats->n_kinds; k++)
    columns[1 + k] = (Column) { stats->kind_names[k], MAX (8, g_utf8_strlen (stats->kind_names[k], -1) * 2 + 2) };
  columns[n_columns - 1] = (Column) { "合计", 8 };
  sheet = add_sheet (writer, "年度统计", columns, n_columns, 13, 1, TRUE);
  check (writer, worksheet_set_row (sheet, 0, 32, NULL));

  for (guint m = 0; m < 13; m++)
    {
      g_autofree char *label = m < 12 ? g_strdup_printf ("%u月", m + 1) : g_strdup ("合计");

      write_text (writer, sheet, m + 1, 0, label, m < 12 ? writer->plain : writer->header);
      for (guint k = 0; k < stats->n_kinds; k++)
        write_count (writer, sheet, m + 1, 1 + k, m < 12 ? stats->counts[m * stats->n_kinds + k] : stats->kind_totals[k]);
      write_count (writer, sheet, m + 1, n_columns - 1, m < 12 ? stats->month_totals[m] : stats->total);
    }
}

/* "&C&"-,Bold"NAME", with the & of the name doubled as the codes need. */
static char *
page_header (const char *branch_name)
{
  g_autoptr(GString) out = g_string_new ("&C&\"-,Bold\"");
  guint n = 0;

  /* Excel takes at most 255 characters, codes included. */
  for (const char *p = branch_name; *p != '\0' && n < 100; p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
writer_init (Writer       *writer,
             lxw_workbook *workbook,
             int           year,
             const char   *branch_name)
{
  memset (writer, 0, sizeof *writer);
  writer->workbook = workbook;
  writer->year = year;
  writer->page_header = page_header (branch_name);

  writer->header = workbook_add_format (workbook);
  format_set_bold (writer->header);
  format_set_text_wrap (writer->header);
  format_set_align (writer->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (writer->header, 0xE7E6E6);
  format_set_border (writer->header, LXW_BORDER_THIN);

  writer->plain = workbook_add_format (workbook);
  format_set_align (writer->plain, LXW_ALIGN_VERTICAL_TOP);

  writer->wrap = workbook_add_format (workbook);
  format_set_align (writer->wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (writer->wrap);

  writer->date = workbook_add_format (workbook);
  format_set_align (writer->date, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (writer->date, "yyyy-mm-dd");

  writer->percent = workbook_add_format (workbook);
  format_set_num_format (writer->percent, "0%");

  writer->mark = workbook_add_format (workbook);
  format_set_align (writer->mark, LXW_ALIGN_CENTER);
}

gboolean
bl_workbook_write (BlWorkbookData  *data,
                   const char      *path,
                   GError         **error)
{
  g_autofree char *temporary = NULL;
  lxw_workbook *workbook;
  lxw_error closed;
  Writer writer;
  int fd, saved;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A temporary file beside the target, 0600 from the start: libxlsxwriter
   * truncates and fills it, then it is renamed over @path. */
  fd = bl_disk_open_beside (path, &temporary);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_WRITE, _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  workbook = workbook_new (temporary);
  if (workbook == NULL)
    {
      g_unlink (temporary);
      g_set_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_WRITE, _("Cannot write %s: %s"), path,
                   lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }
  writer_init (&writer, workbook, data->year, data->branch_name);
  writer.path = path;
  write_members (&writer, data);
  write_activities (&writer, data);
  write_attendance (&writer, data);
  write_quotas (&writer, data);
  write_statistics (&writer, data);
  closed = workbook_close (workbook);
  g_free (writer.page_header);

  if (writer.error != NULL)
    {
      g_unlink (temporary);
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (writer.failure != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    {
      g_unlink (temporary);
      g_set_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_WRITE, _("Cannot write %s: %s"), path,
                   lxw_strerror (closed != LXW_NO_ERROR ? closed : writer.failure));
      return FALSE;
    }
  if (!bl_disk_sync_file (temporary) || g_rename (temporary, path) != 0)
    {
      saved = errno;
      g_unlink (temporary);
      g_set_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_WRITE, _("Cannot write %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_workbook_export (BlStore     *store,
                    const char  *path,
                    int          year,
                    GError     **error)
{
  g_autoptr(BlWorkbookData) data = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The store's day: a window's, or a fixed one in a test. */
  today = bl_clock_get_today (bl_store_get_clock (store));
  data = bl_workbook_data_collect (store, year, today, error);
  if (data == NULL)
    return FALSE;
  return bl_workbook_write (data, path, error);
}
