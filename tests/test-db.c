/* test-db.c: the storage layer: change flags told once per outermost commit,
 * writes by another connection noticed, and ledgers of format 1 migrated */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bl-kind.h"
#include "bl-csv-activities.h"
#include "bl-csv-reader.h"
#include "bl-member-stats.h"
#include "bl-store.h"
#include "bl-test-common.h"
#include "db/bl-db-private.h"
#include "db/bl-ledger-file.h"
#include "db/bl-migrations.h"
#include "db/bl-setting-repo.h"

static void
committed_cb (BlDb     *db,
              BlChange  changes,
              GArray   *seen)
{
  g_array_append_val (seen, changes);
}

static void
rolled_back_cb (BlDb  *db,
                guint *count)
{
  (*count)++;
}

static BlDb *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  BlDb *db = bl_ledger_file_open (path, "2025-06-01", NULL, &error);

  g_assert_no_error (error);
  return db;
}

/* Writes note what they changed; the outermost commit tells the union once;
 * a rollback of the outermost transaction tells nothing of it. */
static void
test_change_flags (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(BlDb) db = open_db (path);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (BlChange));
  g_autoptr(GError) error = NULL;
  guint rolled_back = 0;

  g_signal_connect (db, "committed", G_CALLBACK (committed_cb), seen);
  g_signal_connect (db, "rolled-back", G_CALLBACK (rolled_back_cb), &rolled_back);

  g_assert_true (bl_db_begin (db, &error));
  g_assert_true (bl_setting_repo_set (db, "a", "1", &error));
  g_assert_true (bl_db_begin (db, &error));
  bl_db_note_change (db, BL_CHANGE_MEMBERS);
  g_assert_cmpuint (bl_db_get_depth (db), ==, 2);
  g_assert_true (bl_db_commit (db, &error));
  g_assert_cmpuint (seen->len, ==, 0);
  bl_db_note_change (db, BL_CHANGE_ACTIVITIES);
  g_assert_true (bl_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (seen, BlChange, 0), ==,
                    BL_CHANGE_SETTINGS | BL_CHANGE_MEMBERS | BL_CHANGE_ACTIVITIES);

  /* A rolled back savepoint keeps the outer transaction's flags. */
  g_assert_true (bl_db_begin (db, &error));
  bl_db_note_change (db, BL_CHANGE_KINDS);
  g_assert_true (bl_db_begin (db, &error));
  g_assert_true (bl_setting_repo_set (db, "b", "2", &error));
  bl_db_rollback (db);
  g_assert_cmpuint (rolled_back, ==, 0);
  g_assert_true (bl_db_commit (db, &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (g_array_index (seen, BlChange, 1) & BL_CHANGE_KINDS);
  {
    g_autofree char *b = bl_setting_repo_get (db, "b");

    g_assert_null (b);
  }

  /* The outermost rollback: nothing told, the flags gone. */
  g_assert_true (bl_db_begin (db, &error));
  g_assert_true (bl_setting_repo_set (db, "c", "3", &error));
  bl_db_rollback (db);
  g_assert_cmpuint (rolled_back, ==, 1);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (bl_db_begin (db, &error));
  g_assert_true (bl_db_commit (db, &error));
  g_assert_cmpuint (seen->len, ==, 2);
}

static gboolean
write_setting (BlDb     *db,
               gpointer  data,
               GError  **error)
{
  return bl_setting_repo_set (db, "branch-name", data, error);
}

/* PRAGMA data_version moves for other connections' commits only. */
static void
test_changed_elsewhere (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(BlDb) mine = open_db (path);
  g_autoptr(BlDb) theirs = open_db (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (bl_db_changed_elsewhere (mine, &error));
  g_assert_no_error (error);

  /* Our own write is not news to us. */
  g_assert_true (bl_db_write (mine, write_setting, "一支部", &error));
  g_assert_false (bl_db_changed_elsewhere (mine, &error));

  g_assert_true (bl_db_write (theirs, write_setting, "二支部", &error));
  g_assert_true (bl_db_changed_elsewhere (mine, &error));
  g_assert_no_error (error);
  /* Told once. */
  g_assert_false (bl_db_changed_elsewhere (mine, &error));
  g_assert_true (bl_db_changed_elsewhere (theirs, &error));
  g_assert_false (bl_db_changed_elsewhere (theirs, &error));
}

static void
store_changed_cb (BlStore  *store,
                  BlChange  changes,
                  BlChange *last)
{
  *last = changes;
}

/* The store reloads its lists when another program wrote, and says so. */
static void
test_store_changed_elsewhere (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) window = bl_store_open (path, &error);
  g_autoptr(BlStore) command_line = bl_store_open (path, &error);
  BlChange last = BL_CHANGE_NONE;

  g_assert_no_error (error);
  g_signal_connect (window, "changed", G_CALLBACK (store_changed_cb), &last);
  bl_test_add_member (command_line, "张三", "第一党小组", BL_MEMBER_ROLE_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (window)), ==, 0);

  g_assert_true (bl_store_check_changed_elsewhere (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, BL_CHANGE_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (window)), ==, 1);

  last = BL_CHANGE_NONE;
  g_assert_false (bl_store_check_changed_elsewhere (window, &error));
  g_assert_cmpuint (last, ==, BL_CHANGE_NONE);
  bl_test_add_member (window, "李四", "", BL_MEMBER_ROLE_NONE);
  g_assert_cmpuint (last, ==, BL_CHANGE_MEMBERS);
  g_assert_false (bl_store_check_changed_elsewhere (window, &error));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static BlMember *
find_member (BlStore    *store,
             const char *name)
{
  GListModel *members = bl_store_get_members (store);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (g_str_equal (bl_member_get_name (member), name))
        return g_steal_pointer (&member);
    }
  g_assert_not_reached ();
}

