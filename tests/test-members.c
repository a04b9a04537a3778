/* test-members.c: first run (welcome page), the members page with its
 * editor, transfer, CSV import and statistics after writes, and the
 * preferences window, all driven through their widgets and checked in the
 * store */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bl-alert.h"
#include "bl-application.h"
#include "bl-date.h"
#include "bl-deletion.h"
#include "bl-kind.h"
#include "bl-member-editor.h"
#include "bl-file-import.h"
#include "bl-members-page.h"
#include "bl-preferences-window.h"
#include "bl-rules.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-welcome-page.h"
#include "bl-window.h"

/* One application for the whole run (an application cannot be started
 * twice in a process); its own ledger starts empty, for the first run. The
 * other tests open windows on ledgers of their own. */
static BlApplication *app;
static char *app_ledger;

static void
start_app (void)
{
  g_autofree char *dir = bl_test_make_dir ();

  app_ledger = g_build_filename (dir, "ledger.db", NULL);
  g_setenv ("BRANCH_LEDGER_DB", app_ledger, TRUE);
  app = bl_test_app_new ();
}

static BlWindow *
open_window (BlStore *store)
{
  BlWindow *window = bl_window_new_for_store (app, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  bl_test_iterate ();
  return window;
}

static BlWindow *
window_for_path (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (BL_IS_WINDOW (l->data) && bl_window_get_store (l->data) != NULL &&
        g_strcmp0 (bl_store_get_path (bl_window_get_store (l->data)), path) == 0)
      return l->data;
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* A pack's switch, named after the pack's id. */
static GtkWidget *
pack_switch (GtkWidget *root, const char *id)
{
  GtkWidget *toggle = bl_test_find_named (root, id);

  g_assert_true (toggle == NULL || GTK_IS_SWITCH (toggle));
  return toggle;
}

static const char *
top_stack_page (BlWindow *window)
{
  GtkWidget *stack = bl_test_find_type (GTK_WIDGET (window), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
pack_enabled (BlStore *store, const char *id)
{
  g_autoptr(GPtrArray) packs = bl_rules_list_packs (store, NULL);

  for (guint i = 0; packs != NULL && i < packs->len; i++)
    {
      BlRulePackInfo *info = packs->pdata[i];

      if (g_str_equal (info->id, id))
        return info->enabled;
    }
  g_assert_not_reached ();
}

/* A field of the welcome page, by its id in bl-welcome-page.ui. */
static GtkWidget *
welcome_child (GtkWidget *page, const char *id)
{
  return bl_test_child (page, BL_TYPE_WELCOME_PAGE, id);
}

/* A field of the member editor, by its id in bl-member-editor.ui. */
static GtkWidget *
editor_child (gpointer editor, const char *id)
{
  return bl_test_child (GTK_WIDGET (editor), BL_TYPE_MEMBER_EDITOR, id);
}

/* A field of Preferences, by its id in bl-preferences-window.ui. */
static GtkWidget *
preferences_child (gpointer preferences, const char *id)
{
  return bl_test_child (GTK_WIDGET (preferences), BL_TYPE_PREFERENCES_WINDOW, id);
}

static void
set_text (GtkWidget *field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
close_dialogs (void)
{
  GtkWidget *alert;

  while ((alert = bl_alert_get_open ()) != NULL)
    bl_alert_force_close (alert);
  bl_test_iterate ();
}

/* The welcome page saves branch, secretary and packs together, then leaves. */
static void
test_first_run (void)
{
  g_autofree char *name = NULL;
  g_autoptr(BlMember) secretary = NULL;
  BlStore *store = bl_application_get_store (app);
  BlWindow *window;
  GtkWidget *page;
  GtkWidget *ideology;

  /* The window the application opens on its empty ledger. */
  g_application_activate (G_APPLICATION (app));
  bl_test_iterate ();
  window = window_for_path (app_ledger);
  g_assert_nonnull (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (bl_store_is_empty (store));
  g_assert_cmpstr (top_stack_page (window), ==, "welcome");
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  g_assert_nonnull (page);

  /* The standard pack is on by default, the park's plan offered. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (pack_switch (page, "standard"))));
  ideology = pack_switch (page, "park-2025-ideology");
  g_assert_nonnull (ideology);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (ideology)));

  /* No name: an inline message, nothing saved, still on the welcome page. */
  bl_test_click (welcome_child (page, "start_button"));
  g_assert_true (bl_test_shows_text (page, "Enter the name of your branch"));
  g_assert_true (bl_store_is_empty (store));
  g_assert_cmpstr (top_stack_page (window), ==, "welcome");

  /* A member added by hand from the welcome page. */
  bl_test_click (welcome_child (page, "add_member_button"));
  {
    GtkWindow *editor = find_toplevel (BL_TYPE_MEMBER_EDITOR);

    g_assert_nonnull (editor);
    set_text (editor_child (editor, "name_row"), "周红");
    adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "role_row")), BL_MEMBER_ROLE_SECRETARY);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    bl_test_iterate ();
    g_assert_null (find_toplevel (BL_TYPE_MEMBER_EDITOR));
  }
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 1);
  g_assert_true (bl_test_shows_text (page, "1 member"));
  g_assert_cmpstr (top_stack_page (window), ==, "welcome");

  set_text (welcome_child (page, "branch_row"), "  滨江街道机关第二党支部 ");
  set_text (welcome_child (page, "secretary_row"), "周红");
  gtk_switch_set_active (GTK_SWITCH (ideology), TRUE);
  bl_test_click (welcome_child (page, "start_button"));

  name = bl_store_get_branch_name (store);
  secretary = bl_store_get_secretary (store, NULL);
  g_assert_cmpstr (name, ==, "滨江街道机关第二党支部");
  g_assert_nonnull (secretary);
  g_assert_cmpstr (bl_member_get_name (secretary), ==, "周红");
  g_assert_true (pack_enabled (store, "standard"));
  g_assert_true (pack_enabled (store, "park-2025-ideology"));
  g_assert_false (bl_store_is_empty (store));
  g_assert_cmpstr (top_stack_page (window), ==, "main");
  /* The secretary added by hand holds the role from the start. */
  g_assert_cmpint (bl_store_get_secretary_on (store, "2000-01-01"), !=, 0);
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* A first run that turns the standard pack off keeps it off. */
static void
test_first_run_without_standard (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  BlWindow *window = open_window (store);
  GtkWidget *page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);

  g_assert_cmpstr (top_stack_page (window), ==, "welcome");
  set_text (welcome_child (page, "branch_row"), "某某园区第一党支部");
  gtk_switch_set_active (GTK_SWITCH (pack_switch (page, "standard")), FALSE);
  bl_test_click (welcome_child (page, "start_button"));
  g_assert_false (pack_enabled (store, "standard"));
  g_assert_false (pack_enabled (store, "park-2025-ideology"));
  g_assert_cmpstr (top_stack_page (window), ==, "main");
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* "Try with Sample Data" opens a demo ledger of its own; the real one stays empty. */
static void
test_sample_data (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  const char *data_home = g_get_user_data_dir ();
  g_autofree char *demo_path = bl_welcome_page_get_demo_path ();
  g_autofree char *name = NULL;
  BlWindow *window;
  BlWindow *demo;
  GtkWidget *page;

  g_assert_true (g_str_has_prefix (demo_path, data_home));
  g_assert_true (g_str_has_prefix (data_home, g_get_tmp_dir ()));

  window = open_window (store);
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  bl_test_click (welcome_child (page, "demo_button"));

  demo = window_for_path (demo_path);
  g_assert_nonnull (demo);
  g_assert_cmpstr (top_stack_page (demo), ==, "main");
  name = bl_store_get_branch_name (bl_window_get_store (demo));
  g_assert_cmpstr (name, !=, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (bl_window_get_store (demo))), >=, 25);
  /* The real ledger is untouched, and its window stays beside the sample. */
  g_assert_true (window_for_path (bl_store_get_path (store)) == window);
  g_assert_cmpstr (top_stack_page (window), ==, "welcome");
  g_assert_true (bl_store_is_empty (store));

  /* Again, from a fresh window on the empty ledger: a fresh sample, not a refusal. */
  gtk_window_destroy (GTK_WINDOW (demo));
  bl_test_iterate ();
  window = open_window (store);
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  bl_test_click (welcome_child (page, "demo_button"));
  demo = window_for_path (demo_path);
  g_assert_nonnull (demo);

  /* While it is open, the button goes to it rather than rebuild it. */
  window = open_window (store);
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  {
    guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

    bl_test_click (welcome_child (page, "demo_button"));
    g_assert_true (window_for_path (demo_path) == demo);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
  }
  bl_test_close_windows (GTK_APPLICATION (app));
}

static BlMember *
member_named (BlStore *store, const char *name)
{
  GListModel *members = bl_store_get_members (store);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (g_str_equal (bl_member_get_name (member), name))
        return g_steal_pointer (&member);
    }
  return NULL;
}

static void
select_member (GtkWidget *page, const char *name)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (bl_test_find_type (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (model, i);

      if (g_str_equal (bl_member_get_name (member), name))
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Add, edit and transfer out on the members page change the store. */
static void
test_members_page (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlMember) added = NULL;
  g_autoptr(BlMember) edited = NULL;
  g_autoptr(BlMember) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  BlMemberEditor *editor;
  GtkWidget *alert;
  GtkWidget *page;
  BlWindow *window;
  GtkWidget *group_row;
  GDate date;
  guint n_before;

  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "机关第一党支部", &error);
  g_assert_no_error (error);
  bl_test_add_member (store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  bl_test_add_member (store, "王党员", "第一党小组", BL_MEMBER_ROLE_NONE);
  bl_date_set_today (&date);
  today = bl_date_to_iso (&date);

  window = open_window (store);
  bl_window_show_page (window, "members");
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_MEMBERS_PAGE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (bl_test_shows_text (page, "2 active members"));
  n_before = g_list_model_get_n_items (bl_store_get_members (store));

  /* Add: an empty name is refused inline, nothing saved. */
  gtk_widget_activate_action (page, "members.add", NULL);
  bl_test_iterate ();
  editor = BL_MEMBER_EDITOR (find_toplevel (BL_TYPE_MEMBER_EDITOR));
  g_assert_nonnull (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (editor), "Enter the member’s name."));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, n_before);

  /* …then a probationary member in a new group, with a phone. */
  set_text (editor_child (editor, "name_row"), "刘新");
  group_row = editor_child (editor, "group_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (group_row),
                              g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (group_row))) - 1);
  set_text (editor_child (editor, "new_group_row"), "第二党小组");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "category_row")), BL_MEMBER_CATEGORY_PROBATIONARY);
  set_text (editor_child (editor, "joined_row"), "2025-13-01");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (editor), "The date joined is not a date"));
  g_assert_null (member_named (store, "刘新"));
  set_text (editor_child (editor, "joined_row"), "2025-06-30");
  set_text (editor_child (editor, "phone_row"), "13900001111");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_null (find_toplevel (BL_TYPE_MEMBER_EDITOR));

  added = member_named (store, "刘新");
  g_assert_nonnull (added);
  g_assert_cmpstr (bl_member_get_group (added), ==, "第二党小组");
  g_assert_cmpint (bl_member_get_category (added), ==, BL_MEMBER_CATEGORY_PROBATIONARY);
  g_assert_cmpstr (bl_member_get_joined (added), ==, "2025-06-30");
  g_assert_cmpstr (bl_member_get_phone (added), ==, "13900001111");
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "3 active members"));

  /* Edit: 王党员 becomes 组织委员 from a given day. */
  select_member (page, "王党员");
  gtk_widget_activate_action (page, "members.edit", NULL);
  bl_test_iterate ();
  editor = BL_MEMBER_EDITOR (find_toplevel (BL_TYPE_MEMBER_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "name_row"))), ==, "王党员");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "role_row")), BL_MEMBER_ROLE_ORGANIZATION);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "role_since_row")));
  set_text (editor_child (editor, "role_since_row"), "2024-03-01");
  set_text (editor_child (editor, "phone_row"), "13800002222");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_null (find_toplevel (BL_TYPE_MEMBER_EDITOR));
  edited = member_named (store, "王党员");
  g_assert_cmpint (bl_member_get_role (edited), ==, BL_MEMBER_ROLE_ORGANIZATION);
  g_assert_cmpstr (bl_member_get_phone (edited), ==, "13800002222");
  {
    /* On the committee from that day on, not before. */
    g_autoptr(GPtrArray) before = bl_store_expected_members (store, "committee-meeting", NULL, "2024-02-28");
    g_autoptr(GPtrArray) after = bl_store_expected_members (store, "committee-meeting", NULL, "2024-03-02");

    g_assert_cmpuint (after->len, ==, before->len + 1);
  }

  /* Transfer out: the dialog asks for the day; a bad day cannot be confirmed. */
  select_member (page, "刘新");
  gtk_widget_activate_action (page, "members.transfer", NULL);
  bl_test_iterate ();
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  {
    GtkWidget *entry = bl_test_find_type (alert, GTK_TYPE_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (entry), "not a day");
    g_assert_false (bl_alert_get_response_enabled (alert, "transfer"));
    gtk_editable_set_text (GTK_EDITABLE (entry), today);
    g_assert_true (bl_alert_get_response_enabled (alert, "transfer"));
  }
  bl_alert_response (alert, "transfer");
  bl_test_iterate ();
  moved = member_named (store, "刘新");
  g_assert_cmpint (bl_member_get_status (moved), ==, BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_cmpstr (bl_member_get_transferred_on (moved), ==, today);
  /* Kept for history: still listed, no longer active. */
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, n_before + 1);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "2 active members"));
  /* Search and the transferred switch filter the list. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (bl_test_find_type (page, GTK_TYPE_COLUMN_VIEW));
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (view));
    GtkWidget *search = bl_test_find_type (page, GTK_TYPE_SEARCH_ENTRY);
    GtkWidget *transferred = bl_test_find_type (page, GTK_TYPE_CHECK_BUTTON);

    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (transferred), FALSE);
    bl_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (transferred), TRUE);
    bl_test_search (search, "第二党小组");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    bl_test_search (search, "");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  }

  /* A transferred member cannot be transferred again. */
  g_assert_false (gtk_widget_get_sensitive (bl_test_find_action (page, "members.transfer")));
  close_dialogs ();
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* Whether a visible label inside @root has @text anywhere in it. */
/* A member transferred out on a day not known says so; a group leader's
 * role says so. */
