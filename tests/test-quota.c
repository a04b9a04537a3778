/* test-quota.c: periods, every rule condition, missed periods and the six-month absence check */
#include "config.h"

#include <string.h>

#include "bl-activity.h"
#include "bl-date.h"
#include "bl-quota.h"
#include "bl-rules.h"
#include "bl-store.h"
#include "bl-test-common.h"

/* Periods */

static void
test_period_bounds (void)
{
  static const struct {
    BlPeriod    period;
    const char *date;
    const char *start;
    const char *end;
  } cases[] = {
    /* Month ends, 29 February, the first and last day of the year. */
    { BL_PERIOD_MONTH, "2025-01-01", "2025-01-01", "2025-01-31" },
    { BL_PERIOD_MONTH, "2025-01-31", "2025-01-01", "2025-01-31" },
    { BL_PERIOD_MONTH, "2025-02-01", "2025-02-01", "2025-02-28" },
    { BL_PERIOD_MONTH, "2025-02-28", "2025-02-01", "2025-02-28" },
    { BL_PERIOD_MONTH, "2024-02-28", "2024-02-01", "2024-02-29" },
    { BL_PERIOD_MONTH, "2024-02-29", "2024-02-01", "2024-02-29" },
    { BL_PERIOD_MONTH, "2100-02-15", "2100-02-01", "2100-02-28" },  /* not a leap year */
    { BL_PERIOD_MONTH, "2000-02-15", "2000-02-01", "2000-02-29" },  /* a leap year */
    { BL_PERIOD_MONTH, "2025-04-30", "2025-04-01", "2025-04-30" },
    { BL_PERIOD_MONTH, "2025-12-31", "2025-12-01", "2025-12-31" },
    /* Quarter edges. */
    { BL_PERIOD_QUARTER, "2025-01-01", "2025-01-01", "2025-03-31" },
    { BL_PERIOD_QUARTER, "2025-03-31", "2025-01-01", "2025-03-31" },
    { BL_PERIOD_QUARTER, "2025-04-01", "2025-04-01", "2025-06-30" },
    { BL_PERIOD_QUARTER, "2025-06-30", "2025-04-01", "2025-06-30" },
    { BL_PERIOD_QUARTER, "2025-07-01", "2025-07-01", "2025-09-30" },
    { BL_PERIOD_QUARTER, "2025-09-30", "2025-07-01", "2025-09-30" },
    { BL_PERIOD_QUARTER, "2025-10-01", "2025-10-01", "2025-12-31" },
    { BL_PERIOD_QUARTER, "2024-02-29", "2024-01-01", "2024-03-31" },
    /* Half-year edges. */
    { BL_PERIOD_HALF_YEAR, "2025-01-01", "2025-01-01", "2025-06-30" },
    { BL_PERIOD_HALF_YEAR, "2025-06-30", "2025-01-01", "2025-06-30" },
    { BL_PERIOD_HALF_YEAR, "2025-07-01", "2025-07-01", "2025-12-31" },
    { BL_PERIOD_HALF_YEAR, "2025-12-31", "2025-07-01", "2025-12-31" },
    /* Years. */
    { BL_PERIOD_YEAR, "2025-01-01", "2025-01-01", "2025-12-31" },
    { BL_PERIOD_YEAR, "2024-02-29", "2024-01-01", "2024-12-31" },
    { BL_PERIOD_YEAR, "2025-12-31", "2025-01-01", "2025-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_assert_true (bl_period_bounds_iso (cases[i].period, cases[i].date, &start, &end));
      if (g_strcmp0 (start, cases[i].start) != 0 || g_strcmp0 (end, cases[i].end) != 0)
        g_error ("%s of %s: expected %s–%s, got %s–%s", bl_period_to_id (cases[i].period),
                 cases[i].date, cases[i].start, cases[i].end, start, end);
    }

  {
    char *start = NULL, *end = NULL;

    g_assert_false (bl_period_bounds_iso (BL_PERIOD_MONTH, "2025-02-30", &start, &end));
    g_assert_false (bl_period_bounds_iso (BL_PERIOD_MONTH, "20250201", &start, &end));
    g_assert_null (start);
    g_assert_null (end);
  }
}

static void
test_period_ids (void)
{
  static const BlPeriod periods[] = { BL_PERIOD_MONTH, BL_PERIOD_QUARTER, BL_PERIOD_HALF_YEAR, BL_PERIOD_YEAR };
  static const guint counts[] = { 12, 4, 2, 1 };
  /* The index of the period holding each month, per kind of period. */
  static const guint index_of_month[][12] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
    { 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3 },
    { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 },
    { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      BlPeriod parsed;

      g_assert_true (bl_period_parse (bl_period_to_id (periods[i]), &parsed));
      g_assert_cmpint (parsed, ==, periods[i]);
      g_assert_cmpuint (bl_period_count_in_year (periods[i]), ==, counts[i]);
      for (guint m = 1; m <= 12; m++)
        g_assert_cmpuint (bl_period_index_of_month (periods[i], m), ==, index_of_month[i][m - 1]);
    }
  g_assert_cmpstr (bl_period_to_id (BL_PERIOD_HALF_YEAR), ==, "half-year");
  g_assert_false (bl_period_parse ("week", NULL));
  g_assert_false (bl_period_parse (NULL, NULL));
  g_assert_cmpstr (bl_quota_state_to_id (BL_QUOTA_DUE_SOON), ==, "due-soon");
}

static void
test_months_between (void)
{
  static const struct {
    const char *from;
    const char *to;
    guint       months;
  } cases[] = {
    /* 31 Jan + 1 month is the last day of February. */
    { "2025-01-31", "2025-02-27", 0 },
    { "2025-01-31", "2025-02-28", 1 },
    { "2024-01-31", "2024-02-28", 0 },
    { "2024-01-31", "2024-02-29", 1 },
    { "2025-01-31", "2025-03-30", 1 },
    { "2025-01-31", "2025-03-31", 2 },
    { "2025-01-31", "2025-06-29", 4 },
    { "2025-01-31", "2025-06-30", 5 },
    { "2024-08-31", "2025-02-28", 6 },
    { "2025-05-10", "2025-10-09", 4 },
    { "2025-05-10", "2025-10-10", 5 },
    { "2025-05-10", "2025-12-20", 7 },
    { "2024-12-15", "2025-01-15", 1 },
    { "2024-02-29", "2025-02-28", 12 },
    { "2024-02-29", "2024-03-28", 0 },
    { "2024-02-29", "2024-03-29", 1 },
    { "2025-03-01", "2025-03-01", 0 },
    { "2025-03-02", "2025-03-01", 0 },
    { "2005-06-01", "2025-06-01", 240 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;

      g_assert_true (bl_date_parse (cases[i].from, &from));
      g_assert_true (bl_date_parse (cases[i].to, &to));
      if (bl_months_between (&from, &to) != cases[i].months)
        g_error ("%s → %s: expected %u months, got %u", cases[i].from, cases[i].to,
                 cases[i].months, bl_months_between (&from, &to));
    }
}

/* Ledgers */

typedef struct {
  gint64            member;
  BlAttendanceState state;
  const char       *reason;
} Att;

static gint64
add_activity (BlStore          *store,
              const char       *kind,
              const char       *date,
              BlActivityStatus  status,
              const char       *group,
              const char       *lecturer,
              const char       *tag,
              const Att        *attendance,
              guint             n_attendance)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) listed = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = g_strdup_printf ("%s on %s", kind, date);

  bl_activity_set_kind (activity, kind);
  bl_activity_set_date (activity, date);
  bl_activity_set_status (activity, status);
  bl_activity_set_topic (activity, topic);
  if (group != NULL)
    bl_activity_set_group (activity, group);
  if (lecturer != NULL)
    bl_activity_set_lecturer (activity, lecturer);
  if (tag != NULL)
    bl_activity_set_tags (activity, (const char * const []) { tag, NULL });
  for (guint i = 0; i < n_attendance; i++)
    bl_attendance_add (listed, attendance[i].member, NULL, attendance[i].state,
                       attendance[i].reason != NULL ? attendance[i].reason : "");
  bl_store_save_activity (store, activity, G_LIST_MODEL (listed), &error);
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

#define HELD BL_ACTIVITY_STATUS_HELD
#define PLANNED BL_ACTIVITY_STATUS_PLANNED

static gint64
add_member (BlStore    *store,
            const char *name,
            const char *group,
            const char *joined)
{
  g_autoptr(BlMember) member = bl_member_new (name);
  g_autoptr(GError) error = NULL;

  if (group != NULL)
    bl_member_set_group (member, group);
  bl_member_set_joined (member, joined);
  g_assert_true (bl_store_save_member (store, member, &error));
  g_assert_no_error (error);
  return bl_member_get_id (member);
}

static BlQuotaReport *
evaluate (BlStore    *store,
          const char *date)
{
  g_autoptr(GError) error = NULL;
  BlQuotaReport *report = bl_quota_evaluate (store, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->date, ==, date);
  return report;
}

static const BlQuotaStatus *
find_quota (GPtrArray  *list,
            const char *rule,
            const char *group,
            const char *start)
{
  for (guint i = 0; i < list->len; i++)
    {
      const BlQuotaStatus *q = g_ptr_array_index (list, i);

      if (g_strcmp0 (q->rule_id, rule) == 0 && g_strcmp0 (q->group, group) == 0 &&
          (start == NULL || g_strcmp0 (q->start, start) == 0))
        return q;
    }
  return NULL;
}

static guint
count_rule (GPtrArray  *list,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((const BlQuotaStatus *) g_ptr_array_index (list, i))->rule_id, rule) == 0)
      n++;
  return n;
}

