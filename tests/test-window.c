/* test-window.c: the main window driven through its actions: pages, the
 * overview following a save, the editor opened from the overview */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bl-activities-page.h"
#include "bl-activity-editor.h"
#include "bl-activity-menu.h"
#include "bl-alert.h"
#include "bl-application.h"
#include "bl-clock.h"
#include "bl-date.h"
#include "bl-details-section.h"
#include "bl-file-import.h"
#include "bl-kind.h"
#include "bl-quota.h"
#include "bl-test-common.h"
#include "bl-test-damage.h"
#include "bl-test-gui.h"
#include "bl-overview-page.h"
#include "bl-overview-row.h"
#include "bl-table-reader.h"
#include "bl-welcome-page.h"
#include "bl-window.h"
#include "bl-workbook-save.h"
#include "db/bl-ledger-file.h"

static BlApplication *
start_app (const char *database)
{
  g_setenv ("BRANCH_LEDGER_DB", database, TRUE);
  return bl_test_app_new ();
}

static BlWindow *
main_window (BlApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BL_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static BlWindow *open_main_window (BlApplication *app);

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

/* A field of @editor's details, by its id in bl-details-section.ui. */
static GtkWidget *
details_child (BlActivityEditor *editor,
               const char       *id)
{
  return bl_test_child (GTK_WIDGET (editor), BL_TYPE_DETAILS_SECTION, id);
}

/* The overview's row for @quota (named after its rule); it shows the
 * rule's name. NULL when the overview lists no such quota. */
static GtkWidget *
quota_row (BlWindow      *window,
           BlQuotaStatus *quota)
{
  GtkWidget *list = bl_test_child (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE, "quota_list");
  GtkWidget *row = bl_test_find_named (list, quota->rule_id);

  if (row != NULL)
    g_assert_cmpstr (bl_overview_row_get_title (BL_OVERVIEW_ROW (row)), ==, quota->rule_name);
  return row;
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
  row = quota_row (window, quota);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row)), "0 of 1 done"));
  g_assert_false (bl_test_shows_text (row, "Met"));

  /* "Record" opens the editor with the kind filled in. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (bl_test_find_action (row, "app.record"))), ==, "Record");
  bl_test_click (bl_test_find_action (row, "app.record"));
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  kind_row = details_child (editor, "kind_row");
  g_assert_cmpstr (bl_kind_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (kind_row))), ==,
                   BL_KIND_COMMITTEE_MEETING);
  gtk_editable_set_text (GTK_EDITABLE (details_child (editor, "topic_row")), "研究年度工作计划");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);

  /* The overview follows at once: the committee's quota is met. */
  row = quota_row (window, quota);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row)), "1 of 1 done"));
  g_assert_true (bl_test_shows_text (row, "Met"));
  g_assert_null (bl_test_find_action (row, "app.record"));

  /* A save that changes no quota (the record's topic) keeps every row of
   * the list as it is: none is made again. */
  {
    GtkWidget *list = bl_test_child (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE, "quota_list");
    g_autoptr(GPtrArray) before = g_ptr_array_new ();
    g_autoptr(BlActivity) first = g_list_model_get_item (bl_store_get_activities (store), 0);
    g_autoptr(BlActivity) changed = bl_activity_copy (first);
    GtkListBoxRow *kept;

    for (int i = 0; (kept = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
      g_ptr_array_add (before, kept);
    g_assert_cmpuint (before->len, >, 1);
    bl_activity_set_topic (changed, "研究年度工作计划（修改）");
    g_assert_true (bl_store_save_activity (store, changed, NULL, &error));
    g_assert_no_error (error);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    bl_test_iterate ();
    for (guint i = 0; i < before->len; i++)
      g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) i)) == before->pdata[i]);
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) before->len));
    row = quota_row (window, quota);
    g_assert_true (g_str_has_prefix (bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row)), "1 of 1 done"));
    /* The record as the editor saved it, for what follows. */
    bl_activity_set_topic (changed, "研究年度工作计划");
    g_assert_true (bl_store_save_activity (store, changed, NULL, &error));
    g_assert_no_error (error);
    bl_test_iterate ();
  }

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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_child (editor, "topic_row"))),
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
    GtkWidget *group_row = details_child (editor, "group_row");
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

  /* Deleting from the list: the overview follows too (hidden behind the
   * Activities page, it catches up when shown). */
  saved = bl_store_get_activity (store, id, &error);
  g_assert_no_error (error);
  bl_store_delete_activity (store, id, &error);
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_cmpstr (visible_page (window), ==, "activities");
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
  row = quota_row (window, quota);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row)), "0 of 1 done"));
  g_assert_nonnull (bl_test_find_action (row, "app.record"));

  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_iterate ();
}

/* The Overview's planned activities: a row, clicked or activated by Enter,
 * does what its button does and opens the record. */
