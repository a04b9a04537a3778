/* bl-store.c: the ledger, one SQLite file; the one owner of SQL */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bl-date.h"
#include "bl-store-migrations.h"
#include "bl-store-private.h"
#include "bl-util.h"

/* PRAGMA application_id of every ledger: "BLdg". */
#define BL_APPLICATION_ID 0x424c6467

struct _BlStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;      /* SQL text → sqlite3_stmt */
  guint       depth;           /* open transactions (outermost + savepoints) */
  gboolean    changed_pending; /* emit ::changed at the outermost commit */
  gboolean    models_dirty;    /* saves inside a bulk transaction: reload at commit */

  GListStore *kinds;
  GListStore *members;
  GListStore *activities;
  GHashTable *activity_items;  /* id → BlActivity in activities (borrowed) */
};

G_DEFINE_FINAL_TYPE (BlStore, bl_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (bl-store-error-quark, bl_store_error)

static const char * const role_ids[] = {
  "none", "secretary", "deputy", "organization", "propaganda", "discipline", "committee",
};
static const char * const state_ids[] = { "present", "leave", "absent" };

static gboolean reload_models (BlStore *self, GError **error);

/* Helpers */

static gboolean
set_error_from_db (BlStore  *self,
                   int       rc,
                   GError  **error)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      code = BL_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = BL_STORE_ERROR_NOT_A_LEDGER;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = BL_STORE_ERROR_BUSY;
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = BL_STORE_ERROR_IO;
      break;
    case SQLITE_CONSTRAINT:
      code = BL_STORE_ERROR_INVALID;
      break;
    default:
      code = BL_STORE_ERROR_FAILED;
    }

  if (code == BL_STORE_ERROR_BUSY)
    g_set_error (error, BL_STORE_ERROR, code,
                 _("The ledger is in use by another program; try again in a moment"));
  else if (code == BL_STORE_ERROR_IO)
    g_set_error (error, BL_STORE_ERROR, code,
                 _("The ledger cannot be written: %s"), sqlite3_errmsg (self->db));
  else
    g_set_error (error, BL_STORE_ERROR, code, _("The ledger reported an error: %s"),
                 self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

void
bl_store_set_sql_error (BlStore  *self,
                        GError  **error)
{
  g_return_if_fail (BL_IS_STORE (self));

  set_error_from_db (self, sqlite3_extended_errcode (self->db), error);
}

sqlite3 *
bl_store_get_db (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
bl_store_prepare (BlStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      bl_store_set_sql_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (BlStore     *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error_from_db (self, sqlite3_extended_errcode (self->db), error);
  return TRUE;
}

/* Steps a statement that returns no rows. */
static gboolean
step_done (BlStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error_from_db (self, sqlite3_extended_errcode (self->db), error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static gint64
query_int (BlStore    *self,
           const char *sql,
           gint64      fallback)
{
  sqlite3_stmt *stmt = bl_store_prepare (self, sql, NULL);
  gint64 value = fallback;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return value;
}

static const char *
role_to_id (BlMemberRole role)
{
  return role <= BL_MEMBER_ROLE_COMMITTEE ? role_ids[role] : "none";
}

static BlMemberRole
role_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_ids); i++)
    if (g_strcmp0 (role_ids[i], id) == 0)
      return (BlMemberRole) i;
  return BL_MEMBER_ROLE_NONE;
}

static BlAttendanceState
state_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_ids); i++)
    if (g_strcmp0 (state_ids[i], id) == 0)
      return (BlAttendanceState) i;
  return BL_ATTENDANCE_ABSENT;
}

static void
today_iso (char out[11])
{
  GDate today;
  g_autofree char *iso = NULL;

  bl_date_set_today (&today);
  iso = bl_date_to_iso (&today);
  memcpy (out, iso, 11);
}

/* Transactions */

gboolean
bl_store_begin (BlStore  *self,
                GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so a save never fails half-way
   * because another connection started writing. */
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE") : g_strdup_printf ("SAVEPOINT bl_%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
bl_store_commit (BlStore  *self,
                 GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE bl_%u", self->depth - 1);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth--;

  if (self->depth == 0)
    {
      if (self->models_dirty)
        {
          g_autoptr(GError) reload_error = NULL;

          self->models_dirty = FALSE;
          if (!reload_models (self, &reload_error))
            g_warning ("Cannot reload the ledger's lists: %s", reload_error->message);
        }
      if (self->changed_pending)
        {
          self->changed_pending = FALSE;
          g_signal_emit (self, signals[CHANGED], 0);
        }
    }
  return TRUE;
}

void
bl_store_rollback (BlStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (BL_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO bl_%u; RELEASE bl_%u", self->depth - 1, self->depth - 1);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
  self->depth--;

  if (self->depth == 0)
    {
      /* The lists were not touched inside the transaction: nothing to undo. */
      self->models_dirty = FALSE;
      self->changed_pending = FALSE;
    }
}

typedef gboolean (*WriteFunc) (BlStore *self, gpointer record, GError **error);

/* Runs @write as one transaction (a savepoint inside an open one). */
static gboolean
in_transaction (BlStore    *self,
                WriteFunc   write,
                gpointer    record,
                GError    **error)
{
  if (!bl_store_begin (self, error))
    return FALSE;
  if (!write (self, record, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
bl_store_mark_changed (BlStore *self)
{
  g_return_if_fail (BL_IS_STORE (self));

  if (self->depth > 0)
    self->changed_pending = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
bl_store_has_row (BlStore    *self,
                  const char *sql,
                  const char *param1,
                  const char *param2)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  stmt = bl_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  if (param1 != NULL)
    bind_text (stmt, 1, param1);
  if (param2 != NULL)
    bind_text (stmt, 2, param2);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Opening, checking, migrating, backing up */

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

/* Checks an existing file on a read-only connection, so that nothing is
 * written to a file we end up refusing. */
static gboolean
check_existing (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0, objects = 0;
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

#define READ_INT(sql, out)                                                      \
  G_STMT_START {                                                                \
    rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);                         \
    if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)            \
      out = sqlite3_column_int64 (stmt, 0);                                     \
    sqlite3_finalize (stmt);                                                    \
    stmt = NULL;                                                                \
    if (rc != SQLITE_ROW)                                                       \
      goto fail;                                                                \
  } G_STMT_END

  READ_INT ("PRAGMA application_id", app_id);
  READ_INT ("PRAGMA user_version", version);
  READ_INT ("SELECT count(*) FROM sqlite_master", objects);
#undef READ_INT

  if (app_id != BL_APPLICATION_ID && !(app_id == 0 && version == 0 && objects == 0))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is a database of another program, not a Branch Ledger file"), path);
      goto out;
    }
  if (version > (gint64) bl_store_migrations_count ())
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer version of Branch Ledger (format %d, this version reads up to %u); "
                     "update Branch Ledger to open it"),
                   path, (int) version, bl_store_migrations_count ());
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      sqlite3_finalize (stmt);
      stmt = NULL;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and was left untouched; restore a backup from the backups folder beside it"),
                   path);
      goto out;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  ok = TRUE;
  goto out;

fail:
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_BUSY,
                 _("The ledger is in use by another program; try again in a moment"));
  else if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                 _("“%s” is not a Branch Ledger file"), path);
  else
    g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged and was left untouched; restore a backup from the backups folder beside it"),
                 path);
