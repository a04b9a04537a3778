/* bl-deletion.c: deleting activities so that they can be put back */
#include "config.h"

#include "bl-deletion.h"
#include "db/bl-activity-repo.h"

struct _BlDeletion
{
  GObject    parent_instance;

  BlStore   *store;
  GPtrArray *activities;  /* BlActivity*, as they were */
  GPtrArray *attendance;  /* GListModel* of BlAttendee, one per activity */
  gboolean   undone;
};

G_DEFINE_FINAL_TYPE (BlDeletion, bl_deletion, G_TYPE_OBJECT)

static void
bl_deletion_finalize (GObject *object)
{
  BlDeletion *self = BL_DELETION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);

  G_OBJECT_CLASS (bl_deletion_parent_class)->finalize (object);
}

static void
bl_deletion_class_init (BlDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_deletion_finalize;
}

static void
bl_deletion_init (BlDeletion *self)
{
  self->activities = g_ptr_array_new_with_free_func (g_object_unref);
  self->attendance = g_ptr_array_new_with_free_func (g_object_unref);
}

BlDeletion *
bl_deletion_run (BlStore       *store,
                 const gint64  *ids,
                 guint          n_ids,
                 GError       **error)
{
  g_autoptr(BlDeletion) self = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BL_TYPE_DELETION, NULL);
  self->store = g_object_ref (store);
  if (!bl_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      /* Read inside the transaction: what is kept is what is deleted. */
      BlActivity *activity = bl_store_get_activity (store, ids[i], error);
      GListModel *attendance = activity != NULL ? bl_store_load_attendance (store, ids[i], error) : NULL;

      if (attendance == NULL)
        {
          g_clear_object (&activity);
          bl_store_rollback (store);
          return NULL;
        }
      g_ptr_array_add (self->activities, activity);
      g_ptr_array_add (self->attendance, attendance);
      if (!bl_store_delete_activity (store, ids[i], error))
        {
          bl_store_rollback (store);
          return NULL;
        }
    }
  if (!bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&self);
}

guint
bl_deletion_get_n_activities (BlDeletion *self)
{
  g_return_val_if_fail (BL_IS_DELETION (self), 0);

  return self->activities->len;
}

BlActivity *
bl_deletion_get_activity (BlDeletion *self,
                          guint       index)
{
  g_return_val_if_fail (BL_IS_DELETION (self), NULL);
  g_return_val_if_fail (index < self->activities->len, NULL);

  return g_ptr_array_index (self->activities, index);
}

GListModel *
bl_deletion_get_attendance (BlDeletion *self,
                            guint       index)
{
  g_return_val_if_fail (BL_IS_DELETION (self), NULL);
  g_return_val_if_fail (index < self->attendance->len, NULL);

  return g_ptr_array_index (self->attendance, index);
}

gboolean
bl_deletion_undo (BlDeletion  *self,
                  GError     **error)
{
  g_autoptr(GPtrArray) restored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) renumbered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) renumbered_attendance = g_ptr_array_new ();

  g_return_val_if_fail (BL_IS_DELETION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->undone)
    return TRUE;
  if (!bl_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < self->activities->len; i++)
    {
      /* A copy: the deletion keeps the record as it was, its number too. */
      BlActivity *copy = bl_activity_copy (g_ptr_array_index (self->activities, i));

      /* SQLite hands the highest free number to the next new record: a
       * record saved since the delete may hold it now. Those whose number
       * is taken get new ones after the others are back (a new number
       * must not be one of theirs). */
      if (bl_activity_repo_has_id (bl_store_get_db (self->store), bl_activity_get_id (copy)))
        {
          bl_activity_set_id (copy, 0);
          g_ptr_array_add (renumbered, copy);
          g_ptr_array_add (renumbered_attendance, g_ptr_array_index (self->attendance, i));
          continue;
        }
      g_ptr_array_add (restored, copy);
      if (!bl_store_save_activity (self->store, copy, g_ptr_array_index (self->attendance, i), error))
        {
          bl_store_rollback (self->store);
          return FALSE;
        }
    }
  for (guint i = 0; i < renumbered->len; i++)
    if (!bl_store_save_activity (self->store, g_ptr_array_index (renumbered, i),
                                 g_ptr_array_index (renumbered_attendance, i), error))
      {
        bl_store_rollback (self->store);
        return FALSE;
      }
  if (!bl_store_commit (self->store, error))
    {
      bl_store_rollback (self->store);
      return FALSE;
    }
  self->undone = TRUE;
  return TRUE;
}

gboolean
bl_deletion_is_undone (BlDeletion *self)
{
  g_return_val_if_fail (BL_IS_DELETION (self), FALSE);

  return self->undone;
}
