/* test-start-date.c: the ledger's start date (建账日期): where it comes from,
 * how records move it, and every consumer honouring it: the quotas (so the
 * overview's data), --status (text and JSON), the reminders and the monthly
 * summary */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "bl-clock.h"
#include "bl-quota.h"
#include "bl-reminders.h"
#include "bl-report.h"
#include "bl-store.h"
#include "bl-test-common.h"
#include "db/bl-migrations.h"

#define TODAY "2025-11-25"

static gint64
add_activity (BlStore          *store,
              const char       *kind,
              const char       *date,
              BlActivityStatus  status)
{
  g_autofree char *topic = g_strdup_printf ("%s %s", kind, date);

  return bl_test_add_activity (store, kind, status, date, topic);
}

static void
assert_start (BlStore    *store,
              const char *date,
              gboolean    by_user)
{
  g_autofree char *start = bl_store_get_start_date (store);

  g_assert_cmpstr (start, ==, date);
  g_assert_cmpint (bl_store_get_start_date_set_by_user (store), ==, by_user);
}

/* The missed periods of one rule, as "start..end" joined by spaces. */
static char *
missed_of (BlQuotaReport *report,
           const char    *rule)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < report->missed->len; i++)
    {
      const BlQuotaStatus *q = g_ptr_array_index (report->missed, i);

      if (g_strcmp0 (q->rule_id, rule) != 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s..%s", q->start, q->end);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const BlQuotaStatus *
find_quota (BlQuotaReport *report,
            const char    *rule)
{
  for (guint i = 0; i < report->quotas->len; i++)
    {
      const BlQuotaStatus *q = g_ptr_array_index (report->quotas, i);

      if (g_strcmp0 (q->rule_id, rule) == 0)
        return q;
    }
  return NULL;
}

/* A ledger created in late November starts on 1 November: nothing earlier
 * this year is missed, November's quotas count as usual. (Before, such a
 * ledger listed every period since 1 January: about 47 missed rows.) */
static void
test_new_ledger (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));
  store = bl_test_store_new ();
  assert_start (store, "2025-11-01", FALSE);

  report = bl_quota_evaluate (store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->start_date, ==, "2025-11-01");
  g_assert_cmpuint (report->missed->len, ==, 0);
  g_assert_nonnull (find_quota (report, "committee-meeting-monthly"));
  g_assert_nonnull (find_quota (report, "general-meeting-quarterly"));
  g_assert_nonnull (find_quota (report, "life-meeting-yearly"));
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), NULL));
}

/* Until the user sets it, a held activity before the start date moves it
 * back to the first day of its month; planned ones do not. */
static void
test_follows_records (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));
  store = bl_test_store_new ();

  add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-03-20", BL_ACTIVITY_STATUS_HELD);
  assert_start (store, "2025-03-01", FALSE);
  add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-01-10", BL_ACTIVITY_STATUS_PLANNED);
  assert_start (store, "2025-03-01", FALSE);
  add_activity (store, BL_KIND_THEME_DAY, "2025-06-10", BL_ACTIVITY_STATUS_HELD);
  assert_start (store, "2025-03-01", FALSE);

  /* Set by the user: records no longer move it, later or earlier. */
  g_assert_true (bl_store_set_start_date (store, "2025-06-15", &error));
  g_assert_no_error (error);
  assert_start (store, "2025-06-15", TRUE);
  add_activity (store, BL_KIND_THEME_DAY, "2025-02-10", BL_ACTIVITY_STATUS_HELD);
  assert_start (store, "2025-06-15", TRUE);
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), NULL));
}

/* A bad date, or one after today, is refused and changes nothing. */
static void
test_set_refused (void)
{
  static const char * const bad[] = { "2025-02-30", "2025/03/01", "", "today", "2025-11-26", "2030-01-01" };
  g_autoptr(BlStore) store = NULL;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));
  store = bl_test_store_new ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bl_store_set_start_date (store, bad[i], &error));
      g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
      assert_start (store, "2025-11-01", FALSE);
    }
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), NULL));
}

/* A period that ends before the start date is neither missed nor a quota;
 * the one that contains it counts as usual. */