out:
  sqlite3_close (db);
  return ok;
}

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

static gboolean
migrate (BlStore  *self,
         GError  **error)
{
  gint64 version = query_int (self, "PRAGMA user_version", -1);

  for (guint to = (guint) version + 1; to <= bl_store_migrations_count (); to++)
    {
      g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                                  BL_APPLICATION_ID, to);

      if (!bl_store_begin (self, error))
        return FALSE;
      if (!exec (self, bl_store_migration_sql (to), error) || !exec (self, pragmas, error))
        {
          bl_store_rollback (self);
          g_prefix_error (error, _("Cannot update the ledger to format %u: "), to);
          return FALSE;
        }
      if (!bl_store_commit (self, error))
        {
          bl_store_rollback (self);
          return FALSE;
        }
    }
  return TRUE;
}

char *
bl_store_get_backup_dir (BlStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "backups", NULL);
}

static char *
backup_prefix (BlStore *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
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
  for (guint i = 0; i + BL_STORE_BACKUPS_KEPT < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_unlink (path);
    }
}

/* The first open of each day copies the ledger, with SQLite's backup API,
 * to backups/<name>-YYYY-MM-DD.db, keeping the last BL_STORE_BACKUPS_KEPT. */
static gboolean
backup_daily (BlStore  *self,
              GError  **error)
{
  g_autofree char *dir = bl_store_get_backup_dir (self);
  g_autofree char *prefix = backup_prefix (self);
  g_autofree char *target = NULL;
  g_autofree char *partial = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  char today[11];
  int rc;

  today_iso (today);
  target = g_strdup_printf ("%s/%s%s.db", dir, prefix, today);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  partial = g_strconcat (target, ".partial", NULL);
  g_unlink (partial);
  if (!create_file (partial, error))
    return FALSE;

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
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

static gboolean
open_connection (BlStore  *self,
                 GError  **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot open “%s”: %s"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  return exec (self, "PRAGMA foreign_keys = ON", error);
}

char *
bl_store_default_path (void)
{
  const char *env = g_getenv ("BRANCH_LEDGER_DB");

  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);
  return g_build_filename (g_get_user_data_dir (), "branch-ledger", "ledger.db", NULL);
}

