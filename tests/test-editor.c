/* test-editor.c: the record editor, filled through its widgets */
#include "config.h"

#include <locale.h>

#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-attendance-row.h"
#include "bl-date.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

typedef struct {
  BlStore          *store;
  BlActivityEditor *editor;
  gint64            ids[4];
} Fixture;

static char *
iso_in_days (int days)
{
  GDate date;

  bl_date_set_today (&date);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return bl_date_to_iso (&date);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = bl_test_store_new ();
  f->ids[0] = bl_test_add_member (f->store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  f->ids[1] = bl_test_add_member (f->store, "李委员", "第一党小组", BL_MEMBER_ROLE_ORGANIZATION);
  f->ids[2] = bl_test_add_member (f->store, "王党员", "第二党小组", BL_MEMBER_ROLE_NONE);
  f->ids[3] = bl_test_add_member (f->store, "赵党员", "第二党小组", BL_MEMBER_ROLE_NONE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->editor));
      g_clear_object (&f->editor);
    }
  bl_test_iterate ();
  g_clear_object (&f->store);
}

static void
open_editor (Fixture    *f,
             BlActivity *activity)
{
  f->editor = g_object_ref (bl_activity_editor_new (f->store, activity));
  gtk_window_present (GTK_WINDOW (f->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  bl_test_iterate ();
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *widget = bl_test_find_row (GTK_WIDGET (f->editor), title);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (Fixture    *f,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (f, title)), text);
}

static GPtrArray *
attendance_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  bl_test_find_all (GTK_WIDGET (f->editor), bl_test_match_type,
                    GSIZE_TO_POINTER (BL_TYPE_ATTENDANCE_ROW), rows);
  return rows;
}

static void
set_attendance (BlAttendanceRow *row,
                guint            choice)
{
  GtkWidget *dropdown = bl_test_find_type (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), choice);
}

static gboolean
save (Fixture *f)
{
  guint before = g_list_model_get_n_items (bl_store_get_activities (f->store));

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  bl_test_iterate ();
  return g_list_model_get_n_items (bl_store_get_activities (f->store)) != before ||
         !gtk_widget_get_visible (GTK_WIDGET (f->editor));
}

static GListModel *
activities (Fixture *f)
{
  return bl_store_get_activities (f->store);
}

