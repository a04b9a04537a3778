/* test-editor.c: the record editor, filled through its widgets */
#include "config.h"

#include <locale.h>

#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-attendance-row.h"
#include "bl-attendance-section.h"
#include "bl-date.h"
#include "bl-details-section.h"
#include "bl-person-row.h"
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

/* A field of @editor's details, by its id in bl-details-section.ui. */
static GtkWidget *
details_child (BlActivityEditor *editor,
               const char       *id)
{
  return bl_test_child (GTK_WIDGET (editor), BL_TYPE_DETAILS_SECTION, id);
}

static GtkWidget *
row (Fixture    *f,
     const char *id)
{
  return details_child (f->editor, id);
}

static void
set_text (Fixture    *f,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (f, id)), text);
}

/* A template child of the editor, by its id in the .ui. */
static gpointer
editor_child (Fixture    *f,
              const char *id)
{
  return bl_test_child (GTK_WIDGET (f->editor), BL_TYPE_ACTIVITY_EDITOR, id);
}

/* The date's button, in @editor's details. */
static GtkMenuButton *
date_button (BlActivityEditor *editor)
{
  GtkWidget *button = details_child (editor, "date_button");

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  return GTK_MENU_BUTTON (button);
}

static BlAttendanceSection *
attendance_section (Fixture *f)
{
  return BL_ATTENDANCE_SECTION (editor_child (f, "attendance"));
}

/* A child of the attendance section, by its id in bl-attendance-section.ui. */
static GtkWidget *
section_child (Fixture    *f,
               const char *id)
{
  return bl_test_child (GTK_WIDGET (f->editor), BL_TYPE_ATTENDANCE_SECTION, id);
}

/* Everyone the attendance lists (not filtered by its search). */
static GListModel *
attendance_model (Fixture *f)
{
  return bl_attendance_section_get_model (attendance_section (f));
}

/* The @i-th member's attendance (borrowed: the list holds it). */
static BlAttendee *
attendee (Fixture *f,
          guint    i)
{
  g_autoptr(BlAttendee) item = g_list_model_get_item (attendance_model (f), i);

  g_assert_nonnull (item);
  return item;
}

static void
show_section (Fixture    *f,
              const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-section", "s", name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  bl_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (editor_child (f, "view_stack")), ==, name);
}

/* The row the attendance list shows for the @i-th member (the list makes
 * rows once its section is shown). */
static GtkWidget *
attendance_row (Fixture *f,
                guint    i)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  BlAttendee *wanted = attendee (f, i);

  show_section (f, "attendance");
  bl_test_find_all (GTK_WIDGET (attendance_section (f)), bl_test_match_type,
                    GSIZE_TO_POINTER (BL_TYPE_ATTENDANCE_ROW), rows);
  for (guint j = 0; j < rows->len; j++)
    if (bl_attendance_row_get_attendee (rows->pdata[j]) == wanted)
      return rows->pdata[j];
  g_assert_not_reached ();
}

