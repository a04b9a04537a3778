/* bl-table-reader.h: a table from a file, CSV or Excel, told apart by what
 * the file holds rather than by its name */
#pragma once

#include <glib.h>

#include "bl-table.h"

G_BEGIN_DECLS

typedef enum {
  BL_TABLE_FORMAT_TEXT,         /* CSV or tab-separated text */
  BL_TABLE_FORMAT_XLSX,         /* a zip: "PK\3\4" */
  BL_TABLE_FORMAT_XLS,          /* an OLE2 compound file: Excel 97–2003 (or another old Office file) */
  BL_TABLE_FORMAT_ENCRYPTED,    /* an OLE2 file with EncryptionInfo: a password-protected .xlsx */
} BlTableFormat;

BlTableFormat  bl_table_format_sniff   (const guint8        *data,
                                        gsize                length);

/* The table in @data (a file's bytes, @name for messages): a CSV file, or
 * of a workbook the first sheet named in @sheet_names, else its first sheet.
 * An .xls workbook or a password-protected one is refused with what to do. */
BlTable       *bl_table_read_bytes     (const char          *name,
                                        GBytes              *data,
                                        const char * const  *sheet_names,
                                        GError             **error);

/* The same for the file at @path: a regular file of at most
 * BL_TEXT_MAX_FILE_SIZE bytes (a FIFO or a device is refused at once). */
BlTable       *bl_table_read_file      (const char          *path,
                                        const char * const  *sheet_names,
                                        GError             **error);

G_END_DECLS
