/* test-reminders.c: which reminders are due, decided in src/core without D-Bus */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bl-autostart.h"
#include "bl-reminders.h"
#include "bl-rules.h"
#include "bl-store.h"
#include "bl-test-common.h"

typedef struct {
  char    *dir;
  BlStore *store;
  gint64   member_id;
} Fixture;

static gint64
add_activity (BlStore          *store,
              const char       *kind,
              BlActivityStatus  status,
              const char       *date,
              const char       *start,
              const char       *location,
              const char       *topic)
{
  g_autoptr(BlActivity) activity = bl_test_activity_new (kind, status, date, topic);

  bl_activity_set_start_time (activity, start);
  bl_activity_set_location (activity, location);
  return bl_test_save_activity (store, activity, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = bl_member_new ("王五");
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "ledger.db", NULL);
  f->store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bl_store_set_setting (f->store, BL_SETTING_BRANCH_NAME, "第一党支部", &error));

  /* Joined long ago; the ledger's first activity is in March, so by late
   * November the member is past five months without organisational life. */
  bl_member_set_joined (member, "2010-07-01");
  g_assert_true (bl_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  f->member_id = bl_member_get_id (member);
  add_activity (f->store, "other", BL_ACTIVITY_STATUS_HELD, "2025-03-05", NULL, NULL, "年初部署会");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  bl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GPtrArray *
due (Fixture    *f,
     const char *date,
     const char *time)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = bl_reminders_due (f->store, date, time, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return reminders;
}

static BlReminder *
find (GPtrArray  *reminders,
      const char *key)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      BlReminder *reminder = g_ptr_array_index (reminders, i);

      if (strcmp (reminder->key, key) == 0)
        return reminder;
    }
  return NULL;
}

/* g_error() does not return: the compiler then knows the result is not NULL. */
static BlReminder *
must_find (GPtrArray  *reminders,
           const char *key)
{
  BlReminder *reminder = find (reminders, key);

  if (reminder == NULL)
    g_error ("no reminder with key %s", key);
  return reminder;
}

static BlReminder *
find_type (GPtrArray      *reminders,
           BlReminderType  type)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      BlReminder *reminder = g_ptr_array_index (reminders, i);

      if (reminder->type == type)
        return reminder;
    }
  return NULL;
}

static void
record_sent (Fixture    *f,
             GPtrArray  *reminders,
             const char *day,
             const char *time)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_at = g_strdup_printf ("%s %s:00", day, time);

  g_assert_true (bl_reminder_log_record_sent (f->store, reminders, day, sent_at, &error));
  g_assert_no_error (error);
}

#define THEME_DAY_NOV "quota:theme-day-monthly:2025-11-01:"

