/* test-workbook-export.c: the exported workbook read back by an independent
 * reader (openpyxl): sheets, headers, dates, row counts, frozen panes,
 * autofilters, page setup; by our own reader against the CSV export; the
 * year limit; writing atomically, 0600, nothing left on error */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "bl-csv.h"
#include "bl-csv-export.h"
#include "bl-demo.h"
#include "bl-table-reader.h"
#include "bl-test-common.h"
#include "bl-workbook-export.h"

#define TODAY "2025-11-20"

static BlStore *demo;   /* the demo ledger as of TODAY, shared by the tests */

static char *
export (int  year,
        char **dir_out)
{
  g_autofree char *dir = bl_test_make_dir ();
  char *path = g_build_filename (dir, "台账.xlsx", NULL);
  g_autoptr(BlWorkbookData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = bl_workbook_data_collect (demo, year, TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (bl_workbook_write (data, path, &error));
  g_assert_no_error (error);
  if (dir_out != NULL)
    *dir_out = g_steal_pointer (&dir);
  return path;
}

/* What check-workbook.py (openpyxl) makes of @path. */
static JsonNode *
read_with_openpyxl (const char *path)
{
  g_autofree char *script = g_build_filename (TEST_SRCDIR, "check-workbook.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-workbook.py failed (is python3-openpyxl installed?): %s", err);
  return json_from_string (out, &error);
}

static JsonObject *
sheet_named (JsonNode   *root,
             const char *name)
{
  JsonArray *sheets = json_object_get_array_member (json_node_get_object (root), "sheets");

  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);

      if (g_str_equal (json_object_get_string_member (sheet, "name"), name))
        return sheet;
    }
  g_error ("no sheet %s", name);
}

/* [type, text] of a cell, row and column 0-based. */
static void
cell_of (JsonObject  *sheet,
         guint        row,
         guint        column,
         const char **type,
         const char **text)
{
  JsonArray *rows = json_object_get_array_member (sheet, "cells");
  JsonArray *cells = json_array_get_array_element (rows, row);
  JsonArray *cell = json_array_get_array_element (cells, column);

  *type = json_array_get_string_element (cell, 0);
  *text = json_array_get_string_element (cell, 1);
}

static guint
count_csv_rows (const char *csv,
                const char *year)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  rows = bl_csv_parse (csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  for (guint r = 1; r < rows->len; r++)
    if (year == NULL || g_str_has_prefix (((char **) g_ptr_array_index (rows, r))[1], year))
      n++;
  return n;
}

