/* test-member-stats.c: the members' statistics brought up to date after a
 * write for the members it touched (bl_store_get_changed_members(),
 * bl_member_stats_update()) give what counting everything again gives:
 * attendance changed, a record moved to last year or back to planned, a
 * record deleted and put back, a transfer; another program's write says
 * nothing of whose (NULL: everything again). */
#include "config.h"

#include "bl-deletion.h"
#include "bl-member-stats.h"
#include "bl-test-common.h"

#define TODAY "2025-06-30"

typedef struct {
  BlStore    *store;
  BlClock    *clock;
  gint64      a, b, c, d;  /* d is never expected */
  gint64      winter, february, march;
  GHashTable *stats;       /* kept up to date by bl_member_stats_update() */
  GHashTable *changed;     /* the last commit's members, a copy */
  gboolean    unknown;     /* the last commit said NULL */
  guint       commits;
} Fixture;

static void
changed_cb (BlStore  *store,
            BlChange  changes,
            Fixture  *f)
{
  GHashTable *members = bl_store_get_changed_members (store);
  GHashTableIter iter;
  gpointer id;

  f->commits++;
  g_clear_pointer (&f->changed, g_hash_table_unref);
  f->unknown = members == NULL;
  if (members == NULL)
    return;
  f->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (f->changed, g_memdup2 (id, sizeof (gint64)));
}

static gint64
save (Fixture                 *f,
      const char              *date,
      BlActivityStatus         status,
      const BlAttendanceState  states[4])  /* a, b, c, d; -1 not expected */
{
  g_autoptr(BlActivity) activity = bl_test_activity_new (BL_KIND_THEME_DAY, status, date, date);
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  const gint64 ids[4] = { f->a, f->b, f->c, f->d };
  const char *names[4] = { "甲", "乙", "丙", "丁" };

  for (guint i = 0; i < 4; i++)
    if ((int) states[i] >= 0)
      bl_attendance_add (attendance, ids[i], names[i], states[i], NULL);
  return bl_test_save_activity (f->store, activity, G_LIST_MODEL (attendance));
}

/* Whether @member is in the last commit's members. */
static gboolean
changed_has (Fixture *f,
             gint64   member)
{
  g_assert_false (f->unknown);
  g_assert_nonnull (f->changed);
  return g_hash_table_contains (f->changed, &member);
}

/* The kept table, updated for the last commit's members, is what a full
 * count gives now, member by member. */
static void
assert_up_to_date (Fixture *f)
{
  g_autoptr(GHashTable) full = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 ids[4] = { f->a, f->b, f->c, f->d };

  g_assert_false (f->unknown);
  g_assert_true (bl_member_stats_update (f->stats, f->store, TODAY, f->changed, &error));
  g_assert_no_error (error);
  full = bl_member_stats_compute (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (f->stats), ==, g_hash_table_size (full));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const BlMemberStats *kept = g_hash_table_lookup (f->stats, &ids[i]);
      const BlMemberStats *counted = g_hash_table_lookup (full, &ids[i]);

      g_assert_true ((kept == NULL) == (counted == NULL));
      if (kept == NULL)
        continue;
      g_assert_cmpstr (kept->last_attended, ==, counted->last_attended);
      g_assert_cmpuint (kept->expected, ==, counted->expected);
      g_assert_cmpuint (kept->present, ==, counted->present);
    }
}

static const BlMemberStats *
kept (Fixture *f,
      gint64   member)
{
  return g_hash_table_lookup (f->stats, &member);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const BlAttendanceState P = BL_ATTENDANCE_PRESENT, A = BL_ATTENDANCE_ABSENT, L = BL_ATTENDANCE_LEAVE;
  const BlAttendanceState N = (BlAttendanceState) -1;
  g_autoptr(GError) error = NULL;

  f->store = bl_test_store_new ();
  f->clock = bl_clock_new ();
  bl_clock_set_fixed_date (f->clock, TODAY);
  bl_store_set_clock (f->store, f->clock);
  f->a = bl_test_add_member (f->store, "甲", "第一党小组", BL_MEMBER_ROLE_NONE);
  f->b = bl_test_add_member (f->store, "乙", "第一党小组", BL_MEMBER_ROLE_NONE);
  f->c = bl_test_add_member (f->store, "丙", "第一党小组", BL_MEMBER_ROLE_NONE);
  f->d = bl_test_add_member (f->store, "丁", "第一党小组", BL_MEMBER_ROLE_NONE);
  f->winter = save (f, "2024-11-01", BL_ACTIVITY_STATUS_HELD, (BlAttendanceState[4]) { P, P, P, N });
  f->february = save (f, "2025-02-01", BL_ACTIVITY_STATUS_HELD, (BlAttendanceState[4]) { P, A, L, N });
  f->march = save (f, "2025-03-01", BL_ACTIVITY_STATUS_HELD, (BlAttendanceState[4]) { P, P, N, N });
  f->stats = bl_member_stats_compute (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->store, f);
  g_clear_pointer (&f->stats, g_hash_table_unref);
  g_clear_pointer (&f->changed, g_hash_table_unref);
  g_clear_object (&f->store);
  g_clear_object (&f->clock);
}

