/* bl-db-private.h: statements on the connection, for the files in
 * src/core/db only: nothing above the storage layer sees SQLite */
#pragma once

#include <sqlite3.h>

#include "bl-db.h"

G_BEGIN_DECLS

sqlite3      *bl_db_get_handle        (BlDb          *self);

/* Prepares @sql once for the connection's life and hands it back reset and
 * unbound; NULL with @error set on failure. */
sqlite3_stmt *bl_db_prepare           (BlDb          *self,
                                       const char    *sql,
                                       GError       **error);
/* Runs one or more statements without results. */
gboolean      bl_db_exec              (BlDb          *self,
                                       const char    *sql,
                                       GError       **error);
/* Inside a transaction: runs @drop_sql (dropping an index) now and
 * @create_sql (making it again) when that transaction commits; a rollback
 * past it brings the index back by itself. One index at a time. */
gboolean      bl_db_defer_index       (BlDb          *self,
                                       const char    *drop_sql,
                                       const char    *create_sql,
                                       GError       **error);
/* Every foreign key of the ledger, before the commit of a transaction that
 * wrote with them off (bl-db-keys.c): FALSE with @error set, naming the
 * tables, when a row names a row that is not there. */
gboolean      bl_db_check_all_keys    (BlDb          *self,
                                       GError       **error);
/* Sets @error in BL_STORE_ERROR from SQLite result code @rc and the
 * connection's message; returns FALSE, for "return bl_db_set_error (…)". */
gboolean      bl_db_set_error         (BlDb          *self,
                                       int            rc,
                                       GError       **error);
/* Steps a statement that returns no rows (a row is accepted and ignored),
 * then resets it. */
gboolean      bl_db_step_done         (BlDb          *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
/* After a loop of sqlite3_step(): resets @stmt; FALSE with @error set
 * unless the loop ended with SQLITE_DONE (@rc is its last result). */
gboolean      bl_db_finish            (BlDb          *self,
                                       sqlite3_stmt  *stmt,
                                       int            rc,
                                       GError       **error);

/* Runs @sql, a statement without results, with @param1 and @param2 bound
 * as text to ?1 and ?2 (either may be NULL when the statement has fewer). */
gboolean      bl_db_run               (BlDb          *self,
                                       const char    *sql,
                                       const char    *param1,
                                       const char    *param2,
                                       GError       **error);
/* bl_db_run(), then @change noted for the transaction (bl_db_note_change()):
 * a write that changes what the window shows. */
gboolean      bl_db_run_change        (BlDb          *self,
                                       BlChange       change,
                                       const char    *sql,
                                       const char    *param1,
                                       const char    *param2,
                                       GError       **error);
/* The same as bl_db_run() with @id bound to ?1 and @param2 as text to ?2. */
gboolean      bl_db_run_for_id        (BlDb          *self,
                                       const char    *sql,
                                       gint64         id,
                                       const char    *param2,
                                       GError       **error);

/* Makes one item of a row of a statement (a record, a string). */
typedef gpointer (*BlDbRowFunc)          (sqlite3_stmt  *stmt);
/* Steps @stmt (prepared and bound) to its end, adding @from_row's item for
 * each row to @into, then resets it; FALSE with @error set on an error. */
gboolean      bl_db_collect           (BlDb          *self,
                                       sqlite3_stmt  *stmt,
                                       BlDbRowFunc    from_row,
                                       GPtrArray     *into,
                                       GError       **error);
/* The same with each row's first column as text (char*). */
gboolean      bl_db_collect_texts     (BlDb          *self,
                                       sqlite3_stmt  *stmt,
                                       GPtrArray     *into,
                                       GError       **error);
/* The same with each row's first column as an id appended to @into (gint64). */
gboolean      bl_db_collect_ids       (BlDb          *self,
                                       sqlite3_stmt  *stmt,
                                       GArray        *into,
                                       GError       **error);

/* NULL binds NULL. */
void          bl_db_bind_text         (sqlite3_stmt  *stmt,
                                       int            index,
                                       const char    *text);
const char   *bl_db_column_text       (sqlite3_stmt  *stmt,
                                       int            index);

/* Whether @stmt (prepared and bound) returns a row; an error counts as none.
 * Resets it. */
gboolean      bl_db_step_found        (sqlite3_stmt  *stmt);
/* Whether @sql, with @param1 and @param2 bound as text to ?1 and ?2 (either
 * may be NULL when the statement has fewer), returns a row. */
gboolean      bl_db_has_row           (BlDb          *self,
                                       const char    *sql,
                                       const char    *param1,
                                       const char    *param2);
/* The same with one integer bound to ?1. */
gboolean      bl_db_has_row_for_id    (BlDb          *self,
                                       const char    *sql,
                                       gint64         id);
/* The first column of the first row as an id, with @param1 and @param2
 * bound as bl_db_has_row() binds them; 0 when no row. */
gint64        bl_db_query_id          (BlDb          *self,
                                       const char    *sql,
                                       const char    *param1,
                                       const char    *param2);
/* The first column of the first row as an integer, @fallback when none. */
gint64        bl_db_query_int         (BlDb          *self,
                                       const char    *sql,
                                       gint64         fallback);
/* The first column of the first row, with @param bound as text to ?1;
 * NULL when no row (or a NULL value). FALSE only on an error. */
gboolean      bl_db_query_text        (BlDb          *self,
                                       const char    *sql,
                                       const char    *param,
                                       char         **value,
                                       GError       **error);

/* Copies the whole of @self's database over @dest's with SQLite's online
 * backup, in one step; an SQLite result code, SQLITE_OK when done. */
int           bl_db_copy_to           (BlDb          *self,
                                       sqlite3       *dest);

gint64        bl_db_last_insert_id    (BlDb          *self);
/* Rows changed by the last statement. */
int           bl_db_changes           (BlDb          *self);

G_END_DECLS
