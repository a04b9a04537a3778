/* test-rules.c: rule packs: the shipped ones, the file format and its errors, enabling and importing */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bl-kind.h"
#include "bl-reminders.h"
#include "bl-report.h"
#include "bl-rules.h"
#include "bl-store.h"
#include "bl-test-common.h"

typedef struct {
  char    *dir;
  char    *path;
  BlStore *store;
  guint    changed;
} Fixture;

static void
changed_cb (BlStore  *store,
            BlChange  changes,
            Fixture  *f)
{
  f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Pack names come in the language asked for; the tests pick English
   * unless they say otherwise. */
  g_setenv ("LANGUAGE", "C", TRUE);
  f->dir = g_dir_make_tmp ("test-rules-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->store = bl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  bl_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
write_pack (Fixture    *f,
            const char *name,
            const char *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Everything the rules touch in a ledger, as text, to show "nothing changed". */
static char *
ledger_snapshot (BlStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *kinds = bl_store_get_kinds (store);

  packs = bl_rules_list_packs (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < packs->len; i++)
    {
      BlRulePackInfo *info = g_ptr_array_index (packs, i);

      g_string_append_printf (text, "pack %s %s %d %d\n", info->id, info->name, info->builtin, info->enabled);
    }
  rules = bl_rules_list_enabled (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rules->len; i++)
    g_string_append_printf (text, "rule %s\n", ((BlRule *) g_ptr_array_index (rules, i))->id);
  all = bl_rules_list_all (store, &error);
  g_assert_no_error (error);
  g_string_append_printf (text, "known rules %u\n", all->len);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (kinds, i);

      g_string_append_printf (text, "kind %s %s\n", bl_kind_get_id (kind), bl_kind_get_name (kind));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GStrv
rule_ids (GPtrArray *rules)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < rules->len; i++)
    g_strv_builder_add (builder, ((BlRule *) g_ptr_array_index (rules, i))->id);
  return g_strv_builder_end (builder);
}

static GStrv
enabled_ids (BlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = bl_rules_list_enabled (store, &error);

  g_assert_no_error (error);
  return rule_ids (rules);
}

static const struct {
  const char *pack;
  const char *id;
  const char *kind;
  const char *tag;
  const char *lecturer;
  BlPeriod    period;
  guint       minimum;
  gboolean    per_group;
  guint       lead;
} shipped_rules[] = {
  { "standard", "general-meeting-quarterly", "general-meeting", NULL, NULL, BL_PERIOD_QUARTER, 1, FALSE, 15 },
  { "standard", "committee-meeting-monthly", "committee-meeting", NULL, NULL, BL_PERIOD_MONTH, 1, FALSE, 7 },
  { "standard", "group-meeting-monthly", "group-meeting", NULL, NULL, BL_PERIOD_MONTH, 1, TRUE, 7 },
  { "standard", "theme-day-monthly", "theme-day", NULL, NULL, BL_PERIOD_MONTH, 1, FALSE, 7 },
  { "standard", "party-lecture-quarterly", "party-lecture", NULL, NULL, BL_PERIOD_QUARTER, 1, FALSE, 15 },
  { "standard", "secretary-lecture-yearly", "party-lecture", NULL, "secretary", BL_PERIOD_YEAR, 1, FALSE, 30 },
  { "standard", "life-meeting-yearly", "life-meeting", NULL, NULL, BL_PERIOD_YEAR, 1, FALSE, 30 },
  { "standard", "member-review-yearly", "member-review", NULL, NULL, BL_PERIOD_YEAR, 1, FALSE, 30 },
  { "standard", "heart-talk-yearly", "heart-talk", NULL, NULL, BL_PERIOD_YEAR, 1, FALSE, 30 },
  { "park-2025-ideology", "study-sessions-yearly", "study-session", NULL, NULL, BL_PERIOD_YEAR, 12, FALSE, 30 },
  { "park-2025-ideology", "ideology-study-yearly", "study-session", "意识形态", NULL, BL_PERIOD_YEAR, 2, FALSE, 30 },
  { "park-2025-ideology", "ideology-research-yearly", "ideology-research", NULL, NULL, BL_PERIOD_YEAR, 2, FALSE, 30 },
  { "park-2025-ideology", "risk-assessment-yearly", "risk-assessment", NULL, NULL, BL_PERIOD_YEAR, 2, FALSE, 30 },
  { "park-2025-ideology", "inspection-yearly", "inspection", NULL, NULL, BL_PERIOD_YEAR, 1, FALSE, 30 },
  { "park-2025-ideology", "report-upward-half", "report-upward", NULL, NULL, BL_PERIOD_HALF_YEAR, 1, FALSE, 30 },
};

static void
test_builtin_packs (void)
{
  const char * const *ids = bl_rules_builtin_pack_ids ();
  guint checked = 0;

  g_assert_cmpstrv (ids, ((const char * const []) { "standard", "park-2025-ideology", NULL }));

  for (guint p = 0; ids[p] != NULL; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlRulePack) pack = bl_rules_load_builtin_pack (ids[p], &error);
      guint expected = 0;

      g_assert_no_error (error);
      g_assert_nonnull (pack);
      g_assert_cmpstr (pack->id, ==, ids[p]);
      for (guint i = 0; i < G_N_ELEMENTS (shipped_rules); i++)
        {
          BlRule *rule;

          if (g_strcmp0 (shipped_rules[i].pack, ids[p]) != 0)
            continue;
          /* In file order, with exactly the ids the issue lists. */
          g_assert_cmpuint (expected, <, pack->rules->len);
          rule = g_ptr_array_index (pack->rules, expected++);
          g_assert_cmpstr (rule->id, ==, shipped_rules[i].id);
          g_assert_cmpstr (rule->pack_id, ==, ids[p]);
          g_assert_cmpstr (rule->kind, ==, shipped_rules[i].kind);
          g_assert_cmpstr (rule->tag, ==, shipped_rules[i].tag);
          g_assert_cmpstr (rule->lecturer, ==, shipped_rules[i].lecturer);
          g_assert_cmpint (rule->period, ==, shipped_rules[i].period);
          g_assert_cmpuint (rule->minimum, ==, shipped_rules[i].minimum);
          g_assert_cmpint (rule->per_group, ==, shipped_rules[i].per_group);
          g_assert_cmpuint (rule->lead_days, ==, shipped_rules[i].lead);
          g_assert_nonnull (rule->name);
          g_assert_cmpstr (rule->name, !=, "");
          checked++;
        }
      g_assert_cmpuint (expected, ==, pack->rules->len);
    }
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (shipped_rules));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BlRulePack) none = bl_rules_load_builtin_pack ("no-such-pack", &error);

    g_assert_null (none);
    g_assert_error (error, BL_RULES_ERROR, BL_RULES_ERROR_UNKNOWN);
  }
}

