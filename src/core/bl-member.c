/* bl-member.c: one member of the branch */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-member.h"
#include "bl-util.h"

struct _BlMember
{
  GObject           parent_instance;

  gint64            id;
  char             *name;
  char             *group;
  BlMemberCategory  category;
  BlMemberRole      role;
  char             *joined;
  char             *phone;
  BlMemberStatus    status;
  char             *transferred_on;
  char             *transferred_to;
  gboolean          group_leader;
};

G_DEFINE_FINAL_TYPE (BlMember, bl_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GROUP,
  PROP_CATEGORY,
  PROP_ROLE,
  PROP_JOINED,
  PROP_PHONE,
  PROP_STATUS,
  PROP_TRANSFERRED_ON,
  PROP_TRANSFERRED_TO,
  PROP_GROUP_LEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const category_chinese[] = { "正式党员", "预备党员" };
static const char * const category_english[] = { "full", "probationary" };
static const char * const role_chinese[] = { "", "书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员" };
static const char * const role_english[] = { "none", "secretary", "deputy", "organization", "propaganda", "discipline", "committee" };
static const char * const status_chinese[] = { "在册", "转出" };
static const char * const status_english[] = { "active", "transferred" };

static void
bl_member_finalize (GObject *object)
{
  BlMember *self = BL_MEMBER (object);

  g_free (self->name);
  g_free (self->group);
  g_free (self->joined);
  g_free (self->phone);
  g_free (self->transferred_on);
  g_free (self->transferred_to);

  G_OBJECT_CLASS (bl_member_parent_class)->finalize (object);
}

static void
bl_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BlMember *self = BL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_GROUP: g_value_set_string (value, self->group); break;
    case PROP_CATEGORY: g_value_set_int (value, self->category); break;
    case PROP_ROLE: g_value_set_int (value, self->role); break;
    case PROP_JOINED: g_value_set_string (value, self->joined); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    case PROP_TRANSFERRED_ON: g_value_set_string (value, self->transferred_on); break;
    case PROP_TRANSFERRED_TO: g_value_set_string (value, self->transferred_to); break;
    case PROP_GROUP_LEADER: g_value_set_boolean (value, self->group_leader); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BlMember *self = BL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID: bl_member_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME: bl_member_set_name (self, g_value_get_string (value)); break;
    case PROP_GROUP: bl_member_set_group (self, g_value_get_string (value)); break;
    case PROP_CATEGORY: bl_member_set_category (self, g_value_get_int (value)); break;
    case PROP_ROLE: bl_member_set_role (self, g_value_get_int (value)); break;
    case PROP_JOINED: bl_member_set_joined (self, g_value_get_string (value)); break;
    case PROP_PHONE: bl_member_set_phone (self, g_value_get_string (value)); break;
    case PROP_STATUS: bl_member_set_status (self, g_value_get_int (value)); break;
    case PROP_TRANSFERRED_ON: bl_member_set_transferred_on (self, g_value_get_string (value)); break;
    case PROP_TRANSFERRED_TO: bl_member_set_transferred_to (self, g_value_get_string (value)); break;
    case PROP_GROUP_LEADER: bl_member_set_group_leader (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_member_class_init (BlMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bl_member_finalize;
  object_class->get_property = bl_member_get_property;
  object_class->set_property = bl_member_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, "", flags);
  properties[PROP_CATEGORY] = g_param_spec_int ("category", NULL, NULL,
                                                BL_MEMBER_CATEGORY_FULL, BL_MEMBER_CATEGORY_PROBATIONARY,
                                                BL_MEMBER_CATEGORY_FULL, flags);
  properties[PROP_ROLE] = g_param_spec_int ("role", NULL, NULL,
                                            BL_MEMBER_ROLE_NONE, BL_MEMBER_ROLE_COMMITTEE,
                                            BL_MEMBER_ROLE_NONE, flags);
  properties[PROP_JOINED] = g_param_spec_string ("joined", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL,
                                              BL_MEMBER_STATUS_ACTIVE, BL_MEMBER_STATUS_TRANSFERRED,
                                              BL_MEMBER_STATUS_ACTIVE, flags);
  properties[PROP_TRANSFERRED_ON] = g_param_spec_string ("transferred-on", NULL, NULL, NULL, flags);
  properties[PROP_TRANSFERRED_TO] = g_param_spec_string ("transferred-to", NULL, NULL, "", flags);
  properties[PROP_GROUP_LEADER] = g_param_spec_boolean ("group-leader", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_member_init (BlMember *self)
{
  self->name = g_strdup ("");
  self->group = g_strdup ("");
  self->phone = g_strdup ("");
  self->transferred_to = g_strdup ("");
}

BlMember *
bl_member_new (const char *name)
{
  return g_object_new (BL_TYPE_MEMBER, "name", name != NULL ? name : "", NULL);
}

BlMember *
bl_member_copy (BlMember *self)
{
  BlMember *copy;

  g_return_val_if_fail (BL_IS_MEMBER (self), NULL);

  copy = bl_member_new (self->name);
  copy->id = self->id;
  bl_set_str (&copy->group, self->group);
  copy->category = self->category;
  copy->role = self->role;
  bl_set_str (&copy->joined, self->joined);
  bl_set_str (&copy->phone, self->phone);
  copy->status = self->status;
  bl_set_str (&copy->transferred_on, self->transferred_on);
  bl_set_str (&copy->transferred_to, self->transferred_to);
  copy->group_leader = self->group_leader;
  return copy;
}

/* @clean: what a value goes through before it is kept. */
#define STRING_ACCESSORS(field, prop, clean)                             \
  const char *                                                          \
  bl_member_get_##field (BlMember *self)                                \
  {                                                                     \
    g_return_val_if_fail (BL_IS_MEMBER (self), NULL);                   \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  bl_member_set_##field (BlMember *self, const char *value)             \
  {                                                                     \
    g_return_if_fail (BL_IS_MEMBER (self));                             \
    if (bl_set_str (&self->field, clean (value)))                       \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);     \
  }

/* Kept as given, NULL too. */
#define AS_GIVEN(value) (value)

#define ENUM_ACCESSORS(field, type, prop)                                \
  type                                                                  \
  bl_member_get_##field (BlMember *self)                                \
  {                                                                     \
    g_return_val_if_fail (BL_IS_MEMBER (self), 0);                      \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  bl_member_set_##field (BlMember *self, type value)                    \
  {                                                                     \
    g_return_if_fail (BL_IS_MEMBER (self));                             \
    if (self->field == value)                                           \
      return;                                                           \
    self->field = value;                                                \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);       \
  }

ENUM_ACCESSORS (id, gint64, PROP_ID)
STRING_ACCESSORS (joined, PROP_JOINED, AS_GIVEN)
STRING_ACCESSORS (transferred_on, PROP_TRANSFERRED_ON, AS_GIVEN)
ENUM_ACCESSORS (category, BlMemberCategory, PROP_CATEGORY)
ENUM_ACCESSORS (role, BlMemberRole, PROP_ROLE)
ENUM_ACCESSORS (status, BlMemberStatus, PROP_STATUS)
ENUM_ACCESSORS (group_leader, gboolean, PROP_GROUP_LEADER)

/* Name, group, phone and destination are never NULL. */
#define TEXT_ACCESSORS(field, prop) STRING_ACCESSORS (field, prop, bl_str_or_empty)

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (group, PROP_GROUP)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (transferred_to, PROP_TRANSFERRED_TO)

gboolean
bl_member_is_committee (BlMember *self)
{
  g_return_val_if_fail (BL_IS_MEMBER (self), FALSE);

  return self->role != BL_MEMBER_ROLE_NONE;
}

gboolean
bl_member_is_active_on (BlMember   *self,
                        const char *date)
{
  g_return_val_if_fail (BL_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  /* ISO dates compare as strings. */
  if (self->joined != NULL && *self->joined != '\0' && g_strcmp0 (self->joined, date) > 0)
    return FALSE;
  if (self->status == BL_MEMBER_STATUS_TRANSFERRED)
    return self->transferred_on != NULL && g_strcmp0 (date, self->transferred_on) < 0;
  return TRUE;
}

/* The index of @text in @chinese or (any case) @english, -1 when in neither. */
static int
parse_enum (const char         *text,
            const char * const *chinese,
            const char * const *english,
            guint               n)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < n; i++)
    if (g_str_equal (stripped, chinese[i]) || g_ascii_strcasecmp (stripped, english[i]) == 0)
      return (int) i;
  return -1;
}

/* bl_member_NAME_to_chinese() and bl_member_NAME_parse() for an enum whose
 * values index NAME_chinese and NAME_english, up to LAST. */
#define DEFINE_ENUM_TEXT(Type, name, LAST)                                                     \
  const char *                                                                                  \
  bl_member_##name##_to_chinese (Type value)                                                    \
  {                                                                                             \
    g_return_val_if_fail (value <= LAST, NULL);                                                 \
    return name##_chinese[value];                                                               \
  }                                                                                             \
                                                                                                \
  gboolean                                                                                      \
  bl_member_##name##_parse (const char *text,                                                   \
                            Type       *out)                                                    \
  {                                                                                             \
    int value = parse_enum (text, name##_chinese, name##_english, G_N_ELEMENTS (name##_chinese)); \
                                                                                                \
    if (value >= 0)                                                                             \
      *out = value;                                                                             \
    return value >= 0;                                                                          \
  }

DEFINE_ENUM_TEXT (BlMemberCategory, category, BL_MEMBER_CATEGORY_PROBATIONARY)
DEFINE_ENUM_TEXT (BlMemberRole, role, BL_MEMBER_ROLE_COMMITTEE)
DEFINE_ENUM_TEXT (BlMemberStatus, status, BL_MEMBER_STATUS_TRANSFERRED)

const char *
bl_member_category_display (BlMemberCategory category)
{
  switch (category)
    {
    case BL_MEMBER_CATEGORY_FULL: return _("Full member");
    case BL_MEMBER_CATEGORY_PROBATIONARY: return _("Probationary member");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
bl_member_role_display (BlMemberRole role)
{
  switch (role)
    {
    case BL_MEMBER_ROLE_NONE: return "";
    case BL_MEMBER_ROLE_SECRETARY: return _("Secretary");
    case BL_MEMBER_ROLE_DEPUTY: return _("Deputy secretary");
    case BL_MEMBER_ROLE_ORGANIZATION: return _("Organisation member");
    case BL_MEMBER_ROLE_PROPAGANDA: return _("Publicity member");
    case BL_MEMBER_ROLE_DISCIPLINE: return _("Discipline member");
    case BL_MEMBER_ROLE_COMMITTEE: return _("Committee member");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
bl_member_status_display (BlMemberStatus status)
{
  switch (status)
    {
    case BL_MEMBER_STATUS_ACTIVE: return _("Active");
    case BL_MEMBER_STATUS_TRANSFERRED: return _("Transferred out");
    default: g_return_val_if_reached (NULL);
    }
}