static void
test_quotas (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missed = NULL;
  const BlQuotaStatus *quarter;

  g_assert_true (bl_store_set_start_date (store, "2025-05-15", &error));
  g_assert_no_error (error);
  add_activity (store, BL_KIND_COMMITTEE_MEETING, "2025-07-03", BL_ACTIVITY_STATUS_HELD);
  /* Before the start date, and counted in the period that contains it. */
  add_activity (store, BL_KIND_GENERAL_MEETING, "2025-04-10", BL_ACTIVITY_STATUS_HELD);

  report = bl_quota_evaluate (store, "2025-11-25", &error);
  g_assert_no_error (error);
  missed = missed_of (report, "committee-meeting-monthly");
  g_assert_cmpstr (missed, ==, "2025-05-01..2025-05-31 2025-06-01..2025-06-30 2025-08-01..2025-08-31 "
                               "2025-09-01..2025-09-30 2025-10-01..2025-10-31");
  g_clear_pointer (&missed, g_free);
  /* Q2 contains the start date and its meeting counted: met. Q1 ended before. */
  missed = missed_of (report, "general-meeting-quarterly");
  g_assert_cmpstr (missed, ==, "2025-07-01..2025-09-30");
  g_clear_pointer (&report, bl_quota_report_free);

  /* Asked about a day before the start date: April's quota is not kept
   * here; the quarter and the year contain the start date. */
  report = bl_quota_evaluate (store, "2025-04-20", &error);
  g_assert_no_error (error);
  g_assert_null (find_quota (report, "committee-meeting-monthly"));
  quarter = find_quota (report, "general-meeting-quarterly");
  g_assert (quarter != NULL);
  g_assert_cmpuint (quarter->done, ==, 1);
  g_assert_nonnull (find_quota (report, "life-meeting-yearly"));
  g_assert_cmpuint (report->missed->len, ==, 0);
}

static gboolean
has_reminder (GPtrArray  *reminders,
              const char *prefix)
{
  for (guint i = 0; i < reminders->len; i++)
    if (g_str_has_prefix (((BlReminder *) g_ptr_array_index (reminders, i))->key, prefix))
      return TRUE;
  return FALSE;
}

/* No reminder for a period that ended before the ledger began. */
static void
test_reminders (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_store_set_start_date (store, "2025-11-01", &error));
  g_assert_no_error (error);

  /* 28 October: the committee's October quota would be due soon. */
  before = bl_reminders_collect (store, "2025-10-28", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (has_reminder (before, "quota:committee-meeting-monthly:"));
  g_assert_false (has_reminder (before, "quota:theme-day-monthly:"));
  /* 25 November: November's is. */
  after = bl_reminders_collect (store, "2025-11-25", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_reminder (after, "quota:committee-meeting-monthly:2025-11-01"));
}

/* The monthly summary lists no missed period from before the start date. */
static void
test_report (void)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));
  store = bl_test_store_new ();
  g_assert_true (bl_store_ensure_group (store, "第一党小组", &error));
  g_assert_no_error (error);

  report = bl_report_build (store, "2025-11", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->missed->len, ==, 0);
  g_assert_cmpuint (report->quotas->len, >, 0);
  g_clear_pointer (&report, bl_report_free);

  /* Kept since January: the same month lists the year's gaps. */
  g_assert_true (bl_store_set_start_date (store, "2025-01-01", &error));
  report = bl_report_build (store, "2025-11", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->missed->len, >=, 36);
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), NULL));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* A ledger written by format 2 (the release before): its start date comes
 * from its earliest record, the free-text secretary becomes the member
 * holding 书记, and members get a destination. */
