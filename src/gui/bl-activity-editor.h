/* bl-activity-editor.h: the record editor: one activity with its attendance,
 * in sections (details, attendance, minutes). Its window actions:
 * editor.save (Ctrl+S), editor.copy-as-new (Ctrl+Shift+D: "复制为新记录"),
 * editor.show-section ("details", "attendance", "minutes"; Alt+1…3). */
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
/* Checks and saves. An error is shown beside its field and refused; when
 * something is only still to fill in (a leave without its reason), the
 * person is asked first, and saying "Save Anyway" saves and closes the
 * editor. Returns TRUE only when the record was saved now. */
gboolean          bl_activity_editor_save         (BlActivityEditor *self);
/* Whether there are changes not saved yet. */
gboolean          bl_activity_editor_get_modified (BlActivityEditor *self);

G_END_DECLS
