/* test-ledger-file.c: the ledger file under damage and odd conditions: a
 * damaged log kept aside, restoring a backup, the daily integrity check,
 * backups pruned exactly, read-only folders, a full disk, links, pipes and
 * permissions. The damaged files are made here, from real ledgers. */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bl-demo.h"
#include "bl-store.h"
#include "bl-test-common.h"
#include "bl-test-damage.h"
#include "bl-test-vfs.h"
#include "db/bl-ledger-backup.h"
#include "db/bl-ledger-file.h"
#include "db/bl-ledger-wal.h"

/* Files */

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
assert_no_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir that contain @part, sorted. */
static GPtrArray *
names_with (const char *dir,
            const char *part)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, part) != NULL)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* Ledgers */

static char *
new_ledger (const char *dir,
            const char *name,
            guint       members)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < members; i++)
    {
      g_autofree char *member = g_strdup_printf ("党员%03u", i);
      bl_test_add_member (store, member, i % 2 ? "一组" : "二组", 0);
    }
  return path;
}

static void
save_activities (BlStore    *store,
                 guint       count,
                 const char *prefix)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_store_begin (store, &error));
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autofree char *topic = g_strdup_printf ("%s第%u次", prefix, i);

      bl_activity_set_kind (activity, BL_KIND_STUDY_SESSION);
      bl_activity_set_date (activity, "2025-03-10");
      bl_activity_set_topic (activity, topic);
      bl_activity_set_content (activity, "学习记录学习记录学习记录学习记录学习记录学习记录学习记录学习记录");
      g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
    }
  g_assert_true (bl_store_commit (store, &error));
}

typedef void (*ChildWork) (BlStore *store);

/* A process opens the ledger, does @work and dies without closing it, as
 * in a crash: what it committed is in the -wal beside the ledger. */
static void
crash_after (const char *path,
             ChildWork   work)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      BlStore *store = bl_store_open (path, NULL);

      if (store == NULL)
        _exit (3);
      work (store);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Two imports of 42 activities each, the way the CLI saves them. */
static void
two_imports (BlStore *store)
{
  save_activities (store, 42, "一");
  save_activities (store, 42, "二");
}

static guint
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
sql (const char *path,
     const char *statements)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, statements, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Runs the program; @today, when not NULL, is BRANCH_LEDGER_TODAY. */
static int
run (const char          *today,
     const char * const  *argv,
     char               **out,
     char               **err)
{
  int status;

  if (today != NULL)
    g_setenv ("BRANCH_LEDGER_TODAY", today, TRUE);
  status = bl_test_run_program (argv, out, err);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  g_test_message ("%s%s", *out, *err);
  return status;
}

/* Item 2: a damaged log */

static void
test_wal_scan (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 3);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  BlLedgerWal scan;

  g_assert_true (bl_ledger_wal_scan (wal, &scan, &error));
  g_assert_cmpuint (scan.size, ==, 0);
  g_assert_false (bl_ledger_wal_is_damaged (&scan));

  crash_after (path, two_imports);
  g_assert_true (bl_ledger_wal_scan (wal, &scan, &error));
  g_assert_no_error (error);
  g_assert_true (scan.header_valid);
  g_assert_cmpuint (scan.commits, ==, 2);
  g_assert_cmpuint (scan.replayed, ==, scan.frames);
  g_assert_cmpuint (scan.lost_commits, ==, 0);
  g_assert_false (bl_ledger_wal_is_damaged (&scan));
}

static gboolean stale_checkpoint_done;

/* A big save, a checkpoint, then a small save: the log starts again from
 * its beginning, with older frames (other salts) left behind it. */
