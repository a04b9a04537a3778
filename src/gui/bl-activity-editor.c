/* bl-activity-editor.c: the record editor. It works on a copy of the activity
 * and its attendance, and writes both back with one bl_store_save_activity()
 * (one transaction). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-activity-check.h"
#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-attendance-row.h"
#include "bl-date.h"
#include "bl-kind.h"
#include "bl-quorum.h"
#include "bl-text.h"
#include "bl-util.h"

struct _BlActivityEditor
{
  AdwWindow             parent_instance;

  BlStore              *store;
  BlActivity           *activity;   /* the record as last loaded or saved */
  char                 *date;       /* "YYYY-MM-DD", or NULL for none yet */
  GtkStringList        *groups;

  gboolean              loading;    /* filling the widgets: not a change by the person */
  gboolean              modified;
  gboolean              show_all_errors;  /* after a first attempt to save */
  gboolean              topic_touched;
  gboolean              closing;

  AdwWindowTitle       *window_title;
  GtkInfoBar           *past_notice;
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *save_error_label;
  AdwComboRow          *kind_row;
  AdwComboRow          *status_row;
  AdwActionRow         *date_row;
  GtkMenuButton        *date_button;
  GtkPopover           *date_popover;
  GtkCalendar          *calendar;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  AdwEntryRow          *location_row;
  AdwComboRow          *group_row;
  AdwEntryRow          *topic_row;
  GtkSwitch            *first_topic_switch;
  AdwEntryRow          *tags_row;
  GtkLabel             *duplicate_label;
  GtkLabel             *activity_error_label;
  AdwEntryRow          *host_row;
  AdwEntryRow          *recorder_row;
  AdwEntryRow          *lecturer_row;
  GtkPopover           *lecturer_popover;
  GtkListBox           *lecturer_list;
  AdwEntryRow          *guests_row;
  GtkTextView          *content_view;
  GtkTextView          *resolutions_view;
  AdwPreferencesGroup  *attendance_group;
  GtkButton            *all_present_button;
  GtkLabel             *counts_label;
  GtkLabel             *quorum_label;
  GtkListBox           *attendance_list;
  GtkLabel             *attendance_error_label;
};

G_DEFINE_FINAL_TYPE (BlActivityEditor, bl_activity_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTIVITY,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  STATUS_PLANNED,
  STATUS_HELD,
};

static GParamSpec *properties[N_PROPS];

static void        validate       (BlActivityEditor *self);
static BlActivity *build_activity (BlActivityEditor *self,
                                   GListStore       *attendance);

static char *
today_iso (void)
{
  GDate today;

  bl_date_set_today (&today);
  return bl_date_to_iso (&today);
}

static const char *
current_kind (BlActivityEditor *self)
{
  BlKind *kind = adw_combo_row_get_selected_item (self->kind_row);

  return kind != NULL ? bl_kind_get_id (kind) : BL_KIND_OTHER;
}

static gboolean
current_is_held (BlActivityEditor *self)
{
  return adw_combo_row_get_selected (self->status_row) == STATUS_HELD;
}

/* The party group, for group meetings only. */
static const char *
current_group (BlActivityEditor *self)
{
  GtkStringObject *item;

  if (g_strcmp0 (current_kind (self), BL_KIND_GROUP_MEETING) != 0)
    return "";
  item = adw_combo_row_get_selected_item (self->group_row);
  return item != NULL ? gtk_string_object_get_string (item) : "";
}

static char *
get_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
get_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_modified (BlActivityEditor *self,
              gboolean          modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
changed (BlActivityEditor *self)
{
  if (self->loading)
    return;
  set_modified (self, TRUE);
  validate (self);
}

static void
update_date_button (BlActivityEditor *self)
{
  if (self->date != NULL)
    {
      g_autofree char *text = bl_date_iso_format_locale (self->date);

      gtk_menu_button_set_label (self->date_button, text);
    }
  else
    gtk_menu_button_set_label (self->date_button, _("No Date"));
}

/* A planned meeting dated before today has most likely taken place with
 * nobody filling in its record: say so, and offer to mark it held. */
static void
update_past_notice (BlActivityEditor *self)
{
  g_autofree char *today = today_iso ();
  gboolean past = !current_is_held (self) && self->date != NULL && strcmp (self->date, today) < 0;

  gtk_widget_set_visible (GTK_WIDGET (self->past_notice), past);
}

static void
update_title (BlActivityEditor *self)
{
  gboolean is_new = bl_activity_get_id (self->activity) == 0;

  adw_window_title_set_title (self->window_title, is_new ? _("New Activity") : _("Edit Activity"));
  adw_window_title_set_subtitle (self->window_title,
                                 bl_store_get_kind_name (self->store, current_kind (self)));
  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Activity") : _("Edit Activity"));
}

/* Shows the fields that only some kinds have. */
static void
update_kind_fields (BlActivityEditor *self)
{
  const char *kind = current_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->group_row), g_strcmp0 (kind, BL_KIND_GROUP_MEETING) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->lecturer_row),
                          g_strcmp0 (kind, BL_KIND_PARTY_LECTURE) == 0 ||
                          *bl_str_or_empty (gtk_editable_get_text (GTK_EDITABLE (self->lecturer_row))) != '\0');
  update_title (self);
}

