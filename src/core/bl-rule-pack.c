/* bl-rule-pack.c: reading a rule pack file (GKeyFile text; see data/rules/):
 * the format, its checks, every problem as "FILE:LINE: …", and the packs
 * that ship in the program's resources */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-core-resources.h"
#include "bl-kind.h"
#include "bl-rules.h"
#include "bl-text-file.h"

#define BUILTIN_PACK_PATH RESOURCE_PREFIX "/rules/"
#define PACK_GROUP "Pack"
#define RULE_GROUP_PREFIX "Rule "
/* Guards against a typo turning a quota into a number nobody could reach. */
#define MAX_MINIMUM 1000
#define MAX_LEAD_DAYS 366
/* The years a pack may name. */
#define MIN_YEAR 1900
#define MAX_YEAR 9999

static const char * const builtin_packs[] = {
  "standard",
  "park-2025-ideology",
  NULL
};

/* Where each group and key sits in the file, for "FILE:LINE: …" messages.
 * GKeyFile reports no line numbers, so the text is scanned once here with
 * the same syntax (comments, [groups], key=value, key[locale]=value). */
typedef struct {
  GHashTable *group_lines;  /* group name → line */
  GHashTable *key_lines;    /* "group\x1fkey" (key with its [locale]) → line */
  GPtrArray  *keys;         /* "group\x1fkey", in file order */
  GPtrArray  *groups;       /* group names, in file order */
} PackLines;

/* Problems found, each "FILE:LINE: what is wrong"; reported in line order. */
typedef struct {
  guint  line;
  guint  seq;
  char  *message;
} Problem;

typedef struct {
  const char *file;
  GArray     *list;   /* Problem */
  guint       count;
} Problems;

G_DEFINE_QUARK (bl-rules-error-quark, bl_rules_error)

