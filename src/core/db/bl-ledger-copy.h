/* bl-ledger-copy.h: replacing a ledger's whole content with another's,
 * through SQLite (for the sample ledger, rebuilt each time it is tried) */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* Copies the ledger open in @from over the database file at @to, page by
 * page with SQLite's backup API, in one step under SQLite's locks: a -wal
 * or -shm beside @to is SQLite's to read and retire, never mixed with the
 * new content. A file at @to that is no database is refused
 * (BL_STORE_ERROR_NOT_A_LEDGER or _CORRUPT) and left as it was. */
gboolean bl_ledger_copy_over (BlDb        *from,
                              const char  *to,
                              GError     **error);

G_END_DECLS
