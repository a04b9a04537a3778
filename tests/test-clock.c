/* test-clock.c: what day it is: a fixed date for tests, the day changing at
 * midnight while the program runs, $BRANCH_LEDGER_TODAY for whole-program tests */
#include "config.h"

#include <string.h>

#include "bl-clock.h"
#include "bl-date.h"
#include "bl-store.h"
#include "bl-test-common.h"

/* A wall clock the test moves: the next reading of each call in turn. */
typedef struct {
  GPtrArray *times;  /* GDateTime*, the last one repeats */
  guint      next;
} Wall;

static GDateTime *
wall_cb (gpointer user_data)
{
  Wall *wall = user_data;
  GDateTime *time = g_ptr_array_index (wall->times, MIN (wall->next, wall->times->len - 1));

  wall->next++;
  return g_date_time_ref (time);
}

static void
day_changed_cb (BlClock *clock,
                guint   *count)
{
  (*count)++;
}

static void
test_fixed_date (void)
{
  g_autoptr(BlClock) clock = bl_clock_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  guint changes = 0;
  GDate date;

  g_signal_connect (clock, "day-changed", G_CALLBACK (day_changed_cb), &changes);
  g_assert_false (bl_clock_is_fixed (clock));

  g_assert_true (bl_clock_set_fixed_date (clock, "2026-03-31"));
  g_assert_true (bl_clock_is_fixed (clock));
  today = bl_clock_get_today (clock);
  g_assert_cmpstr (today, ==, "2026-03-31");
  bl_clock_get_date (clock, &date);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MARCH);
  now = bl_clock_get_now (clock);
  g_assert_cmpint (g_date_time_get_year (now), ==, 2026);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 31);
  g_assert_cmpuint (changes, ==, 1);

  /* The same day again is no news; the next one is, once. */
  g_assert_true (bl_clock_set_fixed_date (clock, "2026-03-31"));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (bl_clock_set_fixed_date (clock, "2026-04-01"));
  g_assert_cmpuint (changes, ==, 2);
  bl_clock_check (clock);
  g_assert_cmpuint (changes, ==, 2);

  g_assert_false (bl_clock_set_fixed_date (clock, "2026-02-30"));
  g_clear_pointer (&today, g_free);
  today = bl_clock_get_today (clock);
  g_assert_cmpstr (today, ==, "2026-04-01");
}

/* On the wall clock, a check tells of a new date once, whenever it comes. */
static void
test_wall_clock (void)
{
  Wall wall = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref), 0 };
  g_autoptr(BlClock) clock = NULL;
  g_autofree char *today = NULL;
  guint changes = 0;

  g_ptr_array_add (wall.times, g_date_time_new_local (2025, 12, 31, 22, 0, 0));
  clock = bl_clock_new_with_wall (wall_cb, &wall);
  g_signal_connect (clock, "day-changed", G_CALLBACK (day_changed_cb), &changes);
  today = bl_clock_get_today (clock);
  g_assert_cmpstr (today, ==, "2025-12-31");

  bl_clock_check (clock);
  g_assert_cmpuint (changes, ==, 0);

  /* The machine woke up two days later. */
  g_ptr_array_add (wall.times, g_date_time_new_local (2026, 1, 2, 9, 30, 0));
  wall.next = wall.times->len - 1;
  bl_clock_check (clock);
  g_assert_cmpuint (changes, ==, 1);
  g_clear_pointer (&today, g_free);
  today = bl_clock_get_today (clock);
  g_assert_cmpstr (today, ==, "2026-01-02");
  bl_clock_check (clock);
  g_assert_cmpuint (changes, ==, 1);

  g_ptr_array_unref (wall.times);
}

/* A clock left running over midnight says so by itself: the timer it arms
 * for midnight fires and the day changes. The wall clock here stands a few
 * milliseconds before midnight when the timer is armed, and just after it
 * for every later reading. */
static void
test_midnight (void)
{
  Wall wall = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref), 0 };
  g_autoptr(BlClock) clock = NULL;
  g_autofree char *today = NULL;
  guint changes = 0;

  g_ptr_array_add (wall.times, g_date_time_new_local (2026, 3, 31, 23, 59, 59.99));
  g_ptr_array_add (wall.times, g_date_time_new_local (2026, 3, 31, 23, 59, 59.99));
  g_ptr_array_add (wall.times, g_date_time_new_local (2026, 4, 1, 0, 0, 0.5));
  clock = bl_clock_new_with_wall (wall_cb, &wall);
  g_signal_connect (clock, "day-changed", G_CALLBACK (day_changed_cb), &changes);

  while (changes == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  today = bl_clock_get_today (clock);
  g_assert_cmpstr (today, ==, "2026-04-01");

  g_clear_object (&clock);
  g_ptr_array_unref (wall.times);
}

/* The store's today is its clock's: what may be dated as held follows it. */
static void
test_store_clock (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlClock) clock = bl_clock_new ();
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_store_get_clock (store) == bl_clock_get_default ());
  bl_clock_set_fixed_date (clock, "2026-03-31");
  bl_store_set_clock (store, clock);
  g_assert_true (bl_store_get_clock (store) == clock);

  bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
  bl_activity_set_topic (activity, "红色教育");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, "2026-04-01");
  g_assert_false (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bl_clock_set_fixed_date (clock, "2026-04-01");
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_no_error (error);
}

/* $BRANCH_LEDGER_TODAY fixes the program's clock (and bl_date_set_today()). */
static void
test_environment (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *today = bl_clock_get_today (bl_clock_get_default ());
      GDate date;

      g_assert_cmpstr (today, ==, "2024-02-29");
      g_assert_true (bl_clock_is_fixed (bl_clock_get_default ()));
      bl_date_set_today (&date);
      g_assert_cmpint (g_date_get_day (&date), ==, 29);
      return;
    }
  g_setenv ("BRANCH_LEDGER_TODAY", "2024-02-29", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("BRANCH_LEDGER_TODAY");
  g_test_trap_assert_passed ();
}

/* The whole program takes that day as today: --status reports on it. */
static void
test_environment_program (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "ledger.db", NULL);
  const char *argv[] = { bl_test_program (), "--database", db, "--status", "--json", NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "BRANCH_LEDGER_TODAY", "2025-11-25", TRUE);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "\"date\" : \"2025-11-25\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fixed-date", test_fixed_date);
  g_test_add_func ("/clock/wall-clock", test_wall_clock);
  g_test_add_func ("/clock/midnight", test_midnight);
  g_test_add_func ("/clock/store", test_store_clock);
  g_test_add_func ("/clock/environment", test_environment);
  g_test_add_func ("/clock/environment-program", test_environment_program);

  return g_test_run ();
}
