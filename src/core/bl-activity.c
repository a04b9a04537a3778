/* bl-activity.c: one activity (meeting, lecture, themed day…) with its record */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity.h"
#include "bl-date.h"
#include "bl-text.h"
#include "bl-util.h"

struct _BlActivity
{
  GObject           parent_instance;

  gint64            id;
  char             *kind;
  BlActivityStatus  status;
  char             *date;
  char             *start_time;
  char             *end_time;
  char             *location;
  char             *host;
  char             *recorder;
  char             *lecturer;
  char             *group;
  char             *topic;
  gboolean          first_topic;
  char             *content;
  char             *resolutions;
  char             *guests;
  GStrv             tags;

  guint             expected_count;
  guint             present_count;
  guint             attachment_count;
};

G_DEFINE_FINAL_TYPE (BlActivity, bl_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_DATE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_LOCATION,
  PROP_HOST,
  PROP_RECORDER,
  PROP_LECTURER,
  PROP_GROUP,
  PROP_TOPIC,
  PROP_FIRST_TOPIC,
  PROP_CONTENT,
  PROP_RESOLUTIONS,
  PROP_GUESTS,
  PROP_TAGS,
  PROP_EXPECTED_COUNT,
  PROP_PRESENT_COUNT,
  PROP_ATTACHMENT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_activity_finalize (GObject *object)
{
  BlActivity *self = BL_ACTIVITY (object);

  g_free (self->kind);
  g_free (self->date);
  g_free (self->start_time);
  g_free (self->end_time);
  g_free (self->location);
  g_free (self->host);
  g_free (self->recorder);
  g_free (self->lecturer);
  g_free (self->group);
  g_free (self->topic);
  g_free (self->content);
  g_free (self->resolutions);
  g_free (self->guests);
  g_strfreev (self->tags);

  G_OBJECT_CLASS (bl_activity_parent_class)->finalize (object);
}

static void
bl_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BlActivity *self = BL_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_START_TIME: g_value_set_string (value, self->start_time); break;
    case PROP_END_TIME: g_value_set_string (value, self->end_time); break;
    case PROP_LOCATION: g_value_set_string (value, self->location); break;
    case PROP_HOST: g_value_set_string (value, self->host); break;
    case PROP_RECORDER: g_value_set_string (value, self->recorder); break;
    case PROP_LECTURER: g_value_set_string (value, self->lecturer); break;
    case PROP_GROUP: g_value_set_string (value, self->group); break;
    case PROP_TOPIC: g_value_set_string (value, self->topic); break;
    case PROP_FIRST_TOPIC: g_value_set_boolean (value, self->first_topic); break;
    case PROP_CONTENT: g_value_set_string (value, self->content); break;
    case PROP_RESOLUTIONS: g_value_set_string (value, self->resolutions); break;
    case PROP_GUESTS: g_value_set_string (value, self->guests); break;
    case PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    case PROP_EXPECTED_COUNT: g_value_set_uint (value, bl_activity_get_expected_count (self)); break;
    case PROP_PRESENT_COUNT: g_value_set_uint (value, bl_activity_get_present_count (self)); break;
    case PROP_ATTACHMENT_COUNT: g_value_set_uint (value, self->attachment_count); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BlActivity *self = BL_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID: bl_activity_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND: bl_activity_set_kind (self, g_value_get_string (value)); break;
    case PROP_STATUS: bl_activity_set_status (self, g_value_get_int (value)); break;
    case PROP_DATE: bl_activity_set_date (self, g_value_get_string (value)); break;
    case PROP_START_TIME: bl_activity_set_start_time (self, g_value_get_string (value)); break;
    case PROP_END_TIME: bl_activity_set_end_time (self, g_value_get_string (value)); break;
    case PROP_LOCATION: bl_activity_set_location (self, g_value_get_string (value)); break;
    case PROP_HOST: bl_activity_set_host (self, g_value_get_string (value)); break;
    case PROP_RECORDER: bl_activity_set_recorder (self, g_value_get_string (value)); break;
    case PROP_LECTURER: bl_activity_set_lecturer (self, g_value_get_string (value)); break;
    case PROP_GROUP: bl_activity_set_group (self, g_value_get_string (value)); break;
    case PROP_TOPIC: bl_activity_set_topic (self, g_value_get_string (value)); break;
    case PROP_FIRST_TOPIC: bl_activity_set_first_topic (self, g_value_get_boolean (value)); break;
    case PROP_CONTENT: bl_activity_set_content (self, g_value_get_string (value)); break;
    case PROP_RESOLUTIONS: bl_activity_set_resolutions (self, g_value_get_string (value)); break;
    case PROP_GUESTS: bl_activity_set_guests (self, g_value_get_string (value)); break;
    case PROP_TAGS: bl_activity_set_tags (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_activity_class_init (BlActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bl_activity_finalize;
  object_class->get_property = bl_activity_get_property;
  object_class->set_property = bl_activity_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "other", flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL,
                                              BL_ACTIVITY_STATUS_PLANNED, BL_ACTIVITY_STATUS_HELD,
                                              BL_ACTIVITY_STATUS_HELD, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, NULL, flags);
  properties[PROP_END_TIME] = g_param_spec_string ("end-time", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, "", flags);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, "", flags);
  properties[PROP_RECORDER] = g_param_spec_string ("recorder", NULL, NULL, "", flags);
  properties[PROP_LECTURER] = g_param_spec_string ("lecturer", NULL, NULL, "", flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", flags);
  properties[PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, "", flags);
  properties[PROP_FIRST_TOPIC] = g_param_spec_boolean ("first-topic", NULL, NULL, FALSE, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, "", flags);
  properties[PROP_RESOLUTIONS] = g_param_spec_string ("resolutions", NULL, NULL, "", flags);
  properties[PROP_GUESTS] = g_param_spec_string ("guests", NULL, NULL, "", flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EXPECTED_COUNT] = g_param_spec_uint ("expected-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PRESENT_COUNT] = g_param_spec_uint ("present-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ATTACHMENT_COUNT] = g_param_spec_uint ("attachment-count", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_activity_init (BlActivity *self)
{
  self->kind = g_strdup ("other");
  self->status = BL_ACTIVITY_STATUS_HELD;
  self->location = g_strdup ("");
  self->host = g_strdup ("");
  self->recorder = g_strdup ("");
  self->lecturer = g_strdup ("");
  self->group = g_strdup ("");
  self->topic = g_strdup ("");
  self->content = g_strdup ("");
  self->resolutions = g_strdup ("");
  self->guests = g_strdup ("");
  self->tags = g_new0 (char *, 1);
}

BlActivity *
bl_activity_new (void)
{
  return g_object_new (BL_TYPE_ACTIVITY, NULL);
}

BlActivity *
bl_activity_copy (BlActivity *self)
{
  BlActivity *copy;

  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);

  copy = bl_activity_new ();
  bl_activity_assign (copy, self);
  return copy;
}

void
bl_activity_assign (BlActivity *self,
                    BlActivity *src)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));
  g_return_if_fail (BL_IS_ACTIVITY (src));

  if (self == src)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  bl_activity_set_id (self, src->id);
  bl_activity_set_kind (self, src->kind);
  bl_activity_set_status (self, src->status);
  bl_activity_set_date (self, src->date);
  bl_activity_set_start_time (self, src->start_time);
  bl_activity_set_end_time (self, src->end_time);
  bl_activity_set_location (self, src->location);
  bl_activity_set_host (self, src->host);
  bl_activity_set_recorder (self, src->recorder);
  bl_activity_set_lecturer (self, src->lecturer);
  bl_activity_set_group (self, src->group);
  bl_activity_set_topic (self, src->topic);
  bl_activity_set_first_topic (self, src->first_topic);
  bl_activity_set_content (self, src->content);
  bl_activity_set_resolutions (self, src->resolutions);
  bl_activity_set_guests (self, src->guests);
  bl_activity_set_tags (self, (const char * const *) src->tags);
  bl_activity_set_counts (self, src->expected_count, src->present_count);
  bl_activity_set_attachment_count (self, src->attachment_count);
  g_object_thaw_notify (G_OBJECT (self));
}

