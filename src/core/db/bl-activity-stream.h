/* bl-activity-stream.h: many activities' attendance at once, each
 * activity's in the members' order: a range's as one table (reports, the
 * workbook), or every activity one at a time with its own (the CSV export
 * of a 20-year ledger, which never holds its million rows at once) */
#pragma once

#include "bl-activity.h"
#include "bl-attendance-table.h"
#include "bl-db.h"

G_BEGIN_DECLS

/* The attendance of every activity dated from @from to @to (either NULL
 * for open), in one query, added to @table. */
gboolean    bl_activity_repo_load_attendance_between (BlDb     *db,
                                              const char   *from,
                                              const char   *to,
                                              BlAttendanceTable *table,
                                              GError      **error);

/* Every activity dated from @from to @to (either NULL for open), in
 * bl_activity_repo_list_between()'s order, with its attendance and its
 * counts from it, one at a time, all read as of one moment. */
gboolean    bl_activity_stream_foreach       (BlDb                 *db,
                                              const char           *from,
                                              const char           *to,
                                              BlActivityMarksFunc   func,
                                              gpointer              user_data,
                                              GError              **error);

G_END_DECLS
