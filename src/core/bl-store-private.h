/* bl-store-private.h: for the store's own files in src/core (rules, reminders…), never for widgets */
#pragma once

#include <sqlite3.h>

#include "bl-store.h"

G_BEGIN_DECLS

sqlite3      *bl_store_get_db            (BlStore     *self);
/* Prepares @sql (cached for the store's life); NULL with @error set on failure. */
sqlite3_stmt *bl_store_prepare           (BlStore     *self,
                                          const char  *sql,
                                          GError     **error);
/* Sets @error from the connection's last error. */
void          bl_store_set_sql_error     (BlStore     *self,
                                          GError     **error);
/* Whether @sql, with @param1 and @param2 bound as text to ?1 and ?2 (either
 * may be NULL when the statement has fewer), returns a row. */
gboolean      bl_store_has_row           (BlStore     *self,
                                          const char  *sql,
                                          const char  *param1,
                                          const char  *param2);
/* Emits BlStore::changed once the outermost transaction commits. */
void          bl_store_mark_changed      (BlStore     *self);

G_END_DECLS
