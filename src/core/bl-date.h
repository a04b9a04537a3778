/* bl-date.h: calendar dates as the ledger stores them ("YYYY-MM-DD", local time) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  bl_date_parse          (const char  *text,
                                  GDate       *out);
gboolean  bl_time_parse          (const char  *text,
                                  int         *minutes);
/* A time as the ledger keeps it, "HH:MM": "9:05", " 09:05 " and the
 * full-width "９：０５" of Chinese input are all "09:05". NULL when @text is
 * not a time (bl_time_parse() then refuses it too). */
char     *bl_time_normalize      (const char  *text);
char     *bl_date_to_iso         (const GDate *date);
char     *bl_date_format_locale  (const GDate *date);
char     *bl_date_iso_format_locale (const char *iso);
/* Today on the program's clock (bl_clock_get_default()); code that holds a
 * BlClock (the store's, a page's) asks that one instead. */
void      bl_date_set_today      (GDate       *out);
int       bl_date_days_between   (const GDate *from,
                                  const GDate *to);

G_END_DECLS
