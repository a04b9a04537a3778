/* test-member-editor.c: the member editor's party group leader, transfer
 * (day, 转往, undo) and delete, the transfer dialog's destination and the
 * welcome page's list of members, driven through the widgets and checked in
 * the ledger */
#include "config.h"

#include <string.h>

#include "bl-alert.h"
#include "bl-application.h"
#include "bl-attendee.h"
#include "bl-clock.h"
#include "bl-kind.h"
#include "bl-member-editor.h"
#include "bl-members-page.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-welcome-page.h"
#include "bl-window.h"

#define TODAY "2025-06-15"

static BlApplication *app;

static BlWindow *
open_window (BlStore *store)
{
  BlWindow *window = bl_window_new_for_store (app, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  bl_test_iterate ();
  return window;
}

static void
close_windows (void)
{
  GtkWidget *alert;

  while ((alert = bl_alert_get_open ()) != NULL)
    bl_alert_force_close (alert);
  bl_test_close_windows (GTK_APPLICATION (app));
}

static GtkWindow *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (BL_IS_MEMBER_EDITOR (window) && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* A field of the member editor, by its id in bl-member-editor.ui. */
static GtkWidget *
field (GtkWidget  *editor,
       const char *id)
{
  return bl_test_child (editor, BL_TYPE_MEMBER_EDITOR, id);
}

/* The welcome page's row for member @id (named after the member's number). */
static GtkWidget *
member_row (GtkWidget *page,
            gint64     id)
{
  g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, id);

  return bl_test_find_named (page, name);
}

static gboolean
match_member_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) && g_str_has_prefix (gtk_widget_get_name (widget), "member-");
}

static const char *
row_title (GtkWidget *row)
{
  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* A ledger with a name (so the window opens on its pages, not the welcome). */
static BlStore *
named_store (void)
{
  BlStore *store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "机关第一党支部", &error));
  g_assert_no_error (error);
  return store;
}

static BlMember *
find_member (BlStore *store, gint64 id)
{
  BlMember *member = bl_store_find_member (store, id);

  g_assert_nonnull (member);
  return member;
}

/* Opens the editor on the member, as the Members page's Edit… does. */
static GtkWidget *
edit (BlStore *store, gint64 id)
{
  g_autoptr(BlMember) member = find_member (store, id);
  BlMemberEditor *editor = bl_member_editor_new (store, member);

  gtk_window_present (GTK_WINDOW (editor));
  bl_test_iterate ();
  return GTK_WIDGET (editor);
}

static void
add_meeting (BlStore *store, const char *date, gint64 present)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_date (activity, date);
  bl_activity_set_start_time (activity, "09:00");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_topic (activity, "学习党章");
  bl_attendance_add (attendance, present, NULL, BL_ATTENDANCE_PRESENT, "");
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
}

/* A member entered by mistake goes after a confirmation; one with
 * attendance on record stays, and the alert says why. */
