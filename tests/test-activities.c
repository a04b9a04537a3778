/* test-activities.c: the activity list: filters, sorting, live updates, delete and undo (a stack) */
#include "config.h"

#include <locale.h>

#include "bl-activities-page.h"
#include "bl-activity-cell.h"
#include "bl-kind.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct {
  BlStore          *store;
  GtkWidget        *window;
  BlActivitiesPage *page;
  GArray           *changes;
  gint64            member;
} Fixture;

static const struct {
  const char *kind;
  const char *date;
  const char *topic;
  const char *host;
  const char *content;
  BlActivityStatus status;
} activities[] = {
  { BL_KIND_GENERAL_MEETING, "2025-03-20", "一季度党员大会", "张书记", "总结工作", BL_ACTIVITY_STATUS_HELD },
  { BL_KIND_COMMITTEE_MEETING, "2025-04-02", "研究发展党员", "张书记", "讨论入党积极分子", BL_ACTIVITY_STATUS_HELD },
  { BL_KIND_STUDY_SESSION, "2025-05-10", "理论学习：党章", "李委员", "学习党章第一章", BL_ACTIVITY_STATUS_HELD },
  { BL_KIND_THEME_DAY, "2025-06-28", "Red Education Visit", "王党员", "参观纪念馆", BL_ACTIVITY_STATUS_HELD },
  { BL_KIND_STUDY_SESSION, "2026-01-15", "意识形态专题学习", "李委员", "学习意识形态工作责任制", BL_ACTIVITY_STATUS_HELD },
  { BL_KIND_COMMITTEE_MEETING, "2026-02-05", "部署年度工作", "张书记", "", BL_ACTIVITY_STATUS_HELD },
  { BL_KIND_GENERAL_MEETING, "2026-03-25", "民主评议准备", "赵党员", "", BL_ACTIVITY_STATUS_PLANNED },
};

static gint64
save_activity (Fixture    *f,
               const char *kind,
               const char *date,
               const char *topic,
               const char *host,
               const char *content,
               BlActivityStatus status)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, kind);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  bl_activity_set_host (activity, host);
  bl_activity_set_content (activity, content);
  bl_activity_set_status (activity, status);
  if (status == BL_ACTIVITY_STATUS_HELD)
    bl_attendance_add (attendance, f->member, NULL, BL_ATTENDANCE_LEAVE, "病假");
  bl_store_save_activity (f->store, activity, G_LIST_MODEL (attendance), &error);
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added };

  g_array_append_val (f->changes, change);
}

static GListModel *
model (Fixture *f)
{
  return bl_activities_page_get_model (f->page);
}

static BlActivity *
item (Fixture *f,
      guint    position)
{
  BlActivity *activity = g_list_model_get_item (model (f), position);

  g_object_unref (activity);  /* the model keeps it */
  return activity;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = bl_test_store_new ();
  f->member = bl_test_add_member (f->store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    save_activity (f, activities[i].kind, activities[i].date, activities[i].topic,
                   activities[i].host, activities[i].content, activities[i].status);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  {
    g_autoptr(BlContext) context = bl_context_new (f->store);

    f->page = BL_ACTIVITIES_PAGE (bl_activities_page_new (context));
  }
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  bl_test_iterate ();

  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (model (f), "items-changed", G_CALLBACK (items_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (model (f), f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  bl_test_iterate ();
  g_clear_pointer (&f->changes, g_array_unref);
  g_clear_object (&f->store);
}

/* A filter's drop-down, by its id in bl-activities-page.ui ("kind_dropdown"). */
static GtkDropDown *
dropdown (Fixture    *f,
          const char *id)
{
  GtkWidget *widget = bl_test_child (GTK_WIDGET (f->page), BL_TYPE_ACTIVITIES_PAGE, id);

  g_assert_true (GTK_IS_DROP_DOWN (widget));
  return GTK_DROP_DOWN (widget);
}

static void
search (Fixture    *f,
        const char *text)
{
  bl_test_search (bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY), text);
}

/* Chooses the item that shows @text: a year, or a kind's name as the
 * ledger gives it (the program's own items, "All Years" and the like, are
 * chosen by position). */
static void
select_string (GtkDropDown *dropdown,
               const char  *text)
{
  GListModel *strings = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (strings, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), text) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          bl_test_iterate ();
          return;
        }
    }
  g_assert_not_reached ();
}

