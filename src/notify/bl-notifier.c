/* bl-notifier.c: reminders as desktop notifications. The only file that
 * includes libnotify. libnotify talks to the server with blocking D-Bus
 * calls, so the app sends from a worker thread (bl_notifier_send_async());
 * the replies to actions still arrive on the main context, because
 * libnotify's proxy is created where no thread-default context is pushed. */
#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bl-notifier.h"

/* Notifications kept alive so that their actions can still be answered;
 * the oldest are let go beyond this. */
#define MAX_LIVE_NOTIFICATIONS 64

struct _BlNotifier
{
  GObject    parent_instance;

  GMutex     send_lock;  /* one send at a time: libnotify is not thread-safe */
  GMutex     live_lock;
  GPtrArray *live;       /* NotifyNotification*, guarded by live_lock */
};

G_DEFINE_FINAL_TYPE (BlNotifier, bl_notifier, G_TYPE_OBJECT)

enum {
  ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  GWeakRef    notifier;
  BlReminder *reminder;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *action_data = data;

  g_weak_ref_clear (&action_data->notifier);
  bl_reminder_free (action_data->reminder);
  g_free (action_data);
}

static ActionData *
action_data_new (BlNotifier *self,
                 BlReminder *reminder)
{
  ActionData *data = g_new0 (ActionData, 1);

  g_weak_ref_init (&data->notifier, self);
  data->reminder = bl_reminder_copy (reminder);
  return data;
}

static GMutex init_lock;

static void
ensure_libnotify (void)
{
  g_mutex_lock (&init_lock);
  if (!notify_is_initted ())
    notify_init (_("Branch Ledger"));
  g_mutex_unlock (&init_lock);
}

typedef struct {
  gboolean actions;
  gboolean markup;  /* the body is read as markup: escape "<" and "&" */
} ServerCaps;

/* No answer (no server) leaves both FALSE; the first show then says why. */
static ServerCaps
server_caps (void)
{
  GList *caps = notify_get_server_caps ();
  ServerCaps found = { FALSE, FALSE };

  for (GList *l = caps; l != NULL; l = l->next)
    {
      if (g_strcmp0 (l->data, "actions") == 0)
        found.actions = TRUE;
      else if (g_strcmp0 (l->data, "body-markup") == 0)
        found.markup = TRUE;
    }
  g_list_free_full (caps, g_free);
  return found;
}

static void
notification_closed_cb (NotifyNotification *notification,
                        BlNotifier         *self)
{
  g_mutex_lock (&self->live_lock);
  g_ptr_array_remove (self->live, notification);
  g_mutex_unlock (&self->live_lock);
}

static void
keep_alive (BlNotifier         *self,
            NotifyNotification *notification)
{
  g_mutex_lock (&self->live_lock);
  g_ptr_array_add (self->live, g_object_ref (notification));
  while (self->live->len > MAX_LIVE_NOTIFICATIONS)
    g_ptr_array_remove_index (self->live, 0);
  g_mutex_unlock (&self->live_lock);
}

/* Runs on the main context: libnotify dispatches ActionInvoked there. */
static void
on_action_invoked (NotifyNotification *notification,
                   char               *action,
                   gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr(BlNotifier) self = g_weak_ref_get (&data->notifier);
  const char *id = action;

  if (self == NULL)
    return;
  /* A click on the notification itself opens the overview. */
  if (g_strcmp0 (action, "default") == 0)
    id = BL_NOTIFIER_ACTION_OPEN;
  g_signal_emit (self, signals[ACTION], 0, id, data->reminder);
}

static void
add_action (BlNotifier         *self,
            NotifyNotification *notification,
            BlReminder         *reminder,
            const char         *id,
            const char         *label)
{
  notify_notification_add_action (notification, id, label, on_action_invoked,
                                  action_data_new (self, reminder), action_data_free);
}

