/* bl-attachment-repo.c: the rows naming an activity's attachments */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-attachment-repo.h"
#include "bl-db-private.h"

/* Lives as long as the connection; never in the ledger file. */
#define DELETED_TABLE \
  "CREATE TEMP TABLE IF NOT EXISTS deleted_attachment (" \
  "  activity_id INTEGER, kind TEXT, date TEXT, topic TEXT, position INTEGER, name TEXT," \
  "  caption TEXT, sha256 TEXT, size INTEGER, content_type TEXT, added TEXT)"

static gboolean
collect_sha256s (BlDb        *db,
                 const char  *sql,
                 gint64       activity_id,
                 GPtrArray   *into,
                 GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  return bl_db_collect_texts (db, stmt, into, error);
}

gboolean
bl_attachment_repo_load (BlDb       *db,
                         gint64      activity_id,
                         GPtrArray  *into,
                         GError    **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT id, name, caption, sha256, size, content_type FROM attachment "
                                      "WHERE activity_id = ?1 ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (into, bl_attachment_new (sqlite3_column_int64 (stmt, 0), bl_db_column_text (stmt, 1),
                                              bl_db_column_text (stmt, 2), bl_db_column_text (stmt, 3),
                                              (guint64) sqlite3_column_int64 (stmt, 4),
                                              bl_db_column_text (stmt, 5)));
  return bl_db_finish (db, stmt, rc, error);
}

