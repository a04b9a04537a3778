/* bl-attachment-backup.h: the attachments in the daily backups. Every
 * backup of the ledger shares one folder of content files
 * (backups/<name>-attachments/, the layout of bl-attachment-files.h): a
 * file is copied there once, the first day a backup names it, and goes when
 * no kept backup names it any more. */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* The backups' folder of content files for the ledger at @ledger_path. */
char     *bl_attachment_backup_dir          (const char  *ledger_path);

/* Run by the daily backup (bl_ledger_backup_daily()) once the ledger's copy
 * is written and the old copies pruned: copies into the backups' folder the
 * content files it lacks that the ledger, a kept backup or a copy kept aside
 * (every backups/<name>-….db) names, each checked against its SHA-256;
 * removes from it what none of them names; and collects the ledger's own
 * files that no row has named for a day. */
gboolean  bl_attachment_backup_run          (BlDb        *db,
                                             GError     **error);

/* Copies back from the backups' folder the content files the ledger names
 * but its folder lacks (after a backup was copied over the ledger). Returns
 * how many are still missing. */
guint     bl_attachment_backup_restore_missing (BlDb     *db,
                                             GError     **error);

G_END_DECLS