static void
test_quota_due_soon (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) early = due (f, "2025-11-20", "09:00");
  g_autoptr(GPtrArray) soon = due (f, "2025-11-25", "09:00");
  g_autoptr(GPtrArray) last = due (f, "2025-11-28", "09:00");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) longer = NULL;
  g_autoptr(GError) error = NULL;
  BlReminderOptions options;
  BlReminder *reminder;

  /* 10 days left: the monthly lead is 7. */
  g_assert_null (find (early, THEME_DAY_NOV));

  reminder = must_find (soon, THEME_DAY_NOV);
  g_assert_cmpint (reminder->type, ==, BL_REMINDER_QUOTA_DUE);
  g_assert_cmpint (reminder->days_left, ==, 5);
  g_assert_cmpstr (reminder->deadline, ==, "2025-11-30");
  g_assert_cmpstr (reminder->kind, ==, "theme-day");
  g_assert_cmpstr (reminder->group, ==, "");
  g_assert_false (reminder->urgent);
  g_assert_nonnull (strstr (reminder->body, "This month’s"));
  g_assert_nonnull (strstr (reminder->body, "has not been held yet"));
  g_assert_nonnull (strstr (reminder->body, "5 days left"));
  g_assert_nonnull (strstr (reminder->body, "Nov 30"));
  g_assert_true (reminder->actions & BL_REMINDER_ACTION_RECORD);
  g_assert_true (reminder->actions & BL_REMINDER_ACTION_DISMISS);
  /* The committee's monthly meeting is due too; the quarterly general
   * meeting (36 days left, lead 15) is not. */
  g_assert_nonnull (find (soon, "quota:committee-meeting-monthly:2025-11-01:"));
  g_assert_null (find (soon, "quota:general-meeting-quarterly:2025-10-01:"));

  /* Two days left: urgent. */
  reminder = must_find (last, THEME_DAY_NOV);
  g_assert_true (reminder->urgent);

  /* Held: met, nothing to remind. A planned one does not count. */
  add_activity (f->store, "theme-day", BL_ACTIVITY_STATUS_PLANNED, "2025-11-29", NULL, NULL, "计划中的主题党日");
  add_activity (f->store, "theme-day", BL_ACTIVITY_STATUS_HELD, "2025-11-12", NULL, NULL, "重温入党誓词");
  after = due (f, "2025-11-25", "09:00");
  g_assert_null (find (after, THEME_DAY_NOV));
  g_assert_nonnull (find (after, "quota:committee-meeting-monthly:2025-11-01:"));

  /* The preference's lead applies to rules that keep the default lead. */
  bl_reminder_options_init (&options);
  options.lead_days[BL_PERIOD_MONTH] = 12;
  longer = bl_reminders_due (f->store, "2025-11-20", "09:00", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find (longer, "quota:committee-meeting-monthly:2025-11-01:"));
}

static void
test_quota_partly_done (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  BlReminder *reminder;

  g_assert_true (bl_store_begin (f->store, &error));
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-10", i + 2);
      add_activity (f->store, "study-session", BL_ACTIVITY_STATUS_HELD, date, NULL, NULL, "理论学习");
    }
  g_assert_true (bl_store_commit (f->store, &error));

  /* The park plan's 12 study sessions a year: 8 held, 4 more needed. */
  g_assert_true (bl_rules_set_pack_enabled (f->store, "park-2025-ideology", TRUE, &error));
  g_assert_no_error (error);
  reminders = due (f, "2025-12-11", "09:00");
  reminder = must_find (reminders, "quota:study-sessions-yearly:2025-01-01:");
  g_assert_nonnull (strstr (reminder->body, "This year’s"));
  g_assert_nonnull (strstr (reminder->body, "8 of 12 held; 4 more needed"));
  g_assert_nonnull (strstr (reminder->body, "20 days left"));
}