/* A ledger at @path as a version writing format @version left it: its
 * schema, then @rows. */
static void
write_ledger_of_format (const char *path,
                        guint       version,
                        const char *rows)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                              BL_LEDGER_APPLICATION_ID, version);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint to = 1; to <= version; to++)
    exec_sql (db, bl_migration_sql (to));
  exec_sql (db, pragmas);
  exec_sql (db, rows);
  sqlite3_close (db);
}

/* A ledger written by the first release (format 1, the role kept twice)
 * opens, and each member's role is then its open term alone. */
static void
test_migrate_format_1 (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlMember) wang = NULL, li = NULL, zhao = NULL, qian = NULL, sun = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  write_ledger_of_format (path, 1,
            "INSERT INTO party_group (id, name) VALUES (1, '第一党小组');"
            /* As the first release wrote them: role and term in step. */
            "INSERT INTO member (id, name, group_id, role) VALUES (1, '王书记', 1, 'secretary');"
            "INSERT INTO role_term (member_id, role, start_date, end_date) VALUES (1, 'committee', '1900-01-01', '2020-01-01');"
            "INSERT INTO role_term (member_id, role, start_date) VALUES (1, 'secretary', '2020-01-01');"
            "INSERT INTO member (id, name, group_id, role) VALUES (2, '李委员', 1, 'propaganda');"
            "INSERT INTO role_term (member_id, role, start_date) VALUES (2, 'propaganda', '1900-01-01');"
            /* A role with no term on record (an older build, a hand edit). */
            "INSERT INTO member (id, name, role) VALUES (3, '赵委员', 'discipline');"
            /* A term left open for a role the member no longer holds. */
            "INSERT INTO member (id, name, role) VALUES (4, '钱前任', 'none');"
            "INSERT INTO role_term (member_id, role, start_date) VALUES (4, 'deputy', '2010-01-01');"
            "INSERT INTO member (id, name, role, status, transferred_on) VALUES (5, '孙党员', 'none', 'transferred', '2024-01-01');");

  store = bl_store_open (path, &error);
  g_assert_no_error (error);

  wang = find_member (store, "王书记");
  li = find_member (store, "李委员");
  zhao = find_member (store, "赵委员");
  qian = find_member (store, "钱前任");
  sun = find_member (store, "孙党员");
  g_assert_cmpint (bl_member_get_role (wang), ==, BL_MEMBER_ROLE_SECRETARY);
  g_assert_cmpint (bl_member_get_role (li), ==, BL_MEMBER_ROLE_PROPAGANDA);
  g_assert_cmpint (bl_member_get_role (zhao), ==, BL_MEMBER_ROLE_DISCIPLINE);
  g_assert_cmpint (bl_member_get_role (qian), ==, BL_MEMBER_ROLE_NONE);
  g_assert_cmpint (bl_member_get_role (sun), ==, BL_MEMBER_ROLE_NONE);
  g_assert_cmpint (bl_member_get_status (sun), ==, BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_cmpstr (bl_member_get_group (wang), ==, "第一党小组");

  /* History kept: the secretary since 2020, before that nobody. */
  g_assert_cmpint (bl_store_get_secretary_on (store, "2019-12-31"), ==, 0);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2020-01-01"), ==, 1);
  /* Held all along when there was no history at all. */
  {
    g_autoptr(GPtrArray) then = bl_store_expected_members (store, BL_KIND_COMMITTEE_MEETING, NULL, "2015-01-01");
    g_autoptr(GPtrArray) later = bl_store_expected_members (store, BL_KIND_COMMITTEE_MEETING, NULL, "2999-01-01");

    /* 王 (a committee member then), 李, 赵, and 钱 (deputy then, no
     * longer: the term left open ended at the migration). */
    g_assert_cmpuint (then->len, ==, 4);
    g_assert_cmpuint (later->len, ==, 3);
  }
  g_assert_cmpuint (bl_store_count_role (store, BL_MEMBER_ROLE_SECRETARY), ==, 1);
  g_clear_object (&store);

  /* The newest format (2 took the copy of the role from member). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, BL_MIGRATIONS_COUNT);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM pragma_table_info('member') WHERE name = 'role'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  /* One open term per member, at most: the schema says so. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO role_term (member_id, role, start_date) VALUES (1, 'deputy', '2025-01-01')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* A ledger of format 4 (应到 and 实到 counted from the attendance each time
 * the list was read) opens with the counts on each activity's row, and a
 * new save keeps them right. */
static void
test_migrate_format_4 (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GListStore) attendance = g_list_store_new (BL_TYPE_ATTENDEE);
  GListModel *activities;
  sqlite3 *db;

  write_ledger_of_format (path, 4,
            "INSERT INTO member (id, name) VALUES (1, '王书记'), (2, '李委员'), (3, '赵党员');"
            "INSERT INTO activity (id, kind, status, date, topic) VALUES (1, 'theme-day', 'held', '2024-06-15', '六月');"
            "INSERT INTO activity (id, kind, status, date, topic) VALUES (2, 'theme-day', 'held', '2024-05-15', '五月');"
            "INSERT INTO activity (id, kind, status, date, topic) VALUES (3, 'theme-day', 'planned', '2024-07-15', '七月');"
            "INSERT INTO attendance (activity_id, member_id, state) VALUES (1, 1, 'present'), (1, 2, 'leave'), (1, 3, 'present');"
            "INSERT INTO attendance (activity_id, member_id, state) VALUES (2, 1, 'absent');");

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  activities = bl_store_get_activities (store);
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, 3);
  {
    /* Newest first: 七月 (planned, no attendance), 六月, 五月. */
    const guint expected[] = { 0, 3, 1 }, present[] = { 0, 2, 0 };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(BlActivity) activity = g_list_model_get_item (activities, i);

        g_assert_cmpuint (bl_activity_get_expected_count (activity), ==, expected[i]);
        g_assert_cmpuint (bl_activity_get_present_count (activity), ==, present[i]);
      }
  }

  /* 五月's attendance written again: two present of two. */
  {
    g_autoptr(BlActivity) may = bl_store_get_activity (store, 2, &error);
    g_autoptr(BlAttendee) wang = bl_attendee_new (1, "王书记", BL_ATTENDANCE_PRESENT, NULL);
    g_autoptr(BlAttendee) zhao = bl_attendee_new (3, "赵党员", BL_ATTENDANCE_PRESENT, NULL);
    g_autoptr(BlActivity) listed = NULL;

    g_assert_no_error (error);
    g_list_store_append (attendance, wang);
    g_list_store_append (attendance, zhao);
    g_assert_true (bl_store_save_activity (store, may, G_LIST_MODEL (attendance), &error));
    g_assert_no_error (error);
    listed = g_list_model_get_item (activities, 2);
    g_assert_cmpint (bl_activity_get_id (listed), ==, 2);
    g_assert_cmpuint (bl_activity_get_expected_count (listed), ==, 2);
    g_assert_cmpuint (bl_activity_get_present_count (listed), ==, 2);
  }
  g_clear_object (&store);

  /* In the file as in the list. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat(id || ':' || expected_count || '/' || present_count, ' ') "
                                             "FROM (SELECT * FROM activity ORDER BY id)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "1:3/2 2:2/2 3:0/0");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

/* The members page's figures on a small ledger worked out by hand: a
 * transfer, a member who never came, per-group meetings, last year. */