BlStore *
bl_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(BlStore) self = NULL;
  gboolean existed, empty = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_assert (bl_store_migrations_count () == BL_STORE_SCHEMA_VERSION);

  self = g_object_new (BL_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("“%s” is a folder, not a ledger file"), self->path);
      return NULL;
    }

  existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (existed)
    {
      if (!read_header (self->path, &empty, error))
        return NULL;
      if (!empty && !check_existing (self->path, error))
        return NULL;
    }
  else if (!create_file (self->path, error))
    return NULL;

  if (!open_connection (self, error))
    return NULL;

  /* Back up what the user had before anything here writes to it. */
  if (existed && !empty && query_int (self, "PRAGMA user_version", 0) > 0)
    {
      g_autoptr(GError) backup_error = NULL;

      if (!backup_daily (self, &backup_error))
        g_warning ("%s", backup_error->message);
    }

  /* Schema first, in rollback-journal mode, so that a crash while creating a
   * ledger leaves an empty file, which is safe to start again. */
  if (!migrate (self, error))
    return NULL;
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return NULL;
  if (!reload_models (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
bl_store_get_path (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return self->path;
}

gboolean
bl_store_is_empty (BlStore *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  name = bl_store_get_branch_name (self);
  return (name == NULL || *name == '\0') &&
         g_list_model_get_n_items (G_LIST_MODEL (self->members)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->activities)) == 0;
}

/* Settings */

char *
bl_store_get_setting (BlStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = bl_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
bl_store_set_setting (BlStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!bl_store_begin (self, error))
    return FALSE;
  if (value != NULL)
    stmt = bl_store_prepare (self, "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  else
    stmt = bl_store_prepare (self, "DELETE FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, key);
  if (value != NULL)
    bind_text (stmt, 2, value);
  if (!step_done (self, stmt, error))
    goto fail;
  bl_store_mark_changed (self);
  return bl_store_commit (self, error);

fail:
  bl_store_rollback (self);
  return FALSE;
}

char *
bl_store_get_branch_name (BlStore *self)
{
  return bl_store_get_setting (self, BL_SETTING_BRANCH_NAME);
}

/* Groups */

GStrv
bl_store_list_groups (BlStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  stmt = bl_store_prepare (self, "SELECT name FROM party_group ORDER BY name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/* The group's id, created when missing; 0 for no group. */
static gboolean
group_id_for (BlStore     *self,
              const char  *name,
              gboolean     create,
              gint64      *out,
              GError     **error)
{
  sqlite3_stmt *stmt;

  *out = 0;
  if (name == NULL || *name == '\0')
    return TRUE;

  stmt = bl_store_prepare (self, "SELECT id FROM party_group WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (*out != 0)
    return TRUE;

  if (!create)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("There is no party group “%s”"), name);
      return FALSE;
    }
  stmt = bl_store_prepare (self, "INSERT INTO party_group (name) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  if (!step_done (self, stmt, error))
    return FALSE;
  *out = sqlite3_last_insert_rowid (self->db);
  bl_store_mark_changed (self);
  return TRUE;
}

gboolean
bl_store_ensure_group (BlStore     *self,
                       const char  *name,
                       GError     **error)
{
  gint64 id;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A party group needs a name"));
      return FALSE;
    }
  if (!bl_store_begin (self, error))
    return FALSE;
  if (!group_id_for (self, clean, TRUE, &id, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return bl_store_commit (self, error);
}

/* Kinds */

static gboolean
load_kinds (BlStore  *self,
            GError  **error)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *builtin = bl_kind_builtin_ids ();
  sqlite3_stmt *stmt;

  for (guint i = 0; builtin[i] != NULL; i++)
    g_ptr_array_add (kinds, bl_kind_new (builtin[i], bl_kind_builtin_chinese_name (builtin[i]), TRUE));

  stmt = bl_store_prepare (self, "SELECT id, name FROM activity_kind WHERE builtin = 0 ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (kinds, bl_kind_new (column_text (stmt, 0), column_text (stmt, 1), FALSE));
  sqlite3_reset (stmt);

  g_list_store_splice (self->kinds, 0, g_list_model_get_n_items (G_LIST_MODEL (self->kinds)),
                       kinds->pdata, kinds->len);
  return TRUE;
}

GListModel *
bl_store_get_kinds (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->kinds);
}

static BlKind *
find_kind (BlStore    *self,
           const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);

      if (g_strcmp0 (bl_kind_get_id (kind), id) == 0)
        return kind;  /* the list store keeps it alive */
    }
  return NULL;
}

gboolean
bl_store_add_kind (BlStore     *self,
                   const char  *id,
                   const char  *name,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && name != NULL, FALSE);

  if (*id == '\0' || *name == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A kind of activity needs an id and a name"));
      return FALSE;
    }
  if (bl_kind_is_builtin_id (id))
    return TRUE;

  if (!bl_store_begin (self, error))
    return FALSE;
  stmt = bl_store_prepare (self, "INSERT INTO activity_kind (id, name) VALUES (?1, ?2) "
                                 "ON CONFLICT (id) DO UPDATE SET name = excluded.name", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, name);
  if (!step_done (self, stmt, error))
    goto fail;
  bl_store_mark_changed (self);
  if (!bl_store_commit (self, error))
    goto fail;
  /* Inside a bulk transaction the list follows at its commit. */
  if (self->depth == 0)
    return load_kinds (self, error);
  self->models_dirty = TRUE;
  return TRUE;

fail:
  bl_store_rollback (self);
  return FALSE;
}

/* Asked of the table, not the kinds model, which follows only at the
 * outermost commit. */
gboolean
bl_store_has_kind (BlStore    *self,
                   const char *id)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return id != NULL && bl_store_has_row (self, "SELECT 1 FROM activity_kind WHERE id = ?1", id, NULL);
}

const char *
bl_store_get_kind_name (BlStore    *self,
                        const char *id)
{
  BlKind *kind;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  kind = find_kind (self, id);
  return kind != NULL ? bl_kind_get_name (kind) : id;
}

const char *
bl_store_lookup_kind (BlStore    *self,
                      const char *id_or_name)
{
  guint n;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  if (id_or_name == NULL || *id_or_name == '\0')
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);
      const char *id = bl_kind_get_id (kind);

      if (g_str_equal (id, id_or_name) ||
          g_strcmp0 (bl_kind_get_name (kind), id_or_name) == 0 ||
          g_strcmp0 (bl_kind_builtin_chinese_name (id), id_or_name) == 0 ||
          (bl_kind_builtin_english_name (id) != NULL &&
           g_ascii_strcasecmp (bl_kind_builtin_english_name (id), id_or_name) == 0))
        return id;
    }
  /* Custom kinds added inside a transaction that has not committed yet. */
  {
    sqlite3_stmt *stmt = bl_store_prepare (self, "SELECT id FROM activity_kind WHERE id = ?1 OR name = ?1 LIMIT 1", NULL);
    const char *found = NULL;

    if (stmt != NULL)
      {
        bind_text (stmt, 1, id_or_name);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          found = g_intern_string (column_text (stmt, 0));
        sqlite3_reset (stmt);
      }
    if (found != NULL)
      return found;
  }
  /* Names the paper record and platforms also use. */
  if (g_str_equal (id_or_name, "党员大会"))
    return BL_KIND_GENERAL_MEETING;
  if (g_str_equal (id_or_name, "支委会") || g_str_equal (id_or_name, "支部委员会会议"))
    return BL_KIND_COMMITTEE_MEETING;
  if (g_str_equal (id_or_name, "中心组学习"))
    return BL_KIND_STUDY_SESSION;
  return NULL;
}

/* Members */

#define MEMBER_COLUMNS \
  "m.id, m.name, coalesce(g.name, ''), m.category, m.role, m.joined, m.phone, m.status, m.transferred_on"
#define MEMBER_FROM "FROM member m LEFT JOIN party_group g ON g.id = m.group_id "

