/* test-xlsx-reader.c: workbooks written by openpyxl read back (title and
 * merged cells above the header, dates in both date systems, numbers,
 * inline strings), and the bad inputs: .xls, password-protected, damaged,
 * a million rows, a zip bomb */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "bl-table-reader.h"
#include "bl-test-common.h"
#include "bl-test-workbooks.h"
#include "bl-xlsx-reader.h"

static char *fixtures;   /* the folder openpyxl wrote into */

static void
make_fixtures (void)
{
  g_autofree char *script = g_build_filename (TEST_SRCDIR, "xlsx-fixtures.py", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  fixtures = bl_test_make_dir ();
  {
    const char *argv[] = { "/usr/bin/python3", script, fixtures, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                                 &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xlsx-fixtures.py failed (is python3-openpyxl installed?): %s", err);
}

static BlTable *
read_workbook (const char         *file,
               const char * const *sheets)
{
  g_autofree char *path = g_build_filename (fixtures, file, NULL);
  g_autoptr(GError) error = NULL;
  BlTable *table = bl_table_read_file (path, sheets, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
check_roster (BlTable  *table,
              gboolean  date1904)
{
  g_autofree char *where = NULL;

  g_assert_cmpstr (bl_table_get_sheet (table), ==, "党员名册");
  /* Title (row 1), header (3), three members (4, 5, 7): row 2 and the row
   * of blanks (6) are left out. */
  g_assert_cmpuint (bl_table_get_n_rows (table), ==, 5);
  g_assert_cmpuint (bl_table_get_position (table, 0), ==, 1);
  g_assert_cmpstr (bl_table_get_cell (table, 0, 0), ==, "星湖科技园区第一党支部 2025年党员名册");
  /* A merge across is not repeated across. */
  g_assert_cmpstr (bl_table_get_cell (table, 0, 1), ==, "");
  g_assert_cmpuint (bl_table_get_position (table, 1), ==, 3);
  g_assert_cmpstr (bl_table_get_cell (table, 1, 8), ==, "旧日期");
  g_assert_cmpuint (bl_table_get_position (table, 4), ==, 7);

  /* Row 4: text, a date, a time, a phone number, a boolean, a decimal. */
  g_assert_cmpstr (bl_table_get_cell (table, 2, 0), ==, "王建国");
  g_assert_cmpstr (bl_table_get_cell (table, 2, 1), ==, "第一党小组");
  g_assert_cmpstr (bl_table_get_cell (table, 2, 2), ==, "1998-07-01");
  g_assert_cmpstr (bl_table_get_cell (table, 2, 3), ==, "09:30");
  g_assert_cmpstr (bl_table_get_cell (table, 2, 4), ==, "13800000001");
  g_assert_cmpstr (bl_table_get_cell (table, 2, 6), ==, "TRUE");
  g_assert_cmpstr (bl_table_get_cell (table, 2, 7), ==, "2.5");
  /* Serial 60: Excel's 1900-02-29, or 1904-03-01 counted from 1904. */
  g_assert_cmpstr (bl_table_get_cell (table, 2, 8), ==, date1904 ? "1904-03-01" : "1900-02-29");

  /* Row 5: the party group merged down from row 4; a Chinese date format. */
  g_assert_cmpstr (bl_table_get_cell (table, 3, 1), ==, "第一党小组");
  g_assert_cmpstr (bl_table_get_cell (table, 3, 2), ==, "2003-06-18");
  g_assert_cmpstr (bl_table_get_cell (table, 3, 3), ==, "2025-03-10 14:00");
  g_assert_cmpstr (bl_table_get_cell (table, 3, 4), ==, "0551-1234");
  g_assert_cmpstr (bl_table_get_cell (table, 3, 6), ==, "FALSE");
  g_assert_cmpstr (bl_table_get_cell (table, 3, 7), ==, "-1.25");
  g_assert_cmpuint (bl_table_get_row_length (table, 3), ==, 8);

  /* Row 7: built-in date format 14, a duration, a big number, a cell with
   * a line break, 0.1 exactly. */
  g_assert_cmpstr (bl_table_get_cell (table, 4, 2), ==, date1904 ? "2027-03-16" : "2023-03-15");
  g_assert_cmpstr (bl_table_get_cell (table, 4, 3), ==, "36:00");
  g_assert_cmpstr (bl_table_get_cell (table, 4, 4), ==, "1e+20");
  g_assert_cmpstr (bl_table_get_cell (table, 4, 5), ==, "第一行\r\n第二行");
  g_assert_cmpstr (bl_table_get_cell (table, 4, 7), ==, "0.1");

  where = bl_table_format_location (table, 4, 2);
  g_assert_true (g_str_has_suffix (where, "roster.xlsx:党员名册!C7") ||
                 g_str_has_suffix (where, "roster-1904.xlsx:党员名册!C7"));
}

static void
test_openpyxl (void)
{
  const char *roster[] = { "活动台账", "党员名册", NULL };
  g_autoptr(BlTable) table = read_workbook ("roster.xlsx", roster);
  g_autoptr(BlTable) table1904 = read_workbook ("roster-1904.xlsx", roster);
  g_autoptr(BlTable) first = read_workbook ("roster.xlsx", NULL);
  g_autofree char *path = g_build_filename (fixtures, "roster.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) sheets = NULL;
  char *contents;
  gsize length;

  check_roster (table, FALSE);
  check_roster (table1904, TRUE);

  /* No sheet of the names asked for: the first sheet. */
  g_assert_cmpstr (bl_table_get_sheet (first), ==, "说明");
  g_assert_cmpuint (bl_table_get_n_rows (first), ==, 1);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  sheets = bl_xlsx_list_sheets ("roster.xlsx", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheets), ==, 2);
  g_assert_cmpstr (sheets[0], ==, "说明");
  g_assert_cmpstr (sheets[1], ==, "党员名册");
}

static void
test_serials (void)
{
  static const struct {
    double       serial;
    BlXlsxFormat format;
    gboolean     date1904;
    const char  *text;
  } cases[] = {
    { 1, BL_XLSX_DATE, FALSE, "1900-01-01" },
    { 59, BL_XLSX_DATE, FALSE, "1900-02-28" },
    { 60, BL_XLSX_DATE, FALSE, "1900-02-29" },
    { 61, BL_XLSX_DATE, FALSE, "1900-03-01" },
    { 45726, BL_XLSX_DATE, FALSE, "2025-03-10" },
    { 45726 - 1462, BL_XLSX_DATE, TRUE, "2025-03-10" },
    { 0, BL_XLSX_DATE, TRUE, "1904-01-01" },
    { 2958465, BL_XLSX_DATE, FALSE, "9999-12-31" },
    { 0.375, BL_XLSX_TIME, FALSE, "09:00" },
    { 45726.375, BL_XLSX_TIME, FALSE, "09:00" },
    { 0.99999999, BL_XLSX_DATETIME, FALSE, "1900-01-01 00:00" },
    { 0.5 + 1.0 / 86400, BL_XLSX_TIME, FALSE, "12:00:01" },
    { 2.25, BL_XLSX_DURATION, FALSE, "54:00" },
  };
  static const struct {
    double       serial;
    gboolean     date1904;
  } none[] = { { -1, FALSE }, { 2958466, FALSE }, { 2958466 - 1462, TRUE } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bl_xlsx_format_serial (cases[i].serial, cases[i].format, cases[i].date1904);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    g_assert_null (bl_xlsx_format_serial (none[i].serial, BL_XLSX_DATE, none[i].date1904));
  g_assert_null (bl_xlsx_format_serial (45000, BL_XLSX_NUMBER, FALSE));
}

static void
test_formats (void)
{
  static const struct {
    guint        id;
    const char  *code;
    BlXlsxFormat format;
  } cases[] = {
    { 0, NULL, BL_XLSX_NUMBER },
    { 14, NULL, BL_XLSX_DATE },
    { 20, NULL, BL_XLSX_TIME },
    { 22, NULL, BL_XLSX_DATETIME },
    { 31, NULL, BL_XLSX_DATE },      /* yyyy"年"m"月"d"日" in Chinese Excel */
    { 32, NULL, BL_XLSX_TIME },      /* h"时"mm"分" */
    { 57, NULL, BL_XLSX_DATE },
    { 49, NULL, BL_XLSX_NUMBER },
    { 164, "yyyy-mm-dd", BL_XLSX_DATE },
    { 164, "yyyy\"年\"m\"月\"d\"日\"", BL_XLSX_DATE },
    { 164, "[$-804]yyyy年m月d日;@", BL_XLSX_DATE },
    { 164, "mmm", BL_XLSX_DATE },
    { 164, "h:mm AM/PM", BL_XLSX_TIME },
    { 164, "hh:mm", BL_XLSX_TIME },
    { 164, "yyyy-mm-dd hh:mm:ss", BL_XLSX_DATETIME },
    { 164, "[h]:mm:ss", BL_XLSX_DURATION },
    { 164, "0.00", BL_XLSX_NUMBER },
    { 164, "#,##0.00\"元\"", BL_XLSX_NUMBER },
    { 164, "\"day\" 0", BL_XLSX_NUMBER },
    { 164, "[Red]0.00;[Blue]-0.00", BL_XLSX_NUMBER },
    { 164, "0.00E+00", BL_XLSX_NUMBER },
    { 164, "General", BL_XLSX_NUMBER },
    { 164, "@", BL_XLSX_NUMBER },
    { 164, "0;\"d\"yyyy", BL_XLSX_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%u %s", cases[i].id, cases[i].code != NULL ? cases[i].code : "(built-in)");
      g_assert_cmpint (bl_xlsx_classify_format (cases[i].id, cases[i].code), ==, cases[i].format);
    }
}

/* Workbooks made by hand (bl-test-workbooks.c) for the limits */

typedef enum {
  BOMB_BLANK_ROWS,      /* more rows than Excel has, all blank */
  BOMB_SPACED_ROWS,     /* rows 3 MB of blanks apart: only the size stops them */
  BOMB_NO_MARKUP,       /* blanks and nothing else */
  BOMB_EMPTY_CELLS,     /* millions of empty cells in one row */
  BOMB_SHARED,          /* one long shared string in 2,100 cells: 210 MB */
} Bomb;

/* Each a few hundred kilobytes zipped. */
static void
write_bomb (struct archive *archive,
            gpointer        user_data)
{
  Bomb bomb = GPOINTER_TO_INT (user_data);
  g_autoptr(GString) chunk = g_string_new (NULL);
  guint repeat = 300;

  if (bomb == BOMB_SPACED_ROWS)
    {
      g_autofree char *blanks = g_strnfill (3 * 1024 * 1024, ' ');
      g_string_append_printf (chunk, "<row/>%s", blanks);
      repeat = 90;
    }
  else if (bomb == BOMB_SHARED)
    {
      for (guint i = 1; i <= 2100; i++)
        g_string_append_printf (chunk, "<row r=\"%u\"><c t=\"s\"><v>0</v></c></row>", i);
      repeat = 1;
    }
  else
    {
      while (chunk->len < 1024 * 1024)
        g_string_append (chunk, bomb == BOMB_BLANK_ROWS ? "<row/>" : bomb == BOMB_EMPTY_CELLS ? "<c/>" : "      ");
      /* Just past each limit: 1.4 million rows, 8.7 million elements, 8 MB
       * without markup. */
      repeat = bomb == BOMB_EMPTY_CELLS ? 33 : 8;
    }

  bl_test_workbook_put (archive, bomb == BOMB_EMPTY_CELLS ? "<worksheet><sheetData><row>" : "<worksheet><sheetData>");
  for (guint i = 0; i < repeat; i++)
    bl_test_workbook_put (archive, chunk->str);
  bl_test_workbook_put (archive, bomb == BOMB_EMPTY_CELLS ? "</row></sheetData></worksheet>" : "</sheetData></worksheet>");
}

static void
assert_refused (const char    *path,
                BlTableError   code,
                const char    *words)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(BlTable) table = bl_table_read_file (path, NULL, &error);

  g_assert_null (table);
  /* How long a refusal takes, for the record (nothing asserts on it). */
  g_test_message ("%s (%.1f s)", error->message, (g_get_monotonic_time () - start) / 1e6);
  g_assert_error (error, BL_TABLE_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (strchr (error->message, '\n'));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

static void
test_handmade (void)
{
  g_autofree char *path = bl_test_make_workbook ("prefixed.xlsx", bl_test_write_small_sheet,
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
    "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r>"
    "<x:rPh><x:t>ふりがな</x:t></x:rPh></x:is></x:c><x:c t=\"str\"><x:f>A1</x:f><x:v>a_x000D_b_x005F_x0041_</x:v></x:c>"
    "<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"d\"><x:v>2025-03-10T00:00:00</x:v></x:c></x:row>"
    "<x:row><x:c><x:v>1.5</x:v></x:c></x:row>"
    "</x:sheetData><x:mergeCells><x:mergeCell ref=\"A1:ZZZZ9\"/><x:mergeCell ref=\"B2:B3\"/></x:mergeCells>"
    "</x:worksheet>");
  g_autofree char *bad_string = bl_test_make_workbook ("bad-string.xlsx", bl_test_write_small_sheet,
    "<worksheet><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData></worksheet>");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlTable) table = bl_table_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (bl_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (bl_table_get_position (table, 0), ==, 2);
  g_assert_cmpstr (bl_table_get_cell (table, 0, 0), ==, "");
  /* Rich text runs joined, phonetic guides left out. */
  g_assert_cmpstr (bl_table_get_cell (table, 0, 1), ==, "富文本");
  g_assert_cmpstr (bl_table_get_cell (table, 0, 2), ==, "a\rb_x0041_");
  g_assert_cmpstr (bl_table_get_cell (table, 0, 3), ==, "#N/A");
  g_assert_cmpstr (bl_table_get_cell (table, 0, 4), ==, "2025-03-10");
  /* Row 3 follows row 2; B3 takes B2's merged value. */
  g_assert_cmpuint (bl_table_get_position (table, 1), ==, 3);
  g_assert_cmpstr (bl_table_get_cell (table, 1, 0), ==, "1.5");
  g_assert_cmpstr (bl_table_get_cell (table, 1, 1), ==, "富文本");

  assert_refused (bad_string, BL_TABLE_ERROR_CORRUPT, NULL);
}

static void
test_refusals (void)
{
  const char *xls_streams[] = { "Workbook", NULL };
  const char *encrypted_streams[] = { "EncryptionInfo", "EncryptedPackage", NULL };
  g_autofree char *xls = bl_test_make_compound_file ("old.xls", xls_streams);
  g_autofree char *encrypted = bl_test_make_compound_file ("secret.xlsx", encrypted_streams);
  g_autofree char *roster = g_build_filename (fixtures, "roster.xlsx", NULL);
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *truncated = g_build_filename (dir, "truncated.xlsx", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.xlsx", NULL);
  g_autofree char *not_workbook = bl_test_make_workbook ("empty.xlsx", bl_test_write_small_sheet, "<worksheet/>");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  bl_test_check_with_olefile (xls, "Workbook");
  bl_test_check_with_olefile (encrypted, "EncryptedPackage,EncryptionInfo");

  assert_refused (xls, BL_TABLE_ERROR_OLD_FORMAT, ".xlsx");
  assert_refused (encrypted, BL_TABLE_ERROR_ENCRYPTED, "password");

  /* Half a workbook, and a zip signature followed by nothing sensible. */
  g_assert_true (g_file_get_contents (roster, &contents, &length, &error));
  g_assert_true (g_file_set_contents (truncated, contents, (gssize) length / 2, &error));
  assert_refused (truncated, BL_TABLE_ERROR_CORRUPT, NULL);
  g_assert_true (g_file_set_contents (garbage, "PK\3\4 this is no zip at all", -1, &error));
  assert_refused (garbage, BL_TABLE_ERROR_CORRUPT, NULL);

  /* A zip with no workbook in it: remove the workbook part. */
  {
    g_autofree char *sheet_only = g_build_filename (dir, "sheet-only.xlsx", NULL);
    struct archive *archive = archive_write_new ();

    archive_write_set_format_zip (archive);
    g_assert_cmpint (archive_write_open_filename (archive, sheet_only), ==, ARCHIVE_OK);
    bl_test_workbook_entry (archive, "xl/worksheets/sheet1.xml", "<worksheet/>");
    archive_write_close (archive);
    archive_write_free (archive);
    assert_refused (sheet_only, BL_TABLE_ERROR_CORRUPT, NULL);
  }
  /* An empty sheet is no error: a table without rows. */
  {
    g_autoptr(BlTable) empty = bl_table_read_file (not_workbook, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bl_table_get_n_rows (empty), ==, 0);
  }
}

static void
test_limits (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *million = bl_test_make_workbook ("million.xlsx", bl_test_write_million_rows, NULL);
  g_autofree char *rows = g_strdup_printf ("%u", BL_TABLE_MAX_ROWS);
  g_autofree char *long_string = g_strnfill (100 * 1000, 'x');
  g_autofree char *strings = g_strdup_printf ("<sst><si><t>%s</t></si></sst>", long_string);
  g_autofree char *blank_rows = bl_test_make_workbook ("blank-rows.xlsx", write_bomb, GINT_TO_POINTER (BOMB_BLANK_ROWS));
  g_autofree char *spaced = bl_test_make_workbook ("spaced.xlsx", write_bomb, GINT_TO_POINTER (BOMB_SPACED_ROWS));
  g_autofree char *blanks = bl_test_make_workbook ("blanks.xlsx", write_bomb, GINT_TO_POINTER (BOMB_NO_MARKUP));
  g_autofree char *cells = bl_test_make_workbook ("cells.xlsx", write_bomb, GINT_TO_POINTER (BOMB_EMPTY_CELLS));
  g_autofree char *shared = bl_test_make_workbook_with_strings ("shared.xlsx", strings, write_bomb,
                                                        GINT_TO_POINTER (BOMB_SHARED));

  g_test_message ("workbooks made in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  assert_refused (million, BL_TABLE_ERROR_TOO_LARGE, "“Sheet1”");
  assert_refused (million, BL_TABLE_ERROR_TOO_LARGE, rows);
  assert_refused (blank_rows, BL_TABLE_ERROR_CORRUPT, "more rows than a sheet holds");
  assert_refused (spaced, BL_TABLE_ERROR_TOO_LARGE, "xl/worksheets/sheet1.xml");
  assert_refused (blanks, BL_TABLE_ERROR_CORRUPT, "without markup");
  assert_refused (cells, BL_TABLE_ERROR_TOO_LARGE, "elements");
  assert_refused (shared, BL_TABLE_ERROR_TOO_LARGE, "100.0\xc2\xa0MB of text");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  make_fixtures ();

  g_test_add_func ("/xlsx-reader/openpyxl", test_openpyxl);
  g_test_add_func ("/xlsx-reader/serials", test_serials);
  g_test_add_func ("/xlsx-reader/formats", test_formats);
  g_test_add_func ("/xlsx-reader/handmade", test_handmade);
  g_test_add_func ("/xlsx-reader/refusals", test_refusals);
  g_test_add_func ("/xlsx-reader/limits", test_limits);

  return g_test_run ();
}
