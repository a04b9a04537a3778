/* bench-report.c: the monthly summary of one month of a 20-year ledger
 * (6,000 activities, 300 members), gathered, laid out and written as PDF;
 * then the queries under it that grow with the ledger, the members'
 * statistics (the Members page) and the quota evaluation, timed alone, and
 * the whole activity list with its counts (what the Activities page reads
 * when first shown).
 *   ninja -C build tests/bench/bench-report && build/tests/bench/bench-report [LEDGER.db]
 * The ledger is the benchmarks' own (bl-bench-ledger.c): built once (a minute
 * or so) at LEDGER.db or its default path, and reused. */
#include "config.h"

#include <locale.h>

#include "bl-bench-ledger.h"
#include "bl-member-stats.h"
#include "bl-print-pdf.h"
#include "bl-report-renderer.h"
#include "bl-report.h"
#include "bl-test-common.h"
#include "db/bl-activity-repo.h"

#define PER_MONTH    BL_BENCH_LEDGER_PER_MONTH
#define MEMBERS      BL_BENCH_LEDGER_MEMBERS
#define RUNS         10
#define STATS_RUNS   5

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
  double build[RUNS], layout[RUNS], relayout[RUNS], total[RUNS];
  guint pages = 0;

  setlocale (LC_ALL, "");
  dir = bl_test_make_dir ();
  db = argc > 1 ? g_strdup (argv[1]) : bl_bench_ledger_default_path ();
  pdf = g_build_filename (dir, "summary.pdf", NULL);
  file = g_file_new_for_path (pdf);

  store = bl_bench_ledger_open (db, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(BlReport) report = NULL;
      g_autoptr(BlReportRenderer) renderer = NULL;
      g_autoptr(BlPrintDocument) document = NULL;
      g_autoptr(BlPrintDocument) again = NULL;
      gint64 t0, t1, t2, t3, t4;

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
      /* Laid out again as the Reports page does after a save: the text of
       * the layout before reused. */
      again = bl_print_renderer_layout_after (BL_PRINT_RENDERER (renderer), BL_PRINT_A4_WIDTH, BL_PRINT_A4_HEIGHT,
                                              document);
      t4 = g_get_monotonic_time ();
      g_assert_cmpuint (bl_print_document_get_n_pages (again), ==, pages);
      relayout[run] = (t4 - t3) / 1e3;
      build[run] = (t1 - t0) / 1e3;
      layout[run] = (t2 - t1) / 1e3;
      total[run] = (t3 - t0) / 1e3;
    }
  qsort (build, RUNS, sizeof (double), compare_doubles);
  qsort (layout, RUNS, sizeof (double), compare_doubles);
  qsort (total, RUNS, sizeof (double), compare_doubles);
  qsort (relayout, RUNS, sizeof (double), compare_doubles);
  g_print ("monthly summary 2025-06 (%d activities, %d members, %u pages), median of %d runs:\n"
           "  gather %.1f ms, lay out %.1f ms, total with PDF writing %.1f ms (worst %.1f ms)\n"
           "  laid out again after that layout (its text reused) %.1f ms\n",
           PER_MONTH, MEMBERS, pages, RUNS, build[RUNS / 2], layout[RUNS / 2], total[RUNS / 2], total[RUNS - 1],
           relayout[RUNS / 2]);

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
  {
    double list_ms[STATS_RUNS];
    guint n_items = 0;

    for (guint run = 0; run < STATS_RUNS; run++)
      {
        g_autoptr(GPtrArray) items = NULL;
        gint64 t0 = g_get_monotonic_time ();

        items = bl_activity_repo_list (bl_store_get_db (store), &error);
        g_assert_no_error (error);
        list_ms[run] = (g_get_monotonic_time () - t0) / 1e3;
        n_items = items->len;
      }
    qsort (list_ms, STATS_RUNS, sizeof (double), compare_doubles);
    g_print ("bl_activity_repo_list (%u activities with their counts), median of %d runs: %.1f ms (best %.1f ms)\n",
             n_items, STATS_RUNS, list_ms[STATS_RUNS / 2], list_ms[0]);
  }
  return 0;
}
