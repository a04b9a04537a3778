/* test-cli.c: the command line of issue 2: --branch-name, imports, --export-csv, exit statuses;
 * and of issue 13: --attach, --detach, the 附件 folder of --export-csv */
#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bl-store-attachments.h"
#include "bl-test-common.h"
#include "bl-test-damage.h"

#define BOM "\xef\xbb\xbf"

static char *
new_ledger_path (void)
{
  g_autofree char *dir = bl_test_make_dir ();

  return g_build_filename (dir, "ledger.db", NULL);
}

static void
test_import_export (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *db2 = new_ledger_path ();
  g_autofree char *members = bl_test_write_file ("members.csv",
                                                 "姓名,党小组,职务\n王建国,第一党小组,书记\n李秀英,第一党小组,\n");
  g_autofree char *activities = bl_test_write_file ("activities.csv",
                                                    "类型,日期,主题,出席\n主题党日,2025-03-10,学习,王建国\n");
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *dir2 = bl_test_make_dir ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *m1 = NULL, *m2 = NULL, *a1 = NULL, *a2 = NULL;
  g_autofree char *m1_path = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *a1_path = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *m2_path = g_build_filename (dir2, "members.csv", NULL);
  g_autofree char *a2_path = g_build_filename (dir2, "activities.csv", NULL);
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *first[] = { "--database", db, "--branch-name", "城东第一党支部", "--import-members", members,
                          "--import-activities", activities, "--export-csv", dir, NULL };
  const char *again[] = { "--database", db, "--import-activities", activities, NULL };
  const char *copy[] = { "--database", db2, "--import-members", m1_path, "--import-activities", a1_path,
                         "--export-csv", dir2, NULL };

  g_assert_cmpint (bl_test_run_program (first, &out, &err), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_file_get_contents (m1_path, &m1, NULL, NULL));
  g_assert_true (g_file_get_contents (a1_path, &a1, NULL, NULL));
  g_assert_true (g_str_has_prefix (m1, BOM "姓名,"));
  g_assert_nonnull (strstr (a1, "学习"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same file twice: a duplicate, reported and skipped, exit 0. */
  g_assert_cmpint (bl_test_run_program (again, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, ":2: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (bl_test_run_program (copy, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (m2_path, &m2, NULL, NULL));
  g_assert_true (g_file_get_contents (a2_path, &a2, NULL, NULL));
  g_assert_cmpstr (m1, ==, m2);
  g_assert_cmpstr (a1, ==, a2);

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "城东第一党支部");
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);
}

static void
test_bad_input (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *members = bl_test_write_file ("members.csv",
                                                 "姓名,党员类别\n王建国,正式党员\n,正式党员\n李秀英,党员\n");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *line3 = NULL, *line4 = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "--database", db, "--import-members", members, NULL };

  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 1);
  g_test_message ("%s", err);
  line3 = g_strconcat (members, ":3: ", NULL);
  line4 = g_strconcat (members, ":4: ", NULL);
  g_assert_nonnull (strstr (err, line3));
  g_assert_nonnull (strstr (err, line4));

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 0);
}

static void
test_missing_file (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "--database", db, "--import-activities", "/nonexistent/activities.csv", NULL };

  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "/nonexistent/activities.csv"));
}

/* BRANCH_LEDGER_DB chooses the ledger when --database is not given. */
static void
test_environment (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *argv[] = { "--branch-name", "环境变量支部", NULL };

  g_setenv ("BRANCH_LEDGER_DB", db, TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
  g_unsetenv ("BRANCH_LEDGER_DB");

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "环境变量支部");
}

static void
test_unopenable (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "--database", dir, "--branch-name", "x", NULL };

  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, dir));
}

/* A ledger with the members 党员000 … 党员009, imported on @day, and a file
 * of activities naming them. */
static char *
members_ledger (const char  *day,
                char       **activities)
{
  char *db = new_ledger_path ();
  g_autoptr(GString) roster = g_string_new ("姓名,党小组\n");
  g_autofree char *members = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "--database", db, "--import-members", NULL, NULL };

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (roster, "党员%03u,第一党小组\n", i);
  members = bl_test_write_file ("members.csv", roster->str);
  argv[3] = members;
  g_setenv ("BRANCH_LEDGER_TODAY", day, TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  *activities = bl_test_write_file ("activities.csv", "类型,日期,主题,出席,缺席\n"
                                    "主题党日,2025-03-10,学习,党员000、党员001,党员002\n"
                                    "主题党日,2025-04-10,讨论,党员003,\n");
  return db;
}