/* Pack and rule names follow the user's language: the pack files carry English and Chinese. */
static void
test_builtin_names_localised (void)
{
  static const struct {
    const char *language;
    const char *pack_name;
    const char *rule_name;     /* committee-meeting-monthly / study-sessions-yearly */
    const char *kind_name;     /* ideology-research: kept in Chinese whatever the language, as CSV names it */
  } cases[] = {
    { "C", "Industrial park 2025 ideology work plan", "Study sessions, at least 12 a year",
      "专题研究意识形态工作" },
    { "zh_CN", "市工业园区2025年意识形态工作要点", "集中学习全年不少于12次", "专题研究意识形态工作" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlRulePack) pack = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      pack = bl_rules_load_builtin_pack ("park-2025-ideology", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (pack->name, ==, cases[i].pack_name);
      g_assert_cmpstr (((BlRule *) g_ptr_array_index (pack->rules, 0))->name, ==, cases[i].rule_name);
      g_assert_cmpstrv (pack->kind_ids, ((const char * const []) {
                          "ideology-research", "risk-assessment", "inspection", "report-upward", NULL }));
      g_assert_cmpstr (pack->kind_names[0], ==, cases[i].kind_name);
    }
  g_setenv ("LANGUAGE", "C", TRUE);
}

static void
test_parse_good (void)
{
  static const char text[] =
    "# a committee's own pack\n"
    "[Pack]\n"
    "id = town-2026\n"
    "name=Town rules\n"
    "name[zh_CN]=镇规则\n"
    "kinds=volunteer;\n"
    "kind-volunteer=Volunteer service\n"
    "kind-volunteer[zh_CN]=志愿服务\n"
    "\n"
    "[Rule volunteer-quarterly]\n"
    "name=Volunteer service every quarter\n"
    "kind=volunteer\n"
    "period=quarter\n"
    "minimum=2\n"
    "\n"
    "[Rule red-visit-yearly]\n"
    "name=Red education visit\n"
    "kind=theme-day\n"
    "tag=红色教育\n"
    "period=year\n"
    "minimum=1\n"
    "lead-days=45\n"
    "per-group=false\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BlRulePack) pack = bl_rule_pack_parse ("town.ini", text, strlen (text), NULL, &error);
  BlRule *rule;

  g_assert_no_error (error);
  g_assert_cmpstr (pack->id, ==, "town-2026");
  g_assert_cmpstr (pack->name, ==, "Town rules");
  g_assert_cmpstrv (pack->kind_ids, ((const char * const []) { "volunteer", NULL }));
  g_assert_cmpstrv (pack->kind_names, ((const char * const []) { "志愿服务", NULL }));
  g_assert_cmpuint (pack->rules->len, ==, 2);
  rule = g_ptr_array_index (pack->rules, 0);
  g_assert_cmpstr (rule->id, ==, "volunteer-quarterly");
  g_assert_cmpint (rule->period, ==, BL_PERIOD_QUARTER);
  g_assert_cmpuint (rule->minimum, ==, 2);
  g_assert_cmpuint (rule->lead_days, ==, 15);  /* the default for quarters */
  g_assert_null (rule->tag);
  rule = g_ptr_array_index (pack->rules, 1);
  g_assert_cmpstr (rule->tag, ==, "红色教育");
  g_assert_cmpuint (rule->lead_days, ==, 45);
  g_assert_false (rule->per_group);
}

/* What a committee's secretary saves from Notepad: a byte-order mark and
 * Windows line ends. */
static void
test_parse_windows_file (void)
{
  static const char text[] =
    "\xef\xbb\xbf[Pack]\r\n"
    "id=town\r\n"
    "name=Town\r\n"
    "name[zh_CN]=镇\r\n"
    "kinds=volunteer\r\n"
    "kind-volunteer=Volunteer\r\n"
    "\r\n"
    "[Rule volunteer-yearly]\r\n"
    "name=Volunteer day\r\n"
    "kind=volunteer\r\n"
    "period=year\r\n"
    "minimum=3\r\n"
    "per-group=true\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BlRulePack) pack = NULL;
  BlRule *rule;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  pack = bl_rule_pack_parse ("town.ini", text, strlen (text), NULL, &error);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (pack->id, ==, "town");
  g_assert_cmpstr (pack->name, ==, "镇");
  g_assert_cmpstrv (pack->kind_ids, ((const char * const []) { "volunteer", NULL }));
  rule = g_ptr_array_index (pack->rules, 0);
  g_assert_cmpstr (rule->id, ==, "volunteer-yearly");
  g_assert_cmpstr (rule->kind, ==, "volunteer");
  g_assert_cmpuint (rule->minimum, ==, 3);
  g_assert_true (rule->per_group);
  g_assert_cmpint (rule->period, ==, BL_PERIOD_YEAR);
}

/* Each malformed pack: the exact "FILE:LINE:" prefixes of its error lines. */
static const struct {
  const char *what;
  const char *text;
  const char *lines[4];
} malformed[] = {
  { "not a key file",
    "[Pack]\nid=x\nthis line has no equals sign\n", { ":3: ", NULL } },
  { "key before any group",
    "id=x\n[Pack]\nname=X\n", { ":1: ", NULL } },
  { "broken group header",
    "[Pack]\nid=x\nname=X\n[Rule a\nkind=theme-day\n", { ":4: ", NULL } },
  { "duplicate key",
    "[Pack]\nid=x\nname=X\nid=y\n[Rule a]\nname=A\nkind=theme-day\nperiod=month\nminimum=1\n",
    { ":4: ", NULL } },
  { "no pack group",
    "[Rule a]\nname=A\nkind=theme-day\nperiod=month\nminimum=1\n", { ":1: ", NULL } },
  { "bad period, bad minimum, unknown kind, all reported",
    "[Pack]\nid=x\nname=X\n\n[Rule a]\nname=A\nkind=no-such-kind\nperiod=weekly\nminimum=zero\n",
    { ":7: ", ":8: ", ":9: ", NULL } },
  { "missing keys point at the group",
    "[Pack]\nid=x\nname=X\n[Rule a]\nname=A\n", { ":4: ", ":4: ", ":4: ", NULL } },
  { "unknown key (a typo)",
    "[Pack]\nid=x\nname=X\n[Rule a]\nname=A\nkind=theme-day\nperiod=month\nminumum=1\n",
    { ":4: ", ":8: ", NULL } },
  { "bad ids",
    "[Pack]\nid=Has Spaces\nname=X\n[Rule Bad_Id]\nname=A\nkind=theme-day\nperiod=month\nminimum=1\n",
    { ":2: ", ":4: ", NULL } },
  { "lecturer and per-group values",
    "[Pack]\nid=x\nname=X\n[Rule a]\nname=A\nkind=party-lecture\nperiod=year\nminimum=1\n"
    "lecturer=deputy\nper-group=yes\n", { ":9: ", ":10: ", NULL } },
  { "kind listed without a name, and a built-in kind listed",
    "[Pack]\nid=x\nname=X\nkinds=foo;theme-day\n[Rule a]\nname=A\nkind=foo\nperiod=month\nminimum=1\n",
    { ":4: ", ":4: ", ":7: ", NULL } },
  { "a pack without rules",
    "[Pack]\nid=x\nname=X\n", { ":1: ", NULL } },
  { "unknown group",
    "[Pack]\nid=x\nname=X\n[Rules a]\nname=A\n", { ":4: ", NULL } },
  { "minimum zero and lead too long",
    "[Pack]\nid=x\nname=X\n[Rule a]\nname=A\nkind=theme-day\nperiod=month\nminimum=0\nlead-days=400\n",
    { ":8: ", ":9: ", NULL } },
  { "invalid UTF-8",
    "[Pack]\nid=x\nname=\xff\xfe\n", { ":3: ", NULL } },
  { "an escape sequence in a key: written as \\x1B, not sent to the terminal",
    "\x1b]0;pwned\x07 Sources=x\n[Pack]\nid=x\nname=X\n", { ":1: ", NULL } },
  { "untranslatable key with a locale",
    "[Pack]\nid=x\nname=X\n[Rule a]\nname=A\nkind[zh_CN]=theme-day\nkind=theme-day\nperiod=month\nminimum=1\n",
    { ":6: ", NULL } },
};

static void
test_parse_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlRulePack) pack = NULL;
      g_auto(GStrv) lines = NULL;
      guint n = 0;

      g_test_message ("malformed pack: %s", malformed[i].what);
      pack = bl_rule_pack_parse ("bad.ini", malformed[i].text, strlen (malformed[i].text), NULL, &error);
      g_assert_null (pack);
      g_assert_error (error, BL_RULES_ERROR, BL_RULES_ERROR_MALFORMED);
      lines = g_strsplit (error->message, "\n", -1);
      while (malformed[i].lines[n] != NULL)
        n++;
      if (g_strv_length (lines) != n)
        g_error ("%s: expected %u lines, got:\n%s", malformed[i].what, n, error->message);
      for (guint l = 0; l < n; l++)
        {
          g_autofree char *prefix = g_strconcat ("bad.ini", malformed[i].lines[l], NULL);

          if (!g_str_has_prefix (lines[l], prefix))
            g_error ("%s: line %u should start with %s:\n%s", malformed[i].what, l, prefix, error->message);
          /* Something is said after the location. */
          g_assert_cmpuint (strlen (lines[l]), >, strlen (prefix) + 5);
          /* Nothing of the file a terminal would act on. */
          for (const char *c = lines[l]; *c != '\0'; c++)
            g_assert_true ((guchar) *c >= 0x20 && *c != 0x7f);
        }
    }
}

