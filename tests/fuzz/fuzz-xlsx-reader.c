/* fuzz-xlsx-reader.c: libFuzzer entry point for the workbook reader. An
 * input that starts as a zip is read as a whole file (the zip layer); any
 * other is split at NUL bytes into a sheet, its shared strings, its styles
 * and its workbook part, stored in a small zip, so that mutations reach the
 * XML readers instead of failing the zip's checksums. See README.md,
 * "Fuzzing". */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <stdint.h>
#include <string.h>

#include "bl-table-reader.h"
#include "bl-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const part_names[] = {
  "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
};

static const char workbook[] =
  "<workbook xmlns:r=\"r\"><workbookPr date1904=\"0\"/><sheets>"
  "<sheet name=\"活动台账\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
static const char package_rels[] =
  "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";

static void
add_entry (struct archive *archive,
           const char     *name,
           const void     *data,
           gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  if (archive_write_header (archive, entry) == ARCHIVE_OK)
    archive_write_data (archive, data, size);
  archive_entry_free (entry);
}

static GBytes *
wrap_in_workbook (const uint8_t *data,
                  size_t         size)
{
  gsize capacity = size + 64 * 1024, used = 0;
  guint8 *buffer = g_malloc (capacity);
  struct archive *archive = archive_write_new ();
  const uint8_t *start = data, *end = data + size;
  gboolean have[G_N_ELEMENTS (part_names)] = { FALSE };

  archive_write_set_format_zip (archive);
  archive_write_set_format_option (archive, "zip", "compression", "store");
  archive_write_open_memory (archive, buffer, capacity, &used);
  add_entry (archive, "_rels/.rels", package_rels, strlen (package_rels));
  add_entry (archive, "xl/_rels/workbook.xml.rels", workbook_rels, strlen (workbook_rels));
  for (guint part = 0; part < G_N_ELEMENTS (part_names) && start <= end; part++)
    {
      const uint8_t *nul = memchr (start, '\0', (size_t) (end - start));
      const uint8_t *stop = nul != NULL ? nul : end;

      add_entry (archive, part_names[part], start, (gsize) (stop - start));
      have[part] = TRUE;
      start = stop + 1;
    }
  if (!have[3])
    add_entry (archive, part_names[3], workbook, strlen (workbook));
  archive_write_close (archive);
  archive_write_free (archive);
  return g_bytes_new_take (buffer, used);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const sheets[] = { "党员名册", "活动台账", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlTable) table = NULL;

  if (bl_xlsx_is_zip (data, size))
    bytes = g_bytes_new (data, size);
  else
    bytes = wrap_in_workbook (data, size);

  table = bl_table_read_bytes ("fuzz.xlsx", bytes, sheets, &error);
  if (table == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_str_has_prefix (error->message, "fuzz.xlsx"));
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }
  for (guint r = 0; r < bl_table_get_n_rows (table); r++)
    {
      g_autofree char *where = bl_table_format_location (table, r, (int) bl_table_get_row_length (table, r) - 1);

      g_assert (!bl_table_row_is_blank (table, r));
      g_assert (g_utf8_validate (where, -1, NULL));
      for (guint c = 0; c < bl_table_get_row_length (table, r); c++)
        g_assert (g_utf8_validate (bl_table_get_cell (table, r, c), -1, NULL));
    }
  return 0;
}