static void
test_member_stats (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stats = NULL;
  gint64 a = bl_test_add_member (store, "甲", "一组", BL_MEMBER_ROLE_NONE);
  gint64 b = bl_test_add_member (store, "乙", "二组", BL_MEMBER_ROLE_NONE);
  gint64 c = bl_test_add_member (store, "丙", "一组", BL_MEMBER_ROLE_NONE);
  gint64 never = bl_test_add_member (store, "丁", "二组", BL_MEMBER_ROLE_NONE);
  struct {
    const char       *date;
    const char       *group;
    BlActivityStatus  status;
    BlAttendanceState a, b, c;  /* -1: not expected */
  } rows[] = {
    { "2024-12-01", NULL,   BL_ACTIVITY_STATUS_HELD,    BL_ATTENDANCE_PRESENT, BL_ATTENDANCE_PRESENT, BL_ATTENDANCE_PRESENT },
    { "2025-01-10", "一组", BL_ACTIVITY_STATUS_HELD,    BL_ATTENDANCE_PRESENT, -1,                    BL_ATTENDANCE_ABSENT },
    { "2025-02-10", NULL,   BL_ACTIVITY_STATUS_HELD,    BL_ATTENDANCE_LEAVE,   BL_ATTENDANCE_PRESENT, BL_ATTENDANCE_PRESENT },
    { "2025-03-10", "二组", BL_ACTIVITY_STATUS_HELD,    -1,                    BL_ATTENDANCE_ABSENT,  -1 },
    /* 丙 transferred out on 2025-03-01: no longer expected. */
    { "2025-04-10", NULL,   BL_ACTIVITY_STATUS_HELD,    BL_ATTENDANCE_PRESENT, BL_ATTENDANCE_PRESENT, -1 },
    /* After the day asked about, and a planned one: neither counts. */
    { "2025-06-10", NULL,   BL_ACTIVITY_STATUS_HELD,    BL_ATTENDANCE_ABSENT,  BL_ATTENDANCE_ABSENT,  -1 },
    { "2025-05-10", NULL,   BL_ACTIVITY_STATUS_PLANNED, BL_ATTENDANCE_PRESENT, BL_ATTENDANCE_PRESENT, -1 },
  };
  BlMemberStats *s;

  g_assert_true (bl_store_transfer_member (store, c, "2025-03-01", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autoptr(GListStore) attendance = bl_attendance_new ();
      g_autofree char *topic = g_strdup_printf ("第%u次", i + 1);

      bl_activity_set_kind (activity, rows[i].group != NULL ? BL_KIND_GROUP_MEETING : BL_KIND_THEME_DAY);
      bl_activity_set_group (activity, rows[i].group);
      bl_activity_set_date (activity, rows[i].date);
      bl_activity_set_topic (activity, topic);
      bl_activity_set_status (activity, rows[i].status);
      if ((int) rows[i].a >= 0)
        bl_attendance_add (attendance, a, "甲", rows[i].a, NULL);
      if ((int) rows[i].b >= 0)
        bl_attendance_add (attendance, b, "乙", rows[i].b, NULL);
      if ((int) rows[i].c >= 0)
        bl_attendance_add (attendance, c, "丙", rows[i].c, NULL);
      g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
      g_assert_no_error (error);
    }

  stats = bl_member_stats_compute (store, "2025-05-31", &error);
  g_assert_no_error (error);

  s = g_hash_table_lookup (stats, &a);
  g_assert_cmpstr (s->last_attended, ==, "2025-04-10");
  g_assert_cmpuint (s->expected, ==, 3);
  g_assert_cmpuint (s->present, ==, 2);
  g_assert_cmpint (bl_member_stats_rate (s), ==, 67);

  s = g_hash_table_lookup (stats, &b);
  g_assert_cmpstr (s->last_attended, ==, "2025-04-10");
  g_assert_cmpuint (s->expected, ==, 3);
  g_assert_cmpuint (s->present, ==, 2);

  s = g_hash_table_lookup (stats, &c);
  g_assert_cmpstr (s->last_attended, ==, "2025-02-10");
  g_assert_cmpuint (s->expected, ==, 2);
  g_assert_cmpuint (s->present, ==, 1);

  g_assert_null (g_hash_table_lookup (stats, &never));
  g_clear_pointer (&stats, g_hash_table_unref);

  /* Last year only: the December meeting. */
  stats = bl_member_stats_compute (store, "2024-12-31", &error);
  s = g_hash_table_lookup (stats, &b);
  g_assert_cmpstr (s->last_attended, ==, "2024-12-01");
  g_assert_cmpuint (s->expected, ==, 1);
  g_assert_cmpint (bl_member_stats_rate (s), ==, 100);
}

static void
save_one (BlStore           *store,
          const char        *date,
          gint64             member,
          const char        *name,
          BlAttendanceState  state)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = g_strdup_printf ("%s %s", date, name);

  bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_attendance_add (attendance, member, name, state, NULL);
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
}

