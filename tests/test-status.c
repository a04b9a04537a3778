/* test-status.c: branch-ledger --status [--json], --rules and --disable-rules, run as a program */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "bl-activity.h"
#include "bl-rules.h"
#include "bl-store.h"
#include "bl-test-common.h"

/* A small branch: two groups, a committee meeting in January, a group
 * meeting of one group in April, one member who never came and one who
 * stopped coming with a sick note. */
static char *
make_ledger (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  gint64 zhang, li, wang;

  g_assert_no_error (error);
  zhang = bl_test_add_member (store, "张三", "第一党小组", 0);
  li = bl_test_add_member (store, "李四", "第二党小组", 0);
  wang = bl_test_add_member (store, "王五", "第二党小组", 0);

  {
    g_autoptr(BlActivity) a = bl_activity_new ();
    g_autoptr(GListStore) attendance = bl_attendance_new ();

    bl_activity_set_kind (a, "committee-meeting");
    bl_activity_set_status (a, BL_ACTIVITY_STATUS_HELD);
    bl_activity_set_date (a, "2025-01-10");
    bl_activity_set_topic (a, "研究年度工作计划");
    bl_attendance_add (attendance, zhang, NULL, BL_ATTENDANCE_PRESENT, "");
    bl_attendance_add (attendance, li, NULL, BL_ATTENDANCE_PRESENT, "");
    bl_attendance_add (attendance, wang, NULL, BL_ATTENDANCE_ABSENT, "");
    g_assert_true (bl_store_save_activity (store, a, G_LIST_MODEL (attendance), &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(BlActivity) a = bl_activity_new ();
    g_autoptr(GListStore) attendance = bl_attendance_new ();

    bl_activity_set_kind (a, "group-meeting");
    bl_activity_set_status (a, BL_ACTIVITY_STATUS_HELD);
    bl_activity_set_date (a, "2025-04-02");
    bl_activity_set_group (a, "第一党小组");
    bl_activity_set_topic (a, "学习党章");
    bl_attendance_add (attendance, zhang, NULL, BL_ATTENDANCE_PRESENT, "");
    g_assert_true (bl_store_save_activity (store, a, G_LIST_MODEL (attendance), &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(BlActivity) a = bl_activity_new ();
    g_autoptr(GListStore) attendance = bl_attendance_new ();

    bl_activity_set_kind (a, "theme-day");
    bl_activity_set_status (a, BL_ACTIVITY_STATUS_HELD);
    bl_activity_set_date (a, "2025-03-20");
    bl_activity_set_topic (a, "红色教育参观");
    bl_attendance_add (attendance, zhang, NULL, BL_ATTENDANCE_PRESENT, "");
    bl_attendance_add (attendance, li, NULL, BL_ATTENDANCE_LEAVE, "病假");
    bl_attendance_add (attendance, wang, NULL, BL_ATTENDANCE_LEAVE, "事假");
    g_assert_true (bl_store_save_activity (store, a, G_LIST_MODEL (attendance), &error));
    g_assert_no_error (error);
  }
  return path;
}

static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  int status = bl_test_run_program (argv, &o, &e);

  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", status, o, e);
  if (out != NULL)
    *out = g_steal_pointer (&o);
  if (err != NULL)
    *err = g_steal_pointer (&e);
  return status;
}

static JsonNode *
status_json (const char *db,
             const char *date)
{
  const char *argv[] = { "--database", db, "--status", "--date", date, "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_assert_cmpuint (g_list_length (members), ==, g_strv_length ((GStrv) names));
  for (guint i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (object, names[i]))
      g_error ("the object has no “%s”", names[i]);
}

static JsonObject *
find_entry (JsonArray  *array,
            const char *rule,
            const char *group)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (o, "rule"), rule) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (o, "group", NULL), group) == 0)
        return o;
    }
  return NULL;
}

static GStrv
quota_rules (JsonNode *root)
{
  JsonArray *quotas = json_object_get_array_member (json_node_get_object (root), "quotas");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (quotas); i++)
    g_strv_builder_add (builder, json_object_get_string_member (json_array_get_object_element (quotas, i), "rule"));
  return g_strv_builder_end (builder);
}