static void
test_new_ledger_has_standard (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = bl_rules_list_packs (f->store, &error);
  g_auto(GStrv) ids = enabled_ids (f->store);
  BlRulePackInfo *info;

  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 2);
  info = g_ptr_array_index (packs, 0);
  g_assert_cmpstr (info->id, ==, "standard");
  g_assert_true (info->builtin);
  g_assert_true (info->enabled);
  info = g_ptr_array_index (packs, 1);
  g_assert_cmpstr (info->id, ==, "park-2025-ideology");
  g_assert_true (info->builtin);
  g_assert_false (info->enabled);

  g_assert_cmpstrv (ids, ((const char * const []) {
    "general-meeting-quarterly", "committee-meeting-monthly", "group-meeting-monthly",
    "theme-day-monthly", "party-lecture-quarterly", "secretary-lecture-yearly",
    "life-meeting-yearly", "member-review-yearly", "heart-talk-yearly", NULL }));
}

static void
test_enable_disable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  /* Enabling the park's pack adds its kinds, named in the user's language. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_true (bl_rules_set_pack_enabled (f->store, "park-2025-ideology", TRUE, &error));
  g_assert_no_error (error);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpuint (f->changed, >, 0);
  g_assert_cmpstr (bl_store_get_kind_name (f->store, "ideology-research"), ==, "专题研究意识形态工作");
  g_assert_cmpstr (bl_store_get_kind_name (f->store, "report-upward"), ==, "向上级专题汇报");
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 15);
  g_assert_true (g_strv_contains ((const char * const *) ids, "report-upward-half"));
  g_clear_pointer (&ids, g_strfreev);

  /* One rule off, by its id. */
  g_assert_true (bl_rules_set_rule_enabled (f->store, "heart-talk-yearly", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (bl_rules_is_rule_disabled (f->store, "heart-talk-yearly"));
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 14);
  g_assert_false (g_strv_contains ((const char * const *) ids, "heart-talk-yearly"));
  g_clear_pointer (&ids, g_strfreev);

  /* A whole pack off. */
  g_assert_true (bl_rules_set_pack_enabled (f->store, "standard", FALSE, &error));
  g_assert_no_error (error);
  ids = enabled_ids (f->store);
  g_assert_cmpstrv (ids, ((const char * const []) {
    "study-sessions-yearly", "ideology-study-yearly", "ideology-research-yearly",
    "risk-assessment-yearly", "inspection-yearly", "report-upward-half", NULL }));
  g_clear_pointer (&ids, g_strfreev);

  /* Enabling a pack again brings back all of its rules. */
  g_assert_true (bl_rules_set_pack_enabled (f->store, "standard", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (bl_rules_is_rule_disabled (f->store, "heart-talk-yearly"));
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 15);
  g_clear_pointer (&ids, g_strfreev);

  /* Unknown ids change nothing. */
  {
    g_autofree char *before = ledger_snapshot (f->store);
    g_autofree char *after = NULL;

    g_assert_false (bl_rules_set_pack_enabled (f->store, "nope", TRUE, &error));
    g_assert_error (error, BL_RULES_ERROR, BL_RULES_ERROR_UNKNOWN);
    g_clear_error (&error);
    g_assert_false (bl_rules_set_rule_enabled (f->store, "nope-yearly", FALSE, &error));
    g_assert_error (error, BL_RULES_ERROR, BL_RULES_ERROR_UNKNOWN);
    g_clear_error (&error);
    after = ledger_snapshot (f->store);
    g_assert_cmpstr (before, ==, after);
  }

  /* The settings survive reopening the ledger. */
  g_assert_true (bl_rules_set_rule_enabled (f->store, "inspection-yearly", FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  f->store = bl_store_open (f->path, &error);
  g_assert_no_error (error);
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 14);
  g_assert_false (g_strv_contains ((const char * const *) ids, "inspection-yearly"));
}

static const char good_pack[] =
  "[Pack]\n"
  "id=town-2026\n"
  "name=Town rules\n"
  "name[zh_CN]=镇规则\n"
  "kinds=volunteer\n"
  "kind-volunteer=Volunteer service\n"
  "kind-volunteer[zh_CN]=志愿服务\n"
  "\n"
  "[Rule volunteer-quarterly]\n"
  "name=Volunteer service every quarter\n"
  "kind=volunteer\n"
  "period=quarter\n"
  "minimum=2\n";

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_pack (f, "town.ini", good_pack);
  g_autofree char *pack_id = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_auto(GStrv) ids = NULL;
  BlRulePackInfo *info;

  g_assert_true (bl_rules_import_pack_file (f->store, path, &pack_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pack_id, ==, "town-2026");
  g_assert_cmpstr (bl_store_get_kind_name (f->store, "volunteer"), ==, "志愿服务");

  packs = bl_rules_list_packs (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 3);
  info = g_ptr_array_index (packs, 2);
  g_assert_cmpstr (info->id, ==, "town-2026");
  g_assert_false (info->builtin);
  g_assert_true (info->enabled);

  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 10);
  g_assert_cmpstr (ids[9], ==, "volunteer-quarterly");
  g_clear_pointer (&ids, g_strfreev);

  /* The ledger keeps the pack itself: it works once the file is gone, and
   * its name follows the language. */
  g_unlink (path);
  g_clear_object (&f->store);
  f->store = bl_store_open (f->path, &error);
  g_assert_no_error (error);
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 10);
  g_clear_pointer (&ids, g_strfreev);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_clear_pointer (&packs, g_ptr_array_unref);
  packs = bl_rules_list_packs (f->store, &error);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (((BlRulePackInfo *) g_ptr_array_index (packs, 2))->name, ==, "镇规则");

  /* A new version of the same pack replaces it. */
  {
    g_autofree char *v2 = NULL;
    g_autofree char *text = g_strconcat (good_pack,
                                         "\n[Rule volunteer-yearly]\nname=Big volunteer day\n"
                                         "kind=volunteer\nperiod=year\nminimum=1\n", NULL);

    v2 = write_pack (f, "town-v2.ini", text);
    g_assert_true (bl_rules_import_pack_file (f->store, v2, NULL, &error));
    g_assert_no_error (error);
    ids = enabled_ids (f->store);
    g_assert_cmpuint (g_strv_length (ids), ==, 11);
    g_clear_pointer (&ids, g_strfreev);
  }

  /* Disable and enable an imported pack by id. */
  g_assert_true (bl_rules_set_pack_enabled (f->store, "town-2026", FALSE, &error));
  g_assert_no_error (error);
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 9);
  g_clear_pointer (&ids, g_strfreev);
  g_assert_true (bl_rules_pack_exists (f->store, "town-2026"));
  g_assert_true (bl_rules_set_pack_enabled (f->store, "town-2026", TRUE, &error));
  g_assert_no_error (error);
  ids = enabled_ids (f->store);
  g_assert_cmpuint (g_strv_length (ids), ==, 11);
  g_autofree char *owner = bl_rules_find_rule_pack (f->store, "volunteer-yearly");
  g_assert_cmpstr (owner, ==, "town-2026");
}