/* How many attendance rows the ledger holds for activity @id. */
static guint
n_attendance (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendance = bl_store_load_attendance (f->store, id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (attendance);
}

/* A general meeting recorded from start to end through the widgets. */
static void
test_editor_fill_and_save (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso_in_days (0);
  GtkWidget *widget;
  g_autoptr(GListModel) attendance = NULL;
  gint64 id;

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);

  /* Every active member is expected at a general meeting, present by default. */
  rows = attendance_rows (f);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 4"));

  /* No topic: refused, said beside the field, nothing written. */
  g_assert_false (save (f));
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);
  g_assert_true (gtk_widget_has_css_class (row (f, "T_opic"), "error"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Enter the topic."));

  set_text (f, "T_opic", "学习贯彻党的二十届四中全会精神");
  g_assert_false (gtk_widget_has_css_class (row (f, "T_opic"), "error"));

  /* The end before the start: refused. */
  set_text (f, "Start _Time (HH:MM)", "14:30");
  set_text (f, "_End Time (HH:MM)", "14:00");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "The end time must be after the start time."));
  g_assert_false (save (f));
  set_text (f, "_End Time (HH:MM)", "1600");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Write the end time as HH:MM"));
  set_text (f, "_End Time (HH:MM)", "16:00");
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "The end time"));

  set_text (f, "_Location", "三楼会议室");
  set_text (f, "_Host", "张书记");
  set_text (f, "_Recorder", "李委员");
  set_text (f, "G_uests (Not Members)", "街道党工委 刘同志");
  set_text (f, "T_ags, Separated by Commas", "意识形态，学习强国");
  widget = bl_test_find_type (row (f, "_First Topic"), GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  widget = bl_test_find_type (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                            "张书记传达全会精神，党员逐一发言。", -1);

  /* Two of four full members absent or on leave: not more than half present. */
  set_attendance (rows->pdata[2], 1);  /* 病假 */
  set_attendance (rows->pdata[3], 5);  /* absent */
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 2"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half of the full members"));

  /* "All present", then one on leave for a reason of its own. */
  bl_test_click (bl_test_find_button (GTK_WIDGET (f->editor), "All _Present"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 4"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half"));
  set_attendance (rows->pdata[3], 4);  /* other leave: a reason is needed */
  g_assert_false (save (f));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Enter the reason of"));
  widget = bl_test_find_type (GTK_WIDGET (rows->pdata[3]), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (widget), "外出培训");
  g_assert_true (bl_activity_editor_get_modified (f->editor));

  g_assert_true (save (f));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  id = bl_activity_editor_get_id (f->editor);
  g_assert_cmpint (id, >, 0);
  saved = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_kind (saved), ==, BL_KIND_GENERAL_MEETING);
  g_assert_cmpint (bl_activity_get_status (saved), ==, BL_ACTIVITY_STATUS_HELD);
  g_assert_cmpstr (bl_activity_get_date (saved), ==, today);
  g_assert_cmpstr (bl_activity_get_start_time (saved), ==, "14:30");
  g_assert_cmpstr (bl_activity_get_end_time (saved), ==, "16:00");
  g_assert_cmpstr (bl_activity_get_topic (saved), ==, "学习贯彻党的二十届四中全会精神");
  g_assert_cmpstr (bl_activity_get_location (saved), ==, "三楼会议室");
  g_assert_cmpstr (bl_activity_get_host (saved), ==, "张书记");
  g_assert_cmpstr (bl_activity_get_recorder (saved), ==, "李委员");
  g_assert_cmpstr (bl_activity_get_guests (saved), ==, "街道党工委 刘同志");
  g_assert_cmpstr (bl_activity_get_content (saved), ==, "张书记传达全会精神，党员逐一发言。");
  g_assert_true (bl_activity_get_first_topic (saved));
  g_assert_true (bl_activity_has_tag (saved, "意识形态"));
  g_assert_true (bl_activity_has_tag (saved, "学习强国"));
  g_assert_cmpuint (g_strv_length ((char **) bl_activity_get_tags (saved)), ==, 2);

  attendance = bl_store_load_attendance (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 4);
  g_assert_cmpuint (bl_activity_get_expected_count (saved), ==, 4);
  g_assert_cmpuint (bl_activity_get_present_count (saved), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(BlAttendee) entry = g_list_model_get_item (attendance, i);

      if (bl_attendee_get_member_id (entry) == bl_attendance_row_get_member_id (rows->pdata[3]))
        {
          g_assert_cmpint (bl_attendee_get_state (entry), ==, BL_ATTENDANCE_LEAVE);
          g_assert_cmpstr (bl_attendee_get_reason (entry), ==, "外出培训");
        }
      else
        g_assert_cmpint (bl_attendee_get_state (entry), ==, BL_ATTENDANCE_PRESENT);
    }
}

/* An existing record is shown as saved; closing with changes asks, and
 * "Discard" leaves the ledger as it was. */
static void
test_editor_edit_and_discard (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(BlActivity) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = iso_in_days (-3);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *dialog = NULL;

  bl_activity_set_kind (activity, BL_KIND_COMMITTEE_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, day);
  bl_activity_set_topic (activity, "研究发展党员工作");
  bl_attendance_add (attendance, f->ids[0], "张书记", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (attendance, f->ids[1], "李委员", BL_ATTENDANCE_LEAVE, "公出");
  bl_store_save_activity (f->store, activity, G_LIST_MODEL (attendance), &error);
  g_assert_no_error (error);

  open_editor (f, activity);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "T_opic"))), ==, "研究发展党员工作");
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  /* The committee: one of two present is not more than half. */
  rows = attendance_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (bl_attendance_row_get_state (rows->pdata[1]), ==, BL_ATTENDANCE_LEAVE);
  g_assert_cmpstr (bl_attendance_row_get_reason (rows->pdata[1]), ==, "公出");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 2 · Present: 1"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half of the committee"));

  /* Its own record is no duplicate of itself. */
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "An activity of this kind"));
  set_text (f, "T_opic", "改过的议题");
  g_assert_true (bl_activity_editor_get_modified (f->editor));

  gtk_window_close (GTK_WINDOW (f->editor));
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  dialog = bl_alert_get_open ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  bl_alert_response (dialog, "discard");
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  after = bl_store_get_activity (f->store, bl_activity_get_id (activity), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_topic (after), ==, "研究发展党员工作");
}

