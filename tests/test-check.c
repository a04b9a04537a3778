/* test-check.c: the one validation of an activity (field by field, as the
 * store, the editor and the CSV import use it), the normal form the ledger
 * keeps and compares, and tags split and joined one way */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "bl-activity-check.h"
#include "bl-csv-activities.h"
#include "bl-date.h"
#include "bl-text.h"
#include "bl-test-common.h"

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

/* "FIELD:SEVERITY" of each problem, in order, e.g. "date:E end:I". */
static char *
summary (GPtrArray *problems)
{
  static const char * const fields[] = { "kind", "date", "start", "end", "group", "topic", "attendance", "record" };
  static const char severities[] = { 'E', 'I', 'W' };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const BlProblem *problem = g_ptr_array_index (problems, i);

      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
      g_string_append_printf (text, "%s%s:%c", i > 0 ? " " : "", fields[problem->field], severities[problem->severity]);
    }
  return g_string_free (text, FALSE);
}

static void
assert_problems (BlStore    *store,
                 BlActivity *activity,
                 GListModel *attendance,
                 const char *expected)
{
  g_autoptr(GPtrArray) problems = bl_activity_check (store, activity, attendance);
  g_autofree char *got = summary (problems);

  if (!g_str_equal (got, expected))
    g_error ("expected “%s”, got “%s”", expected, got);
}

static void
test_check_fields (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivity) activity = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "红色教育");
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 li = bl_test_add_member (store, "李四", "第一党小组", BL_MEMBER_ROLE_NONE);

  assert_problems (store, activity, NULL, "");

  /* Each field's own problem. */
  bl_activity_set_kind (activity, "no-such-kind");
  bl_activity_set_date (activity, NULL);
  bl_activity_set_start_time (activity, "25:00");
  bl_activity_set_end_time (activity, "1600");
  bl_activity_set_topic (activity, "\u3000 ");
  assert_problems (store, activity, NULL, "kind:E date:E start:E end:E topic:E");

  problems = bl_activity_check (store, activity, NULL);
  g_assert_false (bl_problems_to_error (problems, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  /* The first error is the one a save reports. */
  g_assert_cmpstr (error->message, ==, ((BlProblem *) problems->pdata[0])->message);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  bl_activity_set_kind (activity, BL_KIND_GROUP_MEETING);
  bl_activity_set_date (activity, "2025-02-30");
  bl_activity_set_start_time (activity, "10:00");
  bl_activity_set_end_time (activity, "09:30");
  bl_activity_set_topic (activity, "党小组学习");
  assert_problems (store, activity, NULL, "date:E end:E group:E");
  bl_activity_set_group (activity, "第九党小组");
  assert_problems (store, activity, NULL, "date:E end:E group:E");
  bl_activity_set_group (activity, "第一党小组");
  bl_activity_set_date (activity, "2999-01-01");
  bl_activity_set_end_time (activity, NULL);
  assert_problems (store, activity, NULL, "date:E");
  /* Planned in the future is fine; a planned one needs its date too. */
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_PLANNED);
  assert_problems (store, activity, NULL, "");
  bl_activity_set_date (activity, NULL);
  assert_problems (store, activity, NULL, "date:E");

  /* To be filled in, not refused: an end without a start, a leave
   * without its reason (at a held meeting). */
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, "2025-03-10");
  bl_activity_set_start_time (activity, NULL);
  bl_activity_set_end_time (activity, "16:00");
  bl_attendance_add (attendance, li, "李四", BL_ATTENDANCE_LEAVE, "\u3000");
  problems = bl_activity_check (store, activity, G_LIST_MODEL (attendance));
  {
    g_autofree char *got = summary (problems);

    g_assert_cmpstr (got, ==, "start:I attendance:I");
  }
  g_assert_cmpint (((BlProblem *) problems->pdata[1])->member_id, ==, li);
  g_assert_nonnull (strstr (((BlProblem *) problems->pdata[1])->message, "李四"));
  g_assert_true (bl_problems_to_error (problems, &error));
  g_assert_no_error (error);
  /* …so the store keeps such a record as it comes. */
  g_assert_true (bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);

  /* The same again: said, not refused. */
  bl_activity_set_id (activity, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = bl_activity_check (store, activity, NULL);
  g_assert_nonnull (bl_problems_find (problems, BL_PROBLEM_WARNING));
  g_assert_cmpint (bl_problems_find (problems, BL_PROBLEM_WARNING)->field, ==, BL_ACTIVITY_FIELD_RECORD);
  g_assert_null (bl_problems_find (problems, BL_PROBLEM_ERROR));
  /* What a save and an import check: the fields alone, the same problems
   * but that warning (an import finds such twins by their keys). */
  {
    g_autoptr(GPtrArray) fields = bl_activity_check_fields (store, activity);
    g_autofree char *got = summary (fields);

    g_assert_cmpstr (got, ==, "start:I");
  }
  /* …and it is saved, as it was before the save stopped looking for it. */
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 2);
}

