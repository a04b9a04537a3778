/* bench-editor.c: how long the record editor takes to appear on a ledger of
 * 300 members. What a secretary waits for is timed in the running app: a
 * window on the ledger shows its Activities page, a record is activated
 * there (what a double click or Enter on its row does) or a new one asked
 * for (Ctrl+N, win.new-activity), and the time runs until the end of the
 * editor's first painted frame: the wall time, the main thread's processor
 * time (the software renderer's threads and the X server are not in it)
 * and the whole process's. The window is first left to settle, as it is
 * while a person reads it: idle after its first frame, it makes its first
 * editor then, hidden. The first opening, which still pays for the
 * editor's first frame on a window of its own, is given apart from the
 * median of the later ones. Then, as before, the editor alone: from
 * bl_activity_editor_new() to its first frame, against a bare libadwaita
 * window shown the same way.
 * Run by hand under a display:
 *   meson compile -C build
 *   xvfb-run -a -s '-screen 0 1366x768x24' dbus-run-session -- build/tests/bench/bench-editor [LEDGER.db]
 * With LEDGER.db (e.g. the 20-year ledger, ~/.cache/branch-ledger/bench/
 * ledger-20-years.db) the newest general meeting held there is opened;
 * without, a ledger of 300 members and one year of meetings is built in a
 * temporary folder. Nothing is saved. BENCH_RUNS=N (default 11) sets how
 * many times each window is opened; BENCH_ONLY=app or BENCH_ONLY=alone runs one
 * half (for a profiler); BENCH_VERBOSE=1 prints each run in the app. Target (issue 10): the editor on the
 * screen within 150 ms of the click. */
#include "config.h"

#include <locale.h>
#include <time.h>

#include <adwaita.h>

#include "bl-activities-page.h"
#include "bl-activity-editor.h"
#include "bl-application.h"
#include "bl-renderer.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-window.h"

#define MEMBERS 300
#define MAX_RUNS 101

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

