/* test-notify.c: reminders end to end, through real libnotify and D-Bus, to
 * python-dbusmock's notification_daemon on a private session bus */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "bl-autostart.h"
#include "bl-context.h"
#include "bl-reminder-service.h"
#include "bl-reminders.h"
#include "bl-store.h"
#include "bl-test-common.h"

#define NOTIFY_NAME  "org.freedesktop.Notifications"
#define NOTIFY_PATH  "/org/freedesktop/Notifications"
#define MOCK_IFACE   "org.freedesktop.DBus.Mock"
#define DATE         "2025-11-28"

static GTestDBus *test_bus;
static GPid mock_pid;

/* The bus the app's code talks on (GTestDBus set DBUS_SESSION_BUS_ADDRESS). */
static GDBusConnection *
bus (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  g_object_unref (connection);  /* the bus singleton keeps it */
  return connection;
}

static gboolean
name_has_owner (void)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus (), "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", NOTIFY_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds. What the mock daemon records
 * is asked of it over D-Bus, which raises no event here: a tick wakes the
 * loop to ask again, and anything that does arrive is handled at once. The
 * limit only keeps a broken test from hanging the suite. */
static void
wait_until (gboolean (*condition) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
mock_is_up (gpointer data)
{
  return name_has_owner ();
}

static gboolean
mock_is_down (gpointer data)
{
  return !name_has_owner ();
}

/* @caps: the server's capabilities, space-separated (NULL: the template's
 * default, which has no "actions"). */
static void
start_mock (const char *caps)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mock_pid, ==, 0);
  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_strdup ("-m"));
  g_ptr_array_add (argv, g_strdup ("dbusmock"));
  g_ptr_array_add (argv, g_strdup ("--session"));
  g_ptr_array_add (argv, g_strdup ("-t"));
  g_ptr_array_add (argv, g_strdup ("notification_daemon"));
  if (caps != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("-p"));
      g_ptr_array_add (argv, g_strdup_printf ("{\"capabilities\": \"%s\"}", caps));
    }
  g_ptr_array_add (argv, NULL);

  /* Its stdout would mix into this test's TAP output. */
  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &mock_pid, &error);
  g_assert_no_error (error);
  wait_until (mock_is_up, NULL);
}

static void
stop_mock (void)
{
  if (mock_pid == 0)
    return;
  kill (mock_pid, SIGTERM);
  waitpid (mock_pid, NULL, 0);
  g_spawn_close_pid (mock_pid);
  mock_pid = 0;
  wait_until (mock_is_down, NULL);
}

/* The Notify calls the mock received, each as its tuple of arguments. */
static GPtrArray *
notify_calls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *method;
  GVariant *args;
  guint64 timestamp;

  reply = g_dbus_connection_call_sync (bus (), NOTIFY_NAME, NOTIFY_PATH, MOCK_IFACE, "GetCalls",
                                       NULL, G_VARIANT_TYPE ("(a(tsav))"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&s@av)", &timestamp, &method, &args))
    {
      if (strcmp (method, "Notify") == 0)
        {
          GVariantBuilder builder;
          gsize n = g_variant_n_children (args);

          g_variant_builder_init (&builder, G_VARIANT_TYPE_TUPLE);
          for (gsize i = 0; i < n; i++)
            {
              g_autoptr(GVariant) boxed = g_variant_get_child_value (args, i);
              g_variant_builder_add_value (&builder, g_variant_get_variant (boxed));
            }
          g_ptr_array_add (calls, g_variant_ref_sink (g_variant_builder_end (&builder)));
        }
      g_variant_unref (args);
    }
  return calls;
}

