/* bench-quota.c: bl_quota_evaluate over both shipped packs on a 20-year ledger
 * (6,000 activities, 300 members in 10 groups, attendance), for one date.
 *
 *   ninja -C build tests/bench/bench-quota && build/tests/bench/bench-quota [ITERATIONS]
 *
 * The target: under 5 ms per evaluation. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bl-activity.h"
#include "bl-quota.h"
#include "bl-rules.h"
#include "bl-store.h"
#include "bl-test-common.h"

#define FIRST_YEAR 2006
#define YEARS 20
#define N_MEMBERS 300
#define N_GROUPS 10
#define N_COMMITTEE 7
#define EVALUATE_ON "2025-12-20"

typedef struct {
  gint64  id;
  char   *name;
  char   *group;
  char   *joined;
  char   *transferred_on;  /* NULL while active */
  char   *drifts_from;     /* stops coming from this day, NULL for regular members */
  gboolean committee;
} Member;

static GRand *rng;

static char *
random_date_in (int year,
                int month)
{
  GDate d;
  int day = g_rand_int_range (rng, 1, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) + 1);

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
member_expected (const Member *m,
                 const char   *date)
{
  if (strcmp (m->joined, date) > 0)
    return FALSE;
  if (m->transferred_on != NULL && strcmp (date, m->transferred_on) >= 0)
    return FALSE;
  return TRUE;
}

static void
add_attendance (GListStore   *attendance,
                const Member *m,
                const char   *date)
{
  static const char * const reasons[] = { "病假", "事假", "公出", "外出学习" };
  int roll;

  if (!member_expected (m, date))
    return;
  roll = g_rand_int_range (rng, 0, 100);
  if (m->drifts_from != NULL && strcmp (date, m->drifts_from) >= 0)
    roll = roll < 60 ? 95 : 99;  /* on leave or absent from then on */
  if (roll < 90)
    bl_attendance_add (attendance, m->id, m->name, BL_ATTENDANCE_PRESENT, "");
  else if (roll < 97)
    bl_attendance_add (attendance, m->id, m->name, BL_ATTENDANCE_LEAVE,
                       reasons[g_rand_int_range (rng, 0, G_N_ELEMENTS (reasons))]);
  else
    bl_attendance_add (attendance, m->id, m->name, BL_ATTENDANCE_ABSENT, "");
}

static void
save (BlStore    *store,
      const char *kind,
      const char *date,
      const char *group,
      const char *lecturer,
      const char *tag,
      GPtrArray  *members,
      int         who,          /* 0 all, 1 committee, 2 group, 3 a random twenty */
      guint      *n_activities,
      guint      *n_attendance)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = g_strdup_printf ("%s %s", kind, date);

  bl_activity_set_kind (activity, kind);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, date);
  bl_activity_set_start_time (activity, "14:30");
  bl_activity_set_topic (activity, topic);
  bl_activity_set_content (activity, "会议传达学习了上级文件精神，结合支部实际进行了讨论，明确了下一步工作安排。");
  if (group != NULL)
    bl_activity_set_group (activity, group);
  if (lecturer != NULL)
    bl_activity_set_lecturer (activity, lecturer);
  if (tag != NULL)
    bl_activity_set_tags (activity, (const char * const []) { tag, NULL });

  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = g_ptr_array_index (members, i);

      if ((who == 1 && !m->committee) || (who == 2 && g_strcmp0 (m->group, group) != 0) ||
          (who == 3 && g_rand_int_range (rng, 0, N_MEMBERS) >= 20))
        continue;
      add_attendance (attendance, m, date);
    }
  *n_attendance += g_list_model_get_n_items (G_LIST_MODEL (attendance));
  if (!bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error))
    g_error ("cannot save %s on %s: %s", kind, date, error->message);
  (*n_activities)++;
}

static void
member_free (Member *m)
{
  g_free (m->name);
  g_free (m->group);
  g_free (m->joined);
  g_free (m->transferred_on);
  g_free (m->drifts_from);
  g_free (m);
}

