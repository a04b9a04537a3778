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
  return bl_db_run_change (db, BL_CHANGE_SETTINGS,
                           value != NULL ? "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                                         : "DELETE FROM setting WHERE key = ?1",
                           key, value, error);
}
