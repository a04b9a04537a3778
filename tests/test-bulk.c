/* test-bulk.c: imports and exports of many rows (issue 10): the duplicates
 * told in one line, members found by name among hundreds, attendance rows
 * written many to a statement, the export's walk over every activity and
 * its file written in pieces */
#include "config.h"

#include <string.h>

#include "bl-csv-activities.h"
#include "bl-csv-export.h"
#include "bl-csv-members.h"
#include "bl-test-common.h"

#define BOM "\xef\xbb\xbf"
#define N_MEMBERS 300

static const char * const surnames[] = { "赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫", "蒋",
                                         "沈", "韩", "杨" };
static const char * const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
                                      "娟", "涛", "明", "超", "秀", "霞", "平" };

/* Member @i of the ledger: 赵伟, 赵芳 … in three party groups. */
static char *
member_name (guint i)
{
  return g_strconcat (surnames[i / G_N_ELEMENTS (given)], given[i % G_N_ELEMENTS (given)], NULL);
}

/* A ledger of N_MEMBERS members imported from a file, and 张伟, who left
 * on 2025-06-30, and another 张伟, who joined on 2025-07-01. */
static BlStore *
large_ledger (gint64 *old_zhang,
              gint64 *new_zhang)
{
  BlStore *store = bl_test_store_new ();
  g_autoptr(GString) csv = g_string_new (BOM "姓名,党小组,入党日期\r\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = NULL;
  static const char * const groups[] = { "第一党小组", "第二党小组", "第三党小组" };

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *name = member_name (i);

      g_string_append_printf (csv, "%s,%s,2001-07-01\r\n", name, groups[i % 3]);
    }
  path = bl_test_write_file ("members.csv", csv->str);
  g_assert_true (bl_csv_import_members (store, path, NULL, &error));
  g_assert_no_error (error);

  *old_zhang = bl_test_add_member (store, "张伟", "第一党小组", BL_MEMBER_ROLE_NONE);
  g_assert_true (bl_store_transfer_member (store, *old_zhang, "2025-06-30", &error));
  g_assert_no_error (error);
  member = bl_member_new ("张伟");
  bl_member_set_group (member, "第二党小组");
  bl_member_set_joined (member, "2025-07-01");
  g_assert_true (bl_store_save_member (store, member, &error));
  g_assert_no_error (error);
  *new_zhang = bl_member_get_id (member);
  return store;
}

static BlActivity *
find_activity (BlStore    *store,
               const char *date)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = bl_store_list_activities_between (store, date, date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  return g_object_ref (g_ptr_array_index (all, 0));
}

/* The attendance of @activity as "name:state:reason" by member id. */
static GHashTable *
attendance_of (BlStore    *store,
               BlActivity *activity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = bl_store_load_attendance (store, bl_activity_get_id (activity), &error);
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BlAttendee) a = g_list_model_get_item (list, i);
      gint64 id = bl_attendee_get_member_id (a);

      g_assert_false (g_hash_table_contains (by_id, &id));
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id),
                           g_strdup_printf ("%s:%d:%s", bl_attendee_get_member_name (a), bl_attendee_get_state (a),
                                            bl_attendee_get_reason (a)));
    }
  return by_id;
}

static gint64
id_of (BlStore    *store,
       const char *name)
{
  BlMember *member = bl_store_find_active_member (store, name);

  g_assert_nonnull (member);
  return bl_member_get_id (member);
}

static void
assert_mark (GHashTable *attendance,
             gint64      id,
             const char *expected)
{
  g_assert_cmpstr (g_hash_table_lookup (attendance, &id), ==, expected);
}

/* 1,012 duplicates: one note, the first ten lines, then how many more
 * (with the thousands separated); eleven: "and 1 more"; ten: no "more";
 * one: the sentence of its own. */
