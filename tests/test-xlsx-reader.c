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

/* Workbooks made by hand */

typedef void (*WriteFunc) (struct archive *archive, gpointer user_data);

static void
write_entry (struct archive *archive,
             const char     *name,
             const char     *text)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) strlen (text));
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (archive, text, strlen (text)), ==, (la_ssize_t) strlen (text));
  archive_entry_free (entry);
}

/* A workbook with one sheet, "Sheet1", whose XML @write_sheet streams, and
 * the shared strings @strings (NULL: none). */
static char *
make_workbook_with_strings (const char *file,
                            const char *strings,
                            WriteFunc   write_sheet,
                            gpointer    user_data)
{
  g_autofree char *dir = bl_test_make_dir ();
  char *path = g_build_filename (dir, file, NULL);
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry;

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  write_entry (archive, "[Content_Types].xml",
               "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  write_entry (archive, "_rels/.rels",
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  write_entry (archive, "xl/workbook.xml",
               "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
               "<x:sheets><x:sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>");
  write_entry (archive, "xl/_rels/workbook.xml.rels",
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships/worksheet\" Target=\"/xl/worksheets/../worksheets/sheet1.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships/sharedStrings\" Target=\"strings.xml\"/></Relationships>");
  if (strings != NULL)
    write_entry (archive, "xl/strings.xml", strings);

  /* The sheet's size is not known beforehand: a data descriptor follows. */
  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, "xl/worksheets/sheet1.xml");
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  write_sheet (archive, user_data);
  archive_entry_free (entry);
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return path;
}

static char *
make_workbook (const char *file,
               WriteFunc   write_sheet,
               gpointer    user_data)
{
  return make_workbook_with_strings (file, NULL, write_sheet, user_data);
}

static void
put (struct archive *archive,
     const char     *text)
{
  g_assert_cmpint (archive_write_data (archive, text, strlen (text)), ==, (la_ssize_t) strlen (text));
}

static void
write_small_sheet (struct archive *archive,
                   gpointer        user_data)
{
  put (archive, user_data);
}

static void
write_million_rows (struct archive *archive,
                    gpointer        user_data)
{
  g_autoptr(GString) chunk = g_string_new (NULL);

  put (archive, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>");
  for (guint row = 1; row <= 1000000; row++)
    {
      g_string_append_printf (chunk, "<x:row r=\"%u\"><x:c r=\"A%u\"><x:v>%u</x:v></x:c></x:row>", row, row, row);
      if (chunk->len > 60000)
        {
          put (archive, chunk->str);
          g_string_truncate (chunk, 0);
        }
    }
  put (archive, chunk->str);
  put (archive, "</x:sheetData></x:worksheet>");
}

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

  put (archive, bomb == BOMB_EMPTY_CELLS ? "<worksheet><sheetData><row>" : "<worksheet><sheetData>");
  for (guint i = 0; i < repeat; i++)
    put (archive, chunk->str);
  put (archive, bomb == BOMB_EMPTY_CELLS ? "</row></sheetData></worksheet>" : "</sheetData></worksheet>");
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
  g_autofree char *path = make_workbook ("prefixed.xlsx", write_small_sheet,
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
    "<x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r>"
    "<x:rPh><x:t>ふりがな</x:t></x:rPh></x:is></x:c><x:c t=\"str\"><x:f>A1</x:f><x:v>a_x000D_b_x005F_x0041_</x:v></x:c>"
    "<x:c t=\"e\"><x:v>#N/A</x:v></x:c><x:c t=\"d\"><x:v>2025-03-10T00:00:00</x:v></x:c></x:row>"
    "<x:row><x:c><x:v>1.5</x:v></x:c></x:row>"
    "</x:sheetData><x:mergeCells><x:mergeCell ref=\"A1:ZZZZ9\"/><x:mergeCell ref=\"B2:B3\"/></x:mergeCells>"
    "</x:worksheet>");
  g_autofree char *bad_string = make_workbook ("bad-string.xlsx", write_small_sheet,
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

/* A compound file (the container of .xls and of encrypted .xlsx) with the
 * streams @names of 4096 bytes each: 512-byte sectors, FAT in sector 0,
 * directory in sector 1, each stream 8 sectors after that. */
static char *
make_compound_file (const char         *file,
                    const char * const *names)
{
  g_autofree char *dir = bl_test_make_dir ();
  char *path = g_build_filename (dir, file, NULL);
  guint n = g_strv_length ((GStrv) names);
  guint n_sectors = 2 + n * 8;
  g_autofree guint8 *data = g_malloc0 ((gsize) (n_sectors + 1) * 512);
  guint8 *header = data, *fat = data + 512, *directory = data + 1024;
  static const guint8 magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  g_autoptr(GError) error = NULL;

#define PUT16(p, v) G_STMT_START { (p)[0] = (guint8) ((v) & 0xff); (p)[1] = (guint8) (((v) >> 8) & 0xff); } G_STMT_END
#define PUT32(p, v) G_STMT_START { guint32 v_ = (v); for (int b_ = 0; b_ < 4; b_++) (p)[b_] = (guint8) (v_ >> (8 * b_)); } G_STMT_END

  g_assert_cmpuint (n, <=, 3);
  memcpy (header, magic, 8);
  PUT16 (header + 0x18, 0x3e);        /* minor version */
  PUT16 (header + 0x1a, 3);           /* major version: 512-byte sectors */
  PUT16 (header + 0x1c, 0xfffe);      /* little-endian */
  PUT16 (header + 0x1e, 9);           /* sector shift */
  PUT16 (header + 0x20, 6);           /* mini sector shift */
  PUT32 (header + 0x2c, 1);           /* FAT sectors */
  PUT32 (header + 0x30, 1);           /* first directory sector */
  PUT32 (header + 0x38, 4096);        /* mini stream cutoff */
  PUT32 (header + 0x3c, 0xfffffffe);  /* no mini FAT */
  PUT32 (header + 0x44, 0xfffffffe);  /* no DIFAT sectors */
  PUT32 (header + 0x4c, 0);           /* the FAT is sector 0 */
  for (guint i = 1; i < 109; i++)
    PUT32 (header + 0x4c + i * 4, 0xffffffff);

  for (guint s = 0; s < 128; s++)
    PUT32 (fat + s * 4, 0xffffffff);
  PUT32 (fat + 0, 0xfffffffd);        /* sector 0: the FAT */
  PUT32 (fat + 4, 0xfffffffe);        /* sector 1: the directory, one sector */
  for (guint k = 0; k < n; k++)
    for (guint s = 0; s < 8; s++)
      {
        guint sector = 2 + k * 8 + s;
        PUT32 (fat + sector * 4, s == 7 ? 0xfffffffe : sector + 1);
      }

  /* Root entry, then one entry per stream, chained as right siblings. */
  for (guint e = 0; e <= n; e++)
    {
      guint8 *entry = directory + e * 128;
      const char *name = e == 0 ? "Root Entry" : names[e - 1];

      for (guint c = 0; name[c] != '\0'; c++)
        entry[c * 2] = (guint8) name[c];
      PUT16 (entry + 0x40, (strlen (name) + 1) * 2);
      entry[0x42] = e == 0 ? 5 : 2;   /* root storage / stream */
      entry[0x43] = 1;                /* black */
      PUT32 (entry + 0x44, 0xffffffff);
      PUT32 (entry + 0x48, e > 0 && e < n ? e + 1 : 0xffffffff);
      PUT32 (entry + 0x4c, e == 0 && n > 0 ? 1 : 0xffffffff);
      PUT32 (entry + 0x74, e == 0 ? 0xfffffffe : 2 + (e - 1) * 8);
      PUT32 (entry + 0x78, e == 0 ? 0 : 4096);
    }
  for (guint e = n + 1; e < 4; e++)
    {
      PUT32 (directory + e * 128 + 0x44, 0xffffffff);
      PUT32 (directory + e * 128 + 0x48, 0xffffffff);
      PUT32 (directory + e * 128 + 0x4c, 0xffffffff);
    }
#undef PUT16
#undef PUT32

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) (n_sectors + 1) * 512, &error));
  return path;
}

