/* bl-date.c: calendar dates as the ledger stores them ("YYYY-MM-DD", local time) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-clock.h"
#include "bl-date.h"

static gboolean
parse_digits (const char *text,
              guint       count,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Strict "YYYY-MM-DD": what CSV, the command line and the ledger use. */
gboolean
bl_date_parse (const char *text,
               GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;
  if (year < 1900 || year > 9999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* "HH:MM", 00:00 to 23:59, into minutes since midnight. */
gboolean
bl_time_parse (const char *text,
               int        *minutes)
{
  guint hours, mins;
  const char *colon;

  if (text == NULL || (colon = strchr (text, ':')) == NULL)
    return FALSE;
  if (colon - text < 1 || colon - text > 2 || strlen (colon + 1) != 2)
    return FALSE;
  if (!parse_digits (text, (guint) (colon - text), &hours) || !parse_digits (colon + 1, 2, &mins))
    return FALSE;
  if (hours > 23 || mins > 59)
    return FALSE;
  if (minutes != NULL)
    *minutes = (int) (hours * 60 + mins);
  return TRUE;
}

char *
bl_time_normalize (const char *text)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  int minutes;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c >= 0xff10 && c <= 0xff19)  /* full-width digits */
        g_string_append_c (ascii, (char) ('0' + (c - 0xff10)));
      else if (c == 0xff1a)            /* full-width colon */
        g_string_append_c (ascii, ':');
      else
        g_string_append_unichar (ascii, c);
    }
  if (!bl_time_parse (ascii->str, &minutes))
    return NULL;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
bl_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* The date as the user's locale writes it: 2025年11月27日 in zh_CN. */
char *
bl_date_format_locale (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* A day has no time zone: UTC spares looking up the local one for each
   * date a list shows. */
  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 12, 0, 0);
  /* TRANSLATORS: a full date as shown in lists and on printed pages, in
   * g_date_time_format() syntax (%-d: no padding); zh_CN: "%Y年%-m月%-d日" */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
bl_date_iso_format_locale (const char *iso)
{
  GDate date;

  if (!bl_date_parse (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return bl_date_format_locale (&date);
}

void
bl_date_set_today (GDate *out)
{
  g_return_if_fail (out != NULL);

  bl_clock_get_date (bl_clock_get_default (), out);
}

int
bl_date_days_between (const GDate *from,
                      const GDate *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  return g_date_days_between (from, to);
}