/* The missed periods of one rule, as "start..end" joined by spaces. */
static char *
missed_of (BlQuotaReport *report,
           const char    *rule,
           const char    *group)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < report->missed->len; i++)
    {
      const BlQuotaStatus *q = g_ptr_array_index (report->missed, i);

      if (g_strcmp0 (q->rule_id, rule) != 0 || g_strcmp0 (q->group, group) != 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s..%s:%u/%u", q->start, q->end, q->done, q->required);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Due soon, then pending, then met; the nearest deadline first within each. */
static int
urgency_rank (BlQuotaState state)
{
  return state == BL_QUOTA_DUE_SOON ? 0 : state == BL_QUOTA_PENDING ? 1 : 2;
}

static void
assert_sorted_by_urgency (BlQuotaReport *report)
{
  for (guint i = 1; i < report->quotas->len; i++)
    {
      const BlQuotaStatus *a = g_ptr_array_index (report->quotas, i - 1);
      const BlQuotaStatus *b = g_ptr_array_index (report->quotas, i);

      g_assert_cmpint (urgency_rank (a->state), <=, urgency_rank (b->state));
      if (a->state == b->state)
        g_assert_cmpint (a->days_left, <=, b->days_left);
    }
}

/* On 1 December every period ends on 31 December: the yearly rules, within
 * their 30 days' lead, are due soon and come before the monthly ones, which
 * are pending with as many days left; the Overview lists them so. */
static void
test_due_soon_first (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const BlQuotaStatus *first, *last;
  guint due_soon = 0;

  g_assert_true (bl_store_set_start_date (store, "2025-01-01", &error));
  g_assert_no_error (error);
  report = evaluate (store, "2025-12-01");
  g_assert_cmpuint (report->quotas->len, >, 2);
  for (guint i = 0; i < report->quotas->len; i++)
    {
      const BlQuotaStatus *q = g_ptr_array_index (report->quotas, i);

      g_assert_cmpint (q->days_left, ==, 30);
      if (q->state == BL_QUOTA_DUE_SOON)
        due_soon++;
    }
  g_assert_cmpuint (due_soon, >, 0);
  g_assert_cmpuint (due_soon, <, report->quotas->len);
  first = g_ptr_array_index (report->quotas, 0);
  last = g_ptr_array_index (report->quotas, report->quotas->len - 1);
  g_assert_cmpint (first->state, ==, BL_QUOTA_DUE_SOON);
  g_assert_cmpint (last->state, ==, BL_QUOTA_PENDING);
  g_assert_nonnull (find_quota (report->quotas, "life-meeting-yearly", NULL, NULL));
  g_assert_cmpint (find_quota (report->quotas, "life-meeting-yearly", NULL, NULL)->state, ==, BL_QUOTA_DUE_SOON);
  g_assert_cmpint (find_quota (report->quotas, "committee-meeting-monthly", NULL, NULL)->state, ==, BL_QUOTA_PENDING);
  assert_sorted_by_urgency (report);
}

/* The standard rules over a year of committee meetings, general meetings and
 * theme days: states, deadlines, planned meetings, missed periods. */
static void
test_standard_states (void)
{
  static const struct {
    const char  *date;
    const char  *rule;
    const char  *start;
    const char  *end;
    guint        done;
    int          days_left;
    BlQuotaState state;
    const char  *missed;   /* of that rule this year */
  } cases[] = {
    /* 1 January: a new year, nothing missed yet. */
    { "2025-01-01", "committee-meeting-monthly", "2025-01-01", "2025-01-31", 0, 30, BL_QUOTA_PENDING, "" },
    { "2025-01-14", "committee-meeting-monthly", "2025-01-01", "2025-01-31", 0, 17, BL_QUOTA_PENDING, "" },
    { "2025-01-15", "committee-meeting-monthly", "2025-01-01", "2025-01-31", 1, 16, BL_QUOTA_MET, "" },
    /* The deadline day itself still belongs to the period. */
    { "2025-01-31", "committee-meeting-monthly", "2025-01-01", "2025-01-31", 1, 0, BL_QUOTA_MET, "" },
    { "2025-02-20", "committee-meeting-monthly", "2025-02-01", "2025-02-28", 0, 8, BL_QUOTA_PENDING, "" },
    /* Seven days before the end: due soon (lead 7). */
    { "2025-02-21", "committee-meeting-monthly", "2025-02-01", "2025-02-28", 0, 7, BL_QUOTA_DUE_SOON, "" },
    { "2025-02-28", "committee-meeting-monthly", "2025-02-01", "2025-02-28", 0, 0, BL_QUOTA_DUE_SOON, "" },
    /* February was missed; March's meeting on its last day counts. */
    { "2025-03-31", "committee-meeting-monthly", "2025-03-01", "2025-03-31", 1, 0, BL_QUOTA_MET,
      "2025-02-01..2025-02-28:0/1" },
    /* A planned meeting does not count. */
    { "2025-04-20", "committee-meeting-monthly", "2025-04-01", "2025-04-30", 0, 10, BL_QUOTA_PENDING,
      "2025-02-01..2025-02-28:0/1" },
    { "2025-06-30", "committee-meeting-monthly", "2025-06-01", "2025-06-30", 1, 0, BL_QUOTA_MET,
      "2025-02-01..2025-02-28:0/1 2025-04-01..2025-04-30:0/1 2025-05-01..2025-05-31:0/1" },
    /* Quarterly, lead 15. */
    { "2025-03-16", "general-meeting-quarterly", "2025-01-01", "2025-03-31", 0, 15, BL_QUOTA_DUE_SOON, "" },
    { "2025-03-15", "general-meeting-quarterly", "2025-01-01", "2025-03-31", 0, 16, BL_QUOTA_PENDING, "" },
    { "2025-04-01", "general-meeting-quarterly", "2025-04-01", "2025-06-30", 0, 90, BL_QUOTA_PENDING,
      "2025-01-01..2025-03-31:0/1" },
    { "2025-07-01", "general-meeting-quarterly", "2025-07-01", "2025-09-30", 0, 91, BL_QUOTA_PENDING,
      "2025-01-01..2025-03-31:0/1" },  /* the one on 30 June counted for Q2 */
    /* Years: lead 30, an earlier year's meeting does not count. */
    { "2025-12-01", "life-meeting-yearly", "2025-01-01", "2025-12-31", 0, 30, BL_QUOTA_DUE_SOON, "" },
    { "2025-11-30", "life-meeting-yearly", "2025-01-01", "2025-12-31", 0, 31, BL_QUOTA_PENDING, "" },
    { "2024-12-31", "life-meeting-yearly", "2024-01-01", "2024-12-31", 1, 0, BL_QUOTA_MET, "" },
    /* 29 February. */
    { "2024-02-29", "theme-day-monthly", "2024-02-01", "2024-02-29", 1, 0, BL_QUOTA_MET,
      "2024-01-01..2024-01-31:0/1" },
    { "2024-02-28", "theme-day-monthly", "2024-02-01", "2024-02-29", 0, 1, BL_QUOTA_DUE_SOON,
      "2024-01-01..2024-01-31:0/1" },
  };
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;

  /* The ledger's history starts with 2024 (its first record, on 29
   * February, would otherwise start it in February). */
  g_assert_true (bl_store_set_start_date (store, "2024-01-01", &error));
  g_assert_no_error (error);
  add_activity (store, "committee-meeting", "2025-01-15", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "committee-meeting", "2025-03-31", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "committee-meeting", "2025-04-10", PLANNED, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "committee-meeting", "2025-06-30", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "general-meeting", "2025-06-30", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "life-meeting", "2024-12-20", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "theme-day", "2024-02-29", HELD, NULL, NULL, NULL, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlQuotaReport) report = evaluate (store, cases[i].date);
      const BlQuotaStatus *q = find_quota (report->quotas, cases[i].rule, NULL, NULL);
      g_autofree char *missed = missed_of (report, cases[i].rule, NULL);

      g_test_message ("%s on %s", cases[i].rule, cases[i].date);
      g_assert_nonnull (q);
      g_assert_cmpstr (q->start, ==, cases[i].start);
      g_assert_cmpstr (q->end, ==, cases[i].end);
      g_assert_cmpuint (q->required, ==, 1);
      g_assert_cmpuint (q->done, ==, cases[i].done);
      g_assert_cmpint (q->days_left, ==, cases[i].days_left);
      g_assert_cmpstr (bl_quota_state_to_id (q->state), ==, bl_quota_state_to_id (cases[i].state));
      g_assert_cmpstr (missed, ==, cases[i].missed);
      /* One entry per rule (no groups, so none for the per-group rule). */
      g_assert_cmpuint (report->quotas->len, ==, 8);
      g_assert_cmpuint (count_rule (report->quotas, "group-meeting-monthly"), ==, 0);
      assert_sorted_by_urgency (report);
    }
}

/* Group meetings count for their own group; each group gets its quota. */
static void
test_per_group (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlQuotaReport) report = NULL;
  g_autofree char *missed = NULL;
  const BlQuotaStatus *q;

  g_assert_true (bl_store_ensure_group (store, "第一党小组", &error));
  g_assert_true (bl_store_ensure_group (store, "第二党小组", &error));
  g_assert_true (bl_store_ensure_group (store, "第三党小组", &error));
  g_assert_no_error (error);

  add_activity (store, "group-meeting", "2025-03-05", HELD, "第一党小组", NULL, NULL, NULL, 0);
  add_activity (store, "group-meeting", "2025-03-06", HELD, "第一党小组", NULL, NULL, NULL, 0);
  add_activity (store, "group-meeting", "2025-03-07", PLANNED, "第二党小组", NULL, NULL, NULL, 0);
  add_activity (store, "group-meeting", "2025-02-07", HELD, "第二党小组", NULL, NULL, NULL, 0);
  add_activity (store, "group-meeting", "2025-01-31", HELD, "第三党小组", NULL, NULL, NULL, 0);

  report = evaluate (store, "2025-03-25");
  g_assert_cmpuint (count_rule (report->quotas, "group-meeting-monthly"), ==, 3);
  q = find_quota (report->quotas, "group-meeting-monthly", "第一党小组", NULL);
  g_assert_nonnull (q);
  g_assert_cmpuint (q->done, ==, 2);
  g_assert_cmpint (q->state, ==, BL_QUOTA_MET);
  g_assert_cmpstr (q->kind, ==, "group-meeting");
  q = find_quota (report->quotas, "group-meeting-monthly", "第二党小组", NULL);
  g_assert_cmpuint (q->done, ==, 0);
  g_assert_cmpint (q->state, ==, BL_QUOTA_DUE_SOON);
  q = find_quota (report->quotas, "group-meeting-monthly", "第三党小组", NULL);
  g_assert_cmpuint (q->done, ==, 0);

  missed = missed_of (report, "group-meeting-monthly", "第一党小组");
  g_assert_cmpstr (missed, ==, "2025-01-01..2025-01-31:0/1 2025-02-01..2025-02-28:0/1");
  g_clear_pointer (&missed, g_free);
  missed = missed_of (report, "group-meeting-monthly", "第二党小组");
  g_assert_cmpstr (missed, ==, "2025-01-01..2025-01-31:0/1");
  g_clear_pointer (&missed, g_free);
  missed = missed_of (report, "group-meeting-monthly", "第三党小组");
  g_assert_cmpstr (missed, ==, "2025-02-01..2025-02-28:0/1");
  assert_sorted_by_urgency (report);
}

