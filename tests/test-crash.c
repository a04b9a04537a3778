/* test-crash.c: a process saving records is killed at random moments; every
 * save it reported committed is there afterwards and the file is intact. A
 * process attaching files is killed the same way: no row names a missing
 * file, and no stray file counts as attached.
 * Creating a ledger, importing a CSV file and the daily backup are killed at
 * every write, sync and delete they make, one run each (a VFS that ends the
 * process just before the chosen one, as SIGKILL would), and by SIGKILL at
 * random moments: what is left opens, whole. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bl-attachment-files.h"
#include "bl-csv-activities.h"
#include "bl-store-attachments.h"
#include "bl-store.h"
#include "bl-test-common.h"
#include "bl-test-vfs.h"
#include "db/bl-ledger-backup.h"
#include "db/bl-ledger-file.h"
#include "db/bl-migrations.h"

#define ROUNDS 40

/* Waits until @fd has something to read (or its writer closed it), or
 * until @deadline (monotonic time). */
static void
wait_readable (int    fd,
               gint64 deadline)
{
  struct pollfd pfd = { .fd = fd, .events = POLLIN };
  gint64 left = deadline - g_get_monotonic_time ();

  if (left > 0)
    poll (&pfd, 1, (int) ((left + 999) / 1000));
}

/* The child: saves activities with attendance forever, writing each id to
 * @fd only after bl_store_save_activity() returned, that is after COMMIT. */
G_GNUC_NORETURN
static void
child_main (const char *path,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open (path, &error);
  gint64 a, b;

  if (store == NULL)
    _exit (3);
  {
    g_autoptr(BlMember) ma = bl_store_find_active_member (store, "甲");
    g_autoptr(BlMember) mb = bl_store_find_active_member (store, "乙");
    a = bl_member_get_id (ma);
    b = bl_member_get_id (mb);
  }

  for (guint i = 0;; i++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autoptr(GListStore) attendance = bl_attendance_new ();
      g_autofree char *topic = g_strdup_printf ("第%u次会议", i);
      gint64 id;

      bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
      bl_activity_set_date (activity, "2025-03-10");
      bl_activity_set_topic (activity, topic);
      bl_activity_set_content (activity, "会议记录会议记录会议记录会议记录会议记录会议记录会议记录会议记录");
      bl_attendance_add (attendance, a, "甲", BL_ATTENDANCE_PRESENT, NULL);
      bl_attendance_add (attendance, b, "乙", BL_ATTENDANCE_LEAVE, "病假");
      if (!bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), NULL))
        _exit (4);
      id = bl_activity_get_id (activity);
      if (write (fd, &id, sizeof id) != sizeof id)
        _exit (5);
    }
}

