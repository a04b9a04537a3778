/* bl-reminder-service.c: while the app runs, window or not, check what is
 * due at start, hourly and at local midnight, outside the quiet time */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-autostart.h"
#include "bl-date.h"
#include "bl-reminder-service.h"

typedef struct {
  char *day;
  char *sent_at;
} CheckData;

struct _BlReminderService
{
  GObject       parent_instance;

  GApplication *application;  /* not owned: the application owns us */
  BlStore      *store;
  BlClock      *clock;        /* the store's: what time it is for the ledger */
  BlNotifier   *notifier;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         timeout_id;
  GDateTime    *next_check;   /* wall-clock time of the next automatic check */
  guint         idle_id;
  gboolean      busy;
  CheckData    *pending;      /* the check being sent: one at a time */
  gboolean      holding;
  gboolean      warned;
  gboolean      skipped_empty;  /* the last check found a new, empty ledger */
  gboolean      after_checks;   /* a check waits for the ledger's own checks */
};

G_DEFINE_FINAL_TYPE (BlReminderService, bl_reminder_service, G_TYPE_OBJECT)

enum {
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check_data_free (CheckData *data)
{
  g_free (data->day);
  g_free (data->sent_at);
  g_free (data);
}

static void schedule_next (BlReminderService *self);
static gboolean timeout_cb (gpointer user_data);

/* Now on the ledger's clock ($BRANCH_LEDGER_TODAY moves it to that day). */
static GDateTime *
now_local (BlReminderService *self)
{
  return self->clock != NULL ? bl_clock_get_now (self->clock) : g_date_time_new_now_local ();
}

GSettings *
bl_reminder_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

void
bl_reminder_options_from_settings (GSettings         *settings,
                                   BlReminderOptions *options)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (options != NULL);

  bl_reminder_options_init (options);
  if (settings == NULL)
    return;
  options->lead_days[BL_PERIOD_MONTH] = (guint) g_settings_get_int (settings, BL_SETTINGS_LEAD_DAYS_MONTH);
  options->lead_days[BL_PERIOD_QUARTER] = (guint) g_settings_get_int (settings, BL_SETTINGS_LEAD_DAYS_QUARTER);
  options->lead_days[BL_PERIOD_HALF_YEAR] = (guint) g_settings_get_int (settings, BL_SETTINGS_LEAD_DAYS_HALF);
  options->lead_days[BL_PERIOD_YEAR] = (guint) g_settings_get_int (settings, BL_SETTINGS_LEAD_DAYS_YEAR);
}

static gboolean
reminders_enabled (BlReminderService *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, BL_SETTINGS_REMINDERS_ENABLED);
}

static gboolean
remind_when_closed (BlReminderService *self)
{
  return reminders_enabled (self) &&
         (self->settings == NULL || g_settings_get_boolean (self->settings, BL_SETTINGS_REMIND_WHEN_CLOSED));
}

static char *
quiet_until (BlReminderService *self)
{
  if (self->settings == NULL)
    return g_strdup (BL_REMINDER_DEFAULT_QUIET_UNTIL);
  return g_settings_get_string (self->settings, BL_SETTINGS_QUIET_UNTIL);
}

/* Holding the application keeps it running after its last window closes. */
static void
update_hold (BlReminderService *self)
{
  gboolean want = remind_when_closed (self);

  if (self->application == NULL || want == self->holding)
    return;
  if (want)
    g_application_hold (self->application);
  else
    g_application_release (self->application);
  self->holding = want;
}

static void
sync_autostart (BlReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (!bl_autostart_set_enabled (remind_when_closed (self), &error))
    g_message ("%s", error->message);
}

static void
activate_app_action (BlReminderService *self,
                     const char        *name,
                     GVariant          *parameter)
{
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  if (self->application == NULL)
    return;
  if (g_action_group_has_action (G_ACTION_GROUP (self->application), name))
    g_action_group_activate_action (G_ACTION_GROUP (self->application), name, owned);
  else
    g_application_activate (self->application);
}