/* Chooses in the @i-th member's drop-down, as a person does. */
static void
set_attendance (Fixture *f,
                guint    i,
                guint    choice)
{
  GtkWidget *dropdown = bl_test_find_type (attendance_row (f, i), GTK_TYPE_DROP_DOWN);

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
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso_in_days (0);
  GtkWidget *widget, *dialog;
  g_autoptr(GListModel) attendance = NULL;
  gint64 id, on_leave;

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);

  /* Every active member is expected at a general meeting, present by default. */
  g_assert_cmpuint (g_list_model_get_n_items (attendance_model (f)), ==, 4);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 4"));

  /* No topic: refused, said beside the field, nothing written. */
  g_assert_false (save (f));
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);
  g_assert_true (gtk_widget_has_css_class (row (f, "topic_row"), "error"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Enter the topic."));

  set_text (f, "topic_row", "学习贯彻党的二十届四中全会精神");
  g_assert_false (gtk_widget_has_css_class (row (f, "topic_row"), "error"));

  /* The end before the start: refused. */
  set_text (f, "start_row", "14:30");
  set_text (f, "end_row", "14:00");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "The end time must be after the start time."));
  g_assert_false (save (f));
  set_text (f, "end_row", "1600");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Write the end time as HH:MM"));
  set_text (f, "end_row", "16:00");
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "The end time"));

  set_text (f, "location_row", "三楼会议室");
  set_text (f, "host_row", "张书记");
  set_text (f, "recorder_row", "李委员");
  set_text (f, "guests_row", "街道党工委 刘同志");
  set_text (f, "tags_row", "意识形态，学习强国");
  widget = row (f, "first_topic_switch");
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  widget = bl_test_find_type (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                            "张书记传达全会精神，党员逐一发言。", -1);

  /* Two of four full members absent or on leave: not more than half present. */
  set_attendance (f, 2, 1);  /* 病假 */
  set_attendance (f, 3, 5);  /* absent */
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 2"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half of the full members"));

  /* "All present", then one on leave for a reason of its own. */
  bl_test_click (bl_test_child (GTK_WIDGET (f->editor), BL_TYPE_ATTENDANCE_SECTION, "all_present_button"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 4"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half"));
  set_attendance (f, 3, 4);  /* other leave: a reason is needed */
  g_assert_false (save (f));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Enter the reason of"));
  /* Something still to fill in: asked, not refused; "Fill In" goes back to it. */
  dialog = bl_alert_get_open ();
  g_assert_nonnull (dialog);
  bl_alert_response (dialog, "cancel");
  bl_test_iterate ();
  g_assert_null (bl_alert_get_open ());
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (editor_child (f, "view_stack")), ==, "attendance");
  widget = bl_test_find_type (attendance_row (f, 3), GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_has_css_class (widget, "warning"));
  gtk_editable_set_text (GTK_EDITABLE (widget), "外出培训");
  g_assert_true (bl_activity_editor_get_modified (f->editor));

  on_leave = bl_attendee_get_member_id (attendee (f, 3));
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

      if (bl_attendee_get_member_id (entry) == on_leave)
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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "topic_row"))), ==, "研究发展党员工作");
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  /* The committee: one of two present is not more than half. */
  g_assert_cmpuint (g_list_model_get_n_items (attendance_model (f)), ==, 2);
  g_assert_cmpint (bl_attendee_get_state (attendee (f, 1)), ==, BL_ATTENDANCE_LEAVE);
  g_assert_cmpstr (bl_attendee_get_reason (attendee (f, 1)), ==, "公出");
  /* The row shows it: 公出 in the drop-down. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bl_test_find_type (attendance_row (f, 1),
                                                                                  GTK_TYPE_DROP_DOWN))),
                    ==, BL_ATTENDANCE_CHOICE_BUSINESS);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 2 · Present: 1"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half of the committee"));

  /* Its own record is no duplicate of itself. */
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "An activity of this kind"));
  set_text (f, "topic_row", "改过的议题");
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

  set_text (f, "topic_row", "红色教育参观");
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

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "status_row")), 0);  /* planned */
  bl_test_iterate ();
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "A held activity"));

  /* Planned without a date: refused. */
  bl_test_click (row (f, "no_date_button"));
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
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso_in_days (0);
  GtkWidget *group_row;

  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_group (activity, "第二党小组");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);

  group_row = row (f, "group_row");
  g_assert_true (gtk_widget_get_visible (group_row));
  g_assert_cmpuint (g_list_model_get_n_items (attendance_model (f)), ==, 2);
  g_assert_cmpstr (bl_attendee_get_member_name (attendee (f, 0)), ==, "王党员");
  set_attendance (f, 0, 5);

  /* The other group: other members expected. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (group_row), 0);
  g_assert_cmpuint (g_list_model_get_n_items (attendance_model (f)), ==, 2);
  g_assert_cmpstr (bl_attendee_get_member_name (attendee (f, 0)), ==, "张书记");

  set_text (f, "topic_row", "党小组学习");
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
  set_text (f, "topic_row", "党小组学习（续）");
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "An activity of this kind"));
  set_text (f, "topic_row", "党小组学习");
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
  g_autoptr(GError) error = NULL;
  g_autofree char *past = iso_in_days (-2);
  g_autofree char *today = iso_in_days (0);
  g_autofree char *tomorrow = iso_in_days (1);
  GtkWidget *status_row, *attendance_list, *button;
  gint64 id;

  id = save_planned (f, BL_KIND_GENERAL_MEETING, past, "二季度党员大会");
  open_saved (f, id);
  status_row = row (f, "status_row");
  g_assert_cmpuint (g_list_model_get_n_items (attendance_model (f)), ==, 4);
  attendance_list = section_child (f, "list_view");

  g_assert_true (past_notice_shown (f));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (attendance_list));
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  button = editor_child (f, "mark_held_button");
  g_assert_true (gtk_widget_get_visible (button));
  bl_test_click (button);

  /* Exactly as if the person had chosen "Held": attendance opens, all present. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), ==, 1);
  g_assert_false (past_notice_shown (f));
  g_assert_true (bl_activity_editor_get_modified (f->editor));
  g_assert_true (gtk_widget_get_sensitive (attendance_list));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 4 · Present: 4"));
  g_assert_true (gtk_widget_get_visible (section_child (f, "all_present_button")));

  /* Nothing is written before Save. */
  saved = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bl_activity_get_status (saved), ==, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpuint (n_attendance (f, bl_activity_get_id (saved)), ==, 0);

  set_attendance (f, 3, 5);  /* absent */
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
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "status_row")), 0);
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