static void
test_planned (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = add_activity (f->store, "general-meeting", BL_ACTIVITY_STATUS_PLANNED, "2025-11-26",
                            "14:30", "三楼会议室", "学习贯彻全会精神");
  g_autofree char *key_eve = g_strdup_printf ("planned:%" G_GINT64_FORMAT ":2025-11-25", id);
  g_autofree char *key_day = g_strdup_printf ("planned:%" G_GINT64_FORMAT ":2025-11-26", id);
  g_autofree char *key_late = g_strdup_printf ("unrecorded:%" G_GINT64_FORMAT ":2025-11-26", id);
  g_autoptr(GPtrArray) before = due (f, "2025-11-24", "09:00");
  g_autoptr(GPtrArray) eve = due (f, "2025-11-25", "09:00");
  g_autoptr(GPtrArray) day = due (f, "2025-11-26", "09:00");
  g_autoptr(GPtrArray) late = due (f, "2025-11-27", "09:00");
  g_autoptr(GPtrArray) held = NULL;
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  BlReminder *reminder;

  g_assert_null (find_type (before, BL_REMINDER_PLANNED_TOMORROW));
  g_assert_null (find_type (before, BL_REMINDER_PLANNED_TODAY));

  reminder = must_find (eve, key_eve);
  g_assert_cmpint (reminder->type, ==, BL_REMINDER_PLANNED_TOMORROW);
  g_assert_cmpint (reminder->activity_id, ==, id);
  g_assert_true (g_str_has_prefix (reminder->title, "Tomorrow: "));
  g_assert_nonnull (strstr (reminder->body, "学习贯彻全会精神"));
  g_assert_nonnull (strstr (reminder->body, "14:30"));
  g_assert_nonnull (strstr (reminder->body, "Place: 三楼会议室"));

  reminder = must_find (day, key_day);
  g_assert_cmpint (reminder->type, ==, BL_REMINDER_PLANNED_TODAY);
  g_assert_true (g_str_has_prefix (reminder->title, "Today: "));
  g_assert_null (find (day, key_eve));

  /* The day after, not marked held: the record is not finished. */
  reminder = must_find (late, key_late);
  g_assert_cmpint (reminder->type, ==, BL_REMINDER_UNRECORDED);
  g_assert_true (g_str_has_prefix (reminder->title, "Record not finished"));
  g_assert_true (reminder->actions & BL_REMINDER_ACTION_DISMISS);
  g_assert_true (reminder->actions & BL_REMINDER_ACTION_RECORD);
  g_assert_cmpint (reminder->activity_id, ==, id);
  g_assert_null (find_type (late, BL_REMINDER_PLANNED_TODAY));

  activity = bl_store_get_activity (f->store, id, &error);
  g_assert_no_error (error);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  g_assert_true (bl_store_save_activity (f->store, activity, NULL, &error));
  g_assert_no_error (error);
  held = due (f, "2025-11-27", "09:00");
  g_assert_null (find (held, key_late));
}

static void
test_absence_once_a_month (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *key_nov = g_strdup_printf ("absence:%" G_GINT64_FORMAT ":2025-11", f->member_id);
  g_autofree char *key_dec = g_strdup_printf ("absence:%" G_GINT64_FORMAT ":2025-12", f->member_id);
  g_autoptr(GPtrArray) first = due (f, "2025-11-03", "09:00");
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) december = NULL;
  BlReminder *reminder;

  reminder = must_find (first, key_nov);
  g_assert_cmpint (reminder->type, ==, BL_REMINDER_ABSENCE);
  g_assert_cmpint (reminder->member_id, ==, f->member_id);
  g_assert_nonnull (strstr (reminder->title, "王五"));
  g_assert_nonnull (strstr (reminder->title, "months without organisational life"));
  g_assert_nonnull (strstr (reminder->body, "No attendance recorded."));
  record_sent (f, first, "2025-11-03", "09:00");

  /* Not again this month, on another day. */
  later = due (f, "2025-11-20", "09:00");
  g_assert_null (find (later, key_nov));
  /* Next month: again. */
  december = due (f, "2025-12-01", "09:00");
  g_assert_nonnull (find (december, key_dec));
}

static void
test_dedup_same_day (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = due (f, "2025-11-25", "09:00");
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) next_day = NULL;

  g_assert_nonnull (find (first, THEME_DAY_NOV));
  g_assert_false (bl_reminder_log_was_sent (f->store, THEME_DAY_NOV, "2025-11-25"));
  record_sent (f, first, "2025-11-25", "09:00");
  g_assert_true (bl_reminder_log_was_sent (f->store, THEME_DAY_NOV, "2025-11-25"));

  /* The hourly check later that day sends nothing already sent. */
  again = due (f, "2025-11-25", "10:00");
  g_assert_cmpuint (again->len, ==, 0);
  /* The next day the quota, still not met, is reminded again. */
  next_day = due (f, "2025-11-26", "09:00");
  g_assert_nonnull (find (next_day, THEME_DAY_NOV));
}

