/* test-activity-cells.c: the Activities page's cells (what each column shows,
 * following the activity, bound again to the same one) and its columns'
 * widths, measured from the ledger rather than from the rows made */
#include "config.h"

#include <locale.h>

#include "bl-activity-cell.h"
#include "bl-activity-widths.h"
#include "bl-kind.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

#define N_COLUMNS (BL_ACTIVITY_CELL_STATUS + 1)

/* The width a cell asks for to show @chars characters, as GtkInscription
 * counts them: the wider of the font's approximate character and digit. */
static int
width_of_chars (GtkWidget *cell,
                guint      chars)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (cell), NULL, NULL);
  int width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                   pango_font_metrics_get_approximate_digit_width (metrics));

  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (MAX (3, chars) * width);
}

static int
natural_width (GtkWidget *cell)
{
  int natural;

  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static const char *
shown (GtkWidget *cell)
{
  return bl_activity_cell_get_text (BL_ACTIVITY_CELL (cell));
}

static gint64
save (BlStore    *store,
      const char *date,
      const char *topic,
      const char *host)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, BL_KIND_STUDY_SESSION);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  bl_activity_set_host (activity, host);
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

/* Each column shows its field and follows the changes that concern it. */
static void
test_cells_follow (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) other = bl_activity_new ();
  GtkWidget *cells[N_COLUMNS];

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, "2026-03-25");
  bl_activity_set_topic (activity, "民主评议");
  bl_activity_set_host (activity, "张书记");
  bl_activity_set_counts (activity, 30, 27);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      cells[i] = g_object_ref_sink (bl_activity_cell_new (i));
      g_assert_cmpint (bl_activity_cell_get_column (BL_ACTIVITY_CELL (cells[i])), ==, i);
      bl_activity_cell_bind (BL_ACTIVITY_CELL (cells[i]), store, activity);
      g_assert_true (bl_activity_cell_get_activity (BL_ACTIVITY_CELL (cells[i])) == activity);
    }
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_DATE]), ==, "25 March 2026");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_KIND]), ==, bl_store_get_kind_name (store, BL_KIND_GENERAL_MEETING));
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_TOPIC]), ==, "民主评议");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_HOST]), ==, "张书记");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_ATTENDANCE]), ==, "27/30");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_STATUS]), ==, "Held");
  g_assert_false (gtk_widget_has_css_class (cells[BL_ACTIVITY_CELL_STATUS], "accent"));

  /* A lecturer is the one the list names. */
  bl_activity_set_lecturer (activity, "王教授");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_HOST]), ==, "王教授");
  bl_activity_set_date (activity, "2026-04-01");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_DATE]), ==, "1 April 2026");
  bl_activity_set_counts (activity, 30, 29);
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_ATTENDANCE]), ==, "29/30");
  /* Planned: nobody attended yet, and the status stands out. */
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_ATTENDANCE]), ==, "—");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_STATUS]), ==, "Planned");
  g_assert_true (gtk_widget_has_css_class (cells[BL_ACTIVITY_CELL_STATUS], "accent"));
  /* What another column shows does not touch this one. */
  bl_activity_set_topic (activity, "民主评议党员");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_TOPIC]), ==, "民主评议党员");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_HOST]), ==, "王教授");

  /* Unbound (out of view): no activity, but the text stays and still
   * follows, so that binding it again to the same one (as GTK 4.8 does when
   * rows above change) finds it up to date. */
  bl_activity_cell_bind (BL_ACTIVITY_CELL (cells[BL_ACTIVITY_CELL_TOPIC]), NULL, NULL);
  g_assert_null (bl_activity_cell_get_activity (BL_ACTIVITY_CELL (cells[BL_ACTIVITY_CELL_TOPIC])));
  bl_activity_set_topic (activity, "改过的议题");
  bl_activity_cell_bind (BL_ACTIVITY_CELL (cells[BL_ACTIVITY_CELL_TOPIC]), store, activity);
  g_assert_true (bl_activity_cell_get_activity (BL_ACTIVITY_CELL (cells[BL_ACTIVITY_CELL_TOPIC])) == activity);
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_TOPIC]), ==, "改过的议题");

  /* Bound to another activity: it shows that one and no longer follows the first. */
  bl_activity_set_topic (other, "另一次活动");
  bl_activity_cell_bind (BL_ACTIVITY_CELL (cells[BL_ACTIVITY_CELL_TOPIC]), NULL, NULL);
  bl_activity_cell_bind (BL_ACTIVITY_CELL (cells[BL_ACTIVITY_CELL_TOPIC]), store, other);
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_TOPIC]), ==, "另一次活动");
  bl_activity_set_topic (activity, "不再显示");
  g_assert_cmpstr (shown (cells[BL_ACTIVITY_CELL_TOPIC]), ==, "另一次活动");

  for (guint i = 0; i < N_COLUMNS; i++)
    g_object_unref (cells[i]);
  /* The cells let go of the activities. */
  g_assert_cmpuint (G_OBJECT (activity)->ref_count, ==, 1);
  g_assert_cmpuint (G_OBJECT (other)->ref_count, ==, 1);
}