/* The secretary's lecture counts only when the lecturer was secretary on its
 * date: the secretary changes on 1 July. */
static void
test_secretary_lecture (void)
{
  static const struct {
    const char *date;
    guint       done;
    guint       quarter_done;
  } cases[] = {
    { "2025-03-31", 1, 3 },   /* 王 on 10 Mar (secretary then); 李 and a guest don't count */
    { "2025-06-30", 1, 0 },
    { "2025-08-31", 1, 1 },   /* 王 on 5 Aug: no longer secretary */
    { "2025-09-30", 2, 2 },   /* 李 on 20 Sep: secretary since July */
    { "2026-01-31", 0, 0 },   /* a new year */
  };
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 wang = add_member (store, "王建国", NULL, "2000-01-01");
  gint64 li = add_member (store, "李红", NULL, "2005-01-01");

  g_assert_true (bl_store_set_member_role (store, wang, BL_MEMBER_ROLE_SECRETARY, "2020-01-01", &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_set_member_role (store, li, BL_MEMBER_ROLE_SECRETARY, "2025-07-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2025-06-30"), ==, wang);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2025-07-01"), ==, li);

  add_activity (store, "party-lecture", "2025-02-10", HELD, NULL, "李红", NULL, NULL, 0);
  add_activity (store, "party-lecture", "2025-03-01", HELD, NULL, "张教授（市委党校）", NULL, NULL, 0);
  add_activity (store, "party-lecture", "2025-03-10", HELD, NULL, " 王建国 ", NULL, NULL, 0);
  add_activity (store, "party-lecture", "2025-08-05", HELD, NULL, "王建国", NULL, NULL, 0);
  add_activity (store, "party-lecture", "2025-09-20", HELD, NULL, "李红", NULL, NULL, 0);
  add_activity (store, "party-lecture", "2025-09-25", PLANNED, NULL, "李红", NULL, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlQuotaReport) report = evaluate (store, cases[i].date);
      const BlQuotaStatus *yearly = find_quota (report->quotas, "secretary-lecture-yearly", NULL, NULL);
      const BlQuotaStatus *quarterly = find_quota (report->quotas, "party-lecture-quarterly", NULL, NULL);

      g_test_message ("lectures on %s", cases[i].date);
      g_assert_nonnull (yearly);
      g_assert_cmpuint (yearly->done, ==, cases[i].done);
      g_assert_cmpstr (yearly->kind, ==, "party-lecture");
      g_assert_cmpuint (quarterly->done, ==, cases[i].quarter_done);
    }
}