/* A column, by its id in bl-activities-page.ui ("date_column"). */
static GtkColumnViewColumn *
column (Fixture    *f,
        const char *id)
{
  GObject *column = bl_test_child (GTK_WIDGET (f->page), BL_TYPE_ACTIVITIES_PAGE, id);

  g_assert_true (GTK_IS_COLUMN_VIEW_COLUMN (column));
  return GTK_COLUMN_VIEW_COLUMN (column);
}

static void
test_activities_filter (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, G_N_ELEMENTS (activities));
  /* Newest first. */
  g_assert_cmpstr (bl_activity_get_date (item (f, 0)), ==, "2026-03-25");
  g_assert_cmpstr (bl_activity_get_date (item (f, 6)), ==, "2025-03-20");

  /* Search looks at topic, minutes, host and location, ignoring case. */
  search (f, "学习");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 2);
  search (f, "党章");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 1);
  g_assert_cmpstr (bl_activity_get_topic (item (f, 0)), ==, "理论学习：党章");
  search (f, "red education");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 1);
  search (f, "纪念馆");  /* in the minutes only */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 1);
  search (f, "张书记");  /* the host */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 3);
  search (f, "没有这个词");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 0);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "No Matching Activities"));
  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, G_N_ELEMENTS (activities));

  /* Kind, year, month, status. */
  select_string (dropdown (f, "kind_dropdown"), bl_kind_builtin_name (BL_KIND_COMMITTEE_MEETING));
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 2);
  select_string (dropdown (f, "year_dropdown"), "2026");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 1);
  g_assert_cmpstr (bl_activity_get_topic (item (f, 0)), ==, "部署年度工作");
  gtk_drop_down_set_selected (dropdown (f, "kind_dropdown"), 0);  /* all kinds */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 3);
  gtk_drop_down_set_selected (dropdown (f, "month_dropdown"), 3);  /* March */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 1);
  gtk_drop_down_set_selected (dropdown (f, "year_dropdown"), 0);  /* all years */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 2);  /* March of any year */
  gtk_drop_down_set_selected (dropdown (f, "month_dropdown"), 0);
  gtk_drop_down_set_selected (dropdown (f, "status_dropdown"), 1);  /* planned */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 1);
  g_assert_cmpint (bl_activity_get_status (item (f, 0)), ==, BL_ACTIVITY_STATUS_PLANNED);
  gtk_drop_down_set_selected (dropdown (f, "status_dropdown"), 2);  /* held */
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 6);
}

