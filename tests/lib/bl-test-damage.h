/* bl-test-damage.h: damaged ledgers, made from real ones: damage that only
 * PRAGMA integrity_check finds, and damage that quick_check finds too */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One member's name changed in the table and not in the index of names:
 * quick_check passes, integrity_check does not. The ledger at @path is
 * closed (WAL mode, no -wal beside it) and has a member named 党员007. */
void  bl_test_damage_behind_quick_check  (const char *path);
/* The root page of the table or index @name overwritten with rubbish:
 * quick_check fails, and so does any read of @name; the rest of the ledger
 * reads as before. The ledger at @path is closed. */
void  bl_test_damage_root_page           (const char *path,
                                          const char *name);
/* Whether the file at @path holds exactly @expected. */
gboolean bl_test_file_equals            (const char *path,
                                          GBytes     *expected);
/* The bytes of the file at @path. */
GBytes *bl_test_read_bytes               (const char *path);

G_END_DECLS
