/* bl-attachment.c: one file kept with an activity's record */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-attachment.h"
#include "bl-util.h"

struct _BlAttachment
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *caption;
  char    *sha256;
  guint64  size;
  char    *content_type;
  char    *staged_path;
};

G_DEFINE_FINAL_TYPE (BlAttachment, bl_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CAPTION,
  PROP_SHA256,
  PROP_SIZE,
  PROP_CONTENT_TYPE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char * const photo_types[] = { "image/jpeg", "image/png", "image/webp", NULL };
static const char * const document_types[] = {
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  NULL
};

/* One line, no control characters, at most @max_chars characters. */
static char *
clean_caption (const char *caption)
{
  g_autoptr(GString) out = g_string_new (NULL);
  glong n = 0;

  if (caption == NULL || !g_utf8_validate (caption, -1, NULL))
    return g_strdup ("");
  for (const char *p = caption; *p != '\0' && n < BL_ATTACHMENT_MAX_CAPTION; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/* GObject */

static void
bl_attachment_finalize (GObject *object)
{
  BlAttachment *self = BL_ATTACHMENT (object);

  /* Added but never saved: the copy read in goes with it. */
  if (self->staged_path != NULL)
    g_unlink (self->staged_path);
  g_free (self->staged_path);
  g_free (self->name);
  g_free (self->caption);
  g_free (self->sha256);
  g_free (self->content_type);

  G_OBJECT_CLASS (bl_attachment_parent_class)->finalize (object);
}

static void
bl_attachment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BlAttachment *self = BL_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CAPTION: g_value_set_string (value, self->caption); break;
    case PROP_SHA256: g_value_set_string (value, self->sha256); break;
    case PROP_SIZE: g_value_set_uint64 (value, self->size); break;
    case PROP_CONTENT_TYPE: g_value_set_string (value, self->content_type); break;
    case PROP_KIND: g_value_set_int (value, bl_attachment_get_kind (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_attachment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BlAttachment *self = BL_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID: bl_attachment_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME: bl_attachment_set_name (self, g_value_get_string (value)); break;
    case PROP_CAPTION: bl_attachment_set_caption (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_attachment_class_init (BlAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bl_attachment_finalize;
  object_class->get_property = bl_attachment_get_property;
  object_class->set_property = bl_attachment_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_CAPTION] = g_param_spec_string ("caption", NULL, NULL, "", rw);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, BL_ATTACHMENT_KIND_PHOTO,
                                            BL_ATTACHMENT_KIND_FILE, BL_ATTACHMENT_KIND_FILE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_attachment_init (BlAttachment *self)
{
  self->name = g_strdup ("");
  self->caption = g_strdup ("");
}

/* Public API */

BlAttachment *
bl_attachment_new (gint64      id,
                   const char *name,
                   const char *caption,
                   const char *sha256,
                   guint64     size,
                   const char *content_type)
{
  BlAttachment *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  self = g_object_new (BL_TYPE_ATTACHMENT, NULL);
  self->id = id;
  bl_set_str (&self->name, name);
  g_free (self->caption);
  self->caption = clean_caption (caption);
  self->sha256 = g_ascii_strdown (sha256, -1);
  self->size = size;
  self->content_type = g_strdup (content_type != NULL ? content_type : "application/octet-stream");
  return self;
}

gint64
bl_attachment_get_id (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), 0);
  return self->id;
}

void
bl_attachment_set_id (BlAttachment *self,
                      gint64        id)
{
  g_return_if_fail (BL_IS_ATTACHMENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
bl_attachment_get_name (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), NULL);
  return self->name;
}

void
bl_attachment_set_name (BlAttachment *self,
                        const char   *name)
{
  g_return_if_fail (BL_IS_ATTACHMENT (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (bl_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
bl_attachment_get_caption (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), NULL);
  return self->caption;
}

void
bl_attachment_set_caption (BlAttachment *self,
                           const char   *caption)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (BL_IS_ATTACHMENT (self));

  clean = clean_caption (caption);
  if (bl_set_str (&self->caption, clean))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

const char *
bl_attachment_get_sha256 (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), NULL);
  return self->sha256;
}

guint64
bl_attachment_get_size (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), 0);
  return self->size;
}

const char *
bl_attachment_get_content_type (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), NULL);
  return self->content_type;
}

BlAttachmentKind
bl_attachment_get_kind (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), BL_ATTACHMENT_KIND_FILE);
  return bl_attachment_kind_for_content_type (self->content_type);
}

gboolean
bl_attachment_is_image (BlAttachment *self)
{
  return bl_attachment_get_kind (self) == BL_ATTACHMENT_KIND_PHOTO;
}

BlAttachmentKind
bl_attachment_kind_for_content_type (const char *content_type)
{
  if (content_type == NULL)
    return BL_ATTACHMENT_KIND_FILE;
  if (g_strv_contains (photo_types, content_type))
    return BL_ATTACHMENT_KIND_PHOTO;
  if (g_strv_contains (document_types, content_type))
    return BL_ATTACHMENT_KIND_DOCUMENT;
  return BL_ATTACHMENT_KIND_FILE;
}

const char *
bl_attachment_kind_display (BlAttachmentKind kind)
{
  switch (kind)
    {
    case BL_ATTACHMENT_KIND_PHOTO:
      /* TRANSLATORS: a kind of attachment */
      return C_("attachment", "Photo");
    case BL_ATTACHMENT_KIND_DOCUMENT:
      /* TRANSLATORS: a kind of attachment: PDF, Word or Excel */
      return C_("attachment", "Document");
    case BL_ATTACHMENT_KIND_FILE:
    default:
      /* TRANSLATORS: a kind of attachment: any other file */
      return C_("attachment", "File");
    }
}

char *
bl_attachment_clean_name (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *valid = NULL;

  valid = name != NULL ? g_utf8_make_valid (name, -1) : g_strdup ("");
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == 0x3001 /* 、 */ || g_unichar_iscntrl (c))
        c = '_';
      /* Keep whole characters within 200 bytes. */
      if (out->len + g_unichar_to_utf8 (c, NULL) > 200)
        break;
      g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  /* "." and ".." are no file's name; a name starting with a dot would be hidden. */
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  if (out->len == 0)
    /* TRANSLATORS: the name given to an attachment whose file had none */
    g_string_assign (out, C_("attachment", "Attachment"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
bl_attachment_get_staged_path (BlAttachment *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT (self), NULL);
  return self->staged_path;
}

void
bl_attachment_set_staged_path (BlAttachment *self,
                               const char   *path)
{
  g_return_if_fail (BL_IS_ATTACHMENT (self));

  bl_set_str (&self->staged_path, path);
}