BlActivity *
bl_activity_copy_as_new (BlActivity *self)
{
  BlActivity *copy;

  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);

  copy = bl_activity_new ();
  bl_activity_set_kind (copy, self->kind);
  bl_activity_set_group (copy, self->group);
  bl_activity_set_start_time (copy, self->start_time);
  bl_activity_set_end_time (copy, self->end_time);
  bl_activity_set_location (copy, self->location);
  bl_activity_set_host (copy, self->host);
  bl_activity_set_topic (copy, self->topic);
  return copy;
}

/* Sets @field to @value stripped, through its setter (which notifies). */
#define STRIP(field)                                              \
  G_STMT_START {                                                  \
    if (!bl_text_is_stripped (self->field))                       \
      {                                                           \
        g_autofree char *clean_ = bl_text_strip (self->field);    \
        bl_activity_set_##field (self, clean_);                   \
      }                                                           \
  } G_STMT_END

static void
normalize_time (BlActivity  *self,
                char       **time,
                void       (*set) (BlActivity *, const char *))
{
  g_autofree char *normal = bl_time_normalize (*time);
  g_autofree char *stripped = NULL;

  if (*time == NULL)
    return;
  if (normal != NULL)
    set (self, normal);
  else
    {
      stripped = bl_text_strip (*time);
      set (self, stripped);
    }
}

