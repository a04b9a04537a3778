/* bench-editor.c: how long the record editor takes to appear on a ledger of
 * 300 members, in process: from bl_activity_editor_new() to the end of the
 * editor's first painted frame, for a general meeting held with its 300
 * attendance entries and for a new one (the expected members computed).
 * Run by hand under a display:
 *   ninja -C build tests/bench/bench-editor && xvfb-run -a build/tests/bench/bench-editor [LEDGER.db]
 * With LEDGER.db (e.g. the 20-year ledger bench-report writes), the newest
 * general meeting there is opened; without, a ledger of 300 members and one
 * year of meetings is built in a temporary folder. BENCH_RUNS=N (default
 * 11) sets how many times each window is opened. */
#include "config.h"

#include <locale.h>
#include <time.h>

#include <adwaita.h>

#include "bl-activity-editor.h"
#include "bl-test-common.h"

#define MEMBERS 300
#define MAX_RUNS 101

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* 300 members in three party groups, a committee of seven, and a general
 * meeting each month of 2025 with everyone's attendance. */
static void
fill (BlStore *store)
{
  static const char * const groups[] = { "第一党小组", "第二党小组", "第三党小组" };
  g_autoptr(GError) error = NULL;
  gint64 ids[MEMBERS];
  char *names[MEMBERS];

  g_assert_true (bl_store_begin (store, &error));
  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "基准测试党支部", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < MEMBERS; i++)
    {
      names[i] = g_strdup_printf ("党员%03u", i + 1);
      ids[i] = bl_test_add_member (store, names[i], groups[i % 3],
                                   i == 0 ? BL_MEMBER_ROLE_SECRETARY : i < 7 ? BL_MEMBER_ROLE_COMMITTEE : BL_MEMBER_ROLE_NONE);
    }
  for (guint m = 1; m <= 12; m++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autoptr(GListStore) attendance = bl_attendance_new ();
      g_autofree char *date = g_strdup_printf ("2025-%02u-15", m);

      bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
      bl_activity_set_date (activity, date);
      bl_activity_set_start_time (activity, "14:30");
      bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
      bl_activity_set_topic (activity, "学习贯彻党的创新理论，结合岗位实际研讨落实举措");
      bl_activity_set_host (activity, names[0]);
      bl_activity_set_content (activity, "会议传达学习了上级精神，与会党员逐一发言。");
      for (guint i = 0; i < MEMBERS; i++)
        {
          BlAttendanceState state = (i + m) % 11 == 0 ? BL_ATTENDANCE_LEAVE
                                  : (i + m) % 17 == 0 ? BL_ATTENDANCE_ABSENT : BL_ATTENDANCE_PRESENT;

          bl_attendance_add (attendance, ids[i], names[i], state, state == BL_ATTENDANCE_LEAVE ? "事假" : "");
        }
      g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
    }
  g_assert_true (bl_store_commit (store, &error));
  for (guint i = 0; i < MEMBERS; i++)
    g_free (names[i]);
}

/* The newest general meeting (the activity list is newest first). */
static BlActivity *
find_meeting (BlStore *store)
{
  GListModel *activities = bl_store_get_activities (store);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(BlActivity) activity = g_list_model_get_item (activities, i);

      if (g_str_equal (bl_activity_get_kind (activity), BL_KIND_GENERAL_MEETING) &&
          bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_HELD)
        return bl_store_get_activity (store, bl_activity_get_id (activity), NULL);
    }
  g_error ("no general meeting held in the ledger");
}

static void
after_paint_cb (GdkFrameClock *clock,
                gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

/* CPU time of this process, in milliseconds: on a machine others share,
 * the wall time also counts their turns (and the X server's). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static guint RUNS = 11;

typedef struct {
  double built[MAX_RUNS];    /* the window made and filled, not shown yet */
  double painted[MAX_RUNS];  /* the end of its first frame */
  double cpu[MAX_RUNS];      /* this process's CPU time up to then */
} Times;

/* Shows @window, waits for its first frame, destroys it. */
static void
time_window (GtkWidget *window,
             gint64     start,
             double     cpu_start,
             Times     *times,
             guint      run)
{
  gint64 painted = 0;
  GdkFrameClock *clock;

  times->built[run] = (g_get_monotonic_time () - start) / 1e3;
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &painted);
  times->painted[run] = (painted - start) / 1e3;
  times->cpu[run] = cpu_ms () - cpu_start;

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static double
median_of_later_runs (double *values)
{
  qsort (values + 1, RUNS - 1, sizeof (double), compare_doubles);
  return values[RUNS / 2];
}

static void
report (const char *what,
        Times      *times)
{
  double first = times->painted[0], first_cpu = times->cpu[0];
  double built = median_of_later_runs (times->built);
  double cpu = median_of_later_runs (times->cpu);
  double painted = median_of_later_runs (times->painted);

  g_print ("%s:\n  first run %.1f ms (CPU %.1f ms); median of the %d later runs %.1f ms "
           "(best %.1f, worst %.1f): built %.1f ms, CPU %.1f ms\n",
           what, first, first_cpu, RUNS - 1, painted, times->painted[1], times->painted[RUNS - 1], built, cpu);
}

/* Each run opens a new editor and closes it; the first also pays for the
 * classes, templates and style of the process. */
static void
measure (const char *what,
         BlStore    *store,
         BlActivity *activity)
{
  Times times;

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      BlActivityEditor *editor = bl_activity_editor_new (store, activity);

      time_window (GTK_WIDGET (editor), start, cpu_start, &times, run);
    }
  report (what, &times);
}

/* The floor: a bare libadwaita window with a header bar and a label,
 * shown the same way on the same display. */
static void
measure_bare (void)
{
  Times times;

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      GtkWidget *window = adw_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_window_set_default_size (GTK_WINDOW (window), 760, 700);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), gtk_label_new ("支部台账"));
      adw_window_set_content (ADW_WINDOW (window), box);
      time_window (window, start, cpu_start, &times, run);
    }
  report ("a bare AdwWindow (the floor on this display)", &times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlActivity) meeting = NULL;
  g_autoptr(BlActivity) fresh = bl_activity_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *today = NULL;

  setlocale (LC_ALL, "");
  if (g_getenv ("BENCH_RUNS") != NULL)
    RUNS = CLAMP (atoi (g_getenv ("BENCH_RUNS")), 2, MAX_RUNS);
  gtk_init ();
  adw_init ();

  dir = bl_test_make_dir ();
  db = argc > 1 ? g_strdup (argv[1]) : g_build_filename (dir, "ledger.db", NULL);
  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  if (bl_store_get_first_activity_date (store) == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      fill (store);
      g_print ("built a ledger of %d members in %.1f s\n", MEMBERS, (g_get_monotonic_time () - start) / 1e6);
    }

  meeting = find_meeting (store);
  g_print ("ledger: %u members, %u activities; the meeting of %s has %u attendance entries\n",
           g_list_model_get_n_items (bl_store_get_members (store)),
           g_list_model_get_n_items (bl_store_get_activities (store)),
           bl_activity_get_date (meeting), bl_activity_get_expected_count (meeting));

  measure_bare ();
  measure ("a general meeting held, opened", store, meeting);

  today = bl_clock_get_today (bl_store_get_clock (store));
  bl_activity_set_kind (fresh, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (fresh, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (fresh, today);
  measure ("a new general meeting (Ctrl+N)", store, fresh);
  return 0;
}