/* The widths come from what the ledger holds: a longer host's name
 * anywhere in it widens the column (up to a limit), a new kind's name
 * too, and every cell gets its column's width. */
static void
test_widths (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivityWidths) widths = bl_activity_widths_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *host_cell = bl_activity_cell_new (BL_ACTIVITY_CELL_HOST);
  GtkWidget *kind_cell = bl_activity_cell_new (BL_ACTIVITY_CELL_KIND);
  guint host, kind;

  gtk_box_append (GTK_BOX (box), host_cell);
  gtk_box_append (GTK_BOX (box), kind_cell);
  save (store, "2026-01-10", "学习党章", "张三");
  save (store, "2026-02-10", "学习党规", "李四");

  /* The first time, every column is measured. */
  g_assert_true (bl_activity_widths_update (widths, box, store, BL_CHANGE_NONE));
  for (guint i = 0; i < N_COLUMNS; i++)
    g_assert_cmpuint (bl_activity_widths_get (widths, i), >, 0);
  g_assert_false (bl_activity_widths_update (widths, box, store, BL_CHANGE_ACTIVITIES));
  host = bl_activity_widths_get (widths, BL_ACTIVITY_CELL_HOST);
  kind = bl_activity_widths_get (widths, BL_ACTIVITY_CELL_KIND);

  bl_activity_widths_apply (widths, box);
  g_assert_cmpint (natural_width (host_cell), ==, width_of_chars (host_cell, host));
  g_assert_cmpint (natural_width (kind_cell), ==, width_of_chars (kind_cell, kind));
  /* A line as high as one holding an ideograph. */
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (box, "国");
    PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (host_cell), NULL, NULL);
    int font_line = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
    int line_height, height;

    pango_font_metrics_unref (metrics);
    pango_layout_get_pixel_size (layout, NULL, &line_height);
    g_assert_cmpint (bl_activity_widths_get_line_height (widths), >=, line_height);
    /* The line height given, unless the font's own lines stand taller. */
    gtk_widget_measure (host_cell, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
    g_assert_cmpint (height, ==, MAX (bl_activity_widths_get_line_height (widths), font_line));
  }

  /* An older record, far down the list, with a longer name. */
  save (store, "2006-05-10", "学习党史", "欧阳志远同志");
  g_assert_false (bl_activity_widths_update (widths, box, store, BL_CHANGE_KINDS));
  g_assert_true (bl_activity_widths_update (widths, box, store, BL_CHANGE_ACTIVITIES));
  g_assert_cmpuint (bl_activity_widths_get (widths, BL_ACTIVITY_CELL_HOST), >, host);
  host = bl_activity_widths_get (widths, BL_ACTIVITY_CELL_HOST);

  /* A guest's very long name is cut rather than narrowing every topic. */
  save (store, "2006-06-10", "专题讲座", "市委党校理论教研部特邀讲师团成员代表");
  g_assert_true (bl_activity_widths_update (widths, box, store, BL_CHANGE_ACTIVITIES));
  host = bl_activity_widths_get (widths, BL_ACTIVITY_CELL_HOST);
  save (store, "2006-07-10", "专题讲座", "市委党校理论教研部特邀讲师团成员代表和全体同志以及列席人员");
  g_assert_false (bl_activity_widths_update (widths, box, store, BL_CHANGE_ACTIVITIES));
  g_assert_cmpuint (bl_activity_widths_get (widths, BL_ACTIVITY_CELL_HOST), ==, host);

  /* A kind with a longer name than the built-in ones. */
  g_assert_true (bl_store_add_kind (store, "ideology-risk-review", "意识形态风险研判与专题分析暨警示教育会议", &error));
  g_assert_no_error (error);
  g_assert_true (bl_activity_widths_update (widths, box, store, BL_CHANGE_KINDS));
  g_assert_cmpuint (bl_activity_widths_get (widths, BL_ACTIVITY_CELL_KIND), >, kind);

  bl_activity_widths_apply (widths, box);
  g_assert_cmpint (natural_width (host_cell), ==,
                   width_of_chars (host_cell, bl_activity_widths_get (widths, BL_ACTIVITY_CELL_HOST)));
  g_assert_cmpint (natural_width (kind_cell), ==,
                   width_of_chars (kind_cell, bl_activity_widths_get (widths, BL_ACTIVITY_CELL_KIND)));
  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity-cells/follow", test_cells_follow);
  g_test_add_func ("/activity-cells/widths", test_widths);
  return g_test_run ();
}
