/* test-csv.c: members.csv and activities.csv: parsing, every error, quoting, BOM, headers, round trip */
#include "config.h"

#include <string.h>

#include "bl-csv-activities.h"
#include "bl-csv-export.h"
#include "bl-csv-members.h"
#include "bl-test-common.h"

#define BOM "\xef\xbb\xbf"

static const char members_zh[] =
  BOM "姓名,党小组,党员类别,职务,入党日期,电话,状态\r\n"
  "王建国,第一党小组,正式党员,书记,1998-07-01,13800000001,在册\r\n"
  "李秀英,第一党小组,正式党员,组织委员,2003-06-18,,在册\r\n"
  "张伟,第二党小组,预备党员,,2025-01-10,\"139 0000 0003, 办公室\",\r\n"
  "赵敏,第二党小组,,,,,\r\n"
  "陈刚,第三党小组,正式党员,,2010-03-01,,转出\r\n";

static BlStore *
store_with_members (void)
{
  BlStore *store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("members.csv", members_zh);
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_csv_import_members (store, path, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_parse (void)
{
  static const char text[] = BOM "a,b,c\r\n\"x, \"\"y\"\"\",\"line1\nline2\",\n\n1,2,3";
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bl_csv_parse (text, strlen (text), &lines, &error);
  char **row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "x, \"y\"");
  g_assert_cmpstr (row[1], ==, "line1\nline2");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_null (row[3]);
  /* Rows start on lines 1, 2 and 5 (the quoted newline and a blank line). */
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = bl_csv_parse ("a\n\"open", 7, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_clear_error (&error);

  rows = bl_csv_parse ("\xff\xfe" "a", 3, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
}

static void
test_members_chinese (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("members.csv", members_zh);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) zhang = NULL;
  g_autoptr(BlMember) zhao = NULL;
  g_autoptr(BlMember) wang = NULL;
  BlCsvReport report;

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_members (store, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 5);
  g_assert_cmpuint (report.updated, ==, 0);
  bl_csv_report_clear (&report);

  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 5);
  zhang = bl_store_find_active_member (store, "张伟");
  g_assert_nonnull (zhang);
  g_assert_cmpint (bl_member_get_category (zhang), ==, BL_MEMBER_CATEGORY_PROBATIONARY);
  g_assert_cmpstr (bl_member_get_phone (zhang), ==, "139 0000 0003, 办公室");
  g_assert_cmpstr (bl_member_get_group (zhang), ==, "第二党小组");
  zhao = bl_store_find_active_member (store, "赵敏");
  g_assert_cmpint (bl_member_get_category (zhao), ==, BL_MEMBER_CATEGORY_FULL);
  g_assert_cmpint (bl_member_get_status (zhao), ==, BL_MEMBER_STATUS_ACTIVE);
  g_assert_null (bl_member_get_joined (zhao));
  /* Transferred members are kept for history, not active. */
  g_assert_null (bl_store_find_active_member (store, "陈刚"));
  wang = bl_store_find_active_member (store, "王建国");
  g_assert_cmpint (bl_member_get_role (wang), ==, BL_MEMBER_ROLE_SECRETARY);
  g_assert_cmpint (bl_store_get_secretary_on (store, "2024-01-01"), ==, bl_member_get_id (wang));
}

static void
test_members_english_update (void)
{
  g_autoptr(BlStore) store = store_with_members ();
  g_autofree char *path = bl_test_write_file ("update.csv",
                                              "name,group,category,role,joined,phone,status\n"
                                              "赵敏,第一党小组,full,committee,2001-01-01,123,active\n"
                                              "New Member,,probationary,,,,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) zhao = NULL;
  BlCsvReport report;

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_members (store, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.updated, ==, 1);
  bl_csv_report_clear (&report);

  zhao = bl_store_find_active_member (store, "赵敏");
  g_assert_cmpstr (bl_member_get_group (zhao), ==, "第一党小组");
  g_assert_cmpint (bl_member_get_role (zhao), ==, BL_MEMBER_ROLE_COMMITTEE);
  g_assert_cmpstr (bl_member_get_phone (zhao), ==, "123");
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 6);
}

static void
test_members_errors (void)
{
  g_autoptr(BlStore) store = store_with_members ();
  g_autofree char *path = bl_test_write_file ("bad.csv",
                                              "姓名,党员类别,职务,入党日期,状态\n"
                                              "孙丽,正式党员,,2001-02-03,在册\n"       /* fine, but not imported */
                                              ",正式党员,,,\n"                         /* 3: no name */
                                              "周杰,党员,,,\n"                         /* 4: category */
                                              "吴磊,,主任,,\n"                         /* 5: role */
                                              "郑洁,,,2001-13-01,\n"                   /* 6: date */
                                              "冯涛,,,,离开\n"                         /* 7: status */
                                              "孙丽,,,,\n"                             /* 8: twice */
                                              "蒋华,,书记,,\n");                       /* 9: second secretary */
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) messages = NULL;
  const char *expected_lines[] = { ":3:", ":4:", ":5:", ":6:", ":7:", ":8:", ":9:" };

  g_assert_false (bl_csv_import_members (store, path, NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_test_message ("%s", error->message);

  messages = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (messages), ==, G_N_ELEMENTS (expected_lines));
  for (guint i = 0; i < G_N_ELEMENTS (expected_lines); i++)
    {
      g_assert_true (g_str_has_prefix (messages[i], path));
      g_assert_nonnull (strstr (messages[i], expected_lines[i]));
    }
  /* One transaction: not even the good first row. */
  g_assert_null (bl_store_find_active_member (store, "孙丽"));
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 5);
}

