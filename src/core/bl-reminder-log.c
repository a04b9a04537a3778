/* bl-reminder-log.c: what reminders were sent, snoozed or dismissed, kept in
 * the ledger (tables reminder_log and reminder_state) */
#include "config.h"

#include "bl-reminders.h"
#include "bl-store-private.h"

/* Statements are cached by the store: leave each one reset and unbound. */
static void
finish (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
step_done (BlStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      bl_store_set_sql_error (store, error);
      finish (stmt);
      return FALSE;
    }
  finish (stmt);
  return TRUE;
}

gboolean
bl_reminder_log_record_sent (BlStore    *store,
                             GPtrArray  *reminders,
                             const char *day,
                             const char *sent_at,
                             GError    **error)
{
  sqlite3_stmt *log_stmt;
  sqlite3_stmt *state_stmt;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminders != NULL && day != NULL && sent_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reminders->len == 0)
    return TRUE;

  if (!bl_store_begin (store, error))
    return FALSE;

  log_stmt = bl_store_prepare (store,
                               "INSERT OR REPLACE INTO reminder_log (key, day, sent_at, summary) "
                               "VALUES (?1, ?2, ?3, ?4)", error);
  /* Sending ends a snooze. */
  state_stmt = log_stmt == NULL ? NULL :
               bl_store_prepare (store, "UPDATE reminder_state SET snoozed_until = NULL WHERE key = ?1", error);
  if (log_stmt == NULL || state_stmt == NULL)
    {
      bl_store_rollback (store);
      return FALSE;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      const BlReminder *reminder = g_ptr_array_index (reminders, i);

      sqlite3_bind_text (log_stmt, 1, reminder->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (log_stmt, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (log_stmt, 3, sent_at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (log_stmt, 4, reminder->title != NULL ? reminder->title : "", -1, SQLITE_TRANSIENT);
      if (!step_done (store, log_stmt, error))
        {
          bl_store_rollback (store);
          return FALSE;
        }
      sqlite3_bind_text (state_stmt, 1, reminder->key, -1, SQLITE_TRANSIENT);
      if (!step_done (store, state_stmt, error))
        {
          bl_store_rollback (store);
          return FALSE;
        }
    }

  return bl_store_commit (store, error);
}

gboolean
bl_reminder_log_was_sent (BlStore    *store,
                          const char *key,
                          const char *day)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && day != NULL, FALSE);

  return bl_store_has_row (store, "SELECT 1 FROM reminder_log WHERE key = ?1 AND day = ?2", key, day);
}

gboolean
bl_reminder_log_ever_sent (BlStore    *store,
                           const char *key)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return bl_store_has_row (store, "SELECT 1 FROM reminder_log WHERE key = ?1 LIMIT 1", key, NULL);
}

void
bl_reminder_log_get_state (BlStore     *store,
                           const char  *key,
                           gboolean    *dismissed,
                           char       **snoozed_until)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (BL_IS_STORE (store));
  g_return_if_fail (key != NULL);

  if (dismissed != NULL)
    *dismissed = FALSE;
  if (snoozed_until != NULL)
    *snoozed_until = NULL;

  stmt = bl_store_prepare (store, "SELECT dismissed, snoozed_until FROM reminder_state WHERE key = ?1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (dismissed != NULL)
        *dismissed = sqlite3_column_int (stmt, 0) != 0;
      if (snoozed_until != NULL && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *snoozed_until = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  finish (stmt);
}

gboolean
bl_reminder_log_dismiss (BlStore    *store,
                         const char *key,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bl_store_begin (store, error))
    return FALSE;
  stmt = bl_store_prepare (store,
                           "INSERT INTO reminder_state (key, dismissed) VALUES (?1, 1) "
                           "ON CONFLICT (key) DO UPDATE SET dismissed = 1", error);
  if (stmt == NULL)
    {
      bl_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return bl_store_commit (store, error);
}

gboolean
bl_reminder_log_snooze (BlStore    *store,
                        const char *key,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *until_text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  until = g_date_time_add_days (now, 1);
  until_text = g_date_time_format (until, "%Y-%m-%d %H:%M");

  if (!bl_store_begin (store, error))
    return FALSE;
  stmt = bl_store_prepare (store,
                           "INSERT INTO reminder_state (key, snoozed_until) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET snoozed_until = ?2", error);
  if (stmt == NULL)
    {
      bl_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until_text, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return bl_store_commit (store, error);
}
