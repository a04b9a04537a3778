/* bl-details-section.c: the fields of a record other than its attendance
 * and minutes. The section keeps no record of its own: the editor loads it
 * from an activity and applies it to a copy when it checks or saves. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-date.h"
#include "bl-details-section.h"
#include "bl-kind.h"
#include "bl-person-row.h"
#include "bl-text.h"
#include "bl-util.h"

struct _BlDetailsSection
{
  BlEditorSection      parent_instance;

  BlStore             *store;
  char                *date;            /* "YYYY-MM-DD", or NULL for none yet */
  GtkStringList       *groups;
  GListStore          *people;          /* BlMember: those active on the date, for the person rows */
  char                *suggested_host;  /* what the section itself put in the host row */
  gboolean             loading;         /* filling the fields: not a change by the person */
  gboolean             topic_touched;

  AdwComboRow         *kind_row;
  AdwComboRow         *status_row;
  GtkMenuButton       *date_button;
  GtkPopover          *date_popover;
  GtkCalendar         *calendar;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  AdwEntryRow         *location_row;
  AdwComboRow         *group_row;
  AdwEntryRow         *topic_row;
  GtkSwitch           *first_topic_switch;
  AdwEntryRow         *tags_row;
  GtkLabel            *error_label;
  GtkLabel            *warning_label;
  BlPersonRow         *host_row;
  BlPersonRow         *recorder_row;
  BlPersonRow         *lecturer_row;
  AdwEntryRow         *guests_row;
};

G_DEFINE_FINAL_TYPE (BlDetailsSection, bl_details_section, BL_TYPE_EDITOR_SECTION)

enum {
  EXPECTED_CHANGED,
  STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Positions in the status row. */
enum {
  STATUS_PLANNED,
  STATUS_HELD,
};

static char *
today_iso (BlDetailsSection *self)
{
  return bl_clock_get_today (bl_store_get_clock (self->store));
}

static char *
get_row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_row_text (gpointer    row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
changed (BlDetailsSection *self)
{
  if (!self->loading)
    bl_editor_section_changed (BL_EDITOR_SECTION (self));
}

static void
update_date_button (BlDetailsSection *self)
{
  if (self->date != NULL)
    {
      g_autofree char *text = bl_date_iso_format_locale (self->date);

      gtk_menu_button_set_label (self->date_button, text);
    }
  else
    gtk_menu_button_set_label (self->date_button, _("No Date"));
}

/* Shows the fields that only some kinds have. */
static void
update_kind_fields (BlDetailsSection *self)
{
  const char *kind = bl_details_section_get_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->group_row), g_strcmp0 (kind, BL_KIND_GROUP_MEETING) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->lecturer_row),
                          g_strcmp0 (kind, BL_KIND_PARTY_LECTURE) == 0 ||
                          *gtk_editable_get_text (GTK_EDITABLE (self->lecturer_row)) != '\0');
}

/* The members a host, recorder or lecturer is chosen from: those active on
 * the day, in the members' order. */
static void
update_people (BlDetailsSection *self)
{
  GListModel *members = bl_store_get_members (self->store);
  g_autofree char *today = today_iso (self);
  const char *date = self->date != NULL ? self->date : today;
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (bl_member_is_active_on (member, date))
        g_ptr_array_add (active, g_steal_pointer (&member));
    }
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       active->pdata, active->len);
}

/* A party group meeting is usually led by the group's leader: name them as
 * the host while the host row is empty or holds an earlier suggestion. */
static void
update_suggested_host (BlDetailsSection *self,
                       gboolean          fill)
{
  g_autoptr(BlMember) leader = NULL;
  g_autofree char *today = today_iso (self);
  g_autofree char *host = get_row_text (ADW_ENTRY_ROW (self->host_row));
  g_autofree char *suggestion = NULL;

  if (g_strcmp0 (bl_details_section_get_kind (self), BL_KIND_GROUP_MEETING) == 0)
    leader = bl_store_get_group_leader_on (self->store, bl_details_section_get_group (self),
                                           self->date != NULL ? self->date : today);
  suggestion = g_strdup (leader != NULL ? bl_member_get_name (leader) : "");
  if (fill && (*host == '\0' || g_strcmp0 (host, self->suggested_host) == 0))
    set_row_text (self->host_row, suggestion);
  g_free (self->suggested_host);
  self->suggested_host = g_steal_pointer (&suggestion);
}