/* The compound files are checked by an independent reader, python's olefile. */
static void
check_with_olefile (const char *path,
                    const char *expected)
{
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import olefile, sys; o = olefile.OleFileIO(sys.argv[1]); "
                         "print(','.join('/'.join(e) for e in o.listdir()))", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (g_strstrip (out), ==, expected);
}

static void
test_refusals (void)
{
  const char *xls_streams[] = { "Workbook", NULL };
  const char *encrypted_streams[] = { "EncryptionInfo", "EncryptedPackage", NULL };
  g_autofree char *xls = make_compound_file ("old.xls", xls_streams);
  g_autofree char *encrypted = make_compound_file ("secret.xlsx", encrypted_streams);
  g_autofree char *roster = g_build_filename (fixtures, "roster.xlsx", NULL);
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *truncated = g_build_filename (dir, "truncated.xlsx", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.xlsx", NULL);
  g_autofree char *not_workbook = make_workbook ("empty.xlsx", write_small_sheet, "<worksheet/>");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  check_with_olefile (xls, "Workbook");
  check_with_olefile (encrypted, "EncryptedPackage,EncryptionInfo");

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
    write_entry (archive, "xl/worksheets/sheet1.xml", "<worksheet/>");
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
  g_autofree char *million = make_workbook ("million.xlsx", write_million_rows, NULL);
  g_autofree char *rows = g_strdup_printf ("%u", BL_TABLE_MAX_ROWS);
  g_autofree char *long_string = g_strnfill (100 * 1000, 'x');
  g_autofree char *strings = g_strdup_printf ("<sst><si><t>%s</t></si></sst>", long_string);
  g_autofree char *blank_rows = make_workbook ("blank-rows.xlsx", write_bomb, GINT_TO_POINTER (BOMB_BLANK_ROWS));
  g_autofree char *spaced = make_workbook ("spaced.xlsx", write_bomb, GINT_TO_POINTER (BOMB_SPACED_ROWS));
  g_autofree char *blanks = make_workbook ("blanks.xlsx", write_bomb, GINT_TO_POINTER (BOMB_NO_MARKUP));
  g_autofree char *cells = make_workbook ("cells.xlsx", write_bomb, GINT_TO_POINTER (BOMB_EMPTY_CELLS));
  g_autofree char *shared = make_workbook_with_strings ("shared.xlsx", strings, write_bomb,
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