/* Secretary conflict with one already in the ledger goes through the store's own rule. */
static void
test_header_errors (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = bl_test_write_file ("h1.csv", "姓名,爱好\n张三,读书\n");
  g_autofree char *missing = bl_test_write_file ("h2.csv", "党小组\n一组\n");
  g_autofree char *empty = bl_test_write_file ("h3.csv", "");
  g_autofree char *open_quote = bl_test_write_file ("h4.csv", "姓名\n\"张三\n");
  /* Neither UTF-8 nor GBK (0xFF starts no GBK character), on line 3. */
  g_autofree char *binary = bl_test_write_file ("h5.csv", "name\n张三\n\xd5\xff\xff\n");

  g_assert_false (bl_csv_import_members (store, unknown, NULL, &error));
  g_assert_nonnull (strstr (error->message, ":1: "));
  g_assert_nonnull (strstr (error->message, "爱好"));
  g_clear_error (&error);

  g_assert_false (bl_csv_import_members (store, missing, NULL, &error));
  g_assert_nonnull (strstr (error->message, "姓名"));
  g_clear_error (&error);

  g_assert_false (bl_csv_import_members (store, empty, NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (bl_csv_import_members (store, open_quote, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, open_quote));
  g_assert_nonnull (strstr (error->message, ":2:"));
  g_clear_error (&error);

  g_assert_false (bl_csv_import_members (store, binary, NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, binary));
  g_assert_nonnull (strstr (error->message, ":3: "));
  g_clear_error (&error);

  g_assert_false (bl_csv_import_members (store, "/nonexistent/members.csv", NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_IO);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 0);
}

static const char activities_zh[] =
  BOM "类型,日期,开始时间,结束时间,主题,地点,主持人,记录人,主讲人,党小组,出席,缺席,列席,标签,状态,内容,决议,第一议题\n"
  "主题党日,2025-03-10,09:00,11:00,学习全国两会精神,党员活动室,王建国,李秀英,,,,\"赵敏(病假)、张伟（公出）\",,意识形态,已开展,\"会议内容：\n一、传达……\",,是\n"
  "committee-meeting,2025-03-12,14:00,15:00,研究三月工作,会议室,王建国,李秀英,,,王建国、李秀英,,,,,,通过三月计划,否\n"
  "党小组会,2025-03-15,,,学习党章,,赵敏,,,第二党小组,赵敏,张伟(事假),,,,,,\n"
  "党课,2025-03-20,,,书记讲党课：守初心,,,,王建国,,,,区委宣传部 刘老师,,,,,\n"
  "支部党员大会,2099-01-01,,,计划中的大会,,,,,,,,,,计划,,,\n";

static void
test_activities_import (void)
{
  g_autoptr(BlStore) store = store_with_members ();
  g_autofree char *path = bl_test_write_file ("activities.csv", activities_zh);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  BlActivity *theme, *committee, *group, *lecture, *planned;
  BlCsvReport report;
  g_autoptr(GListModel) attendance = NULL;

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_activities (store, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 5);
  g_assert_cmpuint (report.skipped, ==, 0);
  bl_csv_report_clear (&report);

  all = bl_store_list_activities_between (store, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, 5);
  theme = g_ptr_array_index (all, 0);
  committee = g_ptr_array_index (all, 1);
  group = g_ptr_array_index (all, 2);
  lecture = g_ptr_array_index (all, 3);
  planned = g_ptr_array_index (all, 4);

  /* Only 缺席 given: everyone else expected was present. 陈刚 is not among
   * them: the file gives no transfer date, so he is expected at no meeting
   * (the import used to date his transfer on the day of the import, which
   * made him expected, and absent, at every earlier meeting). */
  g_assert_cmpstr (bl_activity_get_kind (theme), ==, BL_KIND_THEME_DAY);
  g_assert_true (bl_activity_get_first_topic (theme));
  g_assert_true (bl_activity_has_tag (theme, "意识形态"));
  g_assert_cmpstr (bl_activity_get_content (theme), ==, "会议内容：\n一、传达……");
  g_assert_cmpuint (bl_activity_get_expected_count (theme), ==, 4);
  g_assert_cmpuint (bl_activity_get_present_count (theme), ==, 2);
  attendance = bl_store_load_attendance (store, bl_activity_get_id (theme), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, i);

      g_assert_cmpstr (bl_attendee_get_member_name (a), !=, "陈刚");

      if (g_str_equal (bl_attendee_get_member_name (a), "赵敏"))
        g_assert_cmpstr (bl_attendee_get_reason (a), ==, "病假");
      else if (g_str_equal (bl_attendee_get_member_name (a), "张伟"))
        g_assert_cmpstr (bl_attendee_get_reason (a), ==, "公出");
      else
        g_assert_cmpint (bl_attendee_get_state (a), ==, BL_ATTENDANCE_PRESENT);
    }

  /* Committee: the expected are the committee (secretary and 组织委员). */
  g_assert_cmpstr (bl_activity_get_kind (committee), ==, BL_KIND_COMMITTEE_MEETING);
  g_assert_cmpuint (bl_activity_get_expected_count (committee), ==, 2);
  g_assert_cmpuint (bl_activity_get_present_count (committee), ==, 2);
  g_assert_cmpstr (bl_activity_get_resolutions (committee), ==, "通过三月计划");

  g_assert_cmpstr (bl_activity_get_group (group), ==, "第二党小组");
  g_assert_cmpuint (bl_activity_get_expected_count (group), ==, 2);
  g_assert_cmpuint (bl_activity_get_present_count (group), ==, 1);

  /* Neither list: attendance not recorded. */
  g_assert_cmpstr (bl_activity_get_lecturer (lecture), ==, "王建国");
  g_assert_cmpstr (bl_activity_get_guests (lecture), ==, "区委宣传部 刘老师");
  g_assert_cmpuint (bl_activity_get_expected_count (lecture), ==, 0);

  g_assert_cmpint (bl_activity_get_status (planned), ==, BL_ACTIVITY_STATUS_PLANNED);

  /* Importing the same file again changes nothing: each row is a duplicate. */
  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_activities (store, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 0);
  g_assert_cmpuint (report.skipped, ==, 5);
  /* Issue 10: one note for them all, naming where they are (the first
   * row spans lines 2 and 3). */
  g_assert_cmpuint (report.notes->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.notes, 0), path));
  g_assert_nonnull (strstr (g_ptr_array_index (report.notes, 0), ":2:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.notes, 0), "lines 2, 4, 5, 6, 7"));
  bl_csv_report_clear (&report);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 5);
}

