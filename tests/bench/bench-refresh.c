/* bench-refresh.c: after a save, how long until the page on screen shows it,
 * on the 20-year ledger: for each page of the window, a record of December
 * 2025 saved with one member's attendance changed (as the record editor
 * saves), timed from the save to the next painted frame, which shows the
 * page refreshed (BlPage refreshes before painting). Also how long a hidden
 * page takes to catch up when it is shown again (another stack page shown
 * meanwhile), and how long each takes to be filled the first time it is
 * shown. Run under a display:
 *   meson compile -C build
 *   xvfb-run -a -s '-screen 0 1366x768x24' dbus-run-session -- build/tests/bench/bench-refresh [LEDGER.db]
 * The ledger is copied first (the saves change it); the pages see it as of
 * 2025-12-31, its last day. Target (issue 10): up to date within 50 ms. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <time.h>

#include "bl-activities-page.h"
#include "bl-bench-ledger.h"
#include "bl-members-page.h"
#include "bl-overview-page.h"
#include "bl-renderer.h"
#include "bl-reports-page.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

#define SAVES 5

typedef struct {
  const char *name;
  GtkWidget *(*page_new) (BlContext *context);
} PageInfo;

static const PageInfo pages[] = {
  { "overview", bl_overview_page_new },
  { "activities", bl_activities_page_new },
  { "members", bl_members_page_new },
  { "reports", bl_reports_page_new },
};

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

/* Until the next frame has been painted. */
static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

/* The main thread's processor time, in µs: steadier than the wall clock on
 * a busy machine. */
static gint64
thread_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The save the record editor makes: the record and its attendance, one
 * member's state changed. Returns the time the save itself took, in ms. */
static double
save_record (BlStore *store,
             gint64   id,
             guint    round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) activity = bl_store_get_activity (store, id, &error);
  g_autoptr(GListModel) attendance = NULL;
  g_autofree char *topic = NULL;
  BlAttendee *attendee;
  gint64 start;

  g_assert_no_error (error);
  attendance = bl_store_load_attendance (store, id, &error);
  g_assert_no_error (error);
  attendee = g_list_model_get_item (attendance, round % g_list_model_get_n_items (attendance));
  bl_attendee_set_state (attendee, bl_attendee_get_state (attendee) == BL_ATTENDANCE_PRESENT
                                   ? BL_ATTENDANCE_ABSENT : BL_ATTENDANCE_PRESENT);
  g_object_unref (attendee);
  topic = g_strdup_printf ("年终总结（第%u稿）", round + 1);
  bl_activity_set_topic (activity, topic);

  start = g_get_monotonic_time ();
  g_assert_true (bl_store_save_activity (store, activity, attendance, &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlClock) clock = NULL;
  g_autoptr(BlContext) context = NULL;
  g_autoptr(GPtrArray) december = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkStack *stack;
  gint64 id;

  setlocale (LC_ALL, "");
  /* GTK's renderer as the program chooses it (bl-renderer.c). */
  bl_renderer_choose ();
  gtk_init ();
  adw_init ();

  source = argc > 1 ? g_strdup (argv[1]) : bl_bench_ledger_default_path ();
  g_clear_object (&(BlStore *) { bl_bench_ledger_open (source, &error) });
  g_assert_no_error (error);
  dir = bl_test_make_dir ();
  path = g_build_filename (dir, "ledger.db", NULL);
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  clock = bl_clock_new ();
  bl_clock_set_fixed_date (clock, "2025-12-31");
  bl_store_set_clock (store, clock);
  context = bl_context_new (store);
  december = bl_store_list_activities_between (store, "2025-12-01", "2025-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (december->len, >, 0);
  id = bl_activity_get_id (december->pdata[december->len - 1]);

  bl_test_load_stylesheet ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  stack = GTK_STACK (gtk_stack_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (stack));
  gtk_stack_add_named (stack, gtk_label_new (NULL), "blank");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_stack_add_named (stack, pages[i].page_new (context), pages[i].name);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);

  g_print ("ledger: a copy of %s, as of 2025-12-31; %d saves per page of activity %" G_GINT64_FORMAT "\n",
           source, SAVES, id);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      double save_ms[SAVES], shown_ms[SAVES], cpu_ms[SAVES];
      gint64 start, cpu;
      double first_ms, catch_up_ms, catch_up_cpu_ms;

      /* Shown the first time: built and filled. */
      start = g_get_monotonic_time ();
      gtk_stack_set_visible_child_name (stack, pages[i].name);
      wait_for_frame (window);
      first_ms = (g_get_monotonic_time () - start) / 1000.0;

      {
        double idle[SAVES];

        for (guint round = 0; round < SAVES; round++)
          {
            start = g_get_monotonic_time ();
            wait_for_frame (window);
            idle[round] = (g_get_monotonic_time () - start) / 1000.0;
          }
        qsort (idle, SAVES, sizeof (double), compare_doubles);
        g_print ("%-10s a frame with nothing changed: %.1f ms\n", pages[i].name, idle[SAVES / 2]);
      }
      for (guint round = 0; round < SAVES; round++)
        {
          start = g_get_monotonic_time ();
          cpu = thread_time ();
          save_ms[round] = save_record (store, id, round + 10 * i);
          wait_for_frame (window);
          shown_ms[round] = (g_get_monotonic_time () - start) / 1000.0;
          cpu_ms[round] = (thread_time () - cpu) / 1000.0;
        }
      qsort (save_ms, SAVES, sizeof (double), compare_doubles);
      qsort (shown_ms, SAVES, sizeof (double), compare_doubles);
      qsort (cpu_ms, SAVES, sizeof (double), compare_doubles);

      /* Hidden while a save happens, then shown again. */
      gtk_stack_set_visible_child_name (stack, "blank");
      wait_for_frame (window);
      save_record (store, id, 100 + i);
      start = g_get_monotonic_time ();
      cpu = thread_time ();
      gtk_stack_set_visible_child_name (stack, pages[i].name);
      wait_for_frame (window);
      catch_up_ms = (g_get_monotonic_time () - start) / 1000.0;
      catch_up_cpu_ms = (thread_time () - cpu) / 1000.0;

      g_print ("%-10s first shown %6.1f ms; after a save: shown %6.1f ms (median; worst %6.1f; processor "
               "time %5.1f ms), of which the save %5.1f ms; hidden, caught up when shown %6.1f ms "
               "(processor time %5.1f ms)\n",
               pages[i].name, first_ms, shown_ms[SAVES / 2], shown_ms[SAVES - 1], cpu_ms[SAVES / 2],
               save_ms[SAVES / 2], catch_up_ms, catch_up_cpu_ms);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
