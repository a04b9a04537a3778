/* bl-attendance-section.h: the record editor's attendance: the members
 * expected at the meeting as a list model of BlAttendee, shown in a list
 * view, with a search by name, 应到/实到 and the quorum */
#pragma once

#include "bl-editor-section.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_ATTENDANCE_SECTION (bl_attendance_section_get_type ())
G_DECLARE_FINAL_TYPE (BlAttendanceSection, bl_attendance_section, BL, ATTENDANCE_SECTION, BlEditorSection)

/* The ledger the members come from; before any of the below. */
void        bl_attendance_section_set_store     (BlAttendanceSection *self,
                                                 BlStore             *store);
/* Lists nobody, with no search, no problems and no rows made: as when made. */
void        bl_attendance_section_clear         (BlAttendanceSection *self);
/* Shows @stored (BlAttendee, as bl_store_load_attendance() gives it: who was
 * expected then, members transferred since included) or, when @stored is
 * NULL or empty, the members expected at a meeting of @kind for @group on
 * @date (NULL: today), all present. Nothing of what it showed before stays. */
void        bl_attendance_section_load          (BlAttendanceSection *self,
                                                 const char          *kind,
                                                 const char          *group,
                                                 const char          *date,
                                                 GListModel          *stored);
/* The kind, party group or date changed: the members expected now, each
 * keeping what was marked for them if they were listed before. */
void        bl_attendance_section_set_expected  (BlAttendanceSection *self,
                                                 const char          *kind,
                                                 const char          *group,
                                                 const char          *date);
/* Attendance is taken once the meeting is held: planned, the list only shows
 * who is expected. */
void        bl_attendance_section_set_held      (BlAttendanceSection *self,
                                                 gboolean             held);
/* Everyone listed (BlAttendee, not filtered by the search), in the members'
 * order: the editor's working copy, owned by the section. */
GListModel *bl_attendance_section_get_model     (BlAttendanceSection *self);
/* What the list view shows now (the search applied). */
GListModel *bl_attendance_section_get_shown     (BlAttendanceSection *self);
/* Shows the attendance problems among @problems (BlProblem*) beside their
 * members; returns whether there were any. */
gboolean    bl_attendance_section_show_problems (BlAttendanceSection *self,
                                                 GPtrArray           *problems);
/* Brings @member_id's row into view (clearing a search that hides it). */
void        bl_attendance_section_reveal_member (BlAttendanceSection *self,
                                                 gint64               member_id);

G_END_DECLS
