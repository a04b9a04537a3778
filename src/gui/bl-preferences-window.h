/* bl-preferences-window.h: branch name, secretary, rule packs (and reminders) */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_PREFERENCES_WINDOW (bl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BlPreferencesWindow, bl_preferences_window, BL, PREFERENCES_WINDOW, AdwPreferencesWindow)

BlPreferencesWindow *bl_preferences_window_new        (BlStore             *store);
BlStore             *bl_preferences_window_get_store  (BlPreferencesWindow *self);
/* The "reminders" page (hidden until something is put in it) and its group,
 * for the reminder settings. */
AdwPreferencesPage  *bl_preferences_window_get_reminders_page  (BlPreferencesWindow *self);
AdwPreferencesGroup *bl_preferences_window_get_reminders_group (BlPreferencesWindow *self);
/* Imports a rule pack file as "Import Pack File…" does; a malformed file is
 * refused, its "FILE:LINE: …" problems shown in a dialog. */
gboolean             bl_preferences_window_import_pack (BlPreferencesWindow *self,
                                                        GFile               *file);

/* Puts the backup @file in place of the ledger (bl_store_restore_backup(),
 * which keeps the current one aside) and says how it went in a toast; what
 * the Restore from Backup… row does once the person has confirmed. */
gboolean             bl_preferences_window_restore_backup (BlPreferencesWindow *self,
                                                           GFile               *file);

G_END_DECLS