/* A member added or transferred while the editor is open: offered or not. */
static void
store_changed_cb (BlDetailsSection *self,
                  BlChange          changes)
{
  if (changes & BL_CHANGE_MEMBERS)
    update_people (self);
}

static void
load_groups (BlDetailsSection *self,
             const char       *selected)
{
  g_auto(GStrv) groups = bl_store_list_groups (self->store);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n = 0;

  g_clear_object (&self->groups);
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
select_kind (BlDetailsSection *self,
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
set_date (BlDetailsSection *self,
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
  else if (self->loading)
    {
      /* Loaded without a date: the calendar opens on today, as when made
       * (not on the day of a record shown before). */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      gtk_calendar_select_day (self->calendar, now);
    }
  update_date_button (self);
}

static void
expected_changed (BlDetailsSection *self)
{
  update_suggested_host (self, TRUE);
  g_signal_emit (self, signals[EXPECTED_CHANGED], 0);
  changed (self);
}

static void
kind_changed_cb (BlDetailsSection *self)
{
  if (self->loading || self->store == NULL)
    return;
  update_kind_fields (self);
  expected_changed (self);
}

static void
group_changed_cb (BlDetailsSection *self)
{
  if (self->loading || self->store == NULL)
    return;
  expected_changed (self);
}

static void
status_changed_cb (BlDetailsSection *self)
{
  if (self->loading)
    return;
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
  changed (self);
}

static void
field_changed_cb (BlDetailsSection *self)
{
  changed (self);
}

static void
topic_changed_cb (BlDetailsSection *self)
{
  if (!self->loading)
    self->topic_touched = TRUE;
  changed (self);
}

static void
date_changed (BlDetailsSection *self,
              const char       *iso)
{
  set_date (self, iso);
  gtk_popover_popdown (self->date_popover);
  update_people (self);
  expected_changed (self);
}

static void
calendar_day_selected_cb (BlDetailsSection *self)
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
on_today_clicked (BlDetailsSection *self)
{
  g_autofree char *today = today_iso (self);

  date_changed (self, today);
}

static void
on_no_date_clicked (BlDetailsSection *self)
{
  date_changed (self, NULL);
}

static void
mark (GtkWidget  *widget,
      const char *css_class,
      gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
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

static void
bl_details_section_dispose (GObject *object)
{
  BlDetailsSection *self = BL_DETAILS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_DETAILS_SECTION);
  g_clear_object (&self->groups);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_details_section_parent_class)->dispose (object);
}

static void
bl_details_section_finalize (GObject *object)
{
  BlDetailsSection *self = BL_DETAILS_SECTION (object);

  g_free (self->date);
  g_free (self->suggested_host);

  G_OBJECT_CLASS (bl_details_section_parent_class)->finalize (object);
}

static void
bl_details_section_class_init (BlDetailsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_details_section_dispose;
  object_class->finalize = bl_details_section_finalize;

  /* The kind, party group or date changed: who is expected may differ. */
  signals[EXPECTED_CHANGED] = g_signal_new ("expected-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Planned or held changed. */
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BL_TYPE_KIND);
  g_type_ensure (BL_TYPE_PERSON_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-details-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, date_button);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, date_popover);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, calendar);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, start_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, end_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, location_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, group_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, topic_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, first_topic_switch);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, tags_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, host_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, recorder_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, lecturer_row);
  gtk_widget_class_bind_template_child (widget_class, BlDetailsSection, guests_row);
  /* Not kept in the struct: bound so that tests find them by id
   * (gtk_widget_get_template_child), not by their labels, which translate. */
  gtk_widget_class_bind_template_child_full (widget_class, "today_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "no_date_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_no_date_clicked);
}

