/* test-window.c: the main window driven through its actions: pages, the
 * overview following a save, the editor opened from the overview */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-application.h"
#include "bl-clock.h"
#include "bl-date.h"
#include "bl-file-import.h"
#include "bl-kind.h"
#include "bl-quota.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-table-reader.h"
#include "bl-window.h"
#include "bl-workbook-save.h"

static BlApplication *
start_app (const char *database)
{
  g_autoptr(GError) error = NULL;
  BlApplication *app;

  g_setenv ("BRANCH_LEDGER_DB", database, TRUE);
  app = bl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static BlWindow *
main_window (BlApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BL_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static BlActivityEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (BL_IS_ACTIVITY_EDITOR (window) && gtk_widget_get_visible (window))
        return BL_ACTIVITY_EDITOR (window);
    }
  return NULL;
}

static const char *
visible_page (BlWindow *window)
{
  GtkWidget *stack = bl_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

static BlQuotaStatus *
find_quota (BlQuotaReport *report,
            const char    *kind)
{
  for (guint i = 0; i < report->quotas->len; i++)
    {
      BlQuotaStatus *quota = report->quotas->pdata[i];

      if (g_strcmp0 (quota->kind, kind) == 0 && quota->group == NULL)
        return quota;
    }
  return NULL;
}

static void
test_window_overview_and_record (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *today = NULL;
  g_autoptr(BlApplication) app = NULL;
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) saved = NULL;
  BlActivityEditor *editor;
  BlQuotaStatus *quota;
  BlWindow *window;
  BlStore *store;
  GtkWidget *row;
  GtkWidget *kind_row;
  GDate date;
  gint64 id;

  {
    g_autoptr(BlStore) setup = bl_store_open (path, &error);

    g_assert_no_error (error);
    bl_store_set_setting (setup, BL_SETTING_BRANCH_NAME, "机关第一党支部", &error);
    g_assert_no_error (error);
    bl_test_add_member (setup, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
    bl_test_add_member (setup, "李委员", "第一党小组", BL_MEMBER_ROLE_ORGANIZATION);
    bl_test_add_member (setup, "王党员", "第二党小组", BL_MEMBER_ROLE_NONE);
  }

  app = start_app (path);
  store = bl_application_get_store (app);
  g_assert_nonnull (store);

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
  window = main_window (app);
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  bl_test_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Branch Ledger");
  g_assert_cmpstr (visible_page (window), ==, "overview");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "机关第一党支部"));

  /* Pages by action (Alt+1…4 are bound to it). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "activities");
  g_assert_cmpstr (visible_page (window), ==, "activities");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members");
  g_assert_cmpstr (visible_page (window), ==, "members");
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
  g_assert_cmpstr (visible_page (window), ==, "overview");

  /* The committee's monthly quota is not met: its row offers "Record". */
  bl_date_set_today (&date);
  today = bl_date_to_iso (&date);
  report = bl_quota_evaluate (store, today, &error);
  g_assert_no_error (error);
  quota = find_quota (report, BL_KIND_COMMITTEE_MEETING);
  g_assert (quota != NULL);
  g_assert_cmpuint (quota->done, ==, 0);
  row = bl_test_find_row (GTK_WIDGET (window), quota->rule_name);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "0 of 1 done"));
  g_assert_false (bl_test_shows_text (row, "Met"));

  /* "Record" opens the editor with the kind filled in. */
  bl_test_click (bl_test_find_button (row, "Record"));
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  kind_row = bl_test_find_row (GTK_WIDGET (editor), "_Kind");
  g_assert_cmpstr (bl_kind_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind_row))), ==,
                   BL_KIND_COMMITTEE_MEETING);
  gtk_editable_set_text (GTK_EDITABLE (bl_test_find_row (GTK_WIDGET (editor), "T_opic")), "研究年度工作计划");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);

  /* The overview follows at once: the committee's quota is met. */
  row = bl_test_find_row (GTK_WIDGET (window), quota->rule_name);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1 of 1 done"));
  g_assert_true (bl_test_shows_text (row, "Met"));
  g_assert_null (bl_test_find_button (row, "Record"));

  /* app.open-activity opens that record. */
  {
    g_autoptr(BlActivity) first = g_list_model_get_item (bl_store_get_activities (store), 0);

    id = bl_activity_get_id (first);
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-activity", g_variant_new_int64 (id));
  bl_test_iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bl_test_find_row (GTK_WIDGET (editor), "T_opic"))),
                   ==, "研究年度工作计划");
  /* Asked again (Enter in the list, say): the same editor comes to the front. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "activities");
  {
    GtkWidget *view = bl_test_find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint before = g_list_model_get_n_items (toplevels);

    g_signal_emit_by_name (view, "activate", 0);
    bl_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);
    g_assert_true (find_editor () == editor);
  }
  gtk_window_close (GTK_WINDOW (editor));  /* unchanged: closes without asking */
  bl_test_iterate ();
  g_assert_null (find_editor ());

  /* app.record with a group, as reminders send it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "record",
                                  g_variant_new ("(ss)", BL_KIND_GROUP_MEETING, "第二党小组"));
  bl_test_iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  {
    GtkWidget *group_row = bl_test_find_row (GTK_WIDGET (editor), "Party _Group");
    GtkStringObject *group = adw_combo_row_get_selected_item (ADW_COMBO_ROW (group_row));

    g_assert_true (gtk_widget_get_visible (group_row));
    g_assert_cmpstr (gtk_string_object_get_string (group), ==, "第二党小组");
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Ctrl+N's action: a new record. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-activity", NULL);
  bl_test_iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Deleting from the list: the overview follows too. */
  saved = bl_store_get_activity (store, id, &error);
  g_assert_no_error (error);
  bl_store_delete_activity (store, id, &error);
  g_assert_no_error (error);
  bl_test_iterate ();
  row = bl_test_find_row (GTK_WIDGET (window), quota->rule_name);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "0 of 1 done"));
  g_assert_nonnull (bl_test_find_button (row, "Record"));

  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_iterate ();
}