static void
save_after_checkpoint (BlStore *store)
{
  sqlite3 *other;

  save_activities (store, 60, "旧");
  g_assert_cmpint (sqlite3_open (bl_store_get_path (store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA wal_checkpoint", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  save_activities (store, 1, "新");
  stale_checkpoint_done = TRUE;
}

/* Leftovers of a reset log are no damage: nothing is said, nothing kept. */
static void
test_wal_stale_tail (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 3);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  const char *argv[] = { "--database", path, "--status", NULL };
  BlLedgerWal scan;

  crash_after (path, save_after_checkpoint);
  g_assert_true (bl_ledger_wal_scan (wal, &scan, NULL));
  g_assert_true (scan.header_valid);
  g_assert_cmpuint (scan.frames, >, scan.replayed);
  g_assert_cmpuint (scan.commits, ==, 1);
  g_assert_false (bl_ledger_wal_is_damaged (&scan));

  g_assert_cmpint (run (NULL, argv, &out, &err), ==, 0);
  g_assert_null (strstr (err, "damaged"));
  kept = names_with (backups, "damaged-log");
  g_assert_cmpuint (kept->len, ==, 0);
  g_assert_cmpuint (count_rows (path, "activity"), ==, 61);
}

/* Opens the ledger with a damaged log through the program and checks that
 * the log and the ledger, as they were, were kept aside and the user told. */
static void
assert_log_kept (const char *dir,
                 const char *path,
                 const char *expected)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GBytes) ledger_before = bl_test_read_bytes (path);
  g_autoptr(GBytes) wal_before = bl_test_read_bytes (wal);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  const char *argv[] = { "--database", path, "--status", NULL };

  g_assert_cmpint (run (NULL, argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "was damaged"));
  g_assert_nonnull (strstr (err, expected));

  kept = names_with (backups, "damaged-log");
  g_assert_cmpuint (kept->len, ==, 2);
  {
    g_autofree char *copy = g_build_filename (backups, g_ptr_array_index (kept, 0), NULL);
    g_autofree char *wal_copy = g_build_filename (backups, g_ptr_array_index (kept, 1), NULL);

    g_assert_true (g_str_has_suffix (copy, ".db"));
    g_assert_true (g_str_has_suffix (wal_copy, ".db-wal"));
    g_assert_true (bl_test_file_equals (copy, ledger_before));
    g_assert_true (bl_test_file_equals (wal_copy, wal_before));
    g_assert_cmpuint (file_mode (copy), ==, 0600);
    g_assert_cmpuint (file_mode (wal_copy), ==, 0600);
    g_assert_nonnull (strstr (err, copy));
  }

  /* The next start finds nothing more to say. */
  g_assert_cmpint (run (NULL, argv, &out2, &err2), ==, 0);
  g_assert_null (strstr (err2, "damaged"));
}

static void
test_wal_garbage_header (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 3);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) contents = NULL;
  guint8 *data;
  gsize length;

  crash_after (path, two_imports);
  contents = bl_test_read_bytes (wal);
  data = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  for (guint i = 0; i < 32; i++)
    data[i] = (guint8) (i * 37 + 11);
  contents = g_bytes_new_take (data, length);
  write_bytes (wal, contents);

  assert_log_kept (dir, path, "since the ledger was last closed");
}

static void
test_wal_bit_flip (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 3);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) contents = NULL;
  guint8 *data;
  gsize length;
  BlLedgerWal scan;

  crash_after (path, two_imports);
  /* One bit in the page of the first frame: the first of the two saves. */
  contents = bl_test_read_bytes (wal);
  data = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  data[32 + 24 + 1000] ^= 0x04;
  contents = g_bytes_new_take (data, length);
  write_bytes (wal, contents);

  g_assert_true (bl_ledger_wal_scan (wal, &scan, NULL));
  g_assert_cmpuint (scan.lost_commits, ==, 2);
  g_assert_cmpuint (scan.replayed, ==, 0);
  g_assert_true (bl_ledger_wal_is_damaged (&scan));

  assert_log_kept (dir, path, "2 saves recorded in it could not be read back");
  /* What SQLite replayed: neither save. The copy keeps them for recovery. */
  g_assert_cmpuint (count_rows (path, "activity"), ==, 0);
}

/* Item 3: restoring a backup */

static void
one_more_member (BlStore *store)
{
  bl_test_add_member (store, "新来的", "一组", 0);
}

