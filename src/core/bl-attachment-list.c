/* bl-attachment-list.c: one activity's attachments as the editor holds them */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-attachment-list.h"
#include "bl-image.h"
#include "bl-store-error.h"

struct _BlAttachmentList
{
  GObject            parent_instance;

  BlAttachmentFiles *files;
  gint64             activity_id;
  GPtrArray         *items;     /* BlAttachment* */
  gboolean           modified;
};

static void bl_attachment_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BlAttachmentList, bl_attachment_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bl_attachment_list_model_init))

enum {
  PROP_0,
  PROP_ACTIVITY_ID,
  PROP_N_ITEMS,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_modified (BlAttachmentList *self,
              gboolean          modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
caption_changed_cb (BlAttachmentList *self)
{
  set_modified (self, TRUE);
}

static void
take_item (BlAttachmentList *self,
           guint             position,
           BlAttachment     *attachment)
{
  g_signal_connect_object (attachment, "notify::caption", G_CALLBACK (caption_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_insert (self->items, (int) position, attachment);
}

static gboolean
name_taken (BlAttachmentList *self,
            GPtrArray        *more,
            const char       *name)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (bl_attachment_get_name (g_ptr_array_index (self->items, i)), name))
      return TRUE;
  for (guint i = 0; more != NULL && i < more->len; i++)
    if (g_str_equal (bl_attachment_get_name (g_ptr_array_index (more, i)), name))
      return TRUE;
  return FALSE;
}

/* "照片.jpg", then "照片 (2).jpg", "照片 (3).jpg"… */
static char *
unique_name (BlAttachmentList *self,
             GPtrArray        *more,
             const char       *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;
  const char *extension;

  if (!name_taken (self, more, name))
    return g_strdup (name);
  if (dot == NULL || dot == name)
    dot = name + strlen (name);
  stem = g_strndup (name, (gsize) (dot - name));
  extension = dot;
  for (guint n = 2;; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)%s", stem, n, extension);

      if (!name_taken (self, more, candidate))
        return g_steal_pointer (&candidate);
    }
}

static void
staged_discard (gpointer data)
{
  BlStagedFile *staged = data;

  if (staged->path != NULL)
    g_unlink (staged->path);
  bl_staged_file_free (staged);
}

/* Reads every file in, or none: the copies of those read before a refusal go. */
static GPtrArray *
stage_all (BlAttachmentFiles     *files,
           GPtrArray             *sources,
           BlAttachmentAddFlags   flags,
           GCancellable          *cancellable,
           GError               **error)
{
  g_autoptr(GPtrArray) staged = g_ptr_array_new_with_free_func (staged_discard);

  for (guint i = 0; i < sources->len; i++)
    {
      BlStagedFile *file = bl_attachment_files_stage (files, g_ptr_array_index (sources, i), cancellable, error);

      if (file == NULL)
        return NULL;
      g_ptr_array_add (staged, file);
      if ((flags & BL_ATTACHMENT_ADD_SIGNIN_SHEET) && !bl_image_can_decode (file->content_type) &&
          g_strcmp0 (file->content_type, "application/pdf") != 0)
        {
          g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                       _("“%s” is not a photo or a scan (JPEG, PNG, WebP or PDF): a sign-in sheet is attached as one"),
                       file->name);
          return NULL;
        }
    }
  return g_steal_pointer (&staged);
}

/* Appends what was read in, in one items-changed. */
static void
append_staged (BlAttachmentList *self,
               GPtrArray        *staged,
               const char       *caption)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint position = self->items->len;

  for (guint i = 0; i < staged->len; i++)
    {
      BlStagedFile *file = g_ptr_array_index (staged, i);
      g_autofree char *name = unique_name (self, added, file->name);
      BlAttachment *attachment = bl_attachment_new (0, name, caption, file->sha256, file->size,
                                                    file->content_type);

      /* The attachment owns the copy now. */
      bl_attachment_set_staged_path (attachment, file->path);
      g_clear_pointer (&file->path, g_free);
      g_ptr_array_add (added, attachment);
    }
  for (guint i = 0; i < added->len; i++)
    take_item (self, position + i, g_object_ref (g_ptr_array_index (added, i)));
  if (added->len == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_modified (self, TRUE);
}