static void
update_counts (BlActivityEditor *self)
{
  g_autofree char *counts = NULL;
  const char *kind = current_kind (self);
  gboolean held = current_is_held (self);
  guint expected = 0, present = 0, full = 0, full_present = 0;
  const char *warning = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BlAttendanceRow *row;
      gboolean is_present;

      if (!BL_IS_ATTENDANCE_ROW (child))
        continue;
      row = BL_ATTENDANCE_ROW (child);
      is_present = bl_attendance_row_get_state (row) == BL_ATTENDANCE_PRESENT;
      expected++;
      present += is_present;
      if (bl_attendance_row_get_is_full (row))
        {
          full++;
          full_present += is_present;
        }
    }

  if (held)
    /* Translators: 应到 and 实到 of the paper record */
    counts = g_strdup_printf (_("Expected: %u · Present: %u"), expected, present);
  else
    counts = g_strdup_printf (_("Expected: %u · Attendance is taken once the activity is held"), expected);
  gtk_label_set_text (self->counts_label, counts);

  if (held && bl_quorum_judge (kind, expected, present, full, full_present) == BL_QUORUM_LACKING)
    warning = bl_quorum_lacking_message (kind);

  gtk_label_set_text (self->quorum_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quorum_label), warning != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->attendance_list), held);
  gtk_widget_set_visible (GTK_WIDGET (self->all_present_button), held && expected > 0);
}

static void
attendance_row_changed_cb (BlActivityEditor *self)
{
  update_counts (self);
  changed (self);
}

static void
clear_attendance_rows (BlActivityEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list))) != NULL)
    gtk_list_box_remove (self->attendance_list, child);
}

static BlAttendanceRow *
add_attendance_row (BlActivityEditor *self,
                    gint64            member_id,
                    const char       *name,
                    BlMember         *member)
{
  GtkWidget *row = bl_attendance_row_new (member_id, name, member);

  g_signal_connect_object (row, "changed", G_CALLBACK (attendance_row_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->attendance_list, row);
  return BL_ATTENDANCE_ROW (row);
}

/* The members expected for the kind, group and date now chosen, keeping what
 * was already marked for those who stay. */
static void
rebuild_attendance (BlActivityEditor *self)
{
  g_autoptr(GHashTable) marked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *today = today_iso ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BlAttendanceRow *row = BL_ATTENDANCE_ROW (child);
      BlAttendee *attendee = bl_attendee_new (bl_attendance_row_get_member_id (row),
                                              bl_attendance_row_get_name (row),
                                              bl_attendance_row_get_state (row),
                                              bl_attendance_row_get_reason (row));

      g_hash_table_insert (marked, g_memdup2 (&(gint64) { bl_attendee_get_member_id (attendee) }, sizeof (gint64)),
                           attendee);
    }

  clear_attendance_rows (self);
  members = bl_store_expected_members (self->store, current_kind (self), current_group (self),
                                       self->date != NULL ? self->date : today);
  for (guint i = 0; i < members->len; i++)
    {
      BlMember *member = members->pdata[i];
      gint64 id = bl_member_get_id (member);
      BlAttendee *before = g_hash_table_lookup (marked, &id);
      BlAttendanceRow *row = add_attendance_row (self, id, NULL, member);

      if (before != NULL)
        bl_attendance_row_set_attendance (row, bl_attendee_get_state (before), bl_attendee_get_reason (before));
    }
  update_counts (self);
}

