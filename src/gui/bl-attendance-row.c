/* bl-attendance-row.c: one member's attendance, bound to a BlAttendee.
 * The list view recycles rows: the row keeps no state of its own beyond
 * what it shows; the attendee is the record. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-check.h"
#include "bl-attendance-row.h"

struct _BlAttendanceRow
{
  GtkWidget     parent_instance;

  BlAttendee   *attendee;
  gulong        notify_id;
  gboolean      updating;   /* showing the attendee: not a choice of the person */

  GtkLabel     *name_label;
  GtkLabel     *detail_label;
  GtkEntry     *reason_entry;
  GtkDropDown  *state_dropdown;
};

G_DEFINE_FINAL_TYPE (BlAttendanceRow, bl_attendance_row, GTK_TYPE_WIDGET)

static BlAttendanceChoice
choice_for (BlAttendanceState  state,
            const char        *reason)
{
  if (state == BL_ATTENDANCE_ABSENT)
    return BL_ATTENDANCE_CHOICE_ABSENT;
  if (state == BL_ATTENDANCE_PRESENT)
    return BL_ATTENDANCE_CHOICE_PRESENT;
  if (g_strcmp0 (reason, BL_LEAVE_SICK) == 0)
    return BL_ATTENDANCE_CHOICE_SICK;
  if (g_strcmp0 (reason, BL_LEAVE_PERSONAL) == 0)
    return BL_ATTENDANCE_CHOICE_PERSONAL;
  if (g_strcmp0 (reason, BL_LEAVE_BUSINESS) == 0)
    return BL_ATTENDANCE_CHOICE_BUSINESS;
  return BL_ATTENDANCE_CHOICE_OTHER;
}

/* Who was away stands out in a long list: absent in the error colour, on
 * leave in the warning colour. */
static void
update_state_style (BlAttendanceRow *self)
{
  BlAttendanceChoice choice = gtk_drop_down_get_selected (self->state_dropdown);
  GtkWidget *dropdown = GTK_WIDGET (self->state_dropdown);

  if (choice == BL_ATTENDANCE_CHOICE_ABSENT)
    gtk_widget_add_css_class (dropdown, "error");
  else
    gtk_widget_remove_css_class (dropdown, "error");
  if (choice != BL_ATTENDANCE_CHOICE_ABSENT && choice != BL_ATTENDANCE_CHOICE_PRESENT)
    gtk_widget_add_css_class (dropdown, "warning");
  else
    gtk_widget_remove_css_class (dropdown, "warning");
}

/* Shows what the attendee holds. */
static void
sync_from_attendee (BlAttendanceRow *self)
{
  BlAttendanceChoice choice = BL_ATTENDANCE_CHOICE_PRESENT;
  const char *reason = "";

  if (self->attendee != NULL)
    {
      reason = bl_attendee_get_reason (self->attendee);
      choice = choice_for (bl_attendee_get_state (self->attendee), reason);
    }

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->state_dropdown, choice);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), choice == BL_ATTENDANCE_CHOICE_OTHER ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), choice == BL_ATTENDANCE_CHOICE_OTHER);
  update_state_style (self);
  self->updating = FALSE;
}

/* Writes the person's choice into the attendee. */
static void
sync_to_attendee (BlAttendanceRow *self)
{
  BlAttendanceChoice choice = gtk_drop_down_get_selected (self->state_dropdown);
  BlAttendanceState state = BL_ATTENDANCE_LEAVE;
  g_autofree char *reason = NULL;

  switch (choice)
    {
    case BL_ATTENDANCE_CHOICE_PRESENT:
      state = BL_ATTENDANCE_PRESENT;
      reason = g_strdup ("");
      break;
    case BL_ATTENDANCE_CHOICE_ABSENT:
      state = BL_ATTENDANCE_ABSENT;
      reason = g_strdup ("");
      break;
    case BL_ATTENDANCE_CHOICE_SICK:
      reason = g_strdup (BL_LEAVE_SICK);
      break;
    case BL_ATTENDANCE_CHOICE_PERSONAL:
      reason = g_strdup (BL_LEAVE_PERSONAL);
      break;
    case BL_ATTENDANCE_CHOICE_BUSINESS:
      reason = g_strdup (BL_LEAVE_BUSINESS);
      break;
    case BL_ATTENDANCE_CHOICE_OTHER:
    default:
      /* The attendee keeps its own copy of what is typed. */
      reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), choice == BL_ATTENDANCE_CHOICE_OTHER);
  update_state_style (self);
  if (self->attendee == NULL)
    return;
  self->updating = TRUE;
  g_object_freeze_notify (G_OBJECT (self->attendee));
  bl_attendee_set_state (self->attendee, state);
  bl_attendee_set_reason (self->attendee, reason);
  g_object_thaw_notify (G_OBJECT (self->attendee));
  self->updating = FALSE;
}

