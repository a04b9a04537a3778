/* bl-csv-reader.h: CSV files (RFC 4180, comma, tab or semicolon; UTF-8,
 * UTF-16 or GBK) read into a BlTable */
#pragma once

#include <glib.h>

#include "bl-table.h"

G_BEGIN_DECLS

/* Appends the rows of UTF-8 @text (no BOM) to @table, split on its
 * delimiter. Each row keeps the line it starts on (CRLF, CR and LF each end
 * a line, inside quoted cells too); rows whose cells are all blank (Excel
 * and WPS write lines of bare commas at the end of a sheet) are left out.
 * Fails (BL_TABLE_ERROR_SYNTAX, _TOO_LARGE) with "NAME:LINE: …" for a quoted
 * cell never closed or more rows, columns or cells than BL_TABLE_MAX_*. */
gboolean     bl_csv_reader_parse       (BlTable      *table,
                                        const char   *text,
                                        gsize         length,
                                        GError      **error);

/* The bytes of a CSV file: encoding and delimiter found, then parsed.
 * @name is what messages call the file. */
BlTable     *bl_csv_reader_read_bytes  (const char   *name,
                                        const char   *data,
                                        gsize         length,
                                        GError      **error);

/* The CSV file at @path (a regular file of at most BL_TEXT_MAX_FILE_SIZE). */
BlTable     *bl_csv_reader_read_file   (const char   *path,
                                        GError      **error);

G_END_DECLS