static void
test_members_page_transfer_unknown (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  BlWindow *window;
  gint64 chen;
  gint64 sun;

  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "机关第一党支部", &error);
  g_assert_no_error (error);
  bl_test_add_member (store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  sun = bl_test_add_member (store, "孙组长", "第一党小组", BL_MEMBER_ROLE_NONE);
  chen = bl_test_add_member (store, "陈刚", "第一党小组", BL_MEMBER_ROLE_NONE);
  g_assert_true (bl_store_set_transfer (store, chen, NULL, NULL, &error));
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", sun, NULL, &error));
  g_assert_no_error (error);

  window = open_window (store);
  bl_window_show_page (window, "members");
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_MEMBERS_PAGE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text_within (page, "Date of transfer unknown"));
  g_assert_true (bl_test_shows_text_within (page, "Group leader"));
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* Runs the main loop until @import reaches @stage, or is done. */
static void
wait_for_stage (BlFileImport      *import,
                BlFileImportStage  stage)
{
  while (bl_file_import_get_stage (import) != stage && bl_file_import_get_stage (import) != BL_FILE_IMPORT_DONE)
    g_main_context_iteration (NULL, TRUE);
  bl_test_iterate ();
}

/* A CSV file with errors imports nothing and shows its FILE:LINE problems;
 * a good one shows what it would do first, and is imported on "Import". */