static void
emit_action (guint32     id,
             const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariant *args[] = { g_variant_new_variant (g_variant_new_uint32 (id)),
                       g_variant_new_variant (g_variant_new_string (action)) };

  reply = g_dbus_connection_call_sync (bus (), NOTIFY_NAME, NOTIFY_PATH, MOCK_IFACE, "EmitSignal",
                                       g_variant_new ("(sss@av)", NOTIFY_NAME, "ActionInvoked", "us",
                                                      g_variant_new_array (G_VARIANT_TYPE_VARIANT, args, 2)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static const char *
call_string (GVariant *call,
             gsize     index)
{
  g_autoptr(GVariant) value = g_variant_get_child_value (call, index);

  return g_variant_get_string (value, NULL);  /* owned by @call */
}

static char **
call_actions (GVariant *call)
{
  g_autoptr(GVariant) value = g_variant_get_child_value (call, 5);

  return g_variant_dup_strv (value, NULL);
}

static guchar
call_urgency (GVariant *call)
{
  g_autoptr(GVariant) hints = g_variant_get_child_value (call, 6);
  guchar urgency = 255;

  g_variant_lookup (hints, "urgency", "y", &urgency);
  return urgency;
}

/* The index of the Notify call whose summary is @title, or -1. */
static int
find_call (GPtrArray  *calls,
           const char *title)
{
  for (guint i = 0; i < calls->len; i++)
    if (strcmp (call_string (g_ptr_array_index (calls, i), 3), title) == 0)
      return (int) i;
  return -1;
}

typedef struct {
  char              *dir;
  char              *path;
  BlStore           *store;
  GApplication      *app;
  BlReminderService *service;
  GPtrArray         *expected;   /* BlReminder*: what is due on DATE */
  gboolean           checked;
  guint              sent;
  GVariant          *recorded;   /* app.record's parameter */
  gint64             opened_activity;
  guint              opened;
} Fixture;

static void
record_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;

  g_clear_pointer (&f->recorded, g_variant_unref);
  f->recorded = g_variant_ref (parameter);
}

static void
open_activity_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  Fixture *f = user_data;

  f->opened_activity = g_variant_get_int64 (parameter);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;

  f->opened++;
}

static void
checked_cb (BlReminderService *service,
            guint              sent,
            Fixture           *f)
{
  f->checked = TRUE;
  f->sent = sent;
}

static void
add_activity (BlStore *store, const char *kind, BlActivityStatus status, const char *date, const char *topic)
{
  bl_test_add_activity (store, kind, status, date, topic);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const GActionEntry entries[] = {
    { "record", record_activated, "(ss)", NULL, NULL, { 0 } },
    { "open-overview", open_activated, NULL, NULL, NULL, { 0 } },
    { "open-activity", open_activity_activated, "x", NULL, NULL, { 0 } },
  };
  g_autoptr(BlMember) member = bl_member_new ("王五");
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-notify-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "ledger.db", NULL);
  f->store = bl_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (bl_store_set_setting (f->store, BL_SETTING_BRANCH_NAME, "第一党支部", &error));
  bl_member_set_joined (member, "2010-07-01");
  g_assert_true (bl_store_save_member (f->store, member, &error));
  g_assert_no_error (error);
  add_activity (f->store, "other", BL_ACTIVITY_STATUS_HELD, "2025-03-05", "年初部署会");
  add_activity (f->store, "party-lecture", BL_ACTIVITY_STATUS_PLANNED, "2025-11-20", "党章 & <党规> 学习");

  /* On DATE: theme day and committee meeting 2 days before the deadline
   * (urgent), the lecture of 20 November not recorded, and the member at
   * eight months. */
  f->expected = bl_reminders_due (f->store, DATE, "10:00", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->expected->len, >=, 4);

  f->app = g_application_new ("io.github.branchledger.BranchLedger.Test", G_APPLICATION_NON_UNIQUE);
  g_action_map_add_action_entries (G_ACTION_MAP (f->app), entries, G_N_ELEMENTS (entries), f);
  g_assert_true (g_application_register (f->app, NULL, &error));
  g_assert_no_error (error);

  f->service = bl_reminder_service_new (f->app, f->store);
  g_signal_connect (f->service, "checked", G_CALLBACK (checked_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  stop_mock ();
  g_clear_object (&f->service);
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  g_clear_pointer (&f->expected, g_ptr_array_unref);
  g_clear_pointer (&f->recorded, g_variant_unref);
  bl_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
is_checked (gpointer data)
{
  return ((Fixture *) data)->checked;
}

static guint
check (Fixture    *f,
       const char *date,
       int         hour)
{
  int year, month, day;
  g_autoptr(GDateTime) now = NULL;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &year, &month, &day), ==, 3);
  now = g_date_time_new_local (year, month, day, hour, 0, 0);
  f->checked = FALSE;
  bl_reminder_service_check (f->service, now);
  wait_until (is_checked, f);
  return f->sent;
}

static BlReminder *
expected_of_type (Fixture *f, BlReminderType type, const char *kind)
{
  for (guint i = 0; i < f->expected->len; i++)
    {
      BlReminder *reminder = g_ptr_array_index (f->expected, i);

      if (reminder->type == type && (kind == NULL || g_strcmp0 (reminder->kind, kind) == 0))
        return reminder;
    }
  g_error ("no expected reminder of type %d", type);
}

/* A server without "actions": plain notifications with the app's name and
 * icon, critical when 3 days or less are left; logged as sent once a day. */
static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) again = NULL;
  BlReminder *theme = NULL;
  BlReminder *absence = NULL;
  int index;

  start_mock (NULL);
  /* Before 08:00 the running app stays quiet. */
  g_assert_cmpuint (check (f, DATE, 7), ==, 0);
  calls = notify_calls ();
  g_assert_cmpuint (calls->len, ==, 0);
  g_clear_pointer (&calls, g_ptr_array_unref);

  g_assert_cmpuint (check (f, DATE, 10), ==, f->expected->len);

  calls = notify_calls ();
  g_assert_cmpuint (calls->len, ==, f->expected->len);
  for (guint i = 0; i < calls->len; i++)
    {
      GVariant *call = g_ptr_array_index (calls, i);
      g_auto(GStrv) actions = call_actions (call);
      g_autoptr(GVariant) hints = g_variant_get_child_value (call, 6);
      const char *entry = NULL;

      g_assert_cmpstr (call_string (call, 0), ==, "Branch Ledger");
      g_assert_cmpstr (call_string (call, 2), ==, APP_ID);
      g_assert_cmpuint (g_strv_length (actions), ==, 0);
      g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &entry));
      g_assert_cmpstr (entry, ==, APP_ID);
    }

  theme = expected_of_type (f, BL_REMINDER_QUOTA_DUE, "theme-day");
  index = find_call (calls, theme->title);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpstr (call_string (g_ptr_array_index (calls, (guint) index), 4), ==, theme->body);
  g_assert_cmpuint (call_urgency (g_ptr_array_index (calls, (guint) index)), ==, 2);  /* critical */
  absence = expected_of_type (f, BL_REMINDER_ABSENCE, NULL);
  index = find_call (calls, absence->title);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (call_urgency (g_ptr_array_index (calls, (guint) index)), ==, 1);  /* normal */

  g_assert_true (bl_reminder_log_was_sent (f->store, theme->key, DATE));

  /* The template's server reads bodies as markup: a topic's "&" and "<"
   * arrive escaped, to be shown as written. */
  {
    BlReminder *unrecorded = expected_of_type (f, BL_REMINDER_UNRECORDED, NULL);
    g_autofree char *escaped = g_markup_escape_text (unrecorded->body, -1);

    index = find_call (calls, unrecorded->title);
    g_assert_cmpint (index, >=, 0);
    g_assert_nonnull (strstr (unrecorded->body, "党章 & <党规> 学习"));
    g_assert_cmpstr (call_string (g_ptr_array_index (calls, (guint) index), 4), ==, escaped);
  }

  /* The hourly check later that day sends nothing again. */
  g_assert_cmpuint (check (f, DATE, 11), ==, 0);
  again = notify_calls ();
  g_assert_cmpuint (again->len, ==, calls->len);
}

