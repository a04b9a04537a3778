/* bl-kind.h: a kind of activity (built-in ids from the domain, or custom ones) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BL_KIND_GENERAL_MEETING   "general-meeting"
#define BL_KIND_COMMITTEE_MEETING "committee-meeting"
#define BL_KIND_GROUP_MEETING     "group-meeting"
#define BL_KIND_PARTY_LECTURE     "party-lecture"
#define BL_KIND_THEME_DAY         "theme-day"
#define BL_KIND_STUDY_SESSION     "study-session"
#define BL_KIND_LIFE_MEETING      "life-meeting"
#define BL_KIND_MEMBER_REVIEW     "member-review"
#define BL_KIND_HEART_TALK        "heart-talk"
#define BL_KIND_OTHER             "other"

#define BL_TYPE_KIND (bl_kind_get_type ())
G_DECLARE_FINAL_TYPE (BlKind, bl_kind, BL, KIND, GObject)

BlKind     *bl_kind_new              (const char *id,
                                      const char *name,
                                      gboolean    builtin);
const char *bl_kind_get_id           (BlKind     *self);
/* The display name: translated for built-in kinds, as defined for custom ones. */
const char *bl_kind_get_name         (BlKind     *self);
gboolean    bl_kind_get_builtin      (BlKind     *self);

/* The built-in ids in display order, NULL-terminated. */
const char * const *bl_kind_builtin_ids (void);
gboolean    bl_kind_is_builtin_id    (const char *id);
/* Translated display name of a built-in id, or NULL. */
const char *bl_kind_builtin_name     (const char *id);
/* The Chinese name of a built-in id (CSV uses it whatever the locale), or NULL. */
const char *bl_kind_builtin_chinese_name (const char *id);
const char *bl_kind_builtin_english_name (const char *id);

G_END_DECLS