static void
notifier_action_cb (BlReminderService *self,
                    const char        *action,
                    BlReminder        *reminder,
                    BlNotifier        *notifier)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (action, BL_NOTIFIER_ACTION_OPEN) == 0)
    activate_app_action (self, "open-overview", NULL);
  else if (g_strcmp0 (action, BL_NOTIFIER_ACTION_RECORD) == 0 && reminder->activity_id != 0)
    activate_app_action (self, "open-activity", g_variant_new_int64 (reminder->activity_id));
  else if (g_strcmp0 (action, BL_NOTIFIER_ACTION_RECORD) == 0)
    activate_app_action (self, "record",
                         g_variant_new ("(ss)", reminder->kind != NULL ? reminder->kind : "",
                                        reminder->group != NULL ? reminder->group : ""));
  else if (g_strcmp0 (action, BL_NOTIFIER_ACTION_SNOOZE) == 0)
    {
      g_autoptr(GDateTime) now = now_local (self);

      if (!bl_reminder_log_snooze (self->store, reminder->key, now, &error))
        g_message (_("Could not snooze the reminder: %s"), error->message);
    }
  else if (g_strcmp0 (action, BL_NOTIFIER_ACTION_DISMISS) == 0)
    {
      if (!bl_reminder_log_dismiss (self->store, reminder->key, &error))
        g_message (_("Could not dismiss the reminder: %s"), error->message);
    }
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BlReminderService) self = user_data;
  g_autoptr(GPtrArray) delivered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) log_error = NULL;
  CheckData *data = g_steal_pointer (&self->pending);

  delivered = bl_notifier_send_finish (BL_NOTIFIER (source), result, &error);
  self->busy = FALSE;

  /* Only what the server accepted counts as sent: the rest comes again. */
  if (delivered->len > 0 && self->store != NULL && data != NULL &&
      !bl_reminder_log_record_sent (self->store, delivered, data->day, data->sent_at, &log_error))
    g_message (_("Could not record the reminders sent: %s"), log_error->message);
  g_clear_pointer (&data, check_data_free);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* One warning per outage, not one per hour. */
      if (!self->warned)
        g_warning (_("Reminders cannot be shown on the desktop: %s. They stay on the overview."),
                   error->message);
      self->warned = TRUE;
    }
  else if (error == NULL)
    self->warned = FALSE;

  g_signal_emit (self, signals[CHECKED], 0, delivered->len);
}

/* Timers run on the monotonic clock, which stops while the machine sleeps;
 * so wake up at least every few minutes and compare with the wall clock. */
#define MAX_SLEEP_SECONDS 300

static void
arm_timer (BlReminderService *self)
{
  g_autoptr(GDateTime) now = now_local (self);
  GTimeSpan span = g_date_time_difference (self->next_check, now) / G_TIME_SPAN_SECOND;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A second late rather than early: early would land in the quiet time
   * or the old day. */
  self->timeout_id = g_timeout_add_seconds ((guint) CLAMP (span + 1, 1, MAX_SLEEP_SECONDS), timeout_cb, self);
}

