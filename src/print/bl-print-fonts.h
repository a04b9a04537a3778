/* bl-print-fonts.h: the language printouts are set for and the font family
 * that writes it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of the messages as a lower-case tag ("zh-cn"; "en" for C). */
char *bl_print_fonts_default_language (void);
/* The installed family to set @language's pages in (a CJK family for
 * Chinese names and topics whatever @language is), else "Sans". */
char *bl_print_fonts_choose_family    (const char *language);

G_END_DECLS
