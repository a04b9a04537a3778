/* test-order.c: one order of party groups and members everywhere: the
 * members list, the expected members, attendance as loaded, the report,
 * the CSV export and the printed grid (the real program's PDF) */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bl-csv-export.h"
#include "bl-group-order.h"
#include "bl-report.h"
#include "bl-test-common.h"

/* Members in the order every list must show them: 第一 … 第十一 by number,
 * then the other groups in the locale's collation, then no group; the
 * committee first within a group, then names in the locale's collation. */
static const struct {
  const char   *name;
  const char   *group;
  BlMemberRole  role;
} members[] = {
  { "乙三", "第一党小组", BL_MEMBER_ROLE_SECRETARY },
  { "甲二", "第一党小组", BL_MEMBER_ROLE_NONE },
  { "丁一", "第二党小组", BL_MEMBER_ROLE_NONE },
  { "子甲", "第二党小组", BL_MEMBER_ROLE_NONE },
  { "丙四", "第三党小组", BL_MEMBER_ROLE_NONE },
  { "戊五", "第十党小组", BL_MEMBER_ROLE_NONE },
  { "己六", "第十一党小组", BL_MEMBER_ROLE_ORGANIZATION },
  { "庚七", "第十一党小组", BL_MEMBER_ROLE_NONE },
  { "辛八", "机关党小组", BL_MEMBER_ROLE_NONE },
  { "壬九", "离退休党小组", BL_MEMBER_ROLE_NONE },
  { "癸十", "", BL_MEMBER_ROLE_NONE },
};

static const char * const expected_groups[] = {
  "第一党小组", "第二党小组", "第三党小组", "第十党小组", "第十一党小组", "机关党小组", "离退休党小组", NULL,
};

static void
assert_order (const char *what,
              GPtrArray  *names)
{
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (got, "%s ", (const char *) g_ptr_array_index (names, i));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_string_append_printf (want, "%s ", members[i].name);
  if (!g_str_equal (got->str, want->str))
    g_error ("%s:\n  expected %s\n  got      %s", what, want->str, got->str);
}

/* The members saved in an order of their own (reversed), and a general
 * meeting that all of them attended, its attendance listed in yet another. */
static BlStore *
make_ledger (char **path_out)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  BlStore *store = bl_store_open (path, &error);
  gint64 ids[G_N_ELEMENTS (members)];

  g_assert_no_error (error);
  for (guint i = G_N_ELEMENTS (members); i-- > 0;)
    ids[i] = bl_test_add_member (store, members[i].name, members[i].group, members[i].role);

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_date (activity, "2025-03-10");
  bl_activity_set_topic (activity, "学习贯彻全会精神");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      guint k = (i * 7) % G_N_ELEMENTS (members);

      bl_attendance_add (attendance, ids[k], members[k].name, BL_ATTENDANCE_PRESENT, "");
    }
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  *path_out = g_steal_pointer (&path);
  return store;
}

static void
test_group_number (void)
{
  g_assert_cmpint (bl_group_number ("第一党小组"), ==, 1);
  g_assert_cmpint (bl_group_number ("第十党小组"), ==, 10);
  g_assert_cmpint (bl_group_number ("第十一党小组"), ==, 11);
  g_assert_cmpint (bl_group_number ("第二十党小组"), ==, 20);
  g_assert_cmpint (bl_group_number ("第二十三党小组"), ==, 23);
  g_assert_cmpint (bl_group_number ("第3党小组"), ==, 3);
  g_assert_cmpint (bl_group_number ("第１２党小组"), ==, 12);
  g_assert_cmpint (bl_group_number ("3组"), ==, 3);
  g_assert_cmpint (bl_group_number ("一支部第二党小组"), ==, 2);
  g_assert_cmpint (bl_group_number ("机关党小组"), ==, -1);
  g_assert_cmpint (bl_group_number (""), ==, -1);
  g_assert_cmpint (bl_group_number (NULL), ==, -1);
}

static void
test_group_compare (void)
{
  const char * const ordered[] = { "第一党小组", "第2党小组", "第三党小组", "4组", "第十党小组",
                                   "第十二党小组", "第二十党小组", "机关党小组", "", };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        int cmp = bl_group_compare (ordered[i], ordered[j]);

        if ((i < j && cmp >= 0) || (i > j && cmp <= 0) || (i == j && cmp != 0))
          g_error ("“%s” against “%s”: %d", ordered[i], ordered[j], cmp);
      }
  /* The same number written two ways: between the neighbours, the two by
   * the locale's collation. */
  g_assert_cmpint (bl_group_compare ("第2党小组", "第3党小组"), <, 0);
  g_assert_cmpint (bl_group_compare ("第3党小组", "4组"), <, 0);
  g_assert_cmpint (bl_group_compare ("第3党小组", "第三党小组"), !=, 0);
  g_assert_true ((bl_group_compare ("第3党小组", "第三党小组") < 0) == (bl_group_compare ("第三党小组", "第3党小组") > 0));
  /* NULL is no group, as "" is. */
  g_assert_cmpint (bl_group_compare (NULL, ""), ==, 0);
  g_assert_cmpint (bl_group_compare ("第一党小组", NULL), <, 0);
  g_assert_cmpint (bl_role_compare (BL_MEMBER_ROLE_SECRETARY, BL_MEMBER_ROLE_DEPUTY), <, 0);
  g_assert_cmpint (bl_role_compare (BL_MEMBER_ROLE_COMMITTEE, BL_MEMBER_ROLE_NONE), <, 0);
}