static void
test_delete (void)
{
  g_autoptr(BlStore) store = named_store ();
  gint64 wrong = bl_test_add_member (store, "王错录", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 kept = bl_test_add_member (store, "李出席", "第一党小组", BL_MEMBER_ROLE_NONE);
  GtkWidget *editor;
  GtkWidget *alert;

  add_meeting (store, "2025-05-10", kept);
  open_window (store);

  /* A new member has nothing to delete. */
  editor = GTK_WIDGET (bl_member_editor_new (store, NULL));
  gtk_window_present (GTK_WINDOW (editor));
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_visible (field (editor, "delete_button")));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Cancel: nothing changes. */
  editor = edit (store, wrong);
  g_assert_true (gtk_widget_get_visible (field (editor, "delete_button")));
  bl_test_click (field (editor, "delete_button"));
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  g_assert_true (bl_test_shows_text_within (alert, "王错录 will be removed"));
  bl_alert_response (alert, "cancel");
  bl_test_iterate ();
  g_assert_nonnull (bl_store_find_member (store, wrong));
  g_assert_true (find_editor () == GTK_WINDOW (editor));

  bl_test_click (field (editor, "delete_button"));
  bl_alert_response (bl_alert_get_open (), "delete");
  bl_test_iterate ();
  g_assert_null (bl_store_find_member (store, wrong));
  g_assert_null (find_editor ());

  /* Attendance on record: told why, nothing deleted, no question asked. */
  editor = edit (store, kept);
  bl_test_click (field (editor, "delete_button"));
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  g_assert_true (bl_test_shows_text_within (alert, "their attendance is on record"));
  bl_alert_response (alert, "close");
  bl_test_iterate ();
  {
    g_autoptr(BlMember) member = bl_store_find_member (store, kept);

    g_assert_nonnull (member);
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  close_windows ();
}

/* The transfer dialog takes where the member went; the editor corrects the
 * day and destination, takes an unknown day, refuses a bad one, and undoes
 * the transfer. */
static void
test_transfer (void)
{
  g_autoptr(BlStore) store = named_store ();
  gint64 chen = bl_test_add_member (store, "陈刚", "第一党小组", BL_MEMBER_ROLE_NONE);
  GtkWidget *page;
  GtkWidget *alert;
  GtkWidget *editor;
  BlWindow *window;
  GtkColumnView *view;
  GPtrArray *entries = g_ptr_array_new ();

  window = open_window (store);
  bl_window_show_page (window, "members");
  bl_test_iterate ();
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_MEMBERS_PAGE);
  view = GTK_COLUMN_VIEW (bl_test_find_type (page, GTK_TYPE_COLUMN_VIEW));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  gtk_widget_activate_action (page, "members.transfer", NULL);
  bl_test_iterate ();
  alert = bl_alert_get_open ();
  g_assert_nonnull (alert);
  bl_test_find_all (alert, bl_test_match_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY), entries);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "2025-04-30");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), " 市委组织部机关党委 ");
  g_ptr_array_unref (entries);
  bl_alert_response (alert, "transfer");
  bl_test_iterate ();
  {
    g_autoptr(BlMember) member = find_member (store, chen);

    g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_TRANSFERRED);
    g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-04-30");
    g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "市委组织部机关党委");
  }

  /* The editor shows the transfer, and corrects it. */
  editor = edit (store, chen);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (editor, "status_row"))), ==,
                    BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "transferred_on_row"))),
                   ==, "2025-04-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "transferred_to_row"))),
                   ==, "市委组织部机关党委");

  /* A bad day: said, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "transferred_on_row")), "2025-04-31");
  g_assert_false (bl_member_editor_save (BL_MEMBER_EDITOR (editor), NULL));
  g_assert_true (bl_test_shows_text_within (editor, "The day of the transfer is not a date"));
  {
    g_autoptr(BlMember) member = find_member (store, chen);

    g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-04-30");
  }

  /* Before the member joined: the store's refusal, shown, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "joined_row")), "2020-07-01");
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "transferred_on_row")), "2019-01-01");
  g_assert_false (bl_member_editor_save (BL_MEMBER_EDITOR (editor), NULL));
  g_assert_true (bl_test_shows_text_within (editor, "before joining"));
  {
    g_autoptr(BlMember) member = find_member (store, chen);

    g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-04-30");
    g_assert_true (bl_member_get_joined (member) == NULL || *bl_member_get_joined (member) == '\0');
  }

  /* The day not known, another destination. */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "transferred_on_row")), "");
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "transferred_to_row")), "区教育局党委");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  g_assert_null (find_editor ());
  {
    g_autoptr(BlMember) member = find_member (store, chen);

    g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_TRANSFERRED);
    g_assert_null (bl_member_get_transferred_on (member));
    g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "区教育局党委");
    g_assert_cmpstr (bl_member_get_joined (member), ==, "2020-07-01");
  }
  /* The Members page says the day is not known. */
  g_assert_true (bl_test_shows_text_within (page, "Date of transfer unknown"));

  /* Active again: the transfer is undone. */
  editor = edit (store, chen);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (editor, "status_row")), BL_MEMBER_STATUS_ACTIVE);
  g_assert_false (gtk_widget_get_visible (field (editor, "transferred_on_row")));
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  g_assert_null (find_editor ());
  {
    g_autoptr(BlMember) member = find_member (store, chen);

    g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_ACTIVE);
    g_assert_null (bl_member_get_transferred_on (member));
    g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "");
  }

  /* Transferred out from the editor: today unless told another day. */
  editor = edit (store, chen);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (editor, "status_row")), BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "transferred_on_row"))),
                   ==, TODAY);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  {
    g_autoptr(BlMember) member = find_member (store, chen);

    g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_TRANSFERRED);
    g_assert_cmpstr (bl_member_get_transferred_on (member), ==, TODAY);
  }
  close_windows ();
}

