/* test-activity.c: the record classes: copies, tags, attendance counts, names */
#include "config.h"

#include "bl-activity.h"
#include "bl-date.h"
#include "bl-member.h"
#include "bl-test-common.h"

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_copy_assign (void)
{
  g_autoptr(BlActivity) a = bl_activity_new ();
  g_autoptr(BlActivity) copy = NULL;
  g_autoptr(BlActivity) target = bl_activity_new ();
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *tags[] = { " 意识形态 ", "", "意识形态", "学习强国", NULL };
  const char *clean[] = { "意识形态", "学习强国", NULL };

  bl_activity_set_id (a, 7);
  bl_activity_set_kind (a, BL_KIND_PARTY_LECTURE);
  bl_activity_set_date (a, "2025-06-30");
  bl_activity_set_start_time (a, "");
  bl_activity_set_lecturer (a, "王建国");
  bl_activity_set_topic (a, "党课");
  bl_activity_set_tags (a, tags);
  bl_attendance_add (attendance, 1, "甲", BL_ATTENDANCE_PRESENT, "ignored");
  bl_attendance_add (attendance, 2, "乙", BL_ATTENDANCE_LEAVE, "事假");
  bl_attendance_add (attendance, 3, "丙", BL_ATTENDANCE_ABSENT, NULL);
  bl_activity_set_counts (a, g_list_model_get_n_items (G_LIST_MODEL (attendance)),
                          bl_attendance_count_present (G_LIST_MODEL (attendance)));

  /* Tags are trimmed and unique; "" dates and times become NULL. */
  g_assert_true (g_strv_equal (bl_activity_get_tags (a), clean));
  g_assert_null (bl_activity_get_start_time (a));
  g_assert_cmpstr (bl_attendee_get_reason (bl_attendance_find (G_LIST_MODEL (attendance), 1)), ==, "");
  g_assert_cmpstr (bl_attendee_get_reason (bl_attendance_find (G_LIST_MODEL (attendance), 2)), ==, "事假");
  g_assert_cmpuint (bl_activity_get_expected_count (a), ==, 3);
  g_assert_cmpuint (bl_activity_get_present_count (a), ==, 1);

  copy = bl_activity_copy (a);
  g_assert_cmpint (bl_activity_get_id (copy), ==, 7);
  g_assert_cmpstr (bl_activity_get_lecturer (copy), ==, "王建国");
  g_assert_cmpuint (bl_activity_get_expected_count (copy), ==, 3);
  /* Deep: changing the copy leaves the original alone. */
  bl_activity_set_counts (copy, 0, 0);
  g_assert_cmpuint (bl_activity_get_expected_count (a), ==, 3);

  g_signal_connect (target, "notify", G_CALLBACK (notify_cb), names);
  bl_activity_assign (target, a);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "topic", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "tags", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "guests", g_str_equal, NULL));

  /* The counts a list row shows come along. */
  g_assert_true (g_ptr_array_find_with_equal_func (names, "expected-count", g_str_equal, NULL));
  g_assert_cmpuint (bl_activity_get_expected_count (target), ==, 3);
  g_assert_cmpuint (bl_activity_get_present_count (target), ==, 1);
}

/* One member's attendance: a record with notifications, so that a view
 * bound to it follows; whoever was present has no reason. */
static void
test_attendee (void)
{
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  BlAttendee *li = bl_attendance_add (attendance, 2, "李四", BL_ATTENDANCE_LEAVE, "病假");

  bl_attendance_add (attendance, 1, "张三", BL_ATTENDANCE_PRESENT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (attendance)), ==, 2);
  g_assert_true (bl_attendance_find (G_LIST_MODEL (attendance), 2) == li);
  g_assert_null (bl_attendance_find (G_LIST_MODEL (attendance), 3));
  g_assert_cmpint (bl_attendee_get_member_id (li), ==, 2);
  g_assert_cmpstr (bl_attendee_get_member_name (li), ==, "李四");
  g_assert_cmpstr (bl_attendee_get_group (li), ==, "");
  g_assert_cmpuint (bl_attendance_count_present (G_LIST_MODEL (attendance)), ==, 1);

  g_signal_connect (li, "notify", G_CALLBACK (notify_cb), names);
  bl_attendee_set_state (li, BL_ATTENDANCE_PRESENT);
  g_assert_cmpstr (bl_attendee_get_reason (li), ==, "");
  g_assert_true (g_ptr_array_find_with_equal_func (names, "state", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "reason", g_str_equal, NULL));
  g_assert_cmpuint (bl_attendance_count_present (G_LIST_MODEL (attendance)), ==, 2);
  bl_attendee_set_reason (li, "事假");
  g_assert_cmpstr (bl_attendee_get_reason (li), ==, "");
  bl_attendee_set_state (li, BL_ATTENDANCE_ABSENT);
  bl_attendee_set_reason (li, "无故");
  g_assert_cmpstr (bl_attendee_get_reason (li), ==, "无故");
  g_assert_cmpstr (bl_attendance_state_display (BL_ATTENDANCE_LEAVE), ==, "On leave");
}