static void
pack_lines_clear (PackLines *lines)
{
  g_clear_pointer (&lines->group_lines, g_hash_table_unref);
  g_clear_pointer (&lines->key_lines, g_hash_table_unref);
  g_clear_pointer (&lines->keys, g_ptr_array_unref);
  g_clear_pointer (&lines->groups, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PackLines, pack_lines_clear)

static void problem (Problems *problems, guint line, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
problem (Problems   *problems,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* What the file holds is quoted escaped and shortened: one line each,
   * nothing a terminal would act on. */
  va_start (args, format);
  message = bl_text_format_message (format, args);
  va_end (args);

  g_array_append_val (problems->list, ((Problem) { line, problems->count, g_steal_pointer (&message) }));
  problems->count++;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static char *
problems_to_text (Problems *problems)
{
  GString *text = g_string_new (NULL);

  g_array_sort (problems->list, compare_problems);
  for (guint i = 0; i < problems->list->len; i++)
    {
      Problem *p = &g_array_index (problems->list, Problem, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s:%u: %s", problems->file, p->line, p->message);
    }
  return g_string_free (text, FALSE);
}

void
bl_rule_free (BlRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->id);
  g_free (rule->name);
  g_free (rule->kind);
  g_free (rule->tag);
  g_free (rule->lecturer);
  g_free (rule->pack_id);
  g_free (rule);
}

void
bl_rule_pack_free (BlRulePack *pack)
{
  if (pack == NULL)
    return;
  g_free (pack->id);
  g_free (pack->name);
  g_clear_pointer (&pack->rules, g_ptr_array_unref);
  g_strfreev (pack->kind_ids);
  g_strfreev (pack->kind_names);
  g_free (pack);
}

/* Ids of packs, rules and kinds: lower-case ASCII letters, digits and dashes,
 * as in the domain glossary, so they are safe in CSV, JSON and file names. */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '-' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

/* g_str_equal() that takes the arrays' NULL terminators. */
static gboolean
str_equal0 (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

static char *
line_key (const char *group,
          const char *key)
{
  return g_strconcat (group, "\x1f", key, NULL);
}

static guint
key_line (PackLines  *lines,
          const char *group,
          const char *key)
{
  g_autofree char *k = line_key (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (lines->key_lines, k));
}

static guint
group_line (PackLines  *lines,
            const char *group)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (lines->group_lines, group));
}

/* The line syntax check. Returns FALSE (with problems recorded) when the
 * text is not a key file at all; GKeyFile then never sees it. */
static gboolean
scan_lines (const char *data,
            gsize       length,
            PackLines  *lines,
            Problems   *problems)
{
  g_autofree char *current = NULL;
  const char *p = data;
  const char *end = data + length;
  guint line_no = 0;
  guint before = problems->count;

  lines->group_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines->key_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines->keys = g_ptr_array_new_with_free_func (g_free);
  lines->groups = g_ptr_array_new_with_free_func (g_free);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      g_autofree char *line = NULL;
      const char *line_start = p;
      char *eq;

      line_no++;
      line = g_strndup (p, (gsize) (line_end - p));
      p = nl != NULL ? nl + 1 : end;

      if (strlen (line) != (gsize) (line_end - line_start))
        {
          problem (problems, line_no, _("the line contains a NUL byte"));
          continue;
        }
      if (!g_utf8_validate (line, -1, NULL))
        {
          problem (problems, line_no, _("the text is not valid UTF-8"));
          continue;
        }

      g_strstrip (line);
      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (line[0] == '[')
        {
          gsize len = strlen (line);
          g_autofree char *name = NULL;

          if (len < 3 || line[len - 1] != ']')
            {
              problem (problems, line_no, _("a group header must look like [Name]"));
              continue;
            }
          name = g_strndup (line + 1, len - 2);
          if (strpbrk (name, "[]") != NULL)
            {
              problem (problems, line_no, _("a group header must look like [Name]"));
              continue;
            }
          if (g_hash_table_contains (lines->group_lines, name))
            {
              problem (problems, line_no, _("the group [%s] appears twice (first on line %u)"),
                       name, group_line (lines, name));
              continue;
            }
          g_hash_table_insert (lines->group_lines, g_strdup (name), GUINT_TO_POINTER (line_no));
          g_ptr_array_add (lines->groups, g_strdup (name));
          g_free (current);
          current = g_steal_pointer (&name);
          continue;
        }

      eq = strchr (line, '=');
      if (eq == NULL)
        {
          problem (problems, line_no, _("expected a [Group] header, a key=value line or a # comment"));
          continue;
        }
      *eq = '\0';
      g_strchomp (line);
      if (line[0] == '\0')
        {
          problem (problems, line_no, _("a key is missing before “=”"));
          continue;
        }
      if (current == NULL)
        {
          problem (problems, line_no, _("the key “%s” comes before any [Group] header"), line);
          continue;
        }
      {
        char *open = strchr (line, '[');
        g_autofree char *k = NULL;

        if (open != NULL && (line[strlen (line) - 1] != ']' || strchr (open + 1, '[') != NULL ||
                             open + 1 == line + strlen (line) - 1))
          {
            problem (problems, line_no, _("the key “%s” is not a key or key[locale]"), line);
            continue;
          }
        if (open == NULL && strchr (line, ']') != NULL)
          {
            problem (problems, line_no, _("the key “%s” is not a key or key[locale]"), line);
            continue;
          }
        k = line_key (current, line);
        if (g_hash_table_contains (lines->key_lines, k))
          {
            problem (problems, line_no, _("the key “%s” appears twice in [%s] (first on line %u)"),
                     line, current, key_line (lines, current, line));
            continue;
          }
        g_ptr_array_add (lines->keys, g_strdup (k));
        g_hash_table_insert (lines->key_lines, g_steal_pointer (&k), GUINT_TO_POINTER (line_no));
      }
    }

  return problems->count == before;
}

/* A stripped string value, or NULL when the key is absent. Escape errors are
 * reported at the key's line. */
static char *
get_value (GKeyFile   *keyfile,
           PackLines  *lines,
           Problems   *problems,
           const char *group,
           const char *key)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  if (!g_key_file_has_key (keyfile, group, key, NULL))
    return NULL;
  value = g_key_file_get_string (keyfile, group, key, &local_error);
  if (value == NULL)
    {
      problem (problems, key_line (lines, group, key), _("the value of “%s” cannot be read: %s"),
               key, local_error->message);
      return NULL;
    }
  return g_strstrip (value);
}

/* A display name in the user's language (key[zh_CN] etc.), falling back to key=. */
static char *
get_display (GKeyFile   *keyfile,
             const char *group,
             const char *key)
{
  char *value = g_key_file_get_locale_string (keyfile, group, key, NULL, NULL);

  return value != NULL ? g_strstrip (value) : NULL;
}

