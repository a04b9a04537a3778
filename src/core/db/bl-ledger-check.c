/* bl-ledger-check.c: the checks of the ledger file's contents before
 * anything writes to it, and BlLedgerCheck, which runs them in a worker
 * thread while a window reads the ledger on a read-only connection */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-db-private.h"
#include "bl-ledger-backup.h"
#include "bl-ledger-check.h"
#include "bl-ledger-file.h"
#include "bl-migrations.h"

struct _BlLedgerCheck
{
  GObject               parent_instance;

  char                 *path;
  char                 *today;
  GMainContext         *context;     /* where ::done is emitted */
  gboolean              started;
  GThread              *thread;      /* the worker, until joined */

  /* Shared with the worker. */
  GMutex                lock;
  sqlite3              *running;     /* the worker's connection while a check runs */
  gboolean              cancelled;
  GSource              *done_source; /* ::done on its way */

  /* The worker's, read once it is joined. */
  BlLedgerCheckOutcome  outcome;
  BlDb                 *db;          /* PASSED, READ_ONLY: the connection to go on with */
  GPtrArray            *notices;
  GError               *error;       /* REFUSED */
  gboolean              store_day;   /* integrity_check passed now: the day goes into the ledger */

  gboolean              applied;
};

G_DEFINE_FINAL_TYPE (BlLedgerCheck, bl_ledger_check, G_TYPE_OBJECT)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Interrupting */

/* Notes @db (NULL: none) as the connection a check runs on, for
 * bl_ledger_check_cancel() to interrupt; FALSE with @error set when the
 * check was cancelled already. */
static gboolean
watch (BlLedgerCheck  *running,
       sqlite3        *db,
       GError        **error)
{
  gboolean cancelled;

  if (running == NULL)
    return TRUE;
  g_mutex_lock (&running->lock);
  cancelled = running->cancelled && db != NULL;
  running->running = cancelled ? NULL : db;
  g_mutex_unlock (&running->lock);
  if (cancelled)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return !cancelled;
}

static gboolean
is_cancelled (BlLedgerCheck *self)
{
  gboolean cancelled;

  g_mutex_lock (&self->lock);
  cancelled = self->cancelled;
  g_mutex_unlock (&self->lock);
  return cancelled;
}

/* After a check that did not pass: whether it was interrupted, which says
 * nothing about the file (then @error says so). */
static gboolean
was_cancelled (BlLedgerCheck  *running,
               GError        **error)
{
  if (running == NULL || !is_cancelled (running))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  return TRUE;
}

/* Checks */

