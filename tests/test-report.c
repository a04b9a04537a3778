/* test-report.c: the monthly summary's model (which activities, rates, states,
 * month edges, transferred members) and the annual statistics */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "bl-report.h"
#include "bl-test-common.h"

typedef struct {
  gint64 member;
  BlAttendanceState state;
  const char *reason;
} Mark;

static gint64
add_activity (BlStore          *store,
              const char       *kind,
              const char       *date,
              BlActivityStatus  status,
              const char       *topic,
              const Mark       *marks,
              guint             n_marks)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, kind);
  bl_activity_set_date (activity, date);
  bl_activity_set_status (activity, status);
  bl_activity_set_topic (activity, topic);
  bl_activity_set_host (activity, "王书记");
  for (guint i = 0; i < n_marks; i++)
    {
      g_autoptr(BlMember) member = bl_store_find_member (store, marks[i].member);

      bl_attendance_add (attendance, marks[i].member, bl_member_get_name (member),
                         marks[i].state, marks[i].reason ? marks[i].reason : "");
    }
  bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error);
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

static const BlReportMember *
lookup_member (BlReport   *report,
               const char *name)
{
  for (guint i = 0; i < report->members->len; i++)
    {
      const BlReportMember *member = g_ptr_array_index (report->members, i);

      if (g_strcmp0 (member->name, name) == 0)
        return member;
    }
  return NULL;
}

/* The member, who must be there. */
static const BlReportMember *
find_member (BlReport   *report,
             const char *name)
{
  const BlReportMember *member = lookup_member (report, name);

  if (member == NULL)
    g_error ("%s is not in the report", name);
  return member;
}

static const BlReportQuota *
find_quota (BlReport   *report,
            const char *kind,
            BlPeriod    period)
{
  for (guint i = 0; i < report->quotas->len; i++)
    {
      const BlReportQuota *quota = g_ptr_array_index (report->quotas, i);

      if (g_strcmp0 (quota->status->kind, kind) == 0 && quota->status->period == period &&
          quota->status->group == NULL)
        return quota;
    }
  g_error ("no %s quota for %s", bl_period_to_id (period), kind);
}

static void
test_parse_month (void)
{
  static const char * const bad[] = { "2025-13", "2025-00", "2025-1", "25-11", "2025/11", "abcd-ef",
                                      "", "2025-11-01", "0999-01", " 2025-11" };
  g_autoptr(GError) error = NULL;
  int year = 0, month = 0;

  g_assert_true (bl_report_parse_month ("2025-11", &year, &month, &error));
  g_assert_no_error (error);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (month, ==, 11);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (bl_report_parse_month (bad[i], &year, &month, &error));
      g_assert_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_MONTH);
      g_assert_nonnull (strstr (error->message, "YYYY-MM"));
      g_clear_error (&error);
    }
  g_assert_false (bl_report_parse_month (NULL, NULL, NULL, &error));
  g_assert_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_MONTH);
}