static gboolean
is_snoozed (gpointer data)
{
  Fixture *f = data;
  BlReminder *theme = expected_of_type (f, BL_REMINDER_QUOTA_DUE, "theme-day");
  g_autofree char *until = NULL;

  bl_reminder_log_get_state (f->store, theme->key, NULL, &until);
  return until != NULL;
}

static gboolean
is_recorded (gpointer data)
{
  return ((Fixture *) data)->recorded != NULL;
}

static gboolean
is_activity_opened (gpointer data)
{
  return ((Fixture *) data)->opened_activity != 0;
}

static gboolean
is_opened (gpointer data)
{
  return ((Fixture *) data)->opened > 0;
}

static gboolean
is_dismissed (gpointer data)
{
  Fixture *f = data;
  BlReminder *committee = expected_of_type (f, BL_REMINDER_QUOTA_DUE, "committee-meeting");
  gboolean dismissed = FALSE;

  bl_reminder_log_get_state (f->store, committee->key, &dismissed, NULL);
  return dismissed;
}

/* A server with "actions": the buttons, and what they do when pressed. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) earliest = NULL;
  g_autoptr(GDateTime) latest = NULL;
  g_autofree char *until = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_auto(GStrv) actions = NULL;
  g_auto(GStrv) absence_actions = NULL;
  BlReminder *theme = expected_of_type (f, BL_REMINDER_QUOTA_DUE, "theme-day");
  BlReminder *committee = expected_of_type (f, BL_REMINDER_QUOTA_DUE, "committee-meeting");
  BlReminder *absence = expected_of_type (f, BL_REMINDER_ABSENCE, NULL);
  const char *kind = NULL;
  const char *group = NULL;
  BlReminder *unrecorded = expected_of_type (f, BL_REMINDER_UNRECORDED, NULL);
  int theme_index, committee_index, absence_index, unrecorded_index;
  const char * const quota_actions[] = {
    "default", "Open", "open", "Open", "record", "Record now", "snooze", "Snooze 1 day",
    "dismiss", "Don’t remind again for this period", NULL,
  };

  start_mock ("body actions");
  g_assert_cmpuint (check (f, DATE, 10), ==, f->expected->len);
  calls = notify_calls ();
  g_assert_cmpuint (calls->len, ==, f->expected->len);

  theme_index = find_call (calls, theme->title);
  committee_index = find_call (calls, committee->title);
  absence_index = find_call (calls, absence->title);
  unrecorded_index = find_call (calls, unrecorded->title);
  g_assert_cmpint (unrecorded_index, >=, 0);
  g_assert_cmpint (theme_index, >=, 0);
  g_assert_cmpint (committee_index, >=, 0);
  g_assert_cmpint (absence_index, >=, 0);
  actions = call_actions (g_ptr_array_index (calls, (guint) theme_index));
  g_assert_cmpstrv (actions, quota_actions);
  /* No "body-markup" here: the body goes as it is. */
  g_assert_cmpstr (call_string (g_ptr_array_index (calls, (guint) unrecorded_index), 4), ==, unrecorded->body);
  /* Nothing to record or dismiss for a member. */
  absence_actions = call_actions (g_ptr_array_index (calls, (guint) absence_index));
  g_assert_false (g_strv_contains ((const char * const *) absence_actions, "record"));
  g_assert_false (g_strv_contains ((const char * const *) absence_actions, "dismiss"));
  g_assert_true (g_strv_contains ((const char * const *) absence_actions, "snooze"));

  /* The mock numbers notifications from 1 in the order they came. */
  before = g_date_time_new_now_local ();
  emit_action ((guint32) theme_index + 1, "snooze");
  wait_until (is_snoozed, f);
  after = g_date_time_new_now_local ();
  bl_reminder_log_get_state (f->store, theme->key, NULL, &until);
  earliest = g_date_time_add_days (before, 1);
  latest = g_date_time_add_days (after, 1);
  low = g_date_time_format (earliest, "%Y-%m-%d %H:%M");
  high = g_date_time_format (latest, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (until, >=, low);
  g_assert_cmpstr (until, <=, high);

  emit_action ((guint32) theme_index + 1, "record");
  wait_until (is_recorded, f);
  g_variant_get (f->recorded, "(&s&s)", &kind, &group);
  g_assert_cmpstr (kind, ==, "theme-day");
  g_assert_cmpstr (group, ==, "");

  /* On a record not finished, "Record now" opens that record. */
  emit_action ((guint32) unrecorded_index + 1, "record");
  wait_until (is_activity_opened, f);
  g_assert_cmpint (f->opened_activity, ==, unrecorded->activity_id);

  emit_action ((guint32) absence_index + 1, "default");
  wait_until (is_opened, f);
  g_assert_cmpuint (f->opened, ==, 1);

  emit_action ((guint32) committee_index + 1, "dismiss");
  wait_until (is_dismissed, f);

  /* The next day: the snoozed one waits for its day to pass, the dismissed
   * one is gone for this period, the member waits for next month. */
  {
    g_autoptr(GPtrArray) later = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) due = bl_reminders_due (f->store, "2025-11-29", "10:00", NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < due->len; i++)
      {
        BlReminder *reminder = g_ptr_array_index (due, i);

        g_assert_cmpstr (reminder->key, !=, theme->key);
        g_assert_cmpstr (reminder->key, !=, committee->key);
        g_assert_cmpstr (reminder->key, !=, absence->key);
      }
    /* The record not finished comes again the next day. */
    g_assert_cmpuint (due->len, >, 0);
    g_assert_cmpuint (check (f, "2025-11-29", 10), ==, due->len);
    later = notify_calls ();
    g_assert_cmpuint (later->len, ==, calls->len + due->len);
  }
}

