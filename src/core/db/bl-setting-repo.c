/* bl-setting-repo.c: key/value settings kept in the ledger */
#include "config.h"

#include "bl-db-private.h"
#include "bl-setting-repo.h"

char *
bl_setting_repo_get (BlDb       *db,
                     const char *key)
{
  char *value = NULL;

  if (!bl_db_query_text (db, "SELECT value FROM setting WHERE key = ?1", key, &value, NULL))
    return NULL;
  return value;
}

gboolean
bl_setting_repo_set (BlDb        *db,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (value != NULL)
    stmt = bl_db_prepare (db, "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  else
    stmt = bl_db_prepare (db, "DELETE FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, key);
  if (value != NULL)
    bl_db_bind_text (stmt, 2, value);
  if (!bl_db_step_done (db, stmt, error))
    return FALSE;
  bl_db_note_change (db, BL_CHANGE_SETTINGS);
  return TRUE;
}
