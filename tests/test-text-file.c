/* test-text-file.c: reading files as text: refusals before reading, encodings
 * (fixtures made with iconv), delimiters, values quoted in messages */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-table.h"
#include "bl-test-common.h"
#include "bl-text-file.h"

/* @utf8 converted by the iconv program to @charset. */
static GBytes *
iconv_fixture (const char *utf8,
               const char *charset)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *in = g_build_filename (dir, "in.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "iconv", "-f", "UTF-8", "-t", charset, "-o", out, in, NULL };
  char *contents = NULL;
  gsize length;
  int status;

  g_assert_true (g_file_set_contents (in, utf8, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (out, &contents, &length, &error));
  return g_bytes_new_take (contents, length);
}

static char *
decode_bytes (GBytes          *bytes,
              BlTextEncoding  *encoding,
              GError         **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return bl_text_decode ("f.csv", data, length, encoding, NULL, error);
}

static const char sample[] = "姓名,党小组\r\n王建国,第一党小组\r\n李秀英,第二党小组\r\n";

static void
test_decode_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", sample, NULL);
  BlTextEncoding encoding;
  gsize length;

  plain = bl_text_decode ("f.csv", sample, strlen (sample), &encoding, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, sample);
  g_assert_cmpuint (length, ==, strlen (sample));
  g_assert_cmpint (encoding, ==, BL_TEXT_UTF8);
  g_assert_null (bl_text_encoding_note (encoding));

  bom = bl_text_decode ("f.csv", with_bom, strlen (with_bom), &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==, sample);
  g_assert_cmpint (encoding, ==, BL_TEXT_UTF8_BOM);
  g_assert_cmpstr (bl_text_encoding_name (encoding), ==, "UTF-8");
}

static void
test_decode_gbk (void)
{
  g_autoptr(GBytes) gbk = iconv_fixture (sample, "GBK");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  BlTextEncoding encoding;

  /* Really GBK: 王 is D5 FE there, not valid UTF-8. */
  g_assert_false (g_utf8_validate (g_bytes_get_data (gbk, NULL), (gssize) g_bytes_get_size (gbk), NULL));
  text = decode_bytes (gbk, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, sample);
  g_assert_cmpint (encoding, ==, BL_TEXT_GB18030);
  g_assert_cmpstr (bl_text_encoding_name (encoding), ==, "GBK");
  note = bl_text_encoding_note (encoding);
  g_assert_cmpstr (note, ==, "read as GBK");
}

static void
test_decode_utf16 (void)
{
  static const char tabbed[] = "姓名\t党小组\r\n王建国\t第一党小组\r\n";
  /* iconv's "UTF-16" writes a byte-order mark (little-endian here). */
  g_autoptr(GBytes) le = iconv_fixture (tabbed, "UTF-16");
  g_autoptr(GBytes) be_body = iconv_fixture (tabbed, "UTF-16BE");
  g_autoptr(GByteArray) be = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_be = NULL;
  BlTextEncoding encoding;

  text = decode_bytes (le, &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, tabbed);
  g_assert_cmpint (encoding, ==, BL_TEXT_UTF16LE);
  g_assert_cmpint (bl_text_detect_delimiter (text, strlen (text)), ==, '\t');

  g_byte_array_append (be, (const guint8 *) "\xfe\xff", 2);
  g_byte_array_append (be, g_bytes_get_data (be_body, NULL), (guint) g_bytes_get_size (be_body));
  text_be = bl_text_decode ("f.txt", (const char *) be->data, be->len, &encoding, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text_be, ==, tabbed);
  g_assert_cmpint (encoding, ==, BL_TEXT_UTF16BE);
  g_assert_cmpstr (bl_text_encoding_name (encoding), ==, "UTF-16");
}

