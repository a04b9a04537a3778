/* bl-attendee.c: one expected member's attendance at one activity, and the
 * attendance of an activity as a list model of them */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-attendee.h"
#include "bl-util.h"

struct _BlAttendee
{
  GObject            parent_instance;

  gint64             member_id;
  char              *member_name;
  char              *group;
  BlAttendanceState  state;
  char              *reason;
};

G_DEFINE_FINAL_TYPE (BlAttendee, bl_attendee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  PROP_GROUP,
  PROP_STATE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_attendee_finalize (GObject *object)
{
  BlAttendee *self = BL_ATTENDEE (object);

  g_free (self->member_name);
  g_free (self->group);
  g_free (self->reason);

  G_OBJECT_CLASS (bl_attendee_parent_class)->finalize (object);
}

static void
bl_attendee_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BlAttendee *self = BL_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID: g_value_set_int64 (value, self->member_id); break;
    case PROP_MEMBER_NAME: g_value_set_string (value, self->member_name); break;
    case PROP_GROUP: g_value_set_string (value, self->group); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_attendee_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BlAttendee *self = BL_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID: self->member_id = g_value_get_int64 (value); break;
    case PROP_MEMBER_NAME: bl_attendee_set_member_name (self, g_value_get_string (value)); break;
    case PROP_GROUP: bl_attendee_set_group (self, g_value_get_string (value)); break;
    case PROP_STATE: bl_attendee_set_state (self, g_value_get_int (value)); break;
    case PROP_REASON: bl_attendee_set_reason (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_attendee_class_init (BlAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bl_attendee_finalize;
  object_class->get_property = bl_attendee_get_property;
  object_class->set_property = bl_attendee_set_property;

  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, "", flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, BL_ATTENDANCE_PRESENT, BL_ATTENDANCE_ABSENT,
                                             BL_ATTENDANCE_PRESENT, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_attendee_init (BlAttendee *self)
{
  self->member_name = g_strdup ("");
  self->group = g_strdup ("");
  self->reason = g_strdup ("");
}

BlAttendee *
bl_attendee_new (gint64             member_id,
                 const char        *member_name,
                 BlAttendanceState  state,
                 const char        *reason)
{
  BlAttendee *self;

  g_return_val_if_fail (state <= BL_ATTENDANCE_ABSENT, NULL);

  /* Fields set directly: the store builds a million of these for a
   * 20-year export, and nobody watches a new object yet. */
  self = g_object_new (BL_TYPE_ATTENDEE, NULL);
  self->member_id = member_id;
  bl_set_str (&self->member_name, bl_str_or_empty (member_name));
  self->state = state;
  bl_set_str (&self->reason, state != BL_ATTENDANCE_PRESENT ? bl_str_or_empty (reason) : "");
  return self;
}

gint64
bl_attendee_get_member_id (BlAttendee *self)
{
  g_return_val_if_fail (BL_IS_ATTENDEE (self), 0);

  return self->member_id;
}

const char *
bl_attendee_get_member_name (BlAttendee *self)
{
  g_return_val_if_fail (BL_IS_ATTENDEE (self), NULL);

  return self->member_name;
}

void
bl_attendee_set_member_name (BlAttendee *self,
                             const char *name)
{
  g_return_if_fail (BL_IS_ATTENDEE (self));

  if (bl_set_str (&self->member_name, bl_str_or_empty (name)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_NAME]);
}

const char *
bl_attendee_get_group (BlAttendee *self)
{
  g_return_val_if_fail (BL_IS_ATTENDEE (self), NULL);

  return self->group;
}

void
bl_attendee_set_group (BlAttendee *self,
                       const char *group)
{
  g_return_if_fail (BL_IS_ATTENDEE (self));

  if (bl_set_str (&self->group, bl_str_or_empty (group)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

BlAttendanceState
bl_attendee_get_state (BlAttendee *self)
{
  g_return_val_if_fail (BL_IS_ATTENDEE (self), BL_ATTENDANCE_ABSENT);

  return self->state;
}

void
bl_attendee_set_state (BlAttendee        *self,
                       BlAttendanceState  state)
{
  g_return_if_fail (BL_IS_ATTENDEE (self));
  g_return_if_fail (state <= BL_ATTENDANCE_ABSENT);

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  /* Whoever was there needs no reason. */
  if (state == BL_ATTENDANCE_PRESENT)
    bl_attendee_set_reason (self, "");
}

const char *
bl_attendee_get_reason (BlAttendee *self)
{
  g_return_val_if_fail (BL_IS_ATTENDEE (self), NULL);

  return self->reason;
}

void
bl_attendee_set_reason (BlAttendee *self,
                        const char *reason)
{
  g_return_if_fail (BL_IS_ATTENDEE (self));

  if (self->state == BL_ATTENDANCE_PRESENT)
    reason = "";
  if (bl_set_str (&self->reason, bl_str_or_empty (reason)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
bl_attendance_state_display (BlAttendanceState state)
{
  switch (state)
    {
    case BL_ATTENDANCE_PRESENT: return _("Present");
    case BL_ATTENDANCE_LEAVE: return _("On leave");
    case BL_ATTENDANCE_ABSENT: return _("Absent");
    default: g_return_val_if_reached (NULL);
    }
}

/* Attendance lists */

GListStore *
bl_attendance_new (void)
{
  return g_list_store_new (BL_TYPE_ATTENDEE);
}

BlAttendee *
bl_attendance_add (GListStore        *attendance,
                   gint64             member_id,
                   const char        *member_name,
                   BlAttendanceState  state,
                   const char        *reason)
{
  g_autoptr(BlAttendee) attendee = NULL;

  g_return_val_if_fail (G_IS_LIST_STORE (attendance), NULL);

  attendee = bl_attendee_new (member_id, member_name, state, reason);
  g_list_store_append (attendance, attendee);
  return attendee;  /* the list keeps it */
}

guint
bl_attendance_count_present (GListModel *attendance)
{
  guint n, present = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (attendance), 0);

  n = g_list_model_get_n_items (attendance);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) attendee = g_list_model_get_item (attendance, i);

      present += attendee->state == BL_ATTENDANCE_PRESENT;
    }
  return present;
}

BlAttendee *
bl_attendance_find (GListModel *attendance,
                    gint64      member_id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (attendance), NULL);

  n = g_list_model_get_n_items (attendance);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) attendee = g_list_model_get_item (attendance, i);

      if (attendee->member_id == member_id)
        return attendee;  /* the list keeps it */
    }
  return NULL;
}