/* The README's old way failed after a crash; --restore-backup does not. */
static void
test_restore_after_crash (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 4);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backup = g_build_filename (dir, "backups", "ledger-2025-06-01.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GBytes) ledger_before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *status[] = { "--database", path, "--status", NULL };
  const char *restore[] = { "--database", path, "--restore-backup", backup, NULL };

  /* A backup on the 1st, a crash with a member more on the 2nd. */
  g_assert_cmpint (run ("2025-06-01", status, &out, &err), ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  crash_after (path, one_more_member);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  ledger_before = bl_test_read_bytes (path);
  wal_before = bl_test_read_bytes (wal);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("2025-06-02", restore, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "was kept as"));
  assert_no_companions (path);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* What it replaced, log and all, is in the backups folder as it was. */
  kept = names_with (backups, "before-restore");
  g_assert_cmpuint (kept->len, ==, 2);
  {
    g_autofree char *copy = g_build_filename (backups, g_ptr_array_index (kept, 0), NULL);
    g_autofree char *wal_copy = g_build_filename (backups, g_ptr_array_index (kept, 1), NULL);

    g_assert_true (bl_test_file_equals (copy, ledger_before));
    g_assert_true (bl_test_file_equals (wal_copy, wal_before));
    g_assert_cmpuint (count_rows (copy, "member"), ==, 5);
  }

  /* The restored ledger opens, with what the backup held. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("2025-06-02", status, &out, &err), ==, 0);
  g_assert_null (strstr (err, "damaged"));
  g_assert_cmpuint (count_rows (path, "member"), ==, 4);
}

static void
assert_restore_refused (const char *path,
                        const char *backup,
                        int         expected_status,
                        const char *expected)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GBytes) before = bl_test_read_bytes (path);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *restore[] = { "--database", path, "--restore-backup", backup, NULL };

  g_assert_cmpint (run (NULL, restore, &out, &err), ==, expected_status);
  g_assert_nonnull (strstr (err, expected));
  g_assert_true (bl_test_file_equals (path, before));
  kept = names_with (backups, "before-restore");
  g_assert_cmpuint (kept->len, ==, 0);
  kept = names_with (dir, ".restore-");
  g_assert_cmpuint (kept->len, ==, 0);
}

static void
test_restore_refused (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 2);
  g_autofree char *text = bl_test_write_file ("backup.db", "姓名\n张三\n");
  g_autofree char *other_dir = bl_test_make_dir ();
  g_autofree char *newer = new_ledger (other_dir, "newer.db", 1);
  g_autofree char *damaged = new_ledger (other_dir, "damaged.db", 30);
  g_autofree char *missing = g_build_filename (other_dir, "missing.db", NULL);

  assert_restore_refused (path, text, 1, "not a Branch Ledger file");
  assert_restore_refused (path, missing, 2, "does not exist");
  assert_restore_refused (path, path, 1, "the ledger itself");

  sql (newer, "PRAGMA user_version = 99");
  assert_restore_refused (path, newer, 1, "newer version");

  /* Damage that only integrity_check sees. */
  bl_test_damage_behind_quick_check (damaged);
  assert_restore_refused (path, damaged, 1, "is damaged");
}

/* A program holding the ledger open: the restore waits for it to close. */
static void
test_restore_busy (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 2);
  g_autofree char *other_dir = bl_test_make_dir ();
  g_autofree char *backup = new_ledger (other_dir, "backup.db", 5);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GBytes) before = bl_test_read_bytes (path);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *restore[] = { "--database", path, "--restore-backup", backup, NULL };
  BlStore *store;

  /* (Reading the file here, while the store has it open, would drop this
   * process's locks on it: POSIX locks go with any close of the file.) */
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run (NULL, restore, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "open in another window or program"));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 2);
  g_object_unref (store);

  g_assert_true (bl_test_file_equals (path, before));
  kept = names_with (backups, "before-restore");
  g_assert_cmpuint (kept->len, ==, 0);
}

static void
changed_cb (BlStore  *store,
            BlChange  changes,
            BlChange *seen)
{
  *seen |= changes;
}

/* What Preferences → Restore from Backup… does: the store goes on with the backup. */
static void
test_restore_store (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 2);
  g_autofree char *other_dir = bl_test_make_dir ();
  g_autofree char *backup = new_ledger (other_dir, "backup.db", 5);
  g_autofree char *not_a_backup = bl_test_write_file ("x.db", "nothing");
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  GListModel *members = bl_store_get_members (store);
  BlChange seen = BL_CHANGE_NONE;

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &seen);

  /* A bad file: the store goes on as it was. */
  g_assert_false (bl_store_restore_backup (store, not_a_backup, &kept, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kept);
  g_assert_cmpuint (seen, ==, BL_CHANGE_NONE);
  bl_test_add_member (store, "还能保存", "", 0);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 3);
  seen = BL_CHANGE_NONE;

  g_assert_true (bl_store_restore_backup (store, backup, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_rows (kept, "member"), ==, 3);
  g_assert_cmpuint (seen, ==, BL_CHANGE_ALL);
  g_assert_true (members == bl_store_get_members (store));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 5);
  bl_test_add_member (store, "恢复以后", "", 0);
  g_assert_cmpuint (count_rows (path, "member"), ==, 6);
}

/* Item 4: the daily integrity check */

