/* test-demo.c: the demo ledger has the shape the welcome page and --demo promise */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bl-date.h"
#include "bl-demo.h"
#include "bl-kind.h"
#include "bl-member-stats.h"
#include "bl-rules.h"
#include "bl-store.h"
#include "bl-test-common.h"

#define TODAY "2025-11-27"

typedef struct {
  char    *dir;
  char    *path;
  BlStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "demo.db", NULL);
  f->store = bl_store_open (f->path, &error);
  g_assert_no_error (error);
  bl_demo_fill (f->store, TODAY, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  bl_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static BlMember *
find_member (BlStore *store, const char *name)
{
  GListModel *members = bl_store_get_members (store);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (g_str_equal (bl_member_get_name (member), name))
        return g_steal_pointer (&member);
    }
  return NULL;
}

static int
days_before_today (const char *iso)
{
  GDate today, date;

  g_assert_true (bl_date_parse (TODAY, &today));
  g_assert_true (bl_date_parse (iso, &date));
  return bl_date_days_between (&date, &today);
}

static void
test_branch_and_members (Fixture *f, gconstpointer data)
{
  g_autofree char *name = bl_store_get_branch_name (f->store);
  g_autoptr(BlMember) secretary = bl_store_get_secretary (f->store, TODAY);
  g_auto(GStrv) groups = bl_store_list_groups (f->store);
  GListModel *members = bl_store_get_members (f->store);
  guint n = g_list_model_get_n_items (members);
  guint probationary = 0, transferred = 0, committee = 0;
  gboolean roles[BL_MEMBER_ROLE_COMMITTEE + 1] = { FALSE };

  g_assert_false (bl_store_is_empty (f->store));
  g_assert_cmpstr (name, ==, BL_DEMO_BRANCH_NAME);
  /* The secretary is the member holding 书记. */
  g_assert_nonnull (secretary);
  g_assert_cmpstr (bl_member_get_name (secretary), ==, BL_DEMO_SECRETARY);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);

  g_assert_cmpuint (n, >=, 25);
  g_assert_cmpuint (n, <=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      g_assert_true (g_strv_contains ((const char * const *) groups, bl_member_get_group (member)));
      if (bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
        {
          transferred++;
          g_assert_nonnull (bl_member_get_transferred_on (member));
          g_assert_false (bl_member_is_active_on (member, TODAY));
          continue;
        }
      if (bl_member_get_category (member) == BL_MEMBER_CATEGORY_PROBATIONARY)
        {
          probationary++;
          /* 预备期 is one year. */
          g_assert_cmpint (days_before_today (bl_member_get_joined (member)), <, 366);
        }
      if (bl_member_is_committee (member))
        committee++;
      roles[bl_member_get_role (member)] = TRUE;
    }
  g_assert_cmpuint (transferred, ==, 1);
  g_assert_cmpuint (probationary, >=, 2);
  g_assert_cmpuint (committee, ==, 5);
  g_assert_true (roles[BL_MEMBER_ROLE_SECRETARY]);
  g_assert_true (roles[BL_MEMBER_ROLE_DEPUTY]);
  g_assert_true (roles[BL_MEMBER_ROLE_ORGANIZATION]);
  g_assert_true (roles[BL_MEMBER_ROLE_PROPAGANDA]);
  g_assert_true (roles[BL_MEMBER_ROLE_DISCIPLINE]);

  /* The secretary of the settings is the secretary of the role history. */
  {
    g_autoptr(BlMember) sec = find_member (f->store, BL_DEMO_SECRETARY);

    g_assert_nonnull (sec);
    g_assert_cmpint (bl_store_get_secretary_on (f->store, TODAY), ==, bl_member_get_id (sec));
    g_assert_cmpint (bl_store_get_secretary_on (f->store, "2024-01-10"), ==, bl_member_get_id (sec));
  }
}

static void
test_rule_packs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packs = bl_rules_list_packs (f->store, &error);
  gboolean standard = FALSE, ideology = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < packs->len; i++)
    {
      BlRulePackInfo *info = g_ptr_array_index (packs, i);

      if (g_str_equal (info->id, "standard"))
        standard = info->enabled;
      else if (g_str_equal (info->id, "park-2025-ideology"))
        ideology = info->enabled;
    }
  g_assert_true (standard);
  g_assert_true (ideology);
}