static void
test_member (void)
{
  g_autoptr(BlMember) m = bl_member_new ("张三");
  BlMemberRole role;
  BlMemberCategory category;
  BlMemberStatus status;

  g_assert_true (bl_member_role_parse ("纪检委员", &role));
  g_assert_cmpint (role, ==, BL_MEMBER_ROLE_DISCIPLINE);
  g_assert_true (bl_member_role_parse ("secretary", &role));
  g_assert_cmpint (role, ==, BL_MEMBER_ROLE_SECRETARY);
  g_assert_true (bl_member_role_parse ("", &role));
  g_assert_cmpint (role, ==, BL_MEMBER_ROLE_NONE);
  g_assert_false (bl_member_role_parse ("主任", &role));
  g_assert_true (bl_member_category_parse (" 预备党员 ", &category));
  g_assert_cmpint (category, ==, BL_MEMBER_CATEGORY_PROBATIONARY);
  g_assert_true (bl_member_status_parse ("转出", &status));
  g_assert_cmpint (status, ==, BL_MEMBER_STATUS_TRANSFERRED);

  bl_member_set_joined (m, "2020-05-01");
  g_assert_false (bl_member_is_active_on (m, "2020-04-30"));
  g_assert_true (bl_member_is_active_on (m, "2020-05-01"));
  bl_member_set_status (m, BL_MEMBER_STATUS_TRANSFERRED);
  bl_member_set_transferred_on (m, "2024-01-01");
  g_assert_true (bl_member_is_active_on (m, "2023-12-31"));
  g_assert_false (bl_member_is_active_on (m, "2024-01-01"));
}

static void
test_dates (void)
{
  GDate date;
  int minutes;
  g_autofree char *iso = NULL;

  g_assert_true (bl_date_parse ("2024-02-29", &date));
  g_assert_false (bl_date_parse ("2025-02-29", &date));
  g_assert_false (bl_date_parse ("2025-2-28", &date));
  g_assert_false (bl_date_parse ("2025/02/28", &date));
  g_assert_false (bl_date_parse (NULL, &date));
  g_assert_true (bl_date_parse ("2025-12-31", &date));
  iso = bl_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2025-12-31");

  g_assert_true (bl_time_parse ("9:05", &minutes));
  g_assert_cmpint (minutes, ==, 545);
  g_assert_true (bl_time_parse ("23:59", &minutes));
  g_assert_false (bl_time_parse ("24:00", &minutes));
  g_assert_false (bl_time_parse ("12:5", &minutes));
  g_assert_false (bl_time_parse ("noon", &minutes));
}

/* A date is shown as the day it is, whatever the time zone (the C locale's
 * month names: the test does not set a locale). */
static void
test_dates_shown (void)
{
  static const char * const zones[] = { "UTC", "Pacific/Kiritimati", "Etc/GMT+12", "Asia/Shanghai" };
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *new_year = NULL;
      g_autofree char *leap_day = NULL;

      g_setenv ("TZ", zones[i], TRUE);
      new_year = bl_date_iso_format_locale ("2026-01-01");
      leap_day = bl_date_iso_format_locale ("2024-02-29");
      g_assert_cmpstr (new_year, ==, "1 January 2026");
      g_assert_cmpstr (leap_day, ==, "29 February 2024");
    }
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");

  /* Not a date: shown as it is. */
  {
    g_autofree char *odd = bl_date_iso_format_locale ("2025-13-01");

    g_assert_cmpstr (odd, ==, "2025-13-01");
  }
}

/* When a record says it takes place: the day, then the hours that are known. */
static void
test_when (void)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  struct { const char *start, *end, *hours, *when; } cases[] = {
    { NULL, NULL, "", "1 March 2026" },
    { "09:00", NULL, "09:00", "1 March 2026 09:00" },
    { "09:00", "11:30", "09:00–11:30", "1 March 2026 09:00–11:30" },
    { NULL, "11:30", "", "1 March 2026" },
  };

  bl_activity_set_date (activity, "2026-03-01");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *hours = NULL;
      g_autofree char *when = NULL;

      bl_activity_set_start_time (activity, cases[i].start);
      bl_activity_set_end_time (activity, cases[i].end);
      hours = bl_activity_format_hours (activity);
      when = bl_activity_format_when (activity);
      g_assert_cmpstr (hours, ==, cases[i].hours);
      g_assert_cmpstr (when, ==, cases[i].when);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity/copy-assign", test_copy_assign);
  g_test_add_func ("/activity/attendee", test_attendee);
  g_test_add_func ("/activity/member", test_member);
  g_test_add_func ("/activity/dates", test_dates);
  g_test_add_func ("/activity/dates-shown", test_dates_shown);
  g_test_add_func ("/activity/when", test_when);

  return g_test_run ();
}