static void
test_activities_sort (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  guint n = g_list_model_get_n_items (model (f));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column (f, "date_column"), GTK_SORT_ASCENDING);
  bl_test_iterate ();
  g_assert_cmpstr (bl_activity_get_date (item (f, 0)), ==, "2025-03-20");
  for (guint i = 1; i < n; i++)
    g_assert_cmpstr (bl_activity_get_date (item (f, i - 1)), <=, bl_activity_get_date (item (f, i)));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column (f, "topic_column"), GTK_SORT_ASCENDING);
  bl_test_iterate ();
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (bl_activity_get_topic (item (f, i - 1)),
                                     bl_activity_get_topic (item (f, i))), <=, 0);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column (f, "host_column"), GTK_SORT_DESCENDING);
  bl_test_iterate ();
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_utf8_collate (bl_activity_get_host (item (f, i - 1)),
                                     bl_activity_get_host (item (f, i))), >=, 0);

  /* Planned ones have nobody present: they sort first on attendance. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), column (f, "status_column"), GTK_SORT_ASCENDING);
  bl_test_iterate ();
  g_assert_cmpint (bl_activity_get_status (item (f, 0)), ==, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpint (bl_activity_get_status (item (f, n - 1)), ==, BL_ACTIVITY_STATUS_HELD);
}

/* One save or delete in the store: one precise change in the list. */
static void
test_activities_live (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BlActivity) copy = NULL;
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *selection;
  gint64 id;
  Change *change;

  id = save_activity (f, BL_KIND_THEME_DAY, "2025-12-01", "新增的主题党日", "李委员", "", BL_ACTIVITY_STATUS_HELD);
  bl_test_iterate ();
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  /* Dates descending: 2026-03-25, 2026-02-05, 2026-01-15, then 2025-12-01 */
  g_assert_cmpuint (change->position, ==, 3);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);
  g_assert_cmpint (bl_activity_get_id (item (f, 3)), ==, id);

  /* A filtered-out change does not touch the list at all. */
  search (f, "党员");
  g_array_set_size (f->changes, 0);
  save_activity (f, BL_KIND_OTHER, "2024-01-01", "无关的活动", "", "", BL_ACTIVITY_STATUS_HELD);
  bl_test_iterate ();
  g_assert_cmpuint (f->changes->len, ==, 0);
  search (f, "");

  /* An edit changes one row, whatever the events look like: never a reload;
   * the row stays selected. */
  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (bl_test_find_type (GTK_WIDGET (f->page),
                                                                             GTK_TYPE_COLUMN_VIEW)));
  gtk_selection_model_select_item (selection, 3, TRUE);
  g_array_set_size (f->changes, 0);
  copy = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  bl_activity_set_topic (copy, "改名的主题党日");
  bl_store_save_activity (f->store, copy, NULL, &error);
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_cmpuint (f->changes->len, >=, 1);
  for (guint i = 0; i < f->changes->len; i++)
    {
      change = &g_array_index (f->changes, Change, i);
      g_assert_cmpuint (change->removed, <=, 1);
      g_assert_cmpuint (change->added, <=, 1);
    }
  g_assert_cmpstr (bl_activity_get_topic (item (f, 3)), ==, "改名的主题党日");
  /* …and its row shows the new topic: the row was bound again. */
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "改名的主题党日"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->page), "新增的主题党日"));
  g_assert_true (gtk_selection_model_is_selected (selection, 3));
}

static void
test_activities_delete_undo (Fixture       *f,
                             gconstpointer  data)
{
  GtkSelectionModel *selection;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BlActivity) restored = NULL;
  g_autoptr(GListModel) restored_attendance = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  BlActivity *victim;
  gint64 victim_id;
  guint n = g_list_model_get_n_items (model (f));
  Change *change;
  GtkWidget *undo;

  selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  g_assert_true (GTK_IS_MULTI_SELECTION (selection));
  gtk_selection_model_select_item (selection, 2, TRUE);
  victim = item (f, 2);
  victim_id = bl_activity_get_id (victim);

  ids = bl_activities_page_get_selected_ids (f->page);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, victim_id);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.delete", NULL);
  bl_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (f->store)), ==, n - 1);
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 2);
  g_assert_cmpuint (change->removed, ==, 1);
  g_assert_cmpuint (change->added, ==, 0);

  /* Undo: the same record comes back, attendance and id included. */
  undo = bl_test_find_toast_button (GTK_WIDGET (f->page));
  g_assert_nonnull (undo);
  g_array_set_size (f->changes, 0);
  bl_test_click (undo);
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, n);
  g_assert_cmpuint (f->changes->len, ==, 1);
  change = &g_array_index (f->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, 2);
  g_assert_cmpuint (change->removed, ==, 0);
  g_assert_cmpuint (change->added, ==, 1);
  g_assert_cmpint (bl_activity_get_id (item (f, 2)), ==, victim_id);

  restored = bl_store_get_activity (f->store, victim_id, &error);
  g_assert_no_error (error);
  restored_attendance = bl_store_load_attendance (f->store, victim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (restored_attendance), ==, 1);
  g_assert_cmpuint (bl_activity_get_expected_count (restored), ==, 1);
  {
    g_autoptr(BlAttendee) entry = g_list_model_get_item (restored_attendance, 0);

    g_assert_cmpstr (bl_attendee_get_reason (entry), ==, "病假");
  }

  /* Two at once. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.delete", NULL);
  bl_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, n - 2);
}

static void
activated_cb (BlActivitiesPage *page,
              gint64            id,
              gint64           *out)
{
  *out = id;
}

static void
test_activities_activate (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  gint64 activated = 0;

  g_signal_connect (f->page, "activity-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpint (activated, ==, bl_activity_get_id (item (f, 1)));
}

/* Answers "Cancel" to every print dialog open over @window (so that its
 * job ends), and says how many there were. */