static void
test_integrity_daily (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 30);
  g_autofree char *good = g_build_filename (dir, "backups", "ledger-2025-06-01.db", NULL);
  g_autofree char *damaged_copy = g_build_filename (dir, "backups", "ledger-2025-06-02.db", NULL);
  g_autofree char *third = g_build_filename (dir, "backups", "ledger-2025-06-03.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *export_dir = bl_test_make_dir ();
  const char *status[] = { "--database", path, "--status", NULL };
  const char *rename[] = { "--database", path, "--branch-name", "改名", NULL };
  const char *export[] = { "--database", path, "--export-csv", export_dir, NULL };

  /* A good backup on the 1st; then the damage, and a copy of it that an
   * older version made on the 2nd, before it checked. */
  g_assert_cmpint (run ("2025-06-01", status, &out, &err), ==, 0);
  g_assert_true (g_file_test (good, G_FILE_TEST_EXISTS));
  bl_test_damage_behind_quick_check (path);
  {
    g_autoptr(GBytes) damage = bl_test_read_bytes (path);
    write_bytes (damaged_copy, damage);
  }
  before = bl_test_read_bytes (path);

  /* The 3rd: the check runs, the ledger opens read-only, the person is
   * pointed at the good backup, and nothing is written or backed up. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("2025-06-03", status, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "failed its integrity check"));
  g_assert_nonnull (strstr (err, good));
  g_assert_nonnull (strstr (out, "2025"));
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run ("2025-06-03", rename, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "failed its integrity check and is open read-only"));
  g_assert_cmpint (run ("2025-06-03", export, &out3, &err3), ==, 0);
  g_assert_true (bl_test_file_equals (path, before));
  assert_no_companions (path);
  g_assert_false (g_file_test (third, G_FILE_TEST_EXISTS));
}

/* Attendance changed in the file by another tool (the sqlite3 shell, say)
 * leaves an activity's 应到 and 实到 as they were; the day's check sets
 * them again from the attendance, and writes nothing where they agree. */
static void
test_counts_set_again (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDb) db = NULL;

  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(GListStore) attendance = g_list_store_new (BL_TYPE_ATTENDEE);
    g_autoptr(BlActivity) held = bl_test_activity_new (BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, "2025-05-10", "五月");

    g_assert_no_error (error);
    for (gint64 id = 1; id <= 4; id++)
      {
        g_autoptr(BlAttendee) attendee = bl_attendee_new (id, NULL, id == 4 ? BL_ATTENDANCE_LEAVE : BL_ATTENDANCE_PRESENT,
                                                          NULL);

        g_list_store_append (attendance, attendee);
      }
    bl_test_save_activity (store, held, G_LIST_MODEL (attendance));
    bl_test_add_activity (store, BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_PLANNED, "2025-07-10", "七月");
  }
  g_assert_cmpuint (count_rows (path, "activity WHERE expected_count = 4 AND present_count = 3"), ==, 1);

  /* Another tool: one present member taken off, one on leave marked present. */
  sql (path, "DELETE FROM attendance WHERE member_id = 1;"
             "UPDATE attendance SET state = 'present', reason = '' WHERE member_id = 4;"
             "DELETE FROM setting WHERE key = '" BL_LEDGER_FILE_CHECKED_ON "';");
  g_assert_cmpuint (count_rows (path, "activity WHERE expected_count = 4 AND present_count = 3"), ==, 1);

  db = bl_ledger_file_open (path, "2025-06-01", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpuint (count_rows (path, "activity WHERE topic = '五月' AND expected_count = 3 AND present_count = 3"),
                    ==, 1);
  g_assert_cmpuint (count_rows (path, "activity WHERE topic = '七月' AND expected_count = 0 AND present_count = 0"),
                    ==, 1);
  g_assert_cmpuint (count_rows (path, "setting WHERE key = '" BL_LEDGER_FILE_CHECKED_ON "' AND value = '2025-06-01'"),
                    ==, 1);
}

/* Once it passed, the check does not run again that day: its day is stored. */
static void
test_integrity_once_a_day (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDb) db = NULL;

  db = bl_ledger_file_open (path, "2025-06-01", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpuint (count_rows (path, "setting WHERE key = '" BL_LEDGER_FILE_CHECKED_ON "' AND value = '2025-06-01'"),
                    ==, 1);

  /* Damage after that day's check is found the next day, not the same day. */
  bl_test_damage_behind_quick_check (path);
  db = bl_ledger_file_open (path, "2025-06-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (bl_db_is_read_only (db));
  g_clear_object (&db);
  {
    g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);

    db = bl_ledger_file_open (path, "2025-06-02", notices, &error);
    g_assert_no_error (error);
    g_assert_true (bl_db_is_read_only (db));
    g_assert_cmpuint (notices->len, ==, 1);
  }
}