static void
test_status_json (void)
{
  static const char * const top[] = { "date", "start_date", "quotas", "missed", "absences", NULL };
  static const char * const quota_keys[] = { "rule", "name", "kind", "group", "period", "start", "end",
                                             "required", "done", "invalid", "days_left", "state", NULL };
  static const char * const missed_keys[] = { "rule", "group", "start", "end", "required", "done", "invalid", NULL };
  static const char * const absence_keys[] = { "member", "last_attended", "months", "reasons", NULL };
  g_autofree char *db = make_ledger ();
  g_autoptr(JsonNode) root = status_json (db, "2025-09-25");
  JsonObject *object = json_node_get_object (root);
  JsonArray *quotas, *missed, *absences;
  JsonObject *q;
  gint64 last_days = G_MININT64;
  gboolean seen_met = FALSE;

  assert_members (object, top);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2025-09-25");
  /* The ledger's first held activity, on 10 January, set its start date. */
  g_assert_cmpstr (json_object_get_string_member (object, "start_date"), ==, "2025-01-01");

  quotas = json_object_get_array_member (object, "quotas");
  /* 8 rules, and the group meetings once per group. */
  g_assert_cmpuint (json_array_get_length (quotas), ==, 10);
  for (guint i = 0; i < json_array_get_length (quotas); i++)
    {
      JsonObject *o = json_array_get_object_element (quotas, i);
      const char *state = json_object_get_string_member (o, "state");

      assert_members (o, quota_keys);
      g_assert_true (g_strv_contains ((const char * const []) { "met", "due-soon", "pending", NULL }, state));
      g_assert_true (g_strv_contains ((const char * const []) { "month", "quarter", "half-year", "year", NULL },
                                      json_object_get_string_member (o, "period")));
      /* Sorted by urgency: not met first, then the fewest days left. */
      if (g_str_equal (state, "met"))
        seen_met = TRUE;
      else
        {
          g_assert_false (seen_met);
          g_assert_cmpint (json_object_get_int_member (o, "days_left"), >=, last_days);
          last_days = json_object_get_int_member (o, "days_left");
        }
    }

  q = find_entry (quotas, "committee-meeting-monthly", NULL);
  g_assert_nonnull (q);
  g_assert_true (json_node_is_null (json_object_get_member (q, "group")));
  g_assert_cmpstr (json_object_get_string_member (q, "kind"), ==, "committee-meeting");
  g_assert_cmpstr (json_object_get_string_member (q, "period"), ==, "month");
  g_assert_cmpstr (json_object_get_string_member (q, "start"), ==, "2025-09-01");
  g_assert_cmpstr (json_object_get_string_member (q, "end"), ==, "2025-09-30");
  g_assert_cmpint (json_object_get_int_member (q, "required"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (q, "done"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (q, "days_left"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (q, "state"), ==, "due-soon");

  q = find_entry (quotas, "group-meeting-monthly", "第一党小组");
  g_assert_nonnull (q);
  g_assert_nonnull (find_entry (quotas, "group-meeting-monthly", "第二党小组"));

  q = find_entry (quotas, "general-meeting-quarterly", NULL);
  g_assert_cmpstr (json_object_get_string_member (q, "start"), ==, "2025-07-01");
  g_assert_cmpstr (json_object_get_string_member (q, "state"), ==, "due-soon");  /* 5 days, lead 15 */
  q = find_entry (quotas, "life-meeting-yearly", NULL);
  g_assert_cmpstr (json_object_get_string_member (q, "state"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (q, "days_left"), ==, 97);

  missed = json_object_get_array_member (object, "missed");
  for (guint i = 0; i < json_array_get_length (missed); i++)
    assert_members (json_array_get_object_element (missed, i), missed_keys);
  /* Committee: January held, February to August missed. */
  {
    guint committee = 0;

    for (guint i = 0; i < json_array_get_length (missed); i++)
      {
        JsonObject *o = json_array_get_object_element (missed, i);

        if (g_str_equal (json_object_get_string_member (o, "rule"), "committee-meeting-monthly"))
          {
            g_assert_cmpstr (json_object_get_string_member (o, "start"), !=, "2025-01-01");
            committee++;
          }
      }
    g_assert_cmpuint (committee, ==, 7);
  }
  q = find_entry (missed, "group-meeting-monthly", "第二党小组");
  g_assert_nonnull (q);
  g_assert_cmpstr (json_object_get_string_member (q, "start"), ==, "2025-01-01");
  g_assert_cmpstr (json_object_get_string_member (q, "end"), ==, "2025-01-31");
  g_assert_cmpint (json_object_get_int_member (q, "required"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (q, "done"), ==, 0);

  /* 王五 never attended (counted from 10 Jan); 李四 last came on 10 Jan;
   * 张三 on 2 April: five months on 2 September. Most months first. */
  absences = json_object_get_array_member (object, "absences");
  g_assert_cmpuint (json_array_get_length (absences), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *o = json_array_get_object_element (absences, i);
      const char *member = json_object_get_string_member (o, "member");
      JsonArray *reasons = json_object_get_array_member (o, "reasons");

      assert_members (o, absence_keys);
      if (g_str_equal (member, "李四"))
        {
          g_assert_cmpuint (i, <, 2);
          g_assert_cmpint (json_object_get_int_member (o, "months"), ==, 8);
          g_assert_cmpstr (json_object_get_string_member (o, "last_attended"), ==, "2025-01-10");
          g_assert_cmpuint (json_array_get_length (reasons), ==, 1);
          g_assert_cmpstr (json_array_get_string_element (reasons, 0), ==, "病假");
        }
      else if (g_str_equal (member, "王五"))
        {
          g_assert_cmpuint (i, <, 2);
          g_assert_cmpint (json_object_get_int_member (o, "months"), ==, 8);
          g_assert_true (json_node_is_null (json_object_get_member (o, "last_attended")));
          /* Absent on 10 Jan (the untranslated word here), then 事假. */
          g_assert_cmpuint (json_array_get_length (reasons), ==, 2);
          g_assert_cmpstr (json_array_get_string_element (reasons, 0), ==, "Absent");
          g_assert_cmpstr (json_array_get_string_element (reasons, 1), ==, "事假");
        }
      else
        {
          g_assert_cmpstr (member, ==, "张三");
          g_assert_cmpuint (i, ==, 2);
          g_assert_cmpint (json_object_get_int_member (o, "months"), ==, 5);
          g_assert_cmpstr (json_object_get_string_member (o, "last_attended"), ==, "2025-04-02");
          g_assert_cmpuint (json_array_get_length (reasons), ==, 0);
        }
    }
}

static void
test_status_plain (void)
{
  g_autofree char *db = make_ledger ();
  const char *argv[] = { "--database", db, "--status", "--date", "2025-09-25", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  int days_column = -1;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "25 September 2025"));
  g_assert_nonnull (strstr (out, "Branch committee meeting, every month"));
  g_assert_nonnull (strstr (out, "第二党小组"));
  g_assert_nonnull (strstr (out, "王五"));

  /* Aligned: every row of the quota table ends its "days left" number in
   * the same column (counted in characters: these rows are ASCII but for
   * the group names, which sit in a column of their own). */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *due = strstr (lines[i], "Due soon");
      const char *pending = strstr (lines[i], "Pending");
      const char *state = due != NULL ? due : pending;
      glong width;

      if (state == NULL)
        continue;
      /* Display width: CJK characters are two cells. */
      width = 0;
      for (const char *p = lines[i]; p < state; p = g_utf8_next_char (p))
        width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      if (days_column < 0)
        days_column = (int) width;
      g_assert_cmpint (width, ==, days_column);
    }
  g_assert_cmpint (days_column, >, 0);
}

static void
test_status_bad_date (void)
{
  static const char * const dates[] = { "2025-02-29", "2025/09/25", "tomorrow" };
  g_autofree char *db = make_ledger ();

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *argv[] = { "--database", db, "--status", "--date", dates[i], "--json", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run (argv, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, dates[i]));
      g_assert_nonnull (strstr (err, "YYYY-MM-DD"));
    }
}

static void
test_rules_commands (void)
{
  g_autofree char *db = make_ledger ();
  g_autofree char *bad = bl_test_write_file ("bad-pack.ini",
                                             "[Pack]\n"
                                             "id=town\n"
                                             "name=Town\n"
                                             "[Rule volunteer-monthly]\n"
                                             "name=Volunteer day\n"
                                             "kind=volunteer\n"
                                             "period=fortnight\n"
                                             "minimum=1\n");
  g_autofree char *good = bl_test_write_file ("town.ini",
                                              "[Pack]\n"
                                              "id=town\n"
                                              "name=Town\n"
                                              "kinds=volunteer\n"
                                              "kind-volunteer=Volunteer service\n"
                                              "[Rule volunteer-monthly]\n"
                                              "name=Volunteer day\n"
                                              "kind=volunteer\n"
                                              "period=month\n"
                                              "minimum=1\n");
  g_autoptr(JsonNode) before = status_json (db, "2025-09-25");
  g_autofree char *before_text = json_to_string (before, FALSE);
  g_auto(GStrv) rules = NULL;

  /* A malformed pack: every problem as FILE:LINE, exit 1, nothing changed. */
  {
    const char *argv[] = { "--database", db, "--rules", bad, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *line6 = g_strdup_printf ("%s:6: ", bad);
    g_autofree char *line7 = g_strdup_printf ("%s:7: ", bad);
    g_autoptr(JsonNode) after = NULL;
    g_autofree char *after_text = NULL;

    g_assert_cmpint (run (argv, &out, &err), ==, 1);
    g_assert_true (g_str_has_prefix (err, line6));
    g_assert_nonnull (strstr (err, line7));
    after = status_json (db, "2025-09-25");
    after_text = json_to_string (after, FALSE);
    g_assert_cmpstr (after_text, ==, before_text);
  }

  /* Unknown ids. */
  {
    const char *enable[] = { "--database", db, "--rules", "no-such-pack", NULL };
    const char *disable[] = { "--database", db, "--disable-rules", "no-such-rule", NULL };
    g_autofree char *err = NULL;
    g_autofree char *err2 = NULL;

    g_assert_cmpint (run (enable, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "no-such-pack"));
    g_assert_cmpint (run (disable, NULL, &err2), ==, 1);
    g_assert_nonnull (strstr (err2, "no-such-rule"));
  }

  /* The park's pack by id. */
  {
    const char *argv[] = { "--database", db, "--rules", "park-2025-ideology", NULL };
    g_autoptr(JsonNode) after = NULL;

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
    after = status_json (db, "2025-09-25");
    rules = quota_rules (after);
    g_assert_cmpuint (g_strv_length (rules), ==, 16);
    g_assert_true (g_strv_contains ((const char * const *) rules, "report-upward-half"));
    g_clear_pointer (&rules, g_strfreev);
  }

  /* One rule off, then a whole pack off, then a pack file imported. */
  {
    const char *off_rule[] = { "--database", db, "--disable-rules", "heart-talk-yearly", NULL };
    const char *off_pack[] = { "--database", db, "--disable-rules", "park-2025-ideology", NULL };
    const char *import[] = { "--database", db, "--rules", good, NULL };
    const char *on_rule[] = { "--database", db, "--rules", "heart-talk-yearly", NULL };
    g_autoptr(JsonNode) a = NULL;
    g_autoptr(JsonNode) b = NULL;
    g_autoptr(JsonNode) c = NULL;
    g_autoptr(JsonNode) d = NULL;

    g_assert_cmpint (run (off_rule, NULL, NULL), ==, 0);
    a = status_json (db, "2025-09-25");
    rules = quota_rules (a);
    g_assert_cmpuint (g_strv_length (rules), ==, 15);
    g_assert_false (g_strv_contains ((const char * const *) rules, "heart-talk-yearly"));
    g_clear_pointer (&rules, g_strfreev);

    g_assert_cmpint (run (off_pack, NULL, NULL), ==, 0);
    b = status_json (db, "2025-09-25");
    rules = quota_rules (b);
    g_assert_cmpuint (g_strv_length (rules), ==, 9);
    g_clear_pointer (&rules, g_strfreev);

    g_assert_cmpint (run (import, NULL, NULL), ==, 0);
    c = status_json (db, "2025-09-25");
    rules = quota_rules (c);
    g_assert_cmpuint (g_strv_length (rules), ==, 10);
    g_assert_true (g_strv_contains ((const char * const *) rules, "volunteer-monthly"));
    g_clear_pointer (&rules, g_strfreev);

    g_assert_cmpint (run (on_rule, NULL, NULL), ==, 0);
    d = status_json (db, "2025-09-25");
    rules = quota_rules (d);
    g_assert_cmpuint (g_strv_length (rules), ==, 11);
  }
}

/* The table in Chinese: the strings are translated and the packs' Chinese names show. */
static void
test_status_chinese (void)
{
  g_autofree char *db = make_ledger ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  const char *argv[] = { bl_test_program (), "--database", db, "--status", "--date", "2025-09-25", NULL };

  /* The zh_CN locale itself: glibc 2.41 (Debian 13) ignores LANGUAGE
   * under C.UTF-8, as older glibc did under C. */
  locale_t zh = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);

  if (zh == (locale_t) 0)
    {
      g_test_fail_printf ("the zh_CN.UTF-8 locale is not installed (build-aux/dev generates it)");
      return;
    }
  freelocale (zh);
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (out, "支部委员会每月1次"));
  g_assert_nonnull (strstr (out, "2025年9月25日"));
  g_assert_nonnull (strstr (out, "即将到期"));
  g_assert_nonnull (strstr (out, "病假"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The program prints English unless told otherwise. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_add_func ("/status/json", test_status_json);
  g_test_add_func ("/status/plain", test_status_plain);
  g_test_add_func ("/status/bad-date", test_status_bad_date);
  g_test_add_func ("/status/rules-commands", test_rules_commands);
  g_test_add_func ("/status/chinese", test_status_chinese);

  return g_test_run ();
}