/* The park's plan: tags, custom kinds, half-years. */
static void
test_park_pack (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlQuotaReport) report = NULL;
  g_autofree char *missed = NULL;
  const BlQuotaStatus *q;

  g_assert_true (bl_rules_set_pack_enabled (store, "park-2025-ideology", TRUE, &error));
  g_assert_no_error (error);

  for (guint m = 1; m <= 10; m++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-08", m);

      /* Three of them on ideology, one of those only planned. */
      add_activity (store, "study-session", date, m == 10 ? PLANNED : HELD, NULL, NULL,
                    m == 2 || m == 5 || m == 10 ? "意识形态" : "第一议题", NULL, 0);
    }
  add_activity (store, "study-session", "2024-12-08", HELD, NULL, NULL, "意识形态", NULL, 0);
  add_activity (store, "ideology-research", "2025-04-02", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "risk-assessment", "2025-04-02", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "risk-assessment", "2025-09-12", HELD, NULL, NULL, NULL, NULL, 0);
  add_activity (store, "report-upward", "2025-07-15", HELD, NULL, NULL, NULL, NULL, 0);

  report = evaluate (store, "2025-12-20");
  g_assert_cmpuint (report->quotas->len, ==, 14);  /* 8 standard (no groups) + 6 */

  q = find_quota (report->quotas, "study-sessions-yearly", NULL, NULL);
  g_assert_cmpuint (q->done, ==, 9);
  g_assert_cmpuint (q->required, ==, 12);
  g_assert_cmpint (q->state, ==, BL_QUOTA_DUE_SOON);
  g_assert_cmpint (q->days_left, ==, 11);
  q = find_quota (report->quotas, "ideology-study-yearly", NULL, NULL);
  g_assert_cmpuint (q->done, ==, 2);
  g_assert_cmpint (q->state, ==, BL_QUOTA_MET);
  q = find_quota (report->quotas, "ideology-research-yearly", NULL, NULL);
  g_assert_cmpuint (q->done, ==, 1);
  g_assert_cmpstr (q->kind, ==, "ideology-research");
  q = find_quota (report->quotas, "risk-assessment-yearly", NULL, NULL);
  g_assert_cmpuint (q->done, ==, 2);
  g_assert_cmpint (q->state, ==, BL_QUOTA_MET);
  q = find_quota (report->quotas, "inspection-yearly", NULL, NULL);
  g_assert_cmpuint (q->done, ==, 0);
  q = find_quota (report->quotas, "report-upward-half", NULL, NULL);
  g_assert_cmpstr (q->start, ==, "2025-07-01");
  g_assert_cmpstr (q->end, ==, "2025-12-31");
  g_assert_cmpuint (q->done, ==, 1);
  g_assert_cmpint (q->period, ==, BL_PERIOD_HALF_YEAR);
  missed = missed_of (report, "report-upward-half", NULL);
  g_assert_cmpstr (missed, ==, "2025-01-01..2025-06-30:0/1");
  assert_sorted_by_urgency (report);

  /* A disabled rule is not evaluated. */
  g_assert_true (bl_rules_set_rule_enabled (store, "inspection-yearly", FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, bl_quota_report_free);
  report = evaluate (store, "2025-12-20");
  g_assert_cmpuint (report->quotas->len, ==, 13);
  g_assert_null (find_quota (report->quotas, "inspection-yearly", NULL, NULL));
}