static void
check_ledger (const char *path,
              GArray     *committed)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM attendance WHERE activity_id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; committed != NULL && i < committed->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (committed, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      /* The activity and both attendance rows, or the test fails here. */
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    }
  sqlite3_finalize (stmt);

  /* No half-saved activity: each one has its two attendance rows. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM activity a WHERE "
                                           "(SELECT count(*) FROM attendance x WHERE x.activity_id = a.id) <> 2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_kill (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint total_rounds_with_saves = 0;

  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_assert_no_error (error);
    bl_test_add_member (store, "甲", "", BL_MEMBER_ROLE_SECRETARY);
    bl_test_add_member (store, "乙", "", BL_MEMBER_ROLE_NONE);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      int fds[2];
      pid_t pid;
      int status;
      gint64 id;
      guint before = committed->len;
      gint64 deadline;
      gboolean waiting;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (path, fds[1]);
        }
      close (fds[1]);

      /* Most rounds kill it 0 to 40 ms after its first commit, in the middle
       * of later saves; every fourth kills it 1 to 40 ms after it started,
       * while it opens the ledger. Slow builds (sanitizers) only stretch the
       * wait for the first commit. */
      fcntl (fds[0], F_SETFL, O_NONBLOCK);
      waiting = round % 4 != 0;
      deadline = g_get_monotonic_time () + (waiting ? 30 * G_USEC_PER_SEC : g_test_rand_int_range (1, 40) * 1000);
      while (g_get_monotonic_time () < deadline)
        {
          ssize_t got = read (fds[0], &id, sizeof id);

          if (got == sizeof id)
            {
              g_array_append_val (committed, id);
              if (waiting)
                deadline = g_get_monotonic_time () + g_test_rand_int_range (0, 40) * 1000;
              waiting = FALSE;
            }
          else if (got == 0)
            break;  /* it died on its own: the checks below say why not */
          else
            wait_readable (fds[0], deadline);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* What it wrote before dying was reported after a commit. */
      fcntl (fds[0], F_SETFL, 0);
      while (read (fds[0], &id, sizeof id) == sizeof id)
        g_array_append_val (committed, id);
      close (fds[0]);

      if (committed->len > before)
        total_rounds_with_saves++;
      check_ledger (path, committed);
    }

  g_test_message ("%u saves reported committed over %u kills", committed->len, ROUNDS);
  g_assert_cmpuint (total_rounds_with_saves, >=, ROUNDS * 3 / 4);

  /* The ledger still opens normally. */
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), >=, committed->len);
  }
}

/* Kills at every write */

typedef gboolean (*Work) (const char *path,
                          gpointer    data);

/* Runs @work in a child that ends just before its @n-th write, sync,
 * truncate or delete; TRUE when the work was done before that. */
static gboolean
run_killed_at (guint64     n,
               Work        work,
               const char *path,
               gpointer    data)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      bl_test_vfs_exit_at (n);
      _exit (work (path, data) ? 0 : 4);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), !=, 4);
  return WEXITSTATUS (status) == 0;
}

/* Runs @work with a SIGKILL 0 to @max_us microseconds after it started. */
static void
run_killed_after (guint       max_us,
                  Work        work,
                  const char *path,
                  gpointer    data)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (work (path, data) ? 0 : 4);
  g_usleep (g_test_rand_int_range (0, (gint32) max_us));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        remove_all (file);
      g_remove (file);
    }
}

static guint
count_leftovers (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, ".new-") != NULL || g_str_has_suffix (name, ".partial"))
      count++;
  return count;
}

static gboolean
create_work (const char *path,
             gpointer    data)
{
  g_autoptr(BlStore) store = bl_store_open (path, NULL);

  return store != NULL;
}

/* After a kill while creating: no ledger, or a whole one; never one refused. */
static void
check_created (const char *dir,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_kinds (store)), >, 0);
  g_assert_cmpuint (count_leftovers (dir), ==, 0);
}

static void
test_kill_create (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  guint64 n;

  for (n = 1; n < 1000; n++)
    {
      gboolean done = run_killed_at (n, create_work, path, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          GStatBuf st;

          g_assert_cmpint (g_stat (path, &st), ==, 0);
          g_assert_cmpint (st.st_size, >, 0);
        }
      check_created (dir, path);
      remove_all (dir);
      if (done)
        break;
    }
  g_test_message ("creation killed at each of its %" G_GUINT64_FORMAT " writes, syncs and deletes", n - 1);
  g_assert_cmpuint (n, >, 5);

  for (guint round = 0; round < 20; round++)
    {
      run_killed_after (20000, create_work, path, NULL);
      check_created (dir, path);
      remove_all (dir);
    }
}

/* How an older version created a ledger: an empty file, then the schema
 * in one rollback-journal transaction. */