/* No server: the app keeps working, warns once, and loses nothing. */
static void
test_no_server (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;

  g_assert_false (name_has_owner ());
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*Reminders cannot be shown on the desktop*");
  g_assert_cmpuint (check (f, DATE, 10), ==, 0);
  g_test_assert_expected_messages ();
  for (guint i = 0; i < f->expected->len; i++)
    {
      BlReminder *reminder = g_ptr_array_index (f->expected, i);

      g_assert_false (bl_reminder_log_ever_sent (f->store, reminder->key));
    }

  /* One warning, not one per check (another would abort this test). */
  g_assert_cmpuint (check (f, DATE, 11), ==, 0);

  /* The server is back: everything comes. */
  start_mock (NULL);
  g_assert_cmpuint (check (f, DATE, 12), ==, f->expected->len);
  calls = notify_calls ();
  g_assert_cmpuint (calls->len, ==, f->expected->len);
}

/* --check-reminders: a process of its own, as cron or a timer runs it. */
static int
run_cli (Fixture     *f,
         const char  *date,
         gboolean     dry_run,
         JsonObject **result,
         char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = {
    g_getenv ("BRANCH_LEDGER_BIN"), "--database", f->path, "--check-reminders", "--date", date,
    "--json", dry_run ? "--dry-run" : NULL, NULL,
  };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  *result = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
count_sent (JsonObject *result,
            guint      *total)
{
  JsonArray *reminders = json_object_get_array_member (result, "reminders");
  guint sent = 0;

  *total = json_array_get_length (reminders);
  for (guint i = 0; i < *total; i++)
    if (json_object_get_boolean_member (json_array_get_object_element (reminders, i), "sent"))
      sent++;
  return sent;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) dry = NULL;
  g_autoptr(JsonObject) offline = NULL;
  g_autoptr(JsonObject) back = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *err = NULL;
  guint total = 0;

  start_mock ("body actions");

  /* Sends what is due, without buttons (nobody would be there to answer). */
  g_assert_cmpint (run_cli (f, DATE, FALSE, &first, NULL), ==, 0);
  g_assert_cmpuint (count_sent (first, &total), ==, f->expected->len);
  g_assert_cmpuint (total, ==, f->expected->len);
  calls = notify_calls ();
  g_assert_cmpuint (calls->len, ==, f->expected->len);
  for (guint i = 0; i < calls->len; i++)
    {
      g_auto(GStrv) actions = call_actions (g_ptr_array_index (calls, i));
      g_assert_cmpuint (g_strv_length (actions), ==, 0);
    }
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* Run again the same day: nothing new. */
  g_assert_cmpint (run_cli (f, DATE, FALSE, &again, NULL), ==, 0);
  g_assert_cmpuint (count_sent (again, &total), ==, 0);
  g_assert_cmpuint (total, ==, 0);

  /* --dry-run lists, sends and records nothing. */
  g_assert_cmpint (run_cli (f, "2025-11-29", TRUE, &dry, NULL), ==, 0);
  g_assert_true (json_object_get_boolean_member (dry, "dry_run"));
  g_assert_cmpuint (count_sent (dry, &total), ==, 0);
  g_assert_cmpuint (total, >, 0);
  calls = notify_calls ();
  g_assert_cmpuint (calls->len, ==, f->expected->len);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* No server: exit 0 with a warning, nothing marked as sent… */
  stop_mock ();
  g_assert_cmpint (run_cli (f, "2025-11-29", FALSE, &offline, &err), ==, 0);
  g_assert_nonnull (strstr (err, "Warning"));
  g_assert_cmpuint (count_sent (offline, &total), ==, 0);
  g_assert_cmpuint (total, >, 0);

  /* …so that all of it comes the next time. */
  start_mock (NULL);
  g_assert_cmpint (run_cli (f, "2025-11-29", FALSE, &back, NULL), ==, 0);
  {
    guint sent = count_sent (back, &total);

    g_assert_cmpuint (sent, ==, total);
    g_assert_cmpuint (total, ==, json_array_get_length (json_object_get_array_member (offline, "reminders")));
  }
}