static BlMember *
member_from_row (sqlite3_stmt *stmt)
{
  BlMember *member = bl_member_new (column_text (stmt, 1));

  bl_member_set_id (member, sqlite3_column_int64 (stmt, 0));
  bl_member_set_group (member, column_text (stmt, 2));
  bl_member_set_category (member, g_strcmp0 (column_text (stmt, 3), "probationary") == 0
                                  ? BL_MEMBER_CATEGORY_PROBATIONARY : BL_MEMBER_CATEGORY_FULL);
  bl_member_set_role (member, role_from_id (column_text (stmt, 4)));
  bl_member_set_joined (member, column_text (stmt, 5));
  bl_member_set_phone (member, column_text (stmt, 6));
  bl_member_set_status (member, g_strcmp0 (column_text (stmt, 7), "transferred") == 0
                                ? BL_MEMBER_STATUS_TRANSFERRED : BL_MEMBER_STATUS_ACTIVE);
  bl_member_set_transferred_on (member, column_text (stmt, 8));
  return member;
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  BlMember *ma = (BlMember *) a, *mb = (BlMember *) b;
  int cmp;

  /* Active members first; then by group (no group last), then name. */
  if ((cmp = (int) bl_member_get_status (ma) - (int) bl_member_get_status (mb)) != 0)
    return cmp;
  if ((*bl_member_get_group (ma) == '\0') != (*bl_member_get_group (mb) == '\0'))
    return *bl_member_get_group (ma) == '\0' ? 1 : -1;
  if ((cmp = g_utf8_collate (bl_member_get_group (ma), bl_member_get_group (mb))) != 0)
    return cmp;
  if ((cmp = g_utf8_collate (bl_member_get_name (ma), bl_member_get_name (mb))) != 0)
    return cmp;
  return bl_member_get_id (ma) < bl_member_get_id (mb) ? -1 : bl_member_get_id (ma) > bl_member_get_id (mb);
}

static int
compare_member_ptrs (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return compare_members (*(BlMember * const *) a, *(BlMember * const *) b, user_data);
}

static gboolean
load_members (BlStore  *self,
              GError  **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = bl_store_prepare (self, "SELECT " MEMBER_COLUMNS " " MEMBER_FROM, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (members, member_from_row (stmt));
  sqlite3_reset (stmt);

  g_ptr_array_sort_with_data (members, compare_member_ptrs, NULL);
  g_list_store_splice (self->members, 0, g_list_model_get_n_items (G_LIST_MODEL (self->members)),
                       members->pdata, members->len);
  return TRUE;
}

GListModel *
bl_store_get_members (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->members);
}

static BlMember *
find_member_item (BlStore *self,
                  gint64   id,
                  guint   *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  for (guint i = 0; i < n; i++)
    {
      BlMember *member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      g_object_unref (member);  /* the list store keeps it alive */
      if (bl_member_get_id (member) == id)
        {
          if (position != NULL)
            *position = i;
          return member;
        }
    }
  return NULL;
}

/* Straight from the file, so that a transaction sees its own saves (the
 * list models follow only at its commit). */
static BlMember *
query_member (BlStore    *self,
              const char *sql,
              gint64      id,
              const char *name)
{
  sqlite3_stmt *stmt = bl_store_prepare (self, sql, NULL);
  BlMember *member = NULL;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    bind_text (stmt, 1, name);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    member = member_from_row (stmt);
  sqlite3_reset (stmt);
  return member;
}

BlMember *
bl_store_find_member (BlStore *self,
                      gint64   id)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return query_member (self, "SELECT " MEMBER_COLUMNS " " MEMBER_FROM "WHERE m.id = ?1", id, NULL);
}

BlMember *
bl_store_find_active_member (BlStore    *self,
                             const char *name)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  if (name == NULL)
    return NULL;
  return query_member (self, "SELECT " MEMBER_COLUMNS " " MEMBER_FROM "WHERE m.name = ?1 AND m.status = 'active'",
                       0, name);
}

static gboolean
validate_member (BlMember  *member,
                 GError   **error)
{
  GDate date;
  const char *joined = bl_member_get_joined (member);
  const char *transferred_on = bl_member_get_transferred_on (member);
  g_autofree char *name = g_strstrip (g_strdup (bl_member_get_name (member)));

  if (*name == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A member needs a name"));
      return FALSE;
    }
  if (joined != NULL && !bl_date_parse (joined, &date))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), joined);
      return FALSE;
    }
  if (transferred_on != NULL && !bl_date_parse (transferred_on, &date))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), transferred_on);
      return FALSE;
    }
  return TRUE;
}

