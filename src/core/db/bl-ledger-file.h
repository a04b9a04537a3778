/* bl-ledger-file.h: the ledger file: where it lives, the checks before
 * anything writes to it, its creation, migrations and daily backups */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* Backups kept in backups/ beside the ledger. */
#define BL_LEDGER_FILE_BACKUPS_KEPT 14

/* The setting that holds the day of the last PRAGMA integrity_check passed. */
#define BL_LEDGER_FILE_CHECKED_ON "integrity-checked-on"

/* $XDG_DATA_HOME/branch-ledger/ledger.db, or $BRANCH_LEDGER_DB when set. */
char    *bl_ledger_file_default_path (void);
/* backups/ beside the ledger at @path. */
char    *bl_ledger_file_backup_dir   (const char  *path);

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

G_END_DECLS