static void
test_activities (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = bl_store_list_activities_between (f->store, NULL, NULL, &error);
  g_autofree char *first = bl_store_get_first_activity_date (f->store);
  g_autoptr(GHashTable) committee_months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) lecture_months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint held = 0, planned_next_week = 0, planned_overdue = 0;
  guint present = 0, expected = 0, sick = 0, personal = 0, business = 0;
  guint ideology_this_year = 0, first_topic = 0, secretary_lectures = 0;
  guint kinds_seen = 0;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_nonnull (first);
  /* Two years up to today. */
  g_assert_cmpint (days_before_today (first), >, 640);
  g_assert_cmpint (days_before_today (first), <=, 731);

  for (guint i = 0; i < all->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (all, i);
      const char *date = bl_activity_get_date (activity);
      g_autoptr(GListModel) attendance = bl_store_load_attendance (f->store, bl_activity_get_id (activity), NULL);
      int ago = days_before_today (date);

      g_hash_table_add (kinds, (gpointer) bl_activity_get_kind (activity));
      if (bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED)
        {
          if (ago < 0 && ago >= -9)
            planned_next_week++;
          else if (ago > 0)
            planned_overdue++;
          continue;
        }

      held++;
      g_assert_cmpint (ago, >, 0);
      g_assert_cmpstr (bl_activity_get_topic (activity), !=, "");
      /* Minutes a reviewer would not call "记录内容简单". */
      g_assert_cmpint (g_utf8_strlen (bl_activity_get_content (activity), -1), >, 60);
      g_assert_cmpuint (g_list_model_get_n_items (attendance), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (attendance); j++)
        {
          g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, j);

          expected++;
          if (bl_attendee_get_state (a) == BL_ATTENDANCE_PRESENT)
            present++;
          else if (bl_attendee_get_state (a) == BL_ATTENDANCE_LEAVE)
            {
              g_assert_cmpstr (bl_attendee_get_reason (a), !=, "");
              sick += g_str_equal (bl_attendee_get_reason (a), "病假");
              personal += g_str_equal (bl_attendee_get_reason (a), "事假");
              business += g_str_equal (bl_attendee_get_reason (a), "公出");
            }
        }
      if (bl_activity_get_first_topic (activity))
        first_topic++;
      if (g_str_equal (bl_activity_get_kind (activity), BL_KIND_STUDY_SESSION) &&
          bl_activity_has_tag (activity, "意识形态") && g_str_has_prefix (date, "2025-"))
        ideology_this_year++;
      if (g_str_equal (bl_activity_get_kind (activity), BL_KIND_PARTY_LECTURE) &&
          g_strcmp0 (bl_activity_get_lecturer (activity), BL_DEMO_SECRETARY) == 0)
        secretary_lectures++;
      if (g_str_equal (bl_activity_get_kind (activity), BL_KIND_COMMITTEE_MEETING))
        g_hash_table_add (committee_months, g_strndup (date, 7));
      if (g_str_equal (bl_activity_get_kind (activity), BL_KIND_PARTY_LECTURE))
        g_hash_table_add (lecture_months, g_strndup (date, 7));
    }

  g_assert_cmpuint (held, >, 150);
  g_assert_cmpuint (held, <, 400);
  g_assert_cmpuint (planned_next_week, ==, 1);
  g_assert_cmpuint (planned_overdue, ==, 1);
  /* Mostly present, some on leave for each usual reason. */
  g_assert_cmpfloat ((double) present / expected, >, 0.85);
  g_assert_cmpfloat ((double) present / expected, <, 0.97);
  g_assert_cmpuint (sick, >, 5);
  g_assert_cmpuint (personal, >, 5);
  g_assert_cmpuint (business, >, 5);
  g_assert_cmpuint (ideology_this_year, >=, 2);
  g_assert_cmpuint (first_topic, >=, 20);
  g_assert_cmpuint (secretary_lectures, >=, 2);

  /* Every built-in kind the national rules count has records. */
  for (const char * const *id = (const char * const []) {
         BL_KIND_GENERAL_MEETING, BL_KIND_COMMITTEE_MEETING, BL_KIND_GROUP_MEETING,
         BL_KIND_PARTY_LECTURE, BL_KIND_THEME_DAY, BL_KIND_STUDY_SESSION,
         BL_KIND_LIFE_MEETING, BL_KIND_MEMBER_REVIEW, BL_KIND_HEART_TALK, NULL };
       *id != NULL; id++, kinds_seen++)
    g_assert_true (g_hash_table_contains (kinds, *id));
  g_assert_cmpuint (kinds_seen, ==, 9);
  /* …and so do the kinds the park's ideology plan adds. */
  g_assert_true (g_hash_table_contains (kinds, "ideology-research"));
  g_assert_true (g_hash_table_contains (kinds, "risk-assessment"));
  g_assert_true (g_hash_table_contains (kinds, "inspection"));
  g_assert_true (g_hash_table_contains (kinds, "report-upward"));

  /* A missed quota: in August 2025 (three months back) the committee did not meet. */
  g_assert_false (g_hash_table_contains (committee_months, "2025-08"));
  g_assert_true (g_hash_table_contains (committee_months, "2025-07"));
  g_assert_true (g_hash_table_contains (committee_months, "2025-09"));
  /* …and the last quarter that ended (Q3 2025) had no party lecture. */
  g_assert_false (g_hash_table_contains (lecture_months, "2025-09"));
  g_assert_true (g_hash_table_contains (lecture_months, "2025-06"));
}

