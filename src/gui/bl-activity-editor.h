/* bl-activity-editor.h: the record editor: one activity with its attendance
 * and attachments, in sections (details, attendance, minutes, attachments).
 * Its window actions: editor.save (Ctrl+S), editor.copy-as-new
 * (Ctrl+Shift+D: "复制为新记录"), editor.show-section ("details",
 * "attendance", "minutes", "attachments"; Alt+1…4), editor.print-signin
 * ("打印签到表"), editor.add-attachments ("添加附件…") and
 * editor.add-signin-photo ("添加签到表照片…"). Files dropped on it are
 * attached. */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTIVITY_EDITOR (bl_activity_editor_get_type ())
G_DECLARE_FINAL_TYPE (BlActivityEditor, bl_activity_editor, BL, ACTIVITY_EDITOR, AdwWindow)

/* Edits a copy of @activity (id 0: a new one, with what is set on it as
 * the starting values). Saving writes it, its attendance and its
 * attachments with bl_store_save_record(): files added are part of the
 * ledger only once the record is saved. */
BlActivityEditor *bl_activity_editor_new          (BlStore          *store,
                                                   BlActivity       *activity);
/* Edits a copy of @activity in place of the record the editor had, as a
 * new editor would: nothing of that one stays (fields, attendance and its
 * search, attachments and their Undo, messages, changes, undo of the
 * text, scroll positions, focus, size). Only while hidden: an editor
 * closed with hide-on-close set is opened again this way, which spares
 * making a window (and its renderer) for each record. */
void              bl_activity_editor_load         (BlActivityEditor *self,
                                                   BlActivity       *activity);
/* Lets go of the record (closed and kept hidden for the next one): its
 * changes are dropped, files being read in for it cancelled, its
 * attendance and attachments let go; it counts as not modified. */
void              bl_activity_editor_clear        (BlActivityEditor *self);
/* The store it edits in. */
BlStore          *bl_activity_editor_get_store    (BlActivityEditor *self);
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
