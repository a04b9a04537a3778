/* test-reports.c: the Reports page: the month picker drives the preview, the
 * preview follows the ledger, the page setup is remembered, the statistics */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bl-print-operation.h"
#include "bl-report-renderer.h"
#include "bl-reports-page.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

static char *config_dir;

static void
add_activity (BlStore    *store,
              const char *date,
              const char *topic)
{
  bl_test_add_activity (store, BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, date, topic);
}

static guint
count_pages (GtkWidget *page)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();

  bl_test_find_all (page, bl_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA), areas);
  return areas->len;
}

static GtkWidget *
show_page (BlStore *store)
{
  g_autoptr(BlContext) context = bl_context_new (store);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = bl_reports_page_new (context);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  bl_test_iterate ();
  return page;
}

static void
test_months (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  GtkWidget *page;
  g_autofree char *month = NULL;
  guint before;

  bl_test_add_member (store, "张三", "", BL_MEMBER_ROLE_NONE);
  add_activity (store, "2025-11-05", "学习");
  page = show_page (store);

  g_assert_true (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2025-11"));
  bl_test_iterate ();
  g_assert_cmpuint (bl_reports_page_get_n_pages (BL_REPORTS_PAGE (page)), >=, 1);
  /* One drawing of each page the printer would get. */
  g_assert_cmpuint (count_pages (page), ==, bl_reports_page_get_n_pages (BL_REPORTS_PAGE (page)));
  g_assert_true (bl_test_shows_text (page, "Organisational Life Monthly Summary, November 2025"));
  gtk_test_widget_wait_for_draw (page);

  gtk_widget_activate_action (page, "reports.next-month", NULL);
  bl_test_iterate ();
  month = bl_reports_page_get_month (BL_REPORTS_PAGE (page));
  g_assert_cmpstr (month, ==, "2025-12");
  g_clear_pointer (&month, g_free);

  /* Across the year's edge both ways. */
  gtk_widget_activate_action (page, "reports.previous-month", NULL);
  gtk_widget_activate_action (page, "reports.previous-month", NULL);
  bl_test_iterate ();
  month = bl_reports_page_get_month (BL_REPORTS_PAGE (page));
  g_assert_cmpstr (month, ==, "2025-10");
  g_clear_pointer (&month, g_free);
  g_assert_true (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2026-01"));
  gtk_widget_activate_action (page, "reports.previous-month", NULL);
  bl_test_iterate ();
  month = bl_reports_page_get_month (BL_REPORTS_PAGE (page));
  g_assert_cmpstr (month, ==, "2025-12");
  g_clear_pointer (&month, g_free);

  g_assert_false (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2025-13"));
  month = bl_reports_page_get_month (BL_REPORTS_PAGE (page));
  g_assert_cmpstr (month, ==, "2025-12");

  /* The preview follows the ledger: a busy month runs onto more pages. */
  g_assert_true (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2025-11"));
  before = bl_reports_page_get_n_pages (BL_REPORTS_PAGE (page));
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *topic = g_strdup_printf ("第%u次主题党日：重温入党誓词，开展志愿服务和红色教育", i);

      add_activity (store, "2025-11-20", topic);
    }
  bl_test_iterate ();
  g_assert_cmpuint (count_pages (page), >, before);
  g_assert_cmpuint (count_pages (page), ==, bl_reports_page_get_n_pages (BL_REPORTS_PAGE (page)));

  /* Hidden (another page of the window shown), it catches up when shown again. */
  before = count_pages (page);
  gtk_widget_set_visible (page, FALSE);
  for (guint i = 0; i < 60; i++)
    add_activity (store, "2025-11-21", "参观红色教育基地，重温入党誓词，开展主题党日志愿服务活动");
  bl_test_iterate ();
  g_assert_cmpuint (count_pages (page), ==, before);
  gtk_widget_set_visible (page, TRUE);
  bl_test_iterate ();
  g_assert_cmpuint (count_pages (page), >, before);

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
  bl_test_iterate ();
}

static void
test_statistics (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  GtkWidget *page;

  add_activity (store, "2025-03-05", "一");
  add_activity (store, "2025-03-25", "二");
  add_activity (store, "2025-07-01", "三");
  page = show_page (store);
  g_assert_true (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2025-03"));
  bl_test_iterate ();
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;
    GtkWidget *stack = bl_test_child (page, BL_TYPE_REPORTS_PAGE, "view_stack");

    gtk_stack_set_visible_child_name (GTK_STACK (stack), "statistics");
    bl_test_iterate ();
    g_assert_true (bl_test_shows_text (page, "Activities held in 2025, by month and kind: 3 in all"));
    bl_test_find_all (page, bl_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "Mar"))
        found = TRUE;
    g_assert_true (found);
  }
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
  bl_test_iterate ();
}

/* The page setup chosen once (kept in the config folder) lays the preview out. */
static void
test_page_setup_remembered (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *dir = g_build_filename (config_dir, "branch-ledger", NULL);
  g_autofree char *path = g_build_filename (dir, "printing.ini", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  GtkWidget *page;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_to_key_file (setup, file, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_key_file_save_to_file (file, path, &error));
  g_assert_no_error (error);

  page = show_page (store);
  g_assert_true (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2025-11"));
  bl_test_find_all (page, bl_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_DRAWING_AREA), areas);
  g_assert_cmpuint (areas->len, >=, 1);
  g_assert_cmpint (gtk_drawing_area_get_content_width (g_ptr_array_index (areas, 0)), >,
                   gtk_drawing_area_get_content_height (g_ptr_array_index (areas, 0)));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
  bl_test_iterate ();
  g_remove (path);
}

/* A preview of many pages draws those in view (and near it) only; a page
 * scrolled into view is drawn in the frame that shows it. */
static void
test_preview_scrolled (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  GtkWidget *page, *pages_box, *first, *last;
  GtkAdjustment *adjustment;

  bl_test_add_member (store, "张三", "", BL_MEMBER_ROLE_NONE);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *topic = g_strdup_printf ("第%u次主题党日：重温入党誓词，开展志愿服务和红色教育", i);

      add_activity (store, "2025-11-20", topic);
    }
  page = show_page (store);
  g_assert_true (bl_reports_page_set_month (BL_REPORTS_PAGE (page), "2025-11"));
  g_assert_cmpuint (bl_reports_page_get_n_pages (BL_REPORTS_PAGE (page)), >=, 6);
  gtk_test_widget_wait_for_draw (page);
  bl_test_iterate ();

  pages_box = bl_test_child (page, BL_TYPE_REPORTS_PAGE, "pages_box");
  first = gtk_widget_get_first_child (pages_box);
  last = gtk_widget_get_last_child (pages_box);
  g_assert_null (g_object_get_data (G_OBJECT (first), "bl-undrawn"));
  g_assert_nonnull (g_object_get_data (G_OBJECT (last), "bl-undrawn"));

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_parent (pages_box)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  gtk_test_widget_wait_for_draw (page);
  g_assert_null (g_object_get_data (G_OBJECT (last), "bl-undrawn"));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
  bl_test_iterate ();
}

/* The print operation the dialog runs draws the same pages: exported here
 * without a dialog (GTK_PRINT_OPERATION_ACTION_EXPORT) and read back. */
static void
test_print_operation (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlReportRenderer) renderer = NULL;
  g_autoptr(BlPrintDocument) document = NULL;
  g_autoptr(BlPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages = 0;
  BlReport *report;

  bl_test_add_member (store, "张三", "", BL_MEMBER_ROLE_NONE);
  for (guint i = 0; i < 30; i++)
    add_activity (store, "2025-11-10", "学习贯彻党的二十届四中全会精神，结合岗位实际谈认识");
  report = bl_report_build (store, "2025-11", "2025-12-01", &error);
  g_assert_no_error (error);
  renderer = bl_report_renderer_new (report);
  document = bl_print_renderer_layout (BL_PRINT_RENDERER (renderer), BL_PRINT_A4_WIDTH, BL_PRINT_A4_HEIGHT);
  g_assert_cmpuint (bl_print_document_get_n_pages (document), >=, 2);

  gtk_page_setup_set_paper_size (setup, a4);
  operation = bl_print_operation_new (BL_PRINT_RENDERER (renderer));
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_nonnull (bl_print_operation_get_page_setup (operation));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* Every page of the layout reached the file. */
  {
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
    g_autofree char *out = NULL;
    const char *argv[] = { "pdfinfo", path, NULL };
    const char *line;
    int status = 0;

    if (pdfinfo == NULL)
      {
        g_test_skip ("pdfinfo (poppler-utils) is not installed");
        return;
      }
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    line = strstr (out, "Pages:");
    g_assert_nonnull (line);
    pages = (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
  }
  g_assert_cmpuint (pages, ==, bl_print_document_get_n_pages (document));
}

/* A print remembers the paper it printed on (in the config folder), and the
 * next print starts from it. */
static void
test_print_setup_remembered (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlReportRenderer) renderer = NULL;
  g_autoptr(BlPrintOperation) operation = NULL;
  g_autoptr(BlPrintOperation) next = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a5 = gtk_paper_size_new (GTK_PAPER_NAME_A5);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *ini = g_build_filename (config_dir, "branch-ledger", "printing.ini", NULL);
  GtkPageSetup *remembered;
  BlReport *report;

  g_remove (ini);
  add_activity (store, "2025-11-10", "学习");
  report = bl_report_build (store, "2025-11", "2025-12-01", &error);
  g_assert_no_error (error);
  renderer = bl_report_renderer_new (report);

  /* Nothing remembered yet: A4, upright. */
  operation = bl_print_operation_new (BL_PRINT_RENDERER (renderer));
  g_assert_true (bl_print_operation_get_renderer (operation) == BL_PRINT_RENDERER (renderer));
  remembered = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (remembered)), ==, GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (remembered), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  gtk_page_setup_set_paper_size (setup, a5);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (ini, G_FILE_TEST_IS_REGULAR));

  next = bl_print_operation_new (BL_PRINT_RENDERER (renderer));
  remembered = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (next));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (remembered)), ==, GTK_PAPER_NAME_A5);
  g_assert_cmpint (gtk_page_setup_get_orientation (remembered), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_remove (ini);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* Where the page setup is remembered: set before GTK reads the variable. */
  config_dir = bl_test_make_dir ();
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpstr (g_get_user_config_dir (), ==, config_dir);

  g_test_add_func ("/reports/months", test_months);
  g_test_add_func ("/reports/statistics", test_statistics);
  g_test_add_func ("/reports/preview-scrolled", test_preview_scrolled);
  g_test_add_func ("/reports/page-setup-remembered", test_page_setup_remembered);
  g_test_add_func ("/reports/print-operation", test_print_operation);
  g_test_add_func ("/reports/print-setup-remembered", test_print_setup_remembered);

  return g_test_run ();
}