static void
test_duplicates_note (void)
{
  static const guint counts[] = { 1012, 11, 10, 1 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(BlStore) store = bl_test_store_new ();
      g_autoptr(GString) csv = g_string_new ("类型,日期,主题\r\n");
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;
      BlCsvReport report;
      const char *note;

      for (guint i = 0; i < counts[c]; i++)
        g_string_append_printf (csv, "主题党日,2025-%02u-%02u,第%u次学习\r\n", 1 + i % 12, 1 + i % 28, i);
      path = bl_test_write_file ("activities.csv", csv->str);
      bl_csv_report_init (&report);
      g_assert_true (bl_csv_import_activities (store, path, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report.added, ==, counts[c]);
      g_assert_cmpuint (report.notes->len, ==, 0);
      bl_csv_report_clear (&report);

      bl_csv_report_init (&report);
      g_assert_true (bl_csv_import_activities (store, path, &report, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report.added, ==, 0);
      g_assert_cmpuint (report.skipped, ==, counts[c]);
      g_assert_cmpuint (report.notes->len, ==, 1);
      note = g_ptr_array_index (report.notes, 0);
      switch (counts[c])
        {
        case 1012:
          expected = g_strdup_printf ("%s:2: 1,012 activities already in the ledger (same kind, date, start and "
                                      "topic) were skipped: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 1,002 more",
                                      path);
          break;
        case 11:
          expected = g_strdup_printf ("%s:2: 11 activities already in the ledger (same kind, date, start and "
                                      "topic) were skipped: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 1 more", path);
          break;
        case 10:
          expected = g_strdup_printf ("%s:2: 10 activities already in the ledger (same kind, date, start and "
                                      "topic) were skipped: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11", path);
          break;
        default:
          expected = g_strdup_printf ("%s:2: the same activity (kind, date, start and topic) is already in the "
                                      "ledger; skipped", path);
        }
      g_assert_cmpstr (note, ==, expected);
      bl_csv_report_clear (&report);
    }
}

/* The program as of 2026-06-01, its messages in @language. */
static int
run (const char *language,
     char      **out,
     char      **err,
     ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = bl_test_run_as_of_valist ("2026-06-01", language, out, err, args);
  va_end (args);
  return status;
}

/* The same note from the program, in Chinese: on standard error, once. */
static void
test_duplicates_note_chinese (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GString) csv = g_string_new ("类型,日期,主题\r\n");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  for (guint i = 0; i < 1012; i++)
    g_string_append_printf (csv, "主题党日,2025-%02u-%02u,第%u次学习\r\n", 1 + i % 12, 1 + i % 28, i);
  path = bl_test_write_file ("activities.csv", csv->str);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--import-activities", path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--import-activities", path, NULL), ==, 0);
  /* "第 2, …, 11 行及另外 1,002 行": the lines named, then how many more. */
  expected = g_strdup_printf ("%s:2：1,012 条活动台账中已有（类型、日期、开始时间和主题相同），已跳过：第 "
                              "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 行及另外 1,002 行\n", path);
  g_assert_cmpstr (err, ==, expected);
}

/* 出席 and 缺席 naming people among N_MEMBERS + 2: each found by name, a
 * reason after a name read as leave, 张伟 the one who belonged that day;
 * with 应到 empty the others expected are absent; with 应到 counting the
 * lists they are the attendance as listed, every row's state and reason
 * written as it was, however they change from one row to the next. */
