/* bl-ledger-backup.c: the ledger's backups: the daily copy, pruning exactly
 * this ledger's, copies kept aside before anything risky, and restoring */
#define _GNU_SOURCE  /* F_OFD_SETLK */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-attachment-backup.h"
#include "bl-db-private.h"
#include "bl-disk.h"
#include "bl-ledger-backup.h"
#include "bl-ledger-file.h"

/* Names */

/* Whether @name is <stem>-YYYY-MM-DD.db, a real date; the date in @date. */
static gboolean
is_daily_name (const char *name,
               const char *stem,
               char        date[11])
{
  gsize stem_length = strlen (stem);
  const char *rest;
  GDate parsed;

  if (strncmp (name, stem, stem_length) != 0 || name[stem_length] != '-')
    return FALSE;
  rest = name + stem_length + 1;
  if (strlen (rest) != 13 || strcmp (rest + 10, ".db") != 0)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? rest[i] != '-' : !g_ascii_isdigit (rest[i]))
      return FALSE;
  memcpy (date, rest, 10);
  date[10] = '\0';
  g_date_clear (&parsed, 1);
  g_date_set_parse (&parsed, date);
  return g_date_valid (&parsed) &&
         g_date_get_year (&parsed) == (guint) atoi (date) &&
         g_date_get_month (&parsed) == (guint) atoi (date + 5) &&
         g_date_get_day (&parsed) == (guint) atoi (date + 8);
}

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
bl_ledger_backup_list (const char *path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *paths;
  const char *name;
  char date[11];

  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  dir = bl_ledger_file_backup_dir (absolute);
  stem = bl_ledger_file_stem (absolute);
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (is_daily_name (name, stem, date))
      g_ptr_array_add (names, g_strdup (name));

  /* Names end in YYYY-MM-DD.db after the same stem: by name is by day. */
  g_ptr_array_sort (names, compare_names_descending);
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (dir, g_ptr_array_index (names, i), NULL));
  return paths;
}

/* Files */

gboolean
bl_ledger_backup_copy_file (const char  *source,
                            const char  *dest,
                            GError     **error)
{
  int in, out, saved = 0;

  g_return_val_if_fail (source != NULL && dest != NULL, FALSE);

  in = g_open (source, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (in < 0)
    {
      saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s"), source, g_strerror (saved));
      return FALSE;
    }
  /* Members' personal data: for the owner only, whatever the umask. */
  out = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0)
    {
      saved = errno;
      close (in);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s"), dest, g_strerror (saved));
      return FALSE;
    }
  if (!bl_disk_copy (in, out, NULL, NULL))
    saved = errno != 0 ? errno : EIO;
  if (saved == 0 && fsync (out) != 0)
    saved = errno;
  close (in);
  if (close (out) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      g_unlink (dest);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot write “%s”: %s"), dest, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_backup_dir (const char  *dir,
                   GError     **error)
{
  GStatBuf st;

  if (!bl_disk_make_dir (dir, error))
    return FALSE;
  /* A folder of ours made looser by hand, or by an older version. */
  if (g_stat (dir, &st) == 0 && (st.st_mode & 077) != 0 && st.st_uid == geteuid ())
    g_chmod (dir, st.st_mode & 0700);
  return TRUE;
}

char *
bl_ledger_backup_keep_aside (const char  *path,
                             const char  *label,
                             const char  *stamp,
                             gboolean     once,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *wal_copy = NULL;

  g_return_val_if_fail (path != NULL && label != NULL && stamp != NULL, NULL);

  dir = bl_ledger_file_backup_dir (path);
  stem = bl_ledger_file_stem (path);
  copy = g_strdup_printf ("%s/%s-%s-%s.db", dir, stem, label, stamp);
  wal = g_strconcat (path, "-wal", NULL);
  wal_copy = g_strconcat (copy, "-wal", NULL);

  if (once && g_file_test (copy, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&copy);
  for (guint n = 2; g_file_test (copy, G_FILE_TEST_EXISTS); n++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s/%s-%s-%s-%u.db", dir, stem, label, stamp, n);
    }
  g_free (wal_copy);
  wal_copy = g_strconcat (copy, "-wal", NULL);
  if (!ensure_backup_dir (dir, error))
    return NULL;
  /* The log first: the copy of the ledger is what says "kept". */
  if (g_file_test (wal, G_FILE_TEST_EXISTS) && !g_file_test (wal_copy, G_FILE_TEST_EXISTS) &&
      !bl_ledger_backup_copy_file (wal, wal_copy, error))
    return NULL;
  if (!bl_ledger_backup_copy_file (path, copy, error))
    {
      g_unlink (wal_copy);
      return NULL;
    }
  bl_disk_sync_dir (dir);
  return g_steal_pointer (&copy);
}

/* The daily backup */

/* Leftovers of a backup interrupted on another day. */
static void
remove_partials (const char *dir,
                 const char *stem)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  char date[11];

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *complete = NULL;

      if (!g_str_has_suffix (name, ".db.partial"))
        continue;
      complete = g_strndup (name, strlen (name) - strlen (".partial"));
      if (is_daily_name (complete, stem, date))
        {
          g_autofree char *partial = g_build_filename (dir, name, NULL);
          g_unlink (partial);
        }
    }
}

