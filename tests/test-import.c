/* test-import.c: imports and exports from the command line, end to end:
 * workbooks and CSV files in, the round trip through a workbook, files
 * that are refused, one command's changes all or none, and exports that a
 * full disk cannot leave half-written */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-csv-export.h"
#include "bl-store.h"
#include "bl-test-common.h"
#include "bl-test-workbooks.h"

#define TODAY "2025-11-20"

static char *fixtures;   /* the folder xlsx-fixtures.py wrote into */

static void
make_fixtures (void)
{
  g_autofree char *script = g_build_filename (TEST_SRCDIR, "xlsx-fixtures.py", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/usr/bin/python3", script, NULL, NULL };
  int status;

  fixtures = bl_test_make_dir ();
  argv[2] = fixtures;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xlsx-fixtures.py failed (is python3-openpyxl installed?): %s", err);
}

static char *
new_ledger_path (void)
{
  g_autofree char *dir = bl_test_make_dir ();

  return g_build_filename (dir, "ledger.db", NULL);
}

static char *
read_text (const char *dir,
           const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Runs the program and checks its exit status, showing what it said. */
static void
run (int                 expected,
     const char * const *argv,
     char              **out,
     char              **err)
{
  g_autofree char *my_out = NULL, *my_err = NULL;
  int status = bl_test_run_program (argv, &my_out, &my_err);

  g_test_message ("%s%s", my_out, my_err);
  g_assert_cmpint (status, ==, expected);
  if (out != NULL)
    *out = g_steal_pointer (&my_out);
  if (err != NULL)
    *err = g_steal_pointer (&my_err);
}

static guint
count_activities (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (db, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (bl_store_get_activities (store));
}

static guint
count_members (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (db, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (bl_store_get_members (store));
}

/* The sample ledger, with what is hard to write and read back: names with
 * parentheses and separators, a party group nobody is in any more, a
 * member added after meetings, minutes that start with a blank. */
static char *
make_hard_ledger (void)
{
  char *db = new_ledger_path ();
  const char *demo[] = { "--demo", db, NULL };
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(BlMember) mover = bl_member_new ("欧阳,明");
  g_autoptr(BlMember) late = bl_member_new ("赵(小)");
  g_autoptr(GError) error = NULL;
  gint64 paren;

  run (0, demo, NULL, NULL);
  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  paren = bl_test_add_member (store, "张伟（大）", "第一党小组", BL_MEMBER_ROLE_NONE);
  bl_member_set_group (mover, "老干部党小组");
  g_assert_true (bl_store_save_member (store, mover, &error));
  bl_attendance_add (attendance, paren, "张伟（大）", BL_ATTENDANCE_LEAVE, "病假");
  bl_attendance_add (attendance, bl_member_get_id (mover), "欧阳,明", BL_ATTENDANCE_PRESENT, "");
  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_group (activity, "老干部党小组");
  bl_activity_set_date (activity, "2025-02-01");
  bl_activity_set_topic (activity, "老干部座谈");
  bl_activity_set_content (activity, "\t一、传达文件\n二、讨论");
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  bl_member_set_group (mover, "第一党小组");
  g_assert_true (bl_store_save_member (store, mover, &error));
  bl_member_set_joined (late, "1980-07-01");
  g_assert_true (bl_store_save_member (store, late, &error));
  g_assert_no_error (error);
  return db;
}

/* Issue 12: the workbook --export-xlsx writes imports into a new ledger,
 * which then exports the same CSV files as the original. */
static void
test_workbook_round_trip (void)
{
  g_autofree char *db = make_hard_ledger ();
  g_autofree char *copy = new_ledger_path ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *csv1 = g_build_filename (dir, "first", NULL);
  g_autofree char *csv2 = g_build_filename (dir, "second", NULL);
  g_autofree char *book = g_build_filename (dir, "台账.xlsx", NULL);
  g_autofree char *members1 = NULL, *members2 = NULL, *activities1 = NULL, *activities2 = NULL;
  const char *out[] = { "--database", db, "--export-csv", csv1, "--export-xlsx", book, NULL };
  /* The sample ledger's rule pack brings its kinds of activity. */
  const char *in[] = { "--database", copy, "--import-members", book, "--import-activities", book,
                       "--rules", "park-2025-ideology", "--export-csv", csv2, NULL };

  run (0, out, NULL, NULL);
  run (0, in, NULL, NULL);

  members1 = read_text (csv1, "members.csv");
  members2 = read_text (csv2, "members.csv");
  activities1 = read_text (csv1, "activities.csv");
  activities2 = read_text (csv2, "activities.csv");
  g_assert_cmpstr (members1, ==, members2);
  g_assert_cmpstr (activities1, ==, activities2);
  g_assert_nonnull (strstr (members1, ",老干部党小组,"));
  g_assert_nonnull (strstr (activities1, "张伟（大）(病假)"));
}

/* A secretary's own workbook: a cover sheet first, titles above the
 * headers, dates, times and numbers as Excel keeps them, a party group
 * merged down its members' rows. */
static void
test_secretary_workbook (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *book = g_build_filename (fixtures, "ledger.xlsx", NULL);
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *members = NULL, *activities = NULL;
  const char *argv[] = { "--database", db, "--import-members", book, "--import-activities", book,
                         "--export-csv", dir, NULL };

  run (0, argv, NULL, NULL);
  members = read_text (dir, "members.csv");
  activities = read_text (dir, "activities.csv");
  g_assert_nonnull (strstr (members, "王建国,第一党小组,正式党员,书记,1998-07-01,13800000001,在册,,\r\n"));
  g_assert_nonnull (strstr (members, "李秀英,第一党小组,正式党员,组织委员,2003-06-18,,在册,,\r\n"));
  g_assert_nonnull (strstr (members, "张伟,第二党小组,正式党员,,2025-01-10,0551-1234,在册,,\r\n"));
  g_assert_nonnull (strstr (activities, "主题党日,2025-03-10,09:00,11:30,学习全国两会精神,"));
  g_assert_nonnull (strstr (activities, ",张伟(公出),"));
  g_assert_nonnull (strstr (activities, "支部委员会,2025-03-12,14:00,,研究三月工作,"));
}

/* A wrong cell: FILE:SHEET!CELL, exit 1, and nothing of the command done,
 * the branch's name and the members it imported first included (issue 15,
 * item 15). */
static void
test_one_command_all_or_nothing (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *book = g_build_filename (fixtures, "ledger-bad.xlsx", NULL);
  g_autofree char *where = g_strconcat (book, ":活动台账!B5: ", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *name = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "--database", db, "--branch-name", "城东第一党支部", "--import-members", book,
                         "--import-activities", book, NULL };

  run (1, argv, &out, &err);
  g_assert_nonnull (strstr (err, where));
  g_assert_nonnull (strstr (err, "“2025年3月12日”"));
  g_assert_cmpstr (out, ==, "");

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  name = bl_store_get_branch_name (store);
  g_assert_null (name);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);
}

/* Issue 15, item 12: a pack's kinds can be imported in the same command
 * that enables it. */
static void
test_rules_before_imports (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *activities = bl_test_write_file ("activities.csv",
                                                    "类型,日期,主题\n专题研究意识形态工作,2025-03-10,研判意识形态风险\n");
  const char *argv[] = { "--database", db, "--import-activities", activities, "--rules", "park-2025-ideology", NULL };

  run (0, argv, NULL, NULL);
  g_assert_cmpuint (count_activities (db), ==, 1);
}

static void
assert_refused (const char *file,
                const char *english,
                const char *chinese)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *err = NULL, *err_zh = NULL;
  const char *argv[] = { "--database", db, "--import-members", file, "--import-activities", file, NULL };

  run (1, argv, NULL, &err);
  g_assert_true (g_str_has_prefix (err, file));
  g_assert_nonnull (strstr (err, english));
  g_assert_cmpuint (count_members (db), ==, 0);
  g_assert_cmpuint (count_activities (db), ==, 0);

  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  run (1, argv, NULL, &err_zh);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LANGUAGE");
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_assert_nonnull (strstr (err_zh, chinese));
}

/* Issue 12: files that cannot be imported say why, in the user's language,
 * exit 1 and import nothing; none makes the program hang. */
static void
test_refused_files (void)
{
  const char *xls_streams[] = { "Workbook", NULL };
  const char *encrypted_streams[] = { "EncryptionInfo", "EncryptedPackage", NULL };
  g_autofree char *xls = bl_test_make_compound_file ("旧台账.xls", xls_streams);
  g_autofree char *encrypted = bl_test_make_compound_file ("加密.xlsx", encrypted_streams);
  g_autofree char *good = g_build_filename (fixtures, "ledger.xlsx", NULL);
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *truncated = g_build_filename (dir, "损坏.xlsx", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.csv", NULL);
  g_autofree char *million = bl_test_make_workbook ("million.xlsx", bl_test_write_million_rows, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int fd;

  assert_refused (xls, "save it as an Excel workbook (.xlsx)", "另存为 Excel 工作簿（.xlsx）");
  assert_refused (encrypted, "protected by a password", "密码");

  g_assert_true (g_file_get_contents (good, &contents, &length, &error));
  g_assert_true (g_file_set_contents (truncated, contents, (gssize) length / 2, &error));
  assert_refused (truncated, "", "");

  /* 100 MB and one byte, of nothing (a sparse file). */
  fd = open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 100 * 1000 * 1000 + 1), ==, 0);
  close (fd);
  assert_refused (huge, "larger than", "100");

  assert_refused (million, "rows", "行");
}

/* A child's limit on the size of the files it writes: the disk is full at
 * 64 KB. */
static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Issue 15, item 18: an export that cannot be written whole leaves the
 * files there before as they were, and no temporary file; the ledger's
 * own writes fail with one clear message, no warning. */
static void
test_export_disk_full (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *old = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *out = NULL, *err = NULL, *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *demo[] = { "--demo", db, NULL };
  const char *status[] = { "--database", db, "--status", NULL };
  const char *export[] = { bl_test_program (), "--database", db, "--export-csv", dir, NULL };
  int wait_status;

  run (0, demo, NULL, NULL);
  run (0, status, NULL, NULL);   /* today's backup made, with room to spare */
  g_assert_true (g_file_set_contents (old, "an older export", -1, &error));

  g_assert_true (g_spawn_sync (NULL, (char **) export, NULL, G_SPAWN_DEFAULT, limit_file_size_cb, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
  g_assert_nonnull (strstr (err, "activities.csv"));
  g_assert_null (strstr (err, "WARNING"));

  g_assert_true (g_file_get_contents (old, &kept, NULL, &error));
  g_assert_cmpstr (kept, ==, "an older export");
  listing = g_dir_open (dir, 0, &error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "members.csv");
  g_assert_null (g_dir_read_name (listing));

  /* An import that fills the disk: one message, no warning, nothing in. */
  {
    g_autofree char *copy = new_ledger_path ();
    g_autofree char *full = bl_test_make_dir ();
    g_autofree char *members = g_build_filename (full, "members.csv", NULL);
    g_autofree char *activities = g_build_filename (full, "activities.csv", NULL);
    const char *whole[] = { "--database", db, "--export-csv", full, NULL };
    const char *first[] = { "--database", copy, "--rules", "park-2025-ideology", "--import-members", members, NULL };
    const char *backup[] = { "--database", copy, "--status", NULL };
    const char *import[] = { bl_test_program (), "--database", copy, "--import-activities", activities, NULL };

    run (0, whole, NULL, NULL);
    run (0, first, NULL, NULL);
    run (0, backup, NULL, NULL);   /* the daily backup, again with room */
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) import, NULL, G_SPAWN_DEFAULT, limit_file_size_cb, NULL,
                                 &out, &err, &wait_status, &error));
    g_test_message ("%s%s", out, err);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
    g_assert_null (strstr (err, "WARNING"));
    g_assert_null (strstr (err, "Rollback"));
    g_assert_cmpuint (count_activities (copy), ==, 0);
  }
}

/* Issue 15, item 21: exports are the user's alone, whatever the umask. */
static void
test_exports_private (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *csv = g_build_filename (dir, "csv", NULL);
  g_autofree char *book = g_build_filename (dir, "台账.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  const char *demo[] = { "--demo", db, NULL };
  const char *argv[] = { "--database", db, "--export-csv", csv, "--export-xlsx", book, "--report", "2025-10",
                         "--output", pdf, NULL };
  const char *files[] = { "csv/members.csv", "csv/activities.csv", "台账.xlsx", "summary.pdf", "csv" };
  mode_t mask;

  run (0, demo, NULL, NULL);
  mask = umask (0);
  run (0, argv, NULL, NULL);
  umask (mask);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      GStatBuf info;

      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_test_message ("%s %o", files[i], info.st_mode & 0777);
      g_assert_cmpint (info.st_mode & 0777, ==, S_ISDIR (info.st_mode) ? 0700 : 0600);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_setenv ("BRANCH_LEDGER_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);
  make_fixtures ();

  g_test_add_func ("/import/workbook-round-trip", test_workbook_round_trip);
  g_test_add_func ("/import/secretary-workbook", test_secretary_workbook);
  g_test_add_func ("/import/one-command-all-or-nothing", test_one_command_all_or_nothing);
  g_test_add_func ("/import/rules-before-imports", test_rules_before_imports);
  g_test_add_func ("/import/refused-files", test_refused_files);
  g_test_add_func ("/import/export-disk-full", test_export_disk_full);
  g_test_add_func ("/import/exports-private", test_exports_private);

  return g_test_run ();
}