static void
test_migrate_format_2 (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 2;",
                                              BL_LEDGER_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlMember) secretary = NULL;
  g_autoptr(BlMember) gone = NULL;
  g_autofree char *setting = NULL;
  sqlite3 *db;

  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, bl_migration_sql (1));
  exec_sql (db, bl_migration_sql (2));
  exec_sql (db, pragmas);
  exec_sql (db,
            "INSERT INTO setting (key, value) VALUES ('branch-name', '第一党支部'), ('secretary', ' 王书记 ');"
            "INSERT INTO member (id, name) VALUES (1, '王书记');"
            "INSERT INTO member (id, name, status, transferred_on) VALUES (2, '孙党员', 'transferred', '2024-01-01');"
            "INSERT INTO activity (kind, status, date, topic) VALUES ('theme-day', 'planned', '2024-03-15', '三月');"
            "INSERT INTO activity (kind, status, date, topic) VALUES ('theme-day', 'held', '2024-06-15', '六月');");
  sqlite3_close (db);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  assert_start (store, "2024-03-01", FALSE);
  secretary = bl_store_get_secretary (store, NULL);
  g_assert_nonnull (secretary);
  g_assert_cmpstr (bl_member_get_name (secretary), ==, "王书记");
  /* No role history: secretary all along. */
  g_assert_cmpint (bl_store_get_secretary_on (store, "2000-01-01"), ==, 1);
  setting = bl_store_get_setting (store, "secretary");
  g_assert_null (setting);
  gone = bl_store_find_member (store, 2);
  g_assert_cmpstr (bl_member_get_transferred_to (gone), ==, "");
  g_assert_cmpstr (bl_member_get_transferred_on (gone), ==, "2024-01-01");
  g_clear_object (&store);

  /* Without records: the first day of the month it is opened in. */
  g_assert_cmpint (sqlite3_open (empty_path, &db), ==, SQLITE_OK);
  exec_sql (db, bl_migration_sql (1));
  exec_sql (db, bl_migration_sql (2));
  exec_sql (db, pragmas);
  exec_sql (db, "INSERT INTO setting (key, value) VALUES ('secretary', '不在名单上的人');");
  sqlite3_close (db);
  store = bl_store_open (empty_path, &error);
  g_assert_no_error (error);
  assert_start (store, "2025-11-01", FALSE);
  /* A name that is no member makes nobody secretary, and is kept, unread. */
  g_assert_null (bl_store_get_secretary (store, NULL));
  g_clear_pointer (&setting, g_free);
  setting = bl_store_get_setting (store, "secretary");
  g_assert_cmpstr (setting, ==, "不在名单上的人");
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), NULL));
}

/* The program, as of TODAY, with its messages in @language. */
static int
run (const char *language,
     char      **out,
     char      **err,
     ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = bl_test_run_as_of_valist (TODAY, language, out, err, args);
  va_end (args);
  return status;
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

/* --status (text and JSON), --start-date and --check-reminders as a new
 * secretary meets them in late November. */
static void
test_command_line (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *missed;

  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--branch-name", "第一党支部", "--status", "--json", NULL), ==, 0);
  object = parse_object (out, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "start_date"), ==, "2025-11-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "missed")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "quotas")), >, 0);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The table says where the records start, and that nothing was missed. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--status", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "建账日期：2025年11月1日"));
  g_assert_nonnull (strstr (out, "本年度此前未完成：\n  无。"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad dates: exit 1, a message, nothing changed. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--start-date", "2025-09-31", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--start-date"));
  g_assert_nonnull (strstr (err, "2025-09-31"));
  g_assert_nonnull (strstr (err, "YYYY-MM-DD"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--start-date", "2025-12-01", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "建账日期不能晚于今天"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--status", "--json", NULL), ==, 0);
  object = parse_object (out, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "start_date"), ==, "2025-11-01");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Kept since 15 September: September counts, August does not. */
  g_assert_cmpint (run ("zh_CN", &out, &err, "--database", db, "--start-date", "2025-09-15", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "建账日期：2025年9月15日"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--status", "--json", NULL), ==, 0);
  object = parse_object (out, &root);
  g_assert_cmpstr (json_object_get_string_member (object, "start_date"), ==, "2025-09-15");
  missed = json_object_get_array_member (object, "missed");
  g_assert_cmpuint (json_array_get_length (missed), >, 0);
  for (guint i = 0; i < json_array_get_length (missed); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (missed, i), "end"), >=, "2025-09-15");
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The reminders of a day before the records start: no quota is due. */
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--check-reminders", "--date", "2025-08-28",
                        "--dry-run", "--json", NULL), ==, 0);
  g_assert_null (strstr (out, "quota:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("C", &out, &err, "--database", db, "--check-reminders", "--date", "2025-09-28",
                        "--dry-run", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "quota:committee-meeting-monthly:2025-09-01"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/start-date/new-ledger", test_new_ledger);
  g_test_add_func ("/start-date/follows-records", test_follows_records);
  g_test_add_func ("/start-date/set-refused", test_set_refused);
  g_test_add_func ("/start-date/quotas", test_quotas);
  g_test_add_func ("/start-date/reminders", test_reminders);
  g_test_add_func ("/start-date/report", test_report);
  g_test_add_func ("/start-date/migrate-format-2", test_migrate_format_2);
  g_test_add_func ("/start-date/command-line", test_command_line);

  return g_test_run ();
}