/* Whether @key (maybe with a [locale] suffix) is one of @allowed; translatable
 * keys may carry a locale. */
static gboolean
key_allowed (const char         *key,
             const char * const *allowed,
             const char * const *translatable,
             const char * const *dynamic,
             gboolean           *bad_locale)
{
  g_autofree char *base = g_strdup (key);
  char *open = strchr (base, '[');
  gboolean known = FALSE;

  *bad_locale = FALSE;
  if (open != NULL)
    *open = '\0';
  known = g_strv_contains (allowed, base) || (dynamic != NULL && g_strv_contains (dynamic, base));
  if (known && open != NULL &&
      !(g_strv_contains (translatable, base) || (dynamic != NULL && g_strv_contains (dynamic, base))))
    {
      *bad_locale = TRUE;
      return FALSE;
    }
  return known;
}

static gboolean
parse_unsigned (const char *text,
                guint       max,
                guint      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* "2025" or "2025-2027" (blanks allowed around the dash). */
static gboolean
parse_years (const char *text,
             guint      *first,
             guint      *last)
{
  g_auto(GStrv) parts = NULL;
  guint from, to;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "-", 3);
  if (parts[0] == NULL || g_strv_length (parts) > 2 ||
      !parse_unsigned (g_strstrip (parts[0]), MAX_YEAR, &from) || from < MIN_YEAR)
    return FALSE;
  to = from;
  if (parts[1] != NULL && (!parse_unsigned (g_strstrip (parts[1]), MAX_YEAR, &to) || to < from))
    return FALSE;
  *first = from;
  *last = to;
  return TRUE;
}

gboolean
bl_rule_applies_in_year (const BlRule *rule,
                         guint         year)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return (rule->first_year == 0 || year >= rule->first_year) &&
         (rule->last_year == 0 || year <= rule->last_year);
}

char *
bl_rule_pack_years_display (guint first_year,
                            guint last_year)
{
  if (first_year == 0 && last_year == 0)
    return NULL;
  if (first_year == last_year)
    /* TRANSLATORS: the years a rule pack applies to, e.g. "适用于 2025 年" */
    return g_strdup_printf (_("Applies in %u"), first_year);
  /* TRANSLATORS: the years a rule pack applies to, e.g. "适用于 2025–2027 年" */
  return g_strdup_printf (_("Applies from %u to %u"), first_year, last_year);
}

/* The lead time people expect when a pack says nothing (domain.md, "Reminders"). */
static guint
default_lead_days (BlPeriod period)
{
  switch (period)
    {
    case BL_PERIOD_MONTH: return 7;
    case BL_PERIOD_QUARTER: return 15;
    case BL_PERIOD_HALF_YEAR:
    case BL_PERIOD_YEAR:
    default:
      return 30;
    }
}

