/* bl-activity-editor.h: the record editor: one activity with its attendance */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITY_EDITOR (bl_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (BlActivityEditor, bl_activity_editor, BL, ACTIVITY_EDITOR, AdwWindow)

/* Edits a copy of @activity (id 0: a new one, with what is set on it as
 * the starting values). Saving writes it with bl_store_save_activity(). */
BlActivityEditor *bl_activity_editor_new          (BlStore          *store,
                                                   BlActivity       *activity);
/* The id of the activity edited (0 until a new one is saved). */
gint64            bl_activity_editor_get_id       (BlActivityEditor *self);
/* Validates and saves; on failure the reason is shown in the editor. */
gboolean          bl_activity_editor_save         (BlActivityEditor *self);
/* Whether there are changes not saved yet. */
gboolean          bl_activity_editor_get_modified (BlActivityEditor *self);

G_END_DECLS
