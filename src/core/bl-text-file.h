/* bl-text-file.h: files as text: reading them safely, finding their encoding and
 * delimiter, and quoting what they contain in one-line messages */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused before anything is read (decimal
 * megabytes: a "100 MB" file of either kind is over it). */
#define BL_TEXT_MAX_FILE_SIZE ((gsize) 100 * 1000 * 1000)

/* How many characters of a value an error message quotes. */
#define BL_TEXT_QUOTE_CHARS 40

typedef enum {
  BL_TEXT_UTF8,
  BL_TEXT_UTF8_BOM,
  BL_TEXT_UTF16LE,      /* with its byte-order mark: Excel's "Unicode text" */
  BL_TEXT_UTF16BE,
  BL_TEXT_GB18030,      /* GBK files, as Excel on Chinese Windows saves CSV */
} BlTextEncoding;

/* The whole of a regular file of at most @max_size bytes. A FIFO, a device
 * or a folder is refused at once (nothing waits for a writer), and a larger
 * file before it is read. Errors are BL_TABLE_ERROR with "PATH: …". */
GBytes      *bl_text_read_file        (const char      *path,
                                       gsize            max_size,
                                       GError         **error);

/* UTF-8 text from the bytes of a text file: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, else GB18030 (a superset of GBK) when the bytes are
 * valid GB18030 but not UTF-8. The BOM is dropped. Text with NUL characters
 * is refused. Errors (BL_TABLE_ERROR_NOT_TEXT) read "NAME:LINE: …". */
char        *bl_text_decode           (const char      *name,
                                       const char      *data,
                                       gsize            length,
                                       BlTextEncoding  *encoding,
                                       gsize           *out_length,
                                       GError         **error);

/* "UTF-8", "UTF-16" or "GBK": what people call the encoding. */
const char  *bl_text_encoding_name    (BlTextEncoding   encoding);
/* What an import summary says about the encoding: NULL for UTF-8, else
 * "read as GBK" in the user's language. */
char        *bl_text_encoding_note    (BlTextEncoding   encoding);

/* The delimiter of a CSV file from its first line, outside quotes: the most
 * frequent of comma, tab and semicolon; a comma when there is none. */
char         bl_text_detect_delimiter (const char      *text,
                                       gsize            length);

/* @value as an error message may quote it: control characters, line breaks,
 * escape sequences and bidirectional controls written as \n, \t, \x1B,
 * \u202E…, and at most @max_chars characters of it followed by "…". */
char        *bl_text_quote            (const char      *value,
                                       guint            max_chars);

/* printf for one-line messages that quote what files contain: every %s is
 * escaped as bl_text_quote() does, and shortened to BL_TEXT_QUOTE_CHARS
 * when the format puts it between “ and ”. Knows %s, %u, %d, %i and %%, with
 * or without a position ("%2$s"), as translations may reorder them. */
char        *bl_text_format_message   (const char      *format,
                                       va_list          args) G_GNUC_PRINTF (1, 0);

G_END_DECLS