static void
test_rates_and_cells (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = bl_test_add_member (store, "甲", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  gint64 b = bl_test_add_member (store, "乙", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 c = bl_test_add_member (store, "丙", "第二党小组", BL_MEMBER_ROLE_NONE);
  const Mark general[] = { { a, BL_ATTENDANCE_PRESENT, NULL }, { b, BL_ATTENDANCE_LEAVE, "病假" },
                           { c, BL_ATTENDANCE_ABSENT, NULL } };
  const Mark theme[] = { { a, BL_ATTENDANCE_PRESENT, NULL }, { b, BL_ATTENDANCE_PRESENT, NULL },
                         { c, BL_ATTENDANCE_PRESENT, NULL } };
  const Mark committee[] = { { a, BL_ATTENDANCE_PRESENT, NULL } };
  const BlReportActivity *activity;
  const BlReportMember *member;

  /* Entered out of order: the report sorts by date. */
  add_activity (store, BL_KIND_THEME_DAY, "2025-11-20", BL_ACTIVITY_STATUS_HELD, "参观红色教育基地", theme, 3);
  add_activity (store, BL_KIND_GENERAL_MEETING, "2025-11-05", BL_ACTIVITY_STATUS_HELD, "学习四中全会精神", general, 3);
  add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-11-12", BL_ACTIVITY_STATUS_HELD, "研究发展党员", committee, 1);
  add_activity (store, BL_KIND_PARTY_LECTURE, "2025-11-28", BL_ACTIVITY_STATUS_PLANNED, "书记讲党课", NULL, 0);

  report = bl_report_build (store, "2025-11", "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->month, ==, "2025-11");
  g_assert_cmpstr (report->first_day, ==, "2025-11-01");
  g_assert_cmpstr (report->last_day, ==, "2025-11-30");

  g_assert_cmpuint (report->activities->len, ==, 4);
  g_assert_cmpuint (report->n_columns, ==, 3);

  activity = g_ptr_array_index (report->activities, 0);
  g_assert_cmpstr (activity->date, ==, "2025-11-05");
  g_assert_cmpstr (activity->topic, ==, "学习四中全会精神");
  g_assert_cmpstr (activity->leader, ==, "王书记");
  g_assert_cmpuint (activity->expected, ==, 3);
  g_assert_cmpuint (activity->present, ==, 1);
  g_assert_cmpfloat_with_epsilon (activity->rate, 1.0 / 3.0, 1e-9);
  g_assert_cmpint (activity->column, ==, 0);

  activity = g_ptr_array_index (report->activities, 1);
  g_assert_cmpstr (activity->kind, ==, BL_KIND_COMMITTEE_MEETING);
  g_assert_cmpfloat_with_epsilon (activity->rate, 1.0, 1e-9);

  activity = g_ptr_array_index (report->activities, 3);
  g_assert_cmpint (activity->status, ==, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpint (activity->column, ==, -1);
  g_assert_cmpfloat (activity->rate, <, 0);
  g_assert_cmpuint (activity->present, ==, 0);
  /* A planned meeting shows who is expected: all three for a lecture. */
  g_assert_cmpuint (activity->expected, ==, 3);
  g_assert_true (bl_report_get_column (report, 2) == g_ptr_array_index (report->activities, 2));

  g_assert_cmpuint (report->members->len, ==, 3);
  member = find_member (report, "甲");
  g_assert_nonnull (member);
  g_assert_cmpuint (member->expected, ==, 3);
  g_assert_cmpuint (member->present, ==, 3);
  g_assert_cmpfloat_with_epsilon (member->rate, 1.0, 1e-9);

  member = find_member (report, "乙");
  g_assert_nonnull (member);
  g_assert_cmpint (member->cells[0].state, ==, BL_REPORT_CELL_LEAVE);
  g_assert_cmpstr (member->cells[0].reason, ==, "病假");
  g_assert_cmpint (member->cells[1].state, ==, BL_REPORT_CELL_NOT_EXPECTED);
  g_assert_cmpint (member->cells[2].state, ==, BL_REPORT_CELL_PRESENT);
  g_assert_cmpuint (member->expected, ==, 2);
  g_assert_cmpuint (member->leave, ==, 1);
  g_assert_cmpfloat_with_epsilon (member->rate, 0.5, 1e-9);

  member = find_member (report, "丙");
  g_assert_nonnull (member);
  g_assert_cmpint (member->cells[0].state, ==, BL_REPORT_CELL_ABSENT);
  g_assert_null (member->cells[0].reason);
  g_assert_cmpuint (member->absent, ==, 1);
  g_assert_false (member->transferred);

  {
    g_autofree char *third = bl_report_format_rate (1.0 / 3.0);
    g_autofree char *none = bl_report_format_rate (-1);

    g_assert_cmpstr (third, ==, "33%");
    g_assert_cmpstr (none, ==, "—");
  }
}

static void
test_month_edges (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlReport) report = NULL;
  g_autoptr(BlReport) leap = NULL;
  g_autoptr(BlReport) empty = NULL;
  g_autoptr(GError) error = NULL;

  bl_test_add_member (store, "甲", "", BL_MEMBER_ROLE_NONE);
  add_activity (store, BL_KIND_THEME_DAY, "2025-10-31", BL_ACTIVITY_STATUS_HELD, "十月末", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2025-11-01", BL_ACTIVITY_STATUS_HELD, "十一月初", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2025-11-30", BL_ACTIVITY_STATUS_HELD, "十一月末", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2025-12-01", BL_ACTIVITY_STATUS_HELD, "十二月初", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2024-02-29", BL_ACTIVITY_STATUS_HELD, "闰日", NULL, 0);

  report = bl_report_build (store, "2025-11", "2025-12-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->activities->len, ==, 2);
  g_assert_cmpstr (((BlReportActivity *) g_ptr_array_index (report->activities, 0))->topic, ==, "十一月初");
  g_assert_cmpstr (((BlReportActivity *) g_ptr_array_index (report->activities, 1))->topic, ==, "十一月末");
  /* Nobody was expected: no rate rather than a division by zero. */
  g_assert_cmpfloat (((BlReportActivity *) g_ptr_array_index (report->activities, 0))->rate, <, 0);
  g_assert_cmpfloat (((BlReportMember *) g_ptr_array_index (report->members, 0))->rate, <, 0);

  leap = bl_report_build (store, "2024-02", "2025-12-15", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (leap->last_day, ==, "2024-02-29");
  g_assert_cmpuint (leap->activities->len, ==, 1);

  /* A month with nothing in it is still a report. */
  empty = bl_report_build (store, "2025-06", "2025-12-15", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->activities->len, ==, 0);
  g_assert_cmpuint (empty->n_columns, ==, 0);
  g_assert_cmpuint (empty->members->len, ==, 1);
}

static void
test_evaluation_day (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  struct { const char *month, *today, *expected; } cases[] = {
    { "2025-11", "2026-01-10", "2025-11-30" },  /* over: its last day */
    { "2025-11", "2025-11-18", "2025-11-18" },  /* current: today */
    { "2025-11", "2025-10-02", "2025-11-01" },  /* ahead: its first day */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlReport) report = bl_report_build (store, cases[i].month, cases[i].today, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (report->evaluated_on, ==, cases[i].expected);
    }

  g_assert_null (bl_report_build (store, "2025-13", NULL, &error));
  g_assert_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_MONTH);
}

static void
test_quota_states (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlReport) past = NULL;
  g_autoptr(BlReport) current = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = bl_test_add_member (store, "甲", "", BL_MEMBER_ROLE_SECRETARY);
  const Mark marks[] = { { a, BL_ATTENDANCE_PRESENT, NULL } };
  const BlReportQuota *quota;

  add_activity (store, BL_KIND_GENERAL_MEETING, "2025-11-05", BL_ACTIVITY_STATUS_HELD, "大会", marks, 1);
  add_activity (store, BL_KIND_THEME_DAY, "2025-11-20", BL_ACTIVITY_STATUS_HELD, "主题党日", marks, 1);
  /* Planned meetings count for nothing. */
  add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-11-25", BL_ACTIVITY_STATUS_PLANNED, "支委会", NULL, 0);

  past = bl_report_build (store, "2025-11", "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->quotas->len, >, 0);

  quota = find_quota (past, BL_KIND_THEME_DAY, BL_PERIOD_MONTH);
  g_assert_nonnull (quota);
  g_assert_cmpint (quota->state, ==, BL_REPORT_QUOTA_MET);
  g_assert_cmpstr (quota->status->start, ==, "2025-11-01");

  quota = find_quota (past, BL_KIND_GENERAL_MEETING, BL_PERIOD_QUARTER);
  g_assert_nonnull (quota);
  g_assert_cmpint (quota->state, ==, BL_REPORT_QUOTA_MET);
  g_assert_cmpstr (quota->status->start, ==, "2025-10-01");

  /* The month is over and no committee meeting was held: missed. */
  quota = find_quota (past, BL_KIND_COMMITTEE_MEETING, BL_PERIOD_MONTH);
  g_assert_nonnull (quota);
  g_assert_cmpuint (quota->status->done, ==, 0);
  g_assert_cmpint (quota->state, ==, BL_REPORT_QUOTA_MISSED);

  /* Every quota listed covers the month; the month's rules come first. */
  for (guint i = 0; i < past->quotas->len; i++)
    {
      const BlReportQuota *q = g_ptr_array_index (past->quotas, i);

      g_assert_cmpstr (q->status->start, <=, "2025-11-30");
      g_assert_cmpstr (q->status->end, >=, "2025-11-01");
      if (i > 0)
        g_assert_cmpint (((BlReportQuota *) g_ptr_array_index (past->quotas, i - 1))->status->period, <=,
                         q->status->period);
    }

  /* While the month runs the same quota is not missed yet. */
  current = bl_report_build (store, "2025-11", "2025-11-27", &error);
  g_assert_no_error (error);
  quota = find_quota (current, BL_KIND_COMMITTEE_MEETING, BL_PERIOD_MONTH);
  g_assert_nonnull (quota);
  g_assert_cmpint (quota->state, !=, BL_REPORT_QUOTA_MISSED);
  g_assert_cmpint (quota->state, !=, BL_REPORT_QUOTA_MET);
}

static void
test_transferred_members (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlReport) report = NULL;
  g_autoptr(BlReport) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = bl_test_add_member (store, "甲", "", BL_MEMBER_ROLE_NONE);
  gint64 d = bl_test_add_member (store, "丁", "", BL_MEMBER_ROLE_NONE);
  gint64 e = bl_test_add_member (store, "戊", "", BL_MEMBER_ROLE_NONE);
  const Mark first[] = { { a, BL_ATTENDANCE_PRESENT, NULL }, { d, BL_ATTENDANCE_PRESENT, NULL } };
  const Mark second[] = { { a, BL_ATTENDANCE_ABSENT, NULL } };
  const BlReportMember *member;

  bl_store_transfer_member (store, e, "2025-09-01", &error);
  g_assert_no_error (error);
  add_activity (store, BL_KIND_GENERAL_MEETING, "2025-11-05", BL_ACTIVITY_STATUS_HELD, "第一次", first, 2);
  bl_store_transfer_member (store, d, "2025-11-15", &error);
  g_assert_no_error (error);
  add_activity (store, BL_KIND_THEME_DAY, "2025-11-20", BL_ACTIVITY_STATUS_HELD, "第二次", second, 1);

  report = bl_report_build (store, "2025-11", "2026-01-10", &error);
  g_assert_no_error (error);

  /* 丁 left mid-month: shown, but only where expected. 戊 left before: not shown. */
  g_assert_cmpuint (report->members->len, ==, 2);
  g_assert_null (lookup_member (report, "戊"));
  member = find_member (report, "丁");
  g_assert_nonnull (member);
  g_assert_true (member->transferred);
  g_assert_cmpint (member->cells[0].state, ==, BL_REPORT_CELL_PRESENT);
  g_assert_cmpint (member->cells[1].state, ==, BL_REPORT_CELL_NOT_EXPECTED);
  g_assert_cmpuint (member->expected, ==, 1);
  g_assert_cmpfloat_with_epsilon (member->rate, 1.0, 1e-9);

  member = find_member (report, "甲");
  g_assert_false (member->transferred);
  g_assert_cmpfloat_with_epsilon (member->rate, 0.5, 1e-9);

  /* A month before anyone left: 丁 and 戊 are ordinary members there. */
  before = bl_report_build (store, "2025-08", "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->members->len, ==, 3);
  g_assert_false (find_member (before, "戊")->transferred);
}

static void
test_year_stats (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlYearStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "stats.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  g_assert_true (bl_store_add_kind (store, "risk-review", "风险研判", &error));
  g_assert_no_error (error);
  add_activity (store, BL_KIND_THEME_DAY, "2025-01-10", BL_ACTIVITY_STATUS_HELD, "一月", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2025-01-20", BL_ACTIVITY_STATUS_HELD, "一月二", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2025-03-20", BL_ACTIVITY_STATUS_PLANNED, "计划", NULL, 0);
  add_activity (store, "risk-review", "2025-12-31", BL_ACTIVITY_STATUS_HELD, "研判", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2024-12-31", BL_ACTIVITY_STATUS_HELD, "去年", NULL, 0);
  add_activity (store, BL_KIND_THEME_DAY, "2026-01-01", BL_ACTIVITY_STATUS_HELD, "明年", NULL, 0);

  stats = bl_year_stats_build (store, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_year_stats_get (stats, 1, BL_KIND_THEME_DAY), ==, 2);
  g_assert_cmpuint (bl_year_stats_get (stats, 3, BL_KIND_THEME_DAY), ==, 0);
  g_assert_cmpuint (bl_year_stats_get (stats, 12, "risk-review"), ==, 1);
  g_assert_cmpuint (stats->month_totals[0], ==, 2);
  g_assert_cmpuint (stats->total, ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) stats->kinds, BL_KIND_GENERAL_MEETING));
  g_assert_true (g_strv_contains ((const char * const *) stats->kind_names, "风险研判"));

  csv = bl_year_stats_to_csv (stats);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  lines = g_strsplit (csv, "\r\n", -1);
  /* header, twelve months, total, and the empty rest after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 15);
  g_assert_cmpstr (lines[14], ==, "");
  g_assert_true (g_str_has_suffix (lines[13], ",3"));
  g_assert_true (g_str_has_suffix (lines[1], ",2"));
  g_assert_nonnull (strstr (lines[0], "风险研判"));

  g_assert_true (bl_year_stats_write_csv (stats, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, csv, strlen (csv));
  /* Issue 15, item 21: 0600 whatever the umask. */
  {
    GStatBuf info;
    mode_t mask = umask (0);

    g_assert_true (bl_year_stats_write_csv (stats, file, &error));
    umask (mask);
    g_assert_cmpint (g_stat (path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }

  g_assert_null (bl_year_stats_build (store, 12, &error));
  g_assert_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_YEAR);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/parse-month", test_parse_month);
  g_test_add_func ("/report/rates-and-cells", test_rates_and_cells);
  g_test_add_func ("/report/month-edges", test_month_edges);
  g_test_add_func ("/report/evaluation-day", test_evaluation_day);
  g_test_add_func ("/report/quota-states", test_quota_states);
  g_test_add_func ("/report/transferred-members", test_transferred_members);
  g_test_add_func ("/report/year-stats", test_year_stats);

  return g_test_run ();
}
