/* bl-table.h: what a CSV file or a workbook's sheet reads as: rows of text
 * cells, each row knowing where it came from, for "FILE:LINE: …" and
 * "FILE:SHEET!A12: …" messages */
#pragma once

#include <glib-object.h>

#include "bl-text-file.h"

G_BEGIN_DECLS

#define BL_TABLE_ERROR (bl_table_error_quark ())

/* Every message is complete and in the user's language: "FILE: …" or
 * "FILE:LINE: …" (one line each). */
typedef enum {
  BL_TABLE_ERROR_IO,            /* cannot open or read the file */
  BL_TABLE_ERROR_NOT_REGULAR,   /* a FIFO, a device, a folder */
  BL_TABLE_ERROR_TOO_LARGE,     /* over a size, row, column or cell limit */
  BL_TABLE_ERROR_NOT_TEXT,      /* not UTF-8, UTF-16 or GBK text */
  BL_TABLE_ERROR_SYNTAX,        /* a quoted cell never closed */
  BL_TABLE_ERROR_OLD_FORMAT,    /* an Excel 97–2003 .xls workbook */
  BL_TABLE_ERROR_ENCRYPTED,     /* a password-protected workbook */
  BL_TABLE_ERROR_CORRUPT,       /* a damaged or unreadable workbook */
} BlTableError;

/* Limits that keep a hostile or mistaken file from taking the machine's
 * memory: a branch's ledger is far below each. */
#define BL_TABLE_MAX_ROWS     100000
#define BL_TABLE_MAX_COLUMNS  16384      /* Excel's own: column XFD */
#define BL_TABLE_MAX_CELLS    2000000

typedef struct _BlTable BlTable;

#define BL_TYPE_TABLE (bl_table_get_type ())

GType        bl_table_get_type         (void) G_GNUC_CONST;
GQuark       bl_table_error_quark      (void);

/* A table read from a text file @name (the path messages show). */
BlTable     *bl_table_new_text         (const char      *name,
                                        BlTextEncoding   encoding,
                                        char             delimiter);
/* A table read from the sheet @sheet of the workbook @name. */
BlTable     *bl_table_new_sheet        (const char      *name,
                                        const char      *sheet);
BlTable     *bl_table_ref              (BlTable         *table);
void         bl_table_unref            (BlTable         *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlTable, bl_table_unref)

const char  *bl_table_get_name         (BlTable         *table);
/* NULL for a text file. */
const char  *bl_table_get_sheet        (BlTable         *table);
BlTextEncoding bl_table_get_encoding   (BlTable         *table);
/* ',', '\t' or ';' for a text file; 0 for a sheet. */
char         bl_table_get_delimiter    (BlTable         *table);

/* Appends a row (taking @cells, a NULL-terminated array). @position is the
 * line the row starts on in a text file, the row's number in a sheet; the
 * cells of a sheet's row start at column A. */
void         bl_table_append_row       (BlTable         *table,
                                        guint            position,
                                        GStrv            cells);

guint        bl_table_get_n_rows       (BlTable         *table);
guint        bl_table_get_position     (BlTable         *table,
                                        guint            row);
const char * const *bl_table_get_row   (BlTable         *table,
                                        guint            row);
guint        bl_table_get_row_length   (BlTable         *table,
                                        guint            row);
/* The cell's text; "" beyond the end of the row. */
const char  *bl_table_get_cell         (BlTable         *table,
                                        guint            row,
                                        guint            column);
/* Whether a cell is empty or only white space (as g_unichar_isspace()
 * knows it), the readers' test for a row to skip. */
gboolean     bl_table_cell_is_blank    (const char      *text);
/* Whether each of the @n_cells @cells is empty or blank: a row the readers
 * skip. */
gboolean     bl_table_cells_are_blank  (const char * const *cells,
                                        guint            n_cells);
/* Whether every cell of the row is empty or blank. */
gboolean     bl_table_row_is_blank     (BlTable         *table,
                                        guint            row);

/* Where a cell is, for messages: "FILE:12" for a text file (the line its
 * row starts on), "FILE:SHEET!C12" for a sheet (column -1: the row's "A"). */
char        *bl_table_format_location  (BlTable         *table,
                                        guint            row,
                                        int              column);
/* "LOCATION: message", one line; %s values are quoted as
 * bl_text_format_message() does. */
char        *bl_table_format_problem   (BlTable         *table,
                                        guint            row,
                                        int              column,
                                        const char      *format,
                                        ...) G_GNUC_PRINTF (4, 5);
char        *bl_table_format_problem_valist (BlTable    *table,
                                        guint            row,
                                        int              column,
                                        const char      *format,
                                        va_list          args) G_GNUC_PRINTF (4, 0);

typedef gboolean (*BlTableHeaderFunc) (const char *cell,
                                       gpointer    user_data);

/* The header row: the first of the first @max_rows rows that has a cell and
 * whose every non-blank cell @is_header accepts (title rows and merged
 * titles above it are passed over). -1 when there is none. */
int          bl_table_find_header      (BlTable          *table,
                                        guint             max_rows,
                                        BlTableHeaderFunc is_header,
                                        gpointer          user_data);

/* "A", "Z", "AA", … for a 0-based column. */
char        *bl_table_column_name      (guint            column);

G_END_DECLS
