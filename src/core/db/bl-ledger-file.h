/* bl-ledger-file.h: the ledger file: where it lives, the checks before
 * anything writes to it, its creation, migrations and daily backups */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* Backups kept in backups/ beside the ledger. */
#define BL_LEDGER_FILE_BACKUPS_KEPT 14

/* $XDG_DATA_HOME/branch-ledger/ledger.db, or $BRANCH_LEDGER_DB when set. */
char    *bl_ledger_file_default_path (void);
/* backups/ beside the ledger at @path. */
char    *bl_ledger_file_backup_dir   (const char  *path);

/* Opens the ledger at @path (made absolute), creating it when missing with
 * mode 0600 in a folder of mode 0700. An existing file is first checked on a
 * read-only connection: one that is not a ledger, is damaged or was written
 * by a newer version is refused and left byte for byte as it was. The first
 * open on @today ("YYYY-MM-DD") copies it into the backups folder; then it
 * is migrated to the newest format and put in WAL mode. */
BlDb    *bl_ledger_file_open         (const char  *path,
                                      const char  *today,
                                      GError     **error);

G_END_DECLS