static void
test_window_overview_planned (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(GError) error = NULL;
      const char * const lists[] = { "overdue_list", "upcoming_list" };
      const char * const topics[] = { "上周的党员大会", "下周的主题党日" };
      gint64 ids[2];
      BlWindow *window;

      {
        g_autoptr(BlStore) setup = bl_store_open (path, &error);
        const int days[] = { -3, 3 };

        g_assert_no_error (error);
        bl_store_set_setting (setup, BL_SETTING_BRANCH_NAME, "机关第一党支部", &error);
        g_assert_no_error (error);
        bl_test_add_member (setup, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
        for (guint i = 0; i < 2; i++)
          {
            g_autoptr(BlActivity) planned = NULL;
            g_autofree char *date = NULL;
            GDate day;

            bl_date_set_today (&day);
            if (days[i] < 0)
              g_date_subtract_days (&day, (guint) -days[i]);
            else
              g_date_add_days (&day, (guint) days[i]);
            date = bl_date_to_iso (&day);
            planned = bl_test_activity_new (i == 0 ? BL_KIND_GENERAL_MEETING : BL_KIND_THEME_DAY,
                                            BL_ACTIVITY_STATUS_PLANNED, date, topics[i]);
            ids[i] = bl_test_save_activity (setup, planned, NULL);
          }
      }

      app = start_app (path);
      window = open_main_window (app);
      bl_test_iterate ();

      for (guint i = 0; i < 2; i++)
        {
          GtkWidget *list = bl_test_child (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE, lists[i]);
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
          BlActivityEditor *editor;

          g_assert_true (BL_IS_OVERVIEW_ROW (row));
          g_assert_cmpstr (bl_overview_row_get_title (BL_OVERVIEW_ROW (row)), ==, topics[i]);
          g_assert_true (gtk_list_box_row_get_activatable (row));
          g_assert_null (find_editor ());
          /* As a click or Enter on the row. The row activates its button,
           * which clicks once its pressed look has shown. */
          g_signal_emit_by_name (list, "row-activated", row);
          while ((editor = find_editor ()) == NULL)
            g_main_context_iteration (NULL, TRUE);
          g_assert_cmpint (bl_activity_editor_get_id (editor), ==, ids[i]);
          gtk_window_close (GTK_WINDOW (editor));
          bl_test_iterate ();
        }

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }
  /* Its own process: one application per process can own its name. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
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
      row = quota_row (window, quota);
      g_assert_nonnull (row);
      subtitle = bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row));
      g_assert_true (g_str_has_prefix (subtitle, "0 of 1 done"));
      g_assert_nonnull (strstr (subtitle, "1 without a quorum"));
      g_assert_nonnull (bl_test_find_action (row, "app.record"));

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
      g_autoptr(BlQuotaReport) report = NULL;
      BlQuotaStatus *quota;
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
      missed = bl_test_child (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE, "missed_group");
      /* Its title, the box's first label. */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (missed))), ==, "Missed This Year");
      g_assert_false (gtk_widget_get_visible (missed));
      /* November's quotas are there. */
      report = bl_quota_evaluate (store, "2025-11-25", &error);
      g_assert_no_error (error);
      quota = find_quota (report, BL_KIND_COMMITTEE_MEETING);
      g_assert_nonnull (quota);
      g_assert_cmpstr (quota->rule_name, ==, "Branch committee meeting, every month");
      g_assert_nonnull (quota_row (window, quota));

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
      /* Its own menu, made when first opened: About and Quit. */
      {
        GtkMenuButton *button = bl_test_child (GTK_WIDGET (window), BL_TYPE_WINDOW, "error_menu_button");
        GtkPopover *popover;

        g_assert_null (gtk_menu_button_get_popover (button));
        gtk_menu_button_popup (button);
        bl_test_iterate ();
        popover = gtk_menu_button_get_popover (button);
        g_assert_true (GTK_IS_POPOVER_MENU (popover));
        g_assert_nonnull (bl_test_find_menu_item (GTK_POPOVER_MENU (popover), "app.about"));
        g_assert_nonnull (bl_test_find_menu_item (GTK_POPOVER_MENU (popover), "app.quit"));
        gtk_menu_button_popdown (button);
      }

      g_file_get_contents (path, &after, NULL, NULL);
      g_assert_cmpstr (before, ==, after);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds: what another process does
 * arrives through the file watch, in its own time. The limit only keeps a
 * broken watch from hanging the suite. */
static void
wait_for (gboolean    (*condition) (gpointer),
          gpointer      data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static BlStore *
open_ledger (const char *path,
             const char *branch)
{
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open (path, &error);

  g_assert_no_error (error);
  if (branch != NULL)
    {
      bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, branch, &error);
      g_assert_no_error (error);
    }
  return store;
}

/* The ledger's checks, which run once the window has painted */

#define CHECK_DAY_BEFORE "2025-06-01"
#define CHECK_DAY        "2025-06-02"

/* A closed ledger of thirty members (党员000…) and its backup, made on
 * CHECK_DAY_BEFORE; the program then runs on CHECK_DAY, the first open of
 * a day: PRAGMA integrity_check is due. */
static char *
checked_ledger (const char *dir)
{
  char *path = g_build_filename (dir, "ledger.db", NULL);

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), CHECK_DAY_BEFORE));
  {
    g_autoptr(BlStore) store = open_ledger (path, "机关第一党支部");

    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *name = g_strdup_printf ("党员%03u", i);
        bl_test_add_member (store, name, i % 2 ? "一组" : "二组", 0);
      }
  }
  g_object_unref (open_ledger (path, NULL));
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), CHECK_DAY));
  return path;
}

static char *
day_backup (const char *dir)
{
  return g_build_filename (dir, "backups", "ledger-" CHECK_DAY ".db", NULL);
}

static gboolean
checks_over (gpointer data)
{
  return !bl_store_is_checking (data);
}

/* Damage only integrity_check finds: the window paints the ledger, then
 * it turns read-only with the same notice as at any opening, and nothing
 * is written or backed up. */
