/* bench-activities.c: the activity list with 6,000 activities: first draw,
 * a search, scrolling through, one edit; then, as a secretary meets it, the
 * Activities tab first shown in the program's window on the 20-year ledger
 * (tests/bench/bl-bench-ledger.h, built first if missing), the window
 * idle on its Overview before. Run by hand under a display:
 *   ninja -C build tests/bench/bench-activities && xvfb-run -a build/tests/bench/bench-activities */
#include "config.h"

#include <time.h>

#include <adwaita.h>

#include "bl-activities-page.h"
#include "bl-bench-ledger.h"
#include "bl-kind.h"
#include "bl-renderer.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-window.h"

#define N_ACTIVITIES 6000

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The main thread's processor time, in µs: steadier than the wall clock on
 * a busy machine (the software renderer's own threads are not in it). */
static gint64
thread_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

/* Where a frame's processor time goes: the frame clock's layout phase
 * (measuring and allocating) and its paint phase (snapshot and rendering;
 * the software renderer's own threads are not counted), summed. */
static gint64 phase_start, layout_total, paint_total;

static void
frame_phase_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = thread_time ();
  const char *phase = data;

  if (g_str_equal (phase, "layout"))
    layout_total += now - phase_start;
  else if (g_str_equal (phase, "paint"))
    paint_total += now - phase_start;
  phase_start = now;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_type (child, type);
  return n;
}

/* In the program's window on the 20-year ledger, shown and idle on its
 * Overview (its renderer started, its first editor made): the Activities
 * tab shown for the first time, until the frame that shows the list. A new
 * window each time, three times. */
