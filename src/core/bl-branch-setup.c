/* bl-branch-setup.c: setting up a new ledger */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-branch-setup.h"
#include "bl-rules.h"
#include "bl-text.h"

static gboolean
set_packs (BlStore             *store,
           const char * const  *ids,
           gboolean             enabled,
           GError             **error)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!bl_rules_set_pack_enabled (store, ids[i], enabled, error))
      return FALSE;
  return TRUE;
}

/* The secretary is the member holding 书记: the name typed at set-up is that
 * member, added when not on the list yet. A new ledger has no history, so
 * the secretary named then holds the role all along (the records imported
 * later count their party lectures as the secretary's). */
static gboolean
name_secretary (BlStore     *store,
                const char  *name,
                GError     **error)
{
  g_autoptr(BlMember) member = NULL;

  if (*name == '\0')
    return TRUE;
  member = bl_store_find_active_member (store, name);
  if (member == NULL)
    {
      member = bl_member_new (name);
      if (!bl_store_save_member (store, member, error))
        return FALSE;
    }
  if (bl_member_get_role (member) == BL_MEMBER_ROLE_SECRETARY)
    return TRUE;
  return bl_store_set_member_role (store, bl_member_get_id (member), BL_MEMBER_ROLE_SECRETARY,
                                   "1900-01-01", error);
}

gboolean
bl_branch_setup_apply (BlStore              *store,
                       const BlBranchSetup  *setup,
                       GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *secretary = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (setup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = bl_text_strip (setup->branch_name);
  secretary = bl_text_strip (setup->secretary);
  start = setup->start_date != NULL ? bl_text_strip (setup->start_date) : NULL;
  if (*name == '\0')
    {
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                           _("Enter the name of your branch, for example 星湖科技园区第一党支部."));
      return FALSE;
    }

  if (!bl_store_begin (store, error))
    return FALSE;
  if (!bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, name, error) ||
      !name_secretary (store, secretary, error) ||
      !set_packs (store, setup->packs_off, FALSE, error) ||
      !set_packs (store, setup->packs_on, TRUE, error) ||
      (start != NULL && *start != '\0' && !bl_store_set_start_date (store, start, error)) ||
      !bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
