/* bl-kind.c: a kind of activity (built-in ids from the domain, or custom ones) */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-kind.h"

struct _BlKind
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  gboolean  builtin;
};

G_DEFINE_FINAL_TYPE (BlKind, bl_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *id;
  const char *chinese;
  const char *english;
} builtin_kinds[] = {
  { BL_KIND_GENERAL_MEETING, "支部党员大会", N_("Branch general meeting") },
  { BL_KIND_COMMITTEE_MEETING, "支部委员会", N_("Branch committee meeting") },
  { BL_KIND_GROUP_MEETING, "党小组会", N_("Party group meeting") },
  { BL_KIND_PARTY_LECTURE, "党课", N_("Party lecture") },
  { BL_KIND_THEME_DAY, "主题党日", N_("Themed party day") },
  { BL_KIND_STUDY_SESSION, "理论学习", N_("Study session") },
  { BL_KIND_LIFE_MEETING, "组织生活会", N_("Organisational life meeting") },
  { BL_KIND_MEMBER_REVIEW, "民主评议党员", N_("Democratic review of members") },
  { BL_KIND_HEART_TALK, "谈心谈话", N_("Heart-to-heart talk") },
  { BL_KIND_OTHER, "其他", N_("Other") },
};

static void
bl_kind_finalize (GObject *object)
{
  BlKind *self = BL_KIND (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (bl_kind_parent_class)->finalize (object);
}

static void
bl_kind_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BlKind *self = BL_KIND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, bl_kind_get_name (self));
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_kind_class_init (BlKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_kind_finalize;
  object_class->get_property = bl_kind_get_property;

  /* Read-only: a kind is what bl_kind_new() made it. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_kind_init (BlKind *self)
{
}

BlKind *
bl_kind_new (const char *id,
             const char *name,
             gboolean    builtin)
{
  BlKind *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (BL_TYPE_KIND, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->builtin = builtin;
  return self;
}

const char *
bl_kind_get_id (BlKind *self)
{
  g_return_val_if_fail (BL_IS_KIND (self), NULL);

  return self->id;
}

const char *
bl_kind_get_name (BlKind *self)
{
  const char *builtin_name;

  g_return_val_if_fail (BL_IS_KIND (self), NULL);

  if (self->builtin && (builtin_name = bl_kind_builtin_name (self->id)) != NULL)
    return builtin_name;
  return self->name != NULL ? self->name : self->id;
}

gboolean
bl_kind_get_builtin (BlKind *self)
{
  g_return_val_if_fail (BL_IS_KIND (self), FALSE);

  return self->builtin;
}

const char * const *
bl_kind_builtin_ids (void)
{
  static const char *ids[G_N_ELEMENTS (builtin_kinds) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (builtin_kinds); i++)
      ids[i] = builtin_kinds[i].id;
  return ids;
}

static int
builtin_index (const char *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (builtin_kinds); i++)
    if (g_str_equal (builtin_kinds[i].id, id))
      return (int) i;
  return -1;
}

gboolean
bl_kind_is_builtin_id (const char *id)
{
  return builtin_index (id) >= 0;
}

const char *
bl_kind_builtin_name (const char *id)
{
  int i = builtin_index (id);

  return i >= 0 ? _(builtin_kinds[i].english) : NULL;
}

const char *
bl_kind_builtin_chinese_name (const char *id)
{
  int i = builtin_index (id);

  return i >= 0 ? builtin_kinds[i].chinese : NULL;
}

/* For lookups by name: also the untranslated English name. */
const char *
bl_kind_builtin_english_name (const char *id)
{
  int i = builtin_index (id);

  return i >= 0 ? builtin_kinds[i].english : NULL;
}
