/* test-quorum.c: a meeting held without its quorum counts toward no quota,
 * and the quota evaluation, the monthly summary (data and print) and
 * --status --json say so */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "bl-quorum.h"
#include "bl-quota.h"
#include "bl-report.h"
#include "bl-test-common.h"

typedef struct {
  char    *path;
  BlStore *store;
  gint64   committee[3];   /* 书记, 组织委员, 宣传委员 */
  gint64   full[2];        /* two more full members */
  gint64   probationary[2];
} Branch;

static void
branch_free (Branch *branch)
{
  g_clear_object (&branch->store);
  g_free (branch->path);
  g_free (branch);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Branch, branch_free)

static gint64
add_member (BlStore          *store,
            const char       *name,
            BlMemberRole      role,
            BlMemberCategory  category)
{
  g_autoptr(BlMember) member = bl_member_new (name);
  g_autoptr(GError) error = NULL;

  bl_member_set_group (member, "第一党小组");
  bl_member_set_role (member, role);
  bl_member_set_category (member, category);
  g_assert_true (bl_store_save_member (store, member, &error));
  g_assert_no_error (error);
  return bl_member_get_id (member);
}

/* A meeting with the attendance @present_ids present, every other member
 * in @expected_ids absent. */
static void
add_meeting (Branch       *branch,
             const char   *kind,
             const char   *date,
             const char   *topic,
             const gint64 *expected_ids,
             guint         n_expected,
             const gint64 *present_ids,
             guint         n_present)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, kind);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  for (guint i = 0; i < n_expected; i++)
    {
      gboolean present = FALSE;

      for (guint j = 0; j < n_present; j++)
        present |= present_ids[j] == expected_ids[i];
      bl_attendance_add (attendance, expected_ids[i], NULL,
                         present ? BL_ATTENDANCE_PRESENT : BL_ATTENDANCE_ABSENT, "");
    }
  g_assert_true (bl_store_save_activity (branch->store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
}

/* A committee of three, two more full members, two probationary ones. In
 * March 2025: a committee meeting with one of three present (no quorum),
 * a general meeting with two of five full members present and both
 * probationary ones (no quorum: they have no vote). In April: a committee
 * meeting with two of three (valid), a general meeting with three of five
 * full members (valid). */
static Branch *
branch_new (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autoptr(GError) error = NULL;
  Branch *b = g_new0 (Branch, 1);

  b->path = g_build_filename (dir, "ledger.db", NULL);
  b->store = bl_store_open (b->path, &error);
  g_assert_no_error (error);
  b->committee[0] = add_member (b->store, "王书记", BL_MEMBER_ROLE_SECRETARY, BL_MEMBER_CATEGORY_FULL);
  b->committee[1] = add_member (b->store, "李组织", BL_MEMBER_ROLE_ORGANIZATION, BL_MEMBER_CATEGORY_FULL);
  b->committee[2] = add_member (b->store, "赵宣传", BL_MEMBER_ROLE_PROPAGANDA, BL_MEMBER_CATEGORY_FULL);
  b->full[0] = add_member (b->store, "钱党员", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_FULL);
  b->full[1] = add_member (b->store, "孙党员", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_FULL);
  b->probationary[0] = add_member (b->store, "周预备", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_PROBATIONARY);
  b->probationary[1] = add_member (b->store, "吴预备", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_PROBATIONARY);

  {
    gint64 everyone[] = { b->committee[0], b->committee[1], b->committee[2], b->full[0], b->full[1],
                          b->probationary[0], b->probationary[1] };
    gint64 march_general[] = { b->committee[0], b->full[0], b->probationary[0], b->probationary[1] };
    gint64 april_general[] = { b->committee[0], b->committee[1], b->full[0] };

    add_meeting (b, BL_KIND_COMMITTEE_MEETING, "2025-03-05", "三月支委会", b->committee, 3, b->committee, 1);
    add_meeting (b, BL_KIND_GENERAL_MEETING, "2025-03-20", "一季度党员大会", everyone, 7, march_general, 4);
    add_meeting (b, BL_KIND_COMMITTEE_MEETING, "2025-04-03", "四月支委会", b->committee, 3, b->committee, 2);
    add_meeting (b, BL_KIND_GENERAL_MEETING, "2025-04-21", "二季度党员大会", everyone, 7, april_general, 3);
  }
  return b;
}

static const BlQuotaStatus *
find_quota (GPtrArray  *statuses,
            const char *rule_id)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      const BlQuotaStatus *status = g_ptr_array_index (statuses, i);

      if (g_str_equal (status->rule_id, rule_id))
        return status;
    }
  g_error ("no status for %s", rule_id);
}

