/* bl-print-fonts.c: which installed font family prints Chinese records */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "bl-print-fonts.h"

static gboolean
family_installed (PangoFontFamily **families,
                  int               n_families,
                  const char       *name)
{
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0)
      return TRUE;
  return FALSE;
}

/* Chinese records need a CJK face for the language: Noto Sans CJK (or Source
 * Han Sans, its twin) in the right regional variant, then the fonts Chinese
 * distributions ship, then whatever "Sans" resolves to. */
char *
bl_print_fonts_choose_family (const char *language)
{
  static const char * const simplified[] = {
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", NULL };
  static const char * const traditional[] = {
    "Noto Sans CJK TC", "Source Han Sans TC", "Noto Sans CJK HK", "Noto Sans TC", NULL };
  static const char * const japanese[] = { "Noto Sans CJK JP", "Source Han Sans JP", NULL };
  static const char * const korean[] = { "Noto Sans CJK KR", "Source Han Sans KR", NULL };
  const char * const *preferred = NULL;
  PangoFontFamily **families = NULL;
  int n_families = 0;
  char *chosen = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_has_prefix (language, "zh-tw") || g_str_has_prefix (language, "zh-hk") ||
      g_str_has_prefix (language, "zh-mo") || g_str_has_prefix (language, "zh-hant"))
    preferred = traditional;
  else if (g_str_has_prefix (language, "ja"))
    preferred = japanese;
  else if (g_str_has_prefix (language, "ko"))
    preferred = korean;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n_families);
  for (guint i = 0; chosen == NULL && preferred != NULL && preferred[i] != NULL; i++)
    if (family_installed (families, n_families, preferred[i]))
      chosen = g_strdup (preferred[i]);
  /* Whatever the interface language, names and topics are Chinese. */
  for (guint i = 0; chosen == NULL && simplified[i] != NULL; i++)
    if (family_installed (families, n_families, simplified[i]))
      chosen = g_strdup (simplified[i]);
  g_free (families);

  return chosen != NULL ? chosen : g_strdup ("Sans");
}

char *
bl_print_fonts_default_language (void)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *name = g_strdup (names[0]);
  char *dot;

  if ((dot = strpbrk (name, ".@")) != NULL)
    *dot = '\0';
  if (g_str_equal (name, "C") || g_str_equal (name, "POSIX") || name[0] == '\0')
    return g_strdup ("en");
  g_strdelimit (name, "_", '-');
  return g_ascii_strdown (name, -1);
}
