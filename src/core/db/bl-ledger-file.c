/* bl-ledger-file.c: the ledger file: where it lives, the checks before
 * anything writes to it, its creation, migrations and daily backups */
#define _GNU_SOURCE  /* renameat2 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-activity-repo.h"
#include "bl-db-private.h"
#include "bl-disk.h"
#include "bl-ledger-backup.h"
#include "bl-ledger-check.h"
#include "bl-ledger-file.h"
#include "bl-ledger-wal.h"
#include "bl-migrations.h"
#include "bl-setting-repo.h"

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

char *
bl_ledger_file_stem (const char *path)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* What the file is */

static const char *
describe_file_type (mode_t mode)
{
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

gboolean
bl_ledger_file_resolve (const char  *path,
                        gboolean     may_be_missing,
                        char       **resolved,
                        gboolean    *exists,
                        GError     **error)
{
  g_autofree char *absolute = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL && resolved != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  if (exists != NULL)
    *exists = FALSE;
  if (g_lstat (absolute, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && may_be_missing)
        {
          *resolved = g_steal_pointer (&absolute);
          return TRUE;
        }
      if (saved == ENOENT)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("“%s” does not exist"), absolute);
      else
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                     _("Cannot read “%s”: %s"), absolute, g_strerror (saved));
      return FALSE;
    }

  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *target = g_file_read_link (absolute, NULL);
      char *real;

      if (g_stat (absolute, &st) != 0)
        {
          int saved = errno;

          if (saved == ELOOP)
            g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                         _("“%s” is a symbolic link that leads round in a loop, not a ledger file"), absolute);
          else if (saved == ENOENT)
            g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                         _("“%s” is a symbolic link to “%s”, which does not exist; "
                           "correct the link or name the ledger file itself"),
                         absolute, target != NULL ? target : "?");
          else
            g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                         _("Cannot follow the symbolic link “%s”: %s"), absolute, g_strerror (saved));
          return FALSE;
        }
      /* SQLite keeps the -wal beside the file the link leads to: so do we,
       * and so do the checks and the backups. */
      real = realpath (absolute, NULL);
      if (real != NULL)
        {
          g_free (absolute);
          absolute = g_strdup (real);
          free (real);
        }
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("“%s” is a folder, not a ledger file"), absolute);
      return FALSE;
    }
  /* A FIFO would block the first read for ever. */
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is %s, not a ledger file"), absolute, describe_file_type (st.st_mode));
      return FALSE;
    }
  if (exists != NULL)
    *exists = TRUE;
  *resolved = g_steal_pointer (&absolute);
  return TRUE;
}

/* Checks */

