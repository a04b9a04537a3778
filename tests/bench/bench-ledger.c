/* bench-ledger.c: the 20-year ledger the benchmarks share: 300 members in
 * three party groups, 25 activities a month from 2006 to 2025 with their
 * attendance (about a million rows) */
#include "config.h"

#include "bench-ledger.h"
#include "bl-test-common.h"

static void
fill (BlStore *store)
{
  static const char * const kinds[] = {
    BL_KIND_COMMITTEE_MEETING, BL_KIND_GROUP_MEETING, BL_KIND_GROUP_MEETING, BL_KIND_GROUP_MEETING,
    BL_KIND_THEME_DAY, BL_KIND_STUDY_SESSION, BL_KIND_GENERAL_MEETING, BL_KIND_PARTY_LECTURE,
  };
  static const char * const groups[] = { "第一党小组", "第二党小组", "第三党小组" };
  g_autoptr(GError) error = NULL;
  gint64 ids[BL_BENCH_MEMBERS];
  char *names[BL_BENCH_MEMBERS];
  char *member_groups[BL_BENCH_MEMBERS];

  g_assert_true (bl_store_begin (store, &error));
  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "基准测试党支部", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < BL_BENCH_MEMBERS; i++)
    {
      names[i] = g_strdup_printf ("党员%03u", i + 1);
      member_groups[i] = (char *) groups[i % 3];
      ids[i] = bl_test_add_member (store, names[i], groups[i % 3],
                                   i == 0 ? BL_MEMBER_ROLE_SECRETARY : i < 7 ? BL_MEMBER_ROLE_COMMITTEE : BL_MEMBER_ROLE_NONE);
    }

  for (guint y = 0; y < BL_BENCH_YEARS; y++)
    for (guint m = 1; m <= 12; m++)
      for (guint a = 0; a < BL_BENCH_PER_MONTH; a++)
        {
          g_autoptr(BlActivity) activity = bl_activity_new ();
          g_autoptr(GListStore) attendance = bl_attendance_new ();
          g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", BL_BENCH_FIRST_YEAR + y, m, 1 + a % 28);
          g_autofree char *topic = g_strdup_printf ("%u年%u月第%u次：学习贯彻党的创新理论，结合岗位实际研讨落实举措",
                                                    BL_BENCH_FIRST_YEAR + y, m, a + 1);
          const char *kind = kinds[a % G_N_ELEMENTS (kinds)];
          const char *group = g_str_equal (kind, BL_KIND_GROUP_MEETING) ? groups[a % 3] : "";

          bl_activity_set_kind (activity, kind);
          bl_activity_set_group (activity, group);
          bl_activity_set_date (activity, date);
          bl_activity_set_start_time (activity, "14:30");
          bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
          bl_activity_set_topic (activity, topic);
          bl_activity_set_host (activity, names[0]);
          bl_activity_set_content (activity, "会议传达学习了上级精神，与会党员逐一发言。");
          for (guint i = 0; i < BL_BENCH_MEMBERS; i++)
            {
              BlAttendanceState state = (i + a) % 11 == 0 ? BL_ATTENDANCE_LEAVE
                                      : (i + a) % 17 == 0 ? BL_ATTENDANCE_ABSENT : BL_ATTENDANCE_PRESENT;

              if (g_str_equal (kind, BL_KIND_COMMITTEE_MEETING) && i >= 7)
                continue;
              if (group[0] != '\0' && !g_str_equal (group, member_groups[i]))
                continue;
              bl_attendance_add (attendance, ids[i], names[i], state,
                                 state == BL_ATTENDANCE_LEAVE ? "事假" : "");
            }
          bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), &error);
          g_assert_no_error (error);
        }
  g_assert_true (bl_store_commit (store, &error));
  for (guint i = 0; i < BL_BENCH_MEMBERS; i++)
    g_free (names[i]);
}

BlStore *
bl_bench_ledger_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  BlStore *store;
  gint64 start;

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  first = bl_store_get_first_activity_date (store);
  if (first == NULL)
    {
      start = g_get_monotonic_time ();
      fill (store);
      g_printerr ("built the ledger %s: %d years, %d activities, %d members in %.1f s\n", path,
                  BL_BENCH_YEARS, BL_BENCH_YEARS * 12 * BL_BENCH_PER_MONTH, BL_BENCH_MEMBERS,
                  (g_get_monotonic_time () - start) / 1e6);
    }
  return store;
}
