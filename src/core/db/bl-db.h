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

/* Notes what a write changed. The flags add up until the outermost
 * transaction commits, which emits BlDb::committed with their union once; a
 * rollback of the outermost transaction drops them (BlDb::rolled-back). */
void        bl_db_note_change       (BlDb           *self,
                                     BlChange        changes);

/* Whether another connection (another program, or another window's) has
 * committed a write since the last call, or since the connection opened:
 * SQLite's PRAGMA data_version. Cheap enough to poll. */
gboolean    bl_db_changed_elsewhere (BlDb           *self,
                                     GError        **error);

G_END_DECLS