static void
test_members_by_name (void)
{
  gint64 old_zhang, new_zhang;
  g_autoptr(BlStore) store = large_ledger (&old_zhang, &new_zhang);
  g_autoptr(GString) csv = g_string_new (BOM "类型,日期,开始时间,主题,出席,缺席,应到\r\n");
  g_autoptr(GString) present = g_string_new (NULL);
  g_autoptr(GString) absent = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) march = NULL;
  g_autoptr(BlActivity) september = NULL;
  g_autoptr(GHashTable) marks = NULL;
  BlCsvReport report;

  /* March: 150 present and 张伟 (the one who left in June), ten on the
   * absent list (病假 in full-width parentheses, 事假 in ASCII ones, or no
   * reason), the other 140 expected absent. */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *name = member_name (i);

      g_string_append_printf (present, "%s、", name);
    }
  g_string_append (present, "张伟");
  for (guint i = 150; i < 160; i++)
    {
      g_autofree char *name = member_name (i);

      g_string_append_printf (absent, "%s%s%s", i > 150 ? "，" : "", name,
                              i % 3 == 0 ? "（病假）" : i % 3 == 1 ? "(事假)" : "");
    }
  g_string_append_printf (csv, "支部党员大会,2025-03-10,9:00,三月党员大会,%s,%s,\r\n", present->str, absent->str);

  /* September: everyone listed, 应到 counting them: present, 病假, 事假 or
   * absent in turn, so that a row's state and reason differ from those of
   * the row 50 before it (each statement writes 50). */
  g_string_truncate (present, 0);
  g_string_truncate (absent, 0);
  g_string_append (present, "张伟");
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *name = member_name (i);

      if (i % 4 == 0)
        g_string_append_printf (present, "、%s", name);
      else
        g_string_append_printf (absent, "%s%s%s", absent->len > 0 ? "、" : "", name,
                                i % 4 == 1 ? "(病假)" : i % 4 == 2 ? "(事假)" : "");
    }
  g_string_append_printf (csv, "主题党日,2025-09-10,14:30,九月主题党日,%s,%s,%u\r\n", present->str, absent->str,
                          N_MEMBERS + 1);
  path = bl_test_write_file ("activities.csv", csv->str);

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_activities (store, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);
  bl_csv_report_clear (&report);

  march = find_activity (store, "2025-03-10");
  g_assert_cmpstr (bl_activity_get_start_time (march), ==, "09:00");
  /* Everyone on the books that day: the 300 and the first 张伟. */
  g_assert_cmpuint (bl_activity_get_expected_count (march), ==, N_MEMBERS + 1);
  g_assert_cmpuint (bl_activity_get_present_count (march), ==, 151);
  marks = attendance_of (store, march);
  g_assert_cmpuint (g_hash_table_size (marks), ==, N_MEMBERS + 1);
  assert_mark (marks, old_zhang, "张伟:0:");
  g_assert_false (g_hash_table_contains (marks, &new_zhang));
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *name = member_name (i);
      g_autofree char *expected = NULL;

      if (i < 150)
        expected = g_strdup_printf ("%s:%d:", name, BL_ATTENDANCE_PRESENT);
      else if (i < 160 && i % 3 != 2)
        expected = g_strdup_printf ("%s:%d:%s", name, BL_ATTENDANCE_LEAVE, i % 3 == 0 ? "病假" : "事假");
      else
        expected = g_strdup_printf ("%s:%d:", name, BL_ATTENDANCE_ABSENT);
      assert_mark (marks, id_of (store, name), expected);
    }
  g_clear_pointer (&marks, g_hash_table_unref);

  september = find_activity (store, "2025-09-10");
  g_assert_cmpuint (bl_activity_get_expected_count (september), ==, N_MEMBERS + 1);
  g_assert_cmpuint (bl_activity_get_present_count (september), ==, N_MEMBERS / 4 + 1);
  marks = attendance_of (store, september);
  g_assert_cmpuint (g_hash_table_size (marks), ==, N_MEMBERS + 1);
  /* The 张伟 of that day: the one who joined in July. */
  assert_mark (marks, new_zhang, "张伟:0:");
  g_assert_false (g_hash_table_contains (marks, &old_zhang));
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autofree char *name = member_name (i);
      g_autofree char *expected = NULL;

      if (i % 4 == 0)
        expected = g_strdup_printf ("%s:%d:", name, BL_ATTENDANCE_PRESENT);
      else if (i % 4 == 3)
        expected = g_strdup_printf ("%s:%d:", name, BL_ATTENDANCE_ABSENT);
      else
        expected = g_strdup_printf ("%s:%d:%s", name, BL_ATTENDANCE_LEAVE, i % 4 == 1 ? "病假" : "事假");
      assert_mark (marks, id_of (store, name), expected);
    }
}

/* Among hundreds, a name listed twice and a name two members held that day
 * are still the file's mistakes: said at their cells, nothing imported. */
