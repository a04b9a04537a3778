/* bl-notifier.h: reminders shown as desktop notifications (libnotify) */
#pragma once

#include <gio/gio.h>

#include "bl-reminders.h"

G_BEGIN_DECLS

/* Action ids a notification reports through BlNotifier::action. */
#define BL_NOTIFIER_ACTION_OPEN    "open"
#define BL_NOTIFIER_ACTION_RECORD  "record"
#define BL_NOTIFIER_ACTION_SNOOZE  "snooze"
#define BL_NOTIFIER_ACTION_DISMISS "dismiss"

#define BL_TYPE_NOTIFIER (bl_notifier_get_type ())
G_DECLARE_FINAL_TYPE (BlNotifier, bl_notifier, BL, NOTIFIER, GObject)

BlNotifier *bl_notifier_new          (void);

/* Shows each reminder. Blocks on D-Bus: for the command line, or a worker
 * thread (see bl_notifier_send_async()). With @with_actions and a server
 * that supports actions, the buttons of each reminder are added; they only
 * work while this process runs its main loop. @delivered receives the
 * reminders the server accepted (possibly some, when it failed midway); FALSE
 * with @error when any could not be shown (no server…). */
gboolean    bl_notifier_send_sync    (BlNotifier    *self,
                                      GPtrArray     *reminders,
                                      gboolean       with_actions,
                                      GPtrArray    **delivered,
                                      GError       **error);
/* The same in a worker thread, so that the UI never waits for D-Bus. Only
 * one send runs at a time. */
void        bl_notifier_send_async   (BlNotifier          *self,
                                      GPtrArray           *reminders,
                                      gboolean             with_actions,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* Returns the delivered reminders (never NULL); @error set when some were not. */
GPtrArray  *bl_notifier_send_finish  (BlNotifier    *self,
                                      GAsyncResult  *result,
                                      GError       **error);

/* Lets go of libnotify's connection to the server (before a private test
 * bus goes down). */
void        bl_notifier_uninit       (void);

G_END_DECLS
