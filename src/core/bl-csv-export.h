/* bl-csv-export.h: the ledger as members.csv and activities.csv (UTF-8 with
 * a BOM, Chinese headers), which import back into a new ledger as it was */
#pragma once

#include <glib.h>

#include "bl-attendance-table.h"
#include "bl-store.h"

G_BEGIN_DECLS

/* The cells of a member as members.csv has them, in its columns' order;
 * NULL for an empty one. */
#define BL_CSV_MEMBER_N_FIELDS 9
void         bl_csv_member_fields        (BlMember     *member,
                                          const char   *fields[BL_CSV_MEMBER_N_FIELDS]);
/* The cells of an activity as activities.csv has them, from its first
 * column (类型) to 第一议题, in their order; 出席, 缺席 and 标签 are the
 * caller's to join and are left NULL, as are empty cells. */
#define BL_CSV_ACTIVITY_N_FIELDS 18
void         bl_csv_activity_fields      (BlActivity   *activity,
                                          const char   *fields[BL_CSV_ACTIVITY_N_FIELDS]);
/* 出席 (@present) or 缺席 as activities.csv writes them when no name can
 * be read another way: the names joined by 、 as they are, a leave's reason
 * in parentheses ("其他" when none was given). */
char        *bl_csv_join_attendance_plain (const BlAttendanceMark *marks,
                                           guint                   n_marks,
                                           gboolean                present);

/* The files' contents. members.csv ends with a row for each party group
 * that has no members (only its 党小组 cell), so that the group and its
 * meetings come back; activities.csv counts 应到 and 实到, so that an
 * import takes the attendance as it is. */
char        *bl_csv_export_members       (BlStore      *store,
                                          GError      **error);
char        *bl_csv_export_activities    (BlStore      *store,
                                          GError      **error);
/* Writes members.csv and activities.csv into @dir (created, 0700, if
 * missing), readable by the user only: both are written in full to
 * temporary files first and put in place together at the end, so that a
 * failure (a full disk) leaves the folder as it was. */
gboolean     bl_csv_export_dir           (BlStore      *store,
                                          const char   *dir,
                                          GError      **error);

G_END_DECLS