static NotifyNotification *
build_notification (BlNotifier *self,
                    BlReminder *reminder,
                    gboolean    actions,
                    gboolean    markup)
{
  NotifyNotification *notification;
  g_autofree char *body = markup ? g_markup_escape_text (reminder->body, -1) : g_strdup (reminder->body);

  notification = notify_notification_new (reminder->title, body, APP_ID);
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_urgency (notification,
                                   reminder->urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  if (!actions)
    return notification;

  add_action (self, notification, reminder, "default", _("Open"));
  if (reminder->actions & BL_REMINDER_ACTION_OPEN)
    add_action (self, notification, reminder, BL_NOTIFIER_ACTION_OPEN, _("Open"));
  if (reminder->actions & BL_REMINDER_ACTION_RECORD)
    add_action (self, notification, reminder, BL_NOTIFIER_ACTION_RECORD, _("Record now"));
  if (reminder->actions & BL_REMINDER_ACTION_SNOOZE)
    add_action (self, notification, reminder, BL_NOTIFIER_ACTION_SNOOZE, _("Snooze 1 day"));
  if (reminder->actions & BL_REMINDER_ACTION_DISMISS)
    add_action (self, notification, reminder, BL_NOTIFIER_ACTION_DISMISS,
                _("Don’t remind again for this period"));
  g_signal_connect_object (notification, "closed", G_CALLBACK (notification_closed_cb), self, 0);
  return notification;
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BlNotifier *self = source_object;
  GPtrArray *reminders = task_data;
  gboolean with_actions = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "with-actions"));
  g_autoptr(GPtrArray) delivered = NULL;
  g_autoptr(GError) error = NULL;

  if (bl_notifier_send_sync (self, reminders, with_actions, &delivered, &error))
    {
      g_task_return_pointer (task, g_steal_pointer (&delivered), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  /* Keep what was delivered: the caller records it as sent. */
  g_object_set_data_full (G_OBJECT (task), "delivered", g_steal_pointer (&delivered),
                          (GDestroyNotify) g_ptr_array_unref);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
bl_notifier_finalize (GObject *object)
{
  BlNotifier *self = BL_NOTIFIER (object);

  g_clear_pointer (&self->live, g_ptr_array_unref);
  g_mutex_clear (&self->live_lock);
  g_mutex_clear (&self->send_lock);

  G_OBJECT_CLASS (bl_notifier_parent_class)->finalize (object);
}

static void
bl_notifier_class_init (BlNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_notifier_finalize;

  /**
   * BlNotifier::action:
   * @action: BL_NOTIFIER_ACTION_OPEN, _RECORD, _SNOOZE or _DISMISS
   * @reminder: the reminder whose notification it came from
   *
   * A person chose an action of a notification. Emitted on the main context.
   */
  signals[ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_STRING, BL_TYPE_REMINDER);
}

static void
bl_notifier_init (BlNotifier *self)
{
  g_mutex_init (&self->send_lock);
  g_mutex_init (&self->live_lock);
  self->live = g_ptr_array_new_with_free_func (g_object_unref);
}

BlNotifier *
bl_notifier_new (void)
{
  return g_object_new (BL_TYPE_NOTIFIER, NULL);
}

gboolean
bl_notifier_send_sync (BlNotifier  *self,
                       GPtrArray   *reminders,
                       gboolean     with_actions,
                       GPtrArray  **delivered,
                       GError     **error)
{
  g_autoptr(GPtrArray) sent = NULL;
  ServerCaps caps = { FALSE, FALSE };
  gboolean ok = TRUE;

  g_return_val_if_fail (BL_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sent = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_reminder_free);
  ensure_libnotify ();

  g_mutex_lock (&self->send_lock);
  if (reminders->len > 0)
    caps = server_caps ();

  for (guint i = 0; i < reminders->len; i++)
    {
      BlReminder *reminder = g_ptr_array_index (reminders, i);
      gboolean actions = with_actions && caps.actions;
      NotifyNotification *notification = build_notification (self, reminder, actions, caps.markup);
      g_autoptr(GError) local_error = NULL;

      if (!notify_notification_show (notification, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The desktop’s notification service did not accept the reminder: %s"),
                       local_error->message);
          g_object_unref (notification);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (sent, bl_reminder_copy (reminder));
      if (actions)
        keep_alive (self, notification);
      /* libnotify has no autoptr cleanup for its type. */
      g_object_unref (notification);
    }
  g_mutex_unlock (&self->send_lock);

  if (delivered != NULL)
    *delivered = g_steal_pointer (&sent);
  return ok;
}

void
bl_notifier_send_async (BlNotifier          *self,
                        GPtrArray           *reminders,
                        gboolean             with_actions,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (BL_IS_NOTIFIER (self));
  g_return_if_fail (reminders != NULL);

  copy = g_ptr_array_new_full (reminders->len, (GDestroyNotify) bl_reminder_free);
  for (guint i = 0; i < reminders->len; i++)
    g_ptr_array_add (copy, bl_reminder_copy (g_ptr_array_index (reminders, i)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_notifier_send_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (task), "with-actions", GINT_TO_POINTER (with_actions));
  g_task_run_in_thread (task, send_thread);
}

GPtrArray *
bl_notifier_send_finish (BlNotifier    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  GPtrArray *delivered;

  g_return_val_if_fail (BL_IS_NOTIFIER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  delivered = g_task_propagate_pointer (G_TASK (result), error);
  if (delivered == NULL)
    {
      delivered = g_object_steal_data (G_OBJECT (result), "delivered");
      if (delivered == NULL)
        delivered = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_reminder_free);
    }
  return delivered;
}

void
bl_notifier_uninit (void)
{
  g_mutex_lock (&init_lock);
  if (notify_is_initted ())
    notify_uninit ();
  g_mutex_unlock (&init_lock);
}