/* A pack refused at import leaves the ledger exactly as it was. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *what;
    const char *text;
    int         code;
    const char *line;   /* the ":N: " the first message line carries, or NULL */
  } cases[] = {
    { "malformed", "[Pack]\nid=x\nname=X\n[Rule a]\nname=A\nkind=theme-day\nperiod=fortnight\nminimum=1\n",
      BL_RULES_ERROR_MALFORMED, ":7: " },
    { "takes a built-in pack's id",
      "[Pack]\nid=standard\nname=Mine\n[Rule mine-monthly]\nname=A\nkind=theme-day\nperiod=month\nminimum=1\n",
      BL_RULES_ERROR_MALFORMED, ":2: " },
    { "takes a built-in rule's id",
      "[Pack]\nid=mine\nname=Mine\n\n[Rule theme-day-monthly]\nname=A\nkind=theme-day\nperiod=month\nminimum=2\n",
      BL_RULES_ERROR_MALFORMED, ":5: " },
    { "unknown kind", "[Pack]\nid=mine\nname=Mine\n[Rule a]\nname=A\nkind=volunteer\nperiod=month\nminimum=1\n",
      BL_RULES_ERROR_MALFORMED, ":6: " },
    { "not there", NULL, BL_RULES_ERROR_MALFORMED, NULL },
  };
  g_autoptr(GError) error = NULL;

  /* Something to lose: the park pack enabled and one rule off. */
  g_assert_true (bl_rules_set_pack_enabled (f->store, "park-2025-ideology", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bl_rules_set_rule_enabled (f->store, "inspection-yearly", FALSE, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = ledger_snapshot (f->store);
      g_autofree char *after = NULL;
      g_autofree char *path = NULL;
      guint changed = f->changed;

      g_test_message ("refused pack: %s", cases[i].what);
      path = cases[i].text != NULL ? write_pack (f, "bad.ini", cases[i].text)
                                   : g_build_filename (f->dir, "missing.ini", NULL);
      g_assert_false (bl_rules_import_pack_file (f->store, path, NULL, &error));
      g_assert_error (error, BL_RULES_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, path));
      if (cases[i].line != NULL)
        {
          g_autofree char *prefix = g_strconcat (path, cases[i].line, NULL);

          if (!g_str_has_prefix (error->message, prefix))
            g_error ("%s: expected %s…, got %s", cases[i].what, prefix, error->message);
        }
      g_clear_error (&error);
      after = ledger_snapshot (f->store);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (f->changed, ==, changed);
    }
}