static void
build_ledger (BlStore *store)
{
  static const char * const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  static const char * const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂";
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  g_autoptr(GError) error = NULL;
  guint n_activities = 0, n_attendance = 0;
  const char *secretary = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_assert_true (bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "基准测试支部", &error));
  g_assert_true (bl_store_begin (store, &error));
  g_assert_no_error (error);

  for (int i = 0; i < N_MEMBERS; i++)
    {
      Member *m = g_new0 (Member, 1);
      g_autoptr(BlMember) member = NULL;
      char sur[8] = { 0 }, a[8] = { 0 }, b[8] = { 0 };

      /* Chinese names, made unique by a number. */
      g_utf8_strncpy (sur, g_utf8_offset_to_pointer (surnames, i % 20), 1);
      g_utf8_strncpy (a, g_utf8_offset_to_pointer (given, (i / 20) % 20), 1);
      g_utf8_strncpy (b, g_utf8_offset_to_pointer (given, (i * 7) % 20), 1);
      m->name = g_strdup_printf ("%s%s%s%03d", sur, a, b, i);
      m->group = g_strdup_printf ("第%d党小组", i % N_GROUPS + 1);
      m->committee = i < N_COMMITTEE;
      /* Most were members before the ledger began; some joined over the years. */
      m->joined = i % 5 == 0 ? random_date_in (FIRST_YEAR + g_rand_int_range (rng, 0, YEARS), g_rand_int_range (rng, 1, 13))
                             : g_strdup ("2000-07-01");
      if (i % 30 == 29)
        m->transferred_on = random_date_in (FIRST_YEAR + YEARS - 1 - g_rand_int_range (rng, 0, 10), 6);
      if (i % 37 == 5 && !m->committee)
        m->drifts_from = random_date_in (FIRST_YEAR + YEARS - 1, g_rand_int_range (rng, 1, 7));
      if (m->transferred_on != NULL && strcmp (m->transferred_on, m->joined) <= 0)
        g_clear_pointer (&m->transferred_on, g_free);

      member = bl_member_new (m->name);
      bl_member_set_group (member, m->group);
      bl_member_set_joined (member, m->joined);
      bl_member_set_role (member, i == 0 ? BL_MEMBER_ROLE_SECRETARY
                                  : m->committee ? BL_MEMBER_ROLE_COMMITTEE : BL_MEMBER_ROLE_NONE);
      /* Saved as transferred straight away: the store's member list (which
       * bl_store_transfer_member() reads) follows only at the commit. */
      if (m->transferred_on != NULL)
        {
          bl_member_set_status (member, BL_MEMBER_STATUS_TRANSFERRED);
          bl_member_set_transferred_on (member, m->transferred_on);
        }
      if (!bl_store_save_member (store, member, &error))
        g_error ("cannot save member: %s", error->message);
      m->id = bl_member_get_id (member);
      g_ptr_array_add (members, m);
    }
  secretary = ((Member *) g_ptr_array_index (members, 0))->name;

  /* Enabling the park's pack adds its kinds; the demo ledger's order. */
  g_assert_true (bl_rules_set_pack_enabled (store, "park-2025-ideology", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (bl_store_begin (store, &error));
  for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++)
    {
      guint before = n_activities;

      for (int month = 1; month <= 12; month++)
        {
          g_autofree char *committee = random_date_in (y, month);
          g_autofree char *theme = random_date_in (y, month);
          g_autofree char *study = random_date_in (y, month);

          /* The last year has a few gaps, so that missed periods are found. */
          if (!(y == FIRST_YEAR + YEARS - 1 && (month == 4 || month == 8)))
            save (store, "committee-meeting", committee, NULL, NULL, NULL, members, 1, &n_activities, &n_attendance);
          save (store, "theme-day", theme, NULL, NULL, NULL, members, 0, &n_activities, &n_attendance);
          save (store, "study-session", study, NULL, NULL, month == 3 || month == 9 ? "意识形态" : "第一议题",
                members, 0, &n_activities, &n_attendance);
          for (int g = 1; g <= N_GROUPS; g++)
            {
              g_autofree char *date = random_date_in (y, month);
              g_autofree char *group = g_strdup_printf ("第%d党小组", g);

              if (!(y == FIRST_YEAR + YEARS - 1 && g == 3 && month == 2))
                save (store, "group-meeting", date, group, NULL, NULL, members, 2, &n_activities, &n_attendance);
            }
          if (month % 3 == 0)
            {
              g_autofree char *general = random_date_in (y, month);
              g_autofree char *lecture = random_date_in (y, month);

              save (store, "general-meeting", general, NULL, NULL, NULL, members, 0, &n_activities, &n_attendance);
              save (store, "party-lecture", lecture, NULL, month == 6 ? secretary : "市委党校讲师", NULL,
                    members, 0, &n_activities, &n_attendance);
            }
          if (month == 6 || month == 12)
            {
              g_autofree char *report = random_date_in (y, month);
              g_autofree char *research = random_date_in (y, month);
              g_autofree char *risk = random_date_in (y, month);

              save (store, "report-upward", report, NULL, NULL, NULL, members, 1, &n_activities, &n_attendance);
              save (store, "ideology-research", research, NULL, NULL, NULL, members, 1, &n_activities, &n_attendance);
              save (store, "risk-assessment", risk, NULL, NULL, NULL, members, 1, &n_activities, &n_attendance);
            }
          if (month == 2 || month == 11)
            {
              g_autofree char *extra = random_date_in (y, month);

              save (store, "study-session", extra, NULL, NULL, NULL, members, 0, &n_activities, &n_attendance);
            }
          if (month == 12)
            {
              g_autofree char *life = random_date_in (y, 12);
              g_autofree char *review = random_date_in (y, 12);
              g_autofree char *talk = random_date_in (y, 11);
              g_autofree char *inspection = random_date_in (y, 10);

              save (store, "life-meeting", life, NULL, NULL, NULL, members, 0, &n_activities, &n_attendance);
              save (store, "member-review", review, NULL, NULL, NULL, members, 0, &n_activities, &n_attendance);
              save (store, "heart-talk", talk, NULL, NULL, NULL, members, 0, &n_activities, &n_attendance);
              save (store, "inspection", inspection, NULL, NULL, NULL, members, 1, &n_activities, &n_attendance);
            }
        }
      /* The rest of the year's 300: volunteer days, visits… with a few people each. */
      while (n_activities - before < 300)
        {
          g_autofree char *date = random_date_in (y, g_rand_int_range (rng, 1, 13));

          /* Nothing dated after the evaluation day: it is "today". */
          if (strcmp (date, EVALUATE_ON) > 0)
            continue;
          save (store, "other", date, NULL, NULL, NULL, members, 3, &n_activities, &n_attendance);
        }
    }
  g_assert_true (bl_store_commit (store, &error));
  g_assert_no_error (error);

  g_print ("ledger: %u activities, %u members in %d groups, %u attendance rows, built in %.1f s\n",
           n_activities, N_MEMBERS, N_GROUPS, n_attendance, (g_get_monotonic_time () - t0) / 1e6);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  guint iterations = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  guint n_quotas = 0, n_missed = 0, n_absences = 0;

  if (iterations == 0)
    iterations = 200;
  rng = g_rand_new_with_seed (20251220);
  /* BENCH_QUOTA_DB=FILE keeps the ledger for a look with sqlite3. */
  if (g_getenv ("BENCH_QUOTA_DB") != NULL)
    {
      g_unlink (g_getenv ("BENCH_QUOTA_DB"));
      store = bl_store_open (g_getenv ("BENCH_QUOTA_DB"), &error);
      g_assert_no_error (error);
    }
  else
    store = bl_test_store_new ();
  build_ledger (store);

  rules = bl_rules_list_enabled (store, &error);
  g_assert_no_error (error);
  g_print ("rules: %u (standard + park-2025-ideology)\n", rules->len);

  for (guint i = 0; i < iterations; i++)
    {
      struct timespec cpu0, cpu1;
      gint64 start, elapsed, cpu;
      g_autoptr(BlQuotaReport) report = NULL;

      /* Wall time, and this thread's CPU time: on a busy machine the wall
       * clock also counts the time other programs had the processor. */
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu0);
      start = g_get_monotonic_time ();
      report = bl_quota_evaluate (store, EVALUATE_ON, &error);
      elapsed = g_get_monotonic_time () - start;
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu1);
      cpu = (cpu1.tv_sec - cpu0.tv_sec) * G_USEC_PER_SEC + (cpu1.tv_nsec - cpu0.tv_nsec) / 1000;

      g_assert_no_error (error);
      g_array_append_val (times, elapsed);
      g_array_append_val (cpu_times, cpu);
      n_quotas = report->quotas->len;
      n_missed = report->missed->len;
      n_absences = report->absences->len;
    }

  g_print ("evaluation on %s: %u quotas, %u missed periods, %u absences\n",
           EVALUATE_ON, n_quotas, n_missed, n_absences);
  g_print ("first run: %.3f ms\n", g_array_index (times, gint64, 0) / 1000.0);
  g_array_sort (times, compare_gint64);
  g_array_sort (cpu_times, compare_gint64);
  g_print ("bl_quota_evaluate over %u runs: min %.3f ms, median %.3f ms, max %.3f ms wall (target < 5 ms)\n",
           iterations, g_array_index (times, gint64, 0) / 1000.0,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
  g_print ("                              CPU: min %.3f ms, median %.3f ms, max %.3f ms\n",
           g_array_index (cpu_times, gint64, 0) / 1000.0,
           g_array_index (cpu_times, gint64, cpu_times->len / 2) / 1000.0,
           g_array_index (cpu_times, gint64, cpu_times->len - 1) / 1000.0);

  g_rand_free (rng);
  return EXIT_SUCCESS;
}