static void
test_snooze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) first = due (f, "2025-11-25", "09:00");
  g_autoptr(GDateTime) when = g_date_time_new_local (2025, 11, 25, 9, 30, 0);
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  gboolean dismissed = TRUE;

  record_sent (f, first, "2025-11-25", "09:00");
  g_assert_true (bl_reminder_log_snooze (f->store, THEME_DAY_NOV, when, &error));
  g_assert_no_error (error);
  bl_reminder_log_get_state (f->store, THEME_DAY_NOV, &dismissed, &until);
  g_assert_false (dismissed);
  g_assert_cmpstr (until, ==, "2025-11-26 09:30");

  /* A day later, not at the first check of the next morning. */
  early = due (f, "2025-11-26", "08:00");
  g_assert_null (find (early, THEME_DAY_NOV));
  g_assert_nonnull (find (early, "quota:committee-meeting-monthly:2025-11-01:"));
  later = due (f, "2025-11-26", "09:30");
  g_assert_nonnull (find (later, THEME_DAY_NOV));

  /* Sending ends the snooze. */
  record_sent (f, later, "2025-11-26", "09:30");
  g_clear_pointer (&until, g_free);
  bl_reminder_log_get_state (f->store, THEME_DAY_NOV, NULL, &until);
  g_assert_null (until);
  after = due (f, "2025-11-27", "08:00");
  g_assert_nonnull (find (after, THEME_DAY_NOV));
}

static void
test_dismiss (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) first = due (f, "2025-11-25", "09:00");
  g_autoptr(GPtrArray) next_day = NULL;
  g_autoptr(GPtrArray) next_month = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dismissed = FALSE;

  record_sent (f, first, "2025-11-25", "09:00");
  g_assert_true (bl_reminder_log_dismiss (f->store, THEME_DAY_NOV, &error));
  g_assert_no_error (error);
  bl_reminder_log_get_state (f->store, THEME_DAY_NOV, &dismissed, NULL);
  g_assert_true (dismissed);

  next_day = due (f, "2025-11-28", "09:00");
  g_assert_null (find (next_day, THEME_DAY_NOV));
  g_assert_nonnull (find (next_day, "quota:committee-meeting-monthly:2025-11-01:"));
  /* A new period is a new key. */
  next_month = due (f, "2025-12-26", "09:00");
  g_assert_nonnull (find (next_month, "quota:theme-day-monthly:2025-12-01:"));
}

static void
test_empty_log_survives_reopen (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) first = due (f, "2025-11-25", "09:00");
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (bl_store_get_path (f->store));

  /* The log lives in the ledger: another process (cron) sees it. */
  record_sent (f, first, "2025-11-25", "09:00");
  g_clear_object (&f->store);
  f->store = bl_store_open (path, &error);
  g_assert_no_error (error);
  again = due (f, "2025-11-25", "11:00");
  g_assert_cmpuint (again->len, ==, 0);
}

