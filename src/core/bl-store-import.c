/* bl-store-import.c: the store's API for imports and exports of thousands
 * of rows: a bulk transaction, the attendance index made again at its end,
 * the activities already there as keys, members as the file holds them,
 * activities saved with their attendance as plain rows, and every activity
 * read in turn with its own */
#include "config.h"

#include "bl-store-private.h"
#include "db/bl-activity-repo.h"
#include "db/bl-activity-stream.h"
#include "db/bl-db.h"
#include "db/bl-member-repo.h"

gboolean
bl_store_defer_attendance_index (BlStore  *self,
                                 GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return bl_activity_repo_defer_member_index (bl_store_get_db (self), error);
}

void
bl_store_check_keys_at_commit (BlStore *self)
{
  g_return_if_fail (BL_IS_STORE (self));

  bl_db_check_keys_at_commit (bl_store_get_db (self));
}

guint
bl_store_count_activities (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), 0);

  return bl_activity_repo_count (bl_store_get_db (self));
}

void
bl_store_set_bulk (BlStore  *self,
                   gboolean  bulk)
{
  g_return_if_fail (BL_IS_STORE (self));

  bl_db_set_bulk (bl_store_get_db (self), bulk);
}

GPtrArray *
bl_store_list_members (BlStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_member_repo_list (bl_store_get_db (self), error);
}

gboolean
bl_store_save_activity_marks (BlStore                 *self,
                              BlActivity              *activity,
                              const BlAttendanceMark  *marks,
                              guint                    n_marks,
                              GError                 **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (marks != NULL || n_marks == 0, FALSE);

  return bl_store_save_activity_as (self, activity, NULL, marks, n_marks, error);
}

char *
bl_store_activity_key (const char *kind,
                       const char *date,
                       const char *start_time,
                       const char *topic)
{
  return bl_activity_repo_key (kind, date, start_time, topic);
}

GHashTable *
bl_store_list_activity_keys (BlStore     *self,
                             GHashTable **ids,
                             GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (BL_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  if (!bl_activity_repo_list_keys (bl_store_get_db (self), keys, numbers, error))
    return NULL;
  *ids = g_steal_pointer (&numbers);
  return g_steal_pointer (&keys);
}

gboolean
bl_store_foreach_activity (BlStore              *self,
                           const char           *from,
                           const char           *to,
                           BlActivityMarksFunc   func,
                           gpointer              user_data,
                           GError              **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return bl_activity_stream_foreach (bl_store_get_db (self), from, to, func, user_data, error);
}