/* Item 7: pruning */

static void
touch (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
}

static void
test_prune_exactly (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 1);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDb) db = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  /* Another ledger's backups in the same folder, and files that only look like ours. */
  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *theirs = g_strdup_printf ("%s/ledger-2025-2025-01-%02u.db", backups, day);
      g_autofree char *ours = g_strdup_printf ("%s/ledger-2025-01-%02u.db", backups, day);
      touch (theirs);
      touch (ours);
    }
  {
    const char *others[] = { "ledger-2025-13-45.db", "ledger-notes.db", "ledger-2025-01-01.db.bak" };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autofree char *other = g_build_filename (backups, others[i], NULL);
        touch (other);
      }
  }

  /* The clock set back to 2002: today's backup is the newest made and stays. */
  db = bl_ledger_file_open (path, "2002-01-01", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  listed = bl_ledger_backup_list (path);
  g_assert_cmpuint (listed->len, ==, 14);
  {
    g_autofree char *made = g_build_filename (backups, "ledger-2002-01-01.db", NULL);
    g_autofree char *newest = g_build_filename (backups, "ledger-2025-01-20.db", NULL);
    g_autofree char *dropped = g_build_filename (backups, "ledger-2025-01-07.db", NULL);
    g_autofree char *kept = g_build_filename (backups, "ledger-2025-01-08.db", NULL);

    g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (dropped, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (file_mode (made), ==, 0600);
  }
  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *theirs = g_strdup_printf ("%s/ledger-2025-2025-01-%02u.db", backups, day);
      g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(GPtrArray) others = names_with (backups, "ledger-2025-13-45");
    g_autoptr(GPtrArray) notes = names_with (backups, "ledger-notes");
    g_autoptr(GPtrArray) bak = names_with (backups, ".bak");

    g_assert_cmpuint (others->len + notes->len + bak->len, ==, 3);
  }

  /* The other ledger's own open prunes only its own. */
  {
    g_autofree char *theirs_path = new_ledger (dir, "ledger-2025.db", 1);
    g_autoptr(GPtrArray) ours = NULL;

    db = bl_ledger_file_open (theirs_path, "2025-02-01", NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&db);
    ours = bl_ledger_backup_list (path);
    g_assert_cmpuint (ours->len, ==, 14);
    g_clear_pointer (&listed, g_ptr_array_unref);
    listed = bl_ledger_backup_list (theirs_path);
    g_assert_cmpuint (listed->len, ==, 14);
  }
}

/* Item 9: a read-only folder */

static uid_t nobody = 65534;

/* Root may write anywhere: as root, the program runs as nobody. */
static void
become_nobody (gpointer data)
{
  if (geteuid () == 0 && (setgid (nobody) != 0 || setuid (nobody) != 0))
    _exit (98);
}

/* As root, the program and the sanitizers' suppressions are copied into
 * @top (readable by all): the build tree may be in a folder nobody cannot
 * enter. */
static int
run_unprivileged (const char          *top,
                  const char * const  *argv,
                  char               **out,
                  char               **err)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_strdup (bl_test_program ());
  int wait_status = 0;

  if (geteuid () == 0)
    {
      g_autofree char *copy = g_build_filename (top, "branch-ledger", NULL);
      const char *lsan = g_environ_getenv (env, "LSAN_OPTIONS");
      const char *supp = lsan != NULL ? strstr (lsan, "suppressions=") : NULL;

      if (!g_file_test (copy, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GFile) from = g_file_new_for_path (program);
          g_autoptr(GFile) to = g_file_new_for_path (copy);

          g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpint (chmod (copy, 0755), ==, 0);
        }
      g_free (program);
      program = g_steal_pointer (&copy);
      if (g_environ_getenv (env, "GSETTINGS_SCHEMA_DIR") != NULL)
        {
          g_autofree char *compiled = g_build_filename (g_environ_getenv (env, "GSETTINGS_SCHEMA_DIR"),
                                                        "gschemas.compiled", NULL);
          g_autofree char *schemas = g_build_filename (top, "schemas", NULL);
          g_autofree char *compiled_copy = g_build_filename (schemas, "gschemas.compiled", NULL);
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (compiled, &contents, &length, NULL));
          g_assert_cmpint (g_mkdir_with_parents (schemas, 0755), ==, 0);
          g_assert_true (g_file_set_contents (compiled_copy, contents, (gssize) length, NULL));
          g_assert_cmpint (chmod (compiled_copy, 0644), ==, 0);
          env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
        }
      if (supp != NULL)
        {
          g_autofree char *supp_path = g_strndup (supp + strlen ("suppressions="), strcspn (supp + strlen ("suppressions="), ":"));
          g_autofree char *supp_copy = g_build_filename (top, "lsan.supp", NULL);
          g_autofree char *contents = NULL;
          g_autofree char *options = NULL;

          g_assert_true (g_file_get_contents (supp_path, &contents, NULL, NULL));
          g_assert_true (g_file_set_contents (supp_copy, contents, -1, NULL));
          g_assert_cmpint (chmod (supp_copy, 0644), ==, 0);
          options = g_strdup_printf ("suppressions=%s:print_suppressions=0", supp_copy);
          env = g_environ_setenv (env, "LSAN_OPTIONS", options, TRUE);
        }
    }

  g_ptr_array_add (args, g_strdup (program));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);
  g_spawn_sync (top, (char **) args->pdata, env, G_SPAWN_DEFAULT, become_nobody, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", *out, *err);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
give_to_nobody (const char *path)
{
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, nobody, nobody), ==, 0);
}

