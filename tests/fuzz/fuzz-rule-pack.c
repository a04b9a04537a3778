/* fuzz-rule-pack.c: libFuzzer entry point for the rule pack reader: the
 * GKeyFile text, its checks, and the "FILE:LINE: …" lines that quote what a
 * file holds. Seeds: the packs in data/rules/. See README.md, "Fuzzing". */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "bl-rule-pack.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlRulePack) pack = bl_rule_pack_parse ("fuzz.pack", (const char *) data, size, NULL, &error);

  if (pack == NULL)
    {
      g_auto(GStrv) lines = NULL;

      /* Every problem is a line that names the file, without the file's
       * control characters. */
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      lines = g_strsplit (error->message, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_assert (g_str_has_prefix (lines[i], "fuzz.pack:"));
          g_assert (strchr (lines[i], '\x1b') == NULL && strchr (lines[i], '\r') == NULL);
        }
      return 0;
    }
  /* A pack accepted holds names to show and sensible rules. */
  g_assert (pack->id != NULL && *pack->id != '\0' && g_utf8_validate (pack->id, -1, NULL));
  g_assert (pack->name != NULL && g_utf8_validate (pack->name, -1, NULL));
  g_assert (pack->first_year <= pack->last_year || pack->last_year == 0);
  for (guint i = 0; i < pack->rules->len; i++)
    {
      BlRule *rule = g_ptr_array_index (pack->rules, i);

      g_assert (rule->id != NULL && rule->kind != NULL && g_utf8_validate (rule->name, -1, NULL));
      g_assert (rule->minimum > 0);
    }
  return 0;
}