/* Closes @member_id's open role term on @since and opens one for @role. */
static gboolean
record_role (BlStore       *self,
             gint64         member_id,
             BlMemberRole   role,
             const char    *since,
             GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = bl_store_prepare (self, "DELETE FROM role_term WHERE member_id = ?1 AND end_date IS NULL AND start_date >= ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_text (stmt, 2, since);
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = bl_store_prepare (self, "UPDATE role_term SET end_date = ?2 WHERE member_id = ?1 AND end_date IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_text (stmt, 2, since);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (role == BL_MEMBER_ROLE_NONE)
    return TRUE;
  stmt = bl_store_prepare (self, "INSERT INTO role_term (member_id, role, start_date) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_text (stmt, 2, role_to_id (role));
  bind_text (stmt, 3, since);
  return step_done (self, stmt, error);
}

static gboolean
member_has_terms (BlStore *self,
                  gint64   member_id)
{
  sqlite3_stmt *stmt = bl_store_prepare (self, "SELECT 1 FROM role_term WHERE member_id = ?1 LIMIT 1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static void
update_member_item (BlStore  *self,
                    BlMember *saved)
{
  guint position;
  BlMember *item = find_member_item (self, bl_member_get_id (saved), &position);
  g_autoptr(BlMember) copy = bl_member_copy (saved);

  if (self->depth > 0)
    {
      self->models_dirty = TRUE;
      return;
    }
  if (item != NULL)
    g_list_store_remove (self->members, position);
  g_list_store_insert_sorted (self->members, copy, compare_members, NULL);
}

static gboolean
write_member (BlStore   *self,
              gpointer   record,
              GError   **error)
{
  BlMember *member = record;
  static const char *insert_sql =
    "INSERT INTO member (name, group_id, category, role, joined, phone, status, transferred_on) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  static const char *update_sql =
    "UPDATE member SET name = ?1, group_id = ?2, category = ?3, role = ?4, joined = ?5, phone = ?6, "
    "status = ?7, transferred_on = ?8 WHERE id = ?9";
  gint64 id = bl_member_get_id (member);
  g_autoptr(BlMember) before = id != 0 ? bl_store_find_member (self, id) : NULL;
  g_autofree char *name = g_strstrip (g_strdup (bl_member_get_name (member)));
  g_autofree char *group = g_strstrip (g_strdup (bl_member_get_group (member)));
  gint64 group_id;
  sqlite3_stmt *stmt;
  int rc;

  if (id != 0 && before == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("The member no longer exists"));
      return FALSE;
    }
  if (!group_id_for (self, group, TRUE, &group_id, error))
    return FALSE;

  stmt = bl_store_prepare (self, id == 0 ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  if (group_id != 0)
    sqlite3_bind_int64 (stmt, 2, group_id);
  bind_text (stmt, 3, bl_member_get_category (member) == BL_MEMBER_CATEGORY_PROBATIONARY ? "probationary" : "full");
  bind_text (stmt, 4, role_to_id (bl_member_get_role (member)));
  bind_text (stmt, 5, bl_member_get_joined (member));
  bind_text (stmt, 6, bl_member_get_phone (member));
  bind_text (stmt, 7, bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED ? "transferred" : "active");
  bind_text (stmt, 8, bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED
                      ? bl_member_get_transferred_on (member) : NULL);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE,
                   _("There is already an active member named “%s”"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return set_error_from_db (self, rc, error);

  if (id == 0)
    bl_member_set_id (member, sqlite3_last_insert_rowid (self->db));
  bl_member_set_name (member, name);
  bl_member_set_group (member, group);

  /* Keep the role history: a role first seen counts as held all along; a
   * later change through this call takes effect today. */
  if (before == NULL || bl_member_get_role (before) != bl_member_get_role (member))
    {
      char today[11];

      today_iso (today);
      if (!record_role (self, bl_member_get_id (member), bl_member_get_role (member),
                        member_has_terms (self, bl_member_get_id (member)) ? today : "1900-01-01", error))
        return FALSE;
    }
  bl_store_mark_changed (self);
  return TRUE;
}

gboolean
bl_store_save_member (BlStore   *self,
                      BlMember  *member,
                      GError   **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_MEMBER (member), FALSE);

  if (!validate_member (member, error))
    return FALSE;
  if (!in_transaction (self, write_member, member, error))
    return FALSE;
  update_member_item (self, member);
  return TRUE;
}

gboolean
bl_store_set_member_role (BlStore      *self,
                          gint64        member_id,
                          BlMemberRole  role,
                          const char   *since,
                          GError      **error)
{
  g_autoptr(BlMember) member = NULL;
  sqlite3_stmt *stmt;
  GDate date;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  member = bl_store_find_member (self, member_id);
  if (member == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("The member no longer exists"));
      return FALSE;
    }
  if (since == NULL || !bl_date_parse (since, &date))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), since != NULL ? since : "");
      return FALSE;
    }

  if (!bl_store_begin (self, error))
    return FALSE;

  /* A branch has one secretary: the previous one's term ends that day. */
  if (role == BL_MEMBER_ROLE_SECRETARY)
    {
      stmt = bl_store_prepare (self, "SELECT id FROM member WHERE role = 'secretary' AND id <> ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, member_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 other = sqlite3_column_int64 (stmt, 0);
          sqlite3_stmt *update;

          if (!record_role (self, other, BL_MEMBER_ROLE_NONE, since, error))
            {
              sqlite3_reset (stmt);
              goto fail;
            }
          update = bl_store_prepare (self, "UPDATE member SET role = 'none' WHERE id = ?1", error);
          if (update == NULL)
            {
              sqlite3_reset (stmt);
              goto fail;
            }
          sqlite3_bind_int64 (update, 1, other);
          if (!step_done (self, update, error))
            {
              sqlite3_reset (stmt);
              goto fail;
            }
        }
      sqlite3_reset (stmt);
    }

  if (!record_role (self, member_id, role, since, error))
    goto fail;
  stmt = bl_store_prepare (self, "UPDATE member SET role = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bind_text (stmt, 2, role_to_id (role));
  if (!step_done (self, stmt, error))
    goto fail;

  bl_store_mark_changed (self);
  if (self->depth > 1)
    self->models_dirty = TRUE;
  if (!bl_store_commit (self, error))
    goto fail;
  if (self->depth == 0)
    return load_members (self, error);
  return TRUE;

fail:
  bl_store_rollback (self);
  return FALSE;
}

gint64
bl_store_get_secretary_on (BlStore    *self,
                           const char *date)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (BL_IS_STORE (self), 0);
  g_return_val_if_fail (date != NULL, 0);

  stmt = bl_store_prepare (self,
                           "SELECT member_id FROM role_term WHERE role = 'secretary' AND start_date <= ?1 "
                           "AND (end_date IS NULL OR end_date > ?1) ORDER BY start_date DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

guint
bl_store_count_role (BlStore      *self,
                     BlMemberRole  role)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (BL_IS_STORE (self), 0);

  stmt = bl_store_prepare (self, "SELECT count(*) FROM member WHERE status = 'active' AND role = ?1", NULL);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, role_to_id (role));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

gboolean
bl_store_transfer_member (BlStore     *self,
                          gint64       member_id,
                          const char  *date,
                          GError     **error)
{
  g_autoptr(BlMember) member = NULL;
  GDate parsed;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  member = bl_store_find_member (self, member_id);
  if (member == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("The member no longer exists"));
      return FALSE;
    }
  if (date == NULL || !bl_date_parse (date, &parsed))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date != NULL ? date : "");
      return FALSE;
    }
  bl_member_set_status (member, BL_MEMBER_STATUS_TRANSFERRED);
  bl_member_set_transferred_on (member, date);
  return bl_store_save_member (self, member, error);
}

GPtrArray *
bl_store_expected_members (BlStore    *self,
                           const char *kind,
                           const char *group,
                           const char *date)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  gboolean committee = g_strcmp0 (kind, BL_KIND_COMMITTEE_MEETING) == 0;
  gboolean by_group = g_strcmp0 (kind, BL_KIND_GROUP_MEETING) == 0;

  g_return_val_if_fail (BL_IS_STORE (self), result);
  g_return_val_if_fail (date != NULL, result);

  /* Committee: whoever held a role on that day (or holds one now, for
   * members with no recorded history). */
  stmt = bl_store_prepare (self,
                           "SELECT " MEMBER_COLUMNS " " MEMBER_FROM
                           "WHERE (m.joined IS NULL OR m.joined <= ?1) "
                           "AND (m.status = 'active' OR m.transferred_on > ?1) "
                           "AND (?2 = 0 OR coalesce(g.name, '') = ?3) "
                           "AND (?4 = 0 OR EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id "
                           "       AND t.start_date <= ?1 AND (t.end_date IS NULL OR t.end_date > ?1)) "
                           "     OR (m.role <> 'none' AND NOT EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id)))",
                           NULL);
  if (stmt == NULL)
    return result;
  bind_text (stmt, 1, date);
  sqlite3_bind_int (stmt, 2, by_group);
  bind_text (stmt, 3, group != NULL ? group : "");
  sqlite3_bind_int (stmt, 4, committee);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, member_from_row (stmt));
  sqlite3_reset (stmt);

  g_ptr_array_sort_with_data (result, compare_member_ptrs, NULL);
  return result;
}