/* Every list of members the ledger gives, in the one order. */
static void
test_order_everywhere (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BlStore) store = make_ledger (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(BlAttendanceTable) table = NULL;
  g_autoptr(BlReport) report = NULL;
  g_auto(GStrv) groups = NULL;
  GListModel *list = bl_store_get_members (store);
  g_autoptr(BlActivity) meeting = g_list_model_get_item (bl_store_get_activities (store), 0);
  const BlAttendanceMark *marks;
  guint n_marks;

  groups = bl_store_list_groups (store);
  g_assert_true (g_strv_equal ((const char * const *) groups, expected_groups));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (list, i);

      g_ptr_array_add (names, (gpointer) g_intern_string (bl_member_get_name (member)));
    }
  assert_order ("the members list", names);

  expected = bl_store_expected_members (store, BL_KIND_GENERAL_MEETING, NULL, "2025-03-10");
  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < expected->len; i++)
    g_ptr_array_add (names, (gpointer) g_intern_string (bl_member_get_name (expected->pdata[i])));
  assert_order ("the expected members", names);

  attendance = bl_store_load_attendance (store, bl_activity_get_id (meeting), &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(BlAttendee) entry = g_list_model_get_item (attendance, i);

      g_ptr_array_add (names, (gpointer) g_intern_string (bl_attendee_get_member_name (entry)));
    }
  assert_order ("the attendance as loaded", names);

  table = bl_store_load_attendance_between (store, "2025-03-01", "2025-03-31", &error);
  g_assert_no_error (error);
  marks = bl_attendance_table_lookup (table, bl_activity_get_id (meeting), &n_marks);
  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < n_marks; i++)
    g_ptr_array_add (names, (gpointer) g_intern_string (marks[i].member_name));
  assert_order ("the attendance of a month", names);

  report = bl_report_build (store, "2025-03", "2025-04-01", &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < report->members->len; i++)
    g_ptr_array_add (names, (gpointer) g_intern_string (((BlReportMember *) report->members->pdata[i])->name));
  assert_order ("the monthly summary's members", names);
}

/* members.csv lists them in the order, and activities.csv's 出席 too. */
static void
test_order_in_exports (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BlStore) store = make_ledger (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *members_csv = bl_csv_export_members (store, &error);
  g_autofree char *activities_csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) present = NULL;
  g_autofree char *present_cell = NULL;
  const char *cell;

  g_assert_no_error (error);
  lines = g_strsplit (members_csv, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", 2);

      g_ptr_array_add (names, (gpointer) g_intern_string (cells[0]));
    }
  assert_order ("members.csv", names);

  activities_csv = bl_csv_export_activities (store, &error);
  g_assert_no_error (error);
  /* The one activity's 出席 cell: every name, separated by 、. */
  cell = strstr (activities_csv, members[0].name);
  g_assert_nonnull (cell);
  present_cell = g_strndup (cell, strcspn (cell, ","));
  present = g_strsplit (present_cell, "、", -1);
  g_ptr_array_set_size (names, 0);
  for (guint i = 0; present[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) g_intern_string (present[i]));
  assert_order ("activities.csv's 出席", names);
}

/* The attendance grid of the printed summary, as the real program writes
 * it in Chinese, read back with pdftotext. */
static void
test_order_printed (void)
{
  g_autofree char *path = NULL;
  g_autoptr(BlStore) store = make_ledger (&path);
  g_autofree char *pdf = g_strconcat (path, ".pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *report[] = { bl_test_program (), "--database", path, "--report", "2025-03", "--output", pdf, NULL };
  const char *read[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  int status = -1;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_clear_object (&store);
  env = g_environ_setenv (env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  g_spawn_sync (NULL, (char **) report, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_spawn_sync (NULL, (char **) read, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);

  /* Each name's first place in the text: the grid is where they first appear. */
  {
    g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (gsize));

    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      {
        const char *at = strstr (text, members[i].name);
        gsize place;

        if (at == NULL)
          g_error ("%s is not in the printed summary:\n%s", members[i].name, text);
        place = (gsize) (at - text);
        g_array_append_val (places, place);
      }
    g_ptr_array_set_size (names, G_N_ELEMENTS (members));
    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      {
        guint rank = 0;

        for (guint j = 0; j < G_N_ELEMENTS (members); j++)
          rank += g_array_index (places, gsize, j) < g_array_index (places, gsize, i);
        names->pdata[rank] = (gpointer) members[i].name;
      }
  }
  assert_order ("the printed attendance grid", names);
}

int
main (int    argc,
      char **argv)
{
  /* Chinese collation, as the secretaries' desktops have it: it puts 第二
   * (èr) before 第三 (sān) before 第一 (yī), which the order must not follow. */
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/order/group-number", test_group_number);
  g_test_add_func ("/order/group-compare", test_group_compare);
  g_test_add_func ("/order/everywhere", test_order_everywhere);
  g_test_add_func ("/order/exports", test_order_in_exports);
  g_test_add_func ("/order/printed", test_order_printed);
  return g_test_run ();
}