/* A committee meeting held today with one of three committee members: it
 * counts toward no quota, and the overview's row says why. */
static void
test_window_overview_quorum (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autofree char *today = NULL;
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(BlQuotaReport) report = NULL;
      g_autoptr(GError) error = NULL;
      BlQuotaStatus *quota;
      BlWindow *window;
      GtkWidget *row;
      const char *subtitle;
      GDate date;

      bl_date_set_today (&date);
      today = bl_date_to_iso (&date);
      {
        g_autoptr(BlStore) setup = bl_store_open (path, &error);
        g_autoptr(BlActivity) meeting = bl_activity_new ();
        g_autoptr(GListStore) attendance = bl_attendance_new ();

        g_assert_no_error (error);
        bl_attendance_add (attendance, bl_test_add_member (setup, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY),
                           NULL, BL_ATTENDANCE_PRESENT, "");
        bl_attendance_add (attendance, bl_test_add_member (setup, "李委员", "第一党小组", BL_MEMBER_ROLE_ORGANIZATION),
                           NULL, BL_ATTENDANCE_ABSENT, "");
        bl_attendance_add (attendance, bl_test_add_member (setup, "赵委员", "第二党小组", BL_MEMBER_ROLE_PROPAGANDA),
                           NULL, BL_ATTENDANCE_LEAVE, "公出");
        bl_activity_set_kind (meeting, BL_KIND_COMMITTEE_MEETING);
        bl_activity_set_date (meeting, today);
        bl_activity_set_topic (meeting, "研究发展党员工作");
        g_assert_true (bl_store_save_activity (setup, meeting, G_LIST_MODEL (attendance), &error));
        g_assert_no_error (error);
      }

      app = start_app (path);
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      window = main_window (app);
      g_assert_nonnull (window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      bl_test_iterate ();

      report = bl_quota_evaluate (bl_application_get_store (app), today, &error);
      g_assert_no_error (error);
      quota = find_quota (report, BL_KIND_COMMITTEE_MEETING);
      g_assert (quota != NULL);
      g_assert_cmpuint (quota->done, ==, 0);
      g_assert_cmpuint (quota->invalid, ==, 1);
      row = bl_test_find_row (GTK_WIDGET (window), quota->rule_name);
      g_assert_nonnull (row);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_assert_true (g_str_has_prefix (subtitle, "0 of 1 done"));
      g_assert_nonnull (strstr (subtitle, "1 without a quorum"));
      g_assert_nonnull (bl_test_find_button (row, "Record"));

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }
  /* Its own process: one application per process can own its name. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The main menu's "Print Selected Records…" (win.print-records): the
 * Activities page prints what is selected there, or asks for a selection. */
static void
test_window_print_records (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *toplevels;
      GtkWidget *view;
      BlWindow *window;
      guint dialogs = 0;

      {
        g_autoptr(BlStore) setup = bl_store_open (path, &error);
        g_autoptr(BlActivity) activity = bl_activity_new ();

        g_assert_no_error (error);
        bl_test_add_member (setup, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
        bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
        bl_activity_set_date (activity, "2025-03-20");
        bl_activity_set_topic (activity, "一季度党员大会");
        bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
        bl_store_save_activity (setup, activity, NULL, &error);
        g_assert_no_error (error);
      }

      app = start_app (path);
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      window = main_window (app);
      g_assert_nonnull (window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

      /* Nothing selected: a toast says what to do, and nothing prints. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-records", NULL));
      bl_test_iterate ();
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "Select the activities whose records to print"));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "activities");
      bl_test_iterate ();
      view = bl_test_find_type (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
      gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)), 0, TRUE);
      bl_test_iterate ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-records", NULL));
      bl_test_iterate ();

      /* The print dialog, over the window; cancelled, the job ends. */
      toplevels = gtk_window_get_toplevels ();
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "GtkPrintUnixDialog") &&
              gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
            {
              dialogs++;
              gtk_dialog_response (GTK_DIALOG (toplevel), GTK_RESPONSE_CANCEL);
              break;
            }
        }
      g_assert_cmpuint (dialogs, ==, 1);
      bl_test_iterate ();

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }

  /* A process of its own: one application registers per process. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
match_group_title (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

/* A ledger begun in late November: the overview lists no missed period
 * from before it (it used to list every period since 1 January), and
 * follows when the start date moves. */
static void
test_window_new_ledger_overview (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(GError) error = NULL;
      GtkWidget *missed;
      BlWindow *window;
      BlStore *store;

      g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), "2025-11-25"));
      {
        g_autoptr(BlStore) setup = bl_store_open (path, &error);

        g_assert_no_error (error);
        bl_store_set_setting (setup, BL_SETTING_BRANCH_NAME, "机关第一党支部", &error);
        g_assert_no_error (error);
        bl_test_add_member (setup, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
      }

      app = start_app (path);
      store = bl_application_get_store (app);
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      window = main_window (app);
      g_assert_nonnull (window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      bl_test_iterate ();
      g_assert_cmpstr (visible_page (window), ==, "overview");
      missed = bl_test_find (GTK_WIDGET (window), match_group_title, "Missed This Year");
      g_assert_nonnull (missed);
      g_assert_false (gtk_widget_get_visible (missed));
      /* November's quotas are there. */
      g_assert_nonnull (bl_test_find_row (GTK_WIDGET (window), "Branch committee meeting, every month"));

      /* Kept since January: the year's gaps show. */
      g_assert_true (bl_store_set_start_date (store, "2025-01-01", &error));
      g_assert_no_error (error);
      bl_test_iterate ();
      g_assert_true (gtk_widget_get_visible (missed));

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A file that is not a ledger: the window says why, and changes nothing. */
static void
test_window_store_error (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = bl_test_write_file ("notes.db", "these are not the ledger you are looking for\n");
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(BlApplication) app = NULL;
      GtkWidget *stack;
      BlWindow *window;

      g_file_get_contents (path, &before, NULL, NULL);
      app = start_app (path);
      g_assert_null (bl_application_get_store (app));
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      window = main_window (app);
      g_assert_nonnull (window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

      stack = bl_test_find_type (GTK_WIDGET (window), GTK_TYPE_STACK);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "The Ledger Cannot Be Opened"));

      g_file_get_contents (path, &after, NULL, NULL);
      g_assert_cmpstr (before, ==, after);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
match_open_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Open") == 0 &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open-file") == 0;
}