static void
test_activities_errors (void)
{
  g_autoptr(BlStore) store = store_with_members ();
  g_autofree char *path = bl_test_write_file ("bad.csv",
    "kind,date,start,end,topic,group,present,absent,status,first_topic\n"
    "theme-day,2025-04-01,,,好的一行,,,,,\n"                 /* 2: fine */
    "茶话会,2025-04-02,,,未知类型,,,,,\n"                   /* 3: kind */
    "theme-day,2025/04/03,,,日期格式,,,,,\n"                /* 4: date */
    "theme-day,,,,没有日期,,,,,\n"                          /* 5: no date */
    "theme-day,2025-04-05,25:00,,时间,,,,,\n"               /* 6: time */
    "theme-day,2025-04-06,10:00,09:00,结束早于开始,,,,,\n"  /* 7: end before start */
    "theme-day,2025-04-07,,,,,,,,\n"                        /* 8: no topic */
    "group-meeting,2025-04-08,,,没有小组,,,,,\n"            /* 9: group missing */
    "group-meeting,2025-04-09,,,未知小组,第九党小组,,,,\n"  /* 10: unknown group */
    "theme-day,2025-04-10,,,未知党员,,王建国、路人甲,,,\n"  /* 11: not a member */
    "theme-day,2025-04-11,,,状态,,,,开过了,\n"              /* 12: status */
    "theme-day,2025-04-12,,,第一议题,,,,,也许\n"            /* 13: flag */
    "theme-day,2099-04-13,,,未来已开展,,,,已开展,\n");      /* 14: held in the future */
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) messages = NULL;

  g_assert_false (bl_csv_import_activities (store, path, NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_test_message ("%s", error->message);
  messages = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (messages), ==, 12);
  for (guint i = 0; messages[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u: ", path, i + 3);
      g_assert_true (g_str_has_prefix (messages[i], where));
    }
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);
}