/* Activities */

#define ACTIVITY_COLUMNS \
  "a.id, a.kind, a.status, a.date, a.start_time, a.end_time, a.location, a.host, a.recorder, " \
  "a.lecturer, coalesce(g.name, ''), a.topic, a.first_topic, a.content, a.resolutions, a.guests, " \
  "(SELECT group_concat(t.name, char(31)) FROM (SELECT t.name FROM activity_tag at JOIN tag t ON t.id = at.tag_id " \
  "   WHERE at.activity_id = a.id ORDER BY at.position) t), " \
  "(SELECT count(*) FROM attendance x WHERE x.activity_id = a.id), " \
  "(SELECT count(*) FROM attendance x WHERE x.activity_id = a.id AND x.state = 'present')"
#define ACTIVITY_FROM "FROM activity a LEFT JOIN party_group g ON g.id = a.group_id "

static BlActivity *
activity_from_row (sqlite3_stmt *stmt)
{
  BlActivity *activity = bl_activity_new ();
  const char *tags = column_text (stmt, 16);

  bl_activity_set_id (activity, sqlite3_column_int64 (stmt, 0));
  bl_activity_set_kind (activity, column_text (stmt, 1));
  bl_activity_set_status (activity, g_strcmp0 (column_text (stmt, 2), "planned") == 0
                                    ? BL_ACTIVITY_STATUS_PLANNED : BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, column_text (stmt, 3));
  bl_activity_set_start_time (activity, column_text (stmt, 4));
  bl_activity_set_end_time (activity, column_text (stmt, 5));
  bl_activity_set_location (activity, column_text (stmt, 6));
  bl_activity_set_host (activity, column_text (stmt, 7));
  bl_activity_set_recorder (activity, column_text (stmt, 8));
  bl_activity_set_lecturer (activity, column_text (stmt, 9));
  bl_activity_set_group (activity, column_text (stmt, 10));
  bl_activity_set_topic (activity, column_text (stmt, 11));
  bl_activity_set_first_topic (activity, sqlite3_column_int (stmt, 12));
  bl_activity_set_content (activity, column_text (stmt, 13));
  bl_activity_set_resolutions (activity, column_text (stmt, 14));
  bl_activity_set_guests (activity, column_text (stmt, 15));
  if (tags != NULL)
    {
      g_auto(GStrv) split = g_strsplit (tags, "\x1f", -1);
      bl_activity_set_tags (activity, (const char * const *) split);
    }
  bl_activity_set_counts (activity, (guint) sqlite3_column_int (stmt, 17), (guint) sqlite3_column_int (stmt, 18));
  return activity;
}

/* Newest first: date, then start time, then id, all descending. */
static int
compare_activities (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  BlActivity *x = (BlActivity *) a, *y = (BlActivity *) b;
  int cmp;

  if ((cmp = g_strcmp0 (bl_activity_get_date (y), bl_activity_get_date (x))) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (bl_activity_get_start_time (y), bl_activity_get_start_time (x))) != 0)
    return cmp;
  return bl_activity_get_id (y) < bl_activity_get_id (x) ? -1 : bl_activity_get_id (y) > bl_activity_get_id (x);
}

static gboolean
load_activities (BlStore  *self,
                 GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = bl_store_prepare (self,
                                         "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM
                                         "ORDER BY a.date DESC, a.start_time DESC, a.id DESC", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, activity_from_row (stmt));
  sqlite3_reset (stmt);

  g_hash_table_remove_all (self->activity_items);
  for (guint i = 0; i < items->len; i++)
    {
      BlActivity *item = g_ptr_array_index (items, i);
      gint64 *key = g_new (gint64, 1);

      *key = bl_activity_get_id (item);
      g_hash_table_insert (self->activity_items, key, item);
    }
  g_list_store_splice (self->activities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->activities)),
                       items->pdata, items->len);
  return TRUE;
}

static gboolean
reload_models (BlStore  *self,
               GError  **error)
{
  return load_kinds (self, error) && load_members (self, error) && load_activities (self, error);
}

GListModel *
bl_store_get_activities (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->activities);
}

static gboolean
load_attendance (BlStore     *self,
                 BlActivity  *activity,
                 GError     **error)
{
  sqlite3_stmt *stmt = bl_store_prepare (self,
                                         "SELECT x.member_id, m.name, x.state, x.reason FROM attendance x "
                                         "JOIN member m ON m.id = x.member_id "
                                         "LEFT JOIN party_group g ON g.id = m.group_id "
                                         "WHERE x.activity_id = ?1 "
                                         "ORDER BY g.name IS NULL, g.name, m.name, m.id", error);

  if (stmt == NULL)
    return FALSE;
  bl_activity_clear_attendance (activity);
  sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bl_activity_add_attendance (activity, sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                                state_from_id (column_text (stmt, 2)), column_text (stmt, 3));
  sqlite3_reset (stmt);
  return TRUE;
}

BlActivity *
bl_store_get_activity (BlStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(BlActivity) activity = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  stmt = bl_store_prepare (self, "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    activity = activity_from_row (stmt);
  sqlite3_reset (stmt);

  if (activity == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("There is no activity number %lld"), (long long) id);
      return NULL;
    }
  if (!load_attendance (self, activity, error))
    return NULL;
  return g_steal_pointer (&activity);
}

