/* bl-db-query.c: one-statement helpers of the connection: a write with up
 * to two texts or an id bound, a row looked for, one value read, all rows
 * collected */
#include "config.h"

#include "bl-db-private.h"

/* @sql prepared with the parameters that are not NULL bound as text to ?1
 * and ?2. */
static sqlite3_stmt *
prepare_with_text (BlDb        *self,
                   const char  *sql,
                   const char  *param1,
                   const char  *param2,
                   GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  if (param1 != NULL)
    bl_db_bind_text (stmt, 1, param1);
  if (param2 != NULL)
    bl_db_bind_text (stmt, 2, param2);
  return stmt;
}

gboolean
bl_db_run (BlDb        *self,
           const char  *sql,
           const char  *param1,
           const char  *param2,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare_with_text (self, sql, param1, param2, error);

  return stmt != NULL && bl_db_step_done (self, stmt, error);
}

gboolean
bl_db_run_change (BlDb        *self,
                  BlChange     change,
                  const char  *sql,
                  const char  *param1,
                  const char  *param2,
                  GError     **error)
{
  if (!bl_db_run (self, sql, param1, param2, error))
    return FALSE;
  bl_db_note_change (self, change);
  return TRUE;
}

gboolean
bl_db_run_for_id (BlDb        *self,
                  const char  *sql,
                  gint64       id,
                  const char  *param2,
                  GError     **error)
{
  sqlite3_stmt *stmt = prepare_with_text (self, sql, NULL, param2, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return bl_db_step_done (self, stmt, error);
}

gboolean
bl_db_step_found (sqlite3_stmt *stmt)
{
  gboolean found = sqlite3_step (stmt) == SQLITE_ROW;

  sqlite3_reset (stmt);
  return found;
}

gboolean
bl_db_has_row (BlDb       *self,
               const char *sql,
               const char *param1,
               const char *param2)
{
  sqlite3_stmt *stmt = prepare_with_text (self, sql, param1, param2, NULL);

  return stmt != NULL && bl_db_step_found (stmt);
}

gint64
bl_db_query_id (BlDb       *self,
                const char *sql,
                const char *param1,
                const char *param2)
{
  sqlite3_stmt *stmt = prepare_with_text (self, sql, param1, param2, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
bl_db_has_row_for_id (BlDb       *self,
                      const char *sql,
                      gint64      id)
{
  sqlite3_stmt *stmt = bl_db_prepare (self, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return bl_db_step_found (stmt);
}

gint64
bl_db_query_int (BlDb       *self,
                 const char *sql,
                 gint64      fallback)
{
  sqlite3_stmt *stmt = bl_db_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
bl_db_query_text (BlDb        *self,
                  const char  *sql,
                  const char  *param,
                  char       **value,
                  GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (self, sql, error);
  int rc;

  *value = NULL;
  if (stmt == NULL)
    return FALSE;
  if (param != NULL)
    bl_db_bind_text (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = g_strdup (bl_db_column_text (stmt, 0));
      rc = SQLITE_DONE;
    }
  return bl_db_finish (self, stmt, rc, error);
}

gboolean
bl_db_collect (BlDb          *self,
               sqlite3_stmt  *stmt,
               BlDbRowFunc    from_row,
               GPtrArray     *into,
               GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (into, from_row (stmt));
  return bl_db_finish (self, stmt, rc, error);
}

static gpointer
text_from_row (sqlite3_stmt *stmt)
{
  return g_strdup (bl_db_column_text (stmt, 0));
}

gboolean
bl_db_collect_texts (BlDb          *self,
                     sqlite3_stmt  *stmt,
                     GPtrArray     *into,
                     GError       **error)
{
  return bl_db_collect (self, stmt, text_from_row, into, error);
}

gboolean
bl_db_collect_ids (BlDb          *self,
                   sqlite3_stmt  *stmt,
                   GArray        *into,
                   GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (into, id);
    }
  return bl_db_finish (self, stmt, rc, error);
}