static guint
cancel_print_dialogs (GtkWidget *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "GtkPrintUnixDialog") &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        g_ptr_array_add (dialogs, g_object_ref (toplevel));
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_dialog_response (dialogs->pdata[i], GTK_RESPONSE_CANCEL);
  bl_test_iterate ();
  return dialogs->len;
}

/* Whether @widget has a shortcut @trigger (as "<Control>p") for @action. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean found = FALSE;

  for (guint i = 0; !found && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !found && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          found = g_str_equal (keys, trigger) && GTK_IS_NAMED_ACTION (named) &&
                  g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action);
        }
    }
  return found;
}

/* The "Print Records…" button (activities.print-records, the page's own
 * action) opens the print dialog on the selected records, and is there only
 * while there is a selection to print. */
static void
test_activities_print_button (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  GtkWidget *button = bl_test_child (GTK_WIDGET (f->page), BL_TYPE_ACTIVITIES_PAGE, "print_button");
  guint printed = 0;

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Print Records…");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "printer-symbolic");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "activities.print-records");
  g_assert_true (has_shortcut (GTK_WIDGET (f->page), "<Control>p", "activities.print-records"));
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_selection_model_select_item (selection, 1, TRUE);
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));
  bl_test_click (button);
  printed += cancel_print_dialogs (f->window);
  g_assert_cmpuint (printed, ==, 1);

  /* Several records, then none. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_selection_model_unselect_all (selection);
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (button));

  /* The selected record deleted: nothing selected is left to print. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.delete", NULL);
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (button));
  printed += cancel_print_dialogs (f->window);
  g_assert_cmpuint (printed, ==, 1);
}

/* "Print Sign-in Sheet…" (activities.print-signin, in the window's menu):
 * the print dialog on the selected activity's sign-in sheet, enabled only
 * while something is selected. */
static void
test_activities_print_signin (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.print-signin", NULL) &&
                  cancel_print_dialogs (f->window) > 0);

  gtk_selection_model_select_item (selection, 1, TRUE);
  bl_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.print-signin", NULL));
  bl_test_iterate ();
  g_assert_cmpuint (cancel_print_dialogs (f->window), ==, 1);
}

/* The toast that shows @button (its AdwToast, held by the toast's widget). */
static AdwToast *
toast_of (GtkWidget *button)
{
  for (GtkWidget *w = button; w != NULL; w = gtk_widget_get_parent (w))
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (w), "toast") != NULL)
      {
        AdwToast *toast = NULL;

        g_object_get (w, "toast", &toast, NULL);
        g_object_unref (toast);  /* the widget keeps it */
        return toast;
      }
  return NULL;
}

static gint64
delete_row (Fixture *f,
            guint    position)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  gint64 id = bl_activity_get_id (item (f, position));

  gtk_selection_model_select_item (selection, position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.delete", NULL);
  bl_test_iterate ();
  return id;
}

static gboolean
store_has (Fixture *f,
           gint64   id)
{
  g_autoptr(BlActivity) activity = bl_store_get_activity (f->store, id, NULL);

  return activity != NULL;
}

/* Ctrl+Z puts back the newest deletion, then the one before, for as long
 * as the page lives; the toast stays until dismissed or replaced; an undo
 * that cannot work says why and lets the older ones through. */
