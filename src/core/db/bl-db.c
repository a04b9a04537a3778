/* bl-db.c: the connection to the ledger file: statement cache, nested
 * transactions, error mapping and change tracking */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bl-collation.h"
#include "bl-db-private.h"

struct _BlDb
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;    /* SQL text → sqlite3_stmt */
  guint       depth;         /* open transactions: the outermost and its savepoints */
  BlChange    pending;       /* noted inside the open transaction */
  GHashTable *members;       /* member ids whose attendance it may have changed */
  gboolean    members_unknown;  /* activities or attendance changed without saying whose */
  GHashTable *committed_members;  /* members, while BlDb::committed is emitted */
  gint64      data_version;  /* last seen, for bl_db_changed_elsewhere() */
  guint       bulk;          /* bl_db_set_bulk() calls in force */
  char       *deferred_index;  /* what makes the index bl_db_defer_index() dropped */
  guint       deferred_at;     /* the depth of the transaction that dropped it */
  gboolean    keys_at_commit;  /* bl_db_check_keys_at_commit() for the next transaction */
  gboolean    keys_off;        /* the open transaction's foreign keys are checked at its commit */
  gint64      keys_off_changes;  /* sqlite3_total_changes64() when they were turned off */
  char       *read_only;     /* why nothing can be written, or NULL */
  BlDbBeforeWriteFunc before_write;  /* bl_db_set_before_write() */
  gpointer    before_write_data;
  gboolean    made_wal;      /* bl_db_open_unchecked() made the -wal beside it */
  gboolean    made_shm;      /* and the -shm */
};

G_DEFINE_FINAL_TYPE (BlDb, bl_db, G_TYPE_OBJECT)

static void
forget_members (BlDb *self)
{
  g_clear_pointer (&self->members, g_hash_table_unref);
  self->members_unknown = FALSE;
}

enum {
  COMMITTED,
  ROLLED_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Statements */

gboolean
bl_db_set_error (BlDb    *self,
                 int      rc,
                 GError **error)
{
  const char *message = self != NULL && self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);
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
    case SQLITE_FULL:
      /* SQLite's own words ("database or disk is full") are English. */
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("The disk is full: nothing of this change was saved. Free some space and try again"));
      return FALSE;
    case SQLITE_READONLY:
      if (self != NULL && self->read_only != NULL)
        {
          g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY, self->read_only);
          return FALSE;
        }
      if (self != NULL && self->before_write != NULL)
        {
          g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_BUSY,
                               _("The ledger is still being checked: nothing was saved. Try again in a moment"));
          return FALSE;
        }
      code = BL_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      code = BL_STORE_ERROR_IO;
      break;
    case SQLITE_CONSTRAINT:
      code = BL_STORE_ERROR_INVALID;
      break;
    default:
      code = BL_STORE_ERROR_FAILED;
    }

  if (code == BL_STORE_ERROR_READ_ONLY)
    g_set_error (error, BL_STORE_ERROR, code, _("The ledger is read-only: nothing was saved (%s)"), message);
  else if (code == BL_STORE_ERROR_BUSY)
    g_set_error (error, BL_STORE_ERROR, code,
                 _("The ledger is in use by another program; try again in a moment"));
  else if (code == BL_STORE_ERROR_IO)
    g_set_error (error, BL_STORE_ERROR, code, _("The ledger cannot be written: %s"), message);
  else
    g_set_error (error, BL_STORE_ERROR, code, _("The ledger reported an error: %s"), message);
  return FALSE;
}

/* Whether the connection is open; FALSE with @error set once it is closed. */
static gboolean
is_open (BlDb    *self,
         GError **error)
{
  if (self->handle != NULL)
    return TRUE;
  g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("The ledger is closed"));
  return FALSE;
}

sqlite3 *
bl_db_get_handle (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), NULL);

  return self->handle;
}

/* The statement cache's hash: the SQL's length, its first 16 bytes and
 * its last 32 (where statements differ: their verb and table, their
 * columns and conditions), not all of it. An import looks up its
 * statement of fifty rows (1,300 characters) once per activity, and
 * hashing the whole text cost more than the rest of the lookup; texts
 * alike there are still told apart by g_str_equal(). */