/* The store refuses what the check calls an error, with its message. */
static void
test_store_uses_check (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivity) activity = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "主题");
  g_autoptr(GError) error = NULL;

  /* Only full-width spaces: no topic (older versions stored it). */
  bl_activity_set_topic (activity, "\u3000\u3000");
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter the topic.");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), ==, 0);
}

/* "9:05" and "09:05" are one time; a topic ending in U+3000 is the topic. */
static void
test_normalize (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivity) first = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "学习党章\u3000");
  g_autoptr(BlActivity) again = make_activity (BL_KIND_THEME_DAY, "2025-03-10", " 学习党章");
  g_autoptr(BlActivity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nine = bl_time_normalize ("9:05");
  g_autofree char *wide = bl_time_normalize ("\uff19\uff1a\uff10\uff15");
  g_autofree char *bad = bl_time_normalize ("25:00");
  g_autofree char *stripped = bl_text_strip ("\u3000\u00a0 主题\u200b\u3000");

  g_assert_cmpstr (nine, ==, "09:05");
  g_assert_cmpstr (wide, ==, "09:05");
  g_assert_null (bad);
  g_assert_cmpstr (stripped, ==, "主题");
  g_assert_true (bl_text_is_blank ("\u3000 \t"));
  g_assert_false (bl_text_is_blank ("\u3000党"));
  g_assert_true (bl_text_is_stripped (NULL));
  g_assert_true (bl_text_is_stripped (""));
  g_assert_true (bl_text_is_stripped ("学习 党章"));
  g_assert_false (bl_text_is_stripped ("学习党章\u3000"));
  g_assert_false (bl_text_is_stripped ("\u00a0学习党章"));
  g_assert_false (bl_text_is_stripped ("学习党章\u200b"));
  g_assert_false (bl_text_is_stripped ("\u3000"));

  bl_activity_set_start_time (first, "9:05");
  bl_activity_set_end_time (first, "\uff11\uff11\uff1a\uff10\uff10");
  bl_activity_set_location (first, "党员活动室\u3000");
  g_assert_true (bl_store_save_activity (store, first, NULL, &error));
  g_assert_no_error (error);
  loaded = bl_store_get_activity (store, bl_activity_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_start_time (loaded), ==, "09:05");
  g_assert_cmpstr (bl_activity_get_end_time (loaded), ==, "11:00");
  g_assert_cmpstr (bl_activity_get_topic (loaded), ==, "学习党章");
  g_assert_cmpstr (bl_activity_get_location (loaded), ==, "党员活动室");

  /* Compared in the normal form: the same activity. */
  g_assert_true (bl_store_activity_exists (store, BL_KIND_THEME_DAY, "2025-03-10", "09:05", "学习党章", 0));
  g_assert_true (bl_store_activity_exists (store, BL_KIND_THEME_DAY, "2025-03-10", "9:05", "学习党章\u3000", 0));
  bl_activity_set_start_time (again, "０９：０５");
  bl_activity_normalize (again);
  g_assert_cmpstr (bl_activity_get_start_time (again), ==, "09:05");
  g_assert_cmpstr (bl_activity_get_topic (again), ==, "学习党章");
  {
    g_autoptr(GPtrArray) problems = bl_activity_check (store, again, NULL);

    g_assert_nonnull (bl_problems_find (problems, BL_PROBLEM_WARNING));
  }
}

/* A row an older version wrote as typed is read in the normal form; a row
 * in the normal form is read as it is. */