static void
test_members_import (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *bad = bl_test_write_file ("members.csv",
                                             "姓名,党小组,党员类别,职务,入党日期,电话,状态\n"
                                             "李四,第一党小组,正式党员,,2010-07-01,,在册\n"
                                             "王五,第一党小组,不知道,,2012-13-40,,在册\n");
  g_autofree char *good = bl_test_write_file ("members.csv",
                                              "姓名,党小组,党员类别,职务,入党日期,电话,状态\n"
                                              "李四,第一党小组,正式党员,,2010-07-01,,在册\n"
                                              "王五,第一党小组,预备党员,,2025-03-01,,在册\n");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(BlFileImport) refused = NULL;
  g_autoptr(BlFileImport) cancelled = NULL;
  g_autoptr(BlFileImport) imported = NULL;
  /* An AdwWindow, as every window of the app (alerts show inside it). */
  GtkWidget *window = adw_window_new ();
  g_autoptr(BlContext) context = bl_context_new (store);
  GtkWidget *page = bl_members_page_new (context);
  GtkWidget *alert;
  g_autofree char *line = g_strdup_printf ("%s:3", bad);

  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  bl_test_iterate ();

  refused = bl_file_import_new (page, store, BL_IMPORT_MEMBERS);
  bl_file_import_start (refused, bad_file);
  wait_for_stage (refused, BL_FILE_IMPORT_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 0);
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  g_assert_true (bl_test_shows_text (alert, line));
  close_dialogs ();

  /* Cancelled while it reads (or, should the check be done already, at the
   * question): nothing is imported. */
  cancelled = bl_file_import_new (page, store, BL_IMPORT_MEMBERS);
  bl_file_import_start (cancelled, good_file);
  bl_file_import_cancel (cancelled);
  wait_for_stage (cancelled, BL_FILE_IMPORT_PREVIEW);
  if (bl_file_import_get_stage (cancelled) == BL_FILE_IMPORT_PREVIEW)
    bl_alert_response (bl_alert_get_open (), "cancel");
  wait_for_stage (cancelled, BL_FILE_IMPORT_DONE);
  g_assert_cmpint (bl_file_import_get_stage (cancelled), ==, BL_FILE_IMPORT_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 0);
  close_dialogs ();

  /* Checked first: nothing written until "Import". */
  imported = bl_file_import_new (page, store, BL_IMPORT_MEMBERS);
  bl_file_import_start (imported, good_file);
  wait_for_stage (imported, BL_FILE_IMPORT_PREVIEW);
  g_assert_cmpint (bl_file_import_get_stage (imported), ==, BL_FILE_IMPORT_PREVIEW);
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  g_assert_true (bl_test_shows_text_within (alert, "2 new"));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 0);
  bl_alert_response (alert, "import");
  wait_for_stage (imported, BL_FILE_IMPORT_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 2);
  g_assert_null (bl_alert_get_open ());
  g_assert_true (bl_test_shows_text (page, "2 active members"));
  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_iterate ();
}