static void
test_read_only_folder (void)
{
  g_autofree char *top = bl_test_make_dir ();
  g_autofree char *dir = g_build_filename (top, "ro", NULL);
  g_autofree char *exports = g_build_filename (top, "exports", NULL);
  g_autofree char *pdf = g_build_filename (exports, "report.pdf", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (exports, 0700), ==, 0);
  path = new_ledger (dir, "ledger.db", 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BlStore) store = bl_store_open (path, &error);

    g_assert_no_error (error);
    save_activities (store, 2, "学习");
  }
  g_assert_cmpint (chmod (top, 0755), ==, 0);
  give_to_nobody (dir);
  give_to_nobody (path);
  give_to_nobody (exports);
  g_assert_cmpint (chmod (dir, 0500), ==, 0);
  before = bl_test_read_bytes (path);

  {
    const char *status[] = { "--database", path, "--status", NULL };
    const char *export[] = { "--database", path, "--export-csv", exports, "--report", "2025-03",
                             "--output", pdf, NULL };
    const char *rename[] = { "--database", path, "--branch-name", "改名", NULL };

    g_assert_cmpint (run_unprivileged (top, status, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "is open read-only, because its folder"));
    g_assert_null (strstr (err, "damaged"));
    g_assert_cmpint (run_unprivileged (top, export, &out2, &err2), ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_cmpint (run_unprivileged (top, rename, &out3, &err3), ==, 1);
    g_assert_nonnull (strstr (err3, "Nothing was saved"));
    g_assert_nonnull (strstr (err3, "its folder cannot be written to"));
  }
  g_assert_true (bl_test_file_equals (path, before));
  assert_no_companions (path);
  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_autoptr(GPtrArray) made = names_with (backups, ".db");

    /* The one made while it was still writable, no other. */
    g_assert_cmpuint (made->len, ==, 1);
  }

  /* A new ledger where nothing can be written: said so, nothing left. */
  {
    g_autofree char *missing = g_build_filename (dir, "new.db", NULL);
    const char *create[] = { "--database", missing, "--status", NULL };

    g_assert_cmpint (run_unprivileged (top, create, &out4, &err4), ==, 2);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (chmod (dir, 0700), ==, 0);
}

/* Item 18: a full disk */

static void
test_disk_full_save (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, "ledger.db", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  gboolean failed = FALSE;

  /* g_test_init() made warnings fatal: "Rollback failed: cannot rollback -
   * no transaction is active" ends the test. */
  g_assert_no_error (error);
  /* The disk fills while a save is written: at its commit, or before. */
  for (gint64 space = 0; space <= 65536 && !failed; space += 4096)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autofree char *long_minutes = NULL;

      bl_test_vfs_set_disk_space (space);
      long_minutes = g_strnfill (60000, 'x');
      bl_activity_set_kind (activity, BL_KIND_STUDY_SESSION);
      bl_activity_set_date (activity, "2025-03-10");
      bl_activity_set_topic (activity, "满盘");
      bl_activity_set_content (activity, long_minutes);
      if (!bl_store_save_activity (store, activity, NULL, &error))
        {
          failed = TRUE;
          g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO);
          g_assert_nonnull (strstr (error->message, "The disk is full"));
          g_clear_error (&error);
        }
    }
  bl_test_vfs_set_disk_space (-1);
  g_assert_true (failed);

  /* The ledger took nothing of it, and goes on. */
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);
  save_activities (store, 1, "之后");
}

