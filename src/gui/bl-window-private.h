/* bl-window-private.h: what bl-window.c shares with bl-window-actions.c */
#pragma once

#include "bl-activities-page.h"
#include "bl-overview-page.h"
#include "bl-window.h"

G_BEGIN_DECLS

struct _BlWindow
{
  AdwApplicationWindow  parent_instance;

  BlStore              *store;
  GSettings            *settings;

  GtkStack             *main_stack;
  GtkWidget            *welcome_slot;
  AdwViewStack         *view_stack;
  AdwStatusPage        *status_page;
  AdwToastOverlay      *toast_overlay;
  BlOverviewPage       *overview_page;
  BlActivitiesPage     *activities_page;
};

/* Installs the win.* actions and their shortcuts (bl-window-actions.c). */
void _bl_window_class_actions_init (BlWindowClass *klass);
/* Enables the actions that need a ledger when the window has one. */
void _bl_window_actions_update     (BlWindow      *self);

G_END_DECLS
