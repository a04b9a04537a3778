/* bl-test-damage.c: damaged ledgers, made from real ones: damage that only
 * PRAGMA integrity_check finds, and damage that quick_check finds too */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bl-test-damage.h"

#define PAGE_SIZE 4096

GBytes *
bl_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Writes @bytes over the file at @path, which keeps its mode: the damage
 * is all that changes. */
static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, st.st_mode & 07777), ==, 0);
}

gboolean
bl_test_file_equals (const char *path,
                     GBytes     *expected)
{
  g_autoptr(GBytes) now = bl_test_read_bytes (path);

  return g_bytes_equal (now, expected);
}

/* The root page of @name, read with the ledger left in WAL mode. */
static int
root_page (const char *path,
           const char *name)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int root;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_master WHERE name = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);
  return root;
}

/* The first answer of @pragma on the file as it is. */
static char *
pragma_answer (const char *path,
               const char *pragma)
{
  g_autofree char *uri = g_strconcat ("file:", path, "?immutable=1", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  char *answer;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  answer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return answer;
}

void
bl_test_damage_behind_quick_check (const char *path)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *quick = NULL;
  g_autofree char *integrity = NULL;
  guint8 *data, *mark;
  gsize length;
  int root = root_page (path, "member");

  contents = bl_test_read_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  mark = memmem (data + (root - 1) * PAGE_SIZE, PAGE_SIZE, "党员007", strlen ("党员007"));
  g_assert_nonnull (mark);
  mark[strlen ("党员00")] = '9';
  contents = g_bytes_new_take (data, length);
  write_bytes (path, contents);

  /* What the fixture is: quick_check passes, integrity_check does not. */
  quick = pragma_answer (path, "PRAGMA quick_check");
  integrity = pragma_answer (path, "PRAGMA integrity_check");
  g_assert_cmpstr (quick, ==, "ok");
  g_assert_cmpstr (integrity, !=, "ok");
}

void
bl_test_damage_root_page (const char *path,
                          const char *name)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *quick = NULL;
  guint8 *data;
  gsize length;
  int root = root_page (path, name);

  contents = bl_test_read_bytes (path);
  data = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  g_assert_cmpuint (length, >=, (gsize) root * PAGE_SIZE);
  memset (data + (gsize) (root - 1) * PAGE_SIZE, 0xa5, PAGE_SIZE);
  contents = g_bytes_new_take (data, length);
  write_bytes (path, contents);

  quick = pragma_answer (path, "PRAGMA quick_check");
  g_assert_cmpstr (quick, !=, "ok");
}
