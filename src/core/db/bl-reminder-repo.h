/* bl-reminder-repo.h: the reminder log kept in the ledger: what was sent
 * on which day, and what the user decided (dismissed, snoozed) */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* Notes @key as sent on @day at @sent_at ("YYYY-MM-DD HH:MM:SS"); sending
 * ends a snooze. Call inside a transaction. */
gboolean bl_reminder_repo_record_sent (BlDb         *db,
                                       const char   *key,
                                       const char   *day,
                                       const char   *sent_at,
                                       const char   *summary,
                                       GError      **error);
gboolean bl_reminder_repo_was_sent    (BlDb         *db,
                                       const char   *key,
                                       const char   *day);
gboolean bl_reminder_repo_ever_sent   (BlDb         *db,
                                       const char   *key);
/* The dismissed flag and the snooze time ("YYYY-MM-DD HH:MM", or NULL). */
void     bl_reminder_repo_get_state   (BlDb         *db,
                                       const char   *key,
                                       gboolean     *dismissed,
                                       char        **snoozed_until);
gboolean bl_reminder_repo_dismiss     (BlDb         *db,
                                       const char   *key,
                                       GError      **error);
gboolean bl_reminder_repo_snooze      (BlDb         *db,
                                       const char   *key,
                                       const char   *until,
                                       GError      **error);

G_END_DECLS
