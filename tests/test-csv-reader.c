/* test-csv-reader.c: BlTable and the CSV reader: positions, blank rows,
 * CR-only files, delimiters, limits, messages */
#include "config.h"

#include <string.h>

#include "bl-csv-reader.h"
#include "bl-table.h"
#include "bl-test-common.h"

static BlTable *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  BlTable *table = bl_csv_reader_read_bytes ("f.csv", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static gboolean
is_member_header (const char *cell,
                  gpointer    user_data)
{
  return g_str_equal (cell, "姓名") || g_str_equal (cell, "党小组") || g_str_equal (cell, "电话");
}

static void
test_table (void)
{
  g_autoptr(BlTable) sheet = bl_table_new_sheet ("名册.xlsx", "党员名册");
  g_autoptr(BlTable) spaced = bl_table_new_sheet ("x.xlsx", "Sheet 1");
  g_autofree char *where = NULL;
  g_autofree char *where_row = NULL;
  g_autofree char *where_spaced = NULL;
  g_autofree char *message = NULL;
  static const struct {
    guint       column;
    const char *name;
  } columns[] = { { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 51, "AZ" }, { 701, "ZZ" }, { 702, "AAA" },
                  { BL_TABLE_MAX_COLUMNS - 1, "XFD" } };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *name = bl_table_column_name (columns[i].column);
      g_assert_cmpstr (name, ==, columns[i].name);
    }

  bl_table_append_row (sheet, 1, g_strsplit ("2025年党员名册", "|", -1));
  bl_table_append_row (sheet, 3, g_strsplit ("姓名|| 党小组 ", "|", -1));
  bl_table_append_row (sheet, 12, g_strsplit ("王建国|x|第一党小组", "|", -1));
  g_assert_cmpuint (bl_table_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (bl_table_get_position (sheet, 2), ==, 12);
  g_assert_cmpuint (bl_table_get_row_length (sheet, 2), ==, 3);
  g_assert_cmpstr (bl_table_get_cell (sheet, 2, 2), ==, "第一党小组");
  g_assert_cmpstr (bl_table_get_cell (sheet, 2, 9), ==, "");
  g_assert_cmpstr (bl_table_get_sheet (sheet), ==, "党员名册");
  g_assert_cmpint (bl_table_get_delimiter (sheet), ==, 0);

  /* The title row is passed over: the header is the row of known names. */
  g_assert_cmpint (bl_table_find_header (sheet, 10, is_member_header, NULL), ==, 1);
  g_assert_cmpint (bl_table_find_header (sheet, 1, is_member_header, NULL), ==, -1);

  where = bl_table_format_location (sheet, 2, 2);
  g_assert_cmpstr (where, ==, "名册.xlsx:党员名册!C12");
  where_row = bl_table_format_location (sheet, 2, -1);
  g_assert_cmpstr (where_row, ==, "名册.xlsx:党员名册!A12");
  bl_table_append_row (spaced, 2, g_strsplit ("a", "|", -1));
  where_spaced = bl_table_format_location (spaced, 0, 27);
  g_assert_cmpstr (where_spaced, ==, "x.xlsx:'Sheet 1'!AB2");

  message = bl_table_format_problem (sheet, 2, 1, "“%s” is not a date", "1\n2\x1b");
  g_assert_cmpstr (message, ==, "名册.xlsx:党员名册!B12: “1\\n2\\x1B” is not a date");
}

/* Issue 15, item 11: Excel and WPS end sheets with lines of bare commas. */
static void
test_blank_rows (void)
{
  g_autoptr(BlTable) table = read_text ("姓名,党小组\r\n"
                                        "王建国,第一党小组\r\n"
                                        ",\r\n"
                                        " , \t\r\n"
                                        "\"\",\"\"\r\n"
                                        "\r\n"
                                        "李秀英,\r\n"
                                        ",,,,,,\r\n"
                                        ",,,,,,\r\n");
  g_autofree char *where = NULL;

  g_assert_cmpuint (bl_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (bl_table_get_position (table, 0), ==, 1);
  g_assert_cmpuint (bl_table_get_position (table, 1), ==, 2);
  g_assert_cmpuint (bl_table_get_position (table, 2), ==, 7);
  g_assert_cmpstr (bl_table_get_cell (table, 2, 0), ==, "李秀英");
  g_assert_cmpuint (bl_table_get_row_length (table, 2), ==, 2);
  g_assert_null (bl_table_get_sheet (table));
  where = bl_table_format_location (table, 2, 1);
  g_assert_cmpstr (where, ==, "f.csv:7");
}

/* Issue 15, item 17: line breaks inside quoted cells of CR-only files. */
static void
test_line_numbers (void)
{
  static const char *const files[] = {
    "a,b\r\"x\ry\",z\r\"p\rq\rr\",s\rlast,1\r",
    "a,b\n\"x\ny\",z\n\"p\nq\nr\",s\nlast,1\n",
    "a,b\r\n\"x\r\ny\",z\r\n\"p\r\nq\r\nr\",s\r\nlast,1\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(BlTable) table = read_text (files[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *open = g_strconcat (files[i], "\"never closed", NULL);

      g_assert_cmpuint (bl_table_get_n_rows (table), ==, 4);
      g_assert_cmpuint (bl_table_get_position (table, 1), ==, 2);
      g_assert_cmpuint (bl_table_get_position (table, 2), ==, 4);
      g_assert_cmpuint (bl_table_get_position (table, 3), ==, 7);
      g_assert_cmpstr (bl_table_get_cell (table, 3, 0), ==, "last");
      /* Line breaks inside a cell are kept as written. */
      g_assert_true (strchr (bl_table_get_cell (table, 1, 0), i == 1 ? '\n' : '\r') != NULL);

      g_assert_null (bl_csv_reader_read_bytes ("f.csv", open, strlen (open), &error));
      g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "f.csv:8: "));
    }
}

