/* test-member-changes.c: a member's record after the first save: transfers
 * (with or without a day, corrected, undone, with a destination), deleting
 * a member entered by mistake, party group leaders with their history, the
 * secretary as the member holding 书记; in the store and on the command line */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bl-store.h"
#include "bl-test-common.h"

static gint64
add_member (BlStore    *store,
            const char *name,
            const char *group,
            const char *joined)
{
  g_autoptr(BlMember) member = bl_member_new (name);
  g_autoptr(GError) error = NULL;

  bl_member_set_group (member, group);
  bl_member_set_joined (member, joined);
  g_assert_true (bl_store_save_member (store, member, &error));
  g_assert_no_error (error);
  return bl_member_get_id (member);
}

static gint64
add_meeting (BlStore    *store,
             const char *kind,
             const char *group,
             const char *date,
             gint64      present)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, kind);
  bl_activity_set_group (activity, group);
  bl_activity_set_date (activity, date);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_topic (activity, "学习党章");
  if (present != 0)
    bl_attendance_add (attendance, present, NULL, BL_ATTENDANCE_PRESENT, "");
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  return bl_activity_get_id (activity);
}

static gboolean
is_expected (BlStore    *store,
             gint64      id,
             const char *date)
{
  g_autoptr(GPtrArray) expected = bl_store_expected_members (store, BL_KIND_GENERAL_MEETING, NULL, date);

  for (guint i = 0; i < expected->len; i++)
    if (bl_member_get_id (g_ptr_array_index (expected, i)) == id)
      return TRUE;
  return FALSE;
}

/* A transfer with a day, then corrected, then with the day not known, then
 * undone; the destination kept with it. */
