/* bl-rules.c: the rules in force in a ledger: which packs are enabled,
 * which rules are switched off, packs imported into it */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-rules.h"
#include "db/bl-rule-repo.h"

#define PACK_GROUP "Pack"

void
bl_rule_pack_info_free (BlRulePackInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->name);
  g_free (info->years);
  g_free (info);
}

static BlRulePack *load_pack (BlStore *store, const char *pack_id, GError **error);

static GPtrArray *known_pack_ids (BlStore *store, GError **error);

GHashTable *
bl_rules_rule_ids_except (BlStore    *store,
                          const char *except_pack)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) pack_ids = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  pack_ids = known_pack_ids (store, NULL);
  if (pack_ids == NULL)
    pack_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pack_ids->len; i++)
    {
      const char *id = g_ptr_array_index (pack_ids, i);
      g_autoptr(BlRulePack) pack = NULL;

      if (g_strcmp0 (id, except_pack) == 0)
        continue;
      pack = load_pack (store, id, NULL);
      if (pack == NULL)
        continue;
      for (guint r = 0; r < pack->rules->len; r++)
        {
          BlRule *rule = g_ptr_array_index (pack->rules, r);

          if (!g_hash_table_contains (ids, rule->id))
            g_hash_table_insert (ids, g_strdup (rule->id), g_strdup (pack->id));
        }
    }
  return g_steal_pointer (&ids);
}

/* A pack by id: built-in, or imported into the ledger. NULL (error unset)
 * when no pack has that id. */
static BlRulePack *
load_pack (BlStore     *store,
           const char  *pack_id,
           GError     **error)
{
  g_autofree char *content = NULL;
  g_autofree char *file = NULL;

  if (g_strv_contains (bl_rules_builtin_pack_ids (), pack_id))
    return bl_rules_load_builtin_pack (pack_id, error);

  if (!bl_rule_repo_get_content (bl_store_get_db (store), pack_id, &content, error) || content == NULL)
    return NULL;

  file = g_strconcat (pack_id, ".ini", NULL);
  return bl_rule_pack_read (file, content, strlen (content), store, FALSE, error);
}

static GPtrArray *
known_pack_ids (BlStore  *store,
                GError  **error)
{
  const char * const *builtin = bl_rules_builtin_pack_ids ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) imported = bl_rule_repo_list_imported (bl_store_get_db (store), error);

  if (imported == NULL)
    return NULL;
  for (guint i = 0; builtin[i] != NULL; i++)
    g_ptr_array_add (ids, g_strdup (builtin[i]));
  for (guint i = 0; i < imported->len; i++)
    if (!g_strv_contains (builtin, g_ptr_array_index (imported, i)))
      g_ptr_array_add (ids, g_strdup (g_ptr_array_index (imported, i)));
  return g_steal_pointer (&ids);
}

static gboolean
is_pack_enabled (BlStore    *store,
                 const char *pack_id)
{
  return bl_rule_repo_is_pack_enabled (bl_store_get_db (store), pack_id);
}

gboolean
bl_rules_is_rule_disabled (BlStore    *store,
                           const char *rule_id)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  return bl_rule_repo_is_rule_disabled (bl_store_get_db (store), rule_id);
}

gboolean
bl_rules_pack_exists (BlStore    *store,
                      const char *pack_id)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);

  ids = known_pack_ids (store, NULL);
  return ids != NULL && g_ptr_array_find_with_equal_func (ids, pack_id, g_str_equal, NULL);
}

GPtrArray *
bl_rules_list_packs (BlStore  *store,
                     GError  **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_rule_pack_info_free);

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ids = known_pack_ids (store, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(BlRulePack) pack = NULL;
      BlRulePackInfo *info;

      pack = load_pack (store, id, error);
      if (pack == NULL)
        {
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      info = g_new0 (BlRulePackInfo, 1);
      info->id = g_strdup (id);
      info->name = g_strdup (pack->name);
      info->builtin = g_strv_contains (bl_rules_builtin_pack_ids (), id);
      info->enabled = is_pack_enabled (store, id);
      info->first_year = pack->first_year;
      info->last_year = pack->last_year;
      info->years = bl_rule_pack_years_display (pack->first_year, pack->last_year);
      g_ptr_array_add (infos, info);
    }
  return g_steal_pointer (&infos);
}

/* Enabling a pack adds its kinds and turns on all of its rules, so that
 * "--rules standard" always means the whole standard set. */