static void
assert_no_companions (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* An import reads its file while the ledger is checked in another thread:
 * a ledger the check finds damaged is still refused as at any opening,
 * with nothing imported and nothing written to it. */
static void
test_import_into_damaged (void)
{
  g_autofree char *activities = NULL;
  g_autofree char *db = members_ledger ("2025-06-01", &activities);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *argv[] = { "--database", db, "--import-activities", activities, NULL };

  /* An index nothing reads before the check: only the check finds it. */
  bl_test_damage_root_page (db, "activity_tag_tag");
  before = bl_test_read_bytes (db);
  g_setenv ("BRANCH_LEDGER_TODAY", "2025-06-01", TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 2);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (err, "cannot open the ledger"));
  g_assert_nonnull (strstr (err, "is damaged and was left untouched"));
  g_assert_null (strstr (out, "added"));
  g_assert_true (bl_test_file_equals (db, before));
  assert_no_companions (db);
}

/* The same with damage only the day's integrity check finds: the ledger
 * opens read-only, and the import says so and writes nothing. */
static void
test_import_into_read_only (void)
{
  g_autofree char *activities = NULL;
  g_autofree char *db = members_ledger ("2025-06-01", &activities);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *argv[] = { "--database", db, "--import-activities", activities, NULL };

  bl_test_damage_behind_quick_check (db);
  before = bl_test_read_bytes (db);
  g_setenv ("BRANCH_LEDGER_TODAY", "2025-06-02", TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 1);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (err, "failed its integrity check and is open read-only"));
  g_assert_null (strstr (out, "added"));
  g_assert_true (bl_test_file_equals (db, before));
}

/* And a whole ledger: the file read during the check is imported. */
static void
test_import_while_checked (void)
{
  g_autofree char *activities = NULL;
  g_autofree char *db = members_ledger ("2025-06-01", &activities);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "--database", db, "--import-activities", activities, NULL };
  const char *missing[] = { "--database", db, "--import-activities", "/nonexistent/activities.csv", NULL };

  /* The next day: integrity_check and the day's backup, then the import. */
  g_setenv ("BRANCH_LEDGER_TODAY", "2025-06-02", TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "2 added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* A file that cannot be read is told after the check, as before. */
  g_assert_cmpint (bl_test_run_program (missing, &out, &err), ==, 1);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  g_assert_nonnull (strstr (err, "/nonexistent/activities.csv"));
  g_assert_nonnull (strstr (err, "nothing was imported"));

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 2);
}

/* A file with more activities than the ledger holds: its keys are checked
 * once, at the commit, and it is imported whole. */
static void
test_import_keys_at_commit (void)
{
  g_autofree char *unused = NULL;
  g_autofree char *db = members_ledger ("2025-06-01", &unused);
  g_autoptr(GString) rows = g_string_new ("类型,日期,主题,出席,缺席\n");
  g_autofree char *activities = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "--database", db, "--import-activities", NULL, NULL };

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (rows, "主题党日,2024-%02u-%02u,第%u次,党员00%u、党员009,党员008(病假)\n",
                            1 + i % 12, 1 + i % 28, i, i % 8);
  activities = bl_test_write_file ("activities.csv", rows->str);
  argv[3] = activities;
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "600 added"));

  store = bl_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_store_count_activities (store), ==, 600);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 600);
  for (guint i = 0; i < 600; i += 299)
    {
      g_autoptr(BlActivity) activity = g_list_model_get_item (bl_store_get_activities (store), i);
      g_autoptr(GListModel) attendance = bl_store_load_attendance (store, bl_activity_get_id (activity), &error);

      g_assert_no_error (error);
      /* The three listed, and the other members expected that day. */
      g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 10);
    }
}

/* Messages follow the user's language. */
static void
test_chinese_messages (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *members = bl_test_write_file ("members.csv", "姓名,党员类别\n\n,正式党员\n");
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "--database", db, "--import-members", members, NULL };

  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 1);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LANGUAGE");
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "姓名"));
  g_assert_nonnull (strstr (err, "没有导入"));
}