static void
test_transfer (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = add_member (store, "孙党员", "第一党小组", "2010-07-01");
  BlMember *member;

  g_assert_true (bl_store_set_transfer (store, id, "2025-06-01", "市交通局机关党支部", &error));
  g_assert_no_error (error);
  member = bl_store_find_member (store, id);
  g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_TRANSFERRED);
  g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-06-01");
  g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "市交通局机关党支部");
  g_clear_object (&member);
  g_assert_true (is_expected (store, id, "2025-05-31"));
  g_assert_false (is_expected (store, id, "2025-06-01"));

  /* The day corrected; NULL keeps the destination. */
  g_assert_true (bl_store_set_transfer (store, id, "2025-04-01", NULL, &error));
  g_assert_no_error (error);
  member = bl_store_find_member (store, id);
  g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-04-01");
  g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "市交通局机关党支部");
  g_clear_object (&member);
  g_assert_false (is_expected (store, id, "2025-05-31"));

  /* A day before joining is refused and changes nothing. */
  g_assert_false (bl_store_set_transfer (store, id, "2009-01-01", NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bl_store_set_transfer (store, id, "2025-02-30", NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  member = bl_store_find_member (store, id);
  g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-04-01");
  g_clear_object (&member);

  /* The day not known: expected at no meeting at all. */
  g_assert_true (bl_store_set_transfer (store, id, NULL, "", &error));
  g_assert_no_error (error);
  member = bl_store_find_member (store, id);
  g_assert_null (bl_member_get_transferred_on (member));
  g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "");
  g_clear_object (&member);
  g_assert_false (is_expected (store, id, "2011-01-01"));
  g_assert_false (is_expected (store, id, "2025-01-01"));

  /* Undone: active again, expected again, the transfer forgotten. */
  g_assert_true (bl_store_undo_transfer (store, id, &error));
  g_assert_no_error (error);
  member = bl_store_find_member (store, id);
  g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_ACTIVE);
  g_assert_null (bl_member_get_transferred_on (member));
  g_clear_object (&member);
  g_assert_true (is_expected (store, id, "2025-06-01"));
  g_assert_false (bl_store_undo_transfer (store, id, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undoing is refused while another active member has the name. */
  g_assert_true (bl_store_transfer_member (store, id, "2025-06-01", &error));
  add_member (store, "孙党员", "第二党小组", NULL);
  g_assert_false (bl_store_undo_transfer (store, id, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE);
  member = bl_store_find_member (store, id);
  g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_TRANSFERRED);
  g_clear_object (&member);
}

/* A member without attendance can be deleted; one with attendance cannot. */
static void
test_delete (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 mistake = add_member (store, "录错的人", "第一党小组", NULL);
  gint64 member = add_member (store, "张三", "第一党小组", NULL);
  GListModel *members = bl_store_get_members (store);

  g_assert_true (bl_store_set_member_role (store, mistake, BL_MEMBER_ROLE_COMMITTEE, "2025-01-01", &error));
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", mistake, NULL, &error));
  g_assert_no_error (error);
  add_meeting (store, BL_KIND_THEME_DAY, NULL, "2025-03-01", member);

  g_assert_false (bl_store_member_has_attendance (store, mistake));
  g_assert_true (bl_store_member_has_attendance (store, member));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);

  g_assert_false (bl_store_delete_member (store, member, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);

  /* Gone with its role and its lead of the group. */
  g_assert_true (bl_store_delete_member (store, mistake, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  g_assert_null (bl_store_find_member (store, mistake));
  g_assert_cmpuint (bl_store_count_role (store, BL_MEMBER_ROLE_COMMITTEE), ==, 0);
  g_assert_null (bl_store_get_group_leader_on (store, "第一党小组", "2025-06-01"));

  g_assert_false (bl_store_delete_member (store, mistake, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND);
}

static char *
leader_on (BlStore    *store,
           const char *group,
           const char *date)
{
  g_autoptr(BlMember) leader = bl_store_get_group_leader_on (store, group, date);

  return g_strdup (leader != NULL ? bl_member_get_name (leader) : "");
}

static gboolean
leads_now (BlStore *store,
           gint64   id)
{
  g_autoptr(BlMember) member = bl_store_find_member (store, id);
  GListModel *members = bl_store_get_members (store);
  gboolean listed = FALSE;

  /* The live list says the same as the file. */
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) item = g_list_model_get_item (members, i);

      if (bl_member_get_id (item) == id)
        listed = bl_member_get_group_leader (item);
    }
  g_assert_cmpint (listed, ==, bl_member_get_group_leader (member));
  return listed;
}

/* One leader per group, with history; leaders lead their own group. */
static void
test_group_leaders (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 sun = add_member (store, "孙丽娟", "第一党小组", NULL);
  gint64 gao = add_member (store, "高明", "第一党小组", NULL);
  gint64 huang = add_member (store, "黄志华", "第二党小组", NULL);
  g_autofree char *name = NULL;

  /* The group's first leader leads it all along. */
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", sun, NULL, &error));
  g_assert_no_error (error);
  name = leader_on (store, "第一党小组", "2001-01-01");
  g_assert_cmpstr (name, ==, "孙丽娟");
  g_clear_pointer (&name, g_free);
  g_assert_true (leads_now (store, sun));
  g_assert_false (leads_now (store, gao));

  /* A change from a day: the records before it keep the earlier leader. */
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", gao, "2025-07-01", &error));
  g_assert_no_error (error);
  name = leader_on (store, "第一党小组", "2025-06-30");
  g_assert_cmpstr (name, ==, "孙丽娟");
  g_clear_pointer (&name, g_free);
  name = leader_on (store, "第一党小组", "2025-07-01");
  g_assert_cmpstr (name, ==, "高明");
  g_clear_pointer (&name, g_free);
  g_assert_false (leads_now (store, sun));
  g_assert_true (leads_now (store, gao));

  /* A member of another group, a transferred member, a group that does not
   * exist: refused, nothing changed. */
  g_assert_false (bl_store_set_group_leader (store, "第一党小组", huang, "2025-08-01", &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bl_store_set_group_leader (store, "第九党小组", huang, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bl_store_transfer_member (store, sun, "2025-09-01", &error));
  g_assert_false (bl_store_set_group_leader (store, "第一党小组", sun, "2025-10-01", &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  name = leader_on (store, "第一党小组", "2025-12-01");
  g_assert_cmpstr (name, ==, "高明");
  g_clear_pointer (&name, g_free);

  /* A leader transferred out stops leading on the day of the transfer. */
  g_assert_true (bl_store_transfer_member (store, gao, "2025-11-01", &error));
  g_assert_no_error (error);
  name = leader_on (store, "第一党小组", "2025-10-31");
  g_assert_cmpstr (name, ==, "高明");
  g_clear_pointer (&name, g_free);
  name = leader_on (store, "第一党小组", "2025-11-01");
  g_assert_cmpstr (name, ==, "");
  g_clear_pointer (&name, g_free);

  /* A leader who moves to another group stops leading the old one. */
  g_assert_true (bl_store_set_group_leader (store, "第二党小组", huang, NULL, &error));
  g_assert_true (leads_now (store, huang));
  {
    g_autoptr(BlMember) moved = bl_store_find_member (store, huang);

    bl_member_set_group (moved, "第一党小组");
    g_assert_true (bl_store_save_member (store, moved, &error));
    g_assert_no_error (error);
  }
  g_assert_false (leads_now (store, huang));
  name = leader_on (store, "第二党小组", "2001-01-01");
  g_assert_cmpstr (name, ==, "黄志华");
  g_clear_pointer (&name, g_free);

  /* Nobody: the group has no leader from that day. */
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", huang, NULL, &error));
  g_assert_true (bl_store_set_group_leader (store, "第一党小组", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (leads_now (store, huang));
}

/* The secretary is the member holding 书记, on each day. */
static void
test_secretary (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 wang = add_member (store, "王建国", "第一党小组", NULL);
  gint64 li = add_member (store, "李秀兰", "第一党小组", NULL);
  g_autoptr(BlMember) then = NULL;
  g_autoptr(BlMember) now = NULL;

  g_assert_null (bl_store_get_secretary (store, NULL));
  g_assert_true (bl_store_set_member_role (store, wang, BL_MEMBER_ROLE_SECRETARY, "2020-01-01", &error));
  g_assert_true (bl_store_set_member_role (store, li, BL_MEMBER_ROLE_SECRETARY, "2025-07-01", &error));
  g_assert_no_error (error);
  then = bl_store_get_secretary (store, "2025-06-30");
  now = bl_store_get_secretary (store, NULL);
  g_assert_cmpstr (bl_member_get_name (then), ==, "王建国");
  g_assert_cmpstr (bl_member_get_name (now), ==, "李秀兰");
}

static int
run (const char  *language,
     char       **out,
     char       **err,
     ...)
{
  va_list args;
  int status;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  va_start (args, err);
  status = bl_test_run_as_of_valist ("2025-11-25", language, out, err, args);
  va_end (args);
  return status;
}

static BlMember *
member_named (const char *db,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = bl_store_open (db, &error);
  GListModel *members;

  g_assert_no_error (error);
  members = bl_store_get_members (store);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (g_str_equal (bl_member_get_name (member), name))
        return g_steal_pointer (&member);
    }
  return NULL;
}

/* --transfer-member, --transferred-on, --transferred-to, --undo-transfer,
 * --delete-member, --group-leader: each does its one thing or exits 1 with
 * a message and changes nothing. */
static void
test_command_line (void)
{
  g_autofree char *members = bl_test_write_file ("members.csv",
                                                 "姓名,党小组,职务,入党日期\n"
                                                 "王建国,第一党小组,书记,1998-07-01\n"
                                                 "孙丽娟,第一党小组,,2003-12-09\n"
                                                 "林志强,第二党小组,,2007-04-12\n"
                                                 "录错的人,第二党小组,,\n");
  g_autofree char *activities = bl_test_write_file ("activities.csv",
                                                    "类型,日期,主题,党小组,出席\n"
                                                    "党小组会,2025-10-10,学习党章,第一党小组,孙丽娟\n");
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  BlMember *member;

  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--import-members", members,
                        "--import-activities", activities, NULL), ==, 0);

  /* Transferred today unless told; a destination. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--transfer-member", "林志强",
                        "--transferred-to", "市交通局机关党支部", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "林志强：已于 2025年11月25日 转出。"));
  g_assert_nonnull (strstr (out, "转往：市交通局机关党支部。"));
  member = member_named (db, "林志强");
  g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-11-25");
  g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "市交通局机关党支部");
  g_clear_object (&member);

  /* The day corrected (the destination kept), then not known. */
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--transfer-member", "林志强",
                        "--transferred-on", "2025-03-01", NULL), ==, 0);
  member = member_named (db, "林志强");
  g_assert_cmpstr (bl_member_get_transferred_on (member), ==, "2025-03-01");
  g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "市交通局机关党支部");
  g_clear_object (&member);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--transfer-member", "林志强",
                        "--transferred-on", "", NULL), ==, 0);
  member = member_named (db, "林志强");
  g_assert_null (bl_member_get_transferred_on (member));
  g_clear_object (&member);

  /* Bad input: exit 1, a message, nothing changed. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--transfer-member", "林志强",
                        "--transferred-on", "2025-02-30", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--transferred-on"));
  g_assert_nonnull (strstr (err, "2025-02-30"));
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--transfer-member", "路人甲", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "没有名为“路人甲”的党员"));
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--transferred-on", "2025-01-01", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--transfer-member"));
  member = member_named (db, "林志强");
  g_assert_null (bl_member_get_transferred_on (member));
  g_clear_object (&member);

  /* Undone. */
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--undo-transfer", "林志强", NULL), ==, 0);
  member = member_named (db, "林志强");
  g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_ACTIVE);
  g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "");
  g_clear_object (&member);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--undo-transfer", "林志强", NULL), ==, 1);

  /* Deleted when nothing records them; refused when attendance does. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--delete-member", "孙丽娟", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "不能删除 孙丽娟"));
  member = member_named (db, "孙丽娟");
  g_assert_nonnull (member);
  g_clear_object (&member);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--delete-member", "录错的人", NULL), ==, 0);
  g_assert_null (member_named (db, "录错的人"));

  /* A group leader, named on the group's records. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--group-leader", "孙丽娟", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "孙丽娟 现任第一党小组组长。"));
  member = member_named (db, "孙丽娟");
  g_assert_true (bl_member_get_group_leader (member));
  g_clear_object (&member);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--group-leader", "路人甲", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--group-leader"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/member-changes/transfer", test_transfer);
  g_test_add_func ("/member-changes/delete", test_delete);
  g_test_add_func ("/member-changes/group-leaders", test_group_leaders);
  g_test_add_func ("/member-changes/secretary", test_secretary);
  g_test_add_func ("/member-changes/command-line", test_command_line);

  return g_test_run ();
}