static gboolean
enable_pack_in_transaction (BlStore     *store,
                            BlRulePack  *pack,
                            GError     **error)
{
  for (guint i = 0; pack->kind_ids[i] != NULL; i++)
    if (!bl_store_has_kind (store, pack->kind_ids[i]) &&
        !bl_store_add_kind (store, pack->kind_ids[i], pack->kind_names[i], error))
      return FALSE;

  if (!bl_rule_repo_set_pack_enabled (bl_store_get_db (store), pack->id, TRUE, error))
    return FALSE;
  for (guint i = 0; i < pack->rules->len; i++)
    {
      BlRule *rule = g_ptr_array_index (pack->rules, i);

      if (!bl_rule_repo_set_rule_enabled (bl_store_get_db (store), rule->id, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bl_rules_set_pack_enabled (BlStore     *store,
                           const char  *pack_id,
                           gboolean     enabled,
                           GError     **error)
{
  g_autoptr(BlRulePack) pack = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pack = load_pack (store, pack_id, &local_error);
  if (pack == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BL_RULES_ERROR, BL_RULES_ERROR_UNKNOWN,
                     _("There is no rule pack called “%s”."), pack_id);
      return FALSE;
    }

  if (!bl_store_begin (store, error))
    return FALSE;
  if ((enabled ? !enable_pack_in_transaction (store, pack, error)
               : !bl_rule_repo_set_pack_enabled (bl_store_get_db (store), pack_id, FALSE, error)) ||
      !bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

char *
bl_rules_find_rule_pack (BlStore    *store,
                         const char *rule_id)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);

  ids = known_pack_ids (store, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(BlRulePack) pack = load_pack (store, g_ptr_array_index (ids, i), NULL);

      for (guint r = 0; pack != NULL && r < pack->rules->len; r++)
        {
          BlRule *rule = g_ptr_array_index (pack->rules, r);

          if (g_strcmp0 (rule->id, rule_id) == 0)
            return g_strdup (pack->id);
        }
    }
  return NULL;
}

gboolean
bl_rules_set_rule_enabled (BlStore     *store,
                           const char  *rule_id,
                           gboolean     enabled,
                           GError     **error)
{
  g_autofree char *pack_id = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pack_id = bl_rules_find_rule_pack (store, rule_id);
  if (pack_id == NULL)
    {
      g_set_error (error, BL_RULES_ERROR, BL_RULES_ERROR_UNKNOWN,
                   _("There is no rule called “%s”."), rule_id);
      return FALSE;
    }

  if (!bl_store_begin (store, error))
    return FALSE;
  if (!bl_rule_repo_set_rule_enabled (bl_store_get_db (store), rule_id, enabled, error) ||
      !bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_rules_import_pack_file (BlStore     *store,
                           const char  *path,
                           char       **pack_id,
                           GError     **error)
{
  g_autofree char *content = NULL;
  g_autofree char *untranslated_name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BlRulePack) pack = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  gsize length;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &content, &length, &local_error))
    {
      g_set_error (error, BL_RULES_ERROR, BL_RULES_ERROR_MALFORMED,
                   _("%s: cannot read the rule pack: %s"), path, local_error->message);
      return FALSE;
    }

  pack = bl_rule_pack_read (path, content, length, store, TRUE, error);
  if (pack == NULL)
    return FALSE;

  /* The untranslated name goes into the table; people see the translated
   * one, read from the content each time. */
  if (g_key_file_load_from_data (keyfile, content, length, G_KEY_FILE_NONE, NULL))
    untranslated_name = g_key_file_get_string (keyfile, PACK_GROUP, "name", NULL);

  if (!bl_store_begin (store, error))
    return FALSE;
  if (!bl_rule_repo_save_pack (bl_store_get_db (store), pack->id,
                               untranslated_name != NULL ? g_strstrip (untranslated_name) : pack->name,
                               content, length, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  if (!enable_pack_in_transaction (store, pack, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  if (!bl_store_commit (store, error))
    return FALSE;

  if (pack_id != NULL)
    *pack_id = g_strdup (pack->id);
  return TRUE;
}

static int
compare_pack_order (gconstpointer a,
                    gconstpointer b)
{
  const char *id_a = *(const char * const *) a;
  const char *id_b = *(const char * const *) b;
  int rank_a = G_MAXINT, rank_b = G_MAXINT;

  const char * const *builtin = bl_rules_builtin_pack_ids ();

  for (int i = 0; builtin[i] != NULL; i++)
    {
      if (g_strcmp0 (builtin[i], id_a) == 0)
        rank_a = i;
      if (g_strcmp0 (builtin[i], id_b) == 0)
        rank_b = i;
    }
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return g_strcmp0 (id_a, id_b);
}

static GPtrArray *
list_rules (BlStore   *store,
            gboolean   enabled_only,
            GError   **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_rule_free);
  g_autoptr(GPtrArray) pack_ids = NULL;
  g_autoptr(GHashTable) disabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (enabled_only)
    {
      g_autoptr(GPtrArray) disabled_ids = NULL;

      pack_ids = bl_rule_repo_list_enabled (bl_store_get_db (store), error);
      if (pack_ids == NULL)
        return NULL;
      g_ptr_array_sort (pack_ids, compare_pack_order);

      disabled_ids = bl_rule_repo_list_disabled (bl_store_get_db (store), error);
      if (disabled_ids == NULL)
        return NULL;
      for (guint i = 0; i < disabled_ids->len; i++)
        g_hash_table_add (disabled, g_strdup (g_ptr_array_index (disabled_ids, i)));
    }
  else
    {
      pack_ids = known_pack_ids (store, error);
      if (pack_ids == NULL)
        return NULL;
    }

  for (guint i = 0; i < pack_ids->len; i++)
    {
      g_autoptr(BlRulePack) pack = NULL;
      g_autoptr(GError) local_error = NULL;

      /* A pack enabled in a ledger that a newer version wrote, and that this
       * version does not ship, is skipped rather than failing everything. */
      pack = load_pack (store, g_ptr_array_index (pack_ids, i), &local_error);
      if (pack == NULL)
        {
          if (local_error != NULL && local_error->domain != BL_RULES_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          continue;
        }
      /* Move the rules over; the disabled ones stay behind and die with the pack. */
      for (guint r = 0; r < pack->rules->len; r++)
        {
          BlRule *rule = g_ptr_array_index (pack->rules, r);

          if (g_hash_table_contains (disabled, rule->id))
            continue;
          g_ptr_array_add (rules, rule);
          pack->rules->pdata[r] = NULL;
        }
    }
  return g_steal_pointer (&rules);
}

GPtrArray *
bl_rules_list_enabled (BlStore  *store,
                       GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_rules (store, TRUE, error);
}

GPtrArray *
bl_rules_list_all (BlStore  *store,
                   GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_rules (store, FALSE, error);
}