/* Issue 12 in the window: activities imported from a workbook after a look
 * at what would happen, the Activities page following; the ledger saved as
 * a workbook off the main thread, with a toast that offers to open it. */
static void
test_window_import_and_export (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autofree char *saved = g_build_filename (dir, "saved.xlsx", NULL);
      g_autofree char *activities = bl_test_write_file ("activities.csv",
                                                        "类型,日期,主题,出席,缺席\n"
                                                        "支部党员大会,2025-03-20,一季度党员大会,张书记,李委员(病假)\n"
                                                        "主题党日,2025-04-10,四月主题党日,张书记、李委员,\n");
      g_autoptr(GFile) file = g_file_new_for_path (activities);
      g_autoptr(GFile) saved_file = g_file_new_for_path (saved);
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(BlFileImport) import = NULL;
      g_autoptr(BlTable) table = NULL;
      g_autoptr(GError) error = NULL;
      GtkWidget *alert, *button;
      BlWindow *window;
      GStatBuf info;

      {
        g_autoptr(BlStore) setup = bl_store_open (path, &error);

        g_assert_no_error (error);
        bl_store_set_setting (setup, BL_SETTING_BRANCH_NAME, "城东第一党支部", &error);
        bl_test_add_member (setup, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
        bl_test_add_member (setup, "李委员", "第一党小组", BL_MEMBER_ROLE_COMMITTEE);
      }

      app = start_app (path);
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      window = main_window (app);
      g_assert_nonnull (window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

      import = bl_file_import_new (GTK_WIDGET (window), bl_window_get_store (window), BL_IMPORT_ACTIVITIES);
      bl_file_import_start (import, file);
      while (bl_file_import_get_stage (import) == BL_FILE_IMPORT_CHECKING)
        g_main_context_iteration (NULL, TRUE);
      bl_test_iterate ();
      g_assert_cmpint (bl_file_import_get_stage (import), ==, BL_FILE_IMPORT_PREVIEW);
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (bl_window_get_store (window))), ==, 0);
      alert = bl_alert_get_open ();
      g_assert_nonnull (alert);
      bl_alert_response (alert, "import");
      while (bl_file_import_get_stage (import) != BL_FILE_IMPORT_DONE)
        g_main_context_iteration (NULL, TRUE);
      bl_test_iterate ();
      /* Written on another connection, read again by the window's. */
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (bl_window_get_store (window))), ==, 2);
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "Activities imported: 2 added, 0 already in the ledger"));

      bl_workbook_save_start (GTK_WIDGET (window), bl_window_get_store (window), 0, saved_file);
      while (bl_test_find (GTK_WIDGET (window), match_open_button, NULL) == NULL)
        g_main_context_iteration (NULL, TRUE);
      button = bl_test_find (GTK_WIDGET (window), match_open_button, NULL);
      {
        g_autoptr(GVariant) target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)) != NULL
                                     ? g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)))
                                     : NULL;
        g_autofree char *uri = g_file_get_uri (saved_file);

        g_assert_nonnull (target);
        g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
      }
      g_assert_cmpint (g_stat (saved, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0777, ==, 0600);
      {
        const char *sheet[] = { "活动台账", NULL };

        table = bl_table_read_file (saved, sheet, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (bl_table_get_sheet (table), ==, "活动台账");
        g_assert_cmpuint (bl_table_get_n_rows (table), ==, 3);
      }

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}


int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* Print dialogs list the "Print to File" printer only: no CUPS to wait for. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);
  /* Reminders are test-notify's business (with a notification server on
   * its bus); here they stay off, and keep no autostart file in the home. */
  config = bl_test_make_dir ();
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  }

  g_test_add_func ("/window/overview-and-record", test_window_overview_and_record);
  g_test_add_func ("/window/overview-quorum", test_window_overview_quorum);
  g_test_add_func ("/window/print-records", test_window_print_records);
  g_test_add_func ("/window/store-error", test_window_store_error);
  g_test_add_func ("/window/new-ledger-overview", test_window_new_ledger_overview);
  g_test_add_func ("/window/import-and-export", test_window_import_and_export);
  return g_test_run ();
}
