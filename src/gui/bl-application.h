/* bl-application.h: the application: command line, the ledger it has open, windows */
#pragma once

#include <adwaita.h>

#include "bl-context.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_APPLICATION (bl_application_get_type ())
G_DECLARE_FINAL_TYPE (BlApplication, bl_application, BL, APPLICATION, AdwApplication)

BlApplication *bl_application_new             (void);
/* The ledger the application has open, or NULL before start-up or when it was refused. */
BlStore       *bl_application_get_store       (BlApplication *self);
/* Path of the ledger the application opens (--database, $BRANCH_LEDGER_DB, or the default). */
const char    *bl_application_get_database_path (BlApplication *self);
/* Why the ledger could not be opened, when it could not. */
const GError  *bl_application_get_store_error   (BlApplication *self);
/* The context of the application's ledger, which its windows share (NULL
 * when the store is). */
BlContext     *bl_application_get_context       (BlApplication *self);
/* Starts the reminders: the program does at start-up (not a command, not a
 * test); they then run as long as it does. */
void           bl_application_start_reminders   (BlApplication *self);
/* Whether the program stays in the background, sending reminders, once its
 * last window is closed (not when Quit was chosen). */
gboolean       bl_application_runs_in_background (BlApplication *self);

G_END_DECLS