/* The record editor's save: one member's state changed, and one added. */
static void
test_attendance_changed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) march = bl_store_get_activity (f->store, f->march, &error);
  g_autoptr(GListStore) attendance = bl_attendance_new ();

  g_assert_no_error (error);
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->b)), ==, 50);
  g_assert_null (kept (f, f->d));
  bl_attendance_add (attendance, f->a, "甲", BL_ATTENDANCE_PRESENT, NULL);
  bl_attendance_add (attendance, f->b, "乙", BL_ATTENDANCE_ABSENT, NULL);
  bl_attendance_add (attendance, f->d, "丁", BL_ATTENDANCE_PRESENT, NULL);
  g_assert_true (bl_store_save_activity (f->store, march, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);

  g_assert_true (changed_has (f, f->b));
  g_assert_true (changed_has (f, f->d));
  g_assert_false (changed_has (f, f->c));
  assert_up_to_date (f);
  /* The shown rate changed: 乙 now came to neither of this year's two. */
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->b)), ==, 0);
  g_assert_cmpstr (kept (f, f->b)->last_attended, ==, "2024-11-01");
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->d)), ==, 100);

  /* Taken off the attendance again: 丁 was never expected. */
  g_list_store_remove (attendance, 2);
  g_assert_true (bl_store_save_activity (f->store, march, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);
  g_assert_true (changed_has (f, f->d));
  assert_up_to_date (f);
  g_assert_null (kept (f, f->d));
}

/* The record's date or status changed, its attendance kept (NULL): all of
 * its attendance counts again. */
static void
test_date_and_status (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) february = bl_store_get_activity (f->store, f->february, &error);
  g_autoptr(BlActivity) march = bl_store_get_activity (f->store, f->march, &error);

  g_assert_no_error (error);
  bl_activity_set_date (february, "2024-12-01");
  g_assert_true (bl_store_save_activity (f->store, february, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (changed_has (f, f->c));
  assert_up_to_date (f);
  /* 丙 is expected nowhere this year now. */
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->c)), ==, -1);

  bl_activity_set_status (march, BL_ACTIVITY_STATUS_PLANNED);
  g_assert_true (bl_store_save_activity (f->store, march, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (changed_has (f, f->a));
  assert_up_to_date (f);
  g_assert_cmpstr (kept (f, f->a)->last_attended, ==, "2024-12-01");

  /* A topic alone: the same members noted, nothing else changes. */
  bl_activity_set_topic (march, "改期");
  g_assert_true (bl_store_save_activity (f->store, march, NULL, &error));
  g_assert_no_error (error);
  assert_up_to_date (f);
}

/* Deleted (the window's way, undoable) and put back. */
static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlDeletion) deletion = bl_deletion_run (f->store, &f->february, 1, &error);

  g_assert_no_error (error);
  g_assert_true (changed_has (f, f->a) && changed_has (f, f->b) && changed_has (f, f->c));
  assert_up_to_date (f);
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->b)), ==, 100);
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->c)), ==, -1);

  g_assert_true (bl_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  g_assert_true (changed_has (f, f->c));
  assert_up_to_date (f);
  g_assert_cmpint (bl_member_stats_rate (kept (f, f->b)), ==, 50);
  g_assert_cmpuint (kept (f, f->c)->expected, ==, 1);
}

/* A transfer changes no attendance: nobody's statistics. */
static void
test_transfer (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint commits = f->commits;

  g_assert_true (bl_store_transfer_member (f->store, f->c, "2025-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->commits, >, commits);
  g_assert_false (changed_has (f, f->c));
  assert_up_to_date (f);
}

/* Another program's write: whose is unknown, NULL. */
static void
test_outside_write (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) other = bl_store_open (bl_store_get_path (f->store), &error);
  g_autoptr(BlActivity) march = NULL;
  g_autoptr(GListStore) attendance = bl_attendance_new ();

  g_assert_no_error (error);
  march = bl_store_get_activity (other, f->march, &error);
  g_assert_no_error (error);
  bl_attendance_add (attendance, f->a, "甲", BL_ATTENDANCE_ABSENT, NULL);
  g_assert_true (bl_store_save_activity (other, march, G_LIST_MODEL (attendance), &error));
  g_assert_no_error (error);

  g_assert_true (bl_store_check_changed_elsewhere (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (f->unknown);
  /* Nor is anything told outside the signal. */
  g_assert_null (bl_store_get_changed_members (f->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/member-stats/attendance-changed", test_attendance_changed);
  ADD ("/member-stats/date-and-status", test_date_and_status);
  ADD ("/member-stats/delete-and-undo", test_delete_and_undo);
  ADD ("/member-stats/transfer", test_transfer);
  ADD ("/member-stats/outside-write", test_outside_write);
#undef ADD
  return g_test_run ();
}
