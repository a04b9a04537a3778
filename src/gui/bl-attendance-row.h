/* bl-attendance-row.h: one expected member's attendance in the record editor */
#pragma once

#include <adwaita.h>

#include "bl-activity.h"
#include "bl-member.h"

G_BEGIN_DECLS

#define BL_TYPE_ATTENDANCE_ROW (bl_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (BlAttendanceRow, bl_attendance_row, BL, ATTENDANCE_ROW, AdwActionRow)

/* Reasons of leave as the record keeps them, whatever the language shown. */
#define BL_LEAVE_SICK     "病假"
#define BL_LEAVE_PERSONAL "事假"
#define BL_LEAVE_BUSINESS "公出"

/* @member may be NULL for someone no longer in the ledger (then @name is shown). */
GtkWidget        *bl_attendance_row_new         (gint64             member_id,
                                                 const char        *name,
                                                 BlMember          *member);
gint64            bl_attendance_row_get_member_id (BlAttendanceRow *self);
const char       *bl_attendance_row_get_name    (BlAttendanceRow   *self);
/* Whether the member is a full member (正式党员), for the general meeting's quorum. */
gboolean          bl_attendance_row_get_is_full (BlAttendanceRow   *self);
BlAttendanceState bl_attendance_row_get_state   (BlAttendanceRow   *self);
/* The reason of leave ("" unless on leave). */
const char       *bl_attendance_row_get_reason  (BlAttendanceRow   *self);
void              bl_attendance_row_set_attendance (BlAttendanceRow *self,
                                                 BlAttendanceState  state,
                                                 const char        *reason);

G_END_DECLS