static void
test_activities_undo_stack (Fixture       *f,
                            gconstpointer  data)
{
  guint n = g_list_model_get_n_items (model (f));
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(BlActivity) lone = bl_activity_new ();
  g_autoptr(GError) error = NULL;
  gint64 first, second, third;
  gint64 newcomer;
  GtkWidget *undo;
  AdwToast *toast;

  g_assert_true (has_shortcut (GTK_WIDGET (f->page), "<Control>z", "activities.undo-delete"));
  g_assert_false (bl_activities_page_undo_delete (f->page));

  first = delete_row (f, 2);
  undo = bl_test_find_toast_button (GTK_WIDGET (f->page));
  g_assert_nonnull (undo);
  toast = toast_of (undo);
  g_assert_nonnull (toast);
  /* No timer takes it away. */
  g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“意识形态专题学习” deleted");

  /* The next deletion's toast takes its place: one toast, one button. */
  second = delete_row (f, 0);
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    bl_test_find_all (GTK_WIDGET (f->page), bl_test_match_toast_button, NULL, buttons);
    g_assert_cmpuint (buttons->len, ==, 1);
    g_assert_true (toast_of (buttons->pdata[0]) == toast);
  }
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“民主评议准备” deleted");
  g_assert_false (store_has (f, first));
  g_assert_false (store_has (f, second));
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, n - 2);

  /* Newest first, then the one before: each undo one deletion. */
  g_assert_true (bl_activities_page_undo_delete (f->page));
  bl_test_iterate ();
  g_assert_true (store_has (f, second));
  g_assert_false (store_has (f, first));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "“民主评议准备” restored"));
  /* What came back is selected (and scrolled to). */
  {
    g_autoptr(GArray) ids = bl_activities_page_get_selected_ids (f->page);

    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, second);
  }
  g_assert_true (bl_activities_page_undo_delete (f->page));
  bl_test_iterate ();
  g_assert_true (store_has (f, first));
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, n);
  g_assert_false (bl_activities_page_undo_delete (f->page));

  /* A record whose only other attendee is then deleted as a member: its
   * undo fails, says so, and the deletion before it is still reachable. */
  third = delete_row (f, 1);
  newcomer = bl_test_add_member (f->store, "钱新党员", "第一党小组", BL_MEMBER_ROLE_NONE);
  bl_activity_set_kind (lone, BL_KIND_STUDY_SESSION);
  bl_activity_set_date (lone, "2026-04-01");
  bl_activity_set_topic (lone, "新党员学习");
  bl_activity_set_status (lone, BL_ACTIVITY_STATUS_HELD);
  bl_attendance_add (attendance, newcomer, NULL, BL_ATTENDANCE_PRESENT, NULL);
  g_assert_true (bl_store_save_activity (f->store, lone, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  bl_test_iterate ();
  g_assert_cmpstr (bl_activity_get_topic (item (f, 0)), ==, "新党员学习");
  delete_row (f, 0);
  g_assert_true (bl_store_delete_member (f->store, newcomer, &error));
  g_assert_no_error (error);

  g_assert_false (bl_activities_page_undo_delete (f->page));
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page),
                                     "Cannot undo: The attendance names a member who is not in the ledger"));
  g_assert_false (store_has (f, bl_activity_get_id (lone)));
  g_assert_true (bl_activities_page_undo_delete (f->page));
  bl_test_iterate ();
  g_assert_true (store_has (f, third));
  g_assert_false (bl_activities_page_undo_delete (f->page));
}

/* While a search or a filter is on, the page says how many records match. */
static void
test_activities_match_count (Fixture       *f,
                             gconstpointer  data)
{
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->page), "7 matching records"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->page), "0 matching records"));

  search (f, "张书记");
  g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, 3);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "3 matching records"));

  search (f, "纪念馆");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "1 matching record"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->page), "1 matching records"));

  search (f, "没有这样的记录");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "0 matching records"));

  /* A filter alone counts too, every record matching or not. */
  search (f, "");
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->page), "7 matching records"));
  select_string (dropdown (f, "year_dropdown"), "2025");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "4 matching records"));
  gtk_drop_down_set_selected (dropdown (f, "status_dropdown"), 1);  /* planned */
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "0 matching records"));
  gtk_drop_down_set_selected (dropdown (f, "year_dropdown"), 0);  /* all years */
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "1 matching record"));

  /* A record saved that matches is counted at once. */
  save_activity (f, BL_KIND_GENERAL_MEETING, "2026-06-20", "年中党员大会", "张书记", "", BL_ACTIVITY_STATUS_PLANNED);
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->page), "2 matching records"));

  gtk_drop_down_set_selected (dropdown (f, "status_dropdown"), 0);  /* planned and held */
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->page), "8 matching records"));
}