/* The running service: nothing for a new, empty ledger; as soon as it is
 * set up (the welcome page), a check without waiting for the hour. */
static void
test_checks_once_set_up (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BlReminderService) service = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.db", NULL);

  /* Whatever the time and day this runs: no quiet time, and a monthly lead
   * long enough for every day of the month. */
  g_settings_set_string (settings, BL_SETTINGS_QUIET_UNTIL, "00:00");
  g_settings_set_int (settings, BL_SETTINGS_LEAD_DAYS_MONTH, 31);

  start_mock (NULL);
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bl_store_is_empty (store));
  service = bl_reminder_service_new (f->app, store);
  g_signal_connect (service, "checked", G_CALLBACK (checked_cb), f);

  f->checked = FALSE;
  bl_reminder_service_start (service);
  wait_until (is_checked, f);
  g_assert_cmpuint (f->sent, ==, 0);

  f->checked = FALSE;
  g_assert_true (bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "新支部", &error));
  g_assert_no_error (error);
  wait_until (is_checked, f);
  g_assert_cmpuint (f->sent, >, 0);

  g_settings_reset (settings, BL_SETTINGS_QUIET_UNTIL);
  g_settings_reset (settings, BL_SETTINGS_LEAD_DAYS_MONTH);
  /* Starting wrote the autostart entry; the next test wants none. */
  g_assert_true (bl_autostart_is_enabled ());
  g_assert_true (bl_autostart_set_enabled (FALSE, &error));
}