BlRulePack *
bl_rule_pack_read (const char  *file,
                   const char  *data,
                   gsize        length,
                   BlStore     *store,
                   gboolean     strict,
                   GError     **error)
{
  static const char * const pack_keys[] = { "id", "name", "description", "kinds", "years", NULL };
  static const char * const pack_translatable[] = { "name", "description", NULL };
  static const char * const rule_keys[] = { "name", "kind", "period", "minimum", "lead-days",
                                            "per-group", "tag", "lecturer", NULL };
  static const char * const rule_translatable[] = { "name", NULL };
  g_auto(PackLines) lines = { 0 };
  g_autoptr(GArray) problem_list = g_array_new (FALSE, FALSE, sizeof (Problem));
  Problems problems = { file, problem_list, 0 };
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BlRulePack) pack = g_new0 (BlRulePack, 1);
  g_autoptr(GHashTable) seen_rules = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) others = NULL;
  g_autoptr(GPtrArray) kind_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kind_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kind_keys = g_ptr_array_new_with_free_func (g_free);
  guint pack_line;

  pack->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_rule_free);
  g_array_set_clear_func (problem_list, problem_clear);

  /* Notepad saves UTF-8 with a byte-order mark; neither GKeyFile nor people
   * care for it. (Windows line ends are fine: lines are stripped.) */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!scan_lines (data, length, &lines, &problems))
    goto out;

  /* The scan accepted the syntax, so a failure here is GKeyFile's own rule
   * (an odd key name); it gives no line, so point at the start. */
  if (!g_key_file_load_from_data (keyfile, data, length, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      problem (&problems, 1, "%s", local_error->message);
      goto out;
    }

  /* [Pack] */
  pack_line = group_line (&lines, PACK_GROUP);
  if (pack_line == 0)
    {
      problem (&problems, 1, _("the [Pack] group is missing"));
    }
  else
    {
      g_auto(GStrv) kinds = NULL;

      pack->id = get_value (keyfile, &lines, &problems, PACK_GROUP, "id");
      if (pack->id == NULL)
        problem (&problems, pack_line, _("[Pack] has no “id”"));
      else if (!is_valid_id (pack->id))
        {
          problem (&problems, key_line (&lines, PACK_GROUP, "id"),
                   _("the pack id “%s” must be lower-case letters, digits and “-”"), pack->id);
          g_clear_pointer (&pack->id, g_free);
        }
      else if (strict && store != NULL && g_strv_contains (builtin_packs, pack->id))
        problem (&problems, key_line (&lines, PACK_GROUP, "id"),
                 _("the pack id “%s” is a built-in pack’s; choose another id"), pack->id);

      if (!g_key_file_has_key (keyfile, PACK_GROUP, "name", NULL))
        problem (&problems, pack_line, _("[Pack] has no “name”"));
      else if ((pack->name = get_display (keyfile, PACK_GROUP, "name")) == NULL || pack->name[0] == '\0')
        problem (&problems, key_line (&lines, PACK_GROUP, "name"), _("the pack’s name is empty"));

      if (g_key_file_has_key (keyfile, PACK_GROUP, "years", NULL))
        {
          g_autofree char *years = get_value (keyfile, &lines, &problems, PACK_GROUP, "years");

          if (!parse_years (years, &pack->first_year, &pack->last_year))
            problem (&problems, key_line (&lines, PACK_GROUP, "years"),
                     _("“years” must be a year such as 2025 or a range of years such as 2025-2027, not “%s”"),
                     years != NULL ? years : "");
        }

      if (g_key_file_has_key (keyfile, PACK_GROUP, "kinds", NULL))
        {
          kinds = g_key_file_get_string_list (keyfile, PACK_GROUP, "kinds", NULL, NULL);
          for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
            {
              const char *kind = g_strstrip (kinds[i]);
              g_autofree char *key = NULL;
              g_autofree char *name = NULL;

              if (*kind == '\0')
                continue;
              if (!is_valid_id (kind))
                {
                  problem (&problems, key_line (&lines, PACK_GROUP, "kinds"),
                           _("the kind id “%s” must be lower-case letters, digits and “-”"), kind);
                  continue;
                }
              if (bl_kind_is_builtin_id (kind))
                {
                  problem (&problems, key_line (&lines, PACK_GROUP, "kinds"),
                           _("“%s” is a built-in kind; list only new kinds here"), kind);
                  continue;
                }
              if (g_ptr_array_find_with_equal_func (kind_ids, kind, str_equal0, NULL))
                {
                  problem (&problems, key_line (&lines, PACK_GROUP, "kinds"),
                           _("the kind “%s” is listed twice"), kind);
                  continue;
                }
              key = g_strconcat ("kind-", kind, NULL);
              /* The ledger keeps a kind's Chinese name whatever the locale of
               * the session that enabled the pack: CSV files name kinds by it,
               * and an export must read the same in every language. */
              name = g_key_file_get_locale_string (keyfile, PACK_GROUP, key, "zh_CN", NULL);
              if (name != NULL)
                g_strstrip (name);
              if (name == NULL || *name == '\0')
                {
                  problem (&problems, key_line (&lines, PACK_GROUP, "kinds"),
                           _("the kind “%s” needs a display name: %s=…"), kind, key);
                  continue;
                }
              g_ptr_array_add (kind_keys, g_steal_pointer (&key));
              g_ptr_array_add (kind_ids, g_strdup (kind));
              g_ptr_array_add (kind_names, g_steal_pointer (&name));
            }
        }
      g_ptr_array_add (kind_keys, NULL);
      g_ptr_array_add (kind_ids, NULL);
      g_ptr_array_add (kind_names, NULL);
    }

  if (strict && store != NULL)
    others = bl_rules_rule_ids_except (store, pack->id);

  /* Every key of every group, in file order: unknown keys are typos. */
  for (guint i = 0; i < lines.keys->len; i++)
    {
      const char *entry = g_ptr_array_index (lines.keys, i);
      const char *sep = strchr (entry, '\x1f');
      g_autofree char *group = g_strndup (entry, (gsize) (sep - entry));
      const char *key = sep + 1;
      gboolean bad_locale = FALSE;
      gboolean ok;

      if (g_strcmp0 (group, PACK_GROUP) == 0)
        ok = key_allowed (key, pack_keys, pack_translatable,
                          kind_keys->len > 0 ? (const char * const *) kind_keys->pdata : NULL,
                          &bad_locale);
      else if (g_str_has_prefix (group, RULE_GROUP_PREFIX))
        ok = key_allowed (key, rule_keys, rule_translatable, NULL, &bad_locale);
      else
        continue;  /* reported with the group below */

      if (bad_locale)
        problem (&problems, key_line (&lines, group, key), _("“%s” cannot be translated"), key);
      else if (!ok && g_str_has_prefix (key, "kind-") && g_strcmp0 (group, PACK_GROUP) == 0)
        problem (&problems, key_line (&lines, group, key),
                 _("“%s” names a kind that is not listed in “kinds”"), key);
      else if (!ok)
        problem (&problems, key_line (&lines, group, key), _("unknown key “%s” in [%s]"), key, group);
    }

  /* [Rule <id>] groups */
  for (guint i = 0; i < lines.groups->len; i++)
    {
      const char *group = g_ptr_array_index (lines.groups, i);
      guint line = group_line (&lines, group);
      g_autoptr(BlRule) rule = NULL;
      g_autofree char *period = NULL;
      g_autofree char *minimum = NULL;
      g_autofree char *lead = NULL;
      const char *id;
      guint before = problems.count;

      if (g_strcmp0 (group, PACK_GROUP) == 0)
        continue;
      if (!g_str_has_prefix (group, RULE_GROUP_PREFIX))
        {
          problem (&problems, line, _("unknown group [%s]: expected [Pack] or [Rule ID]"), group);
          continue;
        }
      id = group + strlen (RULE_GROUP_PREFIX);
      if (!is_valid_id (id))
        {
          problem (&problems, line, _("the rule id “%s” must be lower-case letters, digits and “-”"), id);
          continue;
        }

      rule = g_new0 (BlRule, 1);
      rule->id = g_strdup (id);
      rule->pack_id = g_strdup (pack->id);

      if (others != NULL && g_hash_table_contains (others, id))
        problem (&problems, line, _("the rule id “%s” is already used by the pack “%s”"),
                 id, (const char *) g_hash_table_lookup (others, id));
      g_hash_table_add (seen_rules, (gpointer) id);

      if (!g_key_file_has_key (keyfile, group, "name", NULL))
        problem (&problems, line, _("[%s] has no “name”"), group);
      else if ((rule->name = get_display (keyfile, group, "name")) == NULL || rule->name[0] == '\0')
        problem (&problems, key_line (&lines, group, "name"), _("the rule’s name is empty"));

      rule->kind = get_value (keyfile, &lines, &problems, group, "kind");
      if (rule->kind == NULL)
        problem (&problems, line, _("[%s] has no “kind”"), group);
      else if (!is_valid_id (rule->kind))
        problem (&problems, key_line (&lines, group, "kind"),
                 _("the kind id “%s” must be lower-case letters, digits and “-”"), rule->kind);
      else if (strict && !bl_kind_is_builtin_id (rule->kind) &&
               !g_ptr_array_find_with_equal_func (kind_ids, rule->kind, str_equal0, NULL) &&
               !(store != NULL && bl_store_has_kind (store, rule->kind)))
        problem (&problems, key_line (&lines, group, "kind"),
                 _("unknown kind “%s”: use a built-in kind or list it in [Pack] “kinds”"), rule->kind);

      period = get_value (keyfile, &lines, &problems, group, "period");
      if (period == NULL)
        problem (&problems, line, _("[%s] has no “period”"), group);
      else if (!bl_period_parse (period, &rule->period))
        problem (&problems, key_line (&lines, group, "period"),
                 _("unknown period “%s”: use month, quarter, half-year or year"), period);

      minimum = get_value (keyfile, &lines, &problems, group, "minimum");
      if (minimum == NULL)
        problem (&problems, line, _("[%s] has no “minimum”"), group);
      else if (!parse_unsigned (minimum, MAX_MINIMUM, &rule->minimum) || rule->minimum == 0)
        problem (&problems, key_line (&lines, group, "minimum"),
                 _("“minimum” must be a whole number from 1 to %d, not “%s”"), MAX_MINIMUM, minimum);

      lead = get_value (keyfile, &lines, &problems, group, "lead-days");
      if (lead == NULL)
        rule->lead_days = default_lead_days (rule->period);
      else if (!parse_unsigned (lead, MAX_LEAD_DAYS, &rule->lead_days))
        problem (&problems, key_line (&lines, group, "lead-days"),
                 _("“lead-days” must be a whole number from 0 to %d, not “%s”"), MAX_LEAD_DAYS, lead);

      if (g_key_file_has_key (keyfile, group, "per-group", NULL))
        {
          g_autofree char *flag = get_value (keyfile, &lines, &problems, group, "per-group");

          if (g_strcmp0 (flag, "true") == 0)
            rule->per_group = TRUE;
          else if (g_strcmp0 (flag, "false") != 0)
            problem (&problems, key_line (&lines, group, "per-group"),
                     _("“per-group” must be true or false, not “%s”"), flag != NULL ? flag : "");
        }

      rule->tag = get_value (keyfile, &lines, &problems, group, "tag");
      if (rule->tag != NULL && rule->tag[0] == '\0')
        problem (&problems, key_line (&lines, group, "tag"), _("“tag” is empty"));

      rule->lecturer = get_value (keyfile, &lines, &problems, group, "lecturer");
      if (rule->lecturer != NULL && g_strcmp0 (rule->lecturer, "secretary") != 0)
        problem (&problems, key_line (&lines, group, "lecturer"),
                 _("unknown lecturer condition “%s”: the only one is “secretary”"), rule->lecturer);

      if (problems.count == before)
        g_ptr_array_add (pack->rules, g_steal_pointer (&rule));
    }

  if (problems.count == 0 && pack->rules->len == 0)
    problem (&problems, pack_line > 0 ? pack_line : 1, _("the pack has no [Rule ID] groups"));

  /* A rule applies in the years its pack does. */
  for (guint i = 0; i < pack->rules->len; i++)
    {
      BlRule *rule = g_ptr_array_index (pack->rules, i);

      rule->first_year = pack->first_year;
      rule->last_year = pack->last_year;
    }

out:
  if (problems.count > 0)
    {
      g_autofree char *text = problems_to_text (&problems);

      g_set_error_literal (error, BL_RULES_ERROR, BL_RULES_ERROR_MALFORMED, text);
      return NULL;
    }

  /* The NULL terminators were added above; hand the arrays over as GStrv. */
  pack->kind_ids = (GStrv) g_ptr_array_free (g_steal_pointer (&kind_ids), FALSE);
  pack->kind_names = (GStrv) g_ptr_array_free (g_steal_pointer (&kind_names), FALSE);
  return g_steal_pointer (&pack);
}