static void
test_openpyxl (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = export (0, &dir);
  g_autoptr(JsonNode) root = read_with_openpyxl (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *activities_csv = bl_csv_export_activities (demo, &error);
  static const char * const names[] = { "党员名册", "活动台账", "出勤明细", "任务完成情况", "年度统计" };
  JsonArray *sheets = json_object_get_array_member (json_node_get_object (root), "sheets");
  JsonObject *members, *activities, *attendance, *quotas, *statistics;
  guint n_activities = count_csv_rows (activities_csv, NULL);
  g_autofree char *members_filter = NULL;
  g_autofree char *activities_filter = NULL;
  const char *type, *text;
  GStatBuf info;
  g_autoptr(GDir) listing = NULL;

  /* 0600, and nothing but the workbook in its folder. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  listing = g_dir_open (dir, 0, &error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "台账.xlsx");
  g_assert_null (g_dir_read_name (listing));

  g_assert_cmpuint (json_array_get_length (sheets), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);

      g_assert_cmpstr (json_object_get_string_member (sheet, "name"), ==, names[i]);
      /* Every sheet: bold header row, A4 landscape, the branch on each page. */
      g_assert_true (json_object_get_boolean_member (sheet, "bold"));
      g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "landscape");
      g_assert_cmpint (json_object_get_int_member (sheet, "paper"), ==, 9);
      g_assert_cmpstr (json_object_get_string_member (sheet, "header_center"), ==, BL_DEMO_BRANCH_NAME);
      g_assert_nonnull (json_object_get_string_member (sheet, "autofilter"));
    }

  members = sheet_named (root, "党员名册");
  g_assert_cmpint (json_object_get_int_member (members, "rows"), ==, 28 + 1);
  g_assert_cmpstr (json_object_get_string_member (members, "freeze"), ==, "A2");
  members_filter = g_strdup_printf ("A1:I%d", 28 + 1);
  g_assert_cmpstr (json_object_get_string_member (members, "autofilter"), ==, members_filter);
  cell_of (members, 0, 4, &type, &text);
  g_assert_cmpstr (text, ==, "入党日期");
  /* A member's joining day is a date. */
  cell_of (members, 1, 4, &type, &text);
  g_assert_cmpstr (type, ==, "datetime");

  activities = sheet_named (root, "活动台账");
  g_assert_cmpint (json_object_get_int_member (activities, "rows"), ==, n_activities + 1);
  g_assert_cmpint (json_object_get_int_member (activities, "columns"), ==, 22);
  activities_filter = g_strdup_printf ("A1:V%u", n_activities + 1);
  g_assert_cmpstr (json_object_get_string_member (activities, "autofilter"), ==, activities_filter);
  cell_of (activities, 0, 18, &type, &text);
  g_assert_cmpstr (text, ==, "应到");
  cell_of (activities, 0, 19, &type, &text);
  g_assert_cmpstr (text, ==, "实到");
  cell_of (activities, 0, 20, &type, &text);
  g_assert_cmpstr (text, ==, "缺席人员及原因");
  /* The record's number, as activities.csv writes it, to match the files of 附件. */
  cell_of (activities, 0, 21, &type, &text);
  g_assert_cmpstr (text, ==, "编号");
  /* The oldest activity's date, as an Excel date in a date format. */
  cell_of (activities, 1, 1, &type, &text);
  g_test_message ("first activity: %s", text);
  g_assert_cmpstr (type, ==, "datetime");
  {
    g_autofree char *first = g_strdup_printf ("%.10sT00:00:00", strchr (activities_csv, '\n') + 1 +
                                              strcspn (strchr (activities_csv, '\n') + 1, ",") + 1);
    g_assert_cmpstr (text, ==, first);
  }
  g_assert_cmpstr (json_object_get_string_member (activities, "date_format"), ==, "yyyy-mm-dd");
  /* 应到 a number, the minutes wrapped. */
  cell_of (activities, 1, 18, &type, &text);
  g_assert_cmpstr (type, ==, "number");
  g_assert_true (json_array_get_boolean_element (json_object_get_array_member (activities, "wrapped"), 15));
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (activities, "widths"), 15), >, 40);

  /* 出勤明细 freezes the names too; it covers the current year. */
  attendance = sheet_named (root, "出勤明细");
  g_assert_cmpstr (json_object_get_string_member (attendance, "freeze"), ==, "C2");
  g_assert_cmpstr (json_object_get_string_member (attendance, "header_right"), ==, "2025年");
  cell_of (attendance, 0, 2, &type, &text);
  g_assert_true (g_str_has_prefix (text, "01-"));

  /* Every period of the year: twelve months of the committee's monthly
   * quota, the last not yet begun on 20 November. */
  quotas = sheet_named (root, "任务完成情况");
  {
    JsonArray *rows = json_object_get_array_member (quotas, "cells");
    guint monthly = 0, missed = 0, not_started = 0;

    for (guint r = 1; r < json_array_get_length (rows); r++)
      {
        const char *rule, *state, *start_type, *start;

        cell_of (quotas, r, 0, &type, &rule);
        cell_of (quotas, r, 8, &type, &state);
        cell_of (quotas, r, 4, &start_type, &start);
        g_assert_cmpstr (start_type, ==, "datetime");
        g_assert_true (g_str_has_prefix (start, "2025-"));
        if (g_str_has_prefix (rule, "Branch committee meeting"))
          monthly++;
        missed += g_str_equal (state, "Missed");
        not_started += g_str_equal (state, "Not started");
      }
    g_assert_cmpuint (monthly, ==, 12);
    g_assert_cmpuint (missed, >, 0);
    g_assert_cmpuint (not_started, >, 0);
  }

  statistics = sheet_named (root, "年度统计");
  g_assert_cmpint (json_object_get_int_member (statistics, "rows"), ==, 14);
  cell_of (statistics, 13, 0, &type, &text);
  g_assert_cmpstr (text, ==, "合计");
}