static void
test_window_check_read_only (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = checked_ledger (dir);
      g_autofree char *backup = day_backup (dir);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(BlMember) member = bl_member_new ("不应保存");
      g_autoptr(GError) error = NULL;
      GtkWidget *stack;
      BlWindow *window;
      BlStore *store;

      bl_test_damage_behind_quick_check (path);
      before = bl_test_read_bytes (path);
      app = start_app (path);
      store = bl_application_get_store (app);
      g_assert_true (bl_store_is_checking (store));
      g_assert_null (bl_store_get_notices (store)[0]);
      window = open_main_window (app);
      g_assert_cmpstr (visible_page (window), ==, "overview");

      /* Started by the first frame, over in their own time. */
      wait_for (checks_over, store);
      bl_test_iterate ();
      g_assert_true (bl_store_is_read_only (store));
      g_assert_true (bl_test_shows_text_within (GTK_WIDGET (window), "failed its integrity check"));
      stack = bl_test_find_type (GTK_WIDGET (window), GTK_TYPE_STACK);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "main");
      g_assert_false (bl_store_save_member (store, member, &error));
      g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY);

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      g_clear_object (&app);
      g_assert_true (bl_test_file_equals (path, before));
      g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A save before the checks have even started (no frame painted yet) runs
 * them first: on a damaged ledger it is refused, nothing written. */
static void
test_window_check_save_first (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = checked_ledger (dir);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(GError) error = NULL;
      BlStore *store;

      bl_test_damage_behind_quick_check (path);
      before = bl_test_read_bytes (path);
      app = start_app (path);
      store = bl_application_get_store (app);
      g_assert_true (bl_store_is_checking (store));
      g_assert_false (bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "改名", &error));
      g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "failed its integrity check and is open read-only"));
      g_clear_object (&app);
      g_assert_true (bl_test_file_equals (path, before));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Damage quick_check finds: the window's pages give way to why the ledger
 * cannot be opened, as when it is refused at once; nothing is written. */
static void
test_window_check_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = checked_ledger (dir);
      g_autofree char *backup = day_backup (dir);
      g_autofree char *wal = NULL;
      g_autofree char *shm = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(BlApplication) app = NULL;
      GtkWidget *stack;
      BlWindow *window;
      BlStore *store;

      /* An index nothing reads at opening. */
      bl_test_damage_root_page (path, "activity_tag_tag");
      before = bl_test_read_bytes (path);
      app = start_app (path);
      store = g_object_ref (bl_application_get_store (app));
      /* The ledger's pages first: its checks start once they are painted. */
      g_application_activate (G_APPLICATION (app));
      window = main_window (app);
      stack = bl_test_find_type (GTK_WIDGET (window), GTK_TYPE_STACK);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "main");
      g_assert_true (bl_store_is_checking (store));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

      wait_for (checks_over, store);
      bl_test_iterate ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "The Ledger Cannot Be Opened"));
      g_assert_true (bl_test_shows_text_within (GTK_WIDGET (window), "is damaged and was left untouched"));
      g_assert_null (bl_application_get_store (app));
      g_assert_null (bl_window_get_store (window));
      g_assert_error (bl_application_get_store_error (app), BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT);
      /* Nothing is offered that needs the ledger. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-activity", NULL);
      bl_test_iterate ();
      g_assert_null (find_editor ());
      /* Asked for again, the window is the one that says why. */
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      bl_test_iterate ();
      g_assert_true (main_window (app) == window);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      g_clear_object (&store);
      g_clear_object (&app);
      g_assert_true (bl_test_file_equals (path, before));
      g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
      /* Nothing left beside it that it did not have (the window read it
       * through a connection that made its -wal and -shm). */
      wal = g_strconcat (path, "-wal", NULL);
      shm = g_strconcat (path, "-shm", NULL);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Closed as soon as painted, the checks under way */

static void
quit_painted_cb (GdkFrameClock *clock,
                 GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, quit_painted_cb, window);
  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window))),
                                  "quit", NULL);
}

/* After the window's own handler, which starts the checks. */
static void
window_realized_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (quit_painted_cb), window, 0);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 BlStore       **store)
{
  if (!BL_IS_WINDOW (window) || *store != NULL)
    return;
  *store = bl_window_get_store (BL_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (*store), (gpointer *) store);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), NULL);
}

/* The program quit on its first frame, the checks just started: it ends
 * as it always does, the worker stopped and waited for, everything let go
 * (AddressSanitizer reports what is not), nothing half done. */