static gboolean
step_named (BlDb          *db,
            sqlite3_stmt  *stmt,
            const char    *name,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE,
                   _("The record has two attachments named “%s”"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bl_db_set_error (db, rc, error);
  return TRUE;
}

gboolean
bl_attachment_repo_save (BlDb       *db,
                         gint64      activity_id,
                         GPtrArray  *attachments,
                         GPtrArray  *gone,
                         GError    **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  if (!bl_attachment_repo_load (db, activity_id, stored, error))
    return FALSE;
  for (guint i = 0; i < attachments->len; i++)
    {
      gint64 id = bl_attachment_get_id (g_ptr_array_index (attachments, i));

      if (id != 0)
        g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
    }

  /* Rows no longer in the list go. */
  for (guint i = 0; i < stored->len; i++)
    {
      BlAttachment *row = g_ptr_array_index (stored, i);
      gint64 id = bl_attachment_get_id (row);

      if (g_hash_table_contains (kept, &id))
        continue;
      if (!bl_db_run_for_id (db, "DELETE FROM attachment WHERE id = ?1", id, NULL, error))
        return FALSE;
      if (gone != NULL)
        g_ptr_array_add (gone, g_strdup (bl_attachment_get_sha256 (row)));
    }
  g_hash_table_remove_all (kept);
  for (guint i = 0; i < stored->len; i++)
    {
      gint64 id = bl_attachment_get_id (g_ptr_array_index (stored, i));

      g_hash_table_add (kept, g_memdup2 (&id, sizeof id));
    }

  /* Names first out of the way, so that two may trade places. */
  if (!bl_db_run_for_id (db, "UPDATE attachment SET name = char(1) || id WHERE activity_id = ?1",
                             activity_id, NULL, error))
    return FALSE;

  for (guint i = 0; i < attachments->len; i++)
    {
      BlAttachment *attachment = g_ptr_array_index (attachments, i);
      gint64 id = bl_attachment_get_id (attachment);

      if (id != 0 && g_hash_table_contains (kept, &id))
        {
          stmt = bl_db_prepare (db, "UPDATE attachment SET name = ?2, caption = ?3, position = ?4 WHERE id = ?1",
                                error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
        }
      else
        {
          /* New, or from a record that no longer exists: a row of its own. */
          stmt = bl_db_prepare (db, "INSERT INTO attachment (activity_id, name, caption, position, sha256, size, "
                                    "content_type) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, activity_id);
          bl_db_bind_text (stmt, 5, bl_attachment_get_sha256 (attachment));
          sqlite3_bind_int64 (stmt, 6, (gint64) bl_attachment_get_size (attachment));
          bl_db_bind_text (stmt, 7, bl_attachment_get_content_type (attachment));
        }
      bl_db_bind_text (stmt, 2, bl_attachment_get_name (attachment));
      bl_db_bind_text (stmt, 3, bl_attachment_get_caption (attachment));
      sqlite3_bind_int (stmt, 4, (int) i);
      if (!step_named (db, stmt, bl_attachment_get_name (attachment), error))
        return FALSE;
      if (id == 0 || !g_hash_table_contains (kept, &id))
        bl_attachment_set_id (attachment, bl_db_last_insert_id (db));
    }
  /* Nobody's attendance: known. */
  bl_db_note_activity_change (db, BL_CHANGE_ACTIVITIES);
  return TRUE;
}

GHashTable *
bl_attachment_repo_referenced (BlDb    *db,
                               GError **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT DISTINCT sha256 FROM attachment", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup (bl_db_column_text (stmt, 0)));
  if (!bl_db_finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&set);
}

GArray *
bl_attachment_repo_list_activities (BlDb    *db,
                                    GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT DISTINCT activity_id FROM attachment ORDER BY activity_id", error);

  if (stmt == NULL || !bl_db_collect_ids (db, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

guint
bl_attachment_repo_count (BlDb   *db,
                          gint64  activity_id)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT count(*) FROM attachment WHERE activity_id = ?1", NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

gboolean
bl_attachment_repo_keep_deleted (BlDb       *db,
                                 gint64      activity_id,
                                 GPtrArray  *sha256s,
                                 GError    **error)
{
  if (!bl_db_exec (db, DELETED_TABLE, error))
    return FALSE;
  if (!bl_db_run_for_id (db, "DELETE FROM temp.deleted_attachment WHERE activity_id = ?1", activity_id, NULL, error))
    return FALSE;

  if (!bl_db_run_for_id (db, "INSERT INTO temp.deleted_attachment SELECT x.activity_id, a.kind, a.date, a.topic, "
                             "x.position, x.name, x.caption, x.sha256, x.size, x.content_type, x.added "
                             "FROM attachment x JOIN activity a ON a.id = x.activity_id WHERE x.activity_id = ?1",
                             activity_id, NULL, error))
    return FALSE;
  return collect_sha256s (db, "SELECT sha256 FROM attachment WHERE activity_id = ?1", activity_id, sha256s, error);
}

gboolean
bl_attachment_repo_restore_deleted (BlDb        *db,
                                    BlActivity  *activity,
                                    GPtrArray   *sha256s,
                                    GError     **error)
{
  static const char *match =
    "FROM temp.deleted_attachment WHERE activity_id = ?1 AND kind = ?2 AND date = ?3 AND topic = ?4";
  gint64 id = bl_activity_get_id (activity);
  g_autofree char *select = g_strconcat ("SELECT sha256 ", match, NULL);
  g_autofree char *insert = g_strconcat ("INSERT INTO attachment (activity_id, position, name, caption, sha256, "
                                         "size, content_type, added) SELECT activity_id, position, name, caption, "
                                         "sha256, size, content_type, added ", match, NULL);
  const char *sqls[] = { select, insert, "DELETE FROM temp.deleted_attachment WHERE activity_id = ?1" };
  guint before = sha256s->len;

  /* Nothing was put aside on this connection (an import's thousands of
   * new records): nothing to bring back. */
  if (bl_db_query_int (db, "SELECT count(*) FROM temp.sqlite_master WHERE name = 'deleted_attachment'", 0) == 0)
    return TRUE;
  /* Only into a record that has none: a later save of it keeps its own. */
  if (bl_attachment_repo_count (db, id) > 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
    {
      sqlite3_stmt *stmt = bl_db_prepare (db, sqls[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (i < 2)
        {
          bl_db_bind_text (stmt, 2, bl_activity_get_kind (activity));
          bl_db_bind_text (stmt, 3, bl_activity_get_date (activity));
          bl_db_bind_text (stmt, 4, bl_activity_get_topic (activity));
        }
      if (i == 0)
        {
          if (!bl_db_collect_texts (db, stmt, sha256s, error))
            return FALSE;
          if (sha256s->len == before)
            return TRUE;
        }
      else if (!bl_db_step_done (db, stmt, error))
        return FALSE;
    }
  bl_db_note_activity_change (db, BL_CHANGE_ACTIVITIES);
  return TRUE;
}

gboolean
bl_attachment_repo_drop (BlDb        *db,
                         gint64       activity_id,
                         const char  *sha256,
                         GError     **error)
{
  return bl_db_run_for_id (db, "DELETE FROM attachment WHERE activity_id = ?1 AND sha256 = ?2",
                               activity_id, sha256, error);
}