static void
test_decode_invalid (void)
{
  g_autoptr(GError) error = NULL;
  char *text;

  /* 0xFF begins no character in UTF-8 or GB18030: line 3 is named. */
  text = bl_text_decode ("f.csv", "a,b\n\xe5\xbc\xa0\n\xd5\xff\xff\n", 13, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_TEXT);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:3: "));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  /* CR-only line ends count as lines too. */
  text = bl_text_decode ("f.csv", "a\rb\r\xff", 5, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:3: "));
  g_clear_error (&error);

  /* UTF-8 with a BOM stays UTF-8: a bad byte is an error, not GBK. */
  text = bl_text_decode ("f.csv", "\xef\xbb\xbf" "a\n\xd5\xc5\n", 8, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:2: "));
  g_clear_error (&error);

  /* A UTF-16 file cut in the middle of a character. */
  text = bl_text_decode ("f.csv", "\xff\xfe" "a\0\n\0b", 7, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:2: "));
  g_clear_error (&error);

  /* NUL characters: not a text file (UTF-16 without its BOM looks so). */
  text = bl_text_decode ("f.csv", "a\0b\0\n\0", 6, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_TEXT);
  g_assert_true (g_str_has_prefix (error->message, "f.csv:1: "));
  g_assert_nonnull (strstr (error->message, "NUL"));
}

static void
test_delimiter (void)
{
  static const struct {
    const char *text;
    char        delimiter;
  } cases[] = {
    { "姓名,党小组,职务\n张三;李四,x,y\n", ',' },
    { "姓名\t党小组\t职务\n", '\t' },
    { "姓名;党小组;职务\r\n a,b;c;d", ';' },
    /* Inside quotes a delimiter is text; the second line does not count. */
    { "\"a,b,c\";\"d\"\n1,2,3,4,5\n", ';' },
    { "\"a\nb,c,d\";e;f\n", ';' },
    { "姓名\n张三\n", ',' },
    { "", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bl_text_detect_delimiter (cases[i].text, strlen (cases[i].text)), ==, cases[i].delimiter);
}

static void
test_read_file (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *big = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *hundred = g_build_filename (dir, "100MB.csv", NULL);
  g_autofree char *small = bl_test_write_file ("small.csv", sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  bytes = bl_text_read_file (small, BL_TEXT_MAX_FILE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), sample, strlen (sample));

  /* A FIFO with no writer: refused at once instead of waiting forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (bl_text_read_file (fifo, BL_TEXT_MAX_FILE_SIZE, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, fifo));
  g_clear_error (&error);

  g_assert_null (bl_text_read_file ("/dev/zero", BL_TEXT_MAX_FILE_SIZE, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  g_assert_null (bl_text_read_file (dir, BL_TEXT_MAX_FILE_SIZE, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  g_assert_null (bl_text_read_file ("/nonexistent/f.csv", BL_TEXT_MAX_FILE_SIZE, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/f.csv: "));
  g_clear_error (&error);

  /* Sparse files: the size is refused before a byte is read. */
  fd = g_open (hundred, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_null (bl_text_read_file (hundred, BL_TEXT_MAX_FILE_SIZE, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, hundred));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "100.0\xc2\xa0MB"));  /* g_format_size () keeps number and unit together */
  g_clear_error (&error);

  fd = g_open (big, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (ftruncate (fd, (off_t) BL_TEXT_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
  g_assert_null (bl_text_read_file (big, BL_TEXT_MAX_FILE_SIZE, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* The limit itself is a parameter: one byte under the file's size fails. */
  g_assert_null (bl_text_read_file (small, strlen (sample) - 1, &error));
  g_assert_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE);
}

static void
test_quote (void)
{
  g_autofree char *escaped = bl_text_quote ("a\nb\r\tc\x1b]0;title\x07 \xc2\x9b" "2J \xe2\x80\xae" "evil", 100);
  g_autofree char *long_value = g_strnfill (1000, 'x');
  g_autofree char *shortened = bl_text_quote (long_value, BL_TEXT_QUOTE_CHARS);
  g_autofree char *chinese = bl_text_quote ("一二三四五六七八九十", 4);
  g_autofree char *exact = bl_text_quote ("一二三四", 4);
  g_autofree char *invalid = bl_text_quote ("a\xff" "b", 10);

  g_assert_cmpstr (escaped, ==, "a\\nb\\r\\tc\\x1B]0;title\\x07 \\u009B2J \\u202Eevil");
  g_assert_cmpuint (g_utf8_strlen (shortened, -1), ==, BL_TEXT_QUOTE_CHARS + 1);
  g_assert_true (g_str_has_suffix (shortened, "x…"));
  g_assert_cmpstr (chinese, ==, "一二三四…");
  g_assert_cmpstr (exact, ==, "一二三四");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
}

G_GNUC_PRINTF (1, 2)
static char *
format (const char *format,
        ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = bl_text_format_message (format, args);
  va_end (args);
  return message;
}

static void
test_format_message (void)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, '9');
  g_autofree char *date = format ("“%s” is not a date (YYYY-MM-DD)", huge);
  g_autofree char *twice = format ("line %u: “%s” and %s, %d%%", 7u, "a\nb", "store said: \x1b[2J", -3);
  g_autofree char *positions = format ("%2$s年%1$u", 5u, "“x”");

  /* A 1 MB cell gives a short line. */
  g_assert_cmpuint (strlen (date), <, 100);
  g_assert_true (g_str_has_prefix (date, "“9999999999"));
  g_assert_true (g_str_has_suffix (date, "9…” is not a date (YYYY-MM-DD)"));
  /* Outside “ ” a value is escaped but kept whole. */
  g_assert_cmpstr (twice, ==, "line 7: “a\\nb” and store said: \\x1B[2J, -3%");
  g_assert_cmpstr (positions, ==, "“x”年5");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/decode-utf8", test_decode_utf8);
  g_test_add_func ("/text/decode-gbk", test_decode_gbk);
  g_test_add_func ("/text/decode-utf16", test_decode_utf16);
  g_test_add_func ("/text/decode-invalid", test_decode_invalid);
  g_test_add_func ("/text/delimiter", test_delimiter);
  g_test_add_func ("/text/read-file", test_read_file);
  g_test_add_func ("/text/quote", test_quote);
  g_test_add_func ("/text/format-message", test_format_message);

  return g_test_run ();
}