/* The running service follows what other programs write to the ledger (the
 * app's BlContext watches the file) and the day changing. */
static void
test_follows_outside_writes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BlReminderService) service = NULL;
  g_autoptr(BlContext) context = NULL;
  g_autoptr(BlClock) clock = bl_clock_new ();
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "watched.db", NULL);
  const char *argv[] = { "--database", path, "--branch-name", "新支部", NULL };
  guint sent;

  g_settings_set_string (settings, BL_SETTINGS_QUIET_UNTIL, "00:00");
  g_settings_set_int (settings, BL_SETTINGS_LEAD_DAYS_MONTH, 31);

  start_mock (NULL);
  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (bl_clock_set_fixed_date (clock, "2025-11-20"));
  bl_store_set_clock (store, clock);
  /* Made on the machine's day: kept from this month of the test's clock. */
  g_assert_true (bl_store_set_start_date (store, "2025-11-01", &error));
  g_assert_no_error (error);
  context = bl_context_new (store);
  service = bl_reminder_service_new (f->app, store);
  g_signal_connect (service, "checked", G_CALLBACK (checked_cb), f);

  f->checked = FALSE;
  bl_reminder_service_start (service);
  wait_until (is_checked, f);
  g_assert_cmpuint (f->sent, ==, 0);

  /* The program itself, from the command line, names the branch: a check
   * follows, without waiting for the hour. */
  f->checked = FALSE;
  g_assert_cmpint (bl_test_run_program (argv, NULL, NULL), ==, 0);
  wait_until (is_checked, f);
  sent = f->sent;
  g_assert_cmpuint (sent, >, 0);
  g_assert_false (bl_store_is_empty (store));

  /* The next day: what is due then comes, the day's own. */
  f->checked = FALSE;
  g_assert_true (bl_clock_set_fixed_date (clock, "2025-11-21"));
  wait_until (is_checked, f);
  g_assert_cmpuint (f->sent, >, 0);

  g_settings_reset (settings, BL_SETTINGS_QUIET_UNTIL);
  g_settings_reset (settings, BL_SETTINGS_LEAD_DAYS_MONTH);
  g_assert_true (bl_autostart_set_enabled (FALSE, &error));
}

