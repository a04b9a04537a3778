/* bl-group-order.c: the one order of party groups and members */
#include "config.h"

#include <string.h>

#include "bl-group-order.h"

/* Collation keys are dear to make (normalisation, then strxfrm) and the
 * same few hundred names are compared again and again, by every sort and
 * by SQLite's ORDER BY: each is made once. The locale is set before the
 * first comparison and not changed afterwards. */
G_LOCK_DEFINE_STATIC (keys);
static GHashTable *group_keys;  /* group name → its sort key */
static GHashTable *name_keys;   /* a person's name → g_utf8_collate_key() */

static int
chinese_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96f6 /* 零 */, 0x4e00 /* 一 */, 0x4e8c /* 二 */, 0x4e09 /* 三 */,
                                     0x56db /* 四 */, 0x4e94 /* 五 */, 0x516d /* 六 */, 0x4e03 /* 七 */,
                                     0x516b /* 八 */, 0x4e5d /* 九 */ };

  if (c == 0x3007 /* 〇 */)
    return 0;
  if (c == 0x4e24 /* 两 */)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (digits[i] == c)
      return (int) i;
  return -1;
}

static gboolean
is_numeral (gunichar c)
{
  return g_unichar_digit_value (c) >= 0 || chinese_digit (c) >= 0 || c == 0x5341 /* 十 */ || c == 0x767e /* 百 */;
}

/* The value of the run of numerals at @p: 十二 is 12, 二十一 21, 一百零五
 * 105, 12 twelve; digits without 十 or 百 between them read as written
 * (三八 is 38). */
static int
parse_numerals (const char *p)
{
  int value = 0;
  int current = -1;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c) >= 0 ? g_unichar_digit_value (c) : chinese_digit (c);

      if (digit >= 0)
        current = MIN ((current < 0 ? 0 : current), 99999) * 10 + digit;
      else if (c == 0x5341 /* 十 */)
        {
          value += (current < 0 ? 1 : current) * 10;
          current = -1;
        }
      else if (c == 0x767e /* 百 */)
        {
          value += (current < 0 ? 1 : current) * 100;
          current = -1;
        }
      else
        break;
      if (value > 999999)
        break;
    }
  return value + MAX (current, 0);
}

int
bl_group_number (const char *name)
{
  const char *first = NULL;
  const char *after_di = NULL;

  if (name == NULL)
    return -1;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_numeral (c))
        continue;
      if (first == NULL)
        first = p;
      /* 第 marks the ordinal: 一支部第二党小组 is the second group. */
      if (p > name && g_str_has_prefix (g_utf8_prev_char (p), "第"))
        {
          after_di = p;
          break;
        }
    }
  if (after_di != NULL)
    return parse_numerals (after_di);
  return first != NULL ? parse_numerals (first) : -1;
}

/* "0" and the number, zero-padded, for numbered groups; "1" for the others;
 * both followed by the name's collation key. "2" for no group. */
static char *
make_group_key (const char *name)
{
  g_autofree char *collate = NULL;
  int number;

  if (*name == '\0')
    return g_strdup ("2");
  collate = g_utf8_collate_key (name, -1);
  number = bl_group_number (name);
  if (number >= 0)
    return g_strdup_printf ("0%010d%s", number, collate);
  return g_strconcat ("1", collate, NULL);
}

/* The key of @text in @cache (made with @make when new). The caller holds the lock. */
static const char *
cached_key (GHashTable **cache,
            const char  *text,
            char      *(*make) (const char *))
{
  const char *key;

  if (*cache == NULL)
    *cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  key = g_hash_table_lookup (*cache, text);
  if (key == NULL)
    {
      char *made = make (text);

      g_hash_table_insert (*cache, g_strdup (text), made);
      key = made;
    }
  return key;
}

static char *
make_name_key (const char *name)
{
  return g_utf8_collate_key (name, -1);
}

static int
compare_cached (GHashTable **cache,
                const char  *a,
                const char  *b,
                char      *(*make) (const char *))
{
  int cmp;

  if (g_strcmp0 (a, b) == 0)
    return 0;
  a = a != NULL ? a : "";
  b = b != NULL ? b : "";
  G_LOCK (keys);
  cmp = strcmp (cached_key (cache, a, make), cached_key (cache, b, make));
  G_UNLOCK (keys);
  /* Names the collation cannot tell apart still get one order. */
  return cmp != 0 ? cmp : strcmp (a, b);
}

int
bl_group_compare (const char *a,
                  const char *b)
{
  return compare_cached (&group_keys, a, b, make_group_key);
}

int
bl_name_compare (const char *a,
                 const char *b)
{
  return compare_cached (&name_keys, a, b, make_name_key);
}

int
bl_role_compare (BlMemberRole a,
                 BlMemberRole b)
{
  /* The enum lists the roles in rank order; no role comes last. */
  int ra = a == BL_MEMBER_ROLE_NONE ? G_MAXINT : (int) a;
  int rb = b == BL_MEMBER_ROLE_NONE ? G_MAXINT : (int) b;

  return ra < rb ? -1 : ra > rb;
}

int
bl_member_compare (BlMember *a,
                   BlMember *b)
{
  int cmp;

  g_return_val_if_fail (BL_IS_MEMBER (a) && BL_IS_MEMBER (b), 0);

  if ((cmp = bl_group_compare (bl_member_get_group (a), bl_member_get_group (b))) != 0)
    return cmp;
  if ((cmp = bl_role_compare (bl_member_get_role (a), bl_member_get_role (b))) != 0)
    return cmp;
  if ((cmp = bl_name_compare (bl_member_get_name (a), bl_member_get_name (b))) != 0)
    return cmp;
  return bl_member_get_id (a) < bl_member_get_id (b) ? -1 : bl_member_get_id (a) > bl_member_get_id (b);
}