/* After a write the page shows the members' statistics as they now are:
 * a save that changes attendance, a delete and its undo, another program's
 * write (each counted again only for whom it touched, or all). */
static void
test_members_page_stats (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) other = NULL;
  g_autoptr(BlClock) clock = bl_clock_new ();
  g_autoptr(BlContext) context = NULL;
  g_autoptr(BlDeletion) deletion = NULL;
  g_autoptr(BlActivity) march = NULL;
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *page;
  gint64 a, b, february, id;

  bl_clock_set_fixed_date (clock, "2025-06-30");
  bl_store_set_clock (store, clock);
  a = bl_test_add_member (store, "甲", "第一党小组", BL_MEMBER_ROLE_NONE);
  b = bl_test_add_member (store, "乙", "第一党小组", BL_MEMBER_ROLE_NONE);
  /* Enough members besides that a save touching two counts those two only. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("成员%u", i + 1);

      bl_test_add_member (store, name, "第二党小组", BL_MEMBER_ROLE_NONE);
    }
  {
    g_autoptr(BlActivity) activity = bl_test_activity_new (BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD,
                                                           "2025-02-01", "二月");
    g_autoptr(GListStore) rows = bl_attendance_new ();

    bl_attendance_add (rows, a, "甲", BL_ATTENDANCE_PRESENT, NULL);
    bl_attendance_add (rows, b, "乙", BL_ATTENDANCE_ABSENT, NULL);
    february = bl_test_save_activity (store, activity, G_LIST_MODEL (rows));
  }
  march = bl_test_activity_new (BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, "2025-03-01", "三月");
  bl_attendance_add (attendance, a, "甲", BL_ATTENDANCE_PRESENT, NULL);
  bl_attendance_add (attendance, b, "乙", BL_ATTENDANCE_PRESENT, NULL);
  id = bl_test_save_activity (store, march, G_LIST_MODEL (attendance));

  context = bl_context_new (store);
  page = bl_members_page_new (context);
  adw_window_set_content (ADW_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "100% (2/2)"));
  g_assert_true (bl_test_shows_text (page, "50% (1/2)"));

  /* 乙 absent in March after all. */
  bl_attendee_set_state (g_list_model_get_item (G_LIST_MODEL (attendance), 1), BL_ATTENDANCE_ABSENT);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (attendance), 1));
  g_assert_true (bl_store_save_activity (store, march, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "0% (0/2)"));
  g_assert_false (bl_test_shows_text (page, "50% (1/2)"));

  /* February deleted: one meeting this year; put back: two again. */
  deletion = bl_deletion_run (store, &february, 1, &error);
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "100% (1/1)"));
  g_assert_true (bl_test_shows_text (page, "0% (0/1)"));
  g_assert_true (bl_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "100% (2/2)"));
  g_assert_true (bl_test_shows_text (page, "0% (0/2)"));

  /* Another program marks 乙 present in March. */
  other = bl_store_open (bl_store_get_path (store), &error);
  g_assert_no_error (error);
  {
    g_autoptr(BlActivity) theirs = bl_store_get_activity (other, id, &error);
    g_autoptr(GListStore) rows = bl_attendance_new ();

    g_assert_no_error (error);
    bl_attendance_add (rows, a, "甲", BL_ATTENDANCE_PRESENT, NULL);
    bl_attendance_add (rows, b, "乙", BL_ATTENDANCE_PRESENT, NULL);
    g_assert_true (bl_store_save_activity (other, theirs, G_LIST_MODEL (rows), &error));
    g_assert_no_error (error);
  }
  g_assert_true (bl_store_check_changed_elsewhere (store, &error));
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "50% (1/2)"));
  g_assert_false (bl_test_shows_text (page, "0% (0/2)"));

  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_iterate ();
}