/* Held but dated tomorrow: refused; planned tomorrow: fine; planned
 * without a date: refused. The date is chosen in the calendar. */
static void
test_editor_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) saved = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow_iso = iso_in_days (1);
  g_autoptr(GError) error = NULL;
  GtkWidget *calendar;

  bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  open_editor (f, activity);

  set_text (f, "T_opic", "红色教育参观");
  /* No date yet. */
  g_assert_false (save (f));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Choose the date"));

  calendar = bl_test_find_type (GTK_WIDGET (f->editor), GTK_TYPE_CALENDAR);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), tomorrow);
  g_signal_emit_by_name (calendar, "day-selected");
  bl_test_iterate ();
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "A held activity cannot be dated in the future"));
  g_assert_false (save (f));
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "_Status")), 0);  /* planned */
  bl_test_iterate ();
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "A held activity"));

  /* Planned without a date: refused. */
  bl_test_click (bl_test_find_button (GTK_WIDGET (f->editor), "_No Date"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "A planned activity needs a date."));
  g_assert_false (save (f));

  gtk_calendar_select_day (GTK_CALENDAR (calendar), tomorrow);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_true (save (f));

  saved = bl_store_get_activity (f->store, bl_activity_editor_get_id (f->editor), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bl_activity_get_status (saved), ==, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpstr (bl_activity_get_date (saved), ==, tomorrow_iso);
  g_assert_cmpstr (bl_activity_get_kind (saved), ==, BL_KIND_THEME_DAY);
  /* Nobody has attended a planned activity yet. */
  g_assert_cmpuint (n_attendance (f, bl_activity_get_id (saved)), ==, 0);
}

/* A group meeting expects its group only; changing the group changes who is expected. */
static void
test_editor_group_meeting (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) saved = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso_in_days (0);
  GtkWidget *group_row;

  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_group (activity, "第二党小组");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);

  group_row = row (f, "Party _Group");
  g_assert_true (gtk_widget_get_visible (group_row));
  rows = attendance_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (bl_attendance_row_get_name (rows->pdata[0]), ==, "王党员");
  set_attendance (rows->pdata[0], 5);

  /* The other group: other members expected. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (group_row), 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = attendance_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (bl_attendance_row_get_name (rows->pdata[0]), ==, "张书记");

  set_text (f, "T_opic", "党小组学习");
  g_assert_true (save (f));
  saved = bl_store_get_activity (f->store, bl_activity_editor_get_id (f->editor), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_group (saved), ==, "第一党小组");

  /* The same meeting entered again: a warning, not a refusal. */
  g_clear_object (&f->editor);
  bl_activity_set_topic (activity, "党小组学习");
  bl_activity_set_group (activity, "第一党小组");
  open_editor (f, activity);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "An activity of this kind"));
  set_text (f, "T_opic", "党小组学习（续）");
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "An activity of this kind"));
  set_text (f, "T_opic", "党小组学习");
  g_assert_true (save (f));
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 2);
  g_assert_cmpuint (bl_activity_get_expected_count (saved), ==, 2);
  g_assert_cmpuint (bl_activity_get_present_count (saved), ==, 2);
}

static void
close_editor (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->editor);
  bl_test_iterate ();
}

static gboolean
past_notice_shown (Fixture *f)
{
  GtkWidget *notice = bl_test_find_type (GTK_WIDGET (f->editor), GTK_TYPE_INFO_BAR);

  g_assert_nonnull (notice);
  return gtk_widget_is_visible (notice) &&
         bl_test_shows_text (notice, "This meeting's date has passed. Mark it held and fill in its record.");
}

