/* bl-store-attachments.c: an activity's attachments in the ledger: the
 * files put in place, then the rows naming them, in one transaction */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-store-attachments.h"
#include "bl-store-private.h"
#include "db/bl-activity-repo.h"
#include "db/bl-attachment-backup.h"
#include "db/bl-attachment-repo.h"
#include "db/bl-db.h"

/* Activity @id's attachments changed inside the open transaction: its row
 * in the activities list (its count) follows at the outermost commit. */
static gboolean
activity_changed (BlStore  *self,
                  gint64    id,
                  GError  **error)
{
  g_autoptr(BlActivity) activity = bl_activity_repo_find (bl_store_get_db (self), id, error);

  if (activity == NULL)
    return FALSE;
  bl_store_lists_activity_saved (bl_store_get_lists (self), activity);
  return TRUE;
}

static BlAttachmentFiles *
files_of (BlStore *self)
{
  return bl_attachment_files_new (bl_store_get_path (self));
}

/* The files of the new attachments go in place, then the rows; the files
 * of those removed are marked used today, for an undo. */
static gboolean
write_attachments (BlStore           *self,
                   gint64             activity_id,
                   BlAttachmentList  *list,
                   GError           **error)
{
  BlAttachmentFiles *files = bl_attachment_list_get_files (list);
  GPtrArray *items = bl_attachment_list_get_items (list);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len; i++)
    {
      BlAttachment *attachment = g_ptr_array_index (items, i);

      if (bl_attachment_get_id (attachment) != 0 && bl_attachment_get_staged_path (attachment) == NULL)
        continue;
      if (!bl_attachment_files_commit (files, bl_attachment_get_staged_path (attachment),
                                       bl_attachment_get_sha256 (attachment), error))
        return FALSE;
      bl_attachment_set_staged_path (attachment, NULL);
    }
  if (!bl_attachment_repo_save (bl_store_get_db (self), activity_id, items, gone, error))
    return FALSE;
  for (guint i = 0; i < gone->len; i++)
    bl_attachment_files_touch (files, g_ptr_array_index (gone, i));
  return activity_changed (self, activity_id, error);
}

/* The list reads as saved once the outermost transaction committed. */
static void
mark_saved_if_committed (BlStore          *self,
                         BlAttachmentList *list,
                         gint64            activity_id)
{
  if (bl_db_get_depth (bl_store_get_db (self)) == 0)
    bl_attachment_list_mark_saved (list, activity_id);
}

/* Public API */

char *
bl_store_get_attachments_dir (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_attachment_files_dir_for_ledger (bl_store_get_path (self));
}

GArray *
bl_store_list_attached_activities (BlStore  *self,
                                   GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_attachment_repo_list_activities (bl_store_get_db (self), error);
}

BlAttachmentList *
bl_store_load_attachments (BlStore  *self,
                           gint64    activity_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BlAttachmentFiles) files = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);
  g_return_val_if_fail (activity_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (activity_id != 0)
    {
      g_autoptr(BlActivity) activity = bl_store_get_activity (self, activity_id, error);

      if (activity == NULL || !bl_attachment_repo_load (bl_store_get_db (self), activity_id, items, error))
        return NULL;
    }
  files = files_of (self);
  return bl_attachment_list_new (files, activity_id, items);
}