static void
test_window_check_close_early (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = checked_ledger (dir);
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);
      g_autoptr(GDir) listing = NULL;
      g_autoptr(GError) error = NULL;
      BlApplication *app;
      BlStore *store = NULL;
      const char *name;

      g_setenv ("BRANCH_LEDGER_DB", path, TRUE);
      app = bl_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &store);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
      g_assert_nonnull (store);
      g_object_unref (app);
      g_assert_null (store);

      listing = g_dir_open (backups, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_false (g_str_has_suffix (name, ".partial"));
      g_assert_true (bl_ledger_file_check (path, TRUE, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The row that shows the missed periods left out ("more"), or NULL. */
static GtkWidget *
earlier_row (BlWindow *window)
{
  GtkWidget *list = bl_test_child (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE, "missed_list");
  GtkWidget *row = bl_test_find_named (list, "more");
  const char *title;

  if (row == NULL)
    return NULL;
  title = bl_overview_row_get_title (BL_OVERVIEW_ROW (row));
  g_assert_true (g_str_has_prefix (title, "Show ") && g_str_has_suffix (title, " Earlier Periods"));
  return row;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* A window open over midnight: the overview, the new record's date and
 * the deadlines are the new day's (the clock's test override moves it). */
static void
test_window_day_change (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlClock) clock = bl_clock_new ();
      g_autoptr(BlStore) store = open_ledger (path, "机关第一党支部");
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(BlQuotaReport) report = NULL;
      g_autoptr(GError) error = NULL;
      BlActivityEditor *editor;
      BlQuotaStatus *quota;
      BlWindow *window;
      GtkWidget *row;

      bl_test_add_member (store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
      g_assert_true (bl_clock_set_fixed_date (clock, "2025-11-28"));
      bl_store_set_clock (store, clock);
      /* The ledger is kept from January: the year's missed periods count. */
      g_assert_true (bl_store_set_start_date (store, "2025-01-01", &error));
      g_assert_no_error (error);
      report = bl_quota_evaluate (store, "2025-11-28", &error);
      g_assert_no_error (error);
      quota = find_quota (report, BL_KIND_COMMITTEE_MEETING);
      g_assert_nonnull (quota);

      app = start_app (path);
      window = bl_window_new_for_store (app, store);
      gtk_window_present (GTK_WINDOW (window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      bl_test_iterate ();
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "Today is 28 November 2025"));
      row = quota_row (window, quota);
      g_assert_nonnull (row);
      g_assert_cmpstr (bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row)), ==,
                       "0 of 1 done · deadline 30 November 2025 (2 days left)");
      g_assert_false (bl_test_shows_text (GTK_WIDGET (window), "1 November 2025 – 30 November 2025"));

      /* Midnight into December. */
      g_assert_true (bl_clock_set_fixed_date (clock, "2025-12-01"));
      bl_test_iterate ();
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "Today is 1 December 2025"));
      row = quota_row (window, quota);
      g_assert_nonnull (row);
      g_assert_cmpstr (bl_overview_row_get_subtitle (BL_OVERVIEW_ROW (row)), ==,
                       "0 of 1 done · deadline 31 December 2025 (30 days left)");
      /* November's committee meeting is now missed. */
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "1 November 2025 – 30 November 2025: 0 of 1 done"));

      /* A year of periods missed: the latest shown, the earlier ones on request. */
      {
        GtkWidget *more = earlier_row (window);
        GtkWidget *list;
        guint before;

        g_assert_nonnull (more);
        list = gtk_widget_get_parent (more);
        before = count_children (list);
        g_assert_cmpuint (before, ==, 11);
        /* As a click or Enter on the row does. */
        g_signal_emit_by_name (list, "row-activated", more);
        bl_test_iterate ();
        g_assert_cmpuint (count_children (list), >, before);
        g_assert_null (earlier_row (window));
        g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "1 January 2025 – 31 January 2025: 0 of 1 done"));
      }

      /* A new record is dated the new day. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-activity", NULL);
      bl_test_iterate ();
      editor = find_editor ();
      g_assert_nonnull (editor);
      g_assert_true (bl_test_shows_text (GTK_WIDGET (editor), "1 December 2025"));
      gtk_window_destroy (GTK_WINDOW (editor));

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
has_three_rows (gpointer data)
{
  return g_list_model_get_n_items (data) == 3;
}

/* Another program writes to the ledger while the window is open (here the
 * program itself, importing from the command line): every page follows. */
static void
test_window_outside_writes (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autofree char *csv = bl_test_write_file ("activities.csv",
                                                 "类型,日期,主题,出席\n"
                                                 "主题党日,2025-03-10,重温入党誓词,王建国\n"
                                                 "支部委员会,2025-03-12,研究发展党员工作,王建国\n");
      const char *argv[] = { "--database", path, "--import-activities", csv, NULL };
      g_autoptr(BlApplication) app = NULL;
      g_autofree char *err = NULL;
      GtkWidget *page;
      BlWindow *window;
      GListModel *model;

      {
        g_autoptr(BlStore) setup = open_ledger (path, "机关第一党支部");
        g_autoptr(BlActivity) activity = bl_activity_new ();
        g_autoptr(GError) error = NULL;

        bl_test_add_member (setup, "王建国", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
        bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
        bl_activity_set_date (activity, "2025-02-20");
        bl_activity_set_topic (activity, "年度工作部署");
        bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
        bl_store_save_activity (setup, activity, NULL, &error);
        g_assert_no_error (error);
      }

      app = start_app (path);
      g_action_group_activate_action (G_ACTION_GROUP (app), "show-page", g_variant_new_string ("activities"));
      window = main_window (app);
      g_assert_nonnull (window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      bl_test_iterate ();
      page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_ACTIVITIES_PAGE);
      g_assert_nonnull (page);
      model = bl_activities_page_get_model (BL_ACTIVITIES_PAGE (page));
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

      g_assert_cmpint (bl_test_run_program (argv, NULL, &err), ==, 0);
      wait_for (has_three_rows, model);
      g_assert_true (bl_test_shows_text (page, "重温入党誓词"));
      /* The store's lists too: what the editor and the other pages read. */
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (bl_application_get_store (app))), ==, 3);

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A new record with a topic typed in: the editor has unsaved changes. */
static BlActivityEditor *
start_record (BlWindow   *window,
              const char *topic)
{
  BlActivityEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-activity", NULL);
  bl_test_iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  gtk_editable_set_text (GTK_EDITABLE (details_child (editor, "topic_row")), topic);
  g_assert_true (bl_activity_editor_get_modified (editor));
  return editor;
}