typedef struct {
  BlAttachmentFiles    *files;
  GPtrArray            *sources;   /* GFile* */
  char                 *caption;
  BlAttachmentAddFlags  flags;
} AddData;

static void
add_data_free (gpointer data)
{
  AddData *add = data;

  g_clear_object (&add->files);
  g_clear_pointer (&add->sources, g_ptr_array_unref);
  g_free (add->caption);
  g_free (add);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData *add = task_data;
  GError *error = NULL;
  GPtrArray *staged = stage_all (add->files, add->sources, add->flags, cancellable, &error);

  if (staged == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, staged, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
sources_of (GFile **files,
            guint   n_files)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (sources, g_object_ref (files[i]));
  return sources;
}

/* GListModel */

static GType
bl_attachment_list_get_item_type (GListModel *model)
{
  return BL_TYPE_ATTACHMENT;
}

static guint
bl_attachment_list_get_n_items (GListModel *model)
{
  return BL_ATTACHMENT_LIST (model)->items->len;
}

static gpointer
bl_attachment_list_get_item (GListModel *model,
                             guint       position)
{
  BlAttachmentList *self = BL_ATTACHMENT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
bl_attachment_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bl_attachment_list_get_item_type;
  iface->get_n_items = bl_attachment_list_get_n_items;
  iface->get_item = bl_attachment_list_get_item;
}

/* GObject */

static void
bl_attachment_list_finalize (GObject *object)
{
  BlAttachmentList *self = BL_ATTACHMENT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (bl_attachment_list_parent_class)->finalize (object);
}

static void
bl_attachment_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BlAttachmentList *self = BL_ATTACHMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_ACTIVITY_ID: g_value_set_int64 (value, self->activity_id); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->items->len); break;
    case PROP_MODIFIED: g_value_set_boolean (value, self->modified); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_attachment_list_class_init (BlAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bl_attachment_list_finalize;
  object_class->get_property = bl_attachment_list_get_property;

  properties[PROP_ACTIVITY_ID] = g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_attachment_list_init (BlAttachmentList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

BlAttachmentList *
bl_attachment_list_new (BlAttachmentFiles *files,
                        gint64             activity_id,
                        GPtrArray         *attachments)
{
  BlAttachmentList *self;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (files), NULL);

  self = g_object_new (BL_TYPE_ATTACHMENT_LIST, NULL);
  self->files = g_object_ref (files);
  self->activity_id = activity_id;
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    take_item (self, self->items->len, g_object_ref (g_ptr_array_index (attachments, i)));
  return self;
}

gint64
bl_attachment_list_get_activity_id (BlAttachmentList *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), 0);
  return self->activity_id;
}

gboolean
bl_attachment_list_get_modified (BlAttachmentList *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), FALSE);
  return self->modified;
}

const char *
bl_attachment_signin_caption (void)
{
  /* TRANSLATORS: the caption of the photographed or scanned sign-in sheet (签到表) */
  return _("Sign-in sheet");
}

gboolean
bl_attachment_list_add_files (BlAttachmentList      *self,
                              GFile                **files,
                              guint                  n_files,
                              const char            *caption,
                              BlAttachmentAddFlags   flags,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) staged = NULL;

  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (flags & BL_ATTACHMENT_ADD_SIGNIN_SHEET)
    caption = bl_attachment_signin_caption ();
  sources = sources_of (files, n_files);
  staged = stage_all (self->files, sources, flags, cancellable, error);
  if (staged == NULL)
    return FALSE;
  append_staged (self, staged, caption);
  return TRUE;
}

void
bl_attachment_list_add_files_async (BlAttachmentList      *self,
                                    GFile                **files,
                                    guint                  n_files,
                                    const char            *caption,
                                    BlAttachmentAddFlags   flags,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AddData *add;

  g_return_if_fail (BL_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (files != NULL || n_files == 0);

  add = g_new0 (AddData, 1);
  add->files = g_object_ref (self->files);
  add->sources = sources_of (files, n_files);
  add->caption = g_strdup ((flags & BL_ATTACHMENT_ADD_SIGNIN_SHEET) ? bl_attachment_signin_caption () : caption);
  add->flags = flags;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_attachment_list_add_files_async);
  g_task_set_task_data (task, add, add_data_free);
  g_task_run_in_thread (task, add_thread);
}