static void
set_damaged_error (const char  *path,
                   GError     **error)
{
  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT,
               _("“%s” is damaged and was left untouched"),
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

static char *
read_checked_on (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM setting WHERE key = '" BL_LEDGER_FILE_CHECKED_ON "'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Whether PRAGMA @pragma answers a single "ok". */
static gboolean
passes (sqlite3    *db,
        const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
       sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok;
}

/* Checks an existing file on a read-only connection, so that nothing is
 * written to a file we end up refusing. Without a -wal beside it, the file
 * alone is the ledger: immutable=1 then reads it without a lock and without
 * creating a -wal or -shm. */
static gboolean
check_once (const char     *path,
            gboolean        immutable,
            BlCheckDepth    depth,
            const char     *today,
            BlLedgerCheck  *running,
            BlCheckResult  *result,
            GError        **error)
{
  static const char * const queries[] = {
    "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_master",
  };
  g_autofree char *uri = bl_db_read_only_uri (path, immutable);
  g_autofree char *checked_on = NULL;
  sqlite3 *db = NULL;
  gint64 values[G_N_ELEMENTS (queries)] = { 0 };
  gint64 app_id, version, objects;
  gboolean ok = FALSE;
  int rc;

  memset (result, 0, sizeof *result);
  rc = uri != NULL ? sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) : SQLITE_CANTOPEN;
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto out;
    }
  sqlite3_busy_timeout (db, 5000);
  if (!watch (running, db, error))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      rc = read_int (db, queries[i], &values[i]);
      if (rc == SQLITE_ROW)
        continue;
      if (was_cancelled (running, error))
        goto out;
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_BUSY,
                     _("The ledger is in use by another program; try again in a moment"));
      else if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                     _("“%s” is not a Branch Ledger file"), path);
      else if ((rc & 0xff) == SQLITE_CANTOPEN)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                     _("Cannot open “%s”: %s"), path, sqlite3_errmsg (db));
      else
        set_damaged_error (path, error);
      goto out;
    }
  app_id = values[0];
  version = values[1];
  objects = values[2];
  result->version = version;

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

  if (depth == BL_CHECK_IDENTITY)
    {
      ok = TRUE;
      goto out;
    }

  /* What quick_check does not look at (index entries against their rows,
   * among others) costs O(N log N): once a day, not at every start. It
   * does all that quick_check does, so that day it runs alone. */
  if (version > 0 && depth == BL_CHECK_DAILY)
    {
      checked_on = read_checked_on (db);
      result->checked_today = today != NULL && g_strcmp0 (checked_on, today) == 0;
    }
  result->integrity_ran = version > 0 && (depth == BL_CHECK_FULL || (depth == BL_CHECK_DAILY && !result->checked_today));
  if (result->integrity_ran && passes (db, "PRAGMA integrity_check"))
    {
      result->checked_today = depth == BL_CHECK_DAILY;
      ok = TRUE;
      goto out;
    }
  /* An interrupted check found nothing. */
  if (was_cancelled (running, error))
    goto out;
  /* Damage quick_check sees too refuses the file; only what it misses
   * leaves a ledger that can still be read. */
  if (!passes (db, "PRAGMA quick_check") || (depth == BL_CHECK_FULL && result->integrity_ran))
    {
      if (!was_cancelled (running, error))
        set_damaged_error (path, error);
      goto out;
    }
  result->integrity_failed = result->integrity_ran;
  ok = TRUE;

out:
  watch (running, NULL, NULL);
  sqlite3_close (db);
  return ok;
}

gboolean
bl_ledger_check_existing (const char     *path,
                          BlCheckDepth    depth,
                          const char     *today,
                          BlLedgerCheck  *running,
                          BlCheckResult  *result,
                          GError        **error)
{
  gboolean immutable = !bl_ledger_file_has_wal (path);
  GStatBuf before, after;
  g_autoptr(GError) first_error = NULL;

  if (g_stat (path, &before) != 0)
    memset (&before, 0, sizeof before);
  if (check_once (path, immutable, depth, today, running, result, &first_error))
    return TRUE;
  /* Read without a lock, the file may have been written under us by a
   * program that opened it meanwhile: then look again, with locks. */
  if (immutable && first_error->domain == BL_STORE_ERROR &&
      (first_error->code == BL_STORE_ERROR_CORRUPT || first_error->code == BL_STORE_ERROR_NOT_A_LEDGER) &&
      (bl_ledger_file_has_wal (path) || g_stat (path, &after) != 0 || after.st_size != before.st_size ||
       after.st_mtim.tv_sec != before.st_mtim.tv_sec || after.st_mtim.tv_nsec != before.st_mtim.tv_nsec))
    return check_once (path, FALSE, depth, today, running, result, error);
  g_propagate_error (error, g_steal_pointer (&first_error));
  return FALSE;
}

/* The worker */

/* The file found whole: the connection that writes, after the day's
 * backup, as bl_ledger_file_open() makes it. */