/* A member saved with @category. */
static gint64
add_member (Fixture          *f,
            const char       *name,
            const char       *group,
            BlMemberRole      role,
            BlMemberCategory  category)
{
  g_autoptr(BlMember) member = bl_member_new (name);
  g_autoptr(GError) error = NULL;

  bl_member_set_group (member, group);
  bl_member_set_role (member, role);
  bl_member_set_category (member, category);
  bl_store_save_member (f->store, member, &error);
  g_assert_no_error (error);
  return bl_member_get_id (member);
}

static void
search_attendance (Fixture    *f,
                   const char *text)
{
  GtkWidget *entry = section_child (f, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before it says so; say it now. */
  g_signal_emit_by_name (entry, "search-changed");
  bl_test_iterate ();
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (bl_attendance_section_get_shown (attendance_section (f)));
}

/* The attendance is a model: the expected members in the one order of the
 * ledger, a search by name, and the counts and the quorum computed on the
 * model, whatever the search shows. */
static void
test_editor_attendance_model (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const order[] = {
    "张书记", "李委员", "孙预备",  /* 第一党小组: the committee by role, then names */
    "王党员", "赵党员",            /* 第二党小组 */
    "陈党员",                      /* 第三党小组 */
    "吴党员",                      /* 第十党小组 */
    "周无组",                      /* no group: last */
  };
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) stored = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = iso_in_days (-1);
  GListModel *model;
  GtkWidget *reason;

  /* Saved in no particular order. */
  add_member (f, "吴党员", "第十党小组", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_FULL);
  add_member (f, "周无组", "", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_FULL);
  add_member (f, "陈党员", "第三党小组", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_FULL);
  add_member (f, "孙预备", "第一党小组", BL_MEMBER_ROLE_NONE, BL_MEMBER_CATEGORY_PROBATIONARY);

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, day);
  open_editor (f, activity);
  model = attendance_model (f);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (bl_attendee_get_member_name (attendee (f, i)), ==, order[i]);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 8 · Present: 8"));

  /* A stored record's attendance, written backwards, comes in the same order. */
  for (guint i = G_N_ELEMENTS (order); i > 0; i--)
    {
      g_autoptr(BlMember) member = bl_store_find_active_member (f->store, order[i - 1]);

      bl_attendance_add (stored, bl_member_get_id (member), order[i - 1], BL_ATTENDANCE_PRESENT, "");
    }
  bl_activity_set_topic (activity, "全体党员大会");
  g_assert_true (bl_store_save_activity (f->store, activity, G_LIST_MODEL (stored), &error));
  g_assert_no_error (error);
  close_editor (f);
  open_saved (f, bl_activity_get_id (activity));
  model = attendance_model (f);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (bl_attendee_get_member_name (attendee (f, i)), ==, order[i]);

  /* The search shows some; the counts stay those of everyone. */
  show_section (f, "attendance");
  search_attendance (f, "党员");
  g_assert_cmpuint (n_shown (f), ==, 4);
  g_assert_false (gtk_widget_get_visible (section_child (f, "no_match_label")));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 8 · Present: 8"));
  search_attendance (f, "赵");
  g_assert_cmpuint (n_shown (f), ==, 1);
  {
    g_autoptr(BlAttendee) found = g_list_model_get_item (bl_attendance_section_get_shown (attendance_section (f)), 0);

    g_assert_cmpstr (bl_attendee_get_member_name (found), ==, "赵党员");
  }
  search_attendance (f, "无此人");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_true (gtk_widget_get_visible (section_child (f, "no_match_label")));
  search_attendance (f, "");
  g_assert_cmpuint (n_shown (f), ==, 8);

  /* Four of the seven full members away: three present is not more than half. */
  for (guint i = 0; i < 5; i++)
    if (i != 2)  /* 孙预备, probationary, stays */
      bl_attendee_set_state (attendee (f, i), BL_ATTENDANCE_ABSENT);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 8 · Present: 4"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half of the full members"));
  g_assert_true (bl_activity_editor_get_modified (f->editor));
  /* One back: four of seven full members; the probationary member does not count. */
  bl_attendee_set_state (attendee (f, 0), BL_ATTENDANCE_PRESENT);
  bl_attendee_set_state (attendee (f, 2), BL_ATTENDANCE_ABSENT);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 8 · Present: 4"));
  g_assert_false (bl_test_shows_text (GTK_WIDGET (f->editor), "Not more than half"));

  /* "All Present" marks those the search hides too. */
  search_attendance (f, "王");
  g_assert_cmpuint (n_shown (f), ==, 1);
  bl_test_click (section_child (f, "all_present_button"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Expected: 8 · Present: 8"));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (bl_attendee_get_state (attendee (f, i)), ==, BL_ATTENDANCE_PRESENT);
  search_attendance (f, "");

  /* A reason typed in a row is the attendee's: hidden by the search and
   * shown again (its row made anew), it is still there. */
  set_attendance (f, 6, BL_ATTENDANCE_CHOICE_OTHER);
  reason = bl_test_find_type (attendance_row (f, 6), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (reason), "外出培训");
  g_assert_cmpint (bl_attendee_get_state (attendee (f, 6)), ==, BL_ATTENDANCE_LEAVE);
  g_assert_cmpstr (bl_attendee_get_reason (attendee (f, 6)), ==, "外出培训");
  search_attendance (f, "张");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  search_attendance (f, "");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  reason = bl_test_find_type (attendance_row (f, 6), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==, "外出培训");
  g_assert_true (gtk_widget_get_visible (reason));

  g_assert_true (save (f));
  g_assert_cmpuint (n_attendance (f, bl_activity_get_id (activity)), ==, 8);
}

static BlPersonRow *
person_row (Fixture    *f,
            const char *id)
{
  GtkWidget *widget = row (f, id);

  g_assert_true (BL_IS_PERSON_ROW (widget));
  return BL_PERSON_ROW (widget);
}

static guint
n_toplevel_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      n += BL_IS_ACTIVITY_EDITOR (window) && gtk_widget_get_visible (window);
    }
  return n;
}