void
bl_activity_normalize (BlActivity *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) tags = NULL;

  g_return_if_fail (BL_IS_ACTIVITY (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->kind == NULL || !bl_text_is_stripped (self->kind))
    {
      kind = bl_text_strip (self->kind);
      bl_activity_set_kind (self, kind);
    }
  STRIP (date);
  normalize_time (self, &self->start_time, bl_activity_set_start_time);
  normalize_time (self, &self->end_time, bl_activity_set_end_time);
  STRIP (location);
  STRIP (host);
  STRIP (recorder);
  STRIP (lecturer);
  STRIP (group);
  STRIP (topic);
  STRIP (guests);
  /* A tag typed as "学习，意识形态" is two. */
  if (self->tags[0] != NULL)
    {
      joined = bl_tags_join ((const char * const *) self->tags);
      tags = bl_tags_split (joined);
      bl_activity_set_tags (self, (const char * const *) tags);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
#undef STRIP

#define TEXT_ACCESSORS(field, prop, nullable)                            \
  const char *                                                          \
  bl_activity_get_##field (BlActivity *self)                            \
  {                                                                     \
    g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);                 \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  bl_activity_set_##field (BlActivity *self, const char *value)         \
  {                                                                     \
    g_return_if_fail (BL_IS_ACTIVITY (self));                           \
    if (!(nullable) || (value != NULL && *value == '\0'))               \
      value = (nullable) ? NULL : bl_str_or_empty (value);              \
    if (bl_set_str (&self->field, value))                               \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);     \
  }

/* Dates and times: NULL when unset ("" becomes NULL). */
TEXT_ACCESSORS (date, PROP_DATE, TRUE)
TEXT_ACCESSORS (start_time, PROP_START_TIME, TRUE)
TEXT_ACCESSORS (end_time, PROP_END_TIME, TRUE)
/* Text: never NULL. */
TEXT_ACCESSORS (location, PROP_LOCATION, FALSE)
TEXT_ACCESSORS (host, PROP_HOST, FALSE)
TEXT_ACCESSORS (recorder, PROP_RECORDER, FALSE)
TEXT_ACCESSORS (lecturer, PROP_LECTURER, FALSE)
TEXT_ACCESSORS (group, PROP_GROUP, FALSE)
TEXT_ACCESSORS (topic, PROP_TOPIC, FALSE)
TEXT_ACCESSORS (content, PROP_CONTENT, FALSE)
TEXT_ACCESSORS (resolutions, PROP_RESOLUTIONS, FALSE)
TEXT_ACCESSORS (guests, PROP_GUESTS, FALSE)

const char *
bl_activity_get_kind (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);
  return self->kind;
}

void
bl_activity_set_kind (BlActivity *self,
                      const char *kind)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));

  if (kind == NULL || *kind == '\0')
    kind = "other";
  if (bl_set_str (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
bl_activity_get_id (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), 0);
  return self->id;
}

void
bl_activity_set_id (BlActivity *self,
                    gint64      id)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