static void
test_members_by_name_mistakes (void)
{
  gint64 old_zhang, new_zhang;
  g_autoptr(BlStore) store = large_ledger (&old_zhang, &new_zhang);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(BlMember) twin = bl_member_new ("张伟");
  BlCsvReport report;

  /* A third 张伟, on the books all along: in March two of them were. */
  g_assert_true (bl_store_transfer_member (store, new_zhang, "2025-12-31", &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_save_member (store, twin, &error));
  g_assert_no_error (error);
  path = bl_test_write_file ("activities.csv",
                             "类型,日期,主题,出席,缺席\r\n"
                             "主题党日,2025-02-10,二月主题党日,赵伟、钱芳,赵伟\r\n"
                             "主题党日,2025-03-10,三月主题党日,赵芳、张伟,\r\n");
  bl_csv_report_init (&report);
  g_assert_false (bl_csv_import_activities (store, path, &report, &error));
  g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ":2:"));
  g_assert_nonnull (strstr (error->message, "“赵伟” is listed twice"));
  g_assert_nonnull (strstr (error->message, ":3:"));
  g_assert_nonnull (strstr (error->message, "“张伟” could be any of 2 members of that name who belonged to the "
                                            "branch on 2025-03-10"));
  bl_csv_report_clear (&report);
  g_clear_error (&error);
  all = bl_store_list_activities_between (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

#define N_RECORDS 200

/* A ledger with many records: N_RECORDS listing 300 members each, or a
 * party group's 100 for a group meeting, with leaves, reasons, tags and
 * minutes of lines, commas and quotes (the export is several times the
 * piece its writer writes at once). */
static BlStore *
ledger_with_records (void)
{
  gint64 old_zhang, new_zhang;
  BlStore *store = large_ledger (&old_zhang, &new_zhang);
  g_autoptr(GString) csv = g_string_new ("类型,日期,开始时间,主题,党小组,出席,缺席,应到,标签,内容\r\n");
  g_autoptr(GString) minutes = g_string_new ("\"");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (minutes, "学习“两个确立”，讨论\"\"发言\"\"记录。\n");
  g_string_append_c (minutes, '"');
  for (guint a = 0; a < N_RECORDS; a++)
    {
      g_autoptr(GString) present = g_string_new (NULL);
      g_autoptr(GString) absent = g_string_new (NULL);
      gboolean group = a % 5 == 4;
      guint listed = 0;

      for (guint i = 0; i < N_MEMBERS; i++)
        {
          g_autofree char *name = member_name (i);

          if (group && i % 3 != 0)
            continue;
          listed++;
          if ((i + a) % 7 == 0)
            g_string_append_printf (absent, "%s%s%s", absent->len > 0 ? "、" : "", name, a % 2 ? "(病假)" : "");
          else
            g_string_append_printf (present, "%s%s", present->len > 0 ? "、" : "", name);
        }
      g_string_append_printf (csv, "%s,2024-%02u-%02u,%s,第%u次,%s,%s,%s,%u,%s,%s\r\n",
                              group ? "党小组会" : "主题党日", 1 + a % 12, 1 + a / 12, a % 3 ? "09:30" : "", a,
                              group ? "第一党小组" : "", present->str, absent->str, listed,
                              a % 2 ? "学习、意识形态" : "", minutes->str);
    }
  path = bl_test_write_file ("activities.csv", csv->str);
  g_assert_true (bl_csv_import_activities (store, path, NULL, &error));
  g_assert_no_error (error);
  return store;
}

typedef struct {
  GPtrArray *activities;   /* BlActivity, as given */
  GPtrArray *marks;        /* a "member:name:group:state:reason" string per activity */
  guint      stop_after;   /* 0: never */
} Walked;

static char *
describe_marks (const BlAttendanceMark *marks,
                guint                   n_marks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_marks; i++)
    g_string_append_printf (out, "%" G_GINT64_FORMAT ":%s:%s:%d:%s\n", marks[i].member_id, marks[i].member_name,
                            marks[i].group, marks[i].state, marks[i].reason);
  return g_string_free (out, FALSE);
}