static gint64
save_planned (Fixture    *f,
              const char *kind,
              const char *date,
              const char *topic)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, kind);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_PLANNED);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  bl_store_save_activity (f->store, activity, NULL, &error);
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

static void
open_saved (Fixture *f,
            gint64   id)
{
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  activity = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  open_editor (f, activity);
}

/* A planned meeting whose day has passed (the Overview's "Fill In Record"):
 * a notice offers to mark it held; that only changes the form until Save. */
static void
test_editor_past_planned (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BlActivity) saved = NULL;
  g_autoptr(BlActivity) held = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *past = iso_in_days (-2);
  g_autofree char *today = iso_in_days (0);
  g_autofree char *tomorrow = iso_in_days (1);
  GtkWidget *status_row, *attendance_list, *button;
  gint64 id;

  id = save_planned (f, BL_KIND_GENERAL_MEETING, past, "二季度党员大会");
  open_saved (f, id);
  status_row = row (f, "_Status");
  rows = attendance_rows (f);
  g_assert_cmpuint (rows->len, ==, 4);
  attendance_list = gtk_widget_get_parent (rows->pdata[0]);

  g_assert_true (past_notice_shown (f));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (attendance_list));
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  button = bl_test_find_button (GTK_WIDGET (f->editor), "_Mark as Held");
  g_assert_nonnull (button);
  bl_test_click (button);

  /* Exactly as if the person had chosen "Held": attendance opens, all present. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==, 1);
  g_assert_false (past_notice_shown (f));
  g_assert_true (bl_activity_editor_get_modified (f->editor));
  g_assert_true (gtk_widget_get_sensitive (attendance_list));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 4"));
  g_assert_nonnull (bl_test_find_button (GTK_WIDGET (f->editor), "All _Present"));
  g_assert_true (gtk_widget_get_visible (bl_test_find_button (GTK_WIDGET (f->editor), "All _Present")));

  /* Nothing is written before Save. */
  saved = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bl_activity_get_status (saved), ==, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpuint (n_attendance (f, bl_activity_get_id (saved)), ==, 0);

  set_attendance (rows->pdata[3], 5);  /* absent */
  g_assert_true (save (f));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  held = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bl_activity_get_status (held), ==, BL_ACTIVITY_STATUS_HELD);
  g_assert_cmpstr (bl_activity_get_date (held), ==, past);
  g_assert_cmpuint (n_attendance (f, bl_activity_get_id (held)), ==, 4);
  g_assert_cmpuint (bl_activity_get_expected_count (held), ==, 4);
  g_assert_cmpuint (bl_activity_get_present_count (held), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 1);
  g_clear_object (&f->editor);

  /* Held already: no notice, and none after the save either. */
  open_saved (f, id);
  g_assert_false (past_notice_shown (f));
  /* Switched back to planned in the form, the notice says it again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "_Status")), 0);
  bl_test_iterate ();
  g_assert_true (past_notice_shown (f));
  close_editor (f);

  /* Planned for today or later: the meeting has not been missed. */
  open_saved (f, save_planned (f, BL_KIND_COMMITTEE_MEETING, today, "今天的支委会"));
  g_assert_false (past_notice_shown (f));
  close_editor (f);
  open_saved (f, save_planned (f, BL_KIND_STUDY_SESSION, tomorrow, "明天的学习"));
  g_assert_false (past_notice_shown (f));
  close_editor (f);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/editor/fill-and-save", Fixture, NULL, fixture_set_up, test_editor_fill_and_save, fixture_tear_down);
  g_test_add ("/editor/edit-and-discard", Fixture, NULL, fixture_set_up, test_editor_edit_and_discard, fixture_tear_down);
  g_test_add ("/editor/dates", Fixture, NULL, fixture_set_up, test_editor_dates, fixture_tear_down);
  g_test_add ("/editor/past-planned", Fixture, NULL, fixture_set_up, test_editor_past_planned, fixture_tear_down);
  g_test_add ("/editor/group-meeting", Fixture, NULL, fixture_set_up, test_editor_group_meeting, fixture_tear_down);
  return g_test_run ();
}
