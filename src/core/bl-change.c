/* bl-change.c: the GType of the change flags, for the store's changed signal */
#include "config.h"

#include "bl-change.h"

G_DEFINE_FLAGS_TYPE (BlChange, bl_change,
  G_DEFINE_ENUM_VALUE (BL_CHANGE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_SETTINGS, "settings"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_GROUPS, "groups"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_KINDS, "kinds"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_MEMBERS, "members"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_ACTIVITIES, "activities"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_ATTENDANCE, "attendance"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_RULES, "rules"),
  G_DEFINE_ENUM_VALUE (BL_CHANGE_REMINDER_LOG, "reminder-log"))
