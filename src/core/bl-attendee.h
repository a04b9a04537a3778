/* bl-attendee.h: one expected member's attendance at one activity, and the
 * attendance of an activity as a list model of them */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  BL_ATTENDANCE_PRESENT,  /* 出席 */
  BL_ATTENDANCE_LEAVE,    /* 请假: with a reason (病假, 事假, 公出, or free text) */
  BL_ATTENDANCE_ABSENT,   /* 缺席 without a proper reason */
} BlAttendanceState;

#define BL_TYPE_ATTENDEE (bl_attendee_get_type ())
G_DECLARE_FINAL_TYPE (BlAttendee, bl_attendee, BL, ATTENDEE, GObject)

/* @reason is kept unless the member was present. */
BlAttendee        *bl_attendee_new             (gint64             member_id,
                                                const char        *member_name,
                                                BlAttendanceState  state,
                                                const char        *reason);
gint64             bl_attendee_get_member_id   (BlAttendee        *self);
/* The member's name, as the store filled it in (or the caller gave it). */
const char        *bl_attendee_get_member_name (BlAttendee        *self);
void               bl_attendee_set_member_name (BlAttendee        *self,
                                                const char        *name);
/* The member's party group ("" for none), as the store filled it in. */
const char        *bl_attendee_get_group       (BlAttendee        *self);
void               bl_attendee_set_group       (BlAttendee        *self,
                                                const char        *group);
BlAttendanceState  bl_attendee_get_state       (BlAttendee        *self);
void               bl_attendee_set_state       (BlAttendee        *self,
                                                BlAttendanceState  state);
/* The reason given for a leave (or an absence); "" when present. */
const char        *bl_attendee_get_reason      (BlAttendee        *self);
void               bl_attendee_set_reason      (BlAttendee        *self,
                                                const char        *reason);

const char        *bl_attendance_state_display (BlAttendanceState  state);  /* translated */

/* The attendance of one activity: a GListStore of BlAttendee. */
GListStore        *bl_attendance_new           (void);
/* Appends one member's attendance; returns it (owned by @attendance). */
BlAttendee        *bl_attendance_add           (GListStore        *attendance,
                                                gint64             member_id,
                                                const char        *member_name,
                                                BlAttendanceState  state,
                                                const char        *reason);
/* 实到: how many of @attendance were present. */
guint              bl_attendance_count_present (GListModel        *attendance);
/* @member_id's entry in @attendance, or NULL (borrowed). */
BlAttendee        *bl_attendance_find          (GListModel        *attendance,
                                                gint64             member_id);

G_END_DECLS
