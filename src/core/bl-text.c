/* bl-text.c: text as the ledger keeps it */
#include "config.h"

#include <string.h>

#include "bl-text.h"

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace() knows U+3000 and the no-break spaces; the
   * zero-width ones and the BOM come with text pasted from the web or
   * from Word. */
  return g_unichar_isspace (c) || c == 0x200b || c == 0x200c || c == 0x200d || c == 0x2060 || c == 0xfeff;
}

char *
bl_text_strip (const char *text)
{
  const char *start, *end;

  if (text == NULL)
    return g_strdup ("");
  start = text;
  while (*start != '\0' && is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, (gsize) (end - start));
}

gboolean
bl_text_is_stripped (const char *text)
{
  const char *last;

  if (text == NULL || *text == '\0')
    return TRUE;
  last = g_utf8_find_prev_char (text, text + strlen (text));
  return !is_space (g_utf8_get_char (text)) && (last == NULL || !is_space (g_utf8_get_char (last)));
}

gboolean
bl_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_tag_separator (gunichar c)
{
  return c == ',' || c == ';' || c == 0x3001 /* 、 */ || c == 0xff0c /* ， */ || c == 0xff1b /* ； */ ||
         is_space (c);
}

GStrv
bl_tags_split (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *start;
      char *tag;

      while (*p != '\0' && is_tag_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !is_tag_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        continue;
      tag = g_strndup (start, (gsize) (p - start));
      if (g_hash_table_add (seen, tag))
        g_strv_builder_add (builder, tag);
    }
  return g_strv_builder_end (builder);
}

char *
bl_tags_join (const char * const *tags)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, "、");
      g_string_append (text, tags[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
