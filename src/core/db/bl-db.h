/* bl-db.h: the connection to the ledger file: transactions that nest, and
 * what the writes in them changed, told once at the outermost commit */
#pragma once

#include <glib-object.h>

#include "bl-change.h"
#include "bl-store-error.h"

G_BEGIN_DECLS

#define BL_TYPE_DB (bl_db_get_type ())
G_DECLARE_FINAL_TYPE (BlDb, bl_db, BL, DB, GObject)

/* Opens the existing file @path read-write, with foreign keys on and a busy
 * timeout. Checking, creating and migrating the file is bl-ledger-file's job. */
BlDb       *bl_db_open              (const char     *path,
                                     GError        **error);
const char *bl_db_get_path          (BlDb           *self);
/* Opens @path read-only. @immutable (for a file with no -wal beside it)
 * opens it as SQLite's immutable=1: no lock and no -wal or -shm created
 * beside it; otherwise mode=ro. @reason, a sentence in the user's language,
 * is the error every write gets (BL_STORE_ERROR_READ_ONLY). */
BlDb       *bl_db_open_read_only    (const char     *path,
                                     gboolean        immutable,
                                     const char     *reason,
                                     GError        **error);
/* The file: URI of @path for a read-only connection. */
char       *bl_db_read_only_uri     (const char     *path,
                                     gboolean        immutable);
/* Opens @path read-only (mode=ro: with locks, so that other programs'
 * writes are seen) for a ledger whose checks have not passed yet: nothing
 * can be written through it; bl_db_is_read_only() is FALSE, as the checks
 * are expected to give it a read-write connection (bl_db_adopt()). */
BlDb       *bl_db_open_unchecked    (const char     *path,
                                     GError        **error);
gboolean    bl_db_is_read_only      (BlDb           *self);
/* Why nothing can be written (a sentence for the user), or NULL. */
const char *bl_db_get_read_only_reason (BlDb        *self);
/* Closes the connection (outside a transaction); every later call fails
 * until bl_db_adopt() gives it another. */
void        bl_db_close             (BlDb           *self);
/* Takes over @other's connection, path and read-only state, so that what
 * holds @self (the store's lists) goes on with the file @other opened;
 * @other is left closed. */
void        bl_db_adopt             (BlDb           *self,
                                     BlDb           *other);

/* Closes the connection for good, as the file turned out to be refused:
 * every later read fails, every write with @reason (a sentence for the
 * user, BL_STORE_ERROR_READ_ONLY). */
void        bl_db_refuse            (BlDb           *self,
                                     const char     *reason);

typedef void (*BlDbBeforeWriteFunc) (BlDb           *db,
                                     gpointer        data);
/* @func (NULL: none) runs once, at the next outermost bl_db_begin(), before
 * the transaction begins: it may wait for the checks of the file and give
 * the connection another (bl_db_adopt(), bl_db_refuse()). Meanwhile a write
 * outside a transaction fails with a message that says the ledger is being
 * checked. */
void        bl_db_set_before_write  (BlDb           *self,
                                     BlDbBeforeWriteFunc func,
                                     gpointer        data);

/* Transactions nest (savepoints inside); the outermost is BEGIN IMMEDIATE,
 * so a save never fails half-way because another program began writing. */
gboolean    bl_db_begin             (BlDb           *self,
                                     GError        **error);
gboolean    bl_db_commit            (BlDb           *self,
                                     GError        **error);
void        bl_db_rollback          (BlDb           *self);
/* The number of open transactions (the outermost and its savepoints). */
guint       bl_db_get_depth         (BlDb           *self);

typedef gboolean (*BlDbWriteFunc)   (BlDb           *db,
                                     gpointer        data,
                                     GError        **error);
/* Runs @func as one transaction (a savepoint inside an open one): all of it
 * or, when it fails, nothing. */
gboolean    bl_db_write             (BlDb           *self,
                                     BlDbWriteFunc   func,
                                     gpointer        data,
                                     GError        **error);

/* Around a transaction that writes thousands of rows (an import): a page
 * cache large enough to hold all it changes until the commit. Calls nest;
 * FALSE ends one. */
void        bl_db_set_bulk          (BlDb           *self,
                                     gboolean        bulk);

gboolean    bl_db_get_bulk          (BlDb           *self);

/* Before a transaction that writes most of the ledger's rows (a 20-year
 * import): its foreign keys are checked once, all of the ledger's, by
 * PRAGMA foreign_key_check when it commits, rather than twice for every row
 * written (a lookup of the activity and of the member for each of a
 * million attendance rows). A row naming nothing fails the commit
 * (BL_STORE_ERROR_INVALID), and the caller rolls back as after any failed
 * commit. For the next outermost transaction only, which must delete no
 * activity or member: nothing cascades meanwhile. */
void        bl_db_check_keys_at_commit (BlDb       *self);

/* Notes what a write changed. The flags add up until the outermost
 * transaction commits, which emits BlDb::committed with their union once; a
 * rollback of the outermost transaction drops them (BlDb::rolled-back). */
void        bl_db_note_change       (BlDb           *self,
                                     BlChange        changes);
/* The same for a write of activities or attendance that notes, with
 * bl_db_note_member(), every member whose attendance it may change (the
 * attendance before and after, and of an activity whose date or status
 * changed). bl_db_note_change() with BL_CHANGE_ACTIVITIES or
 * BL_CHANGE_ATTENDANCE makes the transaction's members unknown. */
void        bl_db_note_activity_change (BlDb        *self,
                                        BlChange     changes);
void        bl_db_note_member       (BlDb           *self,
                                     gint64          member_id);
/* While BlDb::committed is emitted: the members noted in the transaction
 * (a set of gint64*, perhaps empty), or NULL when unknown (a write that did
 * not say whose, an import in bulk, a write outside a transaction). */
GHashTable *bl_db_get_committed_members (BlDb       *self);

/* Whether another connection (another program, or another window's) has
 * committed a write since the last call, or since the connection opened:
 * SQLite's PRAGMA data_version. Cheap enough to poll. */
gboolean    bl_db_changed_elsewhere (BlDb           *self,
                                     GError        **error);

G_END_DECLS