static void
measure_first_tab (void)
{
  g_autofree char *path = bl_bench_ledger_default_path ();
  g_autoptr(BlApplication) app = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("BRANCH_LEDGER_DB", path, TRUE);
  store = bl_bench_ledger_open (path, &error);
  g_assert_no_error (error);
  app = bl_test_app_new ();
  for (guint run = 1; run <= 3; run++)
    {
      BlWindow *window = bl_window_new_for_store (app, store);
      gint64 start, cpu_start;

      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      iterate ();
      start = g_get_monotonic_time ();
      cpu_start = thread_time ();
      bl_window_show_page (window, "activities");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_print ("in the program's window on the 20-year ledger (%u activities), the Activities tab first shown, "
               "run %u: %.3f s (main thread's processor time %.3f s)\n",
               g_list_model_get_n_items (bl_store_get_activities (store)), run, seconds_since (start),
               (thread_time () - cpu_start) / 1e6);
      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *kinds = bl_kind_builtin_ids ();
  GtkWidget *window, *page, *view, *entry;
  GtkAdjustment *adjustment;
  GListModel *model;
  gint64 start, cpu_start;
  double redraw;

  /* GTK's renderer as the program chooses it (bl-renderer.c). */
  bl_renderer_choose ();
  gtk_init ();
  adw_init ();
  bl_test_load_stylesheet ();
  store = bl_test_store_new ();

  start = g_get_monotonic_time ();
  g_assert_true (bl_store_begin (store, &error));
  for (guint i = 0; i < N_ACTIVITIES; i++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i / 300, 1 + (i / 25) % 12, 1 + i % 28);
      g_autofree char *topic = g_strdup_printf ("第%u次活动：学习贯彻党的二十届四中全会精神", i);

      const char *kind = kinds[i % g_strv_length ((char **) kinds)];

      /* A group meeting names its group: these are whole-branch activities. */
      if (g_strcmp0 (kind, BL_KIND_GROUP_MEETING) == 0)
        kind = BL_KIND_STUDY_SESSION;
      bl_activity_set_kind (activity, kind);
      bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
      bl_activity_set_date (activity, date);
      bl_activity_set_topic (activity, topic);
      bl_activity_set_host (activity, i % 3 ? "王建国" : "李秀兰");
      bl_activity_set_content (activity, "会议由王建国主持。一、传达上级精神；二、讨论；三、部署下一阶段工作。");
      if (!bl_store_save_activity (store, activity, NULL, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (bl_store_commit (store, &error));
  g_print ("fill the ledger with %d activities: %.3f s\n", N_ACTIVITIES, seconds_since (start));

  start = g_get_monotonic_time ();
  cpu_start = thread_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  context = bl_context_new (store);
  page = bl_activities_page_new (context);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  iterate ();
  model = bl_activities_page_get_model (BL_ACTIVITIES_PAGE (page));
  g_print ("first draw of the list (%u rows): %.3f s (main thread's processor time %.3f s)\n",
           g_list_model_get_n_items (model), seconds_since (start), (thread_time () - cpu_start) / 1e6);

  view = find_type (page, GTK_TYPE_COLUMN_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  start = g_get_monotonic_time ();
  cpu_start = thread_time ();
  entry = find_type (page, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "第59");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  gtk_test_widget_wait_for_draw (window);
  g_print ("search (\"第59\", %u rows left): %.3f s (main thread's processor time %.3f s)\n",
           g_list_model_get_n_items (model), seconds_since (start), (thread_time () - cpu_start) / 1e6);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();

  /* What a frame costs here without scrolling (software rendering under Xvfb). */
  start = g_get_monotonic_time ();
  for (int step = 0; step < 50; step++)
    {
      gtk_widget_queue_draw (window);
      gtk_test_widget_wait_for_draw (window);
    }
  redraw = seconds_since (start) * 1000 / 50;
  g_print ("a redraw without scrolling: %.1f ms a frame\n", redraw);

  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
    gint64 cpu = thread_time ();
    gint64 scrolled = 0;
    double frames[200];
    guint late = 0;

    g_signal_connect (clock, "update", G_CALLBACK (frame_phase_cb), (gpointer) "update");
    g_signal_connect (clock, "layout", G_CALLBACK (frame_phase_cb), (gpointer) "layout");
    g_signal_connect (clock, "paint", G_CALLBACK (frame_phase_cb), (gpointer) "paint");
    layout_total = paint_total = 0;
    start = g_get_monotonic_time ();
    for (int step = 0; step < 200; step++)
      {
        gint64 before = thread_time ();
        gint64 frame_start = g_get_monotonic_time ();

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * step / 200.0);
        scrolled += thread_time () - before;
        gtk_test_widget_wait_for_draw (window);
        frames[step] = (g_get_monotonic_time () - frame_start) / 1000.0;
        if (frames[step] > redraw * 1.5)
          late++;
      }
    qsort (frames, G_N_ELEMENTS (frames), sizeof frames[0], compare_doubles);
    g_print ("scroll through in 200 frames: %.3f s (%.1f ms a frame, %.2f× a redraw; main thread's processor time "
             "%.1f ms a frame, of which rows bound %.1f ms, layout %.1f ms, paint %.1f ms); %u cells\n",
             seconds_since (start), seconds_since (start) * 1000 / 200, seconds_since (start) * 1000 / 200 / redraw,
             (thread_time () - cpu) / 1000.0 / 200,
             scrolled / 1000.0 / 200, layout_total / 1000.0 / 200, paint_total / 1000.0 / 200,
             count_type (view, g_type_from_name ("BlActivityCell")));
    g_print ("  frames: median %.1f ms, 95th percentile %.1f ms, longest %.1f ms; %u of 200 missed the display's "
             "next frame (over 1.5× a redraw)\n", frames[100], frames[189], frames[199], late);
    g_signal_handlers_disconnect_by_func (clock, frame_phase_cb, (gpointer) "update");
    g_signal_handlers_disconnect_by_func (clock, frame_phase_cb, (gpointer) "layout");
    g_signal_handlers_disconnect_by_func (clock, frame_phase_cb, (gpointer) "paint");
  }

  /* Ten edits of one activity each, as the editor saves them. */
  {
    double saved = 0, updated = 0, redrawn = 0;

    cpu_start = thread_time ();

    for (guint i = 0; i < 10; i++)
      {
        g_autoptr(BlActivity) copy = g_list_model_get_item (bl_store_get_activities (store), 10 + i * 100);
        g_autoptr(BlActivity) edited = bl_activity_copy (copy);
        g_autofree char *topic = g_strdup_printf ("改过的议题 %u", i);

        start = g_get_monotonic_time ();
        bl_activity_set_topic (edited, topic);
        g_assert_true (bl_store_save_activity (store, edited, NULL, &error));
        saved += seconds_since (start);
        iterate ();
        updated += seconds_since (start);
        gtk_test_widget_wait_for_draw (window);
        redrawn += seconds_since (start);
      }
    g_print ("one edit (mean of 10): saved (one transaction, synced) %.1f ms, list models updated %.1f ms, "
             "list redrawn %.1f ms (main thread's processor time %.1f ms)\n", saved * 100, updated * 100,
             redrawn * 100, (thread_time () - cpu_start) / 1000.0 / 10);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  measure_first_tab ();
  return 0;
}