static BlWindow *
open_main_window (BlApplication *app)
{
  BlWindow *window;

  g_application_activate (G_APPLICATION (app));
  bl_test_iterate ();
  window = main_window (app);
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* Closing the main window over a record with unsaved changes asks, as the
 * editor's own close does, and leaves no editor behind. */
static void
test_window_close_unsaved (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      BlActivityEditor *editor;
      BlWindow *window;
      GtkWidget *alert;
      BlStore *store;

      g_clear_object (&(BlStore *) { open_ledger (path, "机关第一党支部") });
      app = start_app (path);
      store = bl_application_get_store (app);
      window = open_main_window (app);
      start_record (window, "学习党章");

      /* Cancel: both stay, the record still being written. */
      gtk_window_close (GTK_WINDOW (window));
      bl_test_iterate ();
      g_assert_true (main_window (app) == window);
      alert = bl_alert_get_open ();
      g_assert_nonnull (alert);
      g_assert_true (bl_test_shows_text (alert, "Save Changes?"));
      bl_alert_response (alert, "cancel");
      bl_test_iterate ();
      g_assert_true (main_window (app) == window);
      editor = find_editor ();
      g_assert_nonnull (editor);
      g_assert_true (bl_activity_editor_get_modified (editor));

      /* Discard: the window goes, and the editor with it; nothing saved. */
      gtk_window_close (GTK_WINDOW (window));
      bl_test_iterate ();
      bl_alert_response (bl_alert_get_open (), "discard");
      bl_test_iterate ();
      g_assert_null (find_editor ());
      g_assert_null (main_window (app));
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);

      /* Save: the record is saved, then both go. */
      window = open_main_window (app);
      start_record (window, "学习党章");
      gtk_window_close (GTK_WINDOW (window));
      bl_test_iterate ();
      bl_alert_response (bl_alert_get_open (), "save");
      bl_test_iterate ();
      g_assert_null (find_editor ());
      g_assert_null (main_window (app));
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);

      /* An editor without changes goes with the window, without a question. */
      window = open_main_window (app);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-activity", NULL);
      bl_test_iterate ();
      g_assert_nonnull (find_editor ());
      gtk_window_close (GTK_WINDOW (window));
      bl_test_iterate ();
      g_assert_null (bl_alert_get_open ());
      g_assert_null (find_editor ());
      g_assert_null (main_window (app));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The editor's own "Save Changes?" answered with a click, then the main
 * window closed: no warning at all (they are fatal here). The question may
 * be held past its answer by something else (the accessibility layer, say):
 * here the test holds it until the window has gone. */
static void
test_window_close_after_editor_question (void)
{
  if (g_test_subprocess ())
    {
      const char *answers[] = { "discard", "save" };
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;

      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
      g_clear_object (&(BlStore *) { open_ledger (path, "机关第一党支部") });
      app = start_app (path);

      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        {
          BlWindow *window = open_main_window (app);
          BlActivityEditor *editor = start_record (window, "学习党章");
          g_autoptr(GtkWidget) alert = NULL;

          /* Escape */
          gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
          bl_test_iterate ();
          alert = bl_alert_get_open ();
          g_assert_nonnull (alert);
          g_object_ref (alert);
          gtk_test_widget_wait_for_draw (alert);
          bl_test_click (bl_test_response_button (alert, answers[i]));
          bl_test_iterate ();
          g_assert_null (find_editor ());

          gtk_window_close (GTK_WINDOW (window));
          bl_test_iterate ();
          g_assert_null (main_window (app));
          g_clear_object (&alert);
        }
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (bl_application_get_store (app))), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The first close that leaves the reminders running in the background:
 * said once, with "Don't Show Again". @answer: the response given. */
static void
close_with_reminders (const char *answer)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(BlApplication) app = NULL;
  BlWindow *window;
  GtkWidget *alert;

  /* An empty ledger: the reminders run, with nothing to send yet. */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  app = start_app (path);
  bl_application_start_reminders (app);
  g_assert_true (bl_application_runs_in_background (app));
  window = open_main_window (app);

  gtk_window_close (GTK_WINDOW (window));
  bl_test_iterate ();
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  g_assert_true (bl_test_shows_text (alert, "Reminders Keep Running"));
  g_assert_true (main_window (app) == window);
  bl_alert_response (alert, answer);
  bl_test_iterate ();
  g_assert_null (main_window (app));
  g_assert_cmpint (g_settings_get_boolean (settings, "background-notice"), ==, g_str_equal (answer, "close"));

  /* Once a run: the next close says nothing. */
  window = open_main_window (app);
  gtk_window_close (GTK_WINDOW (window));
  bl_test_iterate ();
  g_assert_null (bl_alert_get_open ());
  g_assert_null (main_window (app));
}