static void
load_attendance (BlActivityEditor *self)
{
  g_autoptr(GListModel) attendance = NULL;
  guint n = 0;

  if (bl_activity_get_id (self->activity) != 0)
    attendance = bl_store_load_attendance (self->store, bl_activity_get_id (self->activity), NULL);
  if (attendance != NULL)
    n = g_list_model_get_n_items (attendance);
  if (n == 0)
    {
      rebuild_attendance (self);
      return;
    }

  /* A record shows who was expected then, even members transferred out since. */
  clear_attendance_rows (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) entry = g_list_model_get_item (attendance, i);
      gint64 member_id = bl_attendee_get_member_id (entry);
      g_autoptr(BlMember) member = bl_store_find_member (self->store, member_id);
      BlAttendanceRow *row = add_attendance_row (self, member_id, bl_attendee_get_member_name (entry), member);

      bl_attendance_row_set_attendance (row, bl_attendee_get_state (entry), bl_attendee_get_reason (entry));
    }
  update_counts (self);
}

static void
load_groups (BlActivityEditor *self,
             const char       *selected)
{
  g_auto(GStrv) groups = bl_store_list_groups (self->store);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n = 0;

  self->groups = gtk_string_list_new (NULL);
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++, n++)
    {
      if (g_strcmp0 (groups[i], selected) == 0)
        position = n;
      gtk_string_list_append (self->groups, groups[i]);
    }
  /* A group renamed or gone since the record was written is still shown. */
  if (position == GTK_INVALID_LIST_POSITION && selected != NULL && *selected != '\0')
    {
      gtk_string_list_append (self->groups, selected);
      position = n;
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->groups));
  adw_combo_row_set_selected (self->group_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

static void
select_kind (BlActivityEditor *self,
             const char       *id)
{
  GListModel *kinds = bl_store_get_kinds (self->store);
  guint n = g_list_model_get_n_items (kinds);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (kinds, i);

      if (g_strcmp0 (bl_kind_get_id (kind), id) == 0)
        {
          adw_combo_row_set_selected (self->kind_row, i);
          return;
        }
    }
}

static void
set_date (BlActivityEditor *self,
          const char       *iso)
{
  GDate date;

  g_clear_pointer (&self->date, g_free);
  if (iso != NULL && bl_date_parse (iso, &date))
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                         g_date_get_day (&date), 0, 0, 0);
      gboolean loading = self->loading;

      self->date = bl_date_to_iso (&date);
      /* Selecting a day in code emits day-selected: not a change by the person. */
      self->loading = TRUE;
      gtk_calendar_select_day (self->calendar, time);
      self->loading = loading;
    }
  update_date_button (self);
}

static void
fill (BlActivityEditor *self)
{
  BlActivity *activity = self->activity;
  g_autofree char *tags = bl_tags_join (bl_activity_get_tags (activity));

  self->loading = TRUE;

  select_kind (self, bl_activity_get_kind (activity));
  adw_combo_row_set_selected (self->status_row,
                              bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_HELD ? STATUS_HELD
                                                                                            : STATUS_PLANNED);
  set_date (self, bl_activity_get_date (activity));
  set_row_text (self->start_row, bl_activity_get_start_time (activity));
  set_row_text (self->end_row, bl_activity_get_end_time (activity));
  set_row_text (self->location_row, bl_activity_get_location (activity));
  load_groups (self, bl_activity_get_group (activity));
  set_row_text (self->topic_row, bl_activity_get_topic (activity));
  gtk_switch_set_active (self->first_topic_switch, bl_activity_get_first_topic (activity));
  set_row_text (self->tags_row, tags);
  set_row_text (self->host_row, bl_activity_get_host (activity));
  set_row_text (self->recorder_row, bl_activity_get_recorder (activity));
  set_row_text (self->lecturer_row, bl_activity_get_lecturer (activity));
  set_row_text (self->guests_row, bl_activity_get_guests (activity));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view),
                            bl_str_or_empty (bl_activity_get_content (activity)), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->resolutions_view),
                            bl_str_or_empty (bl_activity_get_resolutions (activity)), -1);
  update_kind_fields (self);
  load_attendance (self);
  update_past_notice (self);

  self->loading = FALSE;
  set_modified (self, FALSE);
  validate (self);
}

static void
mark_error (gpointer  widget,
            gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
show_messages (GtkLabel  *label,
               GPtrArray *messages)
{
  g_autofree char *text = NULL;

  g_ptr_array_add (messages, NULL);
  text = g_strjoinv ("\n", (char **) messages->pdata);
  g_ptr_array_set_size (messages, messages->len - 1);
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), messages->len > 0);
}