static gboolean
timeout_cb (gpointer user_data)
{
  BlReminderService *self = user_data;
  g_autoptr(GDateTime) now = now_local (self);

  self->timeout_id = 0;
  if (g_date_time_compare (now, self->next_check) >= 0)
    {
      bl_reminder_service_check (self, NULL);
      schedule_next (self);
    }
  else
    arm_timer (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_next (BlReminderService *self)
{
  g_autoptr(GDateTime) now = now_local (self);
  g_autofree char *quiet = quiet_until (self);

  g_clear_pointer (&self->next_check, g_date_time_unref);
  self->next_check = bl_reminders_next_check (now, quiet);
  arm_timer (self);
}

static gboolean
check_idle_cb (gpointer user_data)
{
  BlReminderService *self = user_data;

  self->idle_id = 0;
  bl_reminder_service_check (self, NULL);
  return G_SOURCE_REMOVE;
}

/* After what caused it (a save, the welcome page's Start) has finished. */
static void
queue_check (BlReminderService *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (check_idle_cb, self);
}

/* Once started: a new ledger was just set up (the welcome page), or another
 * program wrote to the ledger (an import, a pack enabled on the command
 * line): what is due comes now, without waiting for the hour. */
static void
store_changed_cb (BlReminderService *self,
                  BlChange           changes,
                  BlStore           *store)
{
  if (self->timeout_id == 0)
    return;
  if (changes == BL_CHANGE_ALL || (self->skipped_empty && !bl_store_is_empty (store)))
    queue_check (self);
}

/* Midnight, or a test moving the ledger's day on. */
static void
day_changed_cb (BlReminderService *self)
{
  if (self->timeout_id == 0)
    return;
  queue_check (self);
  schedule_next (self);
}

/* The ledger's checks are over: what waited for them runs. A ledger they
 * refused is none. */
static void
store_checked_cb (BlReminderService *self,
                  BlStore           *store)
{
  if (bl_store_get_check_error (store) != NULL)
    {
      g_signal_handlers_disconnect_by_data (store, self);
      g_clear_object (&self->store);
    }
  if (self->after_checks)
    {
      self->after_checks = FALSE;
      queue_check (self);
    }
}

static void
watch_store (BlReminderService *self)
{
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  if (self->store == NULL)
    return;
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "checked", G_CALLBACK (store_checked_cb), self,
                           G_CONNECT_SWAPPED);
  self->clock = g_object_ref (bl_store_get_clock (self->store));
  g_signal_connect_object (self->clock, "day-changed", G_CALLBACK (day_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
settings_changed_cb (BlReminderService *self,
                     const char        *key,
                     GSettings         *settings)
{
  if (g_strcmp0 (key, BL_SETTINGS_REMINDERS_ENABLED) == 0 ||
      g_strcmp0 (key, BL_SETTINGS_REMIND_WHEN_CLOSED) == 0)
    {
      sync_autostart (self);
      update_hold (self);
    }
  /* Turned (back) on: what is due now comes now, not in an hour. */
  if (g_strcmp0 (key, BL_SETTINGS_REMINDERS_ENABLED) == 0 && reminders_enabled (self) &&
      self->timeout_id != 0)
    bl_reminder_service_check (self, NULL);
  if (g_strcmp0 (key, BL_SETTINGS_QUIET_UNTIL) == 0 && self->timeout_id != 0)
    schedule_next (self);
}

static void
bl_reminder_service_dispose (GObject *object)
{
  BlReminderService *self = BL_REMINDER_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->holding && self->application != NULL)
    g_application_release (self->application);
  self->holding = FALSE;
  if (self->application != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
  self->application = NULL;
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, check_data_free);
  g_clear_pointer (&self->next_check, g_date_time_unref);

  G_OBJECT_CLASS (bl_reminder_service_parent_class)->dispose (object);
}

static void
bl_reminder_service_class_init (BlReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_reminder_service_dispose;

  /**
   * BlReminderService::checked:
   * @sent: how many reminders the notification server accepted
   *
   * A check finished (nothing due, quiet time, or after sending).
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bl_reminder_service_init (BlReminderService *self)
{
  self->cancellable = g_cancellable_new ();
  self->notifier = bl_notifier_new ();
  self->settings = bl_reminder_settings_new ();
  g_signal_connect_object (self->notifier, "action", G_CALLBACK (notifier_action_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

BlReminderService *
bl_reminder_service_new (GApplication *application,
                         BlStore      *store)
{
  BlReminderService *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || BL_IS_STORE (store), NULL);

  self = g_object_new (BL_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  if (application != NULL)
    g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  watch_store (self);
  return self;
}

BlStore *
bl_reminder_service_get_store (BlReminderService *self)
{
  g_return_val_if_fail (BL_IS_REMINDER_SERVICE (self), NULL);

  return self->store;
}

void
bl_reminder_service_set_store (BlReminderService *self,
                               BlStore           *store)
{
  g_return_if_fail (BL_IS_REMINDER_SERVICE (self));
  g_return_if_fail (store == NULL || BL_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  watch_store (self);
  if (self->timeout_id != 0)
    bl_reminder_service_check (self, NULL);
}

BlNotifier *
bl_reminder_service_get_notifier (BlReminderService *self)
{
  g_return_val_if_fail (BL_IS_REMINDER_SERVICE (self), NULL);

  return self->notifier;
}

void
bl_reminder_service_start (BlReminderService *self)
{
  g_return_if_fail (BL_IS_REMINDER_SERVICE (self));

  sync_autostart (self);
  update_hold (self);
  /* After start-up, so that the window comes first. */
  queue_check (self);
  schedule_next (self);
}

void
bl_reminder_service_check (BlReminderService *self,
                           GDateTime         *now)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quiet = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  BlReminderOptions options;
  CheckData *data;

  g_return_if_fail (BL_IS_REMINDER_SERVICE (self));

  if (self->busy)
    return;
  /* What was sent is recorded in the ledger: not before it is known whole
   * (the record would wait for its checks, the window with it). */
  if (self->store != NULL && bl_store_is_checking (self->store))
    {
      self->after_checks = TRUE;
      return;
    }

  current = now != NULL ? g_date_time_ref (now) : now_local (self);
  quiet = quiet_until (self);
  /* A new ledger has nothing to remind of yet: every quota would be "due". */
  self->skipped_empty = self->store != NULL && bl_store_is_empty (self->store);
  if (self->store == NULL || !reminders_enabled (self) || bl_reminders_is_quiet (current, quiet) ||
      self->skipped_empty)
    {
      g_signal_emit (self, signals[CHECKED], 0, 0u);
      return;
    }

  day = g_date_time_format (current, "%Y-%m-%d");
  time = g_date_time_format (current, "%H:%M");
  bl_reminder_options_from_settings (self->settings, &options);
  due = bl_reminders_due (self->store, day, time, &options, &error);
  if (due == NULL || due->len == 0)
    {
      if (error != NULL)
        g_message (_("Could not work out the reminders: %s"), error->message);
      g_signal_emit (self, signals[CHECKED], 0, 0u);
      return;
    }

  data = g_new0 (CheckData, 1);
  data->day = g_steal_pointer (&day);
  data->sent_at = g_date_time_format (current, "%Y-%m-%d %H:%M:%S");
  self->pending = data;
  self->busy = TRUE;
  bl_notifier_send_async (self->notifier, due, TRUE, self->cancellable, sent_cb, g_object_ref (self));
}

gboolean
bl_reminder_service_get_holding (BlReminderService *self)
{
  g_return_val_if_fail (BL_IS_REMINDER_SERVICE (self), FALSE);

  return self->holding;
}
