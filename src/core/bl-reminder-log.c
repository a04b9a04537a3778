/* bl-reminder-log.c: what reminders were sent, snoozed or dismissed, kept in
 * the ledger (the SQL is in db/bl-reminder-repo.c) */
#include "config.h"

#include "bl-reminders.h"
#include "db/bl-reminder-repo.h"

gboolean
bl_reminder_log_record_sent (BlStore    *store,
                             GPtrArray  *reminders,
                             const char *day,
                             const char *sent_at,
                             GError    **error)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminders != NULL && day != NULL && sent_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reminders->len == 0)
    return TRUE;

  if (!bl_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < reminders->len; i++)
    {
      const BlReminder *reminder = g_ptr_array_index (reminders, i);

      if (!bl_reminder_repo_record_sent (bl_store_get_db (store), reminder->key, day, sent_at,
                                         reminder->title, error))
        {
          bl_store_rollback (store);
          return FALSE;
        }
    }
  if (!bl_store_commit (store, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_reminder_log_was_sent (BlStore    *store,
                          const char *key,
                          const char *day)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && day != NULL, FALSE);

  return bl_reminder_repo_was_sent (bl_store_get_db (store), key, day);
}

gboolean
bl_reminder_log_ever_sent (BlStore    *store,
                           const char *key)
{
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return bl_reminder_repo_ever_sent (bl_store_get_db (store), key);
}

void
bl_reminder_log_get_state (BlStore     *store,
                           const char  *key,
                           gboolean    *dismissed,
                           char       **snoozed_until)
{
  g_return_if_fail (BL_IS_STORE (store));
  g_return_if_fail (key != NULL);

  bl_reminder_repo_get_state (bl_store_get_db (store), key, dismissed, snoozed_until);
}

typedef struct {
  const char *key;
  const char *until;  /* NULL: dismiss */
} StateChange;

static gboolean
write_state (BlDb      *db,
             gpointer   data,
             GError   **error)
{
  StateChange *change = data;

  return change->until == NULL ? bl_reminder_repo_dismiss (db, change->key, error)
                               : bl_reminder_repo_snooze (db, change->key, change->until, error);
}

gboolean
bl_reminder_log_dismiss (BlStore    *store,
                         const char *key,
                         GError    **error)
{
  StateChange change = { key, NULL };

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return bl_db_write (bl_store_get_db (store), write_state, &change, error);
}

gboolean
bl_reminder_log_snooze (BlStore    *store,
                        const char *key,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *until_text = NULL;
  StateChange change;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  until = g_date_time_add_days (now, 1);
  until_text = g_date_time_format (until, "%Y-%m-%d %H:%M");
  change = (StateChange) { key, until_text };
  return bl_db_write (bl_store_get_db (store), write_state, &change, error);
}
