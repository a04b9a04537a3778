/* bl-db-keys.c: the foreign keys of a transaction that wrote with them off,
 * checked before its commit. A column that leads an index of its table is
 * checked by its distinct values, each read off the index with one search
 * and looked for in the parent table: the 20-year ledger's million
 * attendance rows name 6000 activities and 300 members, which PRAGMA
 * foreign_key_check would look up a million times each. Any other key is
 * left to that pragma, for its table. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-db-private.h"

/* Each foreign key of the ledger: its table, its parent, its column and the
 * parent's, how many columns it has, and whether its column leads a full
 * index of its table in the parent's own order of text (BINARY). */
static const char keys_sql[] =
  "SELECT m.name, f.\"table\", f.\"from\", f.\"to\","
  " (SELECT count(*) FROM pragma_foreign_key_list (m.name) g WHERE g.id = f.id),"
  " EXISTS (SELECT 1 FROM pragma_index_list (m.name) i, pragma_index_xinfo (i.name) c"
  "         WHERE NOT i.partial AND c.seqno = 0 AND c.name = f.\"from\" AND c.coll = 'BINARY')"
  " FROM sqlite_schema m, pragma_foreign_key_list (m.name) f"
  " WHERE m.type = 'table' ORDER BY m.name, f.id";

static gboolean
keys_error (GError     **error,
            const char  *table,
            const char  *parent)
{
  /* TRANSLATORS: a row of table 1 names a row of table 2 that is not there */
  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
               _("A row of “%s” names a row of “%s” that is not in the ledger: nothing was saved"),
               table, parent);
  return FALSE;
}

/* Runs @sql, which returns a row when a key names nothing; on such a row,
 * the error of @table and @parent, or those the row gives (columns 0 and 2
 * of PRAGMA foreign_key_check) when they are NULL. */
static gboolean
run_check (BlDb        *self,
           const char  *sql,
           const char  *table,
           const char  *parent,
           GError     **error)
{
  sqlite3 *handle = bl_db_get_handle (self);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  if ((rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL)) != SQLITE_OK)
    return bl_db_set_error (self, rc, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ok = keys_error (error, table != NULL ? table : bl_db_column_text (stmt, 0),
                     parent != NULL ? parent : bl_db_column_text (stmt, 2));
  else if (rc != SQLITE_DONE)
    ok = bl_db_set_error (self, rc, error);
  else
    ok = TRUE;
  sqlite3_finalize (stmt);
  return ok;
}

/* The distinct values of @column, from the smallest up, each found by one
 * search of its index; the first that @parent's @parent_column lacks. */
static gboolean
check_by_index (BlDb        *self,
                const char  *table,
                const char  *column,
                const char  *parent,
                const char  *parent_column,
                GError     **error)
{
  g_autofree char *sql = NULL;
  char *quoted = sqlite3_mprintf (
    "WITH RECURSIVE v (x) AS ("
    " SELECT (SELECT min (\"%w\") FROM \"%w\")"
    " UNION ALL SELECT (SELECT min (\"%w\") FROM \"%w\" WHERE \"%w\" > x) FROM v WHERE x IS NOT NULL)"
    " SELECT 1 FROM v WHERE x IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"%w\" WHERE \"%w\" = x) LIMIT 1",
    column, table, column, table, column, parent, parent_column);

  if (quoted == NULL)
    return bl_db_set_error (self, SQLITE_NOMEM, error);
  sql = g_strdup (quoted);
  sqlite3_free (quoted);
  return run_check (self, sql, table, parent, error);
}

gboolean
bl_db_check_all_keys (BlDb    *self,
                      GError **error)
{
  sqlite3 *handle = bl_db_get_handle (self);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) whole = g_ptr_array_new_with_free_func (g_free);   /* tables for the pragma */
  int rc;

  if ((rc = sqlite3_prepare_v2 (handle, keys_sql, -1, &stmt, NULL)) != SQLITE_OK)
    return bl_db_set_error (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = bl_db_column_text (stmt, 0);
      const char *parent = bl_db_column_text (stmt, 1);
      const char *column = bl_db_column_text (stmt, 2);
      const char *parent_column = (const char *) sqlite3_column_text (stmt, 3);   /* NULL: the parent's key */

      if (sqlite3_column_int (stmt, 4) == 1 && sqlite3_column_int (stmt, 5) && parent_column != NULL)
        {
          if (!check_by_index (self, table, column, parent, parent_column, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
        }
      else if (whole->len == 0 || !g_str_equal (g_ptr_array_index (whole, whole->len - 1), table))
        g_ptr_array_add (whole, g_strdup (table));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return bl_db_set_error (self, rc, error);

  for (guint i = 0; i < whole->len; i++)
    {
      g_autofree char *sql = NULL;
      char *quoted = sqlite3_mprintf ("PRAGMA foreign_key_check (\"%w\")", (const char *) g_ptr_array_index (whole, i));

      if (quoted == NULL)
        return bl_db_set_error (self, SQLITE_NOMEM, error);
      sql = g_strdup (quoted);
      sqlite3_free (quoted);
      if (!run_check (self, sql, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}