static void
bl_details_section_init (BlDetailsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = g_list_store_new (BL_TYPE_MEMBER);
  bl_person_row_set_members (self->host_row, G_LIST_MODEL (self->people));
  bl_person_row_set_members (self->recorder_row, G_LIST_MODEL (self->people));
  bl_person_row_set_members (self->lecturer_row, G_LIST_MODEL (self->people));
}

void
bl_details_section_load (BlDetailsSection *self,
                         BlStore          *store,
                         BlActivity       *activity)
{
  g_autofree char *tags = NULL;

  g_return_if_fail (BL_IS_DETAILS_SECTION (self));
  g_return_if_fail (BL_IS_STORE (store));
  g_return_if_fail (BL_IS_ACTIVITY (activity));

  if (g_set_object (&self->store, store))
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  tags = bl_tags_join (bl_activity_get_tags (activity));
  self->loading = TRUE;
  /* Nothing of a record shown before (an editor opened again): the topic
   * untouched, no suggestion of its own in the host row. */
  self->topic_touched = FALSE;
  g_clear_pointer (&self->suggested_host, g_free);
  gtk_popover_popdown (self->date_popover);

  if (adw_combo_row_get_model (self->kind_row) != bl_store_get_kinds (store))
    adw_combo_row_set_model (self->kind_row, bl_store_get_kinds (store));
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
  update_kind_fields (self);
  update_people (self);
  /* A new record takes the suggestion; a stored one keeps its host. */
  update_suggested_host (self, bl_activity_get_id (activity) == 0);

  self->loading = FALSE;
}

void
bl_details_section_apply (BlDetailsSection *self,
                          BlActivity       *activity)
{
  g_autofree char *start = NULL, *end = NULL, *location = NULL, *topic = NULL, *tags_text = NULL;
  g_autofree char *host = NULL, *recorder = NULL, *lecturer = NULL, *guests = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_if_fail (BL_IS_DETAILS_SECTION (self));
  g_return_if_fail (BL_IS_ACTIVITY (activity));

  start = get_row_text (self->start_row);
  end = get_row_text (self->end_row);
  location = get_row_text (self->location_row);
  topic = get_row_text (self->topic_row);
  tags_text = get_row_text (self->tags_row);
  host = get_row_text (ADW_ENTRY_ROW (self->host_row));
  recorder = get_row_text (ADW_ENTRY_ROW (self->recorder_row));
  lecturer = get_row_text (ADW_ENTRY_ROW (self->lecturer_row));
  guests = get_row_text (self->guests_row);
  tags = bl_tags_split (tags_text);

  bl_activity_set_kind (activity, bl_details_section_get_kind (self));
  bl_activity_set_status (activity, bl_details_section_get_held (self) ? BL_ACTIVITY_STATUS_HELD
                                                                       : BL_ACTIVITY_STATUS_PLANNED);
  bl_activity_set_date (activity, self->date);
  bl_activity_set_start_time (activity, *start != '\0' ? start : NULL);
  bl_activity_set_end_time (activity, *end != '\0' ? end : NULL);
  bl_activity_set_location (activity, location);
  bl_activity_set_group (activity, bl_details_section_get_group (self));
  bl_activity_set_topic (activity, topic);
  bl_activity_set_first_topic (activity, gtk_switch_get_active (self->first_topic_switch));
  bl_activity_set_tags (activity, (const char * const *) tags);
  bl_activity_set_host (activity, host);
  bl_activity_set_recorder (activity, recorder);
  bl_activity_set_lecturer (activity, lecturer);
  bl_activity_set_guests (activity, guests);
}

const char *
bl_details_section_get_kind (BlDetailsSection *self)
{
  BlKind *kind;

  g_return_val_if_fail (BL_IS_DETAILS_SECTION (self), NULL);

  kind = adw_combo_row_get_selected_item (self->kind_row);
  return kind != NULL ? bl_kind_get_id (kind) : BL_KIND_OTHER;
}

const char *
bl_details_section_get_group (BlDetailsSection *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (BL_IS_DETAILS_SECTION (self), NULL);

  if (g_strcmp0 (bl_details_section_get_kind (self), BL_KIND_GROUP_MEETING) != 0)
    return "";
  item = adw_combo_row_get_selected_item (self->group_row);
  return item != NULL ? gtk_string_object_get_string (item) : "";
}