/* The widget a problem is about (an attendance problem: its member's row). */
static GtkWidget *
problem_widget (BlActivityEditor *self,
                const BlProblem  *problem)
{
  switch (problem->field)
    {
    case BL_ACTIVITY_FIELD_KIND: return GTK_WIDGET (self->kind_row);
    case BL_ACTIVITY_FIELD_DATE: return GTK_WIDGET (self->date_button);
    case BL_ACTIVITY_FIELD_START: return GTK_WIDGET (self->start_row);
    case BL_ACTIVITY_FIELD_END: return GTK_WIDGET (self->end_row);
    case BL_ACTIVITY_FIELD_GROUP: return GTK_WIDGET (self->group_row);
    case BL_ACTIVITY_FIELD_TOPIC: return GTK_WIDGET (self->topic_row);
    case BL_ACTIVITY_FIELD_ATTENDANCE:
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (bl_attendance_row_get_member_id (BL_ATTENDANCE_ROW (child)) == problem->member_id)
          return child;
      return GTK_WIDGET (self->attendance_list);
    case BL_ACTIVITY_FIELD_RECORD:
    default:
      return GTK_WIDGET (self->duplicate_label);
    }
}

/* Checks the record as the widgets have it (bl_activity_check(), the rules
 * the store and the import apply too) and shows each problem beside its
 * field. Returns the first widget with a problem that blocks saving (an
 * error, or something still to fill in), NULL when the record can be saved. */
static GtkWidget *
check (BlActivityEditor *self)
{
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(BlActivity) activity = build_activity (self, attendance);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) attendance_messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) bad = g_hash_table_new (NULL, NULL);
  GtkWidget *fields[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->date_button), GTK_WIDGET (self->start_row),
                          GTK_WIDGET (self->end_row), GTK_WIDGET (self->group_row), GTK_WIDGET (self->topic_row) };
  GtkWidget *first = NULL;
  gboolean duplicate = FALSE;

  bl_activity_normalize (activity);
  problems = bl_activity_check (self->store, activity, G_LIST_MODEL (attendance));
  for (guint i = 0; i < problems->len; i++)
    {
      const BlProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *widget = problem_widget (self, problem);

      /* A likely slip (the same meeting twice): said, not refused. */
      if (problem->severity == BL_PROBLEM_WARNING)
        {
          duplicate |= problem->field == BL_ACTIVITY_FIELD_RECORD;
          continue;
        }
      if (first == NULL)
        first = widget;
      /* A topic not written yet is not pointed at until the person tried
       * to save or began it, but it still blocks saving. */
      if (problem->field == BL_ACTIVITY_FIELD_TOPIC && !self->show_all_errors && !self->topic_touched)
        continue;
      g_hash_table_add (bad, widget);
      if (problem->field == BL_ACTIVITY_FIELD_ATTENDANCE)
        g_ptr_array_add (attendance_messages, g_strdup (problem->message));
      else if (problem->field == BL_ACTIVITY_FIELD_GROUP && self->groups != NULL &&
               g_list_model_get_n_items (G_LIST_MODEL (self->groups)) == 0)
        g_ptr_array_add (messages, g_strdup_printf ("%s %s", problem->message,
                                                    _("Add the members’ party groups on the Members page first.")));
      else
        g_ptr_array_add (messages, g_strdup (problem->message));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    mark_error (fields[i], g_hash_table_contains (bad, fields[i]));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mark_error (child, g_hash_table_contains (bad, child));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_label), duplicate);
  show_messages (self->activity_error_label, messages);
  show_messages (self->attendance_error_label, attendance_messages);
  return first;
}

static void
validate (BlActivityEditor *self)
{
  check (self);
}

