/* test-store.c: the ledger store: creation, migrations, records, transactions, list models */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "bl-date.h"
#include "bl-store.h"
#include "bl-test-common.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static BlActivity *
make_activity (const char *kind,
               const char *date,
               const char *topic)
{
  BlActivity *activity = bl_activity_new ();

  bl_activity_set_kind (activity, kind);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  return activity;
}

static void
test_create (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "ledger.db", NULL);
  g_autofree char *sub = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  struct stat st;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (bl_store_is_empty (store));

  /* Folder 0700, file 0600: members' phone numbers are personal data. */
  g_assert_cmpint (g_stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, BL_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("BRANCH_LEDGER_DB", "/tmp/elsewhere/x.db", TRUE);
  path = bl_store_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere/x.db");
  g_clear_pointer (&path, g_free);

  g_unsetenv ("BRANCH_LEDGER_DB");
  path = bl_store_default_path ();
  g_assert_true (g_str_has_suffix (path, "/branch-ledger/ledger.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

/* A version-0 file (an empty SQLite database, as a crash during creation
 * leaves) is brought to the current version. */
static void
test_migrate_from_zero (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bl_store_is_empty (store));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_kinds (store)), ==, 10);
}

static void
test_settings (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint changed = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_assert_null (bl_store_get_branch_name (store));
  g_assert_true (bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "第一党支部", &error));
  g_assert_no_error (error);
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "第一党支部");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (bl_store_is_empty (store));
}