const char *
bl_details_section_get_date (BlDetailsSection *self)
{
  g_return_val_if_fail (BL_IS_DETAILS_SECTION (self), NULL);

  return self->date;
}

gboolean
bl_details_section_get_held (BlDetailsSection *self)
{
  g_return_val_if_fail (BL_IS_DETAILS_SECTION (self), FALSE);

  return adw_combo_row_get_selected (self->status_row) == STATUS_HELD;
}

void
bl_details_section_mark_held (BlDetailsSection *self)
{
  g_return_if_fail (BL_IS_DETAILS_SECTION (self));

  adw_combo_row_set_selected (self->status_row, STATUS_HELD);
  gtk_widget_grab_focus (GTK_WIDGET (self->status_row));
}

GtkWidget *
bl_details_section_get_field_widget (BlDetailsSection *self,
                                     BlActivityField   field)
{
  g_return_val_if_fail (BL_IS_DETAILS_SECTION (self), NULL);

  switch (field)
    {
    case BL_ACTIVITY_FIELD_KIND: return GTK_WIDGET (self->kind_row);
    case BL_ACTIVITY_FIELD_DATE: return GTK_WIDGET (self->date_button);
    case BL_ACTIVITY_FIELD_START: return GTK_WIDGET (self->start_row);
    case BL_ACTIVITY_FIELD_END: return GTK_WIDGET (self->end_row);
    case BL_ACTIVITY_FIELD_GROUP: return GTK_WIDGET (self->group_row);
    case BL_ACTIVITY_FIELD_TOPIC: return GTK_WIDGET (self->topic_row);
    case BL_ACTIVITY_FIELD_ATTENDANCE:
    case BL_ACTIVITY_FIELD_RECORD:
    default:
      return GTK_WIDGET (self->topic_row);
    }
}

gboolean
bl_details_section_show_problems (BlDetailsSection *self,
                                  GPtrArray        *problems,
                                  gboolean          show_all)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) bad = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) incomplete = g_hash_table_new (NULL, NULL);
  GtkWidget *fields[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->date_button), GTK_WIDGET (self->start_row),
                          GTK_WIDGET (self->end_row), GTK_WIDGET (self->group_row), GTK_WIDGET (self->topic_row) };

  g_return_val_if_fail (BL_IS_DETAILS_SECTION (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const BlProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *widget = bl_details_section_get_field_widget (self, problem->field);
      char *message;

      if (problem->field == BL_ACTIVITY_FIELD_ATTENDANCE)
        continue;
      /* A likely slip (the same meeting twice): said, not refused. */
      if (problem->severity == BL_PROBLEM_WARNING)
        {
          g_ptr_array_add (notes, g_strdup (problem->message));
          continue;
        }
      /* A topic not written yet is not pointed at until the person tried
       * to save or began it (it still blocks saving). */
      if (problem->field == BL_ACTIVITY_FIELD_TOPIC && !show_all && !self->topic_touched)
        continue;
      if (problem->field == BL_ACTIVITY_FIELD_GROUP && g_list_model_get_n_items (G_LIST_MODEL (self->groups)) == 0)
        message = g_strdup_printf ("%s %s", problem->message,
                                   _("Add the members’ party groups on the Members page first."));
      else
        message = g_strdup (problem->message);
      if (problem->severity == BL_PROBLEM_ERROR)
        {
          g_hash_table_add (bad, widget);
          g_ptr_array_add (errors, message);
        }
      else
        {
          /* Something still to fill in: asked about before saving. */
          g_hash_table_add (incomplete, widget);
          g_ptr_array_add (notes, message);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      mark (fields[i], "error", g_hash_table_contains (bad, fields[i]));
      mark (fields[i], "warning", !g_hash_table_contains (bad, fields[i]) &&
                                  g_hash_table_contains (incomplete, fields[i]));
    }
  show_messages (self->error_label, errors);
  show_messages (self->warning_label, notes);
  return errors->len > 0 || notes->len > 0;
}
