/* bl-attendance-row.c: present, on leave (病假/事假/公出/other with text) or absent */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-attendance-row.h"

/* Positions in the drop-down */
enum {
  CHOICE_PRESENT,
  CHOICE_SICK,
  CHOICE_PERSONAL,
  CHOICE_BUSINESS,
  CHOICE_OTHER,
  CHOICE_ABSENT,
};

struct _BlAttendanceRow
{
  AdwActionRow  parent_instance;

  gint64        member_id;
  char         *name;
  char         *reason;
  gboolean      is_full;
  gboolean      updating;

  GtkDropDown  *state_dropdown;
  GtkEntry     *reason_entry;
};

G_DEFINE_FINAL_TYPE (BlAttendanceRow, bl_attendance_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_reason (BlAttendanceRow *self)
{
  guint choice = gtk_drop_down_get_selected (self->state_dropdown);
  const char *reason = "";

  switch (choice)
    {
    case CHOICE_SICK:
      reason = BL_LEAVE_SICK;
      break;
    case CHOICE_PERSONAL:
      reason = BL_LEAVE_PERSONAL;
      break;
    case CHOICE_BUSINESS:
      reason = BL_LEAVE_BUSINESS;
      break;
    case CHOICE_OTHER:
      reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));
      break;
    default:
      break;
    }
  g_free (self->reason);
  self->reason = g_strstrip (g_strdup (reason));
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), choice == CHOICE_OTHER);
}

static void
state_changed_cb (BlAttendanceRow *self)
{
  update_reason (self);
  if (gtk_drop_down_get_selected (self->state_dropdown) == CHOICE_OTHER && !self->updating)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
reason_changed_cb (BlAttendanceRow *self)
{
  update_reason (self);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
bl_attendance_row_finalize (GObject *object)
{
  BlAttendanceRow *self = BL_ATTENDANCE_ROW (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (bl_attendance_row_parent_class)->finalize (object);
}

static void
bl_attendance_row_class_init (BlAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bl_attendance_row_finalize;

  /* The person changed the state or the reason (not emitted when set in code). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceRow, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceRow, reason_entry);
  gtk_widget_class_bind_template_callback (widget_class, state_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
bl_attendance_row_init (BlAttendanceRow *self)
{
  self->reason = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bl_attendance_row_new (gint64      member_id,
                       const char *name,
                       BlMember   *member)
{
  BlAttendanceRow *self;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *label = NULL;

  g_return_val_if_fail (member == NULL || BL_IS_MEMBER (member), NULL);

  self = g_object_new (BL_TYPE_ATTENDANCE_ROW, NULL);
  self->member_id = member_id;
  self->name = g_strdup (member != NULL ? bl_member_get_name (member) : name != NULL ? name : "");
  self->is_full = member == NULL || bl_member_get_category (member) == BL_MEMBER_CATEGORY_FULL;

  if (member != NULL)
    {
      const char *group = bl_member_get_group (member);

      if (group != NULL && *group != '\0')
        g_string_append (subtitle, group);
      if (bl_member_get_role (member) != BL_MEMBER_ROLE_NONE)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, _(" · "));
          g_string_append (subtitle, bl_member_role_display (bl_member_get_role (member)));
        }
      if (bl_member_get_category (member) != BL_MEMBER_CATEGORY_FULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, _(" · "));
          g_string_append (subtitle, bl_member_category_display (bl_member_get_category (member)));
        }
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->name);
  if (subtitle->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  /* Translators: accessible name of the attendance drop-down of one member */
  label = g_strdup_printf (_("Attendance of %s"), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
  label = g_strdup_printf (_("Reason of leave of %s"), self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->state_dropdown));

  return GTK_WIDGET (self);
}

gint64
bl_attendance_row_get_member_id (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), 0);

  return self->member_id;
}

const char *
bl_attendance_row_get_name (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), NULL);

  return self->name;
}

gboolean
bl_attendance_row_get_is_full (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), FALSE);

  return self->is_full;
}

BlAttendanceState
bl_attendance_row_get_state (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), BL_ATTENDANCE_PRESENT);

  switch (gtk_drop_down_get_selected (self->state_dropdown))
    {
    case CHOICE_SICK:
    case CHOICE_PERSONAL:
    case CHOICE_BUSINESS:
    case CHOICE_OTHER:
      return BL_ATTENDANCE_LEAVE;
    case CHOICE_ABSENT:
      return BL_ATTENDANCE_ABSENT;
    case CHOICE_PRESENT:
    default:
      return BL_ATTENDANCE_PRESENT;
    }
}

const char *
bl_attendance_row_get_reason (BlAttendanceRow *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_ROW (self), NULL);

  return self->reason;
}

void
bl_attendance_row_set_attendance (BlAttendanceRow   *self,
                                  BlAttendanceState  state,
                                  const char        *reason)
{
  guint choice = CHOICE_PRESENT;

  g_return_if_fail (BL_IS_ATTENDANCE_ROW (self));

  self->updating = TRUE;
  if (state == BL_ATTENDANCE_ABSENT)
    choice = CHOICE_ABSENT;
  else if (state == BL_ATTENDANCE_LEAVE)
    {
      if (g_strcmp0 (reason, BL_LEAVE_SICK) == 0)
        choice = CHOICE_SICK;
      else if (g_strcmp0 (reason, BL_LEAVE_PERSONAL) == 0)
        choice = CHOICE_PERSONAL;
      else if (g_strcmp0 (reason, BL_LEAVE_BUSINESS) == 0)
        choice = CHOICE_BUSINESS;
      else
        {
          choice = CHOICE_OTHER;
          gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason != NULL ? reason : "");
        }
    }
  gtk_drop_down_set_selected (self->state_dropdown, choice);
  update_reason (self);
  self->updating = FALSE;
}