static gboolean
old_create_work (const char *path,
                 gpointer    data)
{
  sqlite3 *db = NULL;
  g_autofree char *schema = g_strdup_printf ("BEGIN; %s; PRAGMA application_id = %d; PRAGMA user_version = 1; COMMIT",
                                             bl_migration_sql (1), BL_LEDGER_APPLICATION_ID);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    return FALSE;
  close (fd);
  return sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
         sqlite3_exec (db, schema, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_close (db) == SQLITE_OK;
}

/* What such a kill left (a half-written file and its rollback journal) is
 * recovered, as SQLite does, not refused as damaged for ever. */
static void
test_kill_old_create (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint hot = 0;

  for (guint64 n = 1; n < 1000; n++)
    {
      gboolean done = run_killed_at (n, old_create_work, path, NULL);

      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        hot++;
      check_created (dir, path);
      remove_all (dir);
      if (done)
        break;
    }
  g_test_message ("%u kills left a rollback journal", hot);
  g_assert_cmpuint (hot, >, 0);
}

#define IMPORTED 300

static gboolean
import_work (const char *path,
             gpointer    csv)
{
  g_autoptr(BlStore) store = bl_store_open (path, NULL);
  BlCsvReport report;
  gboolean ok;

  if (store == NULL)
    return FALSE;
  bl_csv_report_init (&report);
  ok = bl_csv_import_activities (store, csv, &report, NULL) && report.added == IMPORTED;
  bl_csv_report_clear (&report);
  return ok;
}

/* An import is all there or not at all, and the ledger is whole. */
static guint
check_imported (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  guint count;

  g_assert_no_error (error);
  count = g_list_model_get_n_items (bl_store_get_activities (store));
  g_assert_true (count == 0 || count == IMPORTED);
  g_clear_object (&store);
  check_ledger (path, NULL);
  return count;
}

static void
test_kill_import (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "activities.csv", NULL);
  g_autoptr(GString) text = g_string_new ("类型,日期,主题,缺席\n");
  g_autoptr(GBytes) template = NULL;
  g_autoptr(GError) error = NULL;
  guint64 total;
  guint complete = 0;

  for (guint i = 0; i < IMPORTED; i++)
    g_string_append_printf (text, "理论学习,2025-%02u-%02u,第%u次学习,乙(病假)\n", 1 + i % 12, 1 + i % 28, i);
  g_file_set_contents (csv, text->str, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);

    g_assert_no_error (error);
    bl_test_add_member (store, "甲", "", BL_MEMBER_ROLE_SECRETARY);
    bl_test_add_member (store, "乙", "", BL_MEMBER_ROLE_NONE);
  }
  {
    char *contents;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    template = g_bytes_new_take (contents, length);
  }

  /* How many writes a whole import makes, opening included. */
  {
    guint64 before = bl_test_vfs_get_operations ();

    g_assert_true (import_work (path, csv));
    total = bl_test_vfs_get_operations () - before;
    g_assert_cmpuint (check_imported (path), ==, IMPORTED);
  }

  /* Killed at 40 points spread over it, and at each of its last ten. */
  for (guint i = 0; i < 50; i++)
    {
      guint64 n = i < 40 ? 1 + total * i / 40 : total - (i - 40);

      remove_all (dir);
      g_file_set_contents (path, g_bytes_get_data (template, NULL), (gssize) g_bytes_get_size (template), &error);
      g_assert_no_error (error);
      g_file_set_contents (csv, text->str, -1, &error);
      g_assert_no_error (error);
      run_killed_at (n, import_work, path, csv);
      if (check_imported (path) == IMPORTED)
        complete++;
    }
  g_test_message ("import of %u activities (%" G_GUINT64_FORMAT " writes) killed 50 times: %u complete",
                  IMPORTED, total, complete);
  g_assert_cmpuint (complete, <, 50);

  for (guint round = 0; round < 20; round++)
    {
      remove_all (dir);
      g_file_set_contents (path, g_bytes_get_data (template, NULL), (gssize) g_bytes_get_size (template), &error);
      g_file_set_contents (csv, text->str, -1, &error);
      run_killed_after (60000, import_work, path, csv);
      check_imported (path);
    }
}

static gboolean
daily_work (const char *path,
            gpointer    today)
{
  g_autoptr(BlDb) db = bl_ledger_file_open (path, today, NULL, NULL);

  return db != NULL;
}

