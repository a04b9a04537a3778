/* bl-xlsx-reader.h: Excel workbooks (.xlsx: a zip of XML parts) read into a
 * BlTable, one sheet at a time */
#pragma once

#include <glib.h>

#include "bl-table.h"

G_BEGIN_DECLS

/* One XML part of the workbook (a sheet, the shared strings…) may unpack to
 * at most this many bytes: a zip bomb ends here, with a message. */
#define BL_XLSX_MAX_PART_SIZE ((gsize) 250 * 1000 * 1000)
/* XML elements in one part: a sheet within the table's limits has fewer
 * (2 million cells of three elements each, and their rows); a zip bomb of
 * empty elements ends here in seconds. */
#define BL_XLSX_MAX_ELEMENTS  8000000
/* Text a sheet's table may hold: a shared string repeated in many cells
 * is counted each time. */
#define BL_XLSX_MAX_TEXT_SIZE ((gsize) 100 * 1000 * 1000)
/* Parts in the zip, and merged ranges in a sheet, at most. */
#define BL_XLSX_MAX_ENTRIES   10000
#define BL_XLSX_MAX_MERGES    100000

/* How a number format shows a cell's number. */
typedef enum {
  BL_XLSX_NUMBER,
  BL_XLSX_DATE,
  BL_XLSX_TIME,
  BL_XLSX_DATETIME,
  BL_XLSX_DURATION,     /* [h]:mm: hours past a day count on */
} BlXlsxFormat;

/* Whether @data starts as a zip archive does ("PK\3\4"). */
gboolean      bl_xlsx_is_zip            (const guint8  *data,
                                         gsize          length);

/* The names of the workbook's sheets, in order. */
GStrv         bl_xlsx_list_sheets       (const char    *name,
                                         GBytes        *bytes,
                                         GError       **error);

/* The first sheet named in @sheet_names (NULL-terminated, may be NULL), else
 * the workbook's first sheet, as a table: shared and inline strings as
 * they are, numbers in their shortest exact form ("13800000001", "2.5"),
 * TRUE/FALSE, errors as shown ("#N/A"), and numbers in a date or time
 * format as "YYYY-MM-DD", "HH:MM" or "YYYY-MM-DD HH:MM" (1900 and 1904
 * date systems). The value of a merged range is repeated down the rows of
 * its first column (a party group merged over its members' rows gives each
 * row its group), not across. Blank rows are left out; rows keep their
 * number in the sheet. Errors (BL_TABLE_ERROR) begin with @name. */
BlTable      *bl_xlsx_read              (const char          *name,
                                         GBytes              *bytes,
                                         const char * const  *sheet_names,
                                         GError             **error);

/* What kind of value number format @id (or custom format @code) shows:
 * built-in 14–22 and the East Asian date and time formats (27–36, 50–58),
 * or a code with y, m, d (dates) or h, s (times) outside quotes; [h], [mm]
 * or [ss] make it a duration. */
BlXlsxFormat  bl_xlsx_classify_format   (guint          id,
                                         const char    *code);
/* An Excel serial number as a date or time; NULL when it is none (negative,
 * past 9999). In the 1900 system serial 60 is Excel's own 1900-02-29. */
char         *bl_xlsx_format_serial     (double         serial,
                                         BlXlsxFormat   format,
                                         gboolean       date1904);

G_END_DECLS