/* app.preferences: the branch name and the packs are saved in the ledger. */
static void
test_preferences (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *bad_pack = bl_test_write_file ("bad.ini", "[Pack]\nid=broken\n[Rule x]\nkind=\nperiod=fortnight\n");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_pack);
  g_autofree char *good_pack = bl_test_write_file ("street.ini",
                                                   "[Pack]\nid=street-2026\nname=Street plan 2026\n"
                                                   "[Rule street-theme-day]\nname=Themed party day, twice a month\n"
                                                   "kind=theme-day\nperiod=month\nminimum=2\n");
  g_autoptr(GFile) good_file = g_file_new_for_path (good_pack);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWindow *preferences;
  GtkWidget *row;

  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "旧名称党支部", &error);
  g_assert_no_error (error);

  /* app.preferences opens it on the ledger of the window in front. */
  gtk_window_set_focus_visible (GTK_WINDOW (open_window (store)), TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  bl_test_iterate ();
  preferences = find_toplevel (BL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_window_destroy (preferences);
  bl_test_iterate ();

  preferences = GTK_WINDOW (bl_preferences_window_new (store));
  gtk_window_present (preferences);
  bl_test_iterate ();
  row = preferences_child (preferences, "branch_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "旧名称党支部");

  /* An empty name is refused. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  g_signal_emit_by_name (row, "apply");
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "旧名称党支部");
  g_clear_pointer (&name, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "新区第三党支部");
  g_signal_emit_by_name (row, "apply");
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "新区第三党支部");

  /* The secretary is the member holding 书记: a name that is no member is
   * refused and changes nothing; a member's name makes them secretary. */
  row = preferences_child (preferences, "secretary_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (row), "赵书记");
  g_signal_emit_by_name (row, "apply");
  g_assert_null (bl_store_get_secretary (store, NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  bl_test_add_member (store, "赵书记", "第一党小组", BL_MEMBER_ROLE_NONE);
  gtk_editable_set_text (GTK_EDITABLE (row), "赵书记");
  g_signal_emit_by_name (row, "apply");
  {
    g_autoptr(BlMember) secretary = bl_store_get_secretary (store, NULL);

    g_assert_nonnull (secretary);
    g_assert_cmpstr (bl_member_get_name (secretary), ==, "赵书记");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "赵书记");
  }

  /* The park's plan says which year it is for. */
  g_assert_true (bl_test_shows_text_within (GTK_WIDGET (preferences), "Applies in 2025"));

  /* Pack switches write through. */
  g_assert_false (pack_enabled (store, "park-2025-ideology"));
  gtk_switch_set_active (GTK_SWITCH (pack_switch (GTK_WIDGET (preferences), "park-2025-ideology")), TRUE);
  g_assert_true (pack_enabled (store, "park-2025-ideology"));
  gtk_switch_set_active (GTK_SWITCH (pack_switch (GTK_WIDGET (preferences), "standard")), FALSE);
  g_assert_false (pack_enabled (store, "standard"));

  /* A broken pack file: its problems shown, nothing imported. */
  g_assert_false (bl_preferences_window_import_pack (BL_PREFERENCES_WINDOW (preferences), bad_file));
  bl_test_iterate ();
  g_assert_nonnull (bl_alert_get_open ());
  g_assert_true (bl_test_shows_text (bl_alert_get_open (), bad_pack));
  g_assert_null (pack_switch (GTK_WIDGET (preferences), "broken"));
  close_dialogs ();

  /* A good one: imported, enabled, and listed with its switch. */
  g_assert_true (bl_preferences_window_import_pack (BL_PREFERENCES_WINDOW (preferences), good_file));
  bl_test_iterate ();
  g_assert_null (bl_alert_get_open ());
  g_assert_true (pack_enabled (store, "street-2026"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (pack_switch (GTK_WIDGET (preferences), "street-2026"))));
  /* …in a row that shows the pack's name, from its file. */
  row = gtk_widget_get_ancestor (pack_switch (GTK_WIDGET (preferences), "street-2026"), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Street plan 2026");

  g_assert_nonnull (bl_preferences_window_get_reminders_group (BL_PREFERENCES_WINDOW (preferences)));
  gtk_window_destroy (preferences);
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* Restore from Backup…: the backup takes the ledger's place, the window and
 * the preferences follow, and what it replaced is kept. */
static void
test_preferences_restore (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) other = bl_test_store_new ();
  g_autoptr(GFile) backup = g_file_new_for_path (bl_store_get_path (other));
  g_autoptr(GFile) not_a_backup = NULL;
  g_autofree char *text = bl_test_write_file ("notes.db", "not a ledger");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWindow *preferences;
  GtkWidget *row;
  BlWindow *window;

  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "现在的党支部", &error);
  bl_test_add_member (store, "现在的党员", "", 0);
  bl_store_set_setting (other, BL_SETTING_BRANCH_NAME, "备份里的党支部", &error);
  g_assert_no_error (error);
  bl_test_add_member (other, "备份甲", "", 0);
  bl_test_add_member (other, "备份乙", "", 0);
  g_clear_object (&other);

  window = open_window (store);
  /* The Members page built, then hidden behind the Overview. */
  bl_window_show_page (window, "members");
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "现在的党员"));
  bl_window_show_page (window, "overview");
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "现在的党支部"));
  preferences = GTK_WINDOW (bl_preferences_window_new (store));
  gtk_window_present (preferences);
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_visible (preferences_child (preferences, "restore_row")));

  /* Not a ledger: said, nothing changed. */
  not_a_backup = g_file_new_for_path (text);
  g_assert_false (bl_preferences_window_restore_backup (BL_PREFERENCES_WINDOW (preferences), not_a_backup));
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "现在的党支部");
  g_clear_pointer (&name, g_free);

  g_assert_true (bl_preferences_window_restore_backup (BL_PREFERENCES_WINDOW (preferences), backup));
  bl_test_iterate ();
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "备份里的党支部");
  row = preferences_child (preferences, "branch_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "备份里的党支部");
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 2);
  /* The page on screen follows at once, the hidden one when shown. */
  g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "备份里的党支部"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (window), "现在的党支部"));
  bl_window_show_page (window, "members");
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (window), "备份甲"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (window), "现在的党员"));

  gtk_window_destroy (preferences);
  bl_test_close_windows (GTK_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bl_test_gui_init (&argc, &argv);

  start_app ();
  g_test_add_func ("/welcome/first-run", test_first_run);
  g_test_add_func ("/welcome/first-run-without-standard", test_first_run_without_standard);
  g_test_add_func ("/welcome/sample-data", test_sample_data);
  g_test_add_func ("/members/add-edit-transfer", test_members_page);
  g_test_add_func ("/members/transfer-unknown-and-leader", test_members_page_transfer_unknown);
  g_test_add_func ("/members/import", test_members_import);
  g_test_add_func ("/members/stats-after-writes", test_members_page_stats);
  g_test_add_func ("/preferences/branch-and-packs", test_preferences);
  g_test_add_func ("/preferences/restore-backup", test_preferences_restore);
  status = g_test_run ();
  g_clear_object (&app);
  g_free (app_ledger);
  return status;
}
