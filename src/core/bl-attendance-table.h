/* bl-attendance-table.h: the attendance of many activities at once, as
 * plain rows, for reports and exports (a 20-year export reads a million) */
#pragma once

#include <glib.h>

#include "bl-activity.h"

G_BEGIN_DECLS

/* One member at one activity. The strings belong to the table. */
typedef struct {
  gint64             member_id;
  const char        *member_name;
  const char        *group;        /* "" for none */
  BlAttendanceState  state;
  const char        *reason;       /* "" when present */
} BlAttendanceMark;

/* Called with an activity (its counts from @marks) and its attendance in the
 * members' order (each mark's strings last as long as the call), one
 * activity after another; FALSE with @error stops the walk. */
typedef gboolean (*BlActivityMarksFunc) (BlActivity              *activity,
                                         const BlAttendanceMark  *marks,
                                         guint                    n_marks,
                                         gpointer                 user_data,
                                         GError                 **error);

typedef struct _BlAttendanceTable BlAttendanceTable;

BlAttendanceTable      *bl_attendance_table_new      (void);
void                    bl_attendance_table_free     (BlAttendanceTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlAttendanceTable, bl_attendance_table_free)

/* @text kept by the table for its life, once per distinct text. */
const char             *bl_attendance_table_intern   (BlAttendanceTable *table,
                                                      const char        *text);
/* Adds a row; the rows of one activity must come one after another. The
 * texts are ones the table keeps already (from bl_attendance_table_intern()):
 * a million rows without a lookup each. */
void                    bl_attendance_table_append_interned (BlAttendanceTable *table,
                                                      gint64             activity_id,
                                                      gint64             member_id,
                                                      const char        *member_name,
                                                      const char        *group,
                                                      BlAttendanceState  state,
                                                      const char        *reason);
/* The rows of @activity_id in the order they were added (NULL and 0 when
 * it has none); valid as long as the table. */
const BlAttendanceMark *bl_attendance_table_lookup   (BlAttendanceTable *table,
                                                      gint64             activity_id,
                                                      guint             *n_marks);
/* How many activities have rows. */
guint                   bl_attendance_table_get_n_activities (BlAttendanceTable *table);

G_END_DECLS
