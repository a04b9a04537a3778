/* bl-text.h: text as the ledger keeps it: without the spaces around it, and
 * tags split and joined one way everywhere */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text without the white space around it: any Unicode space (the
 * full-width U+3000 that Chinese input methods type, no-break spaces…),
 * zero-width spaces and byte-order marks too. A new string; "" for NULL. */
char  *bl_text_strip   (const char          *text);
/* Whether @text has no white space around it (as bl_text_strip() would
 * leave it); NULL has none. */
gboolean bl_text_is_stripped (const char    *text);
/* Whether @text is empty once stripped. */
gboolean bl_text_is_blank (const char       *text);

/* Tags as typed or imported: separated by 、 , ， ; ； or spaces (full-width
 * too); each stripped, empty ones and repeats dropped, in the order given. */
GStrv  bl_tags_split   (const char          *text);
/* The tags as the exports write them, separated by 、 (which
 * bl_tags_split() reads back). */
char  *bl_tags_join    (const char * const  *tags);

G_END_DECLS