static gboolean
read_header (const char  *path,
             gboolean    *is_empty,
             GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[100];
  struct stat st;
  ssize_t got;
  int fd;

  /* Non-blocking: should a FIFO have taken the file's place since it was looked at. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    memset (&st, 0, sizeof st);
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is %s, not a ledger file"), path, describe_file_type (st.st_mode));
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

/* Whether a -wal with something in it lies beside @path. */
gboolean
bl_ledger_file_has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* bl_ledger_file_check(), interrupted by @running's cancel. */
static gboolean
check_file (const char     *path,
            gboolean        full,
            BlLedgerCheck  *running,
            GError        **error)
{
  BlCheckResult result;
  gboolean empty = TRUE;

  if (!read_header (path, &empty, error))
    return FALSE;
  if (empty)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” is empty, not a Branch Ledger file"), path);
      return FALSE;
    }
  if (!bl_ledger_check_existing (path, full ? BL_CHECK_FULL : BL_CHECK_QUICK, NULL, running, &result, error))
    return FALSE;
  if (result.version == 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_A_LEDGER,
                   _("“%s” holds no ledger"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_ledger_file_check (const char  *path,
                      gboolean     full,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return check_file (path, full, NULL, error);
}

static char *
newest_good_backup (const char    *path,
                    BlLedgerCheck *running)
{
  g_autoptr(GPtrArray) backups = NULL;

  /* Backups made before the daily integrity check may hold the damage. */
  backups = bl_ledger_backup_list (path);
  for (guint i = 0; i < backups->len; i++)
    if (check_file (g_ptr_array_index (backups, i), TRUE, running, NULL))
      return g_strdup (g_ptr_array_index (backups, i));
  return NULL;
}

char *
bl_ledger_file_newest_good_backup (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return newest_good_backup (path, NULL);
}

char *
bl_ledger_file_restore_advice (const char    *path,
                               BlLedgerCheck *running)
{
  g_autofree char *good = newest_good_backup (path, running);

  if (good == NULL)
    return g_strdup (_("No backup of it passes the check either: keep the file as it is and export what "
                       "can still be read (branch-ledger --export-csv DIR)."));
  return g_strdup_printf (_("The newest backup that passes the check is “%s”: restore it with Preferences → "
                            "Restore from Backup…, or run branch-ledger --restore-backup “%s”."),
                          good, good);
}

/* Creation */

/* Files of a creation killed half-way: never a ledger, safe to remove. */
static void
remove_leftovers (const char *dir,
                  const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *leftover = g_build_filename (dir, name, NULL);
        g_unlink (leftover);
      }
}

static void
remove_with_companions (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Moves @temp to @path unless something appeared there meanwhile (then
 * *@raced is set and @temp is left for the caller to remove). */
static gboolean
move_into_place (const char  *temp,
                 const char  *path,
                 gboolean     replace,
                 gboolean    *raced)
{
  *raced = FALSE;
  if (replace)
    return g_rename (temp, path) == 0;
  if (renameat2 (AT_FDCWD, temp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno == EEXIST)
    {
      *raced = TRUE;
      return FALSE;
    }
  if (errno != EINVAL && errno != ENOSYS)
    return FALSE;
  /* A file system without RENAME_NOREPLACE: a hard link does the same. */
  if (link (temp, path) == 0)
    {
      g_unlink (temp);
      return TRUE;
    }
  *raced = errno == EEXIST;
  return FALSE;
}

/* Writes a whole new ledger under a hidden name beside @path and renames
 * it into place: a kill or a full disk half-way leaves no ledger rather
 * than half of one. @replace: @path is an empty file, which it replaces. */
static gboolean
create_ledger (const char  *path,
               gboolean     replace,
               const char  *today,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.new-", base);
  g_autofree char *temp = g_strdup_printf ("%s/%sXXXXXX", dir, prefix);
  g_autoptr(BlDb) db = NULL;
  gboolean raced = FALSE;
  int fd;

  if (!bl_disk_make_dir (dir, error))
    return FALSE;
  remove_leftovers (dir, prefix);

  /* The ledger holds members' personal data: only its owner may read it. */
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  db = bl_db_open (temp, error);
  if (db == NULL || !bl_migrations_apply (db, error) ||
      !bl_db_begin (db, error))
    goto failed;
  if (!bl_setting_repo_set (db, BL_LEDGER_FILE_CHECKED_ON, today, error) || !bl_db_commit (db, error))
    {
      bl_db_rollback (db);
      goto failed;
    }
  if (!bl_db_exec (db, "PRAGMA journal_mode = WAL", error))
    goto failed;
  /* Closing folds the log into the file and removes it. */
  g_clear_object (&db);

  if (!bl_disk_sync_file (temp) || !move_into_place (temp, path, replace, &raced))
    {
      int saved = errno;

      if (raced)
        {
          /* Another program made the ledger meanwhile: open that one. */
          remove_with_companions (temp);
          return TRUE;
        }
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved));
      goto failed;
    }
  bl_disk_sync_dir (dir);
  return TRUE;

failed:
  g_clear_object (&db);
  remove_with_companions (temp);
  if (error != NULL && *error != NULL)
    g_prefix_error (error, _("Cannot create the ledger “%s”: "), path);
  return FALSE;
}

/* Permissions */

/* Takes group and other permissions off @path when it is ours; TRUE when it
 * had any. The owner's own bits stay: a read-only file is not made writable. */
static gboolean
tighten (const char *path,
         mode_t      keep)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & 077) != 0 && st.st_uid == geteuid () &&
         g_chmod (path, st.st_mode & keep) == 0;
}

void
bl_ledger_file_tighten_permissions (const char *path,
                                    GPtrArray  *notices)
{
  static const char * const companions[] = { "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *own_dir = g_build_filename (g_get_user_data_dir (), "branch-ledger", NULL);

  if (tighten (path, 07700) && notices != NULL)
    g_ptr_array_add (notices, g_strdup_printf (_("“%s” could be read by other users of this computer; "
                                                 "it is now readable by you alone"), path));
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (path, companions[i], NULL);
      tighten (companion, 07700);
    }
  /* Only the app's own folder: a folder the person chose is theirs to set. */
  if (g_strcmp0 (dir, own_dir) == 0 && tighten (dir, 07700) && notices != NULL)
    g_ptr_array_add (notices, g_strdup_printf (_("The folder “%s” could be opened by other users of this "
                                                 "computer; it is now yours alone"), dir));
}

/* Opening */

/* A rollback journal beside the ledger is left by a kill while an older
 * version created it (a ledger is in WAL mode otherwise). SQLite rolls it
 * back at the first read of a read-write connection, as any program
 * opening the file would; a read-only check cannot, and would find the
 * half-written file damaged. */
static void
recover_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;
  GStatBuf st;

  if (g_stat (journal, &st) != 0 || st.st_size == 0)
    return;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA user_version", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
add_notice (GPtrArray  *notices,
            char       *notice)
{
  if (notices != NULL)
    g_ptr_array_add (notices, notice);
  else
    g_free (notice);
}

