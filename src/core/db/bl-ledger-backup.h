/* bl-ledger-backup.h: the ledger's backups: the daily copy, pruning exactly
 * this ledger's, copies kept aside before anything risky, and restoring */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* The backups of the ledger at @path (made absolute), newest day first:
 * backups/<name>-YYYY-MM-DD.db, where <name> is the ledger's file name less
 * its extension. Only names of exactly that form, with a real date, count. */
GPtrArray *bl_ledger_backup_list         (const char  *path);

/* Copies the ledger open in @db, with SQLite's backup API, to today's name
 * unless it exists, then removes all but the BL_LEDGER_FILE_BACKUPS_KEPT
 * newest: the one just made is always kept, whatever its date says (a clock
 * set back). Written 0600 under a .partial name and renamed when complete;
 * one maker at a time (a lock on the backups folder), so that two openings
 * at once make one backup. */
gboolean   bl_ledger_backup_daily        (BlDb        *db,
                                          const char  *today,
                                          GError     **error);

/* Copies the ledger file at @path and its -wal, byte for byte, into the
 * backups folder as <name>-<label>-<stamp>.db (and .db-wal), 0600. When a
 * copy of that name exists: @once returns it (the same thing kept once),
 * otherwise a number is added to the name. Returns the copy's path. */
char      *bl_ledger_backup_keep_aside   (const char  *path,
                                          const char  *label,
                                          const char  *stamp,
                                          gboolean     once,
                                          GError     **error);

/* Puts the backup @backup in place of the ledger at @path: the backup is
 * checked first (a ledger of this or an older format that passes
 * PRAGMA integrity_check); the current ledger and its -wal, if any, are kept
 * aside in the backups folder (*@kept_aside, NULL when there was none); then
 * the backup is copied beside the ledger and renamed over it, with no -wal
 * or -shm left. Fails with BL_STORE_ERROR_BUSY while another connection has
 * the ledger open. Nothing is changed when it fails. */
gboolean   bl_ledger_backup_restore      (const char  *path,
                                          const char  *backup,
                                          char       **kept_aside,
                                          GError     **error);

/* Copies @source to @dest (which must not exist) with mode 0600 and syncs
 * it; on failure nothing is left at @dest. */
gboolean   bl_ledger_backup_copy_file    (const char  *source,
                                          const char  *dest,
                                          GError     **error);

G_END_DECLS