/* 主持人 and 记录人 are chosen from the members active that day (a guest's
 * name may still be typed); a group meeting suggests its group's leader. */
static void
test_editor_people (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const active[] = { "张书记", "李委员", "王党员", "赵党员" };
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso_in_days (0);
  g_autofree char *before = iso_in_days (-30);
  BlPersonRow *host, *recorder;
  GListModel *shown;
  gint64 gone;

  gone = bl_test_add_member (f->store, "钱转出", "第一党小组", BL_MEMBER_ROLE_NONE);
  g_assert_true (bl_store_set_transfer (f->store, gone, before, "", &error));
  g_assert_no_error (error);

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);
  host = person_row (f, "host_row");
  recorder = person_row (f, "recorder_row");
  g_assert_true (bl_person_row_get_members (host) == bl_person_row_get_members (recorder));

  /* The host's list: the active members in the one order, not 钱转出. */
  bl_person_row_choose (host);
  bl_test_iterate ();
  shown = bl_person_row_get_shown (host);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (active));
  for (guint i = 0; i < G_N_ELEMENTS (active); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (shown, i);

      g_assert_cmpstr (bl_member_get_name (member), ==, active[i]);
    }
  /* A member added meanwhile (on the Members page) is offered at once. */
  bl_test_add_member (f->store, "孙新人", "第二党小组", BL_MEMBER_ROLE_NONE);
  bl_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (active) + 1);
  bl_person_row_pick (host, 1);
  bl_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (host)), ==, "李委员");
  g_assert_true (bl_activity_editor_get_modified (f->editor));

  /* The recorder: a guest, typed. */
  gtk_editable_set_text (GTK_EDITABLE (recorder), "街道党工委 刘同志");
  set_text (f, "topic_row", "年度工作部署");
  g_assert_true (save (f));
  saved = bl_store_get_activity (f->store, bl_activity_editor_get_id (f->editor), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_host (saved), ==, "李委员");
  g_assert_cmpstr (bl_activity_get_recorder (saved), ==, "街道党工委 刘同志");
  close_editor (f);

  /* A group meeting: its leader is the suggested host. */
  g_assert_true (bl_store_set_group_leader (f->store, "第二党小组", f->ids[3], NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_set_group_leader (f->store, "第一党小组", f->ids[1], NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&activity);
  activity = bl_activity_new ();
  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_group (activity, "第二党小组");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);
  host = person_row (f, "host_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (host)), ==, "赵党员");
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  /* Another group: its leader instead. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "group_row")), 0);
  bl_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (host)), ==, "李委员");
  /* A host the person chose stays when the group changes. */
  gtk_editable_set_text (GTK_EDITABLE (host), "张书记");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "group_row")), 1);
  bl_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (host)), ==, "张书记");

  /* Not a group meeting: no suggestion, and a stored host is kept. */
  close_editor (f);
  g_clear_object (&activity);
  activity = bl_activity_new ();
  bl_activity_set_kind (activity, BL_KIND_COMMITTEE_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  open_editor (f, activity);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (person_row (f, "host_row"))), ==, "");
}