/* A log SQLite would not replay whole: copied beside the backups before
 * anything opens the ledger, since the first write resets it. */
static gboolean
keep_damaged_log (const char   *path,
                  BlLedgerWal  *scan,
                  GPtrArray    *notices,
                  GError      **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) keep_error = NULL;
  GStatBuf st;

  /* Named by the log's own time: the same log is kept once. */
  if (g_stat (wal, &st) == 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (st.st_mtime);
      stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
    }
  kept = bl_ledger_backup_keep_aside (path, "damaged-log", stamp != NULL ? stamp : "unknown", TRUE, &keep_error);
  if (kept == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT,
                   _("The log “%s” of the ledger is damaged and could not be copied aside (%s); the ledger "
                     "was not opened, so that nothing is lost. Make room in its folder, then open it again"),
                   wal, keep_error->message);
      return FALSE;
    }
  if (!scan->header_valid)
    add_notice (notices, g_strdup_printf (_("The log “%s” of the ledger was damaged: the saves recorded in it "
                                            "since the ledger was last closed could not be read back, and the "
                                            "ledger opened as it was before them. The log was kept with a copy "
                                            "of the ledger as “%s”: check your latest records, and enter again "
                                            "what is missing."), wal, kept));
  else
    add_notice (notices, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "The log “%s” of the ledger was damaged: %u save recorded "
                                                       "in it could not be read back, and the ledger opened as it "
                                                       "was before it. The log was kept with a copy of the ledger "
                                                       "as “%s”: check your latest records, and enter again what "
                                                       "is missing.",
                                                       "The log “%s” of the ledger was damaged: %u saves recorded "
                                                       "in it could not be read back, and the ledger opened as it "
                                                       "was before them. The log was kept with a copy of the ledger "
                                                       "as “%s”: check your latest records, and enter again what "
                                                       "is missing.",
                                                       scan->lost_commits),
                                          wal, scan->lost_commits, kept));
  return TRUE;
}

/* The ledger opens read-only: why, for the person and for every save. */
BlDb *
bl_ledger_file_open_read_only (const char     *path,
                               gboolean        integrity_failed,
                               gint64          version,
                               GPtrArray      *notices,
                               BlLedgerCheck  *running,
                               GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *reason = NULL;
  g_autofree char *advice = NULL;

  if (version < BL_MIGRATIONS_COUNT)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY,
                   _("“%s” is in an older format that must be updated before use, but it cannot be written "
                     "to; copy it into a folder you can write to and open the copy"), path);
      return NULL;
    }

  if (integrity_failed)
    {
      reason = g_strdup_printf (_("Nothing was saved: “%s” failed its integrity check and is open read-only"), path);
      advice = bl_ledger_file_restore_advice (path, running);
      add_notice (notices, g_strdup_printf (_("“%s” failed its integrity check (PRAGMA integrity_check): it is "
                                              "open read-only, nothing will be written to it and it is not "
                                              "backed up. %s"), path, advice));
    }
  else if (g_access (dir, W_OK) != 0)
    {
      reason = g_strdup_printf (_("Nothing was saved: “%s” is open read-only, because its folder cannot be "
                                  "written to"), path);
      add_notice (notices, g_strdup_printf (_("“%s” is open read-only, because its folder “%s” cannot be "
                                              "written to: the status, reports and exports work, but nothing "
                                              "can be saved. To make changes, copy the ledger into a folder "
                                              "you can write to."), path, dir));
    }
  else
    {
      reason = g_strdup_printf (_("Nothing was saved: “%s” is open read-only, because the file cannot be "
                                  "written to"), path);
      add_notice (notices, g_strdup_printf (_("“%s” is open read-only, because the file cannot be written "
                                              "to: the status, reports and exports work, but nothing can be "
                                              "saved."), path));
    }
  return bl_db_open_read_only (path, !bl_ledger_file_has_wal (path), reason, error);
}

void
bl_ledger_file_refuse (const char     *path,
                       const GError   *check_error,
                       BlLedgerCheck  *running,
                       GError        **error)
{
  if (g_error_matches (check_error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT))
    {
      g_autofree char *advice = bl_ledger_file_restore_advice (path, running);

      /* TRANSLATORS: that the file is damaged, then which backup to restore */
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT, _("%s. %s"), check_error->message, advice);
    }
  else
    g_propagate_error (error, g_error_copy (check_error));
}

/* What opening does before the file's contents are checked: @path made
 * *@absolute, a rollback journal played back, a missing or empty file
 * created whole (*@created), a damaged log kept aside. */