static void
prune (const char *path,
       const char *made)
{
  g_autoptr(GPtrArray) backups = bl_ledger_backup_list (path);
  guint kept = 1;  /* the one just made */

  for (guint i = 0; i < backups->len; i++)
    {
      const char *backup = g_ptr_array_index (backups, i);

      if (g_strcmp0 (backup, made) == 0)
        continue;
      if (kept < BL_LEDGER_FILE_BACKUPS_KEPT)
        kept++;
      else
        g_unlink (backup);
    }
}

/* Today's backup of the ledger open in @db, made @target, in @dir. */
static gboolean
make_daily (BlDb        *db,
            const char  *dir,
            const char  *stem,
            const char  *target,
            GError     **error)
{
  g_autofree char *partial = g_strconcat (target, ".partial", NULL);
  sqlite3 *dest = NULL;
  int fd, rc;

  remove_partials (dir, stem);
  fd = g_open (partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create “%s”: %s"), partial, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = bl_db_copy_to (db, dest);
  sqlite3_close (dest);

  if (rc != SQLITE_OK || g_rename (partial, target) != 0)
    {
      g_unlink (partial);
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                     _("Cannot write the daily backup “%s”: the disk is full"), target);
      else
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                     _("Cannot write the daily backup “%s”"), target);
      return FALSE;
    }
  bl_disk_sync_dir (dir);

  prune (bl_db_get_path (db), target);

  /* The attachments' files go with the day's backup (bl-attachment-backup.c). */
  {
    g_autoptr(GError) attachments_error = NULL;

    if (!bl_attachment_backup_run (db, &attachments_error))
      g_warning ("%s", attachments_error->message);
  }
  return TRUE;
}

gboolean
bl_ledger_backup_daily (BlDb        *db,
                        const char  *today,
                        GError     **error)
{
  const char *path;
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *target = NULL;
  gboolean made;
  int lock;

  g_return_val_if_fail (BL_IS_DB (db), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  path = bl_db_get_path (db);
  dir = bl_ledger_file_backup_dir (path);
  stem = bl_ledger_file_stem (path);
  target = g_strdup_printf ("%s/%s-%s.db", dir, stem, today);
  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!ensure_backup_dir (dir, error))
    return FALSE;
  /* One at a time (another program opening the ledger, or an import's
   * connection beside the window's checks): the next finds the backup
   * made, and nobody removes a partial copy another is writing. */
  lock = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (lock >= 0)
    while (flock (lock, LOCK_EX) != 0 && errno == EINTR)
      ;
  made = g_file_test (target, G_FILE_TEST_EXISTS) || make_daily (db, dir, stem, target, error);
  if (lock >= 0)
    close (lock);
  return made;
}

/* Restoring */

/* SQLite's unix locks live in the lock-byte page at 1 GiB (the file
 * format's "lock-byte page"): every connection holds a read lock on the
 * SHARED range while it has the file open in WAL mode. A write lock on that
 * range, taken on an open file description of our own, is granted only when
 * no other connection has the ledger open, and keeps new ones out (they wait,
 * then report it busy) until it is released. -1 with @error set when busy. */
#define SQLITE_SHARED_FIRST (0x40000000 + 2)
#define SQLITE_SHARED_SIZE  510

