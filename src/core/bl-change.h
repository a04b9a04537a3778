/* bl-change.h: what a committed write changed, as flags: the store's
 * changed signal carries them, so a page refreshes only what it shows */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum /*< flags >*/ {
  BL_CHANGE_NONE         = 0,
  BL_CHANGE_SETTINGS     = 1 << 0,  /* branch name, secretary, other keys */
  BL_CHANGE_GROUPS       = 1 << 1,  /* party groups */
  BL_CHANGE_KINDS        = 1 << 2,  /* custom kinds of activity */
  BL_CHANGE_MEMBERS      = 1 << 3,  /* members and their committee roles */
  BL_CHANGE_ACTIVITIES   = 1 << 4,  /* activities, their fields and tags */
  BL_CHANGE_ATTENDANCE   = 1 << 5,  /* who attended which activity */
  BL_CHANGE_RULES        = 1 << 6,  /* rule packs imported, enabled, disabled */
  BL_CHANGE_REMINDER_LOG = 1 << 7,  /* reminders sent, snoozed, dismissed */
} BlChange;

/* Everything: after another program wrote to the ledger. */
#define BL_CHANGE_ALL ((BlChange) 0xff)

#define BL_TYPE_CHANGE (bl_change_get_type ())
GType bl_change_get_type (void) G_GNUC_CONST;

G_END_DECLS
