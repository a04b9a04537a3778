/* bl-test-common.h: what the tests share: temporary ledgers and files,
 * builders of members and activities */
#pragma once

#include <glib.h>
#include <stdarg.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* A new folder under the test's temporary directory; removed at exit. */
char       *bl_test_make_dir          (void);
/* Removes @path and everything under it. */
void        bl_test_remove_tree       (const char *path);
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
/* Runs the program with the arguments that follow (up to NULL), as of
 * @today (BRANCH_LEDGER_TODAY) and with its messages in @language ("C" or
 * "zh_CN"); returns its exit status. */
int         bl_test_run_as_of_valist  (const char         *today,
                                       const char         *language,
                                       char              **out,
                                       char              **err,
                                       va_list             args);
/* Adds an active member; returns its id. */
gint64      bl_test_add_member        (BlStore    *store,
                                       const char *name,
                                       const char *group,
                                       int         role);

/* An activity to save, with its kind, status, date and topic set. */
BlActivity *bl_test_activity_new      (const char       *kind,
                                       BlActivityStatus  status,
                                       const char       *date,
                                       const char       *topic);
/* Saves @activity (with @attendance, or none) and returns its id; fails the
 * test if the ledger refuses it. */
gint64      bl_test_save_activity     (BlStore          *store,
                                       BlActivity       *activity,
                                       GListModel       *attendance);
/* Adds an activity without attendance; returns its id. */
gint64      bl_test_add_activity      (BlStore          *store,
                                       const char       *kind,
                                       BlActivityStatus  status,
                                       const char       *date,
                                       const char       *topic);

G_END_DECLS