/* 赵磊 last took part about five months ago, with a couple of 事假 since. */
static void
test_drifting_member (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = bl_store_list_activities_between (f->store, NULL, TODAY, &error);
  g_autoptr(BlMember) drifting = find_member (f->store, "赵磊");
  g_autofree char *last = NULL;
  guint leaves_since = 0, absent_since = 0, personal_since = 0;

  g_assert_no_error (error);
  g_assert_nonnull (drifting);
  for (guint i = 0; i < all->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (all, i);
      g_autoptr(GListModel) attendance = bl_store_load_attendance (f->store, bl_activity_get_id (activity), NULL);

      if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_HELD)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (attendance); j++)
        {
          g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, j);

          if (bl_attendee_get_member_id (a) != bl_member_get_id (drifting))
            continue;
          if (bl_attendee_get_state (a) == BL_ATTENDANCE_PRESENT)
            {
              g_free (last);
              last = g_strdup (bl_activity_get_date (activity));
              leaves_since = absent_since = personal_since = 0;
            }
          else if (bl_attendee_get_state (a) == BL_ATTENDANCE_LEAVE)
            {
              leaves_since++;
              personal_since += g_str_equal (bl_attendee_get_reason (a), "事假");
            }
          else
            absent_since++;
        }
    }
  g_assert_nonnull (last);
  /* Five months or more, less than six. */
  g_assert_cmpint (days_before_today (last), >=, 153);
  g_assert_cmpint (days_before_today (last), <, 181);
  g_assert_cmpuint (leaves_since, ==, 2);
  g_assert_cmpuint (personal_since, ==, 2);
  g_assert_cmpuint (absent_since, >, 2);
}

/* The members page's figures (one grouped query) agree with counting each
 * member's attendance by hand. */
static void
test_member_stats (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) stats = bl_member_stats_compute (f->store, TODAY, &error);
  g_autoptr(GPtrArray) all = bl_store_list_activities_between (f->store, NULL, TODAY, &error);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(BlMember) drifting = find_member (f->store, "赵磊");
  GListModel *members = bl_store_get_members (f->store);
  GHashTableIter iter;
  gpointer key, value;
  BlMemberStats *drift;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (all, i);
      g_autoptr(GListModel) attendance = bl_store_load_attendance (f->store, bl_activity_get_id (activity), NULL);
      gboolean this_year = g_str_has_prefix (bl_activity_get_date (activity), "2025-");

      if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_HELD)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (attendance); j++)
        {
          g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, j);
          gint64 member_id = bl_attendee_get_member_id (a);
          gint64 *id = g_memdup2 (&member_id, sizeof member_id);

          if (bl_attendee_get_state (a) == BL_ATTENDANCE_PRESENT)
            g_hash_table_insert (last, g_memdup2 (id, sizeof *id), (gpointer) bl_activity_get_date (activity));
          if (this_year)
            {
              g_hash_table_insert (expected, g_memdup2 (id, sizeof *id),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (expected, id)) + 1));
              if (bl_attendee_get_state (a) == BL_ATTENDANCE_PRESENT)
                g_hash_table_insert (present, g_memdup2 (id, sizeof *id),
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (present, id)) + 1));
            }
          g_free (id);
        }
    }

  g_assert_cmpuint (g_hash_table_size (stats), ==, g_list_model_get_n_items (members));
  g_hash_table_iter_init (&iter, stats);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BlMemberStats *s = value;

      g_assert_cmpint (*(gint64 *) key, ==, s->member_id);
      g_assert_cmpstr (s->last_attended, ==, g_hash_table_lookup (last, key));
      g_assert_cmpuint (s->expected, ==, GPOINTER_TO_UINT (g_hash_table_lookup (expected, key)));
      g_assert_cmpuint (s->present, ==, GPOINTER_TO_UINT (g_hash_table_lookup (present, key)));
    }

  drift = g_hash_table_lookup (stats, &(gint64) { bl_member_get_id (drifting) });
  g_assert_nonnull (drift);
  g_assert_cmpint (bl_member_stats_rate (drift), <, 70);
  g_assert_cmpint (bl_member_stats_rate (drift), >=, 0);
  g_assert_cmpint (days_before_today (drift->last_attended), >=, 153);

  /* Nobody expected yet: no rate. */
  g_assert_cmpint (bl_member_stats_rate (&(BlMemberStats) { 0 }), ==, -1);
  g_assert_cmpint (bl_member_stats_rate (&(BlMemberStats) { .expected = 3, .present = 2 }), ==, 67);
}