static int
lock_current (const char  *path,
              GError     **error)
{
  struct flock lock = { 0 };
  int fd = g_open (path, O_RDWR | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot replace “%s”: %s"), path, g_strerror (saved));
      return -1;
    }
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = SQLITE_SHARED_FIRST;
  lock.l_len = SQLITE_SHARED_SIZE;
  if (fcntl (fd, F_OFD_SETLK, &lock) != 0)
    {
      close (fd);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_BUSY,
                   _("The ledger is open in another window or program; close it, then restore the backup"));
      return -1;
    }
  return fd;
}

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* Copies @backup with SQLite's backup API into a new file beside @path. */
static char *
copy_backup_beside (const char  *path,
                    const char  *backup,
                    gboolean     immutable,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.restore-XXXXXX", dir, base);
  g_autofree char *uri = bl_db_read_only_uri (backup, immutable);
  sqlite3 *from = NULL, *to = NULL;
  sqlite3_backup *copy;
  int fd, rc;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (uri, &from, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (temp, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      copy = sqlite3_backup_init (to, "main", from, "main");
      rc = copy != NULL ? sqlite3_backup_step (copy, -1) : sqlite3_errcode (to);
      if (copy != NULL)
        sqlite3_backup_finish (copy);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_close (from);
  sqlite3_close (to);
  if (rc != SQLITE_OK)
    {
      g_unlink (temp);
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                     _("Cannot restore the backup: the disk is full; nothing was changed"));
      else
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                     _("Cannot copy the backup “%s”: %s"), backup, sqlite3_errstr (rc));
      return NULL;
    }
  return g_steal_pointer (&temp);
}

gboolean
bl_ledger_backup_restore (const char  *path,
                          const char  *backup,
                          char       **kept_aside,
                          GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *source = NULL;
  g_autofree char *source_wal = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) check_error = NULL;
  int lock = -1;
  GStatBuf st, backup_st;
  gboolean exists;

  g_return_val_if_fail (path != NULL && backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kept_aside != NULL)
    *kept_aside = NULL;
  if (!bl_ledger_file_resolve (path, TRUE, &absolute, &exists, error) ||
      !bl_ledger_file_resolve (backup, FALSE, &source, NULL, error))
    return FALSE;
  if (exists && g_stat (absolute, &st) == 0 && g_stat (source, &backup_st) == 0 &&
      st.st_dev == backup_st.st_dev && st.st_ino == backup_st.st_ino)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is the ledger itself, not a backup of it"), source);
      return FALSE;
    }

  /* The backup: a ledger this version reads, whole. */
  source_wal = g_strconcat (source, "-wal", NULL);
  if (!bl_ledger_file_check (source, TRUE, &check_error))
    {
      g_set_error (error, BL_STORE_ERROR,
                   check_error->code == BL_STORE_ERROR_IO ? BL_STORE_ERROR_IO : BL_STORE_ERROR_INVALID,
                   _("The backup cannot be restored: %s"), check_error->message);
      return FALSE;
    }

  dir = g_path_get_dirname (absolute);
  if (!bl_disk_make_dir (dir, error))
    return FALSE;
  temp = copy_backup_beside (absolute, source, !g_file_test (source_wal, G_FILE_TEST_EXISTS), error);
  if (temp == NULL)
    return FALSE;

  wal = g_strconcat (absolute, "-wal", NULL);
  shm = g_strconcat (absolute, "-shm", NULL);
  if (exists && g_stat (absolute, &st) == 0 && st.st_size > 0)
    {
      g_autofree char *stamp = now_stamp ();

      lock = lock_current (absolute, error);
      if (lock < 0)
        {
          g_unlink (temp);
          return FALSE;
        }
      kept = bl_ledger_backup_keep_aside (absolute, "before-restore", stamp, FALSE, error);
      if (kept == NULL)
        {
          close (lock);
          g_unlink (temp);
          return FALSE;
        }
    }

  /* The old log goes before the new file arrives: SQLite would otherwise
   * replay its frames into the backup. */
  if ((g_unlink (wal) != 0 && errno != ENOENT) || (g_unlink (shm) != 0 && errno != ENOENT) ||
      g_rename (temp, absolute) != 0)
    {
      int saved = errno;
      g_unlink (temp);
      if (lock >= 0)
        close (lock);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot put the backup in place of “%s”: %s"), absolute, g_strerror (saved));
      return FALSE;
    }
  bl_disk_sync_dir (dir);
  if (lock >= 0)
    close (lock);

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&kept);
  return TRUE;
}