/* "复制为新记录": a new editor on a record like this one, without a date. */
static void
test_editor_copy_as_new (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day = iso_in_days (-7);
  g_autofree char *today = iso_in_days (0);
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GtkWindow) parent = GTK_WINDOW (g_object_ref_sink (adw_window_new ()));
  BlActivityEditor *copy = NULL;
  GtkWidget *group_row;
  const char * const *tags;

  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_group (activity, "第二党小组");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, day);
  bl_activity_set_start_time (activity, "19:00");
  bl_activity_set_end_time (activity, "20:30");
  bl_activity_set_location (activity, "社区活动室");
  bl_activity_set_host (activity, "王党员");
  bl_activity_set_recorder (activity, "赵党员");
  bl_activity_set_topic (activity, "学习党章");
  bl_activity_set_content (activity, "逐章学习。");
  bl_activity_set_tags (activity, (const char *[]) { "党章", NULL });
  bl_attendance_add (attendance, f->ids[2], "王党员", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (attendance, f->ids[3], "赵党员", BL_ATTENDANCE_ABSENT, "");
  g_assert_true (bl_store_save_activity (f->store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);

  open_editor (f, activity);
  gtk_window_set_transient_for (GTK_WINDOW (f->editor), parent);
  /* The copy is of the record as the form shows it. */
  set_text (f, "topic_row", "学习党章（第二讲）");
  g_assert_cmpuint (n_toplevel_editors (), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.copy-as-new", NULL);
  bl_test_iterate ();
  g_assert_cmpuint (n_toplevel_editors (), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (BL_IS_ACTIVITY_EDITOR (window) && window != GTK_WIDGET (f->editor))
        copy = BL_ACTIVITY_EDITOR (window);
    }
  g_assert_nonnull (copy);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (copy));
  /* Over the same window as the record it was copied from. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (copy)) == parent);
  g_assert_cmpint (bl_activity_editor_get_id (copy), ==, 0);
  g_assert_false (bl_activity_editor_get_modified (copy));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (copy)), ==, "New Activity");

  group_row = details_child (copy, "group_row");
  g_assert_true (gtk_widget_get_visible (group_row));
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (group_row))),
                   ==, "第二党小组");
#define COPY_TEXT(id) gtk_editable_get_text (GTK_EDITABLE (details_child (copy, id)))
  g_assert_cmpstr (COPY_TEXT ("topic_row"), ==, "学习党章（第二讲）");
  g_assert_cmpstr (COPY_TEXT ("start_row"), ==, "19:00");
  g_assert_cmpstr (COPY_TEXT ("end_row"), ==, "20:30");
  g_assert_cmpstr (COPY_TEXT ("location_row"), ==, "社区活动室");
  g_assert_cmpstr (COPY_TEXT ("host_row"), ==, "王党员");
  /* Not the recorder, the tags or the minutes: those are the meeting's own. */
  g_assert_cmpstr (COPY_TEXT ("recorder_row"), ==, "");
  g_assert_cmpstr (COPY_TEXT ("tags_row"), ==, "");
#undef COPY_TEXT
  g_assert_cmpstr (gtk_menu_button_get_label (date_button (copy)), ==, "No Date");

  /* Without a date it cannot be saved; with one it is a second record. */
  gtk_widget_activate_action (GTK_WIDGET (copy), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (copy)));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (copy), "Choose the date"));
  bl_test_click (details_child (copy, "today_button"));
  gtk_widget_activate_action (GTK_WIDGET (copy), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 2);
  {
    g_autoptr(BlActivity) first = g_list_model_get_item (activities (f), 0);
    g_autoptr(BlActivity) saved = bl_store_get_activity (f->store, bl_activity_get_id (first), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bl_activity_get_date (saved), ==, today);
    g_assert_cmpstr (bl_activity_get_topic (saved), ==, "学习党章（第二讲）");
    g_assert_cmpstr (bl_activity_get_content (saved), ==, "");
    tags = bl_activity_get_tags (saved);
    g_assert_null (tags[0]);
    /* Its own attendance: the group, as expected today, everyone present. */
    g_assert_cmpuint (bl_activity_get_expected_count (saved), ==, 2);
    g_assert_cmpuint (bl_activity_get_present_count (saved), ==, 2);
  }
  /* The record copied from is as it was saved. */
  {
    g_autoptr(BlActivity) original = bl_store_get_activity (f->store, bl_activity_get_id (activity), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bl_activity_get_topic (original), ==, "学习党章");
    g_assert_cmpuint (bl_activity_get_present_count (original), ==, 1);
  }
  gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->editor);
  gtk_window_destroy (parent);
  bl_test_iterate ();
}

