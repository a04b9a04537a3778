/* bl-test-workbooks.c: workbooks and old Office files made by hand, for
 * the tests of the workbook reader and of imports */
#include "config.h"

#include <string.h>

#include "bl-test-common.h"
#include "bl-test-workbooks.h"

void
bl_test_workbook_entry (struct archive *archive,
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
char *
bl_test_make_workbook_with_strings (const char      *file,
                                    const char      *strings,
                                    BlTestSheetFunc  write_sheet,
                                    gpointer         user_data)
{
  g_autofree char *dir = bl_test_make_dir ();
  char *path = g_build_filename (dir, file, NULL);
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry;

  g_assert_cmpint (archive_write_set_format_zip (archive), ==, ARCHIVE_OK);
  /* Deflate's fastest level: the limit tests' workbooks unpack to hundreds
   * of megabytes, which the default level takes twice as long to pack. */
  g_assert_cmpint (archive_write_set_format_option (archive, "zip", "compression-level", "1"), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  bl_test_workbook_entry (archive, "[Content_Types].xml",
               "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  bl_test_workbook_entry (archive, "_rels/.rels",
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  bl_test_workbook_entry (archive, "xl/workbook.xml",
               "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
               "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
               "<x:sheets><x:sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>");
  bl_test_workbook_entry (archive, "xl/_rels/workbook.xml.rels",
               "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
               "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships/worksheet\" Target=\"/xl/worksheets/../worksheets/sheet1.xml\"/>"
               "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
               "relationships/sharedStrings\" Target=\"strings.xml\"/></Relationships>");
  if (strings != NULL)
    bl_test_workbook_entry (archive, "xl/strings.xml", strings);

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

char *
bl_test_make_workbook (const char      *file,
                       BlTestSheetFunc  write_sheet,
                       gpointer         user_data)
{
  return bl_test_make_workbook_with_strings (file, NULL, write_sheet, user_data);
}

void
bl_test_workbook_put (struct archive *archive,
                      const char     *text)
{
  g_assert_cmpint (archive_write_data (archive, text, strlen (text)), ==, (la_ssize_t) strlen (text));
}

void
bl_test_write_small_sheet (struct archive *archive,
                           gpointer        user_data)
{
  bl_test_workbook_put (archive, user_data);
}

void
bl_test_write_million_rows (struct archive *archive,
                            gpointer        user_data)
{
  g_autoptr(GString) chunk = g_string_new (NULL);

  bl_test_workbook_put (archive, "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>");
  for (guint row = 1; row <= 1000000; row++)
    {
      g_string_append_printf (chunk, "<x:row r=\"%u\"><x:c r=\"A%u\"><x:v>%u</x:v></x:c></x:row>", row, row, row);
      if (chunk->len > 60000)
        {
          bl_test_workbook_put (archive, chunk->str);
          g_string_truncate (chunk, 0);
        }
    }
  bl_test_workbook_put (archive, chunk->str);
  bl_test_workbook_put (archive, "</x:sheetData></x:worksheet>");
}

/* A compound file (the container of .xls and of encrypted .xlsx) with the
 * streams @names of 4096 bytes each: 512-byte sectors, FAT in sector 0,
 * directory in sector 1, each stream 8 sectors after that. */
char *
bl_test_make_compound_file (const char         *file,
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
void
bl_test_check_with_olefile (const char *path,
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