/* Both shipped packs evaluated together: every rule id appears once. */
static void
test_both_packs (void)
{
  static const char * const ids[] = {
    "general-meeting-quarterly", "committee-meeting-monthly", "group-meeting-monthly",
    "theme-day-monthly", "party-lecture-quarterly", "secretary-lecture-yearly",
    "life-meeting-yearly", "member-review-yearly", "heart-talk-yearly",
    "study-sessions-yearly", "ideology-study-yearly", "ideology-research-yearly",
    "risk-assessment-yearly", "inspection-yearly", "report-upward-half",
  };
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlQuotaReport) report = NULL;

  g_assert_true (bl_store_ensure_group (store, "第一党小组", &error));
  g_assert_true (bl_rules_set_pack_enabled (store, "park-2025-ideology", TRUE, &error));
  /* A ledger without records, kept since the start of 2025. */
  g_assert_true (bl_store_set_start_date (store, "2025-01-01", &error));
  g_assert_no_error (error);
  report = evaluate (store, "2025-01-01");
  g_assert_cmpuint (report->quotas->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpuint (count_rule (report->quotas, ids[i]), ==, 1);
  g_assert_cmpuint (report->missed->len, ==, 0);
  g_assert_cmpuint (report->absences->len, ==, 0);
}

static void
test_bad_date (void)
{
  static const char * const dates[] = { "2025-02-29", "2025-13-01", "25-01-01", "", "today" };
  g_autoptr(BlStore) store = bl_test_store_new ();

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlQuotaReport) report = bl_quota_evaluate (store, dates[i], &error);

      g_assert_null (report);
      g_assert_error (error, BL_QUOTA_ERROR, BL_QUOTA_ERROR_BAD_DATE);
    }
}