static gboolean
autostart_present (gpointer data)
{
  return bl_autostart_is_enabled ();
}

static gboolean
autostart_absent (gpointer data)
{
  return !bl_autostart_is_enabled ();
}

/* The autostart entry follows "Remind me when the app is closed". */
static void
test_autostart_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GApplication) app = g_application_new ("io.github.branchledger.BranchLedger.Autostart",
                                                   G_APPLICATION_NON_UNIQUE);
  g_autoptr(BlReminderService) service = bl_reminder_service_new (app, NULL);
  g_autofree char *path = bl_autostart_get_path ();

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_false (bl_autostart_is_enabled ());

  /* On by default: written when the service starts. */
  bl_reminder_service_start (service);
  g_assert_true (bl_autostart_is_enabled ());

  g_settings_set_boolean (settings, BL_SETTINGS_REMIND_WHEN_CLOSED, FALSE);
  wait_until (autostart_absent, NULL);
  g_settings_set_boolean (settings, BL_SETTINGS_REMIND_WHEN_CLOSED, TRUE);
  wait_until (autostart_present, NULL);
  /* Reminders off: nothing to start at login. */
  g_settings_set_boolean (settings, BL_SETTINGS_REMINDERS_ENABLED, FALSE);
  wait_until (autostart_absent, NULL);
  g_settings_reset (settings, BL_SETTINGS_REMINDERS_ENABLED);
  wait_until (autostart_present, NULL);
  g_settings_reset (settings, BL_SETTINGS_REMIND_WHEN_CLOSED);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_home = NULL;
  int status;

  /* The autostart entry goes to a config dir of our own (set before GLib
   * reads it; G_TEST_OPTION_ISOLATE_DIRS leaks in GLib 2.74). */
  config_home = g_dir_make_tmp ("test-notify-config-XXXXXX", NULL);
  g_assert_nonnull (config_home);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  /* A bus of our own, whatever the session has. */
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);

#define ADD(name, func) \
  g_test_add ("/notify/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("plain-without-actions", test_plain);
  ADD ("actions", test_actions);
  ADD ("no-server", test_no_server);
  ADD ("command-line", test_cli);
  ADD ("checks-once-set-up", test_checks_once_set_up);
  ADD ("follows-outside-writes", test_follows_outside_writes);
  g_test_add_func ("/notify/autostart-follows-setting", test_autostart_setting);

  status = g_test_run ();

  stop_mock ();
  /* libnotify keeps its proxy, and so the bus, until told. */
  bl_notifier_uninit ();
  g_test_dbus_down (test_bus);
  g_clear_object (&test_bus);
  bl_test_remove_tree (config_home);
  return status;
}