static void
attendee_notify_cb (BlAttendanceRow *self)
{
  /* Changed elsewhere ("All Present"): show it. */
  if (!self->updating)
    sync_from_attendee (self);
}

static void
state_changed_cb (BlAttendanceRow *self)
{
  if (self->updating)
    return;
  sync_to_attendee (self);
  if (gtk_drop_down_get_selected (self->state_dropdown) == BL_ATTENDANCE_CHOICE_OTHER)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
}

static void
reason_changed_cb (BlAttendanceRow *self)
{
  if (!self->updating)
    sync_to_attendee (self);
}

static void
set_labels (BlAttendanceRow *self,
            BlMember        *member)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *state_label = NULL;
  g_autofree char *reason_label = NULL;
  const char *name = self->attendee != NULL ? bl_attendee_get_member_name (self->attendee) : "";

  if (member != NULL)
    {
      const char *group = bl_member_get_group (member);

      if (group != NULL && *group != '\0')
        g_string_append (detail, group);
      if (bl_member_get_role (member) != BL_MEMBER_ROLE_NONE)
        {
          if (detail->len > 0)
            g_string_append (detail, _(" · "));
          g_string_append (detail, bl_member_role_display (bl_member_get_role (member)));
        }
      if (bl_member_get_category (member) != BL_MEMBER_CATEGORY_FULL)
        {
          if (detail->len > 0)
            g_string_append (detail, _(" · "));
          g_string_append (detail, bl_member_category_display (bl_member_get_category (member)));
        }
    }
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->detail_label, detail->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail->len > 0);

  /* Translators: accessible name of the attendance drop-down of one member */
  state_label = g_strdup_printf (_("Attendance of %s"), name);
  reason_label = g_strdup_printf (_("Reason of leave of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, state_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reason_label, -1);
}

static void
bl_attendance_row_dispose (GObject *object)
{
  BlAttendanceRow *self = BL_ATTENDANCE_ROW (object);

  GtkWidget *child;

  bl_attendance_row_bind (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ATTENDANCE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bl_attendance_row_parent_class)->dispose (object);
}

static void
bl_attendance_row_class_init (BlAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_attendance_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceRow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceRow, state_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
bl_attendance_row_init (BlAttendanceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
}

GtkWidget *
bl_attendance_row_new (void)
{
  return g_object_new (BL_TYPE_ATTENDANCE_ROW, NULL);
}

void
bl_attendance_row_bind (BlAttendanceRow *self,
                        BlAttendee      *attendee,
                        BlMember        *member)
{
  g_return_if_fail (BL_IS_ATTENDANCE_ROW (self));
  g_return_if_fail (attendee == NULL || BL_IS_ATTENDEE (attendee));
  g_return_if_fail (member == NULL || BL_IS_MEMBER (member));

  if (self->attendee != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->attendee);
      g_clear_object (&self->attendee);
    }
  if (attendee != NULL)
    {
      self->attendee = g_object_ref (attendee);
      self->notify_id = g_signal_connect_object (attendee, "notify", G_CALLBACK (attendee_notify_cb),
                                                 self, G_CONNECT_SWAPPED);
      set_labels (self, member);
    }
  sync_from_attendee (self);
}

BlAttendee *
bl_attendance_row_get_attendee (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), NULL);

  return self->attendee;
}

void
bl_attendance_row_set_problem (BlAttendanceRow *self,
                               int              severity)
{
  GtkWidget *entry;

  g_return_if_fail (BL_IS_ATTENDANCE_ROW (self));

  /* The reason is what is missing or wrong. */
  entry = GTK_WIDGET (self->reason_entry);
  if (severity == BL_PROBLEM_ERROR)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  if (severity == BL_PROBLEM_INCOMPLETE || severity == BL_PROBLEM_WARNING)
    gtk_widget_add_css_class (entry, "warning");
  else
    gtk_widget_remove_css_class (entry, "warning");
}

GtkWidget *
bl_attendance_row_get_state_dropdown (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), NULL);

  return GTK_WIDGET (self->state_dropdown);
}

GtkWidget *
bl_attendance_row_get_reason_entry (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), NULL);

  return GTK_WIDGET (self->reason_entry);
}