static GDateTime *
local (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
assert_next (GDateTime  *now,
             const char *quiet,
             const char *expected)
{
  g_autoptr(GDateTime) next = bl_reminders_next_check (now, quiet);
  g_autofree char *text = g_date_time_format (next, "%Y-%m-%d %H:%M");

  g_assert_cmpstr (text, ==, expected);
}

static void
test_quiet_time (void)
{
  g_autoptr(GDateTime) early = local (2025, 11, 25, 7, 59);
  g_autoptr(GDateTime) eight = local (2025, 11, 25, 8, 0);
  g_autoptr(GDateTime) morning = local (2025, 11, 25, 10, 15);
  g_autoptr(GDateTime) late = local (2025, 11, 25, 23, 30);
  g_autoptr(GDateTime) night = local (2025, 11, 25, 3, 0);
  g_autoptr(GDateTime) dec31 = local (2025, 12, 31, 23, 45);

  g_assert_true (bl_reminders_is_quiet (early, "08:00"));
  g_assert_false (bl_reminders_is_quiet (eight, "08:00"));
  g_assert_false (bl_reminders_is_quiet (early, "00:00"));
  g_assert_false (bl_reminders_is_quiet (night, "nonsense"));
  g_assert_true (bl_reminders_is_quiet (night, "07:30"));

  /* Hourly… */
  assert_next (morning, "08:00", "2025-11-25 11:15");
  /* …but at midnight when that comes first… */
  assert_next (late, "00:00", "2025-11-26 00:00");
  /* …and not inside the quiet time: at its end. */
  assert_next (late, "08:00", "2025-11-26 08:00");
  assert_next (night, "08:00", "2025-11-25 08:00");
  assert_next (early, "08:00", "2025-11-25 08:00");
  assert_next (dec31, "00:00", "2026-01-01 00:00");
}

static void
test_autostart (void)
{
  g_autofree char *path = bl_autostart_get_path ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "autostart",
                                                "io.github.branchledger.BranchLedger.desktop", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *try_exec = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (bl_autostart_is_enabled ());
  /* Turning it off when it is not there is fine. */
  g_assert_true (bl_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (bl_autostart_set_enabled (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bl_autostart_is_enabled ());
  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  /* The installed program, whatever the session's PATH. */
  g_assert_cmpstr (exec, ==, BINDIR "/branch-ledger --background");
  try_exec = g_key_file_get_string (file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TRY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (try_exec, ==, BINDIR "/branch-ledger");
  g_assert_true (g_key_file_get_boolean (file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);

  g_assert_true (bl_autostart_set_enabled (FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (bl_autostart_is_enabled ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* zh_CN reads like the platforms' own texts. */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *key_late = NULL;
  const char *old_language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (old_language);
  BlReminder *reminder;
  gint64 id;

  id = add_activity (f->store, "theme-day", BL_ACTIVITY_STATUS_PLANNED, "2025-11-10", NULL, NULL, "志愿服务");
  key_late = g_strdup_printf ("unrecorded:%" G_GINT64_FORMAT ":2025-11-10", id);

  /* The zh_CN locale itself: glibc 2.41 (Debian 13) ignores LANGUAGE
   * under C.UTF-8, as older glibc did under C. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_fail_printf ("the zh_CN.UTF-8 locale is not installed (build-aux/dev generates it)");
      return;
    }
  reminders = due (f, "2025-11-25", "09:00");
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");

  reminder = must_find (reminders, THEME_DAY_NOV);
  if (g_str_has_prefix (reminder->body, "This month"))
    {
      g_test_skip ("the zh_CN catalogue is not built or not found");
      return;
    }
  g_assert_nonnull (strstr (reminder->body, "本月"));
  g_assert_nonnull (strstr (reminder->body, "尚未开展，还剩 5 天（截止 11月30日）"));
  reminder = must_find (reminders, key_late);
  g_assert_true (g_str_has_prefix (reminder->title, "记录未完成"));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BRANCH_LEDGER_LOCALEDIR");
  g_autofree char *config_home = NULL;
  int status;

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The autostart entry goes to a config dir of our own (set before GLib
   * reads it; G_TEST_OPTION_ISOLATE_DIRS leaks in GLib 2.74). */
  config_home = g_dir_make_tmp ("test-reminders-config-XXXXXX", NULL);
  g_assert_nonnull (config_home);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reminders/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("quota-due-soon", test_quota_due_soon);
  ADD ("quota-partly-done", test_quota_partly_done);
  ADD ("planned-day-before-day-of-and-unrecorded", test_planned);
  ADD ("absence-once-a-month", test_absence_once_a_month);
  ADD ("dedup-same-day", test_dedup_same_day);
  ADD ("snooze", test_snooze);
  ADD ("dismiss", test_dismiss);
  ADD ("log-in-the-ledger", test_empty_log_survives_reopen);
  ADD ("chinese", test_chinese);
  g_test_add_func ("/reminders/quiet-time", test_quiet_time);
  g_test_add_func ("/reminders/autostart", test_autostart);

  status = g_test_run ();
  bl_test_remove_tree (config_home);
  return status;
}