static gboolean
match_cell_text (GtkWidget     *widget,
                 gconstpointer  data)
{
  return BL_IS_ACTIVITY_CELL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (bl_activity_cell_get_text (BL_ACTIVITY_CELL (widget)), data) == 0;
}

/* Opens the rows' menu where a person would right-click: inside the cell
 * showing @text (in the table's coordinates). */
static gboolean
right_click_on (Fixture    *f,
                const char *text)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *cell = bl_test_find (view, match_cell_text, text);
  graphene_rect_t bounds;
  gboolean shown;

  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_compute_bounds (cell, view, &bounds));
  shown = bl_activity_menu_popup_at (bl_activities_page_get_menu (f->page),
                                     bounds.origin.x + bounds.size.width / 2,
                                     bounds.origin.y + bounds.size.height / 2);
  bl_test_iterate ();
  return shown;
}

/* The menu's item (as shown: a GtkModelButton) for @action ("activities.delete"). */
static GtkWidget *
menu_item (Fixture    *f,
           const char *action)
{
  GtkPopover *popover = bl_activity_menu_get_popover (bl_activities_page_get_menu (f->page));
  GtkWidget *item = bl_test_find_menu_item (GTK_POPOVER_MENU (popover), action);

  g_assert_nonnull (item);
  return item;
}

static gint64 *
selected_ids (Fixture *f,
              guint   *n)
{
  g_autoptr(GArray) ids = bl_activities_page_get_selected_ids (f->page);

  *n = ids->len;
  return (gint64 *) (gpointer) g_array_free (g_steal_pointer (&ids), FALSE);
}

static void
copy_activity_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gint64        *copied)
{
  *copied = g_variant_get_int64 (parameter);
}

/* The rows' context menu (a right click, a long press, Shift+F10): 打开/编辑,
 * 复制为新记录, 打印签到表 and 删除 on the row clicked, the page's own
 * actions; 复制为新记录 goes to the window's win.copy-activity, also on
 * Ctrl+Shift+D. */