/* The last attendance found in earlier years, as the statistics seek it
 * there only for members who did not come this year: one who last came two
 * years ago, one expected for years who never came, one transferred out
 * last year, one who joined this year and was never expected, and one who
 * came both this year and before. */
static void
test_member_stats_earlier_years (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stats = NULL;
  gint64 old = bl_test_add_member (store, "甲", "一组", BL_MEMBER_ROLE_NONE);
  gint64 never = bl_test_add_member (store, "乙", "一组", BL_MEMBER_ROLE_NONE);
  gint64 gone = bl_test_add_member (store, "丙", "一组", BL_MEMBER_ROLE_NONE);
  gint64 fresh = bl_test_add_member (store, "丁", "一组", BL_MEMBER_ROLE_NONE);
  gint64 regular = bl_test_add_member (store, "戊", "一组", BL_MEMBER_ROLE_NONE);
  BlMemberStats *s;

  save_one (store, "2023-05-01", old, "甲", BL_ATTENDANCE_PRESENT);
  save_one (store, "2024-05-01", old, "甲", BL_ATTENDANCE_LEAVE);
  save_one (store, "2025-03-01", old, "甲", BL_ATTENDANCE_ABSENT);
  save_one (store, "2023-06-01", never, "乙", BL_ATTENDANCE_ABSENT);
  save_one (store, "2025-03-02", never, "乙", BL_ATTENDANCE_ABSENT);
  save_one (store, "2024-03-01", gone, "丙", BL_ATTENDANCE_PRESENT);
  save_one (store, "2022-01-01", regular, "戊", BL_ATTENDANCE_PRESENT);
  save_one (store, "2025-04-01", regular, "戊", BL_ATTENDANCE_PRESENT);
  g_assert_true (bl_store_transfer_member (store, gone, "2024-06-01", &error));
  g_assert_no_error (error);

  stats = bl_member_stats_compute (store, "2025-06-30", &error);
  g_assert_no_error (error);

  s = g_hash_table_lookup (stats, &old);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->last_attended, ==, "2023-05-01");
  g_assert_cmpuint (s->expected, ==, 1);
  g_assert_cmpuint (s->present, ==, 0);
  g_assert_cmpint (bl_member_stats_rate (s), ==, 0);

  s = g_hash_table_lookup (stats, &never);
  g_assert_nonnull (s);
  g_assert_null (s->last_attended);
  g_assert_cmpuint (s->expected, ==, 1);

  s = g_hash_table_lookup (stats, &gone);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->last_attended, ==, "2024-03-01");
  g_assert_cmpuint (s->expected, ==, 0);
  g_assert_cmpint (bl_member_stats_rate (s), ==, -1);

  g_assert_null (g_hash_table_lookup (stats, &fresh));

  s = g_hash_table_lookup (stats, &regular);
  g_assert_cmpstr (s->last_attended, ==, "2025-04-01");
  g_assert_cmpuint (s->expected, ==, 1);
  g_assert_cmpint (bl_member_stats_rate (s), ==, 100);
  g_clear_pointer (&stats, g_hash_table_unref);

  /* As of 2023: nothing later counts. */
  stats = bl_member_stats_compute (store, "2023-12-31", &error);
  g_assert_no_error (error);
  s = g_hash_table_lookup (stats, &regular);
  g_assert_cmpstr (s->last_attended, ==, "2022-01-01");
  g_assert_cmpuint (s->expected, ==, 0);
  g_assert_null (g_hash_table_lookup (stats, &gone));
  s = g_hash_table_lookup (stats, &old);
  g_assert_cmpstr (s->last_attended, ==, "2023-05-01");
  g_assert_cmpuint (s->expected, ==, 1);
}