/* After a kill during the first open of a day: the ledger opens, each
 * backup under its final name is whole, and the day gets its backup. */
static void
check_backups (const char *path,
               const char *today)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDb) db = bl_ledger_file_open (path, today, NULL, &error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup_dir = g_build_filename (dir, "backups", NULL);
  g_autofree char *expected = g_strdup_printf ("%s/ledger-%s.db", backup_dir, today);

  g_assert_no_error (error);
  g_assert_false (bl_db_is_read_only (db));
  g_clear_object (&db);
  backups = bl_ledger_backup_list (path);
  for (guint i = 0; i < backups->len; i++)
    {
      g_assert_true (bl_ledger_file_check (g_ptr_array_index (backups, i), TRUE, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_leftovers (backup_dir), ==, 0);
}

static void
test_kill_backup (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  guint64 n;
  guint day = 0;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BlStore) store = bl_store_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *name = g_strdup_printf ("党员%03u", i);
        bl_test_add_member (store, name, "", BL_MEMBER_ROLE_NONE);
      }
  }

  /* Each round is another day, so that each is the day's first open. */
  for (n = 1; n < 1000; n++)
    {
      g_autofree char *today = g_strdup_printf ("2030-%02u-%02u", 1 + day / 28, 1 + day % 28);
      gboolean done;

      day++;
      done = run_killed_at (n, daily_work, path, today);
      check_backups (path, today);
      if (done)
        break;
    }
  g_test_message ("the day's first open killed at each of its %" G_GUINT64_FORMAT " writes, syncs and deletes",
                  n - 1);
  g_assert_cmpuint (n, >, 5);

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *today = g_strdup_printf ("2031-%02u-%02u", 1 + round / 28, 1 + round % 28);

      run_killed_after (30000, daily_work, path, today);
      check_backups (path, today);
    }
}

/* The child of the attach test: attaches a new file (every fifth one a
 * copy of an earlier content) to activity @id forever, writing its SHA-256
 * to @fd only after bl_store_attach_files() returned, that is after COMMIT. */
