/* bl-attendance-row.h: one row of the record editor's attendance list,
 * bound to one BlAttendee: present, on leave (病假/事假/公出/another reason)
 * or absent. What the person chooses is written into the attendee. */
#pragma once

#include <adwaita.h>

#include "bl-attendee.h"
#include "bl-member.h"

G_BEGIN_DECLS

#define BL_TYPE_ATTENDANCE_ROW (bl_attendance_row_get_type ())
G_DECLARE_FINAL_TYPE (BlAttendanceRow, bl_attendance_row, BL, ATTENDANCE_ROW, GtkWidget)

/* Reasons of leave as the record keeps them, whatever the language shown. */
#define BL_LEAVE_SICK     "病假"
#define BL_LEAVE_PERSONAL "事假"
#define BL_LEAVE_BUSINESS "公出"

/* Positions in the row's drop-down. */
typedef enum {
  BL_ATTENDANCE_CHOICE_PRESENT,
  BL_ATTENDANCE_CHOICE_SICK,
  BL_ATTENDANCE_CHOICE_PERSONAL,
  BL_ATTENDANCE_CHOICE_BUSINESS,
  BL_ATTENDANCE_CHOICE_OTHER,
  BL_ATTENDANCE_CHOICE_ABSENT,
} BlAttendanceChoice;

GtkWidget  *bl_attendance_row_new          (void);
/* Shows @attendee and follows it; @member (NULL for someone no longer in
 * the ledger) gives the party group, role and category shown under the
 * name. NULL @attendee unbinds. */
void        bl_attendance_row_bind         (BlAttendanceRow *self,
                                            BlAttendee      *attendee,
                                            BlMember        *member);
/* The attendee shown (borrowed), or NULL. */
BlAttendee *bl_attendance_row_get_attendee (BlAttendanceRow *self);
/* Marks the row as having a problem of @severity (a BlProblemSeverity: a
 * leave without its reason is BL_PROBLEM_INCOMPLETE), or none (-1). */
void        bl_attendance_row_set_problem  (BlAttendanceRow *self,
                                            int              severity);
/* The drop-down of the state (the section lines them up). */
GtkWidget  *bl_attendance_row_get_state_dropdown (BlAttendanceRow *self);
/* The entry for another reason of leave: where a missing reason is typed. */
GtkWidget  *bl_attendance_row_get_reason_entry (BlAttendanceRow *self);

G_END_DECLS
