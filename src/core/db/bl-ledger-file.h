/* bl-ledger-file.h: the ledger file: where it lives, the checks before
 * anything writes to it, its creation, migrations and daily backups */
#pragma once

#include "bl-db.h"
#include "bl-ledger-check.h"

G_BEGIN_DECLS

/* Backups kept in backups/ beside the ledger. */
#define BL_LEDGER_FILE_BACKUPS_KEPT 14

/* The setting that holds the day of the last PRAGMA integrity_check passed. */
#define BL_LEDGER_FILE_CHECKED_ON "integrity-checked-on"

/* $XDG_DATA_HOME/branch-ledger/ledger.db, or $BRANCH_LEDGER_DB when set. */
char    *bl_ledger_file_default_path (void);
/* backups/ beside the ledger at @path. */
char    *bl_ledger_file_backup_dir   (const char  *path);
/* The ledger's file name less its extension (ledger.db → "ledger"): what
 * its backups and its attachments folder are named after. */
char    *bl_ledger_file_stem         (const char  *path);

/* Opens the ledger at @path (made absolute; a symbolic link is followed to
 * its file). A missing (or empty) file is created whole: written under
 * another name beside it, mode 0600 in a folder of mode 0700, then renamed,
 * so that no kill leaves half a ledger. An existing file is first checked on
 * a read-only connection that creates nothing beside it: one that is not a
 * ledger, is damaged or was written by a newer version is refused and left
 * byte for byte as it was, and so is anything that is not a regular file.
 * A -wal that SQLite would not replay whole is copied into the backups folder
 * before anything touches the ledger. Once a day (the day stored in the
 * ledger) PRAGMA integrity_check runs; a ledger that fails it, or that cannot
 * be written (a read-only file or folder), opens read-only; otherwise the
 * daily backup is made, the ledger migrated to the newest format and put in
 * WAL mode. Group and other permissions are taken off the ledger and its
 * companions. What the person should know (the ledger opened read-only, a
 * log kept aside, permissions tightened) is added to @notices as sentences
 * in their language, when @notices is not NULL. */
BlDb    *bl_ledger_file_open         (const char  *path,
                                      const char  *today,
                                      GPtrArray   *notices,
                                      GError     **error);

/* The same for a window, which paints before the file's contents are
 * checked. What is cheap is done here as bl_ledger_file_open() does it (the
 * file resolved, created when missing, a damaged log kept aside, refused
 * when it is no ledger this version reads). When it is an existing ledger
 * of this format that can be written, the connection returned is a
 * read-only one (bl_db_open_unchecked()) and *@check is set, not started:
 * its checks (PRAGMA quick_check, the day's integrity_check, then the daily
 * backup) run in a worker thread, and bl_ledger_check_apply() puts their
 * outcome into the connection. Otherwise (a new ledger, one that cannot be written,
 * one to be updated to this format) it is opened as bl_ledger_file_open()
 * opens it, checked first, and *@check is NULL. */
BlDb    *bl_ledger_file_open_deferred (const char     *path,
                                       const char     *today,
                                       GPtrArray      *notices,
                                       BlLedgerCheck **check,
                                       GError        **error);

/* For the files of src/core/db. */

/* Makes @path absolute and follows a symbolic link to its file; refuses a
 * dangling or looping link, a folder, and anything but a regular file, in
 * words that say what it is. A missing file is fine when @may_be_missing
 * (*@exists FALSE). */
gboolean bl_ledger_file_resolve      (const char  *path,
                                      gboolean     may_be_missing,
                                      char       **resolved,
                                      gboolean    *exists,
                                      GError     **error);
/* Checks the ledger file at @path read-only, creating nothing beside it: a
 * ledger of this or an older format that passes PRAGMA quick_check, and
 * PRAGMA integrity_check too when @full. */
gboolean bl_ledger_file_check        (const char  *path,
                                      gboolean     full,
                                      GError     **error);
/* The newest of the ledger's daily backups that passes the full check, or NULL. */
char    *bl_ledger_file_newest_good_backup (const char *path);
/* What to do with the damaged ledger at @path, as a sentence: the newest
 * backup that is whole. @running (may be NULL) can interrupt the checks. */
char    *bl_ledger_file_restore_advice (const char    *path,
                                        BlLedgerCheck *running);
/* Why the file at @path is refused, from what its check found
 * (@check_error): for a damaged file, with the backup to restore instead. */
void     bl_ledger_file_refuse       (const char    *path,
                                      const GError  *check_error,
                                      BlLedgerCheck *running,
                                      GError       **error);
/* After the day's integrity check passed: 应到 and 实到 counted again where
 * another tool changed the attendance (bl_activity_repo_recount()), and
 * the day stored, so that the check runs once a day; in one transaction.
 * Not fatal: the check then runs again at the next start. */
void     bl_ledger_file_store_checked_day (BlDb     *db,
                                           const char *today);
/* Whether a -wal with something in it lies beside @path. */
gboolean bl_ledger_file_has_wal      (const char  *path);
/* Takes group and other permissions off the ledger at @path and its
 * companions (and off the app's own folder); what it did goes to @notices. */
void     bl_ledger_file_tighten_permissions (const char *path,
                                        GPtrArray   *notices);
/* Opens the ledger at @path read-only, the person told why in @notices
 * (a failed integrity check, a file or folder that cannot be written); a
 * ledger of an older format (@version) is refused. */
BlDb    *bl_ledger_file_open_read_only (const char    *path,
                                        gboolean       integrity_failed,
                                        gint64         version,
                                        GPtrArray     *notices,
                                        BlLedgerCheck *running,
                                        GError       **error);

G_END_DECLS