/* The record as the widgets have it; its attendance into @attendance. */
static BlActivity *
build_activity (BlActivityEditor *self,
                GListStore       *attendance)
{
  BlActivity *activity = bl_activity_copy (self->activity);
  g_autofree char *start = get_row_text (self->start_row);
  g_autofree char *end = get_row_text (self->end_row);
  g_autofree char *location = get_row_text (self->location_row);
  g_autofree char *topic = get_row_text (self->topic_row);
  g_autofree char *tags_text = get_row_text (self->tags_row);
  g_autofree char *host = get_row_text (self->host_row);
  g_autofree char *recorder = get_row_text (self->recorder_row);
  g_autofree char *lecturer = get_row_text (self->lecturer_row);
  g_autofree char *guests = get_row_text (self->guests_row);
  g_autofree char *content = get_buffer_text (self->content_view);
  g_autofree char *resolutions = get_buffer_text (self->resolutions_view);
  g_auto(GStrv) tags = bl_tags_split (tags_text);
  gboolean held = current_is_held (self);

  bl_activity_set_kind (activity, current_kind (self));
  bl_activity_set_status (activity, held ? BL_ACTIVITY_STATUS_HELD : BL_ACTIVITY_STATUS_PLANNED);
  bl_activity_set_date (activity, self->date);
  bl_activity_set_start_time (activity, *start != '\0' ? start : NULL);
  bl_activity_set_end_time (activity, *end != '\0' ? end : NULL);
  bl_activity_set_location (activity, location);
  bl_activity_set_group (activity, current_group (self));
  bl_activity_set_topic (activity, topic);
  bl_activity_set_first_topic (activity, gtk_switch_get_active (self->first_topic_switch));
  bl_activity_set_tags (activity, (const char * const *) tags);
  bl_activity_set_host (activity, host);
  bl_activity_set_recorder (activity, recorder);
  bl_activity_set_lecturer (activity, lecturer);
  bl_activity_set_guests (activity, guests);
  bl_activity_set_content (activity, content);
  bl_activity_set_resolutions (activity, resolutions);

  /* Attendance is taken at the meeting: a planned one has none yet. */
  g_list_store_remove_all (attendance);
  if (held)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        BlAttendanceRow *row = BL_ATTENDANCE_ROW (child);
        BlAttendanceState state = bl_attendance_row_get_state (row);

        bl_attendance_add (attendance, bl_attendance_row_get_member_id (row),
                           bl_attendance_row_get_name (row), state,
                           state == BL_ATTENDANCE_LEAVE ? bl_attendance_row_get_reason (row) : "");
      }
  return activity;
}

static void
kind_changed_cb (BlActivityEditor *self)
{
  if (self->loading || self->store == NULL)
    return;
  update_kind_fields (self);
  rebuild_attendance (self);
  changed (self);
}

static void
status_changed_cb (BlActivityEditor *self)
{
  if (self->loading)
    return;
  update_counts (self);
  update_past_notice (self);
  changed (self);
}

/* The same as choosing "Held" in the status row: the attendance opens, the
 * record counts as changed, and nothing is written before Save. */
static void
on_mark_held_clicked (BlActivityEditor *self)
{
  adw_combo_row_set_selected (self->status_row, STATUS_HELD);
  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
}

static void
group_changed_cb (BlActivityEditor *self)
{
  if (self->loading || self->store == NULL)
    return;
  rebuild_attendance (self);
  changed (self);
}

static void
field_changed_cb (BlActivityEditor *self)
{
  changed (self);
}

static void
topic_changed_cb (BlActivityEditor *self)
{
  if (!self->loading)
    self->topic_touched = TRUE;
  changed (self);
}

static void
date_changed (BlActivityEditor *self,
              const char       *iso)
{
  set_date (self, iso);
  gtk_popover_popdown (self->date_popover);
  rebuild_attendance (self);
  update_past_notice (self);
  changed (self);
}

static void
calendar_day_selected_cb (BlActivityEditor *self)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;

  if (self->loading)
    return;
  time = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (time, "%Y-%m-%d");
  date_changed (self, iso);
}

static void
on_today_clicked (BlActivityEditor *self)
{
  g_autofree char *today = today_iso ();

  date_changed (self, today);
}

static void
on_no_date_clicked (BlActivityEditor *self)
{
  date_changed (self, NULL);
}

static void
on_all_present_clicked (BlActivityEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->attendance_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bl_attendance_row_set_attendance (BL_ATTENDANCE_ROW (child), BL_ATTENDANCE_PRESENT, "");
  update_counts (self);
  changed (self);
}

static void
lecturer_popover_show_cb (BlActivityEditor *self)
{
  GListModel *members = bl_store_get_members (self->store);
  g_autofree char *today = today_iso ();
  guint n = g_list_model_get_n_items (members);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lecturer_list))) != NULL)
    gtk_list_box_remove (self->lecturer_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      GtkWidget *label;

      if (!bl_member_is_active_on (member, self->date != NULL ? self->date : today))
        continue;
      label = gtk_label_new (bl_member_get_name (member));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->lecturer_list, label);
    }
}

