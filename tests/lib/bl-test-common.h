/* bl-test-common.h: what the tests share: temporary ledgers and files */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* A new folder under the test's temporary directory; removed at exit. */
char       *bl_test_make_dir          (void);
/* A new ledger in its own temporary folder. */
BlStore    *bl_test_store_new         (void);
/* Writes @contents to NAME in a fresh temporary folder and returns its path. */
char       *bl_test_write_file        (const char *name,
                                       const char *contents);
/* The program under test ($BRANCH_LEDGER_BIN). */
const char *bl_test_program           (void);
/* Runs the program with @argv (NULL-terminated, without argv[0]); returns the exit status. */
int         bl_test_run_program       (const char * const *argv,
                                       char              **out,
                                       char              **err);
/* Adds an active member; returns its id. */
gint64      bl_test_add_member        (BlStore    *store,
                                       const char *name,
                                       const char *group,
                                       int         role);

G_END_DECLS
