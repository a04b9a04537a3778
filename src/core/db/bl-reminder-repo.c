/* bl-reminder-repo.c: the reminder log kept in the ledger (tables
 * reminder_log and reminder_state) */
#include "config.h"

#include "bl-db-private.h"
#include "bl-reminder-repo.h"

gboolean
bl_reminder_repo_record_sent (BlDb        *db,
                              const char  *key,
                              const char  *day,
                              const char  *sent_at,
                              const char  *summary,
                              GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "INSERT OR REPLACE INTO reminder_log (key, day, sent_at, summary) "
                                      "VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, key);
  bl_db_bind_text (stmt, 2, day);
  bl_db_bind_text (stmt, 3, sent_at);
  bl_db_bind_text (stmt, 4, summary != NULL ? summary : "");
  if (!bl_db_step_done (db, stmt, error))
    return FALSE;

  /* Sending ends a snooze. */
  return bl_db_run_change (db, BL_CHANGE_REMINDER_LOG,
                           "UPDATE reminder_state SET snoozed_until = NULL WHERE key = ?1", key, NULL, error);
}

gboolean
bl_reminder_repo_was_sent (BlDb       *db,
                           const char *key,
                           const char *day)
{
  return bl_db_has_row (db, "SELECT 1 FROM reminder_log WHERE key = ?1 AND day = ?2", key, day);
}

gboolean
bl_reminder_repo_ever_sent (BlDb       *db,
                            const char *key)
{
  return bl_db_has_row (db, "SELECT 1 FROM reminder_log WHERE key = ?1 LIMIT 1", key, NULL);
}

void
bl_reminder_repo_get_state (BlDb        *db,
                            const char  *key,
                            gboolean    *dismissed,
                            char       **snoozed_until)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT dismissed, snoozed_until FROM reminder_state WHERE key = ?1", NULL);

  if (dismissed != NULL)
    *dismissed = FALSE;
  if (snoozed_until != NULL)
    *snoozed_until = NULL;
  if (stmt == NULL)
    return;
  bl_db_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (dismissed != NULL)
        *dismissed = sqlite3_column_int (stmt, 0) != 0;
      if (snoozed_until != NULL && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *snoozed_until = g_strdup (bl_db_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
}

gboolean
bl_reminder_repo_dismiss (BlDb        *db,
                          const char  *key,
                          GError     **error)
{
  return bl_db_run_change (db, BL_CHANGE_REMINDER_LOG,
                           "INSERT INTO reminder_state (key, dismissed) VALUES (?1, 1) "
                           "ON CONFLICT (key) DO UPDATE SET dismissed = 1",
                           key, NULL, error);
}

gboolean
bl_reminder_repo_snooze (BlDb        *db,
                         const char  *key,
                         const char  *until,
                         GError     **error)
{
  return bl_db_run_change (db, BL_CHANGE_REMINDER_LOG,
                           "INSERT INTO reminder_state (key, snoozed_until) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET snoozed_until = ?2",
                           key, until, error);
}