gboolean
bl_attachment_list_add_files_finish (BlAttachmentList  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_autoptr(GPtrArray) staged = NULL;
  AddData *add;

  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  staged = g_task_propagate_pointer (G_TASK (result), error);
  if (staged == NULL)
    return FALSE;
  add = g_task_get_task_data (G_TASK (result));
  append_staged (self, staged, add->caption);
  return TRUE;
}

BlAttachment *
bl_attachment_list_remove (BlAttachmentList *self,
                           guint             position)
{
  BlAttachment *attachment;

  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  attachment = g_ptr_array_steal_index (self->items, position);
  g_signal_handlers_disconnect_by_func (attachment, caption_changed_cb, self);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_modified (self, TRUE);
  return attachment;
}

void
bl_attachment_list_insert (BlAttachmentList *self,
                           guint             position,
                           BlAttachment     *attachment)
{
  g_return_if_fail (BL_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (BL_IS_ATTACHMENT (attachment));

  position = MIN (position, self->items->len);
  /* Put back under its own name unless another took it meanwhile. */
  if (name_taken (self, NULL, bl_attachment_get_name (attachment)))
    {
      g_autofree char *name = unique_name (self, NULL, bl_attachment_get_name (attachment));
      bl_attachment_set_name (attachment, name);
    }
  take_item (self, position, g_object_ref (attachment));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_modified (self, TRUE);
}

void
bl_attachment_list_move (BlAttachmentList *self,
                         guint             from,
                         guint             to)
{
  gpointer item;

  g_return_if_fail (BL_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (from < self->items->len && to < self->items->len);

  if (from == to)
    return;
  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, (int) to, item);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
                              MAX (from, to) - MIN (from, to) + 1);
  set_modified (self, TRUE);
}

BlAttachment *
bl_attachment_list_find (BlAttachmentList *self,
                         const char       *name,
                         guint            *position)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (bl_attachment_get_name (g_ptr_array_index (self->items, i)), name))
      {
        if (position != NULL)
          *position = i;
        return g_ptr_array_index (self->items, i);
      }
  return NULL;
}

GBytes *
bl_attachment_list_load_thumbnail (BlAttachmentList  *self,
                                   BlAttachment      *attachment,
                                   GError           **error)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (BL_IS_ATTACHMENT (attachment), NULL);

  if (!bl_attachment_is_image (attachment))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a picture"), bl_attachment_get_name (attachment));
      return NULL;
    }
  return bl_attachment_files_load_thumbnail (self->files, bl_attachment_get_sha256 (attachment),
                                             bl_attachment_get_content_type (attachment),
                                             bl_attachment_get_staged_path (attachment), error);
}

char *
bl_attachment_list_get_content_path (BlAttachmentList *self,
                                     BlAttachment     *attachment)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (BL_IS_ATTACHMENT (attachment), NULL);

  if (bl_attachment_get_staged_path (attachment) != NULL &&
      g_file_test (bl_attachment_get_staged_path (attachment), G_FILE_TEST_IS_REGULAR))
    return g_strdup (bl_attachment_get_staged_path (attachment));
  return bl_attachment_files_object_path (self->files, bl_attachment_get_sha256 (attachment));
}

char *
bl_attachment_list_make_view_copy (BlAttachmentList  *self,
                                   BlAttachment      *attachment,
                                   GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (BL_IS_ATTACHMENT (attachment), NULL);

  path = bl_attachment_list_get_content_path (self, attachment);
  return bl_attachment_files_view_copy (path, bl_attachment_get_name (attachment),
                                        bl_attachment_get_sha256 (attachment), error);
}

GPtrArray *
bl_attachment_list_get_items (BlAttachmentList *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  return self->items;
}

BlAttachmentFiles *
bl_attachment_list_get_files (BlAttachmentList *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (self), NULL);
  return self->files;
}

void
bl_attachment_list_mark_saved (BlAttachmentList *self,
                               gint64            activity_id)
{
  g_return_if_fail (BL_IS_ATTACHMENT_LIST (self));

  if (self->activity_id != activity_id)
    {
      self->activity_id = activity_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY_ID]);
    }
  set_modified (self, FALSE);
}