static void
test_window_background_notice (void)
{
  if (g_test_subprocess ())
    {
      close_with_reminders ("close");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_window_background_notice_never (void)
{
  if (g_test_subprocess ())
    {
      close_with_reminders ("never");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Quit ends the program, reminders and all: nothing to say. */
static void
test_window_background_notice_quit (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;

      g_settings_set_boolean (settings, "reminders-enabled", TRUE);
      app = start_app (path);
      bl_application_start_reminders (app);
      open_main_window (app);
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      bl_test_iterate ();
      g_assert_null (bl_alert_get_open ());
      g_assert_null (main_window (app));
      g_assert_false (bl_application_runs_in_background (app));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

typedef struct {
  GtkWidget *title;     /* the overview's branch title, once it exists */
  const char *name;
  guint frames;         /* frames painted with the main view shown */
  guint wrong;          /* …showing another title than the branch's */
} TitleWatch;

static void
after_paint_cb (GdkFrameClock *clock,
                TitleWatch    *watch)
{
  if (watch->title == NULL || !gtk_widget_get_mapped (watch->title))
    return;
  watch->frames++;
  if (!gtk_widget_get_visible (watch->title) ||
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (watch->title)), watch->name) != 0)
    watch->wrong++;
}

/* "Start" on the welcome page: the overview comes with the branch's name
 * in its very first frame, never a stand-in title. */
static void
test_window_start_title (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      TitleWatch watch = { NULL, "滨江街道机关第二党支部", 0, 0 };
      GdkFrameClock *clock;
      GtkWidget *welcome;
      GtkWidget *overview;
      BlWindow *window;

      app = start_app (path);
      window = open_main_window (app);
      welcome = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
      g_assert_nonnull (welcome);
      /* Nothing of the main view is built for a first run. */
      g_assert_null (bl_test_find_type (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE));
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);

      gtk_editable_set_text (GTK_EDITABLE (bl_test_child (welcome, BL_TYPE_WELCOME_PAGE, "branch_row")), watch.name);
      g_signal_emit_by_name (bl_test_child (welcome, BL_TYPE_WELCOME_PAGE, "start_button"), "clicked");
      overview = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_OVERVIEW_PAGE);
      g_assert_nonnull (overview);
      watch.title = bl_test_find_type (overview, GTK_TYPE_LABEL);
      g_assert_true (gtk_widget_has_css_class (watch.title, "title-1"));
      /* Already right when Start returns, before any frame. */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (watch.title)), ==, watch.name);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      bl_test_iterate ();
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpuint (watch.frames, >, 0);
      g_assert_cmpuint (watch.wrong, ==, 0);

      g_signal_handlers_disconnect_by_data (clock, &watch);
      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The keyboard shortcuts' window over @window, NULL while there is none. */
static GtkWindow *
shortcuts_window (BlWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }
  return NULL;
}

/* The main menu is made when first opened, not with the window, and then
 * holds every item of the menu in bl-window.ui; so is the keyboard
 * shortcuts' window. */
static void
test_window_main_menu (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      GtkMenuButton *button;
      GtkPopover *popover;
      BlWindow *window;

      g_object_unref (open_ledger (path, "机关第一党支部"));
      app = start_app (path);
      window = open_main_window (app);
      button = bl_test_child (GTK_WIDGET (window), BL_TYPE_WINDOW, "primary_menu_button");
      g_assert_null (gtk_menu_button_get_popover (button));

      gtk_menu_button_popup (button);
      bl_test_iterate ();
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
      g_assert_true (gtk_menu_button_get_menu_model (button) ==
                     bl_test_child (GTK_WIDGET (window), BL_TYPE_WINDOW, "primary_menu"));
      for (const char * const *action = (const char * const[]) { "win.import-members", "win.import-activities",
                                                                 "win.export-xlsx", "win.print-records",
                                                                 "win.print-signin", "win.attach-signin-photo",
                                                                 "app.preferences", "win.show-help-overlay",
                                                                 "app.about", NULL };
           *action != NULL; action++)
        g_assert_nonnull (bl_test_find_menu_item (GTK_POPOVER_MENU (popover), *action));

      /* Opened again: the same menu, not a second one. */
      gtk_menu_button_popdown (button);
      bl_test_iterate ();
      gtk_menu_button_popup (button);
      bl_test_iterate ();
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      gtk_menu_button_popdown (button);

      /* Its "Keyboard Shortcuts": a window built when first asked for. */
      g_assert_null (shortcuts_window (window));
      /* GTK 4.8's shortcuts window warns, shown here, that a label of its
       * own "reported min width -3" (GtkApplication's help overlay did the
       * same): warnings are not fatal while it is shown. */
      {
        GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);

        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
        bl_test_iterate ();
        g_log_set_always_fatal (fatal);
      }
      g_assert_nonnull (shortcuts_window (window));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts_window (window))));
      gtk_window_close (shortcuts_window (window));
      bl_test_iterate ();
      /* Closed, it is kept for the next time. */
      g_assert_nonnull (shortcuts_window (window));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts_window (window))));

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* win.copy-activity (an activity's id: what the Activities page's "复制为新
 * 记录" calls): a new record like it, without a date, over the window. */
static void
test_window_copy_activity (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autoptr(GError) error = NULL;
      BlActivityEditor *editor;
      BlWindow *window;
      BlStore *store;

      app = start_app (path);
      store = bl_application_get_store (app);
      bl_test_add_member (store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
      bl_activity_set_kind (activity, BL_KIND_COMMITTEE_MEETING);
      bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
      bl_activity_set_date (activity, "2025-03-04");
      bl_activity_set_start_time (activity, "09:00");
      bl_activity_set_location (activity, "党员活动室");
      bl_activity_set_host (activity, "张书记");
      bl_activity_set_topic (activity, "研究发展党员工作");
      bl_activity_set_content (activity, "会议纪要");
      g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
      g_assert_no_error (error);

      g_action_group_activate_action (G_ACTION_GROUP (app), "open-overview", NULL);
      window = main_window (app);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_null (find_editor ());
      gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-activity", "x", bl_activity_get_id (activity));
      bl_test_iterate ();
      editor = find_editor ();
      g_assert_nonnull (editor);
      g_assert_cmpint (bl_activity_editor_get_id (editor), ==, 0);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_child (editor, "topic_row"))),
                       ==, "研究发展党员工作");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_child (editor, "location_row"))),
                       ==, "党员活动室");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_child (editor, "host_row"))),
                       ==, "张书记");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_child (editor, "start_row"))), ==, "09:00");
      g_assert_false (bl_activity_editor_get_modified (editor));
      gtk_window_destroy (GTK_WINDOW (editor));
      bl_test_iterate ();

      /* From the Activities page: the selected row's 复制为新记录 (its
       * context menu and Ctrl+Shift+D) opens the same editor, no date. */
      {
        BlActivitiesPage *page;
        GtkSelectionModel *selection;
        GtkWidget *date;

        bl_window_show_page (window, "activities");
        bl_test_iterate ();
        page = BL_ACTIVITIES_PAGE (bl_test_find_type (GTK_WIDGET (window), BL_TYPE_ACTIVITIES_PAGE));
        g_assert_nonnull (page);
        selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (bl_test_find_type (GTK_WIDGET (page),
                                                                                   GTK_TYPE_COLUMN_VIEW)));
        gtk_selection_model_select_item (selection, 0, TRUE);
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activities.copy-as-new", NULL));
        bl_test_iterate ();
        editor = find_editor ();
        g_assert_nonnull (editor);
        g_assert_cmpint (bl_activity_editor_get_id (editor), ==, 0);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (details_child (editor, "topic_row"))),
                         ==, "研究发展党员工作");
        date = details_child (editor, "date_button");
        g_assert_true (GTK_IS_MENU_BUTTON (date));
        g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (date)), ==, "No Date");
        gtk_window_destroy (GTK_WINDOW (editor));
        bl_test_iterate ();
        g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);
      }

      /* A record deleted meanwhile: said, nothing opened. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-activity", "x", (gint64) 4242);
      bl_test_iterate ();
      g_assert_null (find_editor ());
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The saved file's toast's "Open" button (win.open-file), once shown. */
static GtkWidget *
open_file_button (BlWindow *window)
{
  GtkWidget *button = bl_test_find_action (GTK_WIDGET (window), "win.open-file");

  return button != NULL && GTK_IS_BUTTON (button) && gtk_widget_is_visible (button) ? button : NULL;
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
      /* A name that is not valid markup: toasts show their text as it is. */
      g_autofree char *saved = g_build_filename (dir, "台账 & <2025>.xlsx", NULL);
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
      /* Closed, as a secretary would: the toasts that follow wait for it. */
      bl_test_dismiss_toast (GTK_WIDGET (window));

      bl_workbook_save_start (GTK_WIDGET (window), bl_window_get_store (window), 0, saved_file);
      while (open_file_button (window) == NULL)
        g_main_context_iteration (NULL, TRUE);
      button = open_file_button (window);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Open");
      g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "Saved 台账 & <2025>.xlsx"));
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