static gboolean
walked_cb (BlActivity              *activity,
           const BlAttendanceMark  *marks,
           guint                    n_marks,
           gpointer                 user_data,
           GError                 **error)
{
  Walked *walked = user_data;

  g_ptr_array_add (walked->activities, g_object_ref (activity));
  g_ptr_array_add (walked->marks, describe_marks (marks, n_marks));
  if (walked->stop_after > 0 && walked->activities->len == walked->stop_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  return TRUE;
}

/* The walk gives what the list and the range's table give: the same
 * activities in the same order with the same counts, each one's
 * attendance in the members' order with names, groups and reasons. */
static void
test_foreach_activity (void)
{
  g_autoptr(BlStore) store = ledger_with_records ();
  static const char * const ranges[][2] = { { NULL, NULL }, { "2024-03-01", "2024-05-31" }, { "2030-01-01", NULL } };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      const char *from = ranges[r][0], *to = ranges[r][1];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) listed = bl_store_list_activities_between (store, from, to, &error);
      g_autoptr(BlAttendanceTable) table = bl_store_load_attendance_between (store, from, to, &error);
      Walked walked = { g_ptr_array_new_with_free_func (g_object_unref), g_ptr_array_new_with_free_func (g_free), 0 };

      g_assert_no_error (error);
      g_assert_true (bl_store_foreach_activity (store, from, to, walked_cb, &walked, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (walked.activities->len, ==, listed->len);
      if (r == 1)
        g_assert_cmpuint (listed->len, >, 0);
      else
        g_assert_cmpuint (listed->len, ==, r == 0 ? N_RECORDS : 0);
      for (guint i = 0; i < listed->len; i++)
        {
          BlActivity *a = g_ptr_array_index (listed, i);
          BlActivity *b = g_ptr_array_index (walked.activities, i);
          guint n_marks;
          const BlAttendanceMark *marks = bl_attendance_table_lookup (table, bl_activity_get_id (a), &n_marks);
          g_autofree char *expected = describe_marks (marks, n_marks);

          g_assert_cmpint (bl_activity_get_id (a), ==, bl_activity_get_id (b));
          g_assert_cmpstr (bl_activity_get_topic (a), ==, bl_activity_get_topic (b));
          g_assert_cmpstr (bl_activity_get_group (a), ==, bl_activity_get_group (b));
          g_assert_true (g_strv_equal (bl_activity_get_tags (a), bl_activity_get_tags (b)));
          g_assert_cmpuint (bl_activity_get_expected_count (a), ==, bl_activity_get_expected_count (b));
          g_assert_cmpuint (bl_activity_get_present_count (a), ==, bl_activity_get_present_count (b));
          g_assert_cmpuint (bl_activity_get_attachment_count (a), ==, bl_activity_get_attachment_count (b));
          g_assert_cmpuint (n_marks, >, 0);
          g_assert_cmpstr (g_ptr_array_index (walked.marks, i), ==, expected);
        }
      g_ptr_array_unref (walked.activities);
      g_ptr_array_unref (walked.marks);
    }

  /* A callback that fails stops the walk with its error. */
  {
    g_autoptr(GError) error = NULL;
    Walked walked = { g_ptr_array_new_with_free_func (g_object_unref), g_ptr_array_new_with_free_func (g_free), 3 };

    g_assert_false (bl_store_foreach_activity (store, NULL, NULL, walked_cb, &walked, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (walked.activities->len, ==, 3);
    g_ptr_array_unref (walked.activities);
    g_ptr_array_unref (walked.marks);
  }
}

/* The export written to its file in pieces is the text it makes whole, and
 * imports into a new ledger with the members as it was. */
static void
test_export_in_pieces (void)
{
  g_autoptr(BlStore) store = ledger_with_records ();
  g_autoptr(BlStore) copy = bl_test_store_new ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *members_path = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *activities_path = g_build_filename (dir, "activities.csv", NULL);
  g_autofree char *members = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *written = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (bl_csv_export_dir (store, dir, &error));
  g_assert_no_error (error);
  activities = bl_csv_export_activities (store, &error);
  g_assert_no_error (error);
  members = bl_csv_export_members (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (activities_path, &written, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3 * 256 * 1024);
  g_assert_cmpuint (length, ==, strlen (activities));
  g_assert_cmpstr (written, ==, activities);
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (members_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, members);

  g_assert_true (bl_csv_import_members (copy, members_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_csv_import_activities (copy, activities_path, NULL, &error));
  g_assert_no_error (error);
  copied = bl_csv_export_activities (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copied, ==, activities);
}

/* An import's save that breaks a constraint in a statement of many rows
 * ends the whole transaction there (INSERT OR ROLLBACK: no statement
 * journal is kept for those rows): the import gives up anyway, the store
 * rolls back without a word (warnings are fatal here), nothing of the
 * transaction stays, the attendance index is there again, and the next
 * save is written as usual. */
static void
test_marks_failure_rolls_back (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) before = NULL, first = NULL, broken = NULL, after = NULL;
  g_autoptr(GListModel) kept = NULL;
  BlAttendanceMark marks[60];
  gint64 ids[G_N_ELEMENTS (marks)];

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *name = member_name (i);

      ids[i] = bl_test_add_member (store, name, "第一党小组", BL_MEMBER_ROLE_NONE);
      marks[i] = (BlAttendanceMark) { ids[i], NULL, "", BL_ATTENDANCE_PRESENT, "" };
    }
  before = bl_test_activity_new (BL_KIND_STUDY_SESSION, BL_ACTIVITY_STATUS_HELD, "2025-03-01", "之前");
  g_assert_true (bl_store_save_activity_marks (store, before, marks, G_N_ELEMENTS (marks), &error));
  g_assert_no_error (error);

  g_assert_true (bl_store_begin (store, &error));
  bl_store_set_bulk (store, TRUE);
  g_assert_true (bl_store_defer_attendance_index (store, &error));
  g_assert_no_error (error);
  first = bl_test_activity_new (BL_KIND_STUDY_SESSION, BL_ACTIVITY_STATUS_HELD, "2025-04-01", "一");
  g_assert_true (bl_store_save_activity_marks (store, first, marks, G_N_ELEMENTS (marks), &error));
  g_assert_no_error (error);
  /* The 31st member twice, inside the first statement of fifty rows. */
  marks[31].member_id = ids[30];
  broken = bl_test_activity_new (BL_KIND_STUDY_SESSION, BL_ACTIVITY_STATUS_HELD, "2025-05-01", "二");
  g_assert_false (bl_store_save_activity_marks (store, broken, marks, G_N_ELEMENTS (marks), &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The attendance names a member twice");
  g_clear_error (&error);
  bl_store_rollback (store);
  bl_store_set_bulk (store, FALSE);
  marks[31].member_id = ids[31];

  g_assert_cmpuint (bl_store_count_activities (store), ==, 1);
  kept = bl_store_load_attendance (store, bl_activity_get_id (before), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, G_N_ELEMENTS (marks));
  g_assert_true (bl_store_member_has_attendance (store, ids[59]));

  after = bl_test_activity_new (BL_KIND_STUDY_SESSION, BL_ACTIVITY_STATUS_HELD, "2025-06-01", "之后");
  g_assert_true (bl_store_save_activity_marks (store, after, marks, G_N_ELEMENTS (marks), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bl_store_count_activities (store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bulk/duplicates-note", test_duplicates_note);
  g_test_add_func ("/bulk/duplicates-note-chinese", test_duplicates_note_chinese);
  g_test_add_func ("/bulk/members-by-name", test_members_by_name);
  g_test_add_func ("/bulk/members-by-name-mistakes", test_members_by_name_mistakes);
  g_test_add_func ("/bulk/foreach-activity", test_foreach_activity);
  g_test_add_func ("/bulk/export-in-pieces", test_export_in_pieces);
  g_test_add_func ("/bulk/marks-failure-rolls-back", test_marks_failure_rolls_back);
  return g_test_run ();
}