static void
test_judge (void)
{
  /* Committee: more than half of those expected (the committee). */
  g_assert_cmpint (bl_quorum_judge (BL_KIND_COMMITTEE_MEETING, 3, 1, 3, 1), ==, BL_QUORUM_LACKING);
  g_assert_cmpint (bl_quorum_judge (BL_KIND_COMMITTEE_MEETING, 3, 2, 3, 2), ==, BL_QUORUM_MET);
  g_assert_cmpint (bl_quorum_judge (BL_KIND_COMMITTEE_MEETING, 4, 2, 4, 2), ==, BL_QUORUM_LACKING);
  /* General meeting: more than half of the full members; probationary
   * members present do not help. */
  g_assert_cmpint (bl_quorum_judge (BL_KIND_GENERAL_MEETING, 7, 4, 5, 2), ==, BL_QUORUM_LACKING);
  g_assert_cmpint (bl_quorum_judge (BL_KIND_GENERAL_MEETING, 7, 3, 5, 3), ==, BL_QUORUM_MET);
  /* No attendance on record, or a kind without a quorum. */
  g_assert_cmpint (bl_quorum_judge (BL_KIND_GENERAL_MEETING, 0, 0, 0, 0), ==, BL_QUORUM_NOT_NEEDED);
  g_assert_cmpint (bl_quorum_judge (BL_KIND_THEME_DAY, 7, 1, 5, 1), ==, BL_QUORUM_NOT_NEEDED);
  g_assert_true (bl_quorum_counts (BL_KIND_GENERAL_MEETING, BL_MEMBER_CATEGORY_FULL));
  g_assert_false (bl_quorum_counts (BL_KIND_GENERAL_MEETING, BL_MEMBER_CATEGORY_PROBATIONARY));
  g_assert_true (bl_quorum_counts (BL_KIND_COMMITTEE_MEETING, BL_MEMBER_CATEGORY_PROBATIONARY));
  g_assert_cmpstr (bl_quorum_lacking_message (BL_KIND_THEME_DAY), ==, "");
  g_assert_nonnull (strstr (bl_quorum_lacking_message (BL_KIND_COMMITTEE_MEETING), "no quota"));
}

/* March's committee meeting and Q1's general meeting were held without a
 * quorum: neither quota is met, and each says why. */
