/* test-refusal.c: a file that is not a ledger, is damaged or is newer is refused and left untouched */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bl-store.h"
#include "bl-test-common.h"

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Opens @path, expects @code, and checks that not one byte changed and that
 * no journal was left beside it. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);

  g_assert_null (store);
  g_assert_error (error, BL_STORE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("refused: %s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_text_file (void)
{
  g_autofree char *path = bl_test_write_file ("notes.db", "姓名,党小组\n张三,第一党小组\n");

  assert_refused (path, BL_STORE_ERROR_NOT_A_LEDGER);
}

static void
test_short_binary (void)
{
  g_autofree char *path = bl_test_write_file ("short.db", "SQLite format 3");

  assert_refused (path, BL_STORE_ERROR_NOT_A_LEDGER);
}

static void
test_other_database (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('a')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, BL_STORE_ERROR_NOT_A_LEDGER);
}

static char *
make_ledger (const char *dir)
{
  char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("党员%03d", i);
      bl_test_add_member (store, name, i % 2 ? "一组" : "二组", 0);
    }
  g_clear_object (&store);

  /* One self-contained file: fold the WAL back in. */
  {
    sqlite3 *db;
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  return path;
}

static void
test_newer_version (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = make_ledger (dir);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, BL_STORE_ERROR_NEWER_VERSION);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = make_ledger (dir);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  /* Garbage over the pages after the first: the header still looks right. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3 * 4096);
  for (gsize i = 4096 + 100; i < length - 100; i += 7)
    contents[i] = (char) (i * 31);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  g_free (contents);

  assert_refused (path, BL_STORE_ERROR_CORRUPT);
}

static void
test_folder (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (dir, &error);

  g_assert_null (store);
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO);
}

/* The command line reports a refused ledger with exit status 2. */
static void
test_command_line (void)
{
  g_autofree char *path = bl_test_write_file ("notes.db", "not a ledger at all\n");
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "--database", path, "--export-csv", "/tmp/never-written", NULL };

  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "not a Branch Ledger file"));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/refusal/text-file", test_text_file);
  g_test_add_func ("/refusal/short-binary", test_short_binary);
  g_test_add_func ("/refusal/other-database", test_other_database);
  g_test_add_func ("/refusal/newer-version", test_newer_version);
  g_test_add_func ("/refusal/corrupt", test_corrupt);
  g_test_add_func ("/refusal/folder", test_folder);
  g_test_add_func ("/refusal/command-line", test_command_line);

  return g_test_run ();
}