static void
test_activities_context_menu (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *view = bl_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
  GtkPopover *popover = bl_activity_menu_get_popover (bl_activities_page_get_menu (f->page));
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) copy = g_simple_action_new ("copy-activity", G_VARIANT_TYPE_INT64);
  g_autofree gint64 *ids = NULL;
  gint64 copied = 0;
  gint64 activated = 0;
  GMenuModel *menu;
  guint n;

  g_signal_connect (copy, "activate", G_CALLBACK (copy_activity_cb), &copied);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (copy));
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (win));
  g_signal_connect (f->page, "activity-activated", G_CALLBACK (activated_cb), &activated);

  /* The four items, in their order, on the page's actions. */
  menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  {
    const char *expected[][2] = {
      { "_Open or Edit", "activities.open" },
      { "_Copy as New Record", "activities.copy-as-new" },
      { "Print Sign-_in Sheet…", "activities.print-signin" },
      { "_Delete", "activities.delete" },
    };
    guint found = 0;

    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++, found++)
          {
            g_autofree char *label = NULL;
            g_autofree char *action = NULL;

            g_assert_cmpuint (found, <, G_N_ELEMENTS (expected));
            g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label));
            g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action));
            g_assert_cmpstr (label, ==, expected[found][0]);
            g_assert_cmpstr (action, ==, expected[found][1]);
          }
      }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
  }
  g_assert_true (has_shortcut (GTK_WIDGET (f->page), "<Shift><Control>d", "activities.copy-as-new") ||
                 has_shortcut (GTK_WIDGET (f->page), "<Control><Shift>d", "activities.copy-as-new"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->page), "<Shift>F10", "activities.menu"));
  g_assert_true (has_shortcut (GTK_WIDGET (f->page), "Menu", "activities.menu"));

  /* A right click on a row not selected: that row alone is selected, and
   * the menu opens on it. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (right_click_on (f, "理论学习：党章"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  ids = selected_ids (f, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, bl_activity_get_id (item (f, 4)));
  g_assert_cmpstr (bl_activity_get_topic (item (f, 4)), ==, "理论学习：党章");

  /* 复制为新记录: the window's action with the row's id. */
  g_assert_true (gtk_widget_get_sensitive (menu_item (f, "activities.copy-as-new")));
  g_signal_emit_by_name (menu_item (f, "activities.copy-as-new"), "clicked");
  bl_test_iterate ();
  g_assert_cmpint (copied, ==, ids[0]);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* 打开/编辑 */
  g_assert_true (right_click_on (f, "理论学习：党章"));
  g_signal_emit_by_name (menu_item (f, "activities.open"), "clicked");
  bl_test_iterate ();
  g_assert_cmpint (activated, ==, ids[0]);

  /* A right click inside a selection of several keeps it: the menu is for
   * all of them, and copying (one record) is not offered. */
  gtk_selection_model_select_range (selection, 3, 3, TRUE);
  g_assert_true (right_click_on (f, "理论学习：党章"));
  g_free (g_steal_pointer (&ids));
  ids = selected_ids (f, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (gtk_widget_get_sensitive (menu_item (f, "activities.copy-as-new")));
  g_assert_true (gtk_widget_get_sensitive (menu_item (f, "activities.delete")));
  gtk_popover_popdown (popover);
  copied = 0;
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.copy-as-new", NULL);
  g_assert_cmpint (copied, ==, 0);

  /* Not on a row (the column titles): no menu. */
  g_assert_false (bl_activity_menu_popup_at (bl_activities_page_get_menu (f->page), 5, 5));
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* The keyboard's way (Shift+F10) on the selection, then 删除 deletes it. */
  gtk_selection_model_select_item (selection, 1, TRUE);
  {
    gint64 victim = bl_activity_get_id (item (f, 1));
    guint before = g_list_model_get_n_items (model (f));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.menu", NULL));
    bl_test_iterate ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_signal_emit_by_name (menu_item (f, "activities.delete"), "clicked");
    bl_test_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (model (f)), ==, before - 1);
    g_assert_false (store_has (f, victim));
  }

  /* Ctrl+Shift+D's action on one selected record. */
  gtk_selection_model_select_item (selection, 2, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "activities.copy-as-new", NULL);
  g_assert_cmpint (copied, ==, bl_activity_get_id (item (f, 2)));
  g_signal_handlers_disconnect_by_func (f->page, activated_cb, &activated);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Print dialogs list the "Print to File" printer only: no CUPS to wait for. */
  g_object_set (gtk_settings_get_default (), "gtk-print-backends", "file", NULL);

  g_test_add ("/activities/filter", Fixture, NULL, fixture_set_up, test_activities_filter, fixture_tear_down);
  g_test_add ("/activities/sort", Fixture, NULL, fixture_set_up, test_activities_sort, fixture_tear_down);
  g_test_add ("/activities/live", Fixture, NULL, fixture_set_up, test_activities_live, fixture_tear_down);
  g_test_add ("/activities/delete-undo", Fixture, NULL, fixture_set_up, test_activities_delete_undo, fixture_tear_down);
  g_test_add ("/activities/match-count", Fixture, NULL, fixture_set_up, test_activities_match_count, fixture_tear_down);
  g_test_add ("/activities/context-menu", Fixture, NULL, fixture_set_up, test_activities_context_menu, fixture_tear_down);
  g_test_add ("/activities/undo-stack", Fixture, NULL, fixture_set_up, test_activities_undo_stack, fixture_tear_down);
  g_test_add ("/activities/activate", Fixture, NULL, fixture_set_up, test_activities_activate, fixture_tear_down);
  g_test_add ("/activities/print-button", Fixture, NULL, fixture_set_up, test_activities_print_button, fixture_tear_down);
  g_test_add ("/activities/print-signin", Fixture, NULL, fixture_set_up, test_activities_print_signin, fixture_tear_down);
  return g_test_run ();
}