static void
test_read_normalized (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivity) typed = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "学习党章");
  g_autoptr(BlActivity) clean = make_activity (BL_KIND_PARTY_LECTURE, "2025-03-12", "党课：党的二十届四中全会精神");
  g_autoptr(BlActivity) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (bl_store_get_path (store));
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  const char *tags[] = { "学习", "意识形态", NULL };

  bl_activity_set_start_time (clean, "08:30");
  bl_activity_set_location (clean, "党员活动室");
  bl_activity_set_tags (clean, tags);
  g_assert_true (bl_store_save_activity (store, typed, NULL, &error));
  g_assert_true (bl_store_save_activity (store, clean, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE activity SET topic = '学习党章\u3000', start_time = '9:05', location = ' 党员活动室',"
                         " host = '王建国\u200b' WHERE id = %" G_GINT64_FORMAT, bl_activity_get_id (typed));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (bl_store_get_activities (store)); i++)
    {
      g_autoptr(BlActivity) row = g_list_model_get_item (bl_store_get_activities (store), i);

      if (bl_activity_get_id (row) == bl_activity_get_id (typed))
        {
          g_assert_cmpstr (bl_activity_get_topic (row), ==, "学习党章");
          g_assert_cmpstr (bl_activity_get_start_time (row), ==, "09:05");
          g_assert_cmpstr (bl_activity_get_location (row), ==, "党员活动室");
          g_assert_cmpstr (bl_activity_get_host (row), ==, "王建国");
          g_assert_cmpuint (g_strv_length ((GStrv) bl_activity_get_tags (row)), ==, 0);
        }
      else
        {
          g_assert_cmpstr (bl_activity_get_topic (row), ==, "党课：党的二十届四中全会精神");
          g_assert_cmpstr (bl_activity_get_start_time (row), ==, "08:30");
          g_assert_cmpstr (bl_activity_get_location (row), ==, "党员活动室");
          g_assert_true (g_strv_equal (bl_activity_get_tags (row), tags));
        }
    }
  loaded = bl_store_get_activity (store, bl_activity_get_id (typed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_activity_get_topic (loaded), ==, "学习党章");
  g_assert_cmpstr (bl_activity_get_start_time (loaded), ==, "09:05");
}

/* The import finds the duplicate in its normal form too, and keeps times
 * and topics normalised. */
static void
test_import_normalized (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlActivity) stored = make_activity (BL_KIND_THEME_DAY, "2025-03-10", "学习党章");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bl_test_write_file ("activities.csv",
                                              "类型,日期,开始时间,结束时间,主题,标签\n"
                                              "主题党日,2025-03-10,9:05,,学习党章\u3000,\n"
                                              "主题党日,2025-03-11,8:30,11:00,参观\u3000,意识形态 学习强国；第一议题\n");
  BlCsvReport report;

  bl_activity_set_start_time (stored, "09:05");
  g_assert_true (bl_store_save_activity (store, stored, NULL, &error));
  g_assert_no_error (error);

  bl_csv_report_init (&report);
  g_assert_true (bl_csv_import_activities (store, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.skipped, ==, 1);
  bl_csv_report_clear (&report);

  all = bl_store_list_activities_between (store, "2025-03-11", "2025-03-11", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (bl_activity_get_start_time (all->pdata[0]), ==, "08:30");
  g_assert_cmpstr (bl_activity_get_topic (all->pdata[0]), ==, "参观");
  /* Tags split at spaces as at commas and 、: the editor does the same. */
  g_assert_true (g_strv_equal (bl_activity_get_tags (all->pdata[0]),
                               (const char * const []) { "意识形态", "学习强国", "第一议题", NULL }));
}

static void
test_tags (void)
{
  g_auto(GStrv) split = bl_tags_split (" 意识形态，学习强国、第一议题;党史 ;; 廉政\u3000纪律,意识形态 ");
  g_auto(GStrv) none = bl_tags_split ("\u3000 、 ");
  g_autofree char *joined = bl_tags_join ((const char * const *) split);
  g_auto(GStrv) again = bl_tags_split (joined);
  g_autofree char *empty = bl_tags_join (NULL);

  g_assert_true (g_strv_equal ((const char * const *) split,
                               (const char * const []) { "意识形态", "学习强国", "第一议题", "党史", "廉政", "纪律", NULL }));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpstr (joined, ==, "意识形态、学习强国、第一议题、党史、廉政、纪律");
  g_assert_true (g_strv_equal ((const char * const *) again, (const char * const *) split));
  g_assert_cmpstr (empty, ==, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/fields", test_check_fields);
  g_test_add_func ("/check/store-uses-check", test_store_uses_check);
  g_test_add_func ("/check/normalize", test_normalize);
  g_test_add_func ("/check/read-normalized", test_read_normalized);
  g_test_add_func ("/check/import-normalized", test_import_normalized);
  g_test_add_func ("/check/tags", test_tags);
  return g_test_run ();
}