static guint
statement_hash (gconstpointer key)
{
  const char *sql = key;
  gsize length = strlen (sql);
  guint hash = (guint) length;

  for (gsize i = 0; i < length; i = i == 15 && length > 48 ? length - 32 : i + 1)
    hash = hash * 31 + (guchar) sql[i];
  return hash;
}

sqlite3_stmt *
bl_db_prepare (BlDb        *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BL_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!is_open (self, error))
    return NULL;
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      bl_db_set_error (self, sqlite3_extended_errcode (self->handle), error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
bl_db_exec (BlDb        *self,
            const char  *sql,
            GError     **error)
{
  g_return_val_if_fail (BL_IS_DB (self), FALSE);

  if (!is_open (self, error))
    return FALSE;
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return bl_db_set_error (self, sqlite3_extended_errcode (self->handle), error);
  return TRUE;
}

gboolean
bl_db_step_done (BlDb          *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    bl_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

gboolean
bl_db_finish (BlDb          *self,
              sqlite3_stmt  *stmt,
              int            rc,
              GError       **error)
{
  if (rc != SQLITE_DONE)
    bl_db_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

void
bl_db_bind_text (sqlite3_stmt *stmt,
                 int           index,
                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
bl_db_column_text (sqlite3_stmt *stmt,
                   int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

int
bl_db_copy_to (BlDb    *self,
               sqlite3 *dest)
{
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (BL_IS_DB (self), SQLITE_MISUSE);
  g_return_val_if_fail (dest != NULL, SQLITE_MISUSE);

  backup = sqlite3_backup_init (dest, "main", self->handle, "main");
  if (backup == NULL)
    return sqlite3_extended_errcode (dest);
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

gint64
bl_db_last_insert_id (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

int
bl_db_changes (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), 0);

  return sqlite3_changes (self->handle);
}

/* Transactions */

/* After the transaction bl_db_check_keys_at_commit() was for: every write
 * checks its rows' keys again. */
static void
restore_keys (BlDb *self)
{
  if (!self->keys_off)
    return;
  self->keys_off = FALSE;
  if (self->handle != NULL && sqlite3_exec (self->handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Cannot turn the ledger's foreign keys on again: %s", sqlite3_errmsg (self->handle));
}

gboolean
bl_db_begin (BlDb    *self,
             GError **error)
{
  g_autofree char *sql = NULL;
  gboolean keys_at_commit = FALSE;

  g_return_val_if_fail (BL_IS_DB (self), FALSE);

  /* For this transaction, begun or not. */
  if (self->depth == 0)
    {
      keys_at_commit = self->keys_at_commit;
      self->keys_at_commit = FALSE;
    }
  /* Nothing is written before the file is known whole. */
  if (self->depth == 0 && self->before_write != NULL)
    {
      BlDbBeforeWriteFunc func = self->before_write;

      self->before_write = NULL;
      func (self, g_steal_pointer (&self->before_write_data));
    }
  /* Said before anything is tried, in words that tell why. */
  if (self->read_only != NULL)
    {
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY, self->read_only);
      return FALSE;
    }
  if (!is_open (self, error))
    return FALSE;
  /* Only outside a transaction does SQLite take the switch. */
  if (keys_at_commit)
    {
      if (!bl_db_exec (self, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      self->keys_off = TRUE;
      self->keys_off_changes = sqlite3_total_changes64 (self->handle);
    }
  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE") : g_strdup_printf ("SAVEPOINT bl_%u", self->depth);
  if (!bl_db_exec (self, sql, error))
    {
      if (self->depth == 0)
        restore_keys (self);
      return FALSE;
    }
  if (self->depth == 0)
    forget_members (self);
  self->depth++;
  return TRUE;
}

gboolean
bl_db_commit (BlDb    *self,
              GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) members = NULL;
  BlChange changes;

  g_return_val_if_fail (BL_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  /* The transaction that dropped an index makes it again before it ends. */
  if (self->deferred_index != NULL && self->deferred_at == self->depth)
    {
      if (!bl_db_exec (self, self->deferred_index, error))
        return FALSE;
      g_clear_pointer (&self->deferred_index, g_free);
    }
  /* A transaction that wrote nothing (a file of duplicates) has nothing
   * to check. */
  if (self->depth == 1 && self->keys_off && sqlite3_total_changes64 (self->handle) != self->keys_off_changes &&
      !bl_db_check_all_keys (self, error))
    return FALSE;
  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE bl_%u", self->depth - 1);
  if (!bl_db_exec (self, sql, error))
    return FALSE;
  self->depth--;
  if (self->depth > 0)
    return TRUE;
  restore_keys (self);

  /* Told once, after the data is safe in the file. */
  changes = self->pending;
  self->pending = BL_CHANGE_NONE;
  members = g_steal_pointer (&self->members);
  if (self->members_unknown)
    g_clear_pointer (&members, g_hash_table_unref);
  else if (members == NULL)
    members = g_hash_table_new (g_int64_hash, g_int64_equal);  /* nobody's */
  self->members_unknown = FALSE;
  if (changes != BL_CHANGE_NONE)
    {
      /* A write made by a handler meanwhile leaves it NULL: unknown. */
      self->committed_members = members;
      g_signal_emit (self, signals[COMMITTED], 0, changes);
      self->committed_members = NULL;
    }
  return TRUE;
}

void
bl_db_rollback (BlDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (BL_IS_DB (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO bl_%u; RELEASE bl_%u", self->depth - 1, self->depth - 1);
  /* After a full disk or an I/O error SQLite may already have rolled the
   * whole transaction back itself: then there is nothing left to undo, and
   * the error that caused it has been told. */
  if (!sqlite3_get_autocommit (self->handle) &&
      sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));
  self->depth--;
  /* Rolled back past the drop: the index is there again. */
  if (self->deferred_index != NULL && self->deferred_at > self->depth)
    g_clear_pointer (&self->deferred_index, g_free);
  if (self->depth == 0)
    restore_keys (self);

  /* A savepoint's changes are kept noted: the outer transaction may still
   * commit what came before, and a spurious flag costs only a refresh. */
  if (self->depth == 0)
    {
      self->pending = BL_CHANGE_NONE;
      forget_members (self);
      g_signal_emit (self, signals[ROLLED_BACK], 0);
    }
}

guint
bl_db_get_depth (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), 0);

  return self->depth;
}

gboolean
bl_db_write (BlDb           *self,
             BlDbWriteFunc   func,
             gpointer        data,
             GError        **error)
{
  g_return_val_if_fail (BL_IS_DB (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!bl_db_begin (self, error))
    return FALSE;
  if (!func (self, data, error) || !bl_db_commit (self, error))
    {
      bl_db_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
bl_db_note_change (BlDb     *self,
                   BlChange  changes)
{
  g_return_if_fail (BL_IS_DB (self));

  /* Outside a transaction it is told at once, with no members: unknown. */
  if (self->depth > 0)
    self->pending |= changes;
  else if (changes != BL_CHANGE_NONE)
    g_signal_emit (self, signals[COMMITTED], 0, changes);
  if (self->depth > 0 && (changes & (BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE)) != 0)
    self->members_unknown = TRUE;
}

void
bl_db_note_activity_change (BlDb     *self,
                            BlChange  changes)
{
  gboolean unknown;

  g_return_if_fail (BL_IS_DB (self));

  unknown = self->members_unknown;
  bl_db_note_change (self, changes);
  /* An import in bulk writes too much to follow member by member. */
  self->members_unknown = unknown || self->bulk > 0;
}

void
bl_db_note_member (BlDb   *self,
                   gint64  member_id)
{
  g_return_if_fail (BL_IS_DB (self));

  if (self->depth == 0 || self->bulk > 0 || self->members_unknown)
    return;
  if (self->members == NULL)
    self->members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (self->members, g_memdup2 (&member_id, sizeof member_id));
}

GHashTable *
bl_db_get_committed_members (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), NULL);

  return self->committed_members;
}

static gboolean
read_data_version (BlDb    *self,
                   gint64  *version,
                   GError **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (self, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  return bl_db_finish (self, stmt, rc, error);
}

gboolean
bl_db_changed_elsewhere (BlDb    *self,
                         GError **error)
{
  gint64 version = 0;
  gboolean changed;

  g_return_val_if_fail (BL_IS_DB (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The value moves only for other connections' commits, never our own. */
  if (!read_data_version (self, &version, error))
    return FALSE;
  changed = version != self->data_version;
  self->data_version = version;
  return changed;
}

/* Opening */

static BlDb *
open_handle (const char  *path,
             const char  *filename,
             int          flags,
             const char  *read_only,
             GError     **error)
{
  g_autoptr(BlDb) self = NULL;
  int rc;

  self = g_object_new (BL_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = g_strdup (read_only);
  rc = sqlite3_open_v2 (filename, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot open “%s”: %s"),
                   path, self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);
  /* The queries sort members and groups in the ledger's own order. */
  if (!bl_collation_register (self->handle))
    {
      bl_db_set_error (self, sqlite3_extended_errcode (self->handle), error);
      return NULL;
    }
  if (!bl_db_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !read_data_version (self, &self->data_version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* SQLite's own default page cache, about 2 MB. */
#define DEFAULT_CACHE_KIB 2000
/* A ceiling, not an allocation: pages are taken as the transaction needs
 * them (a 20-year ledger's import dirties about 60 MB). */
#define BULK_CACHE_KIB    (512 * 1024)

void
bl_db_set_bulk (BlDb     *self,
                gboolean  bulk)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (BL_IS_DB (self));
  g_return_if_fail (bulk || self->bulk > 0);

  if (bulk ? self->bulk++ > 0 : --self->bulk > 0)
    return;
  /* With the default cache a big transaction spills its pages to the WAL
   * and writes many of them again and again (10 GB written for a 60 MB
   * import). The CHECK constraints cost more than the inserts themselves
   * (SQLite 3.40 builds a temporary table for each row's "state IN (…)"):
   * while they are off, every value written has been checked by the store
   * (dates, names, states from their enums) before. Changing the pragma
   * expires the prepared statements, which SQLite prepares again. */
  sql = g_strdup_printf ("PRAGMA cache_size = -%d; PRAGMA ignore_check_constraints = %s",
                         bulk ? BULK_CACHE_KIB : DEFAULT_CACHE_KIB, bulk ? "ON" : "OFF");
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Cannot set up the connection for a bulk write: %s", sqlite3_errmsg (self->handle));
}

gboolean
bl_db_defer_index (BlDb        *self,
                   const char  *drop_sql,
                   const char  *create_sql,
                   GError     **error)
{
  g_return_val_if_fail (BL_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->deferred_index != NULL)
    return TRUE;
  if (!bl_db_exec (self, drop_sql, error))
    return FALSE;
  self->deferred_index = g_strdup (create_sql);
  self->deferred_at = self->depth;
  return TRUE;
}

void
bl_db_check_keys_at_commit (BlDb *self)
{
  g_return_if_fail (BL_IS_DB (self));

  self->keys_at_commit = TRUE;
}

gboolean
bl_db_get_bulk (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), FALSE);

  return self->bulk > 0;
}

BlDb *
bl_db_open (const char  *path,
            GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_handle (path, path, SQLITE_OPEN_READWRITE, NULL, error);
}

char *
bl_db_read_only_uri (const char *path,
                     gboolean    immutable)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* file:///… with '?', '#' and '%' in the name escaped, as SQLite wants. */
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return NULL;
  return g_strconcat (uri, immutable ? "?immutable=1" : "?mode=ro", NULL);
}

BlDb *
bl_db_open_read_only (const char  *path,
                      gboolean     immutable,
                      const char  *reason,
                      GError     **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (reason != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = bl_db_read_only_uri (path, immutable);
  if (uri == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot open “%s”"), path);
      return NULL;
    }
  return open_handle (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, reason, error);
}

BlDb *
bl_db_open_unchecked (const char  *path,
                      GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  gboolean made_wal, made_shm;
  BlDb *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = bl_db_read_only_uri (path, FALSE);
  if (uri == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot open “%s”"), path);
      return NULL;
    }
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  made_wal = !g_file_test (wal, G_FILE_TEST_EXISTS);
  made_shm = !g_file_test (shm, G_FILE_TEST_EXISTS);
  self = open_handle (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL, error);
  if (self != NULL)
    {
      self->made_wal = made_wal;
      self->made_shm = made_shm;
    }
  return self;
}

/* A read-only connection to a file in WAL mode makes its -wal and -shm;
 * a refused file keeps nothing beside it that it did not have (the -wal
 * only while empty: nothing was written through it). */
static void
remove_companions_made (BlDb *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  GStatBuf st;

  if (self->made_wal && g_stat (wal, &st) == 0 && st.st_size == 0)
    g_unlink (wal);
  if (self->made_shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_unlink (shm);
  self->made_wal = self->made_shm = FALSE;
}

gboolean
bl_db_is_read_only (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), FALSE);

  return self->read_only != NULL;
}

const char *
bl_db_get_read_only_reason (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), NULL);

  return self->read_only;
}

static void
close_handle (BlDb *self)
{
  /* Statements first: a connection with live statements does not close. */
  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    sqlite3_close (self->handle);
  self->handle = NULL;
}

void
bl_db_close (BlDb *self)
{
  g_return_if_fail (BL_IS_DB (self));
  g_return_if_fail (self->depth == 0);

  close_handle (self);
}

void
bl_db_refuse (BlDb       *self,
              const char *reason)
{
  g_return_if_fail (BL_IS_DB (self));
  g_return_if_fail (self->depth == 0);
  g_return_if_fail (reason != NULL);

  close_handle (self);
  remove_companions_made (self);
  g_free (self->read_only);
  self->read_only = g_strdup (reason);
  self->pending = BL_CHANGE_NONE;
  forget_members (self);
}

void
bl_db_set_before_write (BlDb                *self,
                        BlDbBeforeWriteFunc  func,
                        gpointer             data)
{
  g_return_if_fail (BL_IS_DB (self));

  self->before_write = func;
  self->before_write_data = func != NULL ? data : NULL;
}

void
bl_db_adopt (BlDb *self,
             BlDb *other)
{
  g_return_if_fail (BL_IS_DB (self));
  g_return_if_fail (BL_IS_DB (other));
  g_return_if_fail (self->depth == 0 && other->depth == 0);

  close_handle (self);
  self->handle = g_steal_pointer (&other->handle);
  g_hash_table_remove_all (other->statements);
  g_free (self->path);
  self->path = g_strdup (other->path);
  self->made_wal = self->made_shm = FALSE;
  g_free (self->read_only);
  self->read_only = g_strdup (other->read_only);
  self->data_version = other->data_version;
  self->pending = BL_CHANGE_NONE;
  forget_members (self);
}

const char *
bl_db_get_path (BlDb *self)
{
  g_return_val_if_fail (BL_IS_DB (self), NULL);

  return self->path;
}

/* GObject */

static void
bl_db_finalize (GObject *object)
{
  BlDb *self = BL_DB (object);

  close_handle (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  forget_members (self);
  g_free (self->path);
  g_free (self->deferred_index);
  g_free (self->read_only);

  G_OBJECT_CLASS (bl_db_parent_class)->finalize (object);
}

static void
bl_db_class_init (BlDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_db_finalize;

  /**
   * BlDb::committed:
   * @changes: the union of what the transaction's writes changed
   *
   * Emitted once the outermost transaction has committed.
   */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, BL_TYPE_CHANGE);
  /**
   * BlDb::rolled-back:
   *
   * Emitted when the outermost transaction rolled back: nothing it wrote
   * remains.
   */
  signals[ROLLED_BACK] = g_signal_new ("rolled-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bl_db_init (BlDb *self)
{
  self->statements = g_hash_table_new_full (statement_hash, g_str_equal, g_free, finalize_statement);
}