static void
assert_nothing_made (const char *dir,
                     const char *path)
{
  g_autoptr(GPtrArray) leftovers = names_with (dir, ".new-");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_companions (path);
  g_assert_cmpuint (leftovers->len, ==, 0);
}

static void
test_disk_full_create (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *demo = g_build_filename (dir, "demo.db", NULL);

  for (gint64 space = 0; space < 200000; space += 16384)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlStore) store = NULL;

      bl_test_vfs_set_disk_space (space);
      store = bl_store_open (path, &error);
      bl_test_vfs_set_disk_space (-1);
      if (store != NULL)
        {
          g_test_message ("a new ledger needs less than %" G_GINT64_FORMAT " bytes", space);
          break;
        }
      g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "The disk is full"));
      assert_nothing_made (dir, path);
    }

  /* The sample ledger: all of it, or no file. */
  for (gint64 space = 0; space < 4000000; space += 400000)
    {
      g_autoptr(GError) error = NULL;
      gboolean written;

      bl_test_vfs_set_disk_space (space);
      written = bl_demo_write_file (demo, "2025-06-01", &error);
      bl_test_vfs_set_disk_space (-1);
      if (written)
        break;
      g_assert_nonnull (strstr (error->message, "The disk is full"));
      assert_nothing_made (dir, demo);
    }
}

/* Items 13 and 20: what is not a ledger file is said at once */

static void
assert_open_refused (const char *path,
                     const char *expected)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "--database", path, "--status", NULL };

  g_assert_cmpint (run (NULL, argv, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, expected));
}

