/* test-ledger-check.c: a ledger opened for a window (bl_store_open_deferred):
 * read at once, its contents checked in a worker thread; nothing written
 * before the checks pass, the day's backup made only after them, a damaged
 * ledger read-only or refused afterwards, and a store let go while they run */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bl-clock.h"
#include "bl-store.h"
#include "bl-test-common.h"
#include "bl-test-damage.h"
#include "db/bl-ledger-backup.h"
#include "db/bl-ledger-file.h"

#define DAY_BEFORE "2025-06-01"
#define DAY        "2025-06-02"

/* A closed ledger of @members members (党员000…), made on DAY_BEFORE: its
 * integrity check passed that day, its backup of that day made. */
static char *
new_ledger (const char *dir,
            guint       members)
{
  char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), DAY_BEFORE));
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bl_store_begin (store, &error));
  for (guint i = 0; i < members; i++)
    {
      g_autofree char *name = g_strdup_printf ("党员%03u", i);
      bl_test_add_member (store, name, i % 2 ? "一组" : "二组", 0);
    }
  g_assert_true (bl_store_commit (store, &error));
  g_clear_object (&store);
  /* Opened again that day: its backup is made. */
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  /* The next open is the first of a new day. */
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), DAY));
  return path;
}

static char *
backup_of (const char *path,
           const char *day)
{
  g_autofree char *dir = bl_ledger_file_backup_dir (path);
  g_autofree char *name = g_strdup_printf ("ledger-%s.db", day);

  return g_build_filename (dir, name, NULL);
}

/* The day of the last integrity check passed, as the file holds it. */
static char *
checked_on (const char *path)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *day = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM setting WHERE key = '" BL_LEDGER_FILE_CHECKED_ON "'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return day;
}

static guint
count_members (const char *path)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM member", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static BlStore *
open_deferred (const char *path)
{
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open_deferred (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
checked_cb (BlStore *store,
            guint   *count)
{
  (*count)++;
}

/* Runs the main loop until the store says its checks are over: the worker
 * tells the main context, as in the program. */
static void
wait_checked (BlStore *store,
              guint   *checked)
{
  bl_store_start_check (store);
  while (*checked == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (*checked, ==, 1);
  g_assert_false (bl_store_is_checking (store));
}

static gboolean
has_notice (BlStore    *store,
            const char *part)
{
  for (const char * const *n = bl_store_get_notices (store); *n != NULL; n++)
    if (strstr (*n, part) != NULL)
      return TRUE;
  return FALSE;
}

/* A whole ledger: read at once, written once checked, backed up after the
 * check and before the first save. */
static void
test_passes (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 30);
  g_autofree char *backup = backup_of (path, DAY);
  g_autofree char *day = NULL;
  g_autoptr(BlStore) store = open_deferred (path);
  guint checked = 0;

  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  g_assert_true (bl_store_is_checking (store));
  g_assert_false (bl_store_is_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 30);
  /* Nothing of the day is done before the checks: no backup, no day stored. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  day = checked_on (path);
  g_assert_cmpstr (day, ==, DAY_BEFORE);

  wait_checked (store, &checked);
  g_assert_null (bl_store_get_check_error (store));
  g_assert_false (bl_store_is_read_only (store));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (bl_ledger_file_check (backup, TRUE, NULL));
  g_clear_pointer (&day, g_free);
  day = checked_on (path);
  g_assert_cmpstr (day, ==, DAY);

  bl_test_add_member (store, "新党员", "一组", 0);
  g_assert_cmpuint (count_members (path), ==, 31);
  g_assert_cmpuint (count_members (backup), ==, 30);
  g_assert_cmpuint (checked, ==, 1);
}

/* Damage only integrity_check finds: the ledger turns read-only once it has
 * run, the person is told as at any opening, nothing is written or backed up. */
static void
test_integrity_failed (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 30);
  g_autofree char *backup = backup_of (path, DAY);
  g_autofree char *day = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlMember) member = bl_member_new ("不应保存");
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  bl_test_damage_behind_quick_check (path);
  before = bl_test_read_bytes (path);
  store = open_deferred (path);
  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 30);
  g_assert_false (has_notice (store, "failed its integrity check"));

  wait_checked (store, &checked);
  g_assert_null (bl_store_get_check_error (store));
  g_assert_true (bl_store_is_read_only (store));
  g_assert_true (has_notice (store, "failed its integrity check"));
  g_assert_true (has_notice (store, "ledger-" DAY_BEFORE ".db"));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 30);

  g_assert_false (bl_store_save_member (store, member, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "failed its integrity check and is open read-only"));
  g_clear_object (&store);

  g_assert_true (bl_test_file_equals (path, before));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  day = checked_on (path);
  g_assert_cmpstr (day, ==, DAY_BEFORE);
}

/* A save issued while the checks run waits for them: on a damaged ledger
 * it is refused and nothing is written; on a whole one it is saved after
 * the day's backup, which does not hold it. */