/* "Try with Sample Data" opens the sample ledger in a window of its own,
 * marked in its banner and its title, beside the welcome window, which
 * stays on the untouched ledger. */
static void
test_window_sample_ledger (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autofree char *sample_path = bl_welcome_page_get_demo_path ();
      g_autoptr(BlApplication) app = NULL;
      GtkWidget *welcome;
      BlWindow *window;
      BlWindow *sample = NULL;
      guint n_windows;

      /* The sample goes under XDG_DATA_HOME, a folder of the test's own. */
      g_assert_true (g_str_has_prefix (sample_path, g_get_tmp_dir ()));
      app = start_app (path);
      window = open_main_window (app);
      welcome = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
      g_assert_nonnull (welcome);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Branch Ledger");
      g_assert_false (bl_test_shows_text (GTK_WIDGET (window), "Sample data"));

      bl_test_click (bl_test_child (welcome, BL_TYPE_WELCOME_PAGE, "demo_button"));
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
        if (BL_IS_WINDOW (l->data) && l->data != window)
          sample = l->data;
      g_assert_nonnull (sample);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (sample));
      g_assert_cmpstr (bl_store_get_path (bl_window_get_store (sample)), ==, sample_path);
      g_assert_false (bl_store_is_empty (bl_window_get_store (sample)));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (sample)), ==, "Sample Data — Branch Ledger");
      g_assert_true (bl_test_shows_text (GTK_WIDGET (sample), "Sample data: changes are not kept"));
      g_assert_nonnull (bl_test_find_type (GTK_WIDGET (sample), BL_TYPE_OVERVIEW_PAGE));

      /* The welcome window stays as it was, on the empty ledger. */
      g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL);
      g_assert_true (bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE) == welcome);
      g_assert_true (gtk_widget_get_mapped (welcome));
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Branch Ledger");
      g_assert_false (bl_test_shows_text (GTK_WIDGET (window), "Sample data"));
      g_assert_true (bl_store_is_empty (bl_application_get_store (app)));

      /* Again: the open sample comes to the front, no second one. */
      n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
      bl_test_click (bl_test_child (welcome, BL_TYPE_WELCOME_PAGE, "demo_button"));
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);

      gtk_window_destroy (GTK_WINDOW (sample));
      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The window in Chinese, as secretaries run it, driven through the same
 * finders as the English tests (ids, names, actions, responses), which
 * therefore never read a label: a first run, a quota recorded from the
 * overview, the "Save Changes?" question answered with its button, and a
 * record deleted from the Activities page's menu and put back with the
 * toast's button. */