/* Six months without organisational life: reported from five. */
static void
test_absences (void)
{
  static const struct {
    const char *date;
    /* "name:last:months:reason|reason" joined by "; ": most months first, then
     * by name (code point order: the tests run in the C locale). */
    const char *expected;
  } cases[] = {
    /* Before the line for everyone. */
    { "2025-06-09", "" },
    /* 陈 never attended: counted from the ledger's first held activity (10 Jan). */
    { "2025-06-10", "陈晨:-:5:病假|Absent" },
    { "2025-06-29", "陈晨:-:5:病假|Absent" },
    /* 赵 and 周 last attended on 31 Jan: + 5 months = 30 June. */
    { "2025-06-30", "周强:2025-01-31:5:; 赵敏:2025-01-31:5:事假|公出|On leave; 陈晨:-:5:病假|Absent" },
    { "2025-07-10", "陈晨:-:6:病假|Absent; 周强:2025-01-31:5:; 赵敏:2025-01-31:5:事假|公出|On leave" },
    /* 孙 joined on 1 March and never came: counted from joining. */
    { "2025-08-01", "周强:2025-01-31:6:; 赵敏:2025-01-31:6:事假|公出|On leave; 陈晨:-:6:病假|Absent; "
                    "孙丽:-:5:Absent" },
    /* 赵 came back on 5 August; 周's attendance at a planned meeting does
     * not count; 钱 (transferred out) is never reported. */
    { "2025-08-05", "周强:2025-01-31:6:; 陈晨:-:6:病假|Absent; 孙丽:-:5:Absent" },
    /* 吴 joined on 1 September and has missed every meeting since: 3 months.
     * 郑 came as an activist on 31 January but joined on 1 July: 5 months. */
    { "2025-12-31", "周强:2025-01-31:11:; 陈晨:-:11:病假|Absent; 孙丽:-:9:Absent; 郑洁:2025-01-31:5:" },
  };
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 zhang = add_member (store, "张伟", NULL, "2010-01-01");
  gint64 zhao = add_member (store, "赵敏", NULL, "2010-01-01");
  gint64 chen = add_member (store, "陈晨", NULL, "2010-01-01");
  gint64 qian = add_member (store, "钱进", NULL, "2010-01-01");
  gint64 zhou = add_member (store, "周强", NULL, "2010-01-01");
  gint64 sun = add_member (store, "孙丽", NULL, "2025-03-01");
  gint64 wu = add_member (store, "吴刚", NULL, "2025-09-01");
  gint64 zheng = add_member (store, "郑洁", NULL, "2025-07-01");

  /* 张 comes every month and is never reported. */
  for (guint m = 1; m <= 12; m++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", m, m == 1 ? 10 : 20);
      Att present[] = {
        { zhang, BL_ATTENDANCE_PRESENT, NULL },
        { wu, BL_ATTENDANCE_ABSENT, NULL },
      };

      add_activity (store, "theme-day", date, HELD, NULL, NULL, NULL, present, m >= 9 ? 2 : 1);
    }
  {
    Att att[] = {
      { zhao, BL_ATTENDANCE_PRESENT, NULL },
      { zhou, BL_ATTENDANCE_PRESENT, NULL },
      { chen, BL_ATTENDANCE_LEAVE, "病假" },
      { qian, BL_ATTENDANCE_PRESENT, NULL },
      { zheng, BL_ATTENDANCE_PRESENT, NULL },
    };
    add_activity (store, "general-meeting", "2025-01-31", HELD, NULL, NULL, NULL, att, G_N_ELEMENTS (att));
  }
  {
    /* Reasons since the last attendance, each once, oldest first. */
    Att att[] = {
      { zhao, BL_ATTENDANCE_LEAVE, "事假" },
      { chen, BL_ATTENDANCE_ABSENT, NULL },
      { sun, BL_ATTENDANCE_ABSENT, NULL },
    };
    add_activity (store, "general-meeting", "2025-04-20", HELD, NULL, NULL, NULL, att, G_N_ELEMENTS (att));
  }
  {
    Att att[] = {
      { zhao, BL_ATTENDANCE_LEAVE, "公出" },
      { chen, BL_ATTENDANCE_LEAVE, "病假" },
    };
    add_activity (store, "party-lecture", "2025-05-20", HELD, NULL, NULL, NULL, att, G_N_ELEMENTS (att));
  }
  {
    /* A leave without a reason written down. */
    Att att[] = { { zhao, BL_ATTENDANCE_LEAVE, NULL } };
    add_activity (store, "party-lecture", "2025-06-02", HELD, NULL, NULL, NULL, att, 1);
  }
  {
    Att att[] = { { zhou, BL_ATTENDANCE_PRESENT, NULL } };
    add_activity (store, "general-meeting", "2025-07-25", PLANNED, NULL, NULL, NULL, att, 1);
  }
  {
    Att att[] = { { zhao, BL_ATTENDANCE_PRESENT, NULL } };
    add_activity (store, "general-meeting", "2025-08-05", HELD, NULL, NULL, NULL, att, 1);
  }
  g_assert_true (bl_store_transfer_member (store, qian, "2025-03-01", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlQuotaReport) report = evaluate (store, cases[i].date);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint a = 0; a < report->absences->len; a++)
        {
          const BlAbsence *absence = g_ptr_array_index (report->absences, a);
          g_autofree char *reasons = g_strjoinv ("|", absence->reasons);

          if (a > 0)
            g_string_append (text, "; ");
          g_string_append_printf (text, "%s:%s:%u:%s", absence->member,
                                  absence->last_attended != NULL ? absence->last_attended : "-",
                                  absence->months, reasons);
        }
      if (g_strcmp0 (text->str, cases[i].expected) != 0)
        g_error ("absences on %s:\n  expected %s\n  got      %s", cases[i].date, cases[i].expected, text->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Rule names in English; "Absent" and "On leave" as the untranslated words. */
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/quota/period-bounds", test_period_bounds);
  g_test_add_func ("/quota/period-ids", test_period_ids);
  g_test_add_func ("/quota/months-between", test_months_between);
  g_test_add_func ("/quota/standard-states", test_standard_states);
  g_test_add_func ("/quota/due-soon-first", test_due_soon_first);
  g_test_add_func ("/quota/per-group", test_per_group);
  g_test_add_func ("/quota/secretary-lecture", test_secretary_lecture);
  g_test_add_func ("/quota/park-pack", test_park_pack);
  g_test_add_func ("/quota/both-packs", test_both_packs);
  g_test_add_func ("/quota/bad-date", test_bad_date);
  g_test_add_func ("/quota/absences", test_absences);

  return g_test_run ();
}