static void
test_links_and_pipes (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *dangling = g_build_filename (dir, "dangling.db", NULL);
  g_autofree char *target = g_build_filename (dir, "gone", "ledger.db", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.db", NULL);
  g_autofree char *real = new_ledger (dir, "real.db", 2);
  g_autofree char *link = g_build_filename (dir, "link.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *through_link[] = { "--database", link, "--status", NULL };

  g_assert_cmpint (symlink (target, dangling), ==, 0);
  assert_open_refused (dangling, "is a symbolic link to");
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
  g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);
  assert_open_refused (loop_a, "leads round in a loop");

  /* A FIFO would block the first read for ever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_open_refused (fifo, "is a named pipe (FIFO), not a ledger file");

  /* A link to a ledger is followed: its log and backups go beside the ledger. */
  g_assert_cmpint (symlink (real, link), ==, 0);
  g_assert_cmpint (run ("2025-06-01", through_link, &out, &err), ==, 0);
  {
    g_autofree char *backup = g_build_filename (dir, "backups", "real-2025-06-01.db", NULL);
    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
}

/* Item 21: permissions */

static void
test_permissions (void)
{
  g_autofree char *data_home = g_build_filename (g_get_user_data_dir (), NULL);
  g_autofree char *dir = g_build_filename (data_home, "branch-ledger", NULL);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *pdf_dir = bl_test_make_dir ();
  g_autofree char *pdf = g_build_filename (pdf_dir, "summary.pdf", NULL);
  g_autofree char *old_pdf = g_build_filename (pdf_dir, "old.pdf", NULL);
  mode_t old_umask;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = new_ledger (dir, "ledger.db", 2);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_assert_cmpint (chmod (path, 0666), ==, 0);
  g_assert_cmpint (chmod (dir, 0755), ==, 0);

  /* The window's way: the notice is the store's, the -wal and -shm follow the ledger. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    const char * const *notices;

    g_assert_no_error (error);
    notices = bl_store_get_notices (store);
    g_assert_nonnull (notices[0]);
    g_assert_nonnull (strstr (notices[0], "it is now readable by you alone"));
    g_assert_nonnull (notices[1]);
    g_assert_nonnull (strstr (notices[1], "it is now yours alone"));
    g_assert_cmpuint (file_mode (path), ==, 0600);
    g_assert_cmpuint (file_mode (dir), ==, 0700);
    bl_test_add_member (store, "甲", "", 0);
    g_assert_cmpuint (file_mode (wal), ==, 0600);
    g_assert_cmpuint (file_mode (shm), ==, 0600);
  }

  /* The command line's way: on stderr. */
  g_assert_cmpint (chmod (path, 0644), ==, 0);
  {
    const char *status[] = { "--database", path, "--status", NULL };

    g_assert_cmpint (run ("2025-06-01", status, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "could be read by other users of this computer"));
    g_assert_cmpuint (file_mode (path), ==, 0600);
  }
  {
    g_autofree char *backup = g_build_filename (dir, "backups", "ledger-2025-06-01.db", NULL);
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);

    g_assert_cmpuint (file_mode (backup), ==, 0600);
    g_assert_cmpuint (file_mode (backups), ==, 0700);
  }

  /* Reports are personal data too, whatever the umask; an older file replaced as well. */
  touch (old_pdf);
  g_assert_cmpint (chmod (old_pdf, 0644), ==, 0);
  old_umask = umask (0);
  {
    const char *report[] = { "--database", path, "--report", "2025-03", "--output", pdf, NULL };
    const char *again[] = { "--database", path, "--report", "2025-03", "--output", old_pdf, NULL };
    g_autofree char *out3 = NULL, *err3 = NULL;

    g_assert_cmpint (run (NULL, report, &out2, &err2), ==, 0);
    g_assert_cmpint (run (NULL, again, &out3, &err3), ==, 0);
  }
  umask (old_umask);
  g_assert_cmpuint (file_mode (pdf), ==, 0600);
  g_assert_cmpuint (file_mode (old_pdf), ==, 0600);
}

/* Item 19: what is refused gets no -wal or -shm */

static char *
wal_mode_ledger (const char *dir,
                 const char *name)
{
  char *path = new_ledger (dir, name, 400);

  /* new_ledger closed it: WAL mode in its header, no -wal beside it. */
  assert_no_companions (path);
  return path;
}

static void
assert_refused_untouched (const char *path,
                          int         code)
{
  g_autoptr(GBytes) before = bl_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, BL_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_true (bl_test_file_equals (path, before));
  assert_no_companions (path);
}

static void
test_refused_no_companions (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *newer = wal_mode_ledger (dir, "newer.db");
  g_autofree char *damaged = wal_mode_ledger (dir, "damaged.db");
  g_autofree char *truncated = wal_mode_ledger (dir, "truncated.db");
  g_autoptr(GBytes) contents = NULL;
  guint8 *data;
  gsize length;

  /* user_version is at offset 60 of the header. */
  contents = bl_test_read_bytes (newer);
  data = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  data[63] = 99;
  contents = g_bytes_new_take (data, length);
  write_bytes (newer, contents);
  g_clear_pointer (&contents, g_bytes_unref);
  assert_refused_untouched (newer, BL_STORE_ERROR_NEWER_VERSION);

  contents = bl_test_read_bytes (damaged);
  data = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  for (gsize i = 4096 + 100; i < length - 100; i += 7)
    data[i] = (guint8) (i * 31);
  contents = g_bytes_new_take (data, length);
  write_bytes (damaged, contents);
  g_clear_pointer (&contents, g_bytes_unref);
  assert_refused_untouched (damaged, BL_STORE_ERROR_CORRUPT);

  g_assert_cmpint (truncate (truncated, 4096 * 3), ==, 0);
  assert_refused_untouched (truncated, BL_STORE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* The app's own folder, for the permissions test, in a place of the test's. */
  data_home = bl_test_make_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("BRANCH_LEDGER_DB");
  bl_test_vfs_install ();

  g_test_add_func ("/ledger-file/wal/scan", test_wal_scan);
  g_test_add_func ("/ledger-file/wal/stale-tail", test_wal_stale_tail);
  g_test_add_func ("/ledger-file/wal/garbage-header", test_wal_garbage_header);
  g_test_add_func ("/ledger-file/wal/bit-flip", test_wal_bit_flip);
  g_test_add_func ("/ledger-file/restore/after-crash", test_restore_after_crash);
  g_test_add_func ("/ledger-file/restore/refused", test_restore_refused);
  g_test_add_func ("/ledger-file/restore/busy", test_restore_busy);
  g_test_add_func ("/ledger-file/restore/store", test_restore_store);
  g_test_add_func ("/ledger-file/integrity/daily", test_integrity_daily);
  g_test_add_func ("/ledger-file/integrity/once-a-day", test_integrity_once_a_day);
  g_test_add_func ("/ledger-file/integrity/counts-set-again", test_counts_set_again);
  g_test_add_func ("/ledger-file/backups/prune-exactly", test_prune_exactly);
  g_test_add_func ("/ledger-file/read-only-folder", test_read_only_folder);
  g_test_add_func ("/ledger-file/disk-full/save", test_disk_full_save);
  g_test_add_func ("/ledger-file/disk-full/create", test_disk_full_create);
  g_test_add_func ("/ledger-file/links-and-pipes", test_links_and_pipes);
  g_test_add_func ("/ledger-file/permissions", test_permissions);
  g_test_add_func ("/ledger-file/refused-no-companions", test_refused_no_companions);

  return g_test_run ();
}