static void
test_members (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(BlMember) a = bl_member_new ("张三");
  g_autoptr(BlMember) b = bl_member_new ("李四");
  g_autoptr(BlMember) twin = bl_member_new ("张三");
  g_autoptr(BlMember) found = NULL;
  g_auto(GStrv) groups = NULL;
  GListModel *members = bl_store_get_members (store);

  g_signal_connect (members, "items-changed", G_CALLBACK (items_changed_cb), changes);

  bl_member_set_group (a, "第一党小组");
  bl_member_set_role (a, BL_MEMBER_ROLE_SECRETARY);
  bl_member_set_joined (a, "2001-07-01");
  g_assert_true (bl_store_save_member (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_member_get_id (a), >, 0);

  bl_member_set_group (b, "第二党小组");
  bl_member_set_category (b, BL_MEMBER_CATEGORY_PROBATIONARY);
  g_assert_true (bl_store_save_member (store, b, &error));
  g_assert_no_error (error);

  /* Each save: one insertion where it sorts (by group, then name). */
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);

  groups = bl_store_list_groups (store);
  g_assert_cmpuint (g_strv_length (groups), ==, 2);

  /* Names are unique among active members. */
  g_assert_false (bl_store_save_member (store, twin, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);

  /* … but a transferred one may share a name with an active one. */
  g_assert_true (bl_store_transfer_member (store, bl_member_get_id (a), "2025-03-01", &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_save_member (store, twin, &error));
  g_assert_no_error (error);
  found = bl_store_find_active_member (store, "张三");
  g_assert_cmpint (bl_member_get_id (found), ==, bl_member_get_id (twin));
  g_clear_object (&found);
  found = bl_store_find_member (store, bl_member_get_id (a));
  g_assert_cmpint (bl_member_get_status (found), ==, BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_cmpstr (bl_member_get_transferred_on (found), ==, "2025-03-01");
  g_assert_true (bl_member_is_active_on (found, "2025-02-28"));
  g_assert_false (bl_member_is_active_on (found, "2025-03-01"));

  /* Empty name and bad dates are refused. */
  bl_member_set_name (b, " ");
  g_assert_false (bl_store_save_member (store, b, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bl_member_set_name (b, "李四");
  bl_member_set_joined (b, "2025-02-30");
  g_assert_false (bl_store_save_member (store, b, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
}

static void
test_secretary_history (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 wang = bl_test_add_member (store, "王书记", "", BL_MEMBER_ROLE_SECRETARY);
  gint64 zhao = bl_test_add_member (store, "赵委员", "", BL_MEMBER_ROLE_COMMITTEE);
  g_autoptr(BlMember) old = NULL;

  g_assert_cmpint (bl_store_get_secretary_on (store, "2020-01-01"), ==, wang);
  g_assert_true (bl_store_set_member_role (store, zhao, BL_MEMBER_ROLE_SECRETARY, "2025-07-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2025-06-30"), ==, wang);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2025-07-01"), ==, zhao);
  old = bl_store_find_member (store, wang);
  g_assert_cmpint (bl_member_get_role (old), ==, BL_MEMBER_ROLE_NONE);
}

static void
test_expected (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(GPtrArray) committee = NULL;
  g_autoptr(BlMember) late = bl_member_new ("新党员");
  g_autoptr(GError) error = NULL;

  bl_test_add_member (store, "甲", "一组", BL_MEMBER_ROLE_SECRETARY);
  bl_test_add_member (store, "乙", "一组", BL_MEMBER_ROLE_NONE);
  bl_test_add_member (store, "丙", "二组", BL_MEMBER_ROLE_ORGANIZATION);
  bl_member_set_joined (late, "2025-06-01");
  bl_member_set_group (late, "二组");
  g_assert_true (bl_store_save_member (store, late, &error));

  all = bl_store_expected_members (store, BL_KIND_GENERAL_MEETING, NULL, "2025-05-01");
  g_assert_cmpuint (all->len, ==, 3);
  group = bl_store_expected_members (store, BL_KIND_GROUP_MEETING, "二组", "2025-07-01");
  g_assert_cmpuint (group->len, ==, 2);
  committee = bl_store_expected_members (store, BL_KIND_COMMITTEE_MEETING, NULL, "2025-07-01");
  g_assert_cmpuint (committee->len, ==, 2);
}

static void
test_activities (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *list = bl_store_get_activities (store);
  gint64 a = bl_test_add_member (store, "甲", "一组", BL_MEMBER_ROLE_SECRETARY);
  gint64 b = bl_test_add_member (store, "乙", "一组", BL_MEMBER_ROLE_NONE);
  g_autoptr(BlActivity) first = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "学习二十届三中全会精神");
  g_autoptr(BlActivity) second = make_activity (BL_KIND_COMMITTEE_MEETING, "2025-04-02", "研究发展党员工作");
  g_autoptr(BlActivity) loaded = NULL;
  g_autoptr(BlActivity) item = NULL;
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GListModel) loaded_attendance = NULL;
  g_autoptr(BlAttendanceTable) range_attendance = NULL;
  const char *tags[] = { "意识形态", "第一议题", NULL };
  guint changed = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  bl_activity_set_start_time (first, "09:00");
  bl_activity_set_end_time (first, "11:30");
  bl_activity_set_host (first, "甲");
  bl_activity_set_content (first, "会议传达学习了……");
  bl_activity_set_tags (first, tags);
  bl_activity_set_first_topic (first, TRUE);
  bl_attendance_add (attendance, a, "甲", BL_ATTENDANCE_PRESENT, NULL);
  bl_attendance_add (attendance, b, "乙", BL_ATTENDANCE_LEAVE, "病假");
  g_assert_true (bl_store_save_activity (store, first, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  /* The saved record knows its counts. */
  g_assert_cmpuint (bl_activity_get_expected_count (first), ==, 2);
  g_assert_cmpuint (bl_activity_get_present_count (first), ==, 1);

  g_assert_true (bl_store_save_activity (store, second, NULL, &error));
  g_assert_no_error (error);

  /* Newest first: the April meeting went in at position 0. */
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).removed, ==, 0);

  loaded = bl_store_get_activity (store, bl_activity_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_topic (loaded), ==, "学习二十届三中全会精神");
  g_assert_cmpstr (bl_activity_get_end_time (loaded), ==, "11:30");
  g_assert_true (bl_activity_get_first_topic (loaded));
  g_assert_true (g_strv_equal (bl_activity_get_tags (loaded), tags));
  g_assert_cmpuint (bl_activity_get_expected_count (loaded), ==, 2);
  g_assert_cmpuint (bl_activity_get_present_count (loaded), ==, 1);
  /* A record without attendance: none expected, none present. */
  {
    g_autoptr(BlActivity) none = bl_store_get_activity (store, bl_activity_get_id (second), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (bl_activity_get_expected_count (none), ==, 0);
    g_assert_cmpuint (bl_activity_get_present_count (none), ==, 0);
  }
  loaded_attendance = bl_store_load_attendance (store, bl_activity_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (loaded_attendance), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BlAttendee) entry = g_list_model_get_item (loaded_attendance, i);
      gint64 id = bl_attendee_get_member_id (entry);

      g_assert_cmpstr (bl_attendee_get_reason (entry), ==, id == b ? "病假" : "");
      g_assert_cmpint (bl_attendee_get_state (entry), ==, id == b ? BL_ATTENDANCE_LEAVE : BL_ATTENDANCE_PRESENT);
      /* Filled in by the store for display. */
      g_assert_cmpstr (bl_attendee_get_member_name (entry), ==, id == b ? "乙" : "甲");
      g_assert_cmpstr (bl_attendee_get_group (entry), ==, "一组");
    }

  /* List items are light but know their counts. */
  item = g_list_model_get_item (list, 1);
  g_assert_cmpuint (bl_activity_get_expected_count (item), ==, 2);
  g_assert_cmpuint (bl_activity_get_present_count (item), ==, 1);

  /* An edit that keeps the date replaces the item where it stands:
   * items-changed (1, 1, 1), the same item object with the new fields. */
  g_array_set_size (changes, 0);
  bl_activity_set_topic (loaded, "学习二十届三中全会精神（续）");
  g_assert_true (bl_store_save_activity (store, loaded, NULL, &error));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  g_assert_cmpstr (bl_activity_get_topic (item), ==, "学习二十届三中全会精神（续）");
  {
    g_autoptr(BlActivity) again = g_list_model_get_item (list, 1);

    g_assert_true (again == item);
  }
  g_array_set_size (changes, 0);

  /* Moving it after the April meeting: removed at 1, inserted at 0. */
  bl_activity_set_date (loaded, "2025-05-01");
  g_assert_true (bl_store_save_activity (store, loaded, NULL, &error));
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 1).added, ==, 1);

  range = bl_store_list_activities_between (store, "2025-04-01", "2025-04-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (range->len, ==, 1);
  g_clear_pointer (&range, g_ptr_array_unref);
  /* The range's attendance in one query: the moved meeting (now in May)
   * has two, the April one none. */
  range_attendance = bl_store_load_attendance_between (store, "2025-04-01", "2025-05-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_attendance_table_get_n_activities (range_attendance), ==, 1);
  {
    guint n_marks;
    const BlAttendanceMark *marks = bl_attendance_table_lookup (range_attendance, bl_activity_get_id (first), &n_marks);

    g_assert_cmpuint (n_marks, ==, 2);
    for (guint i = 0; i < n_marks; i++)
      {
        g_assert_cmpstr (marks[i].member_name, ==, marks[i].member_id == b ? "乙" : "甲");
        g_assert_cmpstr (marks[i].reason, ==, marks[i].member_id == b ? "病假" : "");
        g_assert_cmpint (marks[i].state, ==, marks[i].member_id == b ? BL_ATTENDANCE_LEAVE : BL_ATTENDANCE_PRESENT);
      }
    g_assert_null (bl_attendance_table_lookup (range_attendance, bl_activity_get_id (second), &n_marks));
    g_assert_cmpuint (n_marks, ==, 0);
  }
  range = bl_store_list_activities_between (store, NULL, NULL, &error);
  g_assert_cmpuint (range->len, ==, 2);
  g_assert_cmpuint (bl_activity_get_expected_count (g_ptr_array_index (range, 1)), ==, 2);

  g_assert_true (bl_store_activity_exists (store, BL_KIND_COMMITTEE_MEETING, "2025-04-02", NULL, "研究发展党员工作", 0));
  g_assert_false (bl_store_activity_exists (store, BL_KIND_COMMITTEE_MEETING, "2025-04-02", "09:00", "研究发展党员工作", 0));

  /* Delete, then undo by saving the full copy (record and attendance) back
   * under its id. */
  g_clear_object (&loaded_attendance);
  loaded_attendance = bl_store_load_attendance (store, bl_activity_get_id (loaded), &error);
  g_array_set_size (changes, 0);
  g_assert_true (bl_store_delete_activity (store, bl_activity_get_id (loaded), &error));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (bl_store_save_activity (store, loaded, loaded_attendance, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = bl_store_get_activity (store, bl_activity_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_activity_get_expected_count (loaded), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_assert_false (bl_store_delete_activity (store, 9999, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND);
}

static void
test_activity_validation (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) activity = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "");
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  GListModel *list = bl_store_get_activities (store);

  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bl_activity_set_topic (activity, "主题");
  bl_activity_set_start_time (activity, "10:00");
  bl_activity_set_end_time (activity, "09:00");
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bl_activity_set_end_time (activity, NULL);
  bl_activity_set_date (activity, "2999-01-01");
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Planned in the future is fine. */
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_no_error (error);

  bl_activity_set_kind (activity, "no-such-kind");
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A group meeting needs a group that exists. */
  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_clear_error (&error);
  bl_activity_set_group (activity, "不存在的小组");
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Attendance of someone not in the ledger: nothing of the save remains. */
  bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
  bl_activity_set_topic (activity, "改过的主题");
  bl_attendance_add (attendance, 4242, "无名", BL_ATTENDANCE_PRESENT, NULL);
  g_assert_false (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&activity);
  activity = g_list_model_get_item (list, 0);
  g_assert_cmpstr (bl_activity_get_topic (activity), ==, "主题");
}

static void
test_nested_transaction (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) a = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "一");
  g_autoptr(BlActivity) b = make_activity (BL_KIND_THEME_DAY, "2025-03-11", "二");
  GListModel *list = bl_store_get_activities (store);
  guint changed = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_assert_true (bl_store_begin (store, &error));
  g_assert_true (bl_store_save_activity (store, a, NULL, &error));
  g_assert_true (bl_store_save_activity (store, b, NULL, &error));
  g_assert_cmpuint (changed, ==, 0);
  bl_store_rollback (store);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_false (bl_store_activity_exists (store, BL_KIND_THEME_DAY, "2025-03-10", NULL, "一", 0));

  bl_activity_set_id (a, 0);
  bl_activity_set_id (b, 0);
  g_assert_true (bl_store_begin (store, &error));
  g_assert_true (bl_store_save_activity (store, a, NULL, &error));
  g_assert_true (bl_store_save_activity (store, b, NULL, &error));
  g_assert_true (bl_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
record_changes_cb (BlStore  *store,
                   BlChange  changes,
                   GArray   *seen)
{
  g_array_append_val (seen, changes);
}

/* A small transaction updates the lists item by item at its commit, and a
 * savepoint rolled back inside it leaves no trace in them; ::changed comes
 * once, saying what changed, after the lists. */
static void
test_transaction_list_updates (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (BlChange));
  g_autoptr(BlActivity) kept = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "留下");
  g_autoptr(BlActivity) dropped = make_activity (BL_KIND_THEME_DAY, "2025-03-11", "撤回");
  g_autoptr(BlActivity) first = NULL;
  GListModel *list = bl_store_get_activities (store);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect (store, "changed", G_CALLBACK (record_changes_cb), seen);

  g_assert_true (bl_store_begin (store, &error));
  g_assert_true (bl_store_save_activity (store, kept, NULL, &error));
  g_assert_true (bl_store_begin (store, &error));
  g_assert_true (bl_store_save_activity (store, dropped, NULL, &error));
  bl_store_rollback (store);
  g_assert_true (bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "第一党支部", &error));
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (bl_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (bl_activity_get_topic (first), ==, "留下");

  g_assert_cmpuint (seen->len, ==, 1);
  /* The attendance was kept as it was (none given): not among the changes. */
  g_assert_cmpuint (g_array_index (seen, BlChange, 0), ==, BL_CHANGE_ACTIVITIES | BL_CHANGE_SETTINGS);
}

/* Inside one transaction, later steps see what earlier ones saved. */
static void
test_transaction_sees_own_saves (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = bl_member_new ("钱进");
  g_autoptr(BlMember) found = NULL;
  g_autoptr(BlActivity) activity = make_activity ("inspection", "2025-05-05", "意识形态工作督查");

  g_assert_true (bl_store_begin (store, &error));
  g_assert_true (bl_store_save_member (store, member, &error));
  found = bl_store_find_active_member (store, "钱进");
  g_assert_nonnull (found);
  g_assert_true (bl_store_transfer_member (store, bl_member_get_id (member), "2025-06-01", &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_add_kind (store, "inspection", "意识形态督查", &error));
  g_assert_cmpstr (bl_store_lookup_kind (store, "意识形态督查"), ==, "inspection");
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_commit (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_kinds (store)), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 1);
}

static void
test_kinds (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  GListModel *kinds = bl_store_get_kinds (store);

  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 10);
  g_assert_true (bl_store_add_kind (store, "ideology-research", "专题研究意识形态工作", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 11);
  g_assert_cmpstr (bl_store_get_kind_name (store, "ideology-research"), ==, "专题研究意识形态工作");
  g_assert_cmpstr (bl_store_lookup_kind (store, "专题研究意识形态工作"), ==, "ideology-research");
  g_assert_cmpstr (bl_store_lookup_kind (store, "主题党日"), ==, BL_KIND_THEME_DAY);
  g_assert_cmpstr (bl_store_lookup_kind (store, "theme-day"), ==, BL_KIND_THEME_DAY);
  g_assert_cmpstr (bl_store_lookup_kind (store, "Themed party day"), ==, BL_KIND_THEME_DAY);
  g_assert_null (bl_store_lookup_kind (store, "茶话会"));
}

/* The first open of a day writes one backup; at most 14 are kept. */
static void
test_backups (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (path, &error);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(BlStore) copy = NULL;
  g_autofree char *name = NULL;
  GDate today;
  g_autofree char *iso = NULL;
  g_autofree char *backup = NULL;
  guint count = 0;

  g_assert_no_error (error);
  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "备份支部", &error);
  g_clear_object (&store);
  /* A new ledger has nothing to back up. */
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  for (int i = 1; i <= 20; i++)
    {
      g_autofree char *old = g_strdup_printf ("%s/ledger-2020-01-%02d.db", backups, i);
      g_mkdir_with_parents (backups, 0700);
      g_file_set_contents (old, "old", -1, NULL);
    }

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = bl_store_open (path, &error);
  g_clear_object (&store);

  listing = g_dir_open (backups, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    count++;
  g_assert_cmpuint (count, ==, BL_STORE_BACKUPS_KEPT);

  bl_date_set_today (&today);
  iso = bl_date_to_iso (&today);
  backup = g_strdup_printf ("%s/ledger-%s.db", backups, iso);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  copy = bl_store_open (backup, &error);
  g_assert_no_error (error);
  name = bl_store_get_branch_name (copy);
  g_assert_cmpstr (name, ==, "备份支部");
}

static gint64
save_planned (BlStore    *store,
              const char *date,
              const char *start,
              const char *topic,
              BlActivityStatus status)
{
  g_autoptr(BlActivity) activity = make_activity (BL_KIND_STUDY_SESSION, date, topic);
  g_autoptr(GError) error = NULL;

  bl_activity_set_start_time (activity, start);
  bl_activity_set_status (activity, status);
  bl_store_save_activity (store, activity, NULL, &error);
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

/* The planned activities up to a day, soonest first, read without the
 * whole list; a ledger whose only record is a plan is not empty; the
 * activity list is read when asked for, whole, and follows saves then. */
static void
test_planned (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) again = NULL;
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  GListModel *list;

  g_assert_true (bl_store_is_empty (store));
  save_planned (store, "2025-12-10", "14:30", "十二月学习", BL_ACTIVITY_STATUS_PLANNED);
  g_assert_false (bl_store_is_empty (store));
  save_planned (store, "2025-11-20", "09:00", "十一月学习（下午）", BL_ACTIVITY_STATUS_PLANNED);
  save_planned (store, "2025-11-20", "08:00", "十一月学习（上午）", BL_ACTIVITY_STATUS_PLANNED);
  save_planned (store, "2025-11-25", NULL, "已召开的学习", BL_ACTIVITY_STATUS_HELD);
  save_planned (store, "2026-01-15", NULL, "明年的学习", BL_ACTIVITY_STATUS_PLANNED);

  planned = bl_store_list_planned (store, "2025-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 3);
  g_assert_cmpstr (bl_activity_get_topic (planned->pdata[0]), ==, "十一月学习（上午）");
  g_assert_cmpstr (bl_activity_get_topic (planned->pdata[1]), ==, "十一月学习（下午）");
  g_assert_cmpstr (bl_activity_get_topic (planned->pdata[2]), ==, "十二月学习");
  g_clear_pointer (&planned, g_ptr_array_unref);
  planned = bl_store_list_planned (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 4);
  g_assert_cmpstr (bl_activity_get_topic (planned->pdata[3]), ==, "明年的学习");

  /* Another connection: its list is read when asked for, complete, and
   * follows saves from then on. */
  again = bl_store_open (bl_store_get_path (store), &error);
  g_assert_no_error (error);
  save_planned (again, "2025-10-01", NULL, "十月学习", BL_ACTIVITY_STATUS_HELD);
  list = bl_store_get_activities (again);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
  save_planned (again, "2027-01-01", NULL, "最新的学习", BL_ACTIVITY_STATUS_PLANNED);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
  g_signal_handlers_disconnect_by_data (list, changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/default-path", test_default_path);
  g_test_add_func ("/store/migrate-from-zero", test_migrate_from_zero);
  g_test_add_func ("/store/settings", test_settings);
  g_test_add_func ("/store/members", test_members);
  g_test_add_func ("/store/secretary-history", test_secretary_history);
  g_test_add_func ("/store/expected", test_expected);
  g_test_add_func ("/store/activities", test_activities);
  g_test_add_func ("/store/activity-validation", test_activity_validation);
  g_test_add_func ("/store/nested-transaction", test_nested_transaction);
  g_test_add_func ("/store/transaction-sees-own-saves", test_transaction_sees_own_saves);
  g_test_add_func ("/store/transaction-list-updates", test_transaction_list_updates);
  g_test_add_func ("/store/kinds", test_kinds);
  g_test_add_func ("/store/backups", test_backups);
  g_test_add_func ("/store/planned", test_planned);

  return g_test_run ();
}
