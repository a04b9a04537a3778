/* bl-ledger-check.h: the checks of the ledger file's contents before
 * anything writes to it (PRAGMA quick_check, the day's integrity_check),
 * and BlLedgerCheck, which runs them beside a window that already reads the
 * ledger: in a worker thread, followed by the daily backup */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

typedef enum {
  BL_LEDGER_CHECK_RUNNING,
  BL_LEDGER_CHECK_PASSED,     /* whole: read-write from now on, the day's backup made */
  BL_LEDGER_CHECK_READ_ONLY,  /* integrity_check failed: read-only, and the person told why */
  BL_LEDGER_CHECK_REFUSED,    /* damaged as quick_check sees it, or unreadable: refused */
  BL_LEDGER_CHECK_CANCELLED,
} BlLedgerCheckOutcome;

#define BL_TYPE_LEDGER_CHECK (bl_ledger_check_get_type ())
G_DECLARE_FINAL_TYPE (BlLedgerCheck, bl_ledger_check, BL, LEDGER_CHECK, GObject)

/* Checks the ledger file at @path (absolute: an existing ledger of this
 * version, which can be written) as bl_ledger_file_open() checks it before
 * it writes, on connections of its own: PRAGMA quick_check, or
 * integrity_check when it has not passed on @today; then, the file found
 * whole, the day's backup. They run in a worker thread from
 * bl_ledger_check_start() on, or at bl_ledger_check_wait() if not started
 * by then. ::done is emitted on the thread-default main context of the
 * caller once the outcome is known. */
BlLedgerCheck        *bl_ledger_check_new       (const char     *path,
                                                 const char     *today);
void                  bl_ledger_check_start     (BlLedgerCheck  *self);
/* Blocks until the outcome is known, and returns it. */
BlLedgerCheckOutcome  bl_ledger_check_wait      (BlLedgerCheck  *self);
/* Stops the worker as soon as it can (a check under way is interrupted, a
 * backup under way finished) and waits for it; ::done is not emitted after.
 * An outcome not known by then is BL_LEDGER_CHECK_CANCELLED. */
void                  bl_ledger_check_cancel    (BlLedgerCheck  *self);
/* Waits for the outcome and puts it, once, into @db, the read-only
 * connection the reading went on with (bl_db_open_unchecked()): PASSED
 * gives it the read-write connection (the day's check stored in the
 * ledger), READ_ONLY a read-only one that says why, REFUSED closes it
 * (bl_db_refuse()). What the person should know is added to @notices.
 * *@changed_elsewhere: another program wrote to the ledger since @db last
 * looked. Outside a transaction. */
BlLedgerCheckOutcome  bl_ledger_check_apply     (BlLedgerCheck  *self,
                                                 BlDb           *db,
                                                 GPtrArray      *notices,
                                                 gboolean       *changed_elsewhere);
/* Why the ledger was refused (BL_LEDGER_CHECK_REFUSED), else NULL. */
const GError         *bl_ledger_check_get_error (BlLedgerCheck  *self);

/* For the files of src/core/db. */

typedef enum {
  BL_CHECK_IDENTITY,  /* a ledger of a format this version reads, nothing more */
  BL_CHECK_QUICK,     /* and PRAGMA quick_check */
  BL_CHECK_DAILY,     /* and integrity_check unless it passed on the day given */
  BL_CHECK_FULL,      /* and integrity_check: failing it is damage */
} BlCheckDepth;

typedef struct {
  gint64   version;
  gboolean checked_today;     /* integrity_check passed today, before or now */
  gboolean integrity_ran;
  gboolean integrity_failed;  /* quick_check passed, integrity_check did not */
} BlCheckResult;

/* Checks the existing file at @path to @depth on a read-only connection
 * that creates nothing beside it, so that nothing is written to a file we
 * end up refusing. @running (may be NULL): the BlLedgerCheck it works for,
 * whose bl_ledger_check_cancel() interrupts it (G_IO_ERROR_CANCELLED). */
gboolean              bl_ledger_check_existing  (const char     *path,
                                                 BlCheckDepth    depth,
                                                 const char     *today,
                                                 BlLedgerCheck  *running,
                                                 BlCheckResult  *result,
                                                 GError        **error);

G_END_DECLS