static gboolean
validate_activity (BlStore     *self,
                   BlActivity  *activity,
                   GError     **error)
{
  const char *date = bl_activity_get_date (activity);
  const char *start = bl_activity_get_start_time (activity);
  const char *end = bl_activity_get_end_time (activity);
  g_autofree char *topic = g_strstrip (g_strdup (bl_activity_get_topic (activity)));
  int start_min = 0, end_min = 0;
  char today[11];
  GDate parsed;

  if (!bl_store_has_kind (self, bl_activity_get_kind (activity)))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a known kind of activity"), bl_activity_get_kind (activity));
      return FALSE;
    }
  if (date == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("An activity needs a date"));
      return FALSE;
    }
  if (!bl_date_parse (date, &parsed))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }
  if (*topic == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("An activity needs a topic"));
      return FALSE;
    }
  if (start != NULL && !bl_time_parse (start, &start_min))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("“%s” is not a time (HH:MM)"), start);
      return FALSE;
    }
  if (end != NULL && !bl_time_parse (end, &end_min))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("“%s” is not a time (HH:MM)"), end);
      return FALSE;
    }
  if (start != NULL && end != NULL && end_min <= start_min)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("The end time must be after the start time"));
      return FALSE;
    }
  today_iso (today);
  if (bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_HELD && g_strcmp0 (date, today) > 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("A held activity cannot be dated in the future"));
      return FALSE;
    }
  if (g_strcmp0 (bl_activity_get_kind (activity), BL_KIND_GROUP_MEETING) == 0 &&
      *bl_activity_get_group (activity) == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A party group meeting needs its party group"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
activity_row_exists (BlStore *self,
                     gint64   id)
{
  sqlite3_stmt *stmt = bl_store_prepare (self, "SELECT 1 FROM activity WHERE id = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
write_tags (BlStore     *self,
            BlActivity  *activity,
            GError     **error)
{
  const char * const *tags = bl_activity_get_tags (activity);
  sqlite3_stmt *stmt;

  stmt = bl_store_prepare (self, "DELETE FROM activity_tag WHERE activity_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      stmt = bl_store_prepare (self, "INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, tags[i]);
      if (!step_done (self, stmt, error))
        return FALSE;

      stmt = bl_store_prepare (self, "INSERT INTO activity_tag (activity_id, tag_id, position) "
                                     "SELECT ?1, id, ?3 FROM tag WHERE name = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
      bind_text (stmt, 2, tags[i]);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_attendance (BlStore     *self,
                  BlActivity  *activity,
                  GError     **error)
{
  GArray *attendance = bl_activity_get_attendance (activity);
  sqlite3_stmt *stmt;

  stmt = bl_store_prepare (self, "DELETE FROM attendance WHERE activity_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < attendance->len; i++)
    {
      BlAttendance *a = &g_array_index (attendance, BlAttendance, i);
      int rc;

      stmt = bl_store_prepare (self, "INSERT INTO attendance (activity_id, member_id, state, reason) "
                                     "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
      sqlite3_bind_int64 (stmt, 2, a->member_id);
      bind_text (stmt, 3, state_ids[a->state]);
      bind_text (stmt, 4, a->state == BL_ATTENDANCE_PRESENT ? "" : bl_str_or_empty (a->reason));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        {
          g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                       rc == SQLITE_CONSTRAINT_FOREIGNKEY
                       ? _("The attendance names a member who is not in the ledger")
                       : _("The attendance names “%s” twice"),
                       bl_str_or_empty (a->member_name));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        return set_error_from_db (self, rc, error);
    }
  return TRUE;
}

static gboolean
write_activity (BlStore     *self,
                gpointer     record,
                GError     **error)
{
  BlActivity *activity = record;
  static const char *insert_sql =
    "INSERT INTO activity (id, kind, status, date, start_time, end_time, location, host, recorder, lecturer, "
    "group_id, topic, first_topic, content, resolutions, guests) "
    "VALUES (?16, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
  static const char *update_sql =
    "UPDATE activity SET kind = ?1, status = ?2, date = ?3, start_time = ?4, end_time = ?5, location = ?6, "
    "host = ?7, recorder = ?8, lecturer = ?9, group_id = ?10, topic = ?11, first_topic = ?12, content = ?13, "
    "resolutions = ?14, guests = ?15, modified = datetime('now') WHERE id = ?16";
  gint64 id = bl_activity_get_id (activity);
  gboolean update = id != 0 && activity_row_exists (self, id);
  g_autofree char *topic = g_strstrip (g_strdup (bl_activity_get_topic (activity)));
  gint64 group_id;
  sqlite3_stmt *stmt;

  if (!group_id_for (self, bl_activity_get_group (activity), FALSE, &group_id, error))
    return FALSE;

  stmt = bl_store_prepare (self, update ? update_sql : insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, bl_activity_get_kind (activity));
  bind_text (stmt, 2, bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED ? "planned" : "held");
  bind_text (stmt, 3, bl_activity_get_date (activity));
  bind_text (stmt, 4, bl_activity_get_start_time (activity));
  bind_text (stmt, 5, bl_activity_get_end_time (activity));
  bind_text (stmt, 6, bl_activity_get_location (activity));
  bind_text (stmt, 7, bl_activity_get_host (activity));
  bind_text (stmt, 8, bl_activity_get_recorder (activity));
  bind_text (stmt, 9, bl_activity_get_lecturer (activity));
  if (group_id != 0)
    sqlite3_bind_int64 (stmt, 10, group_id);
  bind_text (stmt, 11, topic);
  sqlite3_bind_int (stmt, 12, bl_activity_get_first_topic (activity));
  bind_text (stmt, 13, bl_activity_get_content (activity));
  bind_text (stmt, 14, bl_activity_get_resolutions (activity));
  bind_text (stmt, 15, bl_activity_get_guests (activity));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 16, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    bl_activity_set_id (activity, sqlite3_last_insert_rowid (self->db));
  bl_activity_set_topic (activity, topic);

  if (!write_tags (self, activity, error) || !write_attendance (self, activity, error))
    return FALSE;
  bl_store_mark_changed (self);
  return TRUE;
}

/* After a commit: the one list item changes, moving if its date did. */
static void
update_activity_item (BlStore    *self,
                      BlActivity *saved)
{
  gint64 id = bl_activity_get_id (saved);
  BlActivity *item;
  guint position;

  if (self->depth > 0)
    {
      self->models_dirty = TRUE;
      return;
    }

  item = g_hash_table_lookup (self->activity_items, &id);
  if (item != NULL)
    {
      gboolean moved = g_strcmp0 (bl_activity_get_date (item), bl_activity_get_date (saved)) != 0 ||
                       g_strcmp0 (bl_activity_get_start_time (item), bl_activity_get_start_time (saved)) != 0;

      if (!moved)
        {
          /* In place: the rows showing it follow its notifications. */
          bl_activity_assign (item, saved);
          bl_activity_forget_attendance (item);
          return;
        }
      if (g_list_store_find (self->activities, item, &position))
        {
          g_object_ref (item);
          g_list_store_remove (self->activities, position);
          bl_activity_assign (item, saved);
          bl_activity_forget_attendance (item);
          g_list_store_insert_sorted (self->activities, item, compare_activities, NULL);
          g_object_unref (item);
          return;
        }
    }

  item = bl_activity_copy (saved);
  bl_activity_forget_attendance (item);
  {
    gint64 *key = g_new (gint64, 1);
    *key = id;
    g_hash_table_insert (self->activity_items, key, item);
  }
  g_list_store_insert_sorted (self->activities, item, compare_activities, NULL);
  g_object_unref (item);
}

gboolean
bl_store_save_activity (BlStore     *self,
                        BlActivity  *activity,
                        GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), FALSE);

  if (!validate_activity (self, activity, error))
    return FALSE;
  if (!in_transaction (self, write_activity, activity, error))
    return FALSE;
  update_activity_item (self, activity);
  return TRUE;
}

gboolean
bl_store_delete_activity (BlStore  *self,
                          gint64    id,
                          GError  **error)
{
  sqlite3_stmt *stmt;
  BlActivity *item;
  guint position;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  if (!bl_store_begin (self, error))
    return FALSE;
  stmt = bl_store_prepare (self, "DELETE FROM activity WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND,
                   _("There is no activity number %lld"), (long long) id);
      goto fail;
    }
  bl_store_mark_changed (self);
  if (!bl_store_commit (self, error))
    goto fail;

  if (self->depth > 0)
    {
      self->models_dirty = TRUE;
      return TRUE;
    }
  item = g_hash_table_lookup (self->activity_items, &id);
  if (item != NULL && g_list_store_find (self->activities, item, &position))
    {
      g_hash_table_remove (self->activity_items, &id);
      g_list_store_remove (self->activities, position);
    }
  return TRUE;

fail:
  bl_store_rollback (self);
  return FALSE;
}

gboolean
bl_store_activity_exists (BlStore    *self,
                          const char *kind,
                          const char *date,
                          const char *start_time,
                          const char *topic,
                          gint64      except_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  stmt = bl_store_prepare (self, "SELECT 1 FROM activity WHERE kind = ?1 AND date = ?2 "
                                 "AND coalesce(start_time, '') = coalesce(?3, '') AND topic = ?4 AND id <> ?5", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, kind);
  bind_text (stmt, 2, date);
  bind_text (stmt, 3, start_time);
  bind_text (stmt, 4, topic);
  sqlite3_bind_int64 (stmt, 5, except_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

GPtrArray *
bl_store_list_activities_between (BlStore     *self,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  stmt = bl_store_prepare (self,
                           "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM
                           "WHERE a.date >= coalesce (?1, '') AND a.date <= coalesce (?2, '9999-99-99') "
                           "ORDER BY a.date, a.start_time, a.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, from);
  bind_text (stmt, 2, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BlActivity *activity = activity_from_row (stmt);

      bl_activity_clear_attendance (activity);
      g_ptr_array_add (result, activity);
    }
  sqlite3_reset (stmt);

  ids = g_new (gint64, MAX (result->len, 1));
  for (guint i = 0; i < result->len; i++)
    {
      ids[i] = bl_activity_get_id (g_ptr_array_index (result, i));
      g_hash_table_insert (by_id, &ids[i], g_ptr_array_index (result, i));
    }

  /* One query for the whole range's attendance. */
  stmt = bl_store_prepare (self,
                           "SELECT x.activity_id, x.member_id, m.name, x.state, x.reason FROM attendance x "
                           "JOIN activity a ON a.id = x.activity_id "
                           "JOIN member m ON m.id = x.member_id "
                           "LEFT JOIN party_group g ON g.id = m.group_id "
                           "WHERE a.date >= coalesce (?1, '') AND a.date <= coalesce (?2, '9999-99-99') "
                           "ORDER BY x.activity_id, g.name IS NULL, g.name, m.name, m.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, from);
  bind_text (stmt, 2, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 activity_id = sqlite3_column_int64 (stmt, 0);
      BlActivity *activity = g_hash_table_lookup (by_id, &activity_id);

      if (activity != NULL)
        bl_activity_add_attendance (activity, sqlite3_column_int64 (stmt, 1), column_text (stmt, 2),
                                    state_from_id (column_text (stmt, 3)), column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&result);
}

char *
bl_store_get_first_activity_date (BlStore *self)
{
  sqlite3_stmt *stmt;
  char *date = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  stmt = bl_store_prepare (self, "SELECT min(date) FROM activity", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    date = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  return date;
}

/* GObject */

static void
bl_store_finalize (GObject *object)
{
  BlStore *self = BL_STORE (object);

  g_clear_pointer (&self->activity_items, g_hash_table_unref);
  g_clear_object (&self->activities);
  g_clear_object (&self->members);
  g_clear_object (&self->kinds);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (bl_store_parent_class)->finalize (object);
}

static void
bl_store_class_init (BlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_store_finalize;

  /**
   * BlStore::changed:
   *
   * Emitted after each committed change to the ledger.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bl_store_init (BlStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->kinds = g_list_store_new (BL_TYPE_KIND);
  self->members = g_list_store_new (BL_TYPE_MEMBER);
  self->activities = g_list_store_new (BL_TYPE_ACTIVITY);
  self->activity_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}