BlActivityStatus
bl_activity_get_status (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), 0);
  return self->status;
}

void
bl_activity_set_status (BlActivity       *self,
                        BlActivityStatus  status)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
bl_activity_get_first_topic (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), FALSE);
  return self->first_topic;
}

void
bl_activity_set_first_topic (BlActivity *self,
                             gboolean    first_topic)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));

  first_topic = !!first_topic;
  if (self->first_topic == first_topic)
    return;
  self->first_topic = first_topic;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TOPIC]);
}

const char * const *
bl_activity_get_tags (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);
  return (const char * const *) self->tags;
}

void
bl_activity_set_tags (BlActivity         *self,
                      const char * const *tags)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (BL_IS_ACTIVITY (self));

  /* Trimmed, without empties or repeats, in the given order. */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = bl_text_strip (tags[i]);
      gboolean seen = FALSE;

      if (*tag == '\0')
        continue;
      for (guint j = 0; j < clean->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (clean, j), tag);
      if (!seen)
        g_ptr_array_add (clean, g_steal_pointer (&tag));
    }
  g_ptr_array_add (clean, NULL);

  if (g_strv_equal ((const char * const *) self->tags, (const char * const *) clean->pdata))
    return;
  g_strfreev (self->tags);
  self->tags = (GStrv) g_ptr_array_free (g_steal_pointer (&clean), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
bl_activity_has_tag (BlActivity *self,
                     const char *tag)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), FALSE);

  return tag != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}

static void
notify_counts (BlActivity *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPECTED_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENT_COUNT]);
}

guint
bl_activity_get_expected_count (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), 0);

  return self->expected_count;
}

guint
bl_activity_get_present_count (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), 0);

  return self->present_count;
}

void
bl_activity_set_counts (BlActivity *self,
                        guint       expected,
                        guint       present)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));

  if (self->expected_count == expected && self->present_count == present)
    return;
  self->expected_count = expected;
  self->present_count = present;
  notify_counts (self);
}

guint
bl_activity_get_attachment_count (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), 0);

  return self->attachment_count;
}

void
bl_activity_set_attachment_count (BlActivity *self,
                                  guint       count)
{
  g_return_if_fail (BL_IS_ACTIVITY (self));

  if (self->attachment_count == count)
    return;
  self->attachment_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHMENT_COUNT]);
}

const char *
bl_activity_status_to_chinese (BlActivityStatus status)
{
  return status == BL_ACTIVITY_STATUS_PLANNED ? "计划" : "已开展";
}

gboolean
bl_activity_status_parse (const char       *text,
                          BlActivityStatus *out)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (g_str_equal (s, "计划") || g_ascii_strcasecmp (s, "planned") == 0)
    *out = BL_ACTIVITY_STATUS_PLANNED;
  else if (g_str_equal (s, "已开展") || g_ascii_strcasecmp (s, "held") == 0)
    *out = BL_ACTIVITY_STATUS_HELD;
  else
    return FALSE;
  return TRUE;
}

const char *
bl_activity_status_display (BlActivityStatus status)
{
  return status == BL_ACTIVITY_STATUS_PLANNED ? _("Planned") : _("Held");
}

/* The person a list names for an activity: the lecturer of a lecture, else
 * the host ("" when neither is known). */
const char *
bl_activity_get_leader (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);

  if (self->lecturer != NULL && *self->lecturer != '\0')
    return self->lecturer;
  return self->host != NULL ? self->host : "";
}

char *
bl_activity_format_hours (BlActivity *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);

  if (!bl_text_is_blank (self->start_time) && !bl_text_is_blank (self->end_time))
    return g_strdup_printf ("%s–%s", self->start_time, self->end_time);
  return g_strdup (!bl_text_is_blank (self->start_time) ? self->start_time : "");
}

char *
bl_activity_format_when (BlActivity *self)
{
  g_autofree char *day = NULL;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (BL_IS_ACTIVITY (self), NULL);

  day = bl_date_iso_format_locale (self->date);
  hours = bl_activity_format_hours (self);
  if (*hours == '\0')
    return g_steal_pointer (&day);
  return g_strdup_printf ("%s %s", day, hours);
}