gboolean
bl_store_save_attachments (BlStore           *self,
                           gint64             activity_id,
                           BlAttachmentList  *attachments,
                           GError           **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity_id > 0, FALSE);
  g_return_val_if_fail (BL_IS_ATTACHMENT_LIST (attachments), FALSE);

  if (!bl_store_begin (self, error))
    return FALSE;
  if (!write_attachments (self, activity_id, attachments, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  mark_saved_if_committed (self, attachments, activity_id);
  return TRUE;
}

gboolean
bl_store_save_record (BlStore           *self,
                      BlActivity        *activity,
                      GListModel        *attendance,
                      BlAttachmentList  *attachments,
                      GError           **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (attachments == NULL || BL_IS_ATTACHMENT_LIST (attachments), FALSE);

  if (!bl_store_begin (self, error))
    return FALSE;
  if (!bl_store_save_activity (self, activity, attendance, error) ||
      (attachments != NULL && !write_attachments (self, bl_activity_get_id (activity), attachments, error)) ||
      !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  if (attachments != NULL)
    {
      bl_activity_set_attachment_count (activity, g_list_model_get_n_items (G_LIST_MODEL (attachments)));
      mark_saved_if_committed (self, attachments, bl_activity_get_id (activity));
    }
  return TRUE;
}

gboolean
bl_store_attach_files (BlStore               *self,
                       gint64                 activity_id,
                       GFile                **files,
                       guint                  n_files,
                       BlAttachmentAddFlags   flags,
                       GError               **error)
{
  g_autoptr(BlAttachmentList) list = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  list = bl_store_load_attachments (self, activity_id, error);
  if (list == NULL || !bl_attachment_list_add_files (list, files, n_files, NULL, flags, NULL, error))
    return FALSE;
  return bl_store_save_attachments (self, activity_id, list, error);
}

gboolean
bl_store_detach (BlStore     *self,
                 gint64       activity_id,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(BlAttachment) removed = NULL;
  guint position;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  list = bl_store_load_attachments (self, activity_id, error);
  if (list == NULL)
    return FALSE;
  if (bl_attachment_list_find (list, name, &position) == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND,
                   /* TRANSLATORS: an activity's number, then a file's name */
                   _("Activity %lld has no attachment named “%s”"), (long long) activity_id, name);
      return FALSE;
    }
  removed = bl_attachment_list_remove (list, position);
  return bl_store_save_attachments (self, activity_id, list, error);
}

char *
bl_store_get_attachment_path (BlStore      *self,
                              BlAttachment *attachment)
{
  g_autoptr(BlAttachmentFiles) files = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);
  g_return_val_if_fail (BL_IS_ATTACHMENT (attachment), NULL);

  files = files_of (self);
  return bl_attachment_files_object_path (files, bl_attachment_get_sha256 (attachment));
}

/* The store's life (bl-store-private.h) */

void
_bl_store_attachments_opened (BlStore   *self,
                              GPtrArray *notices)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint missing;

  /* Nothing can be copied back into a ledger that cannot be written. */
  if (bl_store_is_read_only (self))
    return;
  /* After a backup was put in place of the ledger, its attachments come
   * back from the backups' folder. */
  missing = bl_attachment_backup_restore_missing (bl_store_get_db (self), &error);
  if (error != NULL)
    g_ptr_array_add (notices, g_strdup (error->message));
  else if (missing > 0)
    {
      dir = bl_store_get_attachments_dir (self);
      g_ptr_array_add (notices, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u attachment file is missing from “%s” and from the backups",
                                                              "%u attachment files are missing from “%s” and from the backups",
                                                              missing),
                                                 missing, dir));
    }
}

gboolean
_bl_store_attachments_before_delete (BlStore  *self,
                                     gint64    activity_id,
                                     GError  **error)
{
  g_autoptr(GPtrArray) sha256s = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BlAttachmentFiles) files = NULL;

  if (!bl_attachment_repo_keep_deleted (bl_store_get_db (self), activity_id, sha256s, error))
    return FALSE;
  /* Kept a day at least: the undo of the delete puts the rows back. */
  files = files_of (self);
  for (guint i = 0; i < sha256s->len; i++)
    bl_attachment_files_touch (files, g_ptr_array_index (sha256s, i));
  return TRUE;
}

gboolean
_bl_store_attachments_after_save (BlStore     *self,
                                  BlActivity  *activity,
                                  GError     **error)
{
  g_autoptr(GPtrArray) sha256s = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BlAttachmentFiles) files = NULL;
  g_autoptr(BlAttachmentFiles) backups = NULL;
  g_autofree char *backup_dir = NULL;
  BlDb *db = bl_store_get_db (self);
  gint64 id = bl_activity_get_id (activity);

  if (!bl_attachment_repo_restore_deleted (db, activity, sha256s, error))
    return FALSE;
  if (sha256s->len == 0)
    return TRUE;

  /* Only rows whose file is there come back: never one naming a lost file. */
  files = files_of (self);
  backup_dir = bl_attachment_backup_dir (bl_store_get_path (self));
  backups = bl_attachment_files_new_for_dir (backup_dir);
  for (guint i = 0; i < sha256s->len; i++)
    {
      const char *sha256 = g_ptr_array_index (sha256s, i);

      if (bl_attachment_files_has_object (files, sha256) ||
          bl_attachment_files_copy_from (files, backups, sha256, NULL))
        bl_attachment_files_touch (files, sha256);
      else if (!bl_attachment_repo_drop (db, id, sha256, error))
        return FALSE;
    }
  bl_activity_set_attachment_count (activity, bl_attachment_repo_count (db, id));
  return TRUE;
}