/* Our reader gives back what the CSV export writes, column by column:
 * the workbook imports as the CSV files do. */
static void
compare_with_csv (BlTable    *table,
                  const char *csv,
                  guint       n_columns)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bl_csv_parse (csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_table_get_n_rows (table), ==, rows->len);
  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *expected = fields[c];

          /* The CSV's guard against formulas and dropped blanks: a
           * workbook cell needs none. */
          if (expected[0] == '\'' && expected[1] != '\0' && strchr ("=+-@'\t\r\n ", expected[1]) != NULL)
            expected++;
          if (g_strcmp0 (bl_table_get_cell (table, r, c), expected) != 0)
            g_error ("row %u column %u: “%s” in the workbook, “%s” in the CSV", r, c,
                     bl_table_get_cell (table, r, c), expected);
        }
    }
}

static void
test_reads_back (void)
{
  g_autoptr(BlActivity) odd = bl_activity_new ();
  g_autofree char *path = NULL;
  g_autofree char *members_csv = NULL;
  g_autofree char *activities_csv = NULL;
  g_autoptr(BlTable) members = NULL;
  g_autoptr(BlTable) activities = NULL;
  g_autoptr(GError) error = NULL;
  const char *roster[] = { "党员名册", NULL };
  const char *ledger[] = { "活动台账", NULL };

  /* Text that spreadsheets treat specially. */
  bl_activity_set_kind (odd, BL_KIND_OTHER);
  bl_activity_set_date (odd, "2025-06-01");
  bl_activity_set_topic (odd, "=1+1, \"公式\" _x0041_");
  bl_activity_set_content (odd, "多行\r\n内容 ");
  bl_activity_set_location (odd, "  前导空格");
  g_assert_true (bl_store_save_activity (demo, odd, NULL, &error));
  g_assert_no_error (error);

  path = export (0, NULL);
  members_csv = bl_csv_export_members (demo, &error);
  activities_csv = bl_csv_export_activities (demo, &error);
  members = bl_table_read_file (path, roster, &error);
  g_assert_no_error (error);
  activities = bl_table_read_file (path, ledger, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (bl_table_get_sheet (activities), ==, "活动台账");
  compare_with_csv (members, members_csv, BL_WB_MEMBER_N_COLUMNS);
  compare_with_csv (activities, activities_csv, BL_WB_ACTIVITY_N_CSV_COLUMNS);

  g_assert_true (bl_store_delete_activity (demo, bl_activity_get_id (odd), &error));
}

static void
test_year (void)
{
  g_autofree char *path = export (2024, NULL);
  g_autoptr(JsonNode) root = read_with_openpyxl (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *activities_csv = bl_csv_export_activities (demo, &error);
  JsonObject *activities = sheet_named (root, "活动台账");
  JsonObject *quotas = sheet_named (root, "任务完成情况");
  guint n_2024 = count_csv_rows (activities_csv, "2024-");
  const char *type, *text;

  g_assert_cmpuint (n_2024, >, 0);
  g_assert_cmpuint (n_2024, <, count_csv_rows (activities_csv, NULL));
  g_assert_cmpint (json_object_get_int_member (activities, "rows"), ==, n_2024 + 1);
  for (guint r = 1; r <= n_2024; r++)
    {
      cell_of (activities, r, 1, &type, &text);
      g_assert_true (g_str_has_prefix (text, "2024-"));
    }
  g_assert_cmpstr (json_object_get_string_member (sheet_named (root, "年度统计"), "header_right"), ==, "2024年");
  /* A past year: every period is over, met or missed. */
  for (guint r = 1; r < (guint) json_object_get_int_member (quotas, "rows"); r++)
    {
      cell_of (quotas, r, 8, &type, &text);
      g_assert_true (g_str_equal (text, "Met") || g_str_equal (text, "Missed"));
    }
}

static void
test_write_errors (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *existing = g_build_filename (dir, "old.xlsx", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no", "such", "dir.xlsx", NULL);
  g_autoptr(BlWorkbookData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) long_minutes = bl_activity_new ();
  g_autofree char *minutes = g_strnfill (BL_WORKBOOK_MAX_CELL_CHARS + 1, 'x');
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;
  GStatBuf info;

  data = bl_workbook_data_collect (demo, 2025, TODAY, &error);
  g_assert_no_error (error);

  g_assert_false (bl_workbook_write (data, missing_dir, &error));
  g_assert_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Cannot write"));
  g_clear_error (&error);

  /* A folder in the way: refused, and no temporary file left beside it. */
  g_assert_false (bl_workbook_write (data, dir, &error));
  g_assert_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_WRITE);
  g_clear_error (&error);

  /* An existing file (0644) is replaced whole, and the new one is 0600. */
  g_assert_true (g_file_set_contents (existing, "old", -1, &error));
  g_assert_cmpint (g_chmod (existing, 0644), ==, 0);
  g_assert_true (bl_workbook_write (data, existing, &error));
  g_assert_cmpint (g_stat (existing, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (info.st_size, >, 1000);

  /* Minutes longer than a cell holds: refused, the old file untouched. */
  g_assert_true (g_file_set_contents (existing, "old", -1, &error));
  bl_activity_set_kind (long_minutes, BL_KIND_OTHER);
  bl_activity_set_date (long_minutes, "2025-07-01");
  bl_activity_set_topic (long_minutes, "很长的记录");
  bl_activity_set_content (long_minutes, minutes);
  g_assert_true (bl_store_save_activity (demo, long_minutes, NULL, &error));
  g_clear_pointer (&data, bl_workbook_data_free);
  data = bl_workbook_data_collect (demo, 2025, TODAY, &error);
  g_assert_false (bl_workbook_write (data, existing, &error));
  g_assert_error (error, BL_WORKBOOK_ERROR, BL_WORKBOOK_ERROR_TOO_LONG);
  g_test_message ("%s", error->message);
  {
    g_autofree char *where = g_strconcat (existing, ":活动台账!P", NULL);

    g_assert_true (g_str_has_prefix (error->message, where));
    g_assert_cmpuint (strlen (error->message), <, strlen (existing) + 200);
  }
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_true (bl_store_delete_activity (demo, bl_activity_get_id (long_minutes), &error));

  listing = g_dir_open (dir, 0, &error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (name, ==, "old.xlsx");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_command_line (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  const char *demo_argv[] = { "--demo", db, NULL };
  const char *argv[] = { "--database", db, "--export-xlsx", xlsx, "--year", "2025", NULL };
  const char *bad[] = { "--database", db, "--export-xlsx", xlsx, "--year", "25", NULL };

  g_assert_cmpint (bl_test_run_program (demo_argv, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, xlsx));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (bl_test_run_program (bad, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "--year"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  demo = bl_test_store_new ();
  g_assert_true (bl_demo_fill (demo, TODAY, &error));
  g_assert_no_error (error);

  g_test_add_func ("/workbook-export/openpyxl", test_openpyxl);
  g_test_add_func ("/workbook-export/reads-back", test_reads_back);
  g_test_add_func ("/workbook-export/year", test_year);
  g_test_add_func ("/workbook-export/write-errors", test_write_errors);
  g_test_add_func ("/workbook-export/command-line", test_command_line);

  status = g_test_run ();
  g_clear_object (&demo);
  return status;
}
