/* bl-store-members.c: the store's member records beyond a plain save: the
 * secretary, who holds a role, who is expected at a meeting, transfers out
 * and back, deleting a member entered by mistake, party group leaders */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-store-private.h"
#include "bl-util.h"
#include "db/bl-member-repo.h"

BlMember *
bl_store_get_secretary (BlStore    *self,
                        const char *date)
{
  g_autofree char *today = NULL;
  gint64 id;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  if (date == NULL)
    date = today = bl_clock_get_today (bl_store_get_clock (self));
  id = bl_member_repo_secretary_on (bl_store_get_db (self), date);
  return id != 0 ? bl_member_repo_find (bl_store_get_db (self), id) : NULL;
}

gint64
bl_store_get_secretary_on (BlStore    *self,
                           const char *date)
{
  g_return_val_if_fail (BL_IS_STORE (self), 0);
  g_return_val_if_fail (date != NULL, 0);

  return bl_member_repo_secretary_on (bl_store_get_db (self), date);
}

guint
bl_store_count_role (BlStore      *self,
                     BlMemberRole  role)
{
  g_return_val_if_fail (BL_IS_STORE (self), 0);

  return bl_member_repo_count_role (bl_store_get_db (self), role);
}

GPtrArray *
bl_store_expected_members (BlStore    *self,
                           const char *kind,
                           const char *group,
                           const char *date)
{
  GPtrArray *result;
  gboolean by_group = g_strcmp0 (kind, BL_KIND_GROUP_MEETING) == 0;

  g_return_val_if_fail (BL_IS_STORE (self), g_ptr_array_new_with_free_func (g_object_unref));
  g_return_val_if_fail (date != NULL, g_ptr_array_new_with_free_func (g_object_unref));

  /* In the members' order: the query sorts them. */
  result = bl_member_repo_expected (bl_store_get_db (self), by_group ? bl_str_or_empty (group) : NULL,
                                    g_strcmp0 (kind, BL_KIND_COMMITTEE_MEETING) == 0, date);
  return result;
}

BlMember *
bl_store_find_member_or_error (BlStore  *self,
                               gint64    member_id,
                               GError  **error)
{
  BlMember *member = bl_store_find_member (self, member_id);

  if (member == NULL)
    g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("The member no longer exists"));
  return member;
}

gboolean
bl_store_transfer_member (BlStore     *self,
                          gint64       member_id,
                          const char  *date,
                          GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  if (!bl_store_check_date (date, error))
    return FALSE;
  return bl_store_set_transfer (self, member_id, date, NULL, error);
}

gboolean
bl_store_set_transfer (BlStore     *self,
                       gint64       member_id,
                       const char  *date,
                       const char  *destination,
                       GError     **error)
{
  g_autoptr(BlMember) member = NULL;
  const char *joined;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  member = bl_store_find_member_or_error (self, member_id, error);
  if (member == NULL || (date != NULL && !bl_store_check_date (date, error)))
    return FALSE;
  joined = bl_member_get_joined (member);
  if (date != NULL && joined != NULL && strcmp (date, joined) < 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("%s cannot be transferred out on %s, before joining on %s"),
                   bl_member_get_name (member), date, joined);
      return FALSE;
    }
  bl_member_set_status (member, BL_MEMBER_STATUS_TRANSFERRED);
  bl_member_set_transferred_on (member, date);
  if (destination != NULL)
    bl_member_set_transferred_to (member, destination);
  return bl_store_save_member (self, member, error);
}

gboolean
bl_store_undo_transfer (BlStore  *self,
                        gint64    member_id,
                        GError  **error)
{
  g_autoptr(BlMember) member = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  member = bl_store_find_member_or_error (self, member_id, error);
  if (member == NULL)
    return FALSE;
  if (bl_member_get_status (member) != BL_MEMBER_STATUS_TRANSFERRED)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("%s has not been transferred out"), bl_member_get_name (member));
      return FALSE;
    }
  bl_member_set_status (member, BL_MEMBER_STATUS_ACTIVE);
  bl_member_set_transferred_on (member, NULL);
  bl_member_set_transferred_to (member, "");
  return bl_store_save_member (self, member, error);
}

GHashTable *
bl_store_get_changed_members (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_db_get_committed_members (bl_store_get_db (self));
}

gboolean
bl_store_member_has_attendance (BlStore *self,
                                gint64   member_id)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return bl_member_repo_has_attendance (bl_store_get_db (self), member_id);
}

gboolean
bl_store_delete_member (BlStore  *self,
                        gint64    member_id,
                        GError  **error)
{
  g_autoptr(BlMember) member = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  member = bl_store_find_member_or_error (self, member_id, error);
  if (member == NULL)
    return FALSE;
  if (bl_member_repo_has_attendance (bl_store_get_db (self), member_id))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IN_USE,
                   _("%s cannot be deleted: their attendance is on record. Transfer them out instead; the records keep them."),
                   bl_member_get_name (member));
      return FALSE;
    }
  if (!bl_store_begin (self, error))
    return FALSE;
  bl_store_lists_reload_later (bl_store_get_lists (self), BL_CHANGE_MEMBERS);
  if (!bl_member_repo_delete (bl_store_get_db (self), member_id, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_store_set_group_leader (BlStore     *self,
                           const char  *group,
                           gint64       member_id,
                           const char  *since,
                           GError     **error)
{
  g_autoptr(BlMember) member = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (group != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (since != NULL && !bl_store_check_date (since, error))
    return FALSE;
  if (member_id != 0)
    {
      member = bl_store_find_member_or_error (self, member_id, error);
      if (member == NULL)
        return FALSE;
      if (bl_member_get_status (member) != BL_MEMBER_STATUS_ACTIVE)
        {
          g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                       _("%s has been transferred out and cannot lead a party group"), bl_member_get_name (member));
          return FALSE;
        }
      if (g_strcmp0 (bl_member_get_group (member), group) != 0)
        {
          g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                       _("%s is not in the party group “%s”: a group is led by one of its members"),
                       bl_member_get_name (member), group);
          return FALSE;
        }
    }

  today = bl_clock_get_today (bl_store_get_clock (self));
  if (!bl_store_begin (self, error))
    return FALSE;
  /* The leader before and the leader after both change. */
  bl_store_lists_reload_later (bl_store_get_lists (self), BL_CHANGE_MEMBERS);
  if (!bl_member_repo_set_group_leader (bl_store_get_db (self), group, member_id, since, today, error) ||
      !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

BlMember *
bl_store_get_group_leader_on (BlStore    *self,
                              const char *group,
                              const char *date)
{
  gint64 id;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  if (group == NULL || *group == '\0' || date == NULL)
    return NULL;
  id = bl_member_repo_group_leader_on (bl_store_get_db (self), group, date);
  return id != 0 ? bl_member_repo_find (bl_store_get_db (self), id) : NULL;
}
