/* bl-activity-repo.h: activities in the ledger, with their tags and
 * attendance */
#pragma once

#include "bl-activity.h"
#include "bl-db.h"

G_BEGIN_DECLS

/* Every activity without attendance but with its 应到/实到 counts
 * (BlActivity*), newest first: date, start time, id, all descending. */
GPtrArray  *bl_activity_repo_list            (BlDb         *db,
                                              GError      **error);
/* One activity like those of the list; NOT_FOUND when there is none. */
BlActivity *bl_activity_repo_find            (BlDb         *db,
                                              gint64        id,
                                              GError      **error);
/* Activities dated from @from to @to inclusive (either NULL for open),
 * ascending by date, start time and id, with their attendance when
 * @with_attendance (one query for the whole range). */
GPtrArray  *bl_activity_repo_list_between    (BlDb         *db,
                                              const char   *from,
                                              const char   *to,
                                              gboolean      with_attendance,
                                              GError      **error);
/* Replaces @activity's attendance with what the ledger holds, each
 * member's name filled in, by group then name. */
gboolean    bl_activity_repo_load_attendance (BlDb         *db,
                                              BlActivity   *activity,
                                              GError      **error);
/* Inserts or updates @activity (topic stripped) with its tags and its
 * attendance. id 0 inserts and sets the new id; an id that no longer
 * exists inserts with that id (the undo of a delete). Call inside a
 * transaction. */
gboolean    bl_activity_repo_save            (BlDb         *db,
                                              BlActivity   *activity,
                                              GError      **error);
gboolean    bl_activity_repo_delete          (BlDb         *db,
                                              gint64        id,
                                              GError      **error);
/* Whether an activity equal in kind, date, start and topic exists (other
 * than @except_id). */
gboolean    bl_activity_repo_exists          (BlDb         *db,
                                              const char   *kind,
                                              const char   *date,
                                              const char   *start_time,
                                              const char   *topic,
                                              gint64        except_id);
/* The date of the earliest activity, or NULL. */
char       *bl_activity_repo_first_date      (BlDb         *db);

G_END_DECLS