static void
lecturer_row_activated_cb (BlActivityEditor *self,
                           GtkListBoxRow    *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  set_row_text (self->lecturer_row, gtk_label_get_text (GTK_LABEL (label)));
  gtk_popover_popdown (self->lecturer_popover);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (widget);

  if (bl_activity_editor_save (self))
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
destroy_when_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (GtkWidget        *dialog,
                   const char       *response,
                   BlActivityEditor *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!bl_activity_editor_save (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the question has gone: while an AdwAlertDialog shows (libadwaita
   * 1.5 and later), closing the window closes the dialog instead. */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_when_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
bl_activity_editor_close_request (GtkWindow *window)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (window);
  GtkWidget *dialog;

  if (self->closing || !self->modified)
    return GTK_WINDOW_CLASS (bl_activity_editor_parent_class)->close_request (window);

  dialog = bl_alert_new (_("Save Changes?"),
                         _("This record has changes that are not saved yet. Changes you do not save are lost."));
  bl_alert_add_response (dialog, "cancel", _("_Cancel"));
  bl_alert_add_response (dialog, "discard", _("_Discard"));
  bl_alert_add_response (dialog, "save", _("_Save"));
  bl_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  bl_alert_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  bl_alert_set_default_response (dialog, "save");
  bl_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  bl_alert_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

static void
bl_activity_editor_constructed (GObject *object)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  G_OBJECT_CLASS (bl_activity_editor_parent_class)->constructed (object);

  g_assert (BL_IS_STORE (self->store));
  if (self->activity == NULL)
    self->activity = bl_activity_new ();

  adw_combo_row_set_model (self->kind_row, bl_store_get_kinds (self->store));
  fill (self);
}

static void
bl_activity_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTIVITY:
      g_value_set_object (value, self->activity);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_activity_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_ACTIVITY:
      {
        BlActivity *activity = g_value_get_object (value);

        /* The editor's own copy: the caller's object stays as it was. */
        g_clear_object (&self->activity);
        self->activity = activity != NULL ? bl_activity_copy (activity) : NULL;
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_activity_editor_dispose (GObject *object)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ACTIVITY_EDITOR);
  g_clear_object (&self->groups);
  g_clear_object (&self->activity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_activity_editor_parent_class)->dispose (object);
}

static void
bl_activity_editor_finalize (GObject *object)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (bl_activity_editor_parent_class)->finalize (object);
}

static void
bl_activity_editor_class_init (BlActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bl_activity_editor_constructed;
  object_class->get_property = bl_activity_editor_get_property;
  object_class->set_property = bl_activity_editor_set_property;
  object_class->dispose = bl_activity_editor_dispose;
  object_class->finalize = bl_activity_editor_finalize;
  window_class->close_request = bl_activity_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY] =
    g_param_spec_object ("activity", NULL, NULL, BL_TYPE_ACTIVITY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BL_TYPE_KIND);
  g_type_ensure (BL_TYPE_ATTENDANCE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, past_notice);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, first_topic_switch);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, activity_error_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, host_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, recorder_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, lecturer_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, lecturer_popover);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, lecturer_list);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, guests_row);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, content_view);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, resolutions_view);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, all_present_button);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, attendance_list);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, attendance_error_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_no_date_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_all_present_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_mark_held_clicked);
  gtk_widget_class_bind_template_callback (widget_class, lecturer_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, lecturer_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bl_activity_editor_init (BlActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->content_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->resolutions_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

BlActivityEditor *
bl_activity_editor_new (BlStore    *store,
                        BlActivity *activity)
{
  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (activity == NULL || BL_IS_ACTIVITY (activity), NULL);

  return g_object_new (BL_TYPE_ACTIVITY_EDITOR,
                       "store", store,
                       "activity", activity,
                       NULL);
}

gint64
bl_activity_editor_get_id (BlActivityEditor *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), 0);

  return bl_activity_get_id (self->activity);
}

gboolean
bl_activity_editor_get_modified (BlActivityEditor *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
bl_activity_editor_save (BlActivityEditor *self)
{
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *invalid;

  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), FALSE);

  self->show_all_errors = TRUE;
  invalid = check (self);
  if (invalid != NULL)
    {
      gtk_widget_grab_focus (invalid);
      return FALSE;
    }

  activity = build_activity (self, attendance);
  if (!bl_store_save_activity (self->store, activity, G_LIST_MODEL (attendance), &error))
    {
      g_autofree char *message = g_strdup_printf (_("The record could not be saved: %s"), error->message);

      gtk_label_set_text (self->save_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
      /* The message is at the top of the form: show it. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  bl_activity_assign (self->activity, activity);
  update_title (self);
  set_modified (self, FALSE);
  return TRUE;
}
