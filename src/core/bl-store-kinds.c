/* bl-store-kinds.c: the ledger's party groups and kinds of activity (the
 * BlStore API declared in bl-store.h) */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-kind.h"
#include "bl-store-private.h"
#include "db/bl-kind-repo.h"
#include "db/bl-member-repo.h"

/* Groups */

GStrv
bl_store_list_groups (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_member_repo_list_groups (bl_store_get_db (self));
}

gboolean
bl_store_has_group (BlStore    *self,
                    const char *name)
{
  gint64 id;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return bl_member_repo_group_id (bl_store_get_db (self), name, FALSE, &id, NULL) && id != 0;
}

gboolean
bl_store_ensure_group (BlStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A party group needs a name"));
      return FALSE;
    }
  if (!bl_store_begin (self, error))
    return FALSE;
  if (!bl_member_repo_group_id (bl_store_get_db (self), clean, TRUE, &id, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Kinds */

GListModel *
bl_store_get_kinds (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_store_lists_get_kinds (bl_store_get_lists (self));
}

gboolean
bl_store_add_kind (BlStore     *self,
                   const char  *id,
                   const char  *name,
                   GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && name != NULL, FALSE);

  if (*id == '\0' || *name == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A kind of activity needs an id and a name"));
      return FALSE;
    }
  if (bl_kind_is_builtin_id (id))
    return TRUE;

  if (!bl_store_begin (self, error))
    return FALSE;
  bl_store_lists_reload_later (bl_store_get_lists (self), BL_CHANGE_KINDS);
  if (!bl_kind_repo_add (bl_store_get_db (self), id, name, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Asked of the table, not the kinds list, which follows only at the
 * outermost commit. */
gboolean
bl_store_has_kind (BlStore    *self,
                   const char *id)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return bl_kind_repo_has (bl_store_get_db (self), id);
}

const char *
bl_store_get_kind_name (BlStore    *self,
                        const char *id)
{
  BlKind *kind;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  kind = bl_store_lists_find_kind (bl_store_get_lists (self), id);
  return kind != NULL ? bl_kind_get_name (kind) : id;
}

const char *
bl_store_lookup_kind (BlStore    *self,
                      const char *id_or_name)
{
  g_autofree char *stored = NULL;
  guint n;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  if (id_or_name == NULL || *id_or_name == '\0')
    return NULL;

  n = g_list_model_get_n_items (bl_store_lists_get_kinds (bl_store_get_lists (self)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (bl_store_lists_get_kinds (bl_store_get_lists (self)), i);
      const char *id = bl_kind_get_id (kind);

      if (g_str_equal (id, id_or_name) ||
          g_strcmp0 (bl_kind_get_name (kind), id_or_name) == 0 ||
          g_strcmp0 (bl_kind_builtin_chinese_name (id), id_or_name) == 0 ||
          (bl_kind_builtin_english_name (id) != NULL &&
           g_ascii_strcasecmp (bl_kind_builtin_english_name (id), id_or_name) == 0))
        return id;
    }
  /* Custom kinds added inside a transaction that has not committed yet. */
  stored = bl_kind_repo_find_id (bl_store_get_db (self), id_or_name);
  if (stored != NULL)
    return g_intern_string (stored);
  /* Names the paper record and platforms also use. */
  if (g_str_equal (id_or_name, "党员大会"))
    return BL_KIND_GENERAL_MEETING;
  if (g_str_equal (id_or_name, "支委会") || g_str_equal (id_or_name, "支部委员会会议"))
    return BL_KIND_COMMITTEE_MEETING;
  if (g_str_equal (id_or_name, "中心组学习"))
    return BL_KIND_STUDY_SESSION;
  return NULL;
}
