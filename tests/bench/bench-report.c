/* bench-report.c: the monthly summary of one month of a 20-year ledger
 * (6,000 activities, 300 members), gathered, laid out and written as PDF;
 * then the two queries under it that grow with the ledger, the members'
 * statistics (the Members page) and the quota evaluation, timed alone.
 *   ninja -C build tests/bench/bench-report && build/tests/bench/bench-report [LEDGER.db]
 * The ledger is built once (a minute or so) and kept when a path is given. */
#include "config.h"

#include <locale.h>

#include "bl-member-stats.h"
#include "bl-print-pdf.h"
#include "bl-report-renderer.h"
#include "bl-report.h"
#include "bl-test-common.h"

#define YEARS        20
#define FIRST_YEAR   2006
#define MEMBERS      300
#define PER_MONTH    25   /* 20 × 12 × 25 = 6,000 activities */
#define RUNS         10
#define STATS_RUNS   5

static void
fill (BlStore *store)
{
  static const char * const kinds[] = {
    BL_KIND_COMMITTEE_MEETING, BL_KIND_GROUP_MEETING, BL_KIND_GROUP_MEETING, BL_KIND_GROUP_MEETING,
    BL_KIND_THEME_DAY, BL_KIND_STUDY_SESSION, BL_KIND_GENERAL_MEETING, BL_KIND_PARTY_LECTURE,
  };
  static const char * const groups[] = { "第一党小组", "第二党小组", "第三党小组" };
  g_autoptr(GError) error = NULL;
  gint64 ids[MEMBERS];
  char *names[MEMBERS];
  char *member_groups[MEMBERS];

  g_assert_true (bl_store_begin (store, &error));
  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "基准测试党支部", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < MEMBERS; i++)
    {
      names[i] = g_strdup_printf ("党员%03u", i + 1);
      member_groups[i] = (char *) groups[i % 3];
      ids[i] = bl_test_add_member (store, names[i], groups[i % 3],
                                   i == 0 ? BL_MEMBER_ROLE_SECRETARY : i < 7 ? BL_MEMBER_ROLE_COMMITTEE : BL_MEMBER_ROLE_NONE);
    }

  for (guint y = 0; y < YEARS; y++)
    for (guint m = 1; m <= 12; m++)
      for (guint a = 0; a < PER_MONTH; a++)
        {
          g_autoptr(BlActivity) activity = bl_activity_new ();
          g_autoptr(GListStore) attendance = bl_attendance_new ();
          g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", FIRST_YEAR + y, m, 1 + a % 28);
          g_autofree char *topic = g_strdup_printf ("%u年%u月第%u次：学习贯彻党的创新理论，结合岗位实际研讨落实举措",
                                                    FIRST_YEAR + y, m, a + 1);
          const char *kind = kinds[a % G_N_ELEMENTS (kinds)];
          const char *group = g_str_equal (kind, BL_KIND_GROUP_MEETING) ? groups[a % 3] : "";

          bl_activity_set_kind (activity, kind);
          bl_activity_set_group (activity, group);
          bl_activity_set_date (activity, date);
          bl_activity_set_start_time (activity, "14:30");
          bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
          bl_activity_set_topic (activity, topic);
          bl_activity_set_host (activity, names[0]);
          bl_activity_set_content (activity, "会议传达学习了上级精神，与会党员逐一发言。");
          for (guint i = 0; i < MEMBERS; i++)
            {
              BlAttendanceState state = (i + a) % 11 == 0 ? BL_ATTENDANCE_LEAVE
                                      : (i + a) % 17 == 0 ? BL_ATTENDANCE_ABSENT : BL_ATTENDANCE_PRESENT;

              if (g_str_equal (kind, BL_KIND_COMMITTEE_MEETING) && i >= 7)
                continue;
              if (group[0] != '\0' && !g_str_equal (group, member_groups[i]))
                continue;
              bl_attendance_add (attendance, ids[i], names[i], state,
                                 state == BL_ATTENDANCE_LEAVE ? "事假" : "");
            }
          bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error);
          g_assert_no_error (error);
        }
  g_assert_true (bl_store_commit (store, &error));
  for (guint i = 0; i < MEMBERS; i++)
    g_free (names[i]);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) file = NULL;
  double build[RUNS], layout[RUNS], total[RUNS];
  guint pages = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  dir = bl_test_make_dir ();
  db = argc > 1 ? g_strdup (argv[1]) : g_build_filename (dir, "ledger.db", NULL);
  pdf = g_build_filename (dir, "summary.pdf", NULL);
  file = g_file_new_for_path (pdf);

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  if (bl_store_get_first_activity_date (store) == NULL)
    {
      start = g_get_monotonic_time ();
      fill (store);
      g_print ("built the ledger: %d years, %d activities, %d members in %.1f s\n",
               YEARS, YEARS * 12 * PER_MONTH, MEMBERS, (g_get_monotonic_time () - start) / 1e6);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(BlReport) report = NULL;
      g_autoptr(BlReportRenderer) renderer = NULL;
      g_autoptr(BlPrintDocument) document = NULL;
      gint64 t0, t1, t2, t3;

      t0 = g_get_monotonic_time ();
      report = bl_report_build (store, "2025-06", "2025-07-01", &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      renderer = bl_report_renderer_new (g_steal_pointer (&report));
      document = bl_print_renderer_layout (BL_PRINT_RENDERER (renderer), BL_PRINT_A4_WIDTH, BL_PRINT_A4_HEIGHT);
      t2 = g_get_monotonic_time ();
      g_assert_true (bl_print_pdf_write (document, file, "bench", &error));
      g_assert_no_error (error);
      t3 = g_get_monotonic_time ();
      pages = bl_print_document_get_n_pages (document);
      build[run] = (t1 - t0) / 1e3;
      layout[run] = (t2 - t1) / 1e3;
      total[run] = (t3 - t0) / 1e3;
    }
  qsort (build, RUNS, sizeof (double), compare_doubles);
  qsort (layout, RUNS, sizeof (double), compare_doubles);
  qsort (total, RUNS, sizeof (double), compare_doubles);
  g_print ("monthly summary 2025-06 (%d activities, %d members, %u pages), median of %d runs:\n"
           "  gather %.1f ms, lay out %.1f ms, total with PDF writing %.1f ms (worst %.1f ms)\n",
           PER_MONTH, MEMBERS, pages, RUNS, build[RUNS / 2], layout[RUNS / 2], total[RUNS / 2], total[RUNS - 1]);

  /* The queries alone, on the day the summary above was judged. */
  {
    double stats_ms[STATS_RUNS], quota_ms[STATS_RUNS];
    guint n_stats = 0;

    for (guint run = 0; run < STATS_RUNS; run++)
      {
        g_autoptr(GHashTable) stats = NULL;
        g_autoptr(BlQuotaReport) quotas = NULL;
        gint64 t0, t1, t2;

        t0 = g_get_monotonic_time ();
        stats = bl_member_stats_compute (store, "2025-07-01", &error);
        g_assert_no_error (error);
        t1 = g_get_monotonic_time ();
        quotas = bl_quota_evaluate (store, "2025-07-01", &error);
        g_assert_no_error (error);
        t2 = g_get_monotonic_time ();
        n_stats = g_hash_table_size (stats);
        stats_ms[run] = (t1 - t0) / 1e3;
        quota_ms[run] = (t2 - t1) / 1e3;
      }
    qsort (stats_ms, STATS_RUNS, sizeof (double), compare_doubles);
    qsort (quota_ms, STATS_RUNS, sizeof (double), compare_doubles);
    g_print ("bl_member_stats_compute (%u members), median of %d runs: %.1f ms (best %.1f ms)\n"
             "bl_quota_evaluate, median of %d runs: %.1f ms (best %.1f ms)\n",
             n_stats, STATS_RUNS, stats_ms[STATS_RUNS / 2], stats_ms[0],
             STATS_RUNS, quota_ms[STATS_RUNS / 2], quota_ms[0]);
  }
  return 0;
}
