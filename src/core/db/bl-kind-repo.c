/* bl-kind-repo.c: the custom kinds of activity kept in the ledger */
#include "config.h"

#include "bl-db-private.h"
#include "bl-kind-repo.h"

static gpointer
kind_from_row (sqlite3_stmt *stmt)
{
  return bl_kind_new (bl_db_column_text (stmt, 0), bl_db_column_text (stmt, 1), FALSE);
}

GPtrArray *
bl_kind_repo_list_custom (BlDb    *db,
                          GError **error)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT id, name FROM activity_kind WHERE builtin = 0 ORDER BY rowid", error);

  if (stmt == NULL || !bl_db_collect (db, stmt, kind_from_row, kinds, error))
    return NULL;
  return g_steal_pointer (&kinds);
}

gboolean
bl_kind_repo_add (BlDb        *db,
                  const char  *id,
                  const char  *name,
                  GError     **error)
{
  return bl_db_run_change (db, BL_CHANGE_KINDS,
                           "INSERT INTO activity_kind (id, name) VALUES (?1, ?2) "
                           "ON CONFLICT (id) DO UPDATE SET name = excluded.name",
                           id, name, error);
}

gboolean
bl_kind_repo_has (BlDb       *db,
                  const char *id)
{
  return id != NULL && bl_db_has_row (db, "SELECT 1 FROM activity_kind WHERE id = ?1", id, NULL);
}

char *
bl_kind_repo_find_id (BlDb       *db,
                      const char *id_or_name)
{
  char *id = NULL;

  if (!bl_db_query_text (db, "SELECT id FROM activity_kind WHERE id = ?1 OR name = ?1 LIMIT 1",
                         id_or_name, &id, NULL))
    return NULL;
  return id;
}
