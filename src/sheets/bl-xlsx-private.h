/* bl-xlsx-private.h: what the workbook reader (bl-xlsx-reader.c) and the
 * sheet reader (bl-xlsx-sheet.c) share */
#pragma once

#include <glib.h>

#include "bl-xlsx-reader.h"

G_BEGIN_DECLS

typedef struct {
  const char    *name;         /* the file, for messages */
  const guint8  *data;
  gsize          length;
  gboolean       date1904;
  GPtrArray     *strings;      /* shared strings (char*) */
  GArray        *xf_formats;   /* BlXlsxFormat of each cell format (s="N") */
} BlXlsxBook;

/* Streams the part at @path through @parser. *found is FALSE (and TRUE
 * returned) when there is no such part. */
gboolean     bl_xlsx_read_part        (BlXlsxBook          *book,
                                       const char          *path,
                                       const GMarkupParser *parser,
                                       gpointer             user_data,
                                       gboolean            *found,
                                       GError             **error);

/* The sheet at @path, named @sheet. */
BlTable     *bl_xlsx_read_sheet       (BlXlsxBook          *book,
                                       const char          *sheet,
                                       const char          *path,
                                       GError             **error);

/* "x:row" → "row": parts may put a prefix on the main namespace. */
const char  *bl_xlsx_local_name       (const char          *element);
/* An attribute by local name ("r", "t", "s", or "id" with a prefix). */
const char  *bl_xlsx_attribute        (const char         **names,
                                       const char         **values,
                                       const char          *local,
                                       gboolean             prefixed);
/* Text with OOXML's _xHHHH_ escapes (_x000D_ for a carriage return) undone. */
char        *bl_xlsx_unescape         (const char          *text,
                                       gsize                length);

/* "FILE: the workbook is damaged …" */
void         bl_xlsx_set_corrupt      (GError             **error,
                                       const char          *name,
                                       const char          *detail);

G_END_DECLS
