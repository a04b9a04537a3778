/* bl-ledger-file.c: the ledger file: where it lives, the checks before
 * anything writes to it, its creation, migrations and daily backups */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bl-db-private.h"
#include "bl-ledger-file.h"
#include "bl-migrations.h"

char *
bl_ledger_file_default_path (void)
{
  const char *env = g_getenv ("BRANCH_LEDGER_DB");

  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);
  return g_build_filename (g_get_user_data_dir (), "branch-ledger", "ledger.db", NULL);
}

char *
bl_ledger_file_backup_dir (const char *path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  return g_build_filename (dir, "backups", NULL);
}

/* Checks */

static gboolean
read_header (const char  *path,
             gboolean    *is_empty,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[100];
  ssize_t got;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  got = read (fd, header, sizeof header);
  close (fd);

  *is_empty = got == 0;
  if (got == 0)
    return TRUE;
  if (got < (ssize_t) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is not a Branch Ledger file"), path);
      return FALSE;
    }
  return TRUE;
}

static void
set_damaged_error (const char  *path,
                   GError     **error)
{
  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT,
               _("“%s” is damaged and was left untouched; restore a backup from the backups folder beside it"),
               path);
}

/* One integer from a read-only connection; the SQLite result code. */
static int
read_int (sqlite3    *db,
          const char *sql,
          gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return rc;
}

/* Checks an existing file on a read-only connection, so that nothing is
 * written to a file we end up refusing. */
static gboolean
check_existing (const char  *path,
                GError     **error)
{
  static const char * const queries[] = {
    "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_master",
  };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 values[G_N_ELEMENTS (queries)] = { 0 };
  gint64 app_id, version, objects;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto out;
    }
  sqlite3_busy_timeout (db, 5000);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      rc = read_int (db, queries[i], &values[i]);
      if (rc == SQLITE_ROW)
        continue;
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_BUSY,
                     _("The ledger is in use by another program; try again in a moment"));
      else if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                     _("“%s” is not a Branch Ledger file"), path);
      else
        set_damaged_error (path, error);
      goto out;
    }
  app_id = values[0];
  version = values[1];
  objects = values[2];

  if (app_id != BL_LEDGER_APPLICATION_ID && !(app_id == 0 && version == 0 && objects == 0))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is a database of another program, not a Branch Ledger file"), path);
      goto out;
    }
  if (version > BL_MIGRATIONS_COUNT)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Branch Ledger (format %d, this version reads up to %u); "
                     "update Branch Ledger to open it"),
                   path, (int) version, (guint) BL_MIGRATIONS_COUNT);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    set_damaged_error (path, error);

out:
  sqlite3_close (db);
  return ok;
}

/* Creation */

static gboolean
create_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* The ledger holds members' personal data: only its owner may read it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Backups */

static char *
backup_prefix (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-", NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
prune_backups (const char *dir,
               const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));

  /* Names end in YYYY-MM-DD.db: sorting by name sorts by day. */
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i + BL_LEDGER_FILE_BACKUPS_KEPT < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (path);
    }
}

/* The first open of each day copies the ledger, with SQLite's backup API,
 * to backups/<name>-YYYY-MM-DD.db, keeping the last BL_LEDGER_FILE_BACKUPS_KEPT. */
static gboolean
backup_daily (BlDb        *db,
              const char  *today,
              GError     **error)
{
  g_autofree char *dir = bl_ledger_file_backup_dir (bl_db_get_path (db));
  g_autofree char *prefix = backup_prefix (bl_db_get_path (db));
  g_autofree char *target = g_strdup_printf ("%s/%s%s.db", dir, prefix, today);
  g_autofree char *partial = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;

  partial = g_strconcat (target, ".partial", NULL);
  g_unlink (partial);
  if (!create_file (partial, error))
    return FALSE;

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", bl_db_get_handle (db), "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  sqlite3_close (dest);

  if (rc != SQLITE_OK || g_rename (partial, target) != 0)
    {
      g_unlink (partial);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot write the daily backup “%s”"), target);
      return FALSE;
    }

  prune_backups (dir, prefix);
  return TRUE;
}

/* Opening */

BlDb *
bl_ledger_file_open (const char  *path,
                     const char  *today,
                     GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autoptr(BlDb) db = NULL;
  gboolean existed, empty = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  if (g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("“%s” is a folder, not a ledger file"), absolute);
      return NULL;
    }

  existed = g_file_test (absolute, G_FILE_TEST_EXISTS);
  if (existed)
    {
      if (!read_header (absolute, &empty, error))
        return NULL;
      if (!empty && !check_existing (absolute, error))
        return NULL;
    }
  else if (!create_file (absolute, error))
    return NULL;

  db = bl_db_open (absolute, error);
  if (db == NULL)
    return NULL;

  /* Back up what the user had before anything here writes to it. */
  if (existed && !empty && bl_db_query_int (db, "PRAGMA user_version", 0) > 0)
    {
      g_autoptr(GError) backup_error = NULL;

      if (!backup_daily (db, today, &backup_error))
        g_warning ("%s", backup_error->message);
    }

  /* Schema first, in rollback-journal mode, so that a crash while creating a
   * ledger leaves an empty file, which is safe to start again. */
  if (!bl_migrations_apply (db, error))
    return NULL;
  if (!bl_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return NULL;
  /* What opening did (the switch to WAL moves PRAGMA data_version) is no
   * other program's write. */
  bl_db_changed_elsewhere (db, NULL);
  return g_steal_pointer (&db);
}
