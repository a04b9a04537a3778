/* test-services.c: the use cases the window calls, done in core: setting
 * up a branch, saving a member with a role change, deleting activities and
 * putting them back, copying a record as a new one, rebuilding the sample
 * ledger, and who is drifting toward six months without organisational life */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bl-branch-setup.h"
#include "bl-deletion.h"
#include "bl-demo.h"
#include "bl-member-stats.h"
#include "bl-rules.h"
#include "bl-test-common.h"

static gboolean
pack_enabled (BlStore    *store,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = bl_rules_list_packs (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < packs->len; i++)
    {
      BlRulePackInfo *info = g_ptr_array_index (packs, i);

      if (g_str_equal (info->id, id))
        return info->enabled;
    }
  g_error ("no pack %s", id);
}

static void
test_branch_setup (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(BlMember) secretary = NULL;
  const char *on[] = { "park-2025-ideology", NULL };
  const char *off[] = { "standard", NULL };
  BlBranchSetup setup = { "\u3000 ", "王建国", on, off };
  guint changes = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  /* No name (full-width spaces are none): refused, nothing saved. */
  g_assert_false (bl_branch_setup_apply (store, &setup, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (pack_enabled (store, "standard"));
  g_assert_true (bl_store_is_empty (store));

  /* A pack that does not exist: nothing of the setup is kept. */
  setup.branch_name = "星湖科技园区第一党支部\u3000";
  setup.packs_on = (const char * const []) { "park-2025-ideology", "no-such-pack", NULL };
  g_assert_false (bl_branch_setup_apply (store, &setup, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  name = bl_store_get_branch_name (store);
  g_assert_null (name);
  g_assert_true (pack_enabled (store, "standard"));

  setup.packs_on = on;
  g_assert_true (bl_branch_setup_apply (store, &setup, &error));
  g_assert_no_error (error);
  /* One transaction: one change. */
  g_assert_cmpuint (changes, ==, 1);
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "星湖科技园区第一党支部");
  secretary = bl_store_get_secretary (store, NULL);
  g_assert_nonnull (secretary);
  g_assert_cmpstr (bl_member_get_name (secretary), ==, "王建国");
  g_assert_false (pack_enabled (store, "standard"));
  g_assert_true (pack_enabled (store, "park-2025-ideology"));
}

static void
test_member_with_role (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) wang = bl_member_new ("王建国");
  g_autoptr(BlMember) li = bl_member_new ("李秀英");
  g_autoptr(BlMember) twin = bl_member_new ("王建国");
  g_autoptr(BlMember) stored = NULL;
  g_auto(GStrv) groups = NULL;

  /* New: the role from the start, the new group created. */
  bl_member_set_group (wang, "第一党小组");
  bl_member_set_role (wang, BL_MEMBER_ROLE_SECRETARY);
  g_assert_true (bl_store_save_member_with_role (store, wang, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2000-01-01"), ==, bl_member_get_id (wang));
  groups = bl_store_list_groups (store);
  g_assert_true (g_strv_equal ((const char * const *) groups, (const char * const []) { "第一党小组", NULL }));

  bl_member_set_role (li, BL_MEMBER_ROLE_ORGANIZATION);
  g_assert_true (bl_store_save_member_with_role (store, li, NULL, &error));
  g_assert_no_error (error);

  /* A change of role needs its day… */
  bl_member_set_role (li, BL_MEMBER_ROLE_SECRETARY);
  bl_member_set_phone (li, "13800000000");
  g_assert_false (bl_store_save_member_with_role (store, li, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bl_store_save_member_with_role (store, li, "2025-13-01", &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  stored = bl_store_find_member (store, bl_member_get_id (li));
  g_assert_cmpint (bl_member_get_role (stored), ==, BL_MEMBER_ROLE_ORGANIZATION);
  g_assert_cmpstr (bl_member_get_phone (stored), ==, "");
  g_clear_object (&stored);

  /* …and takes effect from it, with the record, the old secretary's term
   * ending that day. */
  g_assert_true (bl_store_save_member_with_role (store, li, "2025-07-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bl_member_get_role (li), ==, BL_MEMBER_ROLE_SECRETARY);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2025-06-30"), ==, bl_member_get_id (wang));
  g_assert_cmpint (bl_store_get_secretary_on (store, "2025-07-01"), ==, bl_member_get_id (li));
  stored = bl_store_find_member (store, bl_member_get_id (li));
  g_assert_cmpint (bl_member_get_role (stored), ==, BL_MEMBER_ROLE_SECRETARY);
  g_assert_cmpstr (bl_member_get_phone (stored), ==, "13800000000");

  /* A refused new member keeps id 0, and nothing is written. */
  g_assert_false (bl_store_save_member_with_role (store, twin, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (bl_member_get_id (twin), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 2);
}

static gint64
add_activity (BlStore    *store,
              const char *date,
              const char *topic,
              gint64      member,
              const char *tag)
{
  g_autoptr(BlActivity) activity = bl_test_activity_new (BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, date, topic);
  g_autoptr(GListStore) attendance = bl_attendance_new ();

  if (tag != NULL)
    bl_activity_set_tags (activity, (const char * const []) { tag, NULL });
  bl_attendance_add (attendance, member, NULL, BL_ATTENDANCE_LEAVE, "病假");
  return bl_test_save_activity (store, activity, G_LIST_MODEL (attendance));
}

static void
assert_restored (BlStore    *store,
                 gint64      id,
                 const char *topic,
                 const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) activity = bl_store_get_activity (store, id, &error);
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(BlAttendee) entry = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_topic (activity), ==, topic);
  g_assert_true (bl_activity_has_tag (activity, tag));
  attendance = bl_store_load_attendance (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 1);
  entry = g_list_model_get_item (attendance, 0);
  g_assert_cmpint (bl_attendee_get_state (entry), ==, BL_ATTENDANCE_LEAVE);
  g_assert_cmpstr (bl_attendee_get_reason (entry), ==, "病假");
}

/* The number of the one activity on @date: @id, unless @taken took it. */
static gint64
number_on (BlStore    *store,
           const char *date,
           gint64      id,
           gint64      taken)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) on_day = bl_store_list_activities_between (store, date, date, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (on_day->len, ==, 1);
  if (id != taken)
    g_assert_cmpint (bl_activity_get_id (on_day->pdata[0]), ==, id);
  else
    g_assert_cmpint (bl_activity_get_id (on_day->pdata[0]), !=, id);
  return bl_activity_get_id (on_day->pdata[0]);
}

static void
test_delete_and_undo (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDeletion) first = NULL;
  g_autoptr(BlDeletion) second = NULL;
  g_autoptr(BlDeletion) none = NULL;
  gint64 member = bl_test_add_member (store, "张三", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 a = add_activity (store, "2025-03-01", "三月主题党日", member, "意识形态");
  gint64 b = add_activity (store, "2025-04-01", "四月主题党日", member, "学习强国");
  gint64 c = add_activity (store, "2025-05-01", "五月主题党日", member, "党史");
  gint64 ids[] = { a, c };
  gint64 missing[] = { b, 4242 };
  gint64 reused;
  guint changes = 0;
  GListModel *list = bl_store_get_activities (store);

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);

  /* All or nothing: one of them is not there. */
  none = bl_deletion_run (store, missing, G_N_ELEMENTS (missing), &error);
  g_assert_null (none);
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  first = bl_deletion_run (store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (bl_deletion_get_n_activities (first), ==, 2);
  g_assert_cmpstr (bl_activity_get_topic (bl_deletion_get_activity (first, 1)), ==, "五月主题党日");
  g_assert_cmpuint (g_list_model_get_n_items (bl_deletion_get_attendance (first, 0)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* A second deletion on the stack. */
  second = bl_deletion_run (store, &b, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* A new record since: SQLite may give it a number that was deleted. */
  reused = add_activity (store, "2025-06-01", "六月主题党日", member, "廉政");

  /* The newest first, as a stack; once only. */
  g_assert_true (bl_deletion_undo (second, &error));
  g_assert_no_error (error);
  g_assert_true (bl_deletion_is_undone (second));
  g_assert_true (bl_deletion_undo (second, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  changes = 0;
  g_assert_true (bl_deletion_undo (first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Each as it was, under its own number unless the new record holds it:
   * nothing written over. */
  assert_restored (store, reused, "六月主题党日", "廉政");
  assert_restored (store, b, "四月主题党日", "学习强国");
  assert_restored (store, number_on (store, "2025-03-01", a, reused), "三月主题党日", "意识形态");
  assert_restored (store, number_on (store, "2025-05-01", c, reused), "五月主题党日", "党史");
}

/* The newest record deleted, a new one saved: SQLite hands it the same
 * number. The undo puts the old one back under another, and the new one
 * stays as it is. */
static void
test_undo_keeps_new_record (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDeletion) deletion = NULL;
  gint64 member = bl_test_add_member (store, "张三", "", BL_MEMBER_ROLE_NONE);
  gint64 old = add_activity (store, "2025-03-01", "旧记录", member, "旧");
  gint64 fresh;

  deletion = bl_deletion_run (store, &old, 1, &error);
  g_assert_no_error (error);
  fresh = add_activity (store, "2025-03-02", "新记录", member, "新");
  g_assert_cmpint (fresh, ==, old);
  g_assert_true (bl_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  assert_restored (store, fresh, "新记录", "新");
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 2);
}

static void
test_copy_as_new (void)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlActivity) copy = NULL;

  bl_activity_set_id (activity, 12);
  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_PLANNED);
  bl_activity_set_group (activity, "第二党小组");
  bl_activity_set_date (activity, "2025-03-10");
  bl_activity_set_start_time (activity, "14:30");
  bl_activity_set_end_time (activity, "16:00");
  bl_activity_set_location (activity, "三楼会议室");
  bl_activity_set_host (activity, "赵敏");
  bl_activity_set_recorder (activity, "李秀英");
  bl_activity_set_lecturer (activity, "王建国");
  bl_activity_set_topic (activity, "党小组学习");
  bl_activity_set_first_topic (activity, TRUE);
  bl_activity_set_content (activity, "会议内容");
  bl_activity_set_resolutions (activity, "决议");
  bl_activity_set_guests (activity, "刘同志");
  bl_activity_set_tags (activity, (const char * const []) { "意识形态", NULL });
  bl_activity_set_counts (activity, 5, 4);

  copy = bl_activity_copy_as_new (activity);
  g_assert_cmpint (bl_activity_get_id (copy), ==, 0);
  g_assert_null (bl_activity_get_date (copy));
  g_assert_cmpint (bl_activity_get_status (copy), ==, BL_ACTIVITY_STATUS_HELD);
  g_assert_cmpstr (bl_activity_get_kind (copy), ==, BL_KIND_GROUP_MEETING);
  g_assert_cmpstr (bl_activity_get_group (copy), ==, "第二党小组");
  g_assert_cmpstr (bl_activity_get_start_time (copy), ==, "14:30");
  g_assert_cmpstr (bl_activity_get_end_time (copy), ==, "16:00");
  g_assert_cmpstr (bl_activity_get_location (copy), ==, "三楼会议室");
  g_assert_cmpstr (bl_activity_get_host (copy), ==, "赵敏");
  g_assert_cmpstr (bl_activity_get_topic (copy), ==, "党小组学习");
  /* The rest is the new meeting's own. */
  g_assert_cmpstr (bl_activity_get_recorder (copy), ==, "");
  g_assert_cmpstr (bl_activity_get_lecturer (copy), ==, "");
  g_assert_cmpstr (bl_activity_get_content (copy), ==, "");
  g_assert_cmpstr (bl_activity_get_resolutions (copy), ==, "");
  g_assert_cmpstr (bl_activity_get_guests (copy), ==, "");
  g_assert_false (bl_activity_get_first_topic (copy));
  g_assert_cmpuint (g_strv_length ((char **) bl_activity_get_tags (copy)), ==, 0);
  g_assert_cmpuint (bl_activity_get_expected_count (copy), ==, 0);
}

/* The sample is rebuilt over the old one, its -wal included, through
 * SQLite: the new sample whole, nothing of the old left, no stray files. */
static void
test_demo_rebuild (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo", "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(BlActivity) extra = bl_activity_new ();
  g_autofree char *demo_dir = g_path_get_dirname (path);
  g_autofree char *first_date = NULL;
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  guint n_activities;
  const char *name;

  g_assert_true (bl_demo_rebuild_file (path, "2025-06-15", &error));
  g_assert_no_error (error);

  /* Open, with a write of its own still in the -wal, as a window left it. */
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  bl_activity_set_kind (extra, BL_KIND_OTHER);
  bl_activity_set_date (extra, "2025-06-01");
  bl_activity_set_topic (extra, "试用时加的记录");
  g_assert_true (bl_store_save_activity (store, extra, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  g_assert_true (bl_demo_rebuild_file (path, "2025-09-15", &error));
  g_assert_no_error (error);
  /* The open connection sees the new sample: another program wrote it. */
  g_assert_true (bl_store_check_changed_elsewhere (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The same as a sample written afresh for that day. */
  g_assert_true (bl_demo_write_file (fresh, "2025-09-15", &error));
  g_assert_no_error (error);
  store = bl_store_open (fresh, &error);
  g_assert_no_error (error);
  n_activities = g_list_model_get_n_items (bl_store_get_activities (store));
  g_clear_object (&store);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (bl_store_activity_exists (store, BL_KIND_OTHER, "2025-06-01", NULL, "试用时加的记录", 0));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, n_activities);
  /* Dated from the new day: two years back from September. */
  first_date = bl_store_get_first_activity_date (store);
  g_assert_cmpstr (first_date, >=, "2023-09-01");
  g_clear_object (&store);

  /* Nothing left of the work folder. */
  listing = g_dir_open (demo_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_prefix (name, "demo.db") && !g_str_equal (name, "backups"))
      g_error ("%s was left in the sample's folder", name);
}

static void
test_drifting (void)
{
  g_autoptr(BlMember) member = bl_member_new ("张三");
  BlMemberStats stats = { 1, (char *) "2025-01-31", 0, 0 };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_JUNE, 2025);
  /* 31 January + 5 months is 30 June (the month is shorter). */
  g_assert_true (bl_member_stats_is_drifting (&stats, member, &today));
  g_date_set_dmy (&today, 29, G_DATE_JUNE, 2025);
  g_assert_false (bl_member_stats_is_drifting (&stats, member, &today));
  g_assert_false (bl_member_stats_is_drifting (NULL, member, &today));
  g_date_set_dmy (&today, 1, G_DATE_DECEMBER, 2025);
  bl_member_set_status (member, BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_false (bl_member_stats_is_drifting (&stats, member, &today));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/services/branch-setup", test_branch_setup);
  g_test_add_func ("/services/member-with-role", test_member_with_role);
  g_test_add_func ("/services/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/services/undo-keeps-new-record", test_undo_keeps_new_record);
  g_test_add_func ("/services/copy-as-new", test_copy_as_new);
  g_test_add_func ("/services/demo-rebuild", test_demo_rebuild);
  g_test_add_func ("/services/drifting", test_drifting);
  return g_test_run ();
}