static void
test_save_while_checking (void)
{
  g_autofree char *damaged_dir = bl_test_make_dir ();
  g_autofree char *damaged = new_ledger (damaged_dir, 30);
  g_autofree char *damaged_backup = backup_of (damaged, DAY);
  g_autofree char *whole_dir = bl_test_make_dir ();
  g_autofree char *whole = new_ledger (whole_dir, 300);
  g_autofree char *whole_backup = backup_of (whole, DAY);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlMember) member = bl_member_new ("检查中保存");
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  bl_test_damage_behind_quick_check (damaged);
  before = bl_test_read_bytes (damaged);
  store = open_deferred (damaged);
  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  bl_store_start_check (store);
  g_assert_true (bl_store_is_checking (store));
  g_assert_false (bl_store_save_member (store, member, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "failed its integrity check"));
  g_clear_error (&error);
  g_assert_cmpint (bl_member_get_id (member), ==, 0);
  /* ::checked still comes, once, from the main loop. */
  g_assert_cmpuint (checked, ==, 0);
  wait_checked (store, &checked);
  g_assert_true (has_notice (store, "failed its integrity check"));
  g_clear_object (&store);
  g_assert_true (bl_test_file_equals (damaged, before));
  g_assert_false (g_file_test (damaged_backup, G_FILE_TEST_EXISTS));

  /* Not even started: the save runs them itself, first. */
  store = open_deferred (damaged);
  g_assert_false (bl_store_save_member (store, member, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);
  g_assert_true (bl_test_file_equals (damaged, before));
  g_assert_false (g_file_test (damaged_backup, G_FILE_TEST_EXISTS));

  checked = 0;
  store = open_deferred (whole);
  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  bl_store_start_check (store);
  g_assert_true (bl_store_is_checking (store));
  g_assert_true (bl_store_save_member (store, member, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_members (whole), ==, 301);
  g_assert_true (bl_ledger_file_check (whole_backup, TRUE, NULL));
  g_assert_cmpuint (count_members (whole_backup), ==, 300);
  wait_checked (store, &checked);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 301);
}

/* Damage quick_check finds: the ledger is refused once it has run, as
 * bl_store_open() refuses it, and nothing is written. */
static void
test_refused (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 30);
  g_autofree char *backup = backup_of (path, DAY);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlMember) member = bl_member_new ("不应保存");
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  /* An index nothing reads at opening. */
  bl_test_damage_root_page (path, "activity_tag_tag");
  before = bl_test_read_bytes (path);
  store = open_deferred (path);
  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 30);

  wait_checked (store, &checked);
  g_assert_error (bl_store_get_check_error (store), BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (bl_store_get_check_error (store)->message, "is damaged and was left untouched"));
  g_assert_nonnull (strstr (bl_store_get_check_error (store)->message, "ledger-" DAY_BEFORE ".db"));
  g_assert_true (bl_store_is_read_only (store));
  g_assert_false (bl_store_save_member (store, member, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);
  /* Read no more: another program's writes are not looked for. */
  g_assert_false (bl_store_check_changed_elsewhere (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (bl_test_file_equals (path, before));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* Damage the first reads run into: refused at once, in the checks' words. */
static void
test_refused_at_opening (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 30);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  BlStore *store;

  bl_test_damage_root_page (path, "member");
  before = bl_test_read_bytes (path);
  store = bl_store_open_deferred (path, &error);
  g_assert_null (store);
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged and was left untouched"));
  g_assert_true (bl_test_file_equals (path, before));
}

static void
changed_cb (BlStore  *store,
            BlChange  changes,
            BlChange *seen)
{
  *seen |= changes;
}

/* Another program writes while the checks run: the store reads it once
 * they are over, as it would at any time. */
static void
test_written_elsewhere (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 3);
  g_autoptr(BlStore) store = open_deferred (path);
  g_autofree char *branch = NULL;
  BlChange seen = BL_CHANGE_NONE;
  guint checked = 0;
  sqlite3 *db;

  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &seen);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO member (name) VALUES ('别处加的')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 3);

  wait_checked (store, &checked);
  g_assert_cmpuint (seen, ==, BL_CHANGE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 4);
  bl_test_add_member (store, "之后", "", 0);
  g_assert_cmpuint (count_members (path), ==, 5);
}

/* Another connection opens the ledger while the checks run (an import
 * does): each makes the day's backup if it is not made, one at a time; one
 * backup, whole, and no complaint. */
static void
test_backup_beside_another_open (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 300);
  g_autofree char *backup = backup_of (path, DAY);
  g_autofree char *backups = bl_ledger_file_backup_dir (path);
  g_autoptr(BlStore) store = open_deferred (path);
  g_autoptr(BlStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint checked = 0;
  const char *name;

  g_signal_connect (store, "checked", G_CALLBACK (checked_cb), &checked);
  bl_store_start_check (store);
  other = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (bl_store_get_notices (other)[0]);
  wait_checked (store, &checked);
  g_assert_null (bl_store_get_notices (store)[0]);
  g_assert_true (bl_ledger_file_check (backup, TRUE, NULL));
  g_assert_cmpuint (count_members (backup), ==, 300);
  listing = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".partial"));
}

/* The store let go while its checks run (the window closed at once): the
 * worker is stopped and waited for, nothing is left half done. */
static void
test_closed_while_checking (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = new_ledger (dir, 300);
  g_autofree char *backups = bl_ledger_file_backup_dir (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  BlStore *store;
  const char *name;

  for (guint round = 0; round < 5; round++)
    {
      store = open_deferred (path);
      bl_store_start_check (store);
      g_object_unref (store);
    }
  /* Nor is anything left for the main loop. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  listing = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".partial"));
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 300);
  g_object_unref (store);
  g_assert_true (bl_ledger_file_check (path, TRUE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);
  data_home = bl_test_make_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("BRANCH_LEDGER_DB");

  g_test_add_func ("/ledger-check/passes", test_passes);
  g_test_add_func ("/ledger-check/integrity-failed", test_integrity_failed);
  g_test_add_func ("/ledger-check/save-while-checking", test_save_while_checking);
  g_test_add_func ("/ledger-check/refused", test_refused);
  g_test_add_func ("/ledger-check/refused-at-opening", test_refused_at_opening);
  g_test_add_func ("/ledger-check/written-elsewhere", test_written_elsewhere);
  g_test_add_func ("/ledger-check/backup-beside-another-open", test_backup_beside_another_open);
  g_test_add_func ("/ledger-check/closed-while-checking", test_closed_while_checking);

  return g_test_run ();
}
