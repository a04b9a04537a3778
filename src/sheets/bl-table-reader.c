/* bl-table-reader.c: a table from a file, CSV or Excel, told apart by what
 * the file holds rather than by its name */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-csv-reader.h"
#include "bl-table-reader.h"
#include "bl-xlsx-reader.h"

static const guint8 ole2_magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

#define ENDOFCHAIN 0xfffffffeu
#define HEADER_FAT_SECTORS 109

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* Whether a directory entry's UTF-16LE name is @ascii. */
static gboolean
entry_named (const guint8 *entry,
             const char   *ascii)
{
  guint name_bytes = (guint) entry[0x40] | (guint) entry[0x41] << 8;
  gsize length = strlen (ascii);

  if (name_bytes != (length + 1) * 2 || name_bytes > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (entry[i * 2] != (guint8) ascii[i] || entry[i * 2 + 1] != 0)
      return FALSE;
  return TRUE;
}

/* Office writes a password-protected .xlsx as an OLE2 compound file with
 * the streams EncryptionInfo and EncryptedPackage: walks the directory
 * (sectors chained through the FAT) looking for them. */
static gboolean
ole2_is_encrypted (const guint8 *data,
                   gsize         length)
{
  guint shift, sector_size, per_fat_sector;
  guint32 sector, n_fat;
  gsize n_sectors;

  if (length < 512)
    return FALSE;
  shift = (guint) data[0x1e] | (guint) data[0x1f] << 8;
  if (shift != 9 && shift != 12)
    return FALSE;
  sector_size = 1u << shift;
  per_fat_sector = sector_size / 4;
  n_sectors = length / sector_size;
  n_fat = MIN (le32 (data + 0x2c), HEADER_FAT_SECTORS);
  sector = le32 (data + 0x30);

  /* At most as many steps as there are sectors: a looping chain ends. */
  for (gsize steps = 0; sector < ENDOFCHAIN && steps < n_sectors; steps++)
    {
      gsize offset = ((gsize) sector + 1) * sector_size;
      guint32 fat_index, fat_sector;
      gsize fat_offset;

      if (offset + sector_size > length)
        return FALSE;
      for (guint e = 0; e < sector_size / 128; e++)
        {
          const guint8 *entry = data + offset + e * 128;

          if (entry_named (entry, "EncryptionInfo") || entry_named (entry, "EncryptedPackage"))
            return TRUE;
        }

      fat_index = sector / per_fat_sector;
      if (fat_index >= n_fat)
        return FALSE;
      fat_sector = le32 (data + 0x4c + fat_index * 4);
      fat_offset = ((gsize) fat_sector + 1) * sector_size + (sector % per_fat_sector) * 4;
      if (fat_sector >= ENDOFCHAIN || fat_offset + 4 > length)
        return FALSE;
      sector = le32 (data + fat_offset);
    }
  return FALSE;
}

BlTableFormat
bl_table_format_sniff (const guint8 *data,
                       gsize         length)
{
  g_return_val_if_fail (data != NULL || length == 0, BL_TABLE_FORMAT_TEXT);

  if (bl_xlsx_is_zip (data, length))
    return BL_TABLE_FORMAT_XLSX;
  if (length >= sizeof ole2_magic && memcmp (data, ole2_magic, sizeof ole2_magic) == 0)
    return ole2_is_encrypted (data, length) ? BL_TABLE_FORMAT_ENCRYPTED : BL_TABLE_FORMAT_XLS;
  return BL_TABLE_FORMAT_TEXT;
}

BlTable *
bl_table_read_bytes (const char          *name,
                     GBytes              *bytes,
                     const char * const  *sheet_names,
                     GError             **error)
{
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  switch (bl_table_format_sniff (data, length))
    {
    case BL_TABLE_FORMAT_XLSX:
      return bl_xlsx_read (name, bytes, sheet_names, error);
    case BL_TABLE_FORMAT_XLS:
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_OLD_FORMAT,
                   _("%s: this is an Excel 97–2003 workbook (.xls), which Branch Ledger does not read: open it in "
                     "Excel or WPS and save it as an Excel workbook (.xlsx)"), name);
      return NULL;
    case BL_TABLE_FORMAT_ENCRYPTED:
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_ENCRYPTED,
                   _("%s: the workbook is protected by a password: save a copy without the password in Excel "
                     "or WPS and import that"), name);
      return NULL;
    case BL_TABLE_FORMAT_TEXT:
    default:
      return bl_csv_reader_read_bytes (name, (const char *) data, length, error);
    }
}

BlTable *
bl_table_read_file (const char          *path,
                    const char * const  *sheet_names,
                    GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = bl_text_read_file (path, BL_TEXT_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return bl_table_read_bytes (path, bytes, sheet_names, error);
}
