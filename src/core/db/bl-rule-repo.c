/* bl-rule-repo.c: rule packs kept in the ledger: imported packs' text,
 * which packs are enabled, which single rules are switched off */
#include "config.h"

#include "bl-db-private.h"
#include "bl-rule-repo.h"

static GPtrArray *
list_texts (BlDb        *db,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = bl_db_prepare (db, sql, error);

  if (stmt == NULL || !bl_db_collect_texts (db, stmt, texts, error))
    return NULL;
  return g_steal_pointer (&texts);
}

GPtrArray *
bl_rule_repo_list_imported (BlDb    *db,
                            GError **error)
{
  return list_texts (db, "SELECT id FROM rule_pack ORDER BY id", error);
}

gboolean
bl_rule_repo_get_content (BlDb        *db,
                          const char  *pack_id,
                          char       **content,
                          GError     **error)
{
  return bl_db_query_text (db, "SELECT content FROM rule_pack WHERE id = ?1", pack_id, content, error);
}

gboolean
bl_rule_repo_save_pack (BlDb        *db,
                        const char  *pack_id,
                        const char  *name,
                        const char  *content,
                        gsize        length,
                        GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "INSERT OR REPLACE INTO rule_pack (id, name, content, imported)"
                                      " VALUES (?1, ?2, ?3, datetime('now'))", error);

  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, pack_id);
  bl_db_bind_text (stmt, 2, name);
  sqlite3_bind_text (stmt, 3, content, (int) length, SQLITE_TRANSIENT);
  if (!bl_db_step_done (db, stmt, error))
    return FALSE;
  bl_db_note_change (db, BL_CHANGE_RULES);
  return TRUE;
}

GPtrArray *
bl_rule_repo_list_enabled (BlDb    *db,
                           GError **error)
{
  return list_texts (db, "SELECT pack_id FROM rule_pack_enabled", error);
}

gboolean
bl_rule_repo_is_pack_enabled (BlDb       *db,
                              const char *pack_id)
{
  return bl_db_has_row (db, "SELECT 1 FROM rule_pack_enabled WHERE pack_id = ?1", pack_id, NULL);
}

gboolean
bl_rule_repo_set_pack_enabled (BlDb        *db,
                               const char  *pack_id,
                               gboolean     enabled,
                               GError     **error)
{
  return bl_db_run_change (db, BL_CHANGE_RULES,
                           enabled ? "INSERT OR IGNORE INTO rule_pack_enabled (pack_id) VALUES (?1)"
                                   : "DELETE FROM rule_pack_enabled WHERE pack_id = ?1",
                           pack_id, NULL, error);
}

GPtrArray *
bl_rule_repo_list_disabled (BlDb    *db,
                            GError **error)
{
  return list_texts (db, "SELECT rule_id FROM rule_disabled", error);
}

gboolean
bl_rule_repo_is_rule_disabled (BlDb       *db,
                               const char *rule_id)
{
  return bl_db_has_row (db, "SELECT 1 FROM rule_disabled WHERE rule_id = ?1", rule_id, NULL);
}

gboolean
bl_rule_repo_set_rule_enabled (BlDb        *db,
                               const char  *rule_id,
                               gboolean     enabled,
                               GError     **error)
{
  return bl_db_run_change (db, BL_CHANGE_RULES,
                           enabled ? "DELETE FROM rule_disabled WHERE rule_id = ?1"
                                   : "INSERT OR IGNORE INTO rule_disabled (rule_id) VALUES (?1)",
                           rule_id, NULL, error);
}