G_GNUC_NORETURN static void
attach_child_main (const char *path,
                   const char *src,
                   gint64      id,
                   int         fd)
{
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open (path, &error);
  GRand *rand = g_rand_new ();

  if (store == NULL)
    _exit (3);
  for (guint i = 0;; i++)
    {
      /* Large enough that reading, syncing and renaming take a while. */
      gsize size = (gsize) g_rand_int_range (rand, 64 * 1024, 1024 * 1024);
      g_autofree guchar *data = g_malloc (size);
      g_autofree char *name = g_strdup_printf ("%d-%u.bin", (int) getpid (), i);
      g_autofree char *file_path = g_build_filename (src, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autofree char *sha256 = NULL;
      guint32 seed = (i % 5 == 4) ? 1 : g_rand_int (rand);
      GRand *content = g_rand_new_with_seed (seed);

      for (gsize j = 0; j < size; j++)
        data[j] = (guchar) g_rand_int (content);
      g_rand_free (content);
      if (seed == 1)
        size = 100 * 1024;
      if (!g_file_set_contents (file_path, (const char *) data, (gssize) size, NULL))
        _exit (6);
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
      if (!bl_store_attach_files (store, id, &file, 1, BL_ATTACHMENT_ADD_NONE, NULL))
        _exit (4);
      if (write (fd, sha256, 64) != 64)
        _exit (5);
      g_unlink (file_path);
    }
}

/* Every row names a file that is there, whole; everything reported
 * committed is named; the record counts its rows, not the files. */
static void
check_attachments (const char *path,
                   gint64      id,
                   GPtrArray  *committed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  list = bl_store_load_attachments (store, id, &error);
  g_assert_no_error (error);
  activity = bl_store_get_activity (store, id, &error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (bl_activity_get_attachment_count (activity), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *stored = bl_store_get_attachment_path (store, attachment);
      g_autofree char *data = NULL;
      g_autofree char *sha256 = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (stored, &data, &length, NULL));
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
      g_assert_cmpstr (sha256, ==, bl_attachment_get_sha256 (attachment));
      g_assert_cmpuint (length, ==, bl_attachment_get_size (attachment));
      g_hash_table_add (named, (gpointer) bl_attachment_get_sha256 (attachment));
    }
  for (guint i = 0; i < committed->len; i++)
    g_assert_true (g_hash_table_contains (named, g_ptr_array_index (committed, i)));
}

static void
test_kill_attach (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *attachments_dir = NULL;
  guint stray = 0;
  gint64 id;

  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(BlActivity) activity = bl_activity_new ();

    g_assert_no_error (error);
    bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
    bl_activity_set_date (activity, "2025-03-10");
    bl_activity_set_topic (activity, "参观红色教育基地");
    g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
    id = bl_activity_get_id (activity);
    attachments_dir = bl_store_get_attachments_dir (store);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      int fds[2];
      pid_t pid;
      int status;
      char sha256[65] = { 0 };
      gint64 deadline;
      gboolean waiting = TRUE;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          attach_child_main (path, src, id, fds[1]);
        }
      close (fds[1]);

      /* Killed 0 to 40 ms after its first reported attach: while it reads a
       * file in, renames it into place, or commits. */
      fcntl (fds[0], F_SETFL, O_NONBLOCK);
      deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      while (g_get_monotonic_time () < deadline)
        {
          ssize_t got = read (fds[0], sha256, 64);

          if (got == 64)
            {
              g_ptr_array_add (committed, g_strdup (sha256));
              if (waiting)
                deadline = g_get_monotonic_time () + g_test_rand_int_range (0, 40) * 1000;
              waiting = FALSE;
            }
          else if (got == 0)
            break;
          else
            wait_readable (fds[0], deadline);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      fcntl (fds[0], F_SETFL, 0);
      while (read (fds[0], sha256, 64) == 64)
        g_ptr_array_add (committed, g_strdup (sha256));
      close (fds[0]);

      check_attachments (path, id, committed);
    }

  /* Files no row names (a kill between the rename and the commit) are
   * collected once a day old; none that a row names. */
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(BlAttachmentList) list = bl_store_load_attachments (store, id, &error);
    g_autoptr(BlAttachmentFiles) files = bl_attachment_files_new_for_dir (attachments_dir);
    g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GPtrArray) before = bl_attachment_files_list_objects (files);
    g_autoptr(GPtrArray) after = NULL;
    g_autofree char *tmp = g_build_filename (attachments_dir, "tmp", NULL);
    g_autoptr(GDir) partial = NULL;
    guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_hash_table_add (referenced, g_strdup (bl_attachment_get_sha256 (attachment)));
      }
    stray = before->len - g_hash_table_size (referenced);
    bl_attachment_files_collect (files, referenced, g_get_real_time () / G_USEC_PER_SEC + 8 * 24 * 3600);
    after = bl_attachment_files_list_objects (files);
    g_assert_cmpuint (after->len, ==, g_hash_table_size (referenced));
    partial = g_dir_open (tmp, 0, NULL);
    g_assert_null (partial != NULL ? g_dir_read_name (partial) : NULL);
  }
  g_test_message ("%u attaches reported committed over %u kills; %u stray files collected",
                  committed->len, ROUNDS, stray);
  g_assert_cmpuint (committed->len, >=, ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  bl_test_vfs_install ();

  g_test_add_func ("/crash/kill", test_kill);
  g_test_add_func ("/crash/create", test_kill_create);
  g_test_add_func ("/crash/create-by-an-older-version", test_kill_old_create);
  g_test_add_func ("/crash/import", test_kill_import);
  g_test_add_func ("/crash/backup", test_kill_backup);
  g_test_add_func ("/crash/kill-attach", test_kill_attach);

  return g_test_run ();
}