static double
clock_ms (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The main thread's processor time, and the whole process's (the software
 * renderer's threads too), in milliseconds: on a machine others share,
 * the wall time also counts their turns (and the X server's). */
#define thread_ms() clock_ms (CLOCK_THREAD_CPUTIME_ID)
#define process_ms() clock_ms (CLOCK_PROCESS_CPUTIME_ID)

static guint RUNS = 11;

typedef struct {
  gint64 start;
  double thread_start;
  double process_start;
} Start;

typedef struct {
  double held[MAX_RUNS];     /* the main loop held by the click (or the window made, not shown) */
  double painted[MAX_RUNS];  /* the end of the editor's first frame */
  double thread[MAX_RUNS];   /* the main thread's processor time up to then */
  double process[MAX_RUNS];  /* the process's */
} Times;

static Start
start_now (void)
{
  return (Start) { g_get_monotonic_time (), thread_ms (), process_ms () };
}

/* Waits for the first frame of @window, shown already, and notes the times. */
static void
wait_first_frame (GtkWidget   *window,
                  const Start *start,
                  Times       *times,
                  guint        run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 painted = 0;

  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &painted);
  times->painted[run] = (painted - start->start) / 1e3;
  times->thread[run] = thread_ms () - start->thread_start;
  times->process[run] = process_ms () - start->process_start;
}

static double
median_of_later_runs (double *values)
{
  guint n = RUNS - 1;

  qsort (values + 1, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[1 + n / 2] : (values[n / 2] + values[1 + n / 2]) / 2;
}

static void
report (const char *what,
        const char *held,
        Times      *times)
{
  double first = times->painted[0], first_thread = times->thread[0], first_process = times->process[0];
  double first_held = times->held[0];
  double held_median = median_of_later_runs (times->held);
  double thread = median_of_later_runs (times->thread);
  double process = median_of_later_runs (times->process);
  double painted = median_of_later_runs (times->painted);

  g_print ("%s:\n"
           "  first %.1f ms (main thread %.1f ms, process %.1f ms; %s %.1f ms)\n"
           "  median of the %u later %.1f ms (best %.1f, worst %.1f): main thread %.1f ms, process %.1f ms; %s %.1f ms\n",
           what, first, first_thread, first_process, held, first_held,
           RUNS - 1, painted, times->painted[1], times->painted[RUNS - 1], thread, process, held, held_median);
}

/* The visible editor transient for @window (the one a click opened). */
static GtkWidget *
find_editor (BlWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (BL_IS_ACTIVITY_EDITOR (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  g_error ("no editor opened");
}

/* The window again as it was before the editor: its frames painted, the
 * main loop idle. */
static void
settle (BlWindow *window)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  bl_test_iterate ();
}

/* In the app: the Activities page of @window shown, the record @id
 * activated on it (meeting) or a new record asked for (id 0), RUNS times. */
static void
measure_click (const char *what,
               BlWindow   *window,
               gint64      id)
{
  GtkWidget *page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_ACTIVITIES_PAGE);
  GtkWidget *view = bl_test_child (page, BL_TYPE_ACTIVITIES_PAGE, "column_view");
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  guint position = GTK_INVALID_LIST_POSITION;
  Times times;

  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (rows) && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(BlActivity) activity = g_list_model_get_item (rows, i);

      if (bl_activity_get_id (activity) == id)
        position = i;
    }
  g_assert_true (id == 0 || position != GTK_INVALID_LIST_POSITION);
  /* For a profiler's time window (perf record -k CLOCK_MONOTONIC). */
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    g_print ("  from %.6f s (CLOCK_MONOTONIC)\n", g_get_monotonic_time () / 1e6);

  for (guint run = 0; run < RUNS; run++)
    {
      GtkWidget *editor;
      Start start;

      settle (window);
      start = start_now ();
      if (id != 0)
        g_signal_emit_by_name (view, "activate", position);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.new-activity", NULL);
      times.held[run] = (g_get_monotonic_time () - start.start) / 1e3;
      editor = find_editor (window);
      wait_first_frame (editor, &start, &times, run);
      /* Closed as the person does (Cancel, Escape): the window keeps it
       * hidden for the next record. */
      gtk_window_close (GTK_WINDOW (editor));
      bl_test_iterate ();
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_print ("  run %u: %.1f ms (main thread %.1f ms, process %.1f ms; held %.1f ms)\n", run + 1,
                 times.painted[run], times.thread[run], times.process[run], times.held[run]);
    }
  if (g_getenv ("BENCH_VERBOSE") != NULL)
    g_print ("  to %.6f s\n", g_get_monotonic_time () / 1e6);
  report (what, "the click held the main loop", &times);
}

/* Shows @window, waits for its first frame, destroys it. */
static void
time_window (GtkWidget   *window,
             const Start *start,
             Times       *times,
             guint        run)
{
  times->held[run] = (g_get_monotonic_time () - start->start) / 1e3;
  gtk_window_present (GTK_WINDOW (window));
  wait_first_frame (window, start, times, run);
  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_iterate ();
}

/* The editor alone: made, shown, its first frame. */
static void
measure_alone (const char *what,
               BlStore    *store,
               BlActivity *activity)
{
  Times times;

  for (guint run = 0; run < RUNS; run++)
    {
      Start start = start_now ();
      BlActivityEditor *editor = bl_activity_editor_new (store, activity);

      time_window (GTK_WIDGET (editor), &start, &times, run);
    }
  report (what, "made in", &times);
}

/* The floor: a bare libadwaita window with a header bar and a label,
 * shown the same way on the same display. */
static void
measure_bare (void)
{
  Times times;

  for (guint run = 0; run < RUNS; run++)
    {
      Start start = start_now ();
      GtkWidget *window = adw_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_window_set_default_size (GTK_WINDOW (window), 760, 700);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      gtk_box_append (GTK_BOX (box), gtk_label_new ("支部台账"));
      adw_window_set_content (ADW_WINDOW (window), box);
      time_window (window, &start, &times, run);
    }
  report ("a bare AdwWindow (the floor on this display)", "made in", &times);
}

/* This process's resident memory (VmRSS), in MB; 0 if unknown. */
static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* What a secretary waits for: a window on the ledger, its Activities page
 * on the screen, the meeting activated there, then a new record. The
 * process's resident memory is given once the page has settled (the spare
 * editor made) and after the last record. */
static void
measure_app (BlApplication *app,
             BlStore       *store,
             BlActivity    *meeting)
{
  BlWindow *window = bl_window_new_for_store (app, store);

  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  bl_window_show_page (window, "activities");
  settle (window);
  g_print ("resident memory with the Activities page shown, before the first record: %.1f MB\n", resident_mb ());
  measure_click ("in the app: the general meeting activated on the Activities page → the editor's first frame",
                 window, bl_activity_get_id (meeting));
  measure_click ("in the app: a new record (Ctrl+N) → the editor's first frame", window, 0);
  g_print ("resident memory after the last record: %.1f MB\n", resident_mb ());
  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_iterate ();
}

/* The editor alone, against a bare window (its classes made by now,
 * unless BENCH_ONLY=alone). */
static void
measure_editor_alone (BlStore    *store,
                      BlActivity *meeting)
{
  g_autoptr(BlActivity) fresh = bl_activity_new ();
  g_autofree char *today = bl_clock_get_today (bl_store_get_clock (store));

  measure_bare ();
  measure_alone ("the editor alone: the general meeting, bl_activity_editor_new() → first frame", store, meeting);
  bl_activity_set_kind (fresh, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (fresh, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (fresh, today);
  measure_alone ("the editor alone: a new general meeting", store, fresh);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlApplication) app = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlActivity) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  const char *only = g_getenv ("BENCH_ONLY");

  setlocale (LC_ALL, "");
  if (g_getenv ("BENCH_RUNS") != NULL)
    RUNS = CLAMP (atoi (g_getenv ("BENCH_RUNS")), 2, MAX_RUNS);
  /* GTK's renderer as the program chooses it (bl-renderer.c). */
  bl_renderer_choose ();
  gtk_init ();

  dir = bl_test_make_dir ();
  db = argc > 1 ? g_strdup (argv[1]) : g_build_filename (dir, "ledger.db", NULL);
  g_setenv ("BRANCH_LEDGER_DB", db, TRUE);
  app = bl_test_app_new ();
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

  if (g_strcmp0 (only, "alone") != 0)
    measure_app (app, store, meeting);
  if (g_strcmp0 (only, "app") != 0)
    measure_editor_alone (store, meeting);
  return 0;
}
