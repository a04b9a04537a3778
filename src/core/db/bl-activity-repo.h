/* bl-activity-repo.h: activities in the ledger, with their tags and
 * attendance */
#pragma once

#include "bl-activity.h"
#include "bl-attendance-table.h"
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
 * ascending by date, start time and id, like those of the list. */
GPtrArray  *bl_activity_repo_list_between    (BlDb         *db,
                                              const char   *from,
                                              const char   *to,
                                              GError      **error);
/* Called for each activity of a walk; FALSE with @error stops it. */
typedef gboolean (*BlActivityRepoFunc) (BlActivity  *activity,
                                        gpointer     user_data,
                                        GError     **error);
/* Each activity of bl_activity_repo_list_between() in turn, without its
 * counts (0: the caller reads its attendance), on one statement that stays
 * open meanwhile: what @func reads sees the ledger as of the walk's start. */
gboolean    bl_activity_repo_foreach_between (BlDb              *db,
                                              const char        *from,
                                              const char        *to,
                                              BlActivityRepoFunc func,
                                              gpointer           user_data,
                                              GError           **error);
/* Appends the attendance of activity @id to @attendance (BlAttendee, each
 * member's name and group filled in), in the members' order. */
gboolean    bl_activity_repo_load_attendance (BlDb         *db,
                                              gint64        id,
                                              GListStore   *attendance,
                                              GError      **error);
/* The state an attendance row stores as @id ("present", "leave", "absent"). */
BlAttendanceState bl_activity_repo_state_from_id (const char *id);
/* Inserts or updates @activity (topic stripped) with its tags and, when
 * @attendance (BlAttendee) is not NULL, its attendance, which then replaces
 * the stored one; NULL keeps it. id 0 inserts and sets the new id; an id
 * that no longer exists inserts with that id (the undo of a delete). The
 * counts on @activity are set from the file. Call inside a transaction. */
gboolean    bl_activity_repo_save            (BlDb         *db,
                                              BlActivity   *activity,
                                              GListModel   *attendance,
                                              GError      **error);
/* The same with the attendance as plain rows (each mark's member_id, state
 * and reason; the counts follow from them): what an import of thousands of
 * activities saves. */
gboolean    bl_activity_repo_save_marks      (BlDb         *db,
                                              BlActivity   *activity,
                                              const BlAttendanceMark *marks,
                                              guint         n_marks,
                                              GError      **error);
/* Inside a transaction that adds most of the ledger's attendance (an
 * import into a new ledger): the attendance index by member is dropped,
 * then made again whole before that transaction commits (see
 * bl_db_defer_index()). */
gboolean    bl_activity_repo_defer_member_index (BlDb     *db,
                                              GError      **error);
gboolean    bl_activity_repo_delete          (BlDb         *db,
                                              gint64        id,
                                              GError      **error);
/* Whether an activity equal in kind, date, start and topic exists (other
 * than @except_id), the stored start time and topic taken in their normal
 * form (bl_time(), bl_text()): give @start_time and @topic normalised. */
gboolean    bl_activity_repo_exists          (BlDb         *db,
                                              const char   *kind,
                                              const char   *date,
                                              const char   *start_time,
                                              const char   *topic,
                                              gint64        except_id);
/* Adds to @keys (a set of strings) the bl_activity_repo_key() of every
 * activity, and to @ids (a set of gint64*) its number: an import's
 * duplicate check, in one query. */
gboolean    bl_activity_repo_list_keys       (BlDb         *db,
                                              GHashTable   *keys,
                                              GHashTable   *ids,
                                              GError      **error);
/* What bl_activity_repo_exists() compares, as one string. */
char       *bl_activity_repo_key             (const char   *kind,
                                              const char   *date,
                                              const char   *start_time,
                                              const char   *topic);
/* Whether activity number @id is in the ledger. */
gboolean    bl_activity_repo_has_id          (BlDb         *db,
                                              gint64        id);
/* The date of the earliest activity, or NULL. */
char       *bl_activity_repo_first_date      (BlDb         *db);
/* Planned activities dated up to @until (NULL: all; undated ones never),
 * by date, start and id, with their counts. */
GPtrArray  *bl_activity_repo_list_planned    (BlDb         *db,
                                              const char   *until,
                                              GError      **error);
/* Whether the ledger holds any activity at all. */
gboolean    bl_activity_repo_has_any         (BlDb         *db);
/* Sets 应到 and 实到 again from the attendance on every activity whose row
 * says otherwise (a tool other than this program changed the attendance
 * in the file); *@fixed: how many. Writes nothing when all agree. */
gboolean    bl_activity_repo_recount         (BlDb         *db,
                                              guint        *fixed,
                                              GError      **error);
guint       bl_activity_repo_count           (BlDb         *db);

G_END_DECLS
