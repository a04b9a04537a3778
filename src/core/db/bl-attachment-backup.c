/* bl-attachment-backup.c: the attachments in the daily backups: one shared
 * folder of content files, copied into once, pruned by the kept backups */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-attachment-backup.h"
#include "bl-attachment-files.h"
#include "bl-attachment-repo.h"
#include "bl-db-private.h"
#include "bl-ledger-file.h"

/* 1 when @handle's file has the attachment table, 0 when not (older than
 * attachments, or no database), -1 when it cannot be read. */
static int
has_attachment_table (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment'",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  /* Not a database at all: it names nothing either. */
  return rc == SQLITE_ROW ? 1 : (rc == SQLITE_DONE || rc == SQLITE_NOTADB) ? 0 : -1;
}

/* What the live ledger names; an empty set before its attachments existed. */
static GHashTable *
referenced (BlDb    *db,
            GError **error)
{
  if (has_attachment_table (bl_db_get_handle (db)) == 0)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return bl_attachment_repo_referenced (db, error);
}

/* Adds what the backup in @path names to @keep; FALSE when it cannot be read
 * (then nothing may be pruned: it might name anything). */
static gboolean
add_backup_references (const char *path,
                       GHashTable *keep)
{
  /* Immutable: a backup in WAL mode is read without its -wal and -shm
   * files appearing beside it. */
  g_autofree char *uri = bl_db_read_only_uri (path, TRUE);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  if (uri == NULL ||
      sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    goto out;
  switch (has_attachment_table (handle))
    {
    case 0:
      /* Older than attachments: names nothing. */
      ok = TRUE;
      goto out;
    case -1:
      goto out;
    default:
      break;
    }
  if (sqlite3_prepare_v2 (handle, "SELECT DISTINCT sha256 FROM attachment", -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (keep, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  ok = rc == SQLITE_DONE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return ok;
}

/* What every ledger file of the backups folder names (backups/<name>-….db:
 * the daily copies and those kept aside before a restore or a repair), added
 * to @keep; FALSE when one cannot be read (then nothing may be pruned). */
static gboolean
add_backups_references (const char *backup_dir,
                        const char *prefix,
                        GHashTable *keep)
{
  g_autoptr(GDir) dir = g_dir_open (backup_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
        continue;
      path = g_build_filename (backup_dir, name, NULL);
      if (!add_backup_references (path, keep))
        return FALSE;
    }
  return TRUE;
}

/* The ledger's own files no row has named for a day go, under the ledger's
 * write lock: no save can name one while it goes. */
static void
collect_live (BlDb              *db,
              BlAttachmentFiles *live)
{
  g_autoptr(GHashTable) names = NULL;

  if (!g_file_test (bl_attachment_files_get_dir (live), G_FILE_TEST_IS_DIR))
    return;
  if (!bl_db_begin (db, NULL))
    return;  /* busy: another day */
  names = referenced (db, NULL);
  if (names != NULL)
    bl_attachment_files_collect (live, names, g_get_real_time () / G_USEC_PER_SEC);
  bl_db_rollback (db);
}

/* What the backups of the ledger at @path are named by: "ledger-" for
 * ledger.db, as backups/ledger-2025-11-20.db. */
static char *
ledger_prefix (const char *path)
{
  g_autofree char *stem = bl_ledger_file_stem (path);

  return g_strconcat (stem, "-", NULL);
}

char *
bl_attachment_backup_dir (const char *ledger_path)
{
  g_autofree char *backups = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ledger_path != NULL, NULL);

  backups = bl_ledger_file_backup_dir (ledger_path);
  prefix = ledger_prefix (ledger_path);
  name = g_strconcat (prefix, "attachments", NULL);
  return g_build_filename (backups, name, NULL);
}

/* The copies kept for the backups of @db's ledger (bl_attachment_backup_dir()). */
static BlAttachmentFiles *
backup_files (BlDb *db)
{
  g_autofree char *dir = bl_attachment_backup_dir (bl_db_get_path (db));

  return bl_attachment_files_new_for_dir (dir);
}

gboolean
bl_attachment_backup_run (BlDb    *db,
                          GError **error)
{
  g_autoptr(BlAttachmentFiles) live = NULL;
  g_autoptr(BlAttachmentFiles) store = NULL;
  g_autoptr(GHashTable) keep = NULL;
  g_autoptr(GPtrArray) present = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *prefix = NULL;
  gboolean readable;
  GHashTableIter iter;
  gpointer sha256;
  gboolean ok = TRUE;

  g_return_val_if_fail (BL_IS_DB (db), FALSE);

  keep = referenced (db, error);
  if (keep == NULL)
    return FALSE;
  live = bl_attachment_files_new (bl_db_get_path (db));
  store = backup_files (db);
  backup_dir = bl_ledger_file_backup_dir (bl_db_get_path (db));
  prefix = ledger_prefix (bl_db_get_path (db));
  readable = add_backups_references (backup_dir, prefix, keep);
  if (!readable)
    g_warning ("%s", _("A backup could not be read; attachment files kept for backups were not pruned"));

  /* Only what the backups lack is copied: a photo is copied once, whatever
   * the number of days it stays. */
  g_hash_table_iter_init (&iter, keep);
  while (g_hash_table_iter_next (&iter, &sha256, NULL))
    {
      g_autoptr(GError) local_error = NULL;

      if (bl_attachment_files_has_object (store, sha256) || !bl_attachment_files_has_object (live, sha256))
        continue;
      if (!bl_attachment_files_copy_from (store, live, sha256, &local_error))
        {
          if (ok)
            g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                        _("An attachment could not be backed up: "));
          ok = FALSE;
        }
    }

  if (readable)
    {
      present = bl_attachment_files_list_objects (store);
      for (guint i = 0; i < present->len; i++)
        if (!g_hash_table_contains (keep, g_ptr_array_index (present, i)))
          bl_attachment_files_remove (store, g_ptr_array_index (present, i));
    }

  collect_live (db, live);
  return ok;
}

guint
bl_attachment_backup_restore_missing (BlDb    *db,
                                      GError **error)
{
  g_autoptr(BlAttachmentFiles) live = NULL;
  g_autoptr(BlAttachmentFiles) store = NULL;
  g_autoptr(GHashTable) names = NULL;
  GHashTableIter iter;
  gpointer sha256;
  guint missing = 0;

  g_return_val_if_fail (BL_IS_DB (db), 0);

  names = referenced (db, error);
  if (names == NULL || g_hash_table_size (names) == 0)
    return 0;
  live = bl_attachment_files_new (bl_db_get_path (db));
  store = backup_files (db);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &sha256, NULL))
    {
      if (bl_attachment_files_has_object (live, sha256))
        continue;
      if (!bl_attachment_files_has_object (store, sha256) ||
          !bl_attachment_files_copy_from (live, store, sha256, NULL))
        missing++;
    }
  return missing;
}