static gboolean
prepare (const char  *path,
         const char  *today,
         GPtrArray   *notices,
         char       **absolute,
         gboolean    *created,
         GError     **error)
{
  g_autofree char *wal = NULL;
  BlLedgerWal scan;
  gboolean existed = FALSE, empty = TRUE;

  *created = FALSE;
  if (!bl_ledger_file_resolve (path, TRUE, absolute, &existed, error))
    return FALSE;
  if (existed)
    recover_hot_journal (*absolute);
  if (existed && !read_header (*absolute, &empty, error))
    return FALSE;
  if (!existed || empty)
    {
      if (!create_ledger (*absolute, existed, today, error))
        return FALSE;
      *created = TRUE;
    }

  wal = g_strconcat (*absolute, "-wal", NULL);
  if (!bl_ledger_wal_scan (wal, &scan, error))
    return FALSE;
  if (bl_ledger_wal_is_damaged (&scan) && !keep_damaged_log (*absolute, &scan, notices, error))
    return FALSE;
  return TRUE;
}

static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* The rest of opening, prepared: the checks, then the daily backup, the
 * migrations and WAL mode. */
static BlDb *
open_prepared (const char  *absolute,
               gboolean     created,
               const char  *today,
               GPtrArray   *notices,
               GError     **error)
{
  g_autoptr(BlDb) db = NULL;
  g_autoptr(GError) check_error = NULL;
  BlCheckResult check = { 0 };
  gboolean writable = is_writable (absolute);

  if (!bl_ledger_check_existing (absolute, writable ? BL_CHECK_DAILY : BL_CHECK_QUICK, today, NULL, &check,
                                 &check_error))
    {
      bl_ledger_file_refuse (absolute, check_error, NULL, error);
      return NULL;
    }

  bl_ledger_file_tighten_permissions (absolute, notices);
  if (!writable || check.integrity_failed)
    return bl_ledger_file_open_read_only (absolute, check.integrity_failed, check.version, notices, NULL, error);

  db = bl_db_open (absolute, error);
  if (db == NULL)
    return NULL;

  /* Back up what the user had, known whole, before anything here writes to it. */
  if (!created && check.version > 0 && check.checked_today)
    {
      g_autoptr(GError) backup_error = NULL;

      if (!bl_ledger_backup_daily (db, today, &backup_error))
        add_notice (notices, g_strdup (backup_error->message));
    }

  if (!bl_migrations_apply (db, error))
    return NULL;
  if (!bl_db_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return NULL;
  if (check.integrity_ran && check.checked_today)
    bl_ledger_file_store_checked_day (db, today);
  /* What opening did (the switch to WAL moves PRAGMA data_version) is no
   * other program's write. */
  bl_db_changed_elsewhere (db, NULL);
  return g_steal_pointer (&db);
}

void
bl_ledger_file_store_checked_day (BlDb       *db,
                                  const char *today)
{
  g_autoptr(GError) error = NULL;
  guint fixed = 0;

  if (!bl_db_begin (db, &error))
    return;
  if (bl_activity_repo_recount (db, &fixed, &error) &&
      bl_setting_repo_set (db, BL_LEDGER_FILE_CHECKED_ON, today, &error))
    bl_db_commit (db, &error);
  if (bl_db_get_depth (db) > 0)
    bl_db_rollback (db);
  if (fixed > 0)
    g_debug ("%s: the counts of %u activities set again from their attendance", bl_db_get_path (db), fixed);
}

BlDb *
bl_ledger_file_open (const char  *path,
                     const char  *today,
                     GPtrArray   *notices,
                     GError     **error)
{
  g_autofree char *absolute = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare (path, today, notices, &absolute, &created, error))
    return NULL;
  return open_prepared (absolute, created, today, notices, error);
}

BlDb *
bl_ledger_file_open_deferred (const char     *path,
                              const char     *today,
                              GPtrArray      *notices,
                              BlLedgerCheck **check,
                              GError        **error)
{
  g_autofree char *absolute = NULL;
  g_autoptr(GError) check_error = NULL;
  BlCheckResult identity = { 0 };
  BlDb *db;
  gboolean created = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *check = NULL;
  if (!prepare (path, today, notices, &absolute, &created, error))
    return NULL;
  /* A ledger made now is whole; one that cannot be written, never written. */
  if (created || !is_writable (absolute))
    return open_prepared (absolute, created, today, notices, error);
  /* Only what is cheap, before the window paints: a ledger this version
   * reads as it is. One of an older format is updated, that is written to:
   * checked first, as ever. */
  if (!bl_ledger_check_existing (absolute, BL_CHECK_IDENTITY, today, NULL, &identity, &check_error))
    {
      bl_ledger_file_refuse (absolute, check_error, NULL, error);
      return NULL;
    }
  if (identity.version != BL_MIGRATIONS_COUNT)
    return open_prepared (absolute, FALSE, today, notices, error);

  db = bl_db_open_unchecked (absolute, error);
  if (db != NULL)
    *check = bl_ledger_check_new (absolute, today);
  return db;
}