static char *
describe (BlStore *store)
{
  g_autoptr(GPtrArray) all = bl_store_list_activities_between (store, NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (all, i);
      g_autoptr(GListModel) attendance = bl_store_load_attendance (store, bl_activity_get_id (activity), NULL);

      g_string_append_printf (out, "%s %s %s:", bl_activity_get_date (activity),
                              bl_activity_get_kind (activity), bl_activity_get_topic (activity));
      for (guint j = 0; j < g_list_model_get_n_items (attendance); j++)
        {
          g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, j);
          g_string_append_printf (out, " %s=%d%s", bl_attendee_get_member_name (a), bl_attendee_get_state (a), bl_attendee_get_reason (a));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The same day gives the same ledger. */
static void
test_deterministic (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->dir, "again.db", NULL);
  g_autoptr(BlStore) other = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (bl_demo_write_file (other_path, TODAY, &error));
  g_assert_no_error (error);
  other = bl_store_open (other_path, &error);
  g_assert_no_error (error);

  a = describe (f->store);
  b = describe (other);
  g_assert_cmpstr (a, ==, b);
}

/* Never written over data: not into a ledger with records, not over a file. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *content = NULL;
  guint n_before = g_list_model_get_n_items (bl_store_get_activities (f->store));

  g_assert_false (bl_demo_fill (f->store, TODAY, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (f->store)), ==, n_before);

  g_assert_true (g_file_set_contents (text_path, "keep me\n", -1, NULL));
  g_assert_false (bl_demo_write_file (text_path, TODAY, &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, text_path));
  g_assert_true (g_file_get_contents (text_path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "keep me\n");
}

/* branch-ledger --demo FILE writes a ledger and refuses to overwrite one. */
static void
test_command_line (Fixture *f, gconstpointer data)
{
  const char *bin = g_getenv ("BRANCH_LEDGER_BIN");
  g_autofree char *path = g_build_filename (f->dir, "cli.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autofree char *name = NULL;
  int status = 0;
  const char *argv[] = { bin, "--demo", path, NULL };

  if (bin == NULL)
    {
      g_test_skip ("BRANCH_LEDGER_BIN is not set");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, path));

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, BL_DEMO_BRANCH_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), >, 150);
  g_clear_object (&store);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: refused with a message naming the file, exit status 1. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, path));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/branch-and-members", Fixture, NULL, fixture_set_up, test_branch_and_members, fixture_tear_down);
  g_test_add ("/demo/rule-packs", Fixture, NULL, fixture_set_up, test_rule_packs, fixture_tear_down);
  g_test_add ("/demo/activities", Fixture, NULL, fixture_set_up, test_activities, fixture_tear_down);
  g_test_add ("/demo/drifting-member", Fixture, NULL, fixture_set_up, test_drifting_member, fixture_tear_down);
  g_test_add ("/demo/member-stats", Fixture, NULL, fixture_set_up, test_member_stats, fixture_tear_down);
  g_test_add ("/demo/deterministic", Fixture, NULL, fixture_set_up, test_deterministic, fixture_tear_down);
  g_test_add ("/demo/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/demo/command-line", Fixture, NULL, fixture_set_up, test_command_line, fixture_tear_down);

  return g_test_run ();
}
