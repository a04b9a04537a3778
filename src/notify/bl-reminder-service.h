/* bl-reminder-service.h: the running app's reminders: checks at start, hourly
 * and at midnight, sends through BlNotifier, answers the notifications' actions */
#pragma once

#include <gio/gio.h>

#include "bl-notifier.h"
#include "bl-reminders.h"
#include "bl-store.h"

G_BEGIN_DECLS

/* GSettings keys (schema APP_ID). */
#define BL_SETTINGS_REMINDERS_ENABLED  "reminders-enabled"
#define BL_SETTINGS_REMIND_WHEN_CLOSED "remind-when-closed"
#define BL_SETTINGS_LEAD_DAYS_MONTH    "lead-days-month"
#define BL_SETTINGS_LEAD_DAYS_QUARTER  "lead-days-quarter"
#define BL_SETTINGS_LEAD_DAYS_HALF     "lead-days-half-year"
#define BL_SETTINGS_LEAD_DAYS_YEAR     "lead-days-year"
#define BL_SETTINGS_QUIET_UNTIL        "quiet-until"

/* The app's settings, or NULL when its schema is not installed. */
GSettings *bl_reminder_settings_new          (void);
/* Lead days from @settings (the defaults when @settings is NULL). */
void       bl_reminder_options_from_settings (GSettings         *settings,
                                              BlReminderOptions *options);

#define BL_TYPE_REMINDER_SERVICE (bl_reminder_service_get_type ())
G_DECLARE_FINAL_TYPE (BlReminderService, bl_reminder_service, BL, REMINDER_SERVICE, GObject)

/* @application receives "open-overview", "record" ("(ss)": kind, group) and
 * "open-activity" ("x": id) activations from the notifications' actions, and is held while
 * "remind-when-closed" is on so that closing the window keeps it running. */
BlReminderService *bl_reminder_service_new          (GApplication      *application,
                                                     BlStore           *store);
BlStore           *bl_reminder_service_get_store    (BlReminderService *self);
/* Another ledger was opened (the demo, say): reminders follow it. */
void               bl_reminder_service_set_store    (BlReminderService *self,
                                                     BlStore           *store);
BlNotifier        *bl_reminder_service_get_notifier (BlReminderService *self);
/* Starts the schedule: a check now (unless quiet), then hourly and at
 * midnight (the store's clock's day-changed), and again when another program
 * wrote to the ledger (BlStore::changed with BL_CHANGE_ALL). */
void               bl_reminder_service_start        (BlReminderService *self);
/* Whether it holds the application, so that it keeps running without a
 * window (reminders and "remind-when-closed" on, once started). */
gboolean           bl_reminder_service_get_holding  (BlReminderService *self);
/* Checks once as of @now (NULL: now on the store's clock), quiet time included;
 * emits ::checked when done. Does nothing while a check runs. */
void               bl_reminder_service_check        (BlReminderService *self,
                                                     GDateTime         *now);

G_END_DECLS