static gboolean
has_rule_of_pack (GPtrArray  *statuses,
                  const char *pack_rule)
{
  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((BlQuotaStatus *) g_ptr_array_index (statuses, i))->rule_id, pack_rule))
      return TRUE;
  return FALSE;
}

static gboolean
has_quota_reminder (GPtrArray  *reminders,
                    const char *rule)
{
  g_autofree char *prefix = g_strconcat ("quota:", rule, ":", NULL);

  for (guint i = 0; i < reminders->len; i++)
    if (g_str_has_prefix (((BlReminder *) g_ptr_array_index (reminders, i))->key, prefix))
      return TRUE;
  return FALSE;
}

/* A pack can say the years it applies to: the park's 2025 plan sets 2025's
 * quotas and no other year's; outside its years its rules are not
 * evaluated, reminded of or printed. */
static void
test_pack_years (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *years;
    guint       first;
    guint       last;
    const char *display;
  } good[] = {
    { "2025", 2025, 2025, "Applies in 2025" },
    { "2024-2026", 2024, 2026, "Applies from 2024 to 2026" },
    { " 2024 - 2024 ", 2024, 2024, "Applies in 2024" },
  };
  static const char * const bad[] = { "", "2025-2024", "twenty", "2025;2026", "1800", "2025-", "-2025", "2025-2026-2027" };
  g_autoptr(BlRulePack) park = NULL;
  g_autoptr(BlRulePack) standard = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdup_printf ("[Pack]\nid=town\nname=Town\nyears=%s\n"
                                               "[Rule town-theme-day]\nname=Theme day\nkind=theme-day\n"
                                               "period=month\nminimum=1\n", good[i].years);
      g_autoptr(BlRulePack) pack = bl_rule_pack_parse ("town.ini", text, strlen (text), NULL, &error);
      g_autofree char *display = NULL;
      BlRule *rule;

      g_assert_no_error (error);
      g_assert_cmpuint (pack->first_year, ==, good[i].first);
      g_assert_cmpuint (pack->last_year, ==, good[i].last);
      rule = g_ptr_array_index (pack->rules, 0);
      g_assert_false (bl_rule_applies_in_year (rule, good[i].first - 1));
      g_assert_true (bl_rule_applies_in_year (rule, good[i].first));
      g_assert_true (bl_rule_applies_in_year (rule, good[i].last));
      g_assert_false (bl_rule_applies_in_year (rule, good[i].last + 1));
      display = bl_rule_pack_years_display (pack->first_year, pack->last_year);
      g_assert_cmpstr (display, ==, good[i].display);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *text = g_strdup_printf ("[Pack]\nid=town\nname=Town\nyears=%s\n"
                                               "[Rule town-theme-day]\nname=Theme day\nkind=theme-day\n"
                                               "period=month\nminimum=1\n", bad[i]);
      g_autoptr(BlRulePack) pack = bl_rule_pack_parse ("town.ini", text, strlen (text), NULL, &error);

      g_test_message ("years=%s", bad[i]);
      g_assert_null (pack);
      g_assert_error (error, BL_RULES_ERROR, BL_RULES_ERROR_MALFORMED);
      g_assert_true (g_str_has_prefix (error->message, "town.ini:4: "));
      g_assert_nonnull (strstr (error->message, "years"));
      g_clear_error (&error);
    }

  /* The shipped packs: the park's plan is for 2025, the national rules for
   * every year. */
  park = bl_rules_load_builtin_pack ("park-2025-ideology", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (park->first_year, ==, 2025);
  g_assert_cmpuint (park->last_year, ==, 2025);
  standard = bl_rules_load_builtin_pack ("standard", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standard->first_year, ==, 0);
  g_assert_cmpuint (standard->last_year, ==, 0);
  packs = bl_rules_list_packs (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < packs->len; i++)
    {
      BlRulePackInfo *info = g_ptr_array_index (packs, i);

      if (g_str_equal (info->id, "park-2025-ideology"))
        g_assert_cmpstr (info->years, ==, "Applies in 2025");
      else
        g_assert_null (info->years);
    }

  g_assert_true (bl_rules_set_pack_enabled (f->store, "park-2025-ideology", TRUE, &error));
  g_assert_true (bl_store_set_start_date (f->store, "2025-01-01", &error));
  g_assert_no_error (error);

  /* Evaluated in 2025, not in 2026 (nor in 2024). */
  {
    g_autoptr(BlQuotaReport) in_2025 = bl_quota_evaluate (f->store, "2025-12-20", &error);
    g_autoptr(BlQuotaReport) in_2026 = bl_quota_evaluate (f->store, "2026-12-20", &error);
    g_autoptr(BlQuotaReport) in_2024 = bl_quota_evaluate (f->store, "2024-12-20", &error);

    g_assert_no_error (error);
    g_assert_true (has_rule_of_pack (in_2025->quotas, "study-sessions-yearly"));
    g_assert_true (has_rule_of_pack (in_2025->missed, "report-upward-half"));
    g_assert_false (has_rule_of_pack (in_2026->quotas, "study-sessions-yearly"));
    g_assert_false (has_rule_of_pack (in_2026->missed, "report-upward-half"));
    g_assert_true (has_rule_of_pack (in_2026->quotas, "committee-meeting-monthly"));
    g_assert_false (has_rule_of_pack (in_2024->quotas, "inspection-yearly"));
  }
  /* Reminded of in December 2025, not in December 2026. */
  {
    g_autoptr(GPtrArray) in_2025 = bl_reminders_collect (f->store, "2025-12-20", NULL, &error);
    g_autoptr(GPtrArray) in_2026 = bl_reminders_collect (f->store, "2026-12-20", NULL, &error);

    g_assert_no_error (error);
    g_assert_true (has_quota_reminder (in_2025, "inspection-yearly"));
    g_assert_false (has_quota_reminder (in_2026, "inspection-yearly"));
    g_assert_true (has_quota_reminder (in_2026, "life-meeting-yearly"));
  }
  /* Printed on December 2025's summary, not on December 2026's. */
  {
    g_autoptr(BlReport) in_2025 = bl_report_build (f->store, "2025-12", "2026-12-20", &error);
    g_autoptr(BlReport) in_2026 = bl_report_build (f->store, "2026-12", "2026-12-20", &error);
    gboolean found_2025 = FALSE, found_2026 = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < in_2025->quotas->len; i++)
      found_2025 |= g_str_equal (((BlReportQuota *) g_ptr_array_index (in_2025->quotas, i))->status->rule_id,
                                 "inspection-yearly");
    for (guint i = 0; i < in_2026->quotas->len; i++)
      found_2026 |= g_str_equal (((BlReportQuota *) g_ptr_array_index (in_2026->quotas, i))->status->rule_id,
                                 "inspection-yearly");
    g_assert_true (found_2025);
    g_assert_false (found_2026);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/builtin-packs", test_builtin_packs);
  g_test_add_func ("/rules/builtin-names-localised", test_builtin_names_localised);
  g_test_add_func ("/rules/parse-good", test_parse_good);
  g_test_add_func ("/rules/parse-windows-file", test_parse_windows_file);
  g_test_add_func ("/rules/parse-malformed", test_parse_malformed);
  g_test_add ("/rules/new-ledger-has-standard", Fixture, NULL, fixture_set_up, test_new_ledger_has_standard, fixture_tear_down);
  g_test_add ("/rules/enable-disable", Fixture, NULL, fixture_set_up, test_enable_disable, fixture_tear_down);
  g_test_add ("/rules/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/rules/import-refused", Fixture, NULL, fixture_set_up, test_import_refused, fixture_tear_down);
  g_test_add ("/rules/pack-years", Fixture, NULL, fixture_set_up, test_pack_years, fixture_tear_down);

  return g_test_run ();
}