static BlDb *
open_checked (BlLedgerCheck  *self,
              BlCheckResult  *result,
              GError        **error)
{
  g_autoptr(BlDb) db = bl_db_open (self->path, error);

  if (db == NULL)
    return NULL;
  /* Back up what the user had, known whole, before anything here writes to it. */
  if (result->version > 0 && result->checked_today)
    {
      g_autoptr(GError) backup_error = NULL;

      if (!bl_ledger_backup_daily (db, self->today, &backup_error))
        g_ptr_array_add (self->notices, g_strdup (backup_error->message));
    }
  if (!bl_migrations_apply (db, error) ||
      !bl_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return NULL;
  self->store_day = result->integrity_ran && result->checked_today;
  return g_steal_pointer (&db);
}

static gboolean
done_idle_cb (gpointer data)
{
  BlLedgerCheck *self = data;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->done_source, g_source_unref);
  g_mutex_unlock (&self->lock);
  bl_ledger_check_wait (self);
  g_signal_emit (self, signals[DONE], 0);
  return G_SOURCE_REMOVE;
}

static gpointer
check_thread (gpointer data)
{
  BlLedgerCheck *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDb) db = NULL;
  BlLedgerCheckOutcome outcome = BL_LEDGER_CHECK_REFUSED;
  BlCheckResult result;

  if (bl_ledger_check_existing (self->path, BL_CHECK_DAILY, self->today, self, &result, &error))
    {
      bl_ledger_file_tighten_permissions (self->path, self->notices);
      if (result.integrity_failed)
        db = bl_ledger_file_open_read_only (self->path, TRUE, result.version, self->notices, self, &error);
      else
        db = open_checked (self, &result, &error);
      if (db != NULL)
        outcome = result.integrity_failed ? BL_LEDGER_CHECK_READ_ONLY : BL_LEDGER_CHECK_PASSED;
    }
  else
    {
      GError *refused = NULL;

      bl_ledger_file_refuse (self->path, error, self, &refused);
      g_clear_error (&error);
      error = refused;
    }
  if (outcome != BL_LEDGER_CHECK_PASSED && is_cancelled (self))
    outcome = BL_LEDGER_CHECK_CANCELLED;
  if (outcome == BL_LEDGER_CHECK_REFUSED && error == NULL)
    error = g_error_new_literal (BL_STORE_ERROR, BL_STORE_ERROR_FAILED, _("Unknown error."));

  g_mutex_lock (&self->lock);
  self->outcome = outcome;
  self->db = g_steal_pointer (&db);
  if (outcome == BL_LEDGER_CHECK_REFUSED)
    self->error = g_steal_pointer (&error);
  if (!self->cancelled)
    {
      self->done_source = g_idle_source_new ();
      g_source_set_callback (self->done_source, done_idle_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (self->done_source, "[branch-ledger] ledger checked");
      g_source_attach (self->done_source, self->context);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* The outcome */

/* GObject */

static void
bl_ledger_check_finalize (GObject *object)
{
  BlLedgerCheck *self = BL_LEDGER_CHECK (object);

  bl_ledger_check_cancel (self);
  g_clear_object (&self->db);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->today);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (bl_ledger_check_parent_class)->finalize (object);
}

static void
bl_ledger_check_class_init (BlLedgerCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_ledger_check_finalize;

  /**
   * BlLedgerCheck::done:
   *
   * Emitted on the thread-default main context of the thread that made the
   * check (bl_ledger_check_new()), once the outcome is known; not after
   * bl_ledger_check_cancel().
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bl_ledger_check_init (BlLedgerCheck *self)
{
  g_mutex_init (&self->lock);
  self->outcome = BL_LEDGER_CHECK_RUNNING;
  self->notices = g_ptr_array_new_with_free_func (g_free);
}

/* Public API */

BlLedgerCheck *
bl_ledger_check_new (const char *path,
                     const char *today)
{
  BlLedgerCheck *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (BL_TYPE_LEDGER_CHECK, NULL);
  self->path = g_strdup (path);
  self->today = g_strdup (today);
  self->context = g_main_context_ref_thread_default ();
  return self;
}

void
bl_ledger_check_start (BlLedgerCheck *self)
{
  g_return_if_fail (BL_IS_LEDGER_CHECK (self));

  if (self->started)
    return;
  self->started = TRUE;
  /* The object outlives the thread: it is joined before it goes. */
  self->thread = g_thread_new ("bl-check-ledger", check_thread, self);
}

BlLedgerCheckOutcome
bl_ledger_check_wait (BlLedgerCheck *self)
{
  g_return_val_if_fail (BL_IS_LEDGER_CHECK (self), BL_LEDGER_CHECK_CANCELLED);

  /* Not started yet: here and now. */
  if (!self->started)
    {
      self->started = TRUE;
      check_thread (self);
    }
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  return self->outcome;
}

void
bl_ledger_check_cancel (BlLedgerCheck *self)
{
  GSource *done_source;

  g_return_if_fail (BL_IS_LEDGER_CHECK (self));

  g_mutex_lock (&self->lock);
  self->cancelled = TRUE;
  if (!self->started)
    {
      self->started = TRUE;
      self->outcome = BL_LEDGER_CHECK_CANCELLED;
    }
  /* Safe from another thread while the connection is open, which the
   * lock ensures. */
  if (self->running != NULL)
    sqlite3_interrupt (self->running);
  g_mutex_unlock (&self->lock);

  bl_ledger_check_wait (self);

  g_mutex_lock (&self->lock);
  done_source = g_steal_pointer (&self->done_source);
  g_mutex_unlock (&self->lock);
  if (done_source != NULL)
    {
      g_source_destroy (done_source);
      g_source_unref (done_source);
    }
}

BlLedgerCheckOutcome
bl_ledger_check_apply (BlLedgerCheck *self,
                       BlDb          *db,
                       GPtrArray     *notices,
                       gboolean      *changed_elsewhere)
{
  BlLedgerCheckOutcome outcome;

  g_return_val_if_fail (BL_IS_LEDGER_CHECK (self), BL_LEDGER_CHECK_CANCELLED);
  g_return_val_if_fail (BL_IS_DB (db), BL_LEDGER_CHECK_CANCELLED);

  outcome = bl_ledger_check_wait (self);
  if (changed_elsewhere != NULL)
    *changed_elsewhere = FALSE;
  if (self->applied || outcome == BL_LEDGER_CHECK_CANCELLED)
    return outcome;
  g_return_val_if_fail (bl_db_get_depth (db) == 0, outcome);
  self->applied = TRUE;

  /* The reading connection's last look, before it goes. */
  if (outcome != BL_LEDGER_CHECK_REFUSED && bl_db_changed_elsewhere (db, NULL) && changed_elsewhere != NULL)
    *changed_elsewhere = TRUE;
  for (guint i = 0; notices != NULL && i < self->notices->len; i++)
    g_ptr_array_add (notices, g_strdup (g_ptr_array_index (self->notices, i)));

  switch (outcome)
    {
    case BL_LEDGER_CHECK_PASSED:
      if (self->store_day)
        bl_ledger_file_store_checked_day (self->db, self->today);
      /* What opening did (the switch to WAL moves PRAGMA data_version) is
       * no other program's write. */
      bl_db_changed_elsewhere (self->db, NULL);
      bl_db_adopt (db, self->db);
      break;
    case BL_LEDGER_CHECK_READ_ONLY:
      bl_db_adopt (db, self->db);
      break;
    case BL_LEDGER_CHECK_REFUSED:
      {
        /* TRANSLATORS: why the ledger was refused ("“FILE” is damaged and was left untouched. …") */
        g_autofree char *reason = g_strdup_printf (_("Nothing was saved: %s"), self->error->message);

        bl_db_refuse (db, reason);
      }
      break;
    case BL_LEDGER_CHECK_RUNNING:
    case BL_LEDGER_CHECK_CANCELLED:
    default:
      g_assert_not_reached ();
    }
  g_clear_object (&self->db);
  return outcome;
}

const GError *
bl_ledger_check_get_error (BlLedgerCheck *self)
{
  g_return_val_if_fail (BL_IS_LEDGER_CHECK (self), NULL);

  return self->outcome == BL_LEDGER_CHECK_REFUSED ? self->error : NULL;
}