BlRulePack *
bl_rule_pack_parse (const char  *file,
                    const char  *data,
                    gsize        length,
                    BlStore     *store,
                    GError     **error)
{
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (store == NULL || BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return bl_rule_pack_read (file, data != NULL ? data : "", length, store, TRUE, error);
}

const char * const *
bl_rules_builtin_pack_ids (void)
{
  return builtin_packs;
}

static GBytes *
builtin_pack_bytes (const char *pack_id)
{
  g_autofree char *path = NULL;

  if (pack_id == NULL || !g_strv_contains (builtin_packs, pack_id))
    return NULL;
  path = g_strconcat (BUILTIN_PACK_PATH, pack_id, ".ini", NULL);
  /* Looked up in this library's own resource (not the global table), which
   * also keeps the resource's object file linked into every program. */
  return g_resource_lookup_data (bl_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

BlRulePack *
bl_rules_load_builtin_pack (const char  *pack_id,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (pack_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = builtin_pack_bytes (pack_id);
  if (bytes == NULL)
    {
      g_set_error (error, BL_RULES_ERROR, BL_RULES_ERROR_UNKNOWN,
                   _("There is no built-in rule pack called “%s”."), pack_id);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  file = g_strconcat (pack_id, ".ini", NULL);
  return bl_rule_pack_read (file, data, length, NULL, TRUE, error);
}