/* Each problem of bl_activity_check() beside its field: an error refuses,
 * something still to fill in asks, a likely slip only says so. */
static void
test_editor_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iso_in_days (0);
  g_autofree char *tomorrow = iso_in_days (1);
  AdwViewStack *stack;
  GtkWidget *dialog, *date;

  bl_activity_set_kind (activity, BL_KIND_COMMITTEE_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, tomorrow);
  bl_activity_set_topic (activity, "研究年度计划");
  open_editor (f, activity);
  stack = editor_child (f, "view_stack");
  date = GTK_WIDGET (date_button (f->editor));

  /* An error: marked, the section flagged, refused without a question. */
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_true (adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (stack, editor_child (f, "details"))));
  g_assert_false (adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (stack, editor_child (f, "attendance"))));
  show_section (f, "minutes");
  g_assert_false (save (f));
  g_assert_null (bl_alert_get_open ());
  /* The section with the error is shown. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "details");
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);

  bl_test_click (row (f, "today_button"));
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_false (adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (stack, editor_child (f, "details"))));

  /* Still to fill in: an end without a start, a leave without its reason. */
  set_text (f, "end_row", "16:00");
  g_assert_true (gtk_widget_has_css_class (row (f, "start_row"), "warning"));
  g_assert_false (gtk_widget_has_css_class (row (f, "start_row"), "error"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Enter the start time too"));
  bl_attendee_set_state (attendee (f, 1), BL_ATTENDANCE_LEAVE);
  g_assert_true (adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (stack, editor_child (f, "attendance"))));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Enter the reason of 李委员's leave."));

  /* Asked before saving; "Save Anyway" saves as it is and closes. */
  g_assert_false (save (f));
  dialog = bl_alert_get_open ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);
  bl_alert_response (dialog, "save");
  bl_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  saved = bl_store_get_activity (f->store, bl_activity_editor_get_id (f->editor), &error);
  g_assert_no_error (error);
  g_assert_null (bl_activity_get_start_time (saved));
  g_assert_cmpstr (bl_activity_get_end_time (saved), ==, "16:00");
  g_assert_cmpstr (bl_activity_get_date (saved), ==, today);
  g_assert_cmpuint (bl_activity_get_present_count (saved), ==, 1);
  close_editor (f);

  /* The same meeting again: said, and saved all the same. */
  bl_activity_set_date (activity, today);
  bl_activity_set_end_time (activity, NULL);
  open_editor (f, activity);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "An activity of this kind"));
  g_assert_false (adw_view_stack_page_get_needs_attention (adw_view_stack_get_page (stack = editor_child (f, "view_stack"),
                                                                                     editor_child (f, "details"))));
  g_assert_true (save (f));
  g_assert_null (bl_alert_get_open ());
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 2);
}