/* The leader switch makes a member their group's leader (shown on the
 * Members page) and ends it; without a group it cannot be set. */
static void
test_group_leader (void)
{
  g_autoptr(BlStore) store = named_store ();
  gint64 sun = bl_test_add_member (store, "孙组长", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 zhou = bl_test_add_member (store, "周明", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 loner = bl_test_add_member (store, "吴无组", "", BL_MEMBER_ROLE_NONE);
  GtkWidget *editor;
  GtkWidget *page;
  BlWindow *window;

  window = open_window (store);
  bl_window_show_page (window, "members");
  bl_test_iterate ();
  page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_MEMBERS_PAGE);
  g_assert_false (bl_test_shows_text_within (page, "Group leader"));

  editor = edit (store, loner);
  g_assert_false (gtk_widget_get_sensitive (field (editor, "leader_row")));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = edit (store, sun);
  g_assert_true (gtk_widget_get_sensitive (field (editor, "leader_row")));
  gtk_switch_set_active (GTK_SWITCH (field (editor, "leader_switch")), TRUE);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  {
    g_autoptr(BlMember) member = find_member (store, sun);
    g_autoptr(BlMember) leader = bl_store_get_group_leader_on (store, "第一党小组", TODAY);

    g_assert_true (bl_member_get_group_leader (member));
    g_assert_nonnull (leader);
    g_assert_cmpint (bl_member_get_id (leader), ==, sun);
  }
  g_assert_true (bl_test_shows_text_within (page, "Group leader"));

  /* Another member takes over: the first one no longer leads. */
  editor = edit (store, zhou);
  gtk_switch_set_active (GTK_SWITCH (field (editor, "leader_switch")), TRUE);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  {
    g_autoptr(BlMember) first = find_member (store, sun);
    g_autoptr(BlMember) second = find_member (store, zhou);

    g_assert_false (bl_member_get_group_leader (first));
    g_assert_true (bl_member_get_group_leader (second));
  }

  /* Switched off: nobody leads the group. */
  editor = edit (store, zhou);
  gtk_switch_set_active (GTK_SWITCH (field (editor, "leader_switch")), FALSE);
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  {
    g_autoptr(BlMember) second = find_member (store, zhou);
    g_autoptr(BlMember) leader = bl_store_get_group_leader_on (store, "第一党小组", TODAY);

    g_assert_false (bl_member_get_group_leader (second));
    g_assert_null (leader);
  }
  g_assert_false (bl_test_shows_text_within (page, "Group leader"));
  close_windows ();
}

/* The welcome page lists the members added there, each opening the editor. */
static void
test_welcome_lists_members (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  BlWindow *window = open_window (store);
  GtkWidget *page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *row;
  GtkWidget *editor;
  gint64 liu, zheng;

  g_assert_nonnull (page);
  g_assert_false (bl_test_shows_text (page, "刘一"));
  liu = bl_test_add_member (store, "刘一", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  zheng = bl_test_add_member (store, "郑二", "", BL_MEMBER_ROLE_NONE);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (page, "2 members"));
  row = member_row (page, liu);
  g_assert_cmpstr (row_title (row), ==, "刘一");
  g_assert_true (bl_test_shows_text_within (row, "第一党小组"));
  g_assert_cmpstr (row_title (member_row (page, zheng)), ==, "郑二");

  g_signal_emit_by_name (row, "activated");
  bl_test_iterate ();
  editor = GTK_WIDGET (find_editor ());
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (field (editor, "name_row")), "刘一鸣");
  gtk_widget_activate_action (editor, "editor.save", NULL);
  bl_test_iterate ();
  /* The same two rows, the first renamed: none shows "刘一" any more. */
  bl_test_find_all (page, match_member_row, NULL, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_title (member_row (page, liu)), ==, "刘一鸣");
  g_assert_cmpstr (row_title (member_row (page, zheng)), ==, "郑二");
  close_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bl_test_gui_init (&argc, &argv);
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));

  app = bl_test_app_new ();

  g_test_add_func ("/member-editor/delete", test_delete);
  g_test_add_func ("/member-editor/transfer", test_transfer);
  g_test_add_func ("/member-editor/group-leader", test_group_leader);
  g_test_add_func ("/welcome/lists-members", test_welcome_lists_members);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