/* Issue 12: a GBK file imports, and the summary says how it was read. */
static void
test_gbk_summary (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *utf8 = bl_test_write_file ("members.csv", "姓名,党小组\r\n王建国,第一党小组\r\n");
  g_autofree char *gbk = g_strconcat (utf8, ".gbk.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out_zh = NULL, *err_zh = NULL;
  g_autoptr(GError) error = NULL;
  const char *convert[] = { "iconv", "-f", "UTF-8", "-t", "GBK", "-o", gbk, utf8, NULL };
  const char *argv[] = { "--database", db, "--import-members", gbk, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) convert, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
  g_test_message ("%s%s", out, err);
  g_assert_nonnull (strstr (out, "1 added, 0 updated, 0 skipped as duplicates (read as GBK)"));

  g_setenv ("LANG", "zh_CN.UTF-8", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpint (bl_test_run_program (argv, &out_zh, &err_zh), ==, 0);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LANGUAGE");
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_test_message ("%s%s", out_zh, err_zh);
  g_assert_nonnull (strstr (out_zh, "（按 GBK 编码读取）"));
}

static gint64
add_activity (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (db, &error);
  g_autoptr(BlActivity) activity = bl_activity_new ();

  g_assert_no_error (error);
  bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
  bl_activity_set_date (activity, "2025-03-10");
  bl_activity_set_topic (activity, "学习");
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  return bl_activity_get_id (activity);
}

static guint
count_attachments (const char *db,
                   gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (db, &error);
  g_autoptr(BlAttachmentList) list = bl_store_load_attachments (store, id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* --attach ID FILE…, --detach ID NAME…: all or nothing, with messages;
 * --export-csv writes the files under 附件/<编号>/. */
static void
test_attach_detach (void)
{
  g_autofree char *db = new_ledger_path ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *photo = g_build_filename (src, "会议照片.jpg", NULL);
  g_autofree char *scan = bl_test_write_file ("签到表.pdf", "%PDF-1.4\n");
  g_autofree char *missing = g_build_filename (src, "不存在.jpg", NULL);
  g_autofree char *export_dir = bl_test_make_dir ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  gint64 number = add_activity (db);

  gdk_pixbuf_fill (pixbuf, 0xcc3333ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, photo, "jpeg", NULL, NULL));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, number);

  {
    const char *argv[] = { "--database", db, "--attach", id, photo, scan, NULL };

    g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Attached 2 files"));
    g_assert_cmpuint (count_attachments (db, number), ==, 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One file missing: nothing is attached. */
  {
    const char *argv[] = { "--database", db, "--attach", id, photo, missing, NULL };

    g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "不存在.jpg"));
    g_assert_nonnull (strstr (err, "Nothing was attached"));
    g_assert_cmpuint (count_attachments (db, number), ==, 2);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No such activity, no number, no files, both options, a stray argument. */
  {
    const char *no_activity[] = { "--database", db, "--attach", "999", photo, NULL };
    const char *no_number[] = { "--database", db, "--attach", "x", photo, NULL };
    const char *no_files[] = { "--database", db, "--attach", id, NULL };
    const char *both[] = { "--database", db, "--attach", id, "--detach", id, photo, NULL };
    const char *stray[] = { "--database", db, "--branch-name", "支部", photo, NULL };
    const char *alone[] = { "--database", db, photo, NULL };
    const char * const *cases[] = { no_activity, no_number, no_files, both, stray, alone };
    const char *says[] = { "999", "“x”", "--attach 12", "together", "follows no option", "follows no option" };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_assert_cmpint (bl_test_run_program (cases[i], &out, &err), ==, 1);
        g_test_message ("%s", err);
        g_assert_nonnull (strstr (err, says[i]));
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
    g_assert_cmpuint (count_attachments (db, number), ==, 2);
  }

  /* --export-csv: the files under 附件/<编号>/. */
  {
    const char *argv[] = { "--database", db, "--export-csv", export_dir, NULL };

    g_assert_cmpint (bl_test_run_program (argv, &out, &err), ==, 0);
    exported = g_build_filename (export_dir, "附件", id, "会议照片.jpg", NULL);
    g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --detach: a name it does not have changes nothing; then both go. */
  {
    const char *wrong[] = { "--database", db, "--detach", id, "会议照片.jpg", "nope.jpg", NULL };
    const char *right[] = { "--database", db, "--detach", id, "会议照片.jpg", "签到表.pdf", NULL };

    g_assert_cmpint (bl_test_run_program (wrong, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "nope.jpg"));
    g_assert_cmpuint (count_attachments (db, number), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (bl_test_run_program (right, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Removed 2 attachments"));
    g_assert_cmpuint (count_attachments (db, number), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/import-export", test_import_export);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/missing-file", test_missing_file);
  g_test_add_func ("/cli/environment", test_environment);
  g_test_add_func ("/cli/unopenable", test_unopenable);
  g_test_add_func ("/cli/import-into-damaged", test_import_into_damaged);
  g_test_add_func ("/cli/import-into-read-only", test_import_into_read_only);
  g_test_add_func ("/cli/import-while-checked", test_import_while_checked);
  g_test_add_func ("/cli/import-keys-at-commit", test_import_keys_at_commit);
  g_test_add_func ("/cli/chinese-messages", test_chinese_messages);
  g_test_add_func ("/cli/gbk-summary", test_gbk_summary);
  g_test_add_func ("/cli/attach-detach", test_attach_detach);

  return g_test_run ();
}
