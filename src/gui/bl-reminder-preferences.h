/* bl-reminder-preferences.h: the reminder settings, a group for the preferences' "Reminders" page */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BL_TYPE_REMINDER_PREFERENCES (bl_reminder_preferences_get_type ())
G_DECLARE_FINAL_TYPE (BlReminderPreferences, bl_reminder_preferences, BL, REMINDER_PREFERENCES, AdwPreferencesGroup)

/* NULL when the app's GSettings schema is not installed. */
GtkWidget *bl_reminder_preferences_new (void);

G_END_DECLS