/* An import of many activities (issue 10): in bulk, the attendance index is
 * made again at the commit and is there after a rollback; the CHECK
 * constraints are back on afterwards. */
static void
test_bulk_import (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GString) good = g_string_new ("类型,日期,主题,出席,缺席,应到\n");
  g_autoptr(GString) bad = NULL;
  g_autofree char *good_path = NULL, *bad_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  BlCsvReport report;
  BlDb *db = bl_store_get_db (store);

  bl_test_add_member (store, "王建国", "", BL_MEMBER_ROLE_NONE);
  bl_test_add_member (store, "李秀英", "", BL_MEMBER_ROLE_NONE);
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (good, "主题党日,2024-%02u-%02u,第%u次,王建国,李秀英(病假),2\n", 1 + i % 12, 1 + i % 28, i);
  bad = g_string_new (good->str);
  g_string_append (bad, "主题党日,2024-13-01,日期不对,王建国,,\n");
  bad_path = bl_test_write_file ("bad.csv", bad->str);
  good_path = bl_test_write_file ("good.csv", good->str);

  /* A problem on the last row: nothing imported, the index as it was. */
  g_assert_false (bl_csv_import_activities (store, bad_path, NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bl_db_has_row (db, "SELECT 1 FROM sqlite_master WHERE name = 'attendance_member'", NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);

  /* A dry run counts and writes nothing. */
  {
    g_autoptr(BlTable) table = bl_csv_reader_read_file (good_path, &error);

    g_assert_no_error (error);
    bl_csv_report_init (&report);
    g_assert_true (bl_csv_import_activities_table (store, table, BL_CSV_IMPORT_DRY_RUN, NULL, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.added, ==, 600);
    bl_csv_report_clear (&report);
    g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM activity", -1), ==, 0);
  }

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_activities (store, good_path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 600);
  bl_csv_report_clear (&report);
  g_assert_true (bl_db_has_row (db, "SELECT 1 FROM sqlite_master WHERE name = 'attendance_member'", NULL, NULL));
  g_assert_true (bl_db_query_text (db, "PRAGMA integrity_check", NULL, &integrity, &error));
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM attendance", -1), ==, 1200);

  /* Checked again as before the import. */
  g_assert_false (bl_db_exec (db, "UPDATE attendance SET state = 'asleep'", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
}

/* A transaction that checks its keys at its commit: a row naming nothing
 * fails the commit and nothing is written; the next transaction checks
 * each row again as it is written. */
static void
test_keys_at_commit (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  BlDb *db = bl_store_get_db (store);
  gint64 member = bl_test_add_member (store, "王建国", "", BL_MEMBER_ROLE_NONE);
  gint64 activity = bl_test_add_activity (store, BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, "2025-03-10", "学习");
  g_autofree char *good = g_strdup_printf ("INSERT INTO attendance (activity_id, member_id, state) "
                                           "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'present')",
                                           activity, member);
  g_autofree char *bad = g_strdup_printf ("INSERT INTO attendance (activity_id, member_id, state) "
                                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'absent')",
                                          activity, member + 1000);

  /* A row naming a member who is not there: written, then refused whole. */
  bl_db_check_keys_at_commit (db);
  g_assert_true (bl_db_begin (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_db_query_int (db, "PRAGMA foreign_keys", -1), ==, 0);
  g_assert_true (bl_db_exec (db, good, &error));
  g_assert_true (bl_db_exec (db, bad, &error));
  g_assert_no_error (error);
  g_assert_false (bl_db_commit (db, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "attendance"));
  g_assert_nonnull (strstr (error->message, "member"));
  g_clear_error (&error);
  bl_db_rollback (db);
  g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM attendance", -1), ==, 0);
  g_assert_cmpint (bl_db_query_int (db, "PRAGMA foreign_keys", -1), ==, 1);

  /* Row by row again: the same row is refused as it is written. */
  g_assert_true (bl_db_begin (db, &error));
  g_assert_false (bl_db_exec (db, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  bl_db_rollback (db);

  /* Rows that name what is there are committed. */
  bl_db_check_keys_at_commit (db);
  g_assert_true (bl_db_begin (db, &error));
  g_assert_true (bl_db_exec (db, good, &error));
  g_assert_true (bl_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM attendance", -1), ==, 1);
  g_assert_cmpint (bl_db_query_int (db, "PRAGMA foreign_keys", -1), ==, 1);
}

/* Each foreign key is checked at the commit, whether SQLite reads it off an
 * index by its distinct values (attendance's activity and member) or
 * row by row (a member's group): one bad row among good ones, a member
 * missing between two that are there, an activity below the first, fails
 * the commit, names both tables and leaves nothing written. */
static void
test_keys_at_commit_each_key (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  BlDb *db = bl_store_get_db (store);
  gint64 first = bl_test_add_member (store, "王建国", "", BL_MEMBER_ROLE_NONE);
  gint64 gone = bl_test_add_member (store, "李红", "", BL_MEMBER_ROLE_NONE);
  gint64 last = bl_test_add_member (store, "张伟", "", BL_MEMBER_ROLE_NONE);
  gint64 one = bl_test_add_activity (store, BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, "2025-03-10", "学习");
  gint64 two = bl_test_add_activity (store, BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, "2025-04-10", "参观");
  g_autofree char *good = g_strdup_printf ("INSERT INTO attendance (activity_id, member_id, state) VALUES "
                                           "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'present'), "
                                           "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'present'), "
                                           "(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'present')",
                                           one, first, one, last, two, last);
  g_autofree char *missing_member = g_strdup_printf ("INSERT INTO attendance (activity_id, member_id, state) "
                                                     "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'absent')",
                                                     two, gone);
  g_autofree char *missing_activity = g_strdup_printf ("INSERT INTO attendance (activity_id, member_id, state) "
                                                       "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'absent')",
                                                       one - 1, first);
  g_autofree char *missing_group = g_strdup_printf ("UPDATE member SET group_id = 999 WHERE id = %" G_GINT64_FORMAT,
                                                    last);
  const struct {
    const char *sql;
    const char *table;
    const char *parent;
  } cases[] = {
    { missing_member, "attendance", "member" },
    { missing_activity, "attendance", "activity" },
    { missing_group, "member", "party_group" },
  };
  g_autofree char *forget = g_strdup_printf ("DELETE FROM member WHERE id = %" G_GINT64_FORMAT, gone);

  g_assert_true (bl_db_exec (db, forget, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *table = g_strdup_printf ("“%s”", cases[i].table);
      g_autofree char *parent = g_strdup_printf ("“%s”", cases[i].parent);

      bl_db_check_keys_at_commit (db);
      g_assert_true (bl_db_begin (db, &error));
      g_assert_true (bl_db_exec (db, good, &error));
      g_assert_true (bl_db_exec (db, cases[i].sql, &error));
      g_assert_no_error (error);
      g_assert_false (bl_db_commit (db, &error));
      g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, table));
      g_assert_nonnull (strstr (error->message, parent));
      bl_db_rollback (db);
      g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM attendance", -1), ==, 0);
      g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM member WHERE group_id = 999", -1), ==, 0);
      g_assert_cmpint (bl_db_query_int (db, "PRAGMA foreign_keys", -1), ==, 1);
    }

  /* The good rows alone are committed. */
  bl_db_check_keys_at_commit (db);
  g_assert_true (bl_db_begin (db, NULL));
  g_assert_true (bl_db_exec (db, good, NULL));
  g_assert_true (bl_db_commit (db, NULL));
  g_assert_cmpint (bl_db_query_int (db, "SELECT count(*) FROM attendance", -1), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/change-flags", test_change_flags);
  g_test_add_func ("/db/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/db/store-changed-elsewhere", test_store_changed_elsewhere);
  g_test_add_func ("/db/migrate-format-1", test_migrate_format_1);
  g_test_add_func ("/db/migrate-format-4", test_migrate_format_4);
  g_test_add_func ("/db/member-stats", test_member_stats);
  g_test_add_func ("/db/member-stats-earlier-years", test_member_stats_earlier_years);
  g_test_add_func ("/db/bulk-import", test_bulk_import);
  g_test_add_func ("/db/keys-at-commit", test_keys_at_commit);
  g_test_add_func ("/db/keys-at-commit-each-key", test_keys_at_commit_each_key);

  return g_test_run ();
}