static void
test_quota (void)
{
  g_autoptr(Branch) b = branch_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlQuotaReport) march = bl_quota_evaluate (b->store, "2025-03-31", &error);
  g_autoptr(BlQuotaReport) april = NULL;
  const BlQuotaStatus *status;
  guint count = 0;

  g_assert_no_error (error);
  status = find_quota (march->quotas, "committee-meeting-monthly");
  g_assert_nonnull (status);
  g_assert_cmpuint (status->done, ==, 0);
  g_assert_cmpuint (status->invalid, ==, 1);
  g_assert_cmpint (status->state, !=, BL_QUOTA_MET);
  status = find_quota (march->quotas, "general-meeting-quarterly");
  g_assert_nonnull (status);
  g_assert_cmpuint (status->done, ==, 0);
  g_assert_cmpuint (status->invalid, ==, 1);

  april = bl_quota_evaluate (b->store, "2025-04-30", &error);
  g_assert_no_error (error);
  status = find_quota (april->quotas, "committee-meeting-monthly");
  g_assert_cmpuint (status->done, ==, 1);
  g_assert_cmpuint (status->invalid, ==, 0);
  g_assert_cmpint (status->state, ==, BL_QUOTA_MET);
  status = find_quota (april->quotas, "general-meeting-quarterly");
  g_assert_cmpuint (status->done, ==, 1);
  /* March's committee quota and the first quarter's general meeting are
   * missed, and the missed periods say why too. */
  for (guint i = 0; i < april->missed->len; i++)
    {
      const BlQuotaStatus *missed = april->missed->pdata[i];
      gboolean lacking = (g_str_equal (missed->rule_id, "committee-meeting-monthly") &&
                          g_str_equal (missed->start, "2025-03-01")) ||
                         (g_str_equal (missed->rule_id, "general-meeting-quarterly") &&
                          g_str_equal (missed->start, "2025-01-01"));

      g_assert_cmpuint (missed->done, ==, 0);
      g_assert_cmpuint (missed->invalid, ==, lacking ? 1 : 0);
      count += lacking;
    }
  g_assert_cmpuint (count, ==, 2);
}

static void
test_report (void)
{
  g_autoptr(Branch) b = branch_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlReport) march = bl_report_build (b->store, "2025-03", "2025-05-01", &error);
  g_autoptr(BlReport) april = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (march->activities->len, ==, 2);
  for (guint i = 0; i < march->activities->len; i++)
    g_assert_true (((BlReportActivity *) march->activities->pdata[i])->lacks_quorum);
  april = bl_report_build (b->store, "2025-04", "2025-05-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < april->activities->len; i++)
    g_assert_false (((BlReportActivity *) april->activities->pdata[i])->lacks_quorum);
}

static int
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  int status = -1;

  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_status_json (void)
{
  g_autoptr(Branch) b = branch_new ();
  const char *argv[] = { bl_test_program (), "--database", b->path, "--status", "--date", "2025-03-31", "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *quotas;
  gboolean seen = FALSE;

  g_clear_object (&b->store);
  g_assert_cmpint (run (argv, &out), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  quotas = json_object_get_array_member (json_node_get_object (root), "quotas");
  for (guint i = 0; i < json_array_get_length (quotas); i++)
    {
      JsonObject *quota = json_array_get_object_element (quotas, i);

      if (!g_str_equal (json_object_get_string_member (quota, "rule"), "committee-meeting-monthly"))
        continue;
      g_assert_cmpint (json_object_get_int_member (quota, "done"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (quota, "invalid"), ==, 1);
      seen = TRUE;
    }
  g_assert_true (seen);
}

/* The printed summary's activity table marks both of March's meetings. */
static void
test_printed (void)
{
  g_autoptr(Branch) b = branch_new ();
  g_autofree char *pdf = g_strconcat (b->path, ".pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *report[] = { bl_test_program (), "--database", b->path, "--report", "2025-03", "--output", pdf, NULL };
  const char *read[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) compact = g_string_new (NULL);
  const char *p;
  guint count = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_clear_object (&b->store);
  g_assert_cmpint (run (report, &out), ==, 0);
  g_assert_cmpint (run (read, &text), ==, 0);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (compact, g_utf8_get_char (p));
  for (p = compact->str; (p = strstr (p, "未达到法定人数")) != NULL; p++)
    count++;
  if (count != 2)
    g_error ("“未达到法定人数” %u times in:\n%s", count, compact->str);
  g_assert_nonnull (strstr (compact->str, "三月支委会（未达到法定人数）"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quorum/judge", test_judge);
  g_test_add_func ("/quorum/quota", test_quota);
  g_test_add_func ("/quorum/report", test_report);
  g_test_add_func ("/quorum/status-json", test_status_json);
  g_test_add_func ("/quorum/printed", test_printed);
  return g_test_run ();
}
