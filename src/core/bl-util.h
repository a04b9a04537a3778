/* bl-util.h: small helpers shared by the record classes */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *dest with a copy of @src (NULL stays NULL); TRUE when it changed.
 * (g_set_str() is GLib 2.76, newer than the baseline.) */
static inline gboolean
bl_set_str (char       **dest,
            const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;
  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

/* "" for NULL: records keep empty text fields as "". */
static inline const char *
bl_str_or_empty (const char *s)
{
  return s != NULL ? s : "";
}

G_END_DECLS