static void
test_window_in_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = bl_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
      g_autofree char *today = NULL;
      g_autoptr(BlApplication) app = NULL;
      g_autoptr(BlQuotaReport) report = NULL;
      g_autoptr(GtkWidget) alert = NULL;
      g_autoptr(GError) error = NULL;
      BlActivityEditor *editor;
      BlActivitiesPage *page;
      BlQuotaStatus *quota;
      GtkPopover *menu;
      GtkWidget *welcome, *button, *row;
      BlWindow *window;
      BlStore *store;
      GDate date;

      if (!bl_test_use_chinese ())
        return;
      app = start_app (path);
      store = bl_application_get_store (app);
      window = open_main_window (app);

      /* The welcome page, in Chinese: a name, then Start. */
      welcome = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
      g_assert_nonnull (welcome);
      button = bl_test_child (welcome, BL_TYPE_WELCOME_PAGE, "start_button");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "开始使用(_S)");
      gtk_editable_set_text (GTK_EDITABLE (bl_test_child (welcome, BL_TYPE_WELCOME_PAGE, "branch_row")),
                             "滨江街道机关第二党支部");
      bl_test_click (button);
      g_assert_false (bl_store_is_empty (store));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (bl_test_child (GTK_WIDGET (window), BL_TYPE_WINDOW,
                                                                        "main_stack")), ==, "main");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      bl_test_iterate ();

      /* The committee's quota on the overview, and its 记录 button. */
      bl_date_set_today (&date);
      today = bl_date_to_iso (&date);
      report = bl_quota_evaluate (store, today, &error);
      g_assert_no_error (error);
      quota = find_quota (report, BL_KIND_COMMITTEE_MEETING);
      g_assert_nonnull (quota);
      row = quota_row (window, quota);
      g_assert_nonnull (row);
      button = bl_test_find_action (row, "app.record");
      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "记录");
      bl_test_click (button);
      editor = find_editor ();
      g_assert_nonnull (editor);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
      g_assert_cmpstr (bl_kind_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (details_child (editor, "kind_row")))),
                       ==, BL_KIND_COMMITTEE_MEETING);
      gtk_editable_set_text (GTK_EDITABLE (details_child (editor, "topic_row")), "研究年度工作计划");

      /* Escape over unsaved changes: the question, answered with its 保存 button. */
      gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
      bl_test_iterate ();
      alert = bl_alert_get_open ();
      g_assert_nonnull (alert);
      g_object_ref (alert);
      gtk_test_widget_wait_for_draw (alert);
      button = bl_test_response_button (alert, "save");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "保存(_S)");
      bl_test_click (button);
      g_assert_null (find_editor ());
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);
      /* The quota is met: its row offers nothing to record. */
      row = quota_row (window, quota);
      g_assert_nonnull (row);
      g_assert_null (bl_test_find_action (row, "app.record"));

      /* The record deleted from the Activities page's menu (删除), then put
       * back with the toast's 撤销 button. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "activities");
      bl_test_iterate ();
      page = BL_ACTIVITIES_PAGE (bl_test_find_type (GTK_WIDGET (window), BL_TYPE_ACTIVITIES_PAGE));
      g_assert_nonnull (page);
      gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (
                                         bl_test_child (GTK_WIDGET (page), BL_TYPE_ACTIVITIES_PAGE, "column_view"))),
                                       0, TRUE);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "activities.menu", NULL));
      bl_test_iterate ();
      menu = bl_activity_menu_get_popover (bl_activities_page_get_menu (page));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
      button = bl_test_find_menu_item (GTK_POPOVER_MENU (menu), "activities.delete");
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      bl_test_iterate ();
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);
      button = bl_test_find_toast_button (GTK_WIDGET (page));
      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "撤销(_U)");
      bl_test_click (button);
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);

      gtk_window_destroy (GTK_WINDOW (window));
      bl_test_iterate ();
      g_clear_object (&alert);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  bl_test_gui_init (&argc, &argv);
  /* Print dialogs list the "Print to File" printer only: no CUPS to wait for. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);

  g_test_add_func ("/window/overview-and-record", test_window_overview_and_record);
  g_test_add_func ("/window/overview-quorum", test_window_overview_quorum);
  g_test_add_func ("/window/overview-planned", test_window_overview_planned);
  g_test_add_func ("/window/print-records", test_window_print_records);
  g_test_add_func ("/window/store-error", test_window_store_error);
  g_test_add_func ("/window/check-read-only", test_window_check_read_only);
  g_test_add_func ("/window/check-save-first", test_window_check_save_first);
  g_test_add_func ("/window/check-refused", test_window_check_refused);
  g_test_add_func ("/window/check-close-early", test_window_check_close_early);
  g_test_add_func ("/window/day-change", test_window_day_change);
  g_test_add_func ("/window/outside-writes", test_window_outside_writes);
  g_test_add_func ("/window/close-unsaved", test_window_close_unsaved);
  g_test_add_func ("/window/close-after-editor-question", test_window_close_after_editor_question);
  g_test_add_func ("/window/background-notice", test_window_background_notice);
  g_test_add_func ("/window/background-notice-never", test_window_background_notice_never);
  g_test_add_func ("/window/background-notice-quit", test_window_background_notice_quit);
  g_test_add_func ("/window/start-title", test_window_start_title);
  g_test_add_func ("/window/main-menu", test_window_main_menu);
  g_test_add_func ("/window/new-ledger-overview", test_window_new_ledger_overview);
  g_test_add_func ("/window/copy-activity", test_window_copy_activity);
  g_test_add_func ("/window/import-and-export", test_window_import_and_export);
  g_test_add_func ("/window/sample-ledger", test_window_sample_ledger);
  g_test_add_func ("/window/in-chinese", test_window_in_chinese);
  return g_test_run ();
}