static void
test_delimiters_and_quotes (void)
{
  g_autoptr(BlTable) tabs = read_text ("姓名\t电话\n张三\t\"138, 办公室\"\n");
  g_autoptr(BlTable) semicolons = read_text ("姓名;电话\n张三;\"a;b\"\"c\"\"\";1,5\n");
  g_autoptr(BlTable) commas = read_text ("姓名,电话\n\"x, \"\"y\"\"\",\"line1\nline2\",\n");

  g_assert_cmpint (bl_table_get_delimiter (tabs), ==, '\t');
  g_assert_cmpstr (bl_table_get_cell (tabs, 1, 1), ==, "138, 办公室");
  g_assert_cmpint (bl_table_get_delimiter (semicolons), ==, ';');
  g_assert_cmpstr (bl_table_get_cell (semicolons, 1, 1), ==, "a;b\"c\"");
  g_assert_cmpstr (bl_table_get_cell (semicolons, 1, 2), ==, "1,5");
  g_assert_cmpstr (bl_table_get_cell (commas, 1, 0), ==, "x, \"y\"");
  g_assert_cmpstr (bl_table_get_cell (commas, 1, 1), ==, "line1\nline2");
  g_assert_cmpuint (bl_table_get_row_length (commas, 1), ==, 3);
}

static void
test_limits (void)
{
  g_autoptr(GString) rows = g_string_new ("姓名\n");
  g_autoptr(GString) wide = g_string_new ("姓名");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlTable) ok = NULL;

  for (guint i = 0; i < BL_TABLE_MAX_ROWS - 1; i++)
    g_string_append (rows, "x\n");
  ok = bl_csv_reader_read_bytes ("f.csv", rows->str, rows->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_table_get_n_rows (ok), ==, BL_TABLE_MAX_ROWS);

  g_string_append (rows, "one too many\n");
  g_assert_null (bl_csv_reader_read_bytes ("f.csv", rows->str, rows->len, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:100001: "));
  g_assert_nonnull (strstr (error->message, "100000"));
  g_clear_error (&error);

  for (guint i = 0; i < BL_TABLE_MAX_COLUMNS; i++)
    g_string_append (wide, ",x");
  g_assert_null (bl_csv_reader_read_bytes ("f.csv", wide->str, wide->len, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:1: "));
}

static void
test_read_file (void)
{
  g_autofree char *path = bl_test_write_file ("f.csv", "\xef\xbb\xbf姓名\n张三\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlTable) table = bl_csv_reader_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (bl_table_get_name (table), ==, path);
  g_assert_cmpint (bl_table_get_encoding (table), ==, BL_TEXT_UTF8_BOM);
  g_assert_cmpstr (bl_table_get_cell (table, 0, 0), ==, "姓名");
  g_assert_cmpstr (bl_table_get_cell (table, 1, 0), ==, "张三");

  g_assert_null (bl_csv_reader_read_file ("/dev/null", &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_REGULAR);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/table", test_table);
  g_test_add_func ("/csv-reader/blank-rows", test_blank_rows);
  g_test_add_func ("/csv-reader/line-numbers", test_line_numbers);
  g_test_add_func ("/csv-reader/delimiters-and-quotes", test_delimiters_and_quotes);
  g_test_add_func ("/csv-reader/limits", test_limits);
  g_test_add_func ("/csv-reader/read-file", test_read_file);

  return g_test_run ();
}