static void
close_with_question (Fixture    *f,
                     const char *response)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autofree char *today = iso_in_days (0);
  GtkWidget *parent = adw_window_new ();
  GtkWidget *dialog;

  /* As from the main window: Ctrl+N, a topic, Escape. */
  gtk_window_present (GTK_WINDOW (parent));
  bl_activity_set_kind (activity, BL_KIND_STUDY_SESSION);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  f->editor = g_object_ref (bl_activity_editor_new (f->store, activity));
  gtk_window_set_transient_for (GTK_WINDOW (f->editor), GTK_WINDOW (parent));
  gtk_window_present (GTK_WINDOW (f->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  set_text (f, "topic_row", "学习党的二十届四中全会精神");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "window.close", NULL);
  bl_test_iterate ();
  dialog = bl_alert_get_open ();
  g_assert_nonnull (dialog);
  bl_alert_response (dialog, response);
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  /* Then the window it was opened from closes. */
  gtk_window_destroy (GTK_WINDOW (parent));
  bl_test_iterate ();
  g_clear_object (&f->editor);
  bl_test_iterate ();
}

/* Closing after the "Save Changes?" question, then the window below: not
 * one warning (issue 11: four pairs of GLib warnings before). */
static void
test_editor_close_after_question (Fixture       *f,
                                  gconstpointer  data)
{
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);

  g_log_set_always_fatal (fatal | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  close_with_question (f, "discard");
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 0);
  close_with_question (f, "save");
  g_assert_cmpuint (g_list_model_get_n_items (activities (f)), ==, 1);
  g_log_set_always_fatal (fatal);
}

/* A section is measured and laid out once it is shown, not before (the
 * view stack would measure all four on every opening): shown, it fills
 * the window, and its rows are laid out. */
static void
test_editor_sections_laid_out (Fixture       *f,
                               gconstpointer  data)
{
  static const char * const names[] = { "attendance", "minutes", "attachments", "details" };
  g_autoptr(BlActivity) activity = bl_activity_new ();
  AdwViewStack *stack;
  int minimum = -1, natural = -1;

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  open_editor (f, activity);
  stack = editor_child (f, "view_stack");

  gtk_widget_measure (GTK_WIDGET (attendance_section (f)), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);
  gtk_widget_measure (GTK_WIDGET (editor_child (f, "details")), GTK_ORIENTATION_VERTICAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *section;
      GtkWidget *content;

      show_section (f, names[i]);
      section = adw_view_stack_get_visible_child (stack);
      content = adw_bin_get_child (ADW_BIN (section));
      g_assert_cmpint (gtk_widget_get_width (content), ==, gtk_widget_get_width (GTK_WIDGET (stack)));
      g_assert_cmpint (gtk_widget_get_height (content), ==, gtk_widget_get_height (GTK_WIDGET (stack)));
      gtk_widget_measure (section, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_assert_cmpint (natural, >, 0);
    }
  g_assert_cmpint (gtk_widget_get_width (attendance_row (f, 0)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (attendance_row (f, 3)), >, 0);
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
  g_test_add ("/editor/attendance-model", Fixture, NULL, fixture_set_up, test_editor_attendance_model, fixture_tear_down);
  g_test_add ("/editor/people", Fixture, NULL, fixture_set_up, test_editor_people, fixture_tear_down);
  g_test_add ("/editor/copy-as-new", Fixture, NULL, fixture_set_up, test_editor_copy_as_new, fixture_tear_down);
  g_test_add ("/editor/problems", Fixture, NULL, fixture_set_up, test_editor_problems, fixture_tear_down);
  g_test_add ("/editor/sections-laid-out", Fixture, NULL, fixture_set_up, test_editor_sections_laid_out,
              fixture_tear_down);
  g_test_add ("/editor/close-after-question", Fixture, NULL, fixture_set_up, test_editor_close_after_question,
              fixture_tear_down);
  return g_test_run ();
}