static void
test_export_quoting (void)
{
  g_autoptr(BlStore) store = store_with_members ();
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  bl_activity_set_kind (activity, BL_KIND_OTHER);
  bl_activity_set_date (activity, "2025-05-01");
  bl_activity_set_topic (activity, "=HYPERLINK(\"http://example.invalid\")");
  bl_activity_set_location (activity, "+86 会议室");
  bl_activity_set_host (activity, "@王建国");
  bl_activity_set_content (activity, "-1, \"引号\"\n第二行");
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));

  text = bl_csv_export_activities (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, BOM "类型,日期,开始时间,结束时间,主题,"));
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://example.invalid\"\")\","));
  g_assert_nonnull (strstr (text, ",\"'+86 会议室\","));
  g_assert_nonnull (strstr (text, ",\"'@王建国\","));
  g_assert_nonnull (strstr (text, ",\"'-1, \"\"引号\"\"\n第二行\","));
  g_assert_cmpuint (count_lines (text), ==, 3);
}

/* export → import into a new ledger → export gives identical files. */
static void
test_round_trip (void)
{
  g_autoptr(BlStore) store = store_with_members ();
  g_autoptr(BlStore) copy = bl_test_store_new ();
  g_autofree char *activities = bl_test_write_file ("activities.csv", activities_zh);
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *dir2 = bl_test_make_dir ();
  g_autofree char *members_path = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *activities_path = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *members1 = NULL, *members2 = NULL, *activities1 = NULL, *activities2 = NULL;
  g_autofree char *members2_path = g_build_filename (dir2, "members.csv", NULL);
  g_autofree char *activities2_path = g_build_filename (dir2, "activities.csv", NULL);
  g_autoptr(BlActivity) odd = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_csv_import_activities (store, activities, NULL, &error));
  g_assert_no_error (error);
  bl_activity_set_kind (odd, BL_KIND_OTHER);
  bl_activity_set_date (odd, "2025-06-01");
  bl_activity_set_topic (odd, "=1+1, \"公式\"");
  bl_activity_set_content (odd, "多行\r\n内容 ");
  g_assert_true (bl_store_save_activity (store, odd, NULL, &error));

  g_assert_true (bl_csv_export_dir (store, dir, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_import_members (copy, members_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_import_activities (copy, activities_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_export_dir (copy, dir2, &error));
  g_assert_no_error (error);

  g_file_get_contents (members_path, &members1, NULL, NULL);
  g_file_get_contents (members2_path, &members2, NULL, NULL);
  g_file_get_contents (activities_path, &activities1, NULL, NULL);
  g_file_get_contents (activities2_path, &activities2, NULL, NULL);
  g_assert_cmpstr (members1, ==, members2);
  g_assert_cmpstr (activities1, ==, activities2);
  g_assert_true (g_str_has_prefix (members1, BOM "姓名,党小组,党员类别,职务,入党日期,电话,状态"));
}

/* Issue 12: Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK. */
static void
test_gbk_import (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *utf8 = bl_test_write_file ("utf8.csv", "姓名,党小组,职务\r\n王建国,第一党小组,书记\r\n李秀英,第一党小组,\r\n");
  g_autofree char *gbk = g_strconcat (utf8, ".gbk", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) wang = NULL;
  const char *argv[] = { "iconv", "-f", "UTF-8", "-t", "GBK", "-o", gbk, utf8, NULL };
  BlCsvReport report;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_members (store, gbk, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpstr (report.encoding_note, ==, "read as GBK");
  bl_csv_report_clear (&report);
  wang = bl_store_find_active_member (store, "王建国");
  g_assert_nonnull (wang);
  g_assert_cmpstr (bl_member_get_group (wang), ==, "第一党小组");

  /* UTF-8 says nothing about its encoding. */
  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_members (store, utf8, &report, &error));
  g_assert_null (report.encoding_note);
  g_assert_cmpuint (report.updated, ==, 2);
  bl_csv_report_clear (&report);
}

/* Issue 15, item 11: lines of bare commas at the end of a sheet. */
static void
test_blank_rows_import (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("members.csv", "姓名,党小组,职务\r\n王建国,第一党小组,书记\r\n,,\r\n"
                                                             "李秀英,第一党小组,\r\n,,\r\n,,\r\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_csv_import_members (store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 2);
}

/* Issue 15, item 16: one line per problem, values shortened, escapes escaped. */
static void
test_messages_one_line (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *huge = g_strnfill (1024 * 1024, '7');
  g_autofree char *text = g_strdup_printf ("姓名,入党日期,党员类别\n"
                                           "张三,%s,\n"
                                           "李四,\"2001-01-01\n第二行\",\n"
                                           "王五,,\x1b]0;pwned\x07\x1b[2J\n", huge);
  g_autofree char *path = bl_test_write_file ("members.csv", text);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_false (bl_csv_import_members (store, path, NULL, &error));
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u: ", path, i == 2 ? 5 : i + 2);

      g_assert_true (g_str_has_prefix (lines[i], where));
      g_assert_cmpuint (strlen (lines[i]), <, strlen (path) + 200);
      g_assert_null (strchr (lines[i], '\x1b'));
      g_assert_null (strchr (lines[i], '\x07'));
    }
  g_assert_nonnull (strstr (lines[0], "…”"));
  g_assert_nonnull (strstr (lines[1], "“2001-01-01\\n第二行”"));
  g_assert_nonnull (strstr (lines[2], "\\x1B]0;pwned\\x07\\x1B[2J"));
}

/* Exports @store, imports that into a new ledger and exports it again:
 * both exports are the same, byte for byte. Returns the new ledger. */
static BlStore *
assert_round_trip (BlStore *store)
{
  BlStore *copy = bl_test_store_new ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *dir2 = bl_test_make_dir ();
  g_autofree char *members_path = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *activities_path = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *members1 = NULL, *members2 = NULL, *activities1 = NULL, *activities2 = NULL;
  g_autoptr(GError) error = NULL;

  bl_store_set_clock (copy, bl_store_get_clock (store));
  g_assert_true (bl_csv_export_dir (store, dir, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_import_members (copy, members_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_import_activities (copy, activities_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_export_dir (copy, dir2, &error));
  g_assert_no_error (error);

  members1 = bl_csv_export_members (store, &error);
  members2 = bl_csv_export_members (copy, &error);
  activities1 = bl_csv_export_activities (store, &error);
  activities2 = bl_csv_export_activities (copy, &error);
  g_test_message ("%s%s", members1, activities1);
  g_assert_cmpstr (members1, ==, members2);
  g_assert_cmpstr (activities1, ==, activities2);
  return copy;
}

static BlActivity *
save_meeting (BlStore    *store,
              const char *date,
              const char *topic,
              const char *group,
              GListStore *attendance)
{
  BlActivity *activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, group != NULL ? BL_KIND_GROUP_MEETING : BL_KIND_GENERAL_MEETING);
  bl_activity_set_group (activity, group);
  bl_activity_set_date (activity, date);
  bl_activity_set_topic (activity, topic);
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  return activity;
}

/* The attendance of @activity as "name:state:reason;…", in the stored order. */
static char *
attendance_text (BlStore    *store,
                 BlActivity *activity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) attendance = bl_store_load_attendance (store, bl_activity_get_id (activity), &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, i);

      g_string_append_printf (out, "%s:%d:%s;", bl_attendee_get_member_name (a), bl_attendee_get_state (a),
                              bl_attendee_get_reason (a));
    }
  return g_string_free (out, FALSE);
}

/* Issue 15, item 1: a cell that is exactly a member's name is that member;
 * a reason is split off only when what remains is a member's name. */
static void
test_names_with_parentheses (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("activities.csv",
    "类型,日期,主题,缺席\n"
    "支部党员大会,2025-03-01,只写姓名,张伟（大）\n"
    "支部党员大会,2025-03-02,姓名加原因,张伟（大）（病假）、张伟(公出)\n"
    "支部党员大会,2025-03-03,原因像名字,张伟（小）\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *first = NULL, *second = NULL;
  g_auto(GStrv) lines = NULL;

  bl_test_add_member (store, "张伟", "", BL_MEMBER_ROLE_NONE);
  bl_test_add_member (store, "张伟（大）", "", BL_MEMBER_ROLE_NONE);

  /* "张伟（小）" is no member's name: it is 张伟 with the reason "小". */
  g_assert_true (bl_csv_import_activities (store, path, NULL, &error));
  g_assert_no_error (error);
  all = bl_store_list_activities_between (store, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, 3);
  first = attendance_text (store, g_ptr_array_index (all, 0));
  second = attendance_text (store, g_ptr_array_index (all, 1));
  g_assert_cmpstr (first, ==, "张伟:0:;张伟（大）:2:;");
  g_assert_cmpstr (second, ==, "张伟:1:公出;张伟（大）:1:病假;");

  /* A name two members of the branch had that day reads two ways. */
  {
    g_autoptr(BlStore) twins = bl_test_store_new ();
    g_autoptr(BlMember) old = bl_member_new ("李明");
    g_autofree char *ambiguous = bl_test_write_file ("twins.csv",
      "类型,日期,主题,出席\n"
      "支部党员大会,2025-07-01,之后,李明\n"
      "支部党员大会,2025-03-01,之前,李明\n");

    bl_member_set_status (old, BL_MEMBER_STATUS_TRANSFERRED);
    bl_member_set_transferred_on (old, "2025-06-01");
    g_assert_true (bl_store_save_member (twins, old, &error));
    bl_test_add_member (twins, "李明", "", BL_MEMBER_ROLE_NONE);
    g_assert_false (bl_csv_import_activities (twins, ambiguous, NULL, &error));
    g_test_message ("%s", error->message);
    lines = g_strsplit (error->message, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_nonnull (strstr (lines[0], ":3: "));
    g_assert_nonnull (strstr (lines[0], "李明"));
    g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (twins)), ==, 0);
  }
}

/* Issue 15, item 8: names with 、 , ; ， ； in them, and a party group
 * nobody belongs to any more, come back from the app's own export. */
static void
test_names_with_separators (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) copy = NULL;
  g_autoptr(GListStore) both = bl_attendance_new ();
  g_autoptr(GListStore) one = bl_attendance_new ();
  g_autoptr(GListStore) group = bl_attendance_new ();
  g_autoptr(BlActivity) a = NULL, b = NULL, c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  gint64 zhang = bl_test_add_member (store, "张", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 wei = bl_test_add_member (store, "伟", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 zhang_wei = bl_test_add_member (store, "张、伟", "第一党小组", BL_MEMBER_ROLE_NONE);
  gint64 ouyang = bl_test_add_member (store, "欧阳,明；Jr.", "第一党小组", BL_MEMBER_ROLE_NONE);
  g_autoptr(BlMember) mover = bl_member_new ("陈；刚");

  /* 陈；刚 leaves the fourth group for the first: it keeps a meeting, no members. */
  bl_member_set_group (mover, "第四党小组");
  g_assert_true (bl_store_save_member (store, mover, &error));
  bl_attendance_add (group, bl_member_get_id (mover), "陈；刚", BL_ATTENDANCE_PRESENT, "");
  c = save_meeting (store, "2025-02-01", "第四小组会", "第四党小组", group);
  bl_member_set_group (mover, "第一党小组");
  g_assert_true (bl_store_save_member (store, mover, &error));

  bl_attendance_add (both, zhang, "张", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (both, wei, "伟", BL_ATTENDANCE_LEAVE, "病假，住院");
  bl_attendance_add (both, zhang_wei, "张、伟", BL_ATTENDANCE_ABSENT, "");
  bl_attendance_add (both, ouyang, "欧阳,明；Jr.", BL_ATTENDANCE_PRESENT, "");
  a = save_meeting (store, "2025-03-01", "四人都在名单上", NULL, both);
  bl_attendance_add (one, zhang, "张", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (one, wei, "伟", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (one, zhang_wei, "张、伟", BL_ATTENDANCE_PRESENT, "");
  b = save_meeting (store, "2025-03-02", "三人出席", NULL, one);

  copy = assert_round_trip (store);
  copied = bl_store_list_activities_between (copy, NULL, NULL, &error);
  g_assert_cmpuint (copied->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BlActivity *original = i == 0 ? c : i == 1 ? a : b;
      g_autofree char *before = attendance_text (store, original);
      g_autofree char *after = attendance_text (copy, g_ptr_array_index (copied, i));

      g_assert_cmpstr (before, ==, after);
    }
  g_assert_cmpstr (bl_activity_get_group (g_ptr_array_index (copied, 0)), ==, "第四党小组");
}

/* Issue 15, item 5: importing members again adds no transferred member twice. */
static void
test_transferred_reimport (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("members.csv",
    "姓名,党小组,状态,转出日期\n"
    "王建国,第一党小组,在册,\n"
    "陈刚,第三党小组,转出,2024-05-01\n"
    "陈刚,第三党小组,转出,2020-01-01\n"
    "陈刚,第二党小组,在册,\n");
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *own = g_build_filename (dir, "members.csv", NULL);
  g_autoptr(GError) error = NULL;
  BlCsvReport report;

  for (guint run = 0; run < 3; run++)
    {
      bl_csv_report_init (&report);
      g_assert_true (bl_csv_import_members (store, path, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report.added, ==, run == 0 ? 4 : 0);
      g_assert_cmpuint (report.updated, ==, run == 0 ? 0 : 4);
      bl_csv_report_clear (&report);
      g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 4);
    }

  /* The app's own members.csv, imported back into the same ledger. */
  g_assert_true (bl_csv_export_dir (store, dir, &error));
  g_assert_true (bl_csv_import_members (store, own, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_members (store)), ==, 4);
}

/* Issue 15, item 6: members added after meetings they were not at, though
 * they joined the Party long before, come back absent from none of them. */
static void
test_late_members_round_trip (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) copy = NULL;
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GListStore) later = bl_attendance_new ();
  g_autoptr(BlActivity) first = NULL, second = NULL, planned = NULL;
  g_autoptr(BlMember) late = bl_member_new ("后来者");
  g_autoptr(GError) error = NULL;
  gint64 wang = bl_test_add_member (store, "王建国", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  gint64 li = bl_test_add_member (store, "李秀英", "第一党小组", BL_MEMBER_ROLE_NONE);

  bl_attendance_add (attendance, wang, "王建国", BL_ATTENDANCE_PRESENT, "");
  bl_attendance_add (attendance, li, "李秀英", BL_ATTENDANCE_LEAVE, "");
  first = save_meeting (store, "2024-03-01", "早先的会", NULL, attendance);
  bl_attendance_add (later, wang, "王建国", BL_ATTENDANCE_ABSENT, "");
  second = save_meeting (store, "2024-04-01", "只有书记缺席", NULL, later);

  bl_member_set_joined (late, "1990-07-01");
  bl_member_set_group (late, "第一党小组");
  g_assert_true (bl_store_save_member (store, late, &error));
  planned = bl_activity_new ();
  bl_activity_set_kind (planned, BL_KIND_OTHER);
  bl_activity_set_date (planned, "2024-05-01");
  bl_activity_set_topic (planned, "未记考勤");
  g_assert_true (bl_store_save_activity (store, planned, NULL, &error));

  copy = assert_round_trip (store);
}

/* Issue 15, item 22: minutes starting with a blank, a tab, a line break or
 * an apostrophe are guarded like formulas; the import takes off only the
 * apostrophe the export put there. */
static void
test_apostrophe_guard (void)
{
  static const char * const minutes[] = {
    "\t缩进的记录", "\n换行开头", "\r回车开头", " 空格开头", "'-5", "'自己的撇号", "-1", "=SUM(A1)", NULL,
  };
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) copy = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; minutes[i] != NULL; i++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autofree char *topic = g_strdup_printf ("记录 %u", i);

      bl_activity_set_kind (activity, BL_KIND_OTHER);
      bl_activity_set_date (activity, "2025-05-01");
      bl_activity_set_topic (activity, topic);
      bl_activity_set_content (activity, minutes[i]);
      bl_activity_set_resolutions (activity, minutes[i]);
      g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
    }
  text = bl_csv_export_activities (store, &error);
  g_assert_nonnull (strstr (text, ",\"'\t缩进的记录\","));
  g_assert_nonnull (strstr (text, ",\"' 空格开头\","));
  g_assert_nonnull (strstr (text, ",\"''-5\","));

  copy = assert_round_trip (store);
  copied = bl_store_list_activities_between (copy, NULL, NULL, &error);
  for (guint i = 0; i < copied->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (copied, i);
      guint n = (guint) g_ascii_strtoull (bl_activity_get_topic (activity) + strlen ("记录 "), NULL, 10);

      g_assert_cmpstr (bl_activity_get_content (activity), ==, minutes[n]);
      g_assert_cmpstr (bl_activity_get_resolutions (activity), ==, minutes[n]);
    }
}

/* Issue 12: a title row and a blank row above the header are passed over. */
static void
test_header_below_title (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("members.csv",
    "星湖科技园区第一党支部党员名册,,\n"
    ",,\n"
    "姓名,党小组,入党日期\n"
    "王建国,第一党小组,1998-07-01 00:00\n"
    "李秀英,第一党小组,党员\n");
  g_autoptr(GError) error = NULL;

  g_assert_false (bl_csv_import_members (store, path, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ":5: "));
  g_assert_null (strchr (error->message, '\n'));
}

/* A member transferred out without a known day keeps no day: expected at
 * no meeting, and exported with the day empty; the destination (转往)
 * goes in and out with them. */
static void
test_transfer_without_date (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *path = bl_test_write_file ("members.csv",
                                              BOM "姓名,党小组,状态,转出日期,转往\r\n"
                                              "王建国,第一党小组,在册,,\r\n"
                                              "陈刚,第一党小组,转出,,\r\n"
                                              "林志强,第一党小组,转出,2025-03-01,市交通局机关党支部\r\n");
  g_autofree char *bad = bl_test_write_file ("bad.csv",
                                             "姓名,状态,转往\n"
                                             "赵敏,在册,区委组织部\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autofree char *text = NULL;
  GListModel *members;

  g_assert_true (bl_csv_import_members (store, path, NULL, &error));
  g_assert_no_error (error);
  members = bl_store_get_members (store);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (g_str_equal (bl_member_get_name (member), "陈刚"))
        {
          g_assert_cmpint (bl_member_get_status (member), ==, BL_MEMBER_STATUS_TRANSFERRED);
          g_assert_null (bl_member_get_transferred_on (member));
        }
      else if (g_str_equal (bl_member_get_name (member), "林志强"))
        g_assert_cmpstr (bl_member_get_transferred_to (member), ==, "市交通局机关党支部");
    }
  /* Expected at no meeting, however early. */
  expected = bl_store_expected_members (store, BL_KIND_GENERAL_MEETING, NULL, "2001-01-01");
  g_assert_cmpuint (expected->len, ==, 2);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (bl_member_get_name (g_ptr_array_index (expected, i)), !=, "陈刚");

  text = bl_csv_export_members (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, BOM "姓名,党小组,党员类别,职务,入党日期,电话,状态,转出日期,转往\r\n"));
  g_assert_nonnull (strstr (text, "\r\n陈刚,第一党小组,正式党员,,,,转出,,\r\n"));
  g_assert_nonnull (strstr (text, "\r\n林志强,第一党小组,正式党员,,,,转出,2025-03-01,市交通局机关党支部\r\n"));

  /* A destination for a member who did not leave is a mistake in the file. */
  g_assert_false (bl_csv_import_members (store, bad, NULL, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ":2: "));
  g_assert_null (bl_store_find_active_member (store, "赵敏"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse", test_parse);
  g_test_add_func ("/csv/members-chinese", test_members_chinese);
  g_test_add_func ("/csv/members-english-update", test_members_english_update);
  g_test_add_func ("/csv/members-errors", test_members_errors);
  g_test_add_func ("/csv/header-errors", test_header_errors);
  g_test_add_func ("/csv/activities-import", test_activities_import);
  g_test_add_func ("/csv/activities-errors", test_activities_errors);
  g_test_add_func ("/csv/export-quoting", test_export_quoting);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/gbk-import", test_gbk_import);
  g_test_add_func ("/csv/blank-rows-import", test_blank_rows_import);
  g_test_add_func ("/csv/messages-one-line", test_messages_one_line);
  g_test_add_func ("/csv/names-with-parentheses", test_names_with_parentheses);
  g_test_add_func ("/csv/names-with-separators", test_names_with_separators);
  g_test_add_func ("/csv/transferred-reimport", test_transferred_reimport);
  g_test_add_func ("/csv/late-members-round-trip", test_late_members_round_trip);
  g_test_add_func ("/csv/apostrophe-guard", test_apostrophe_guard);
  g_test_add_func ("/csv/header-below-title", test_header_below_title);
  g_test_add_func ("/csv/transfer-without-date", test_transfer_without_date);

  return g_test_run ();
}
