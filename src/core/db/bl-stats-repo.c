/* bl-stats-repo.c: the statistics queries: attendance and held activities
 * streamed as plain rows for the quota, the members' statistics and the
 * annual statistics to compute on
 *
 * The attendance queries start from the activities (the activity_date
 * index, newest first where it matters) and probe attendance by its primary
 * key (activity_id, member_id): CROSS JOIN fixes that order. Left to itself
 * SQLite walks a member's whole history, or all of attendance through the
 * attendance_member index, instead: several times slower. */
#include "config.h"

#include "bl-db-private.h"
#include "bl-stats-repo.h"

static BlAttendanceState
state_from_text (const char *state)
{
  if (g_strcmp0 (state, "present") == 0)
    return BL_ATTENDANCE_PRESENT;
  if (g_strcmp0 (state, "leave") == 0)
    return BL_ATTENDANCE_LEAVE;
  return BL_ATTENDANCE_ABSENT;
}

/* The attendance rows (date, member id, state) of held activities, as the
 * scans below read them, each adding its own conditions. */
#define HELD_ATTENDANCE \
  "SELECT a.date, t.member_id, t.state FROM activity a CROSS JOIN attendance t" \
  " WHERE t.activity_id = a.id AND a.status = 'held'"

/* Steps @sql (HELD_ATTENDANCE and its conditions) with @date bound to ?1,
 * @from to ?2 and @member_id to ?3 where it has them, calling @func on each
 * row until it asks to stop. */
static gboolean
scan_rows (BlDb                  *db,
           const char            *sql,
           const char            *date,
           const char            *from,
           gint64                 member_id,
           BlHeldAttendanceFunc   func,
           gpointer               user_data,
           GError               **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, sql, error);
  int n_params;
  int rc;

  if (stmt == NULL)
    return FALSE;
  n_params = sqlite3_bind_parameter_count (stmt);
  bl_db_bind_text (stmt, 1, date);
  if (n_params >= 2)
    bl_db_bind_text (stmt, 2, from);
  if (n_params >= 3)
    sqlite3_bind_int64 (stmt, 3, member_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (bl_db_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
               state_from_text (bl_db_column_text (stmt, 2)), user_data))
      {
        rc = SQLITE_DONE;
        break;
      }
  return bl_db_finish (db, stmt, rc, error);
}

gboolean
bl_stats_repo_scan_held_attendance (BlDb                  *db,
                                    const char            *from,
                                    const char            *until,
                                    BlHeldAttendanceFunc   func,
                                    gpointer               user_data,
                                    GError               **error)
{
  return scan_rows (db, HELD_ATTENDANCE " AND a.date <= ?1 AND a.date >= coalesce (?2, '')",
                    until, from, 0, func, user_data, error);
}

/* Newest first through the activity_date index, so that the caller stops
 * as soon as it has what it looks for (each member's last attendance). */
gboolean
bl_stats_repo_scan_present_before (BlDb                  *db,
                                   const char            *before,
                                   BlHeldAttendanceFunc   func,
                                   gpointer               user_data,
                                   GError               **error)
{
  return scan_rows (db, HELD_ATTENDANCE " AND t.state = 'present' AND a.date < ?1 ORDER BY a.date DESC",
                    before, NULL, 0, func, user_data, error);
}

gboolean
bl_stats_repo_scan_member_held (BlDb                  *db,
                                gint64                 member_id,
                                const char            *from,
                                const char            *until,
                                BlHeldAttendanceFunc   func,
                                gpointer               user_data,
                                GError               **error)
{
  return scan_rows (db, HELD_ATTENDANCE " AND t.member_id = ?3 AND a.date <= ?1 AND a.date >= coalesce (?2, '')",
                    until, from, member_id, func, user_data, error);
}

/* Newest first from the activities' side, stopping at the first: a member's
 * whole history (thousands of rows on a ledger of decades) is read only for
 * who never came, which the caller asks first (bl_stats_repo_ever_present). */
gboolean
bl_stats_repo_last_present_before (BlDb        *db,
                                   gint64       member_id,
                                   const char  *before,
                                   char       **date,
                                   GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT a.date FROM activity a CROSS JOIN attendance t"
                                      " WHERE t.activity_id = a.id AND t.member_id = ?1 AND t.state = 'present'"
                                      " AND a.status = 'held' AND a.date < ?2 ORDER BY a.date DESC LIMIT 1",
                                      error);
  int rc;

  *date = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bl_db_bind_text (stmt, 2, before);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *date = g_strdup (bl_db_column_text (stmt, 0));
      rc = SQLITE_DONE;
    }
  return bl_db_finish (db, stmt, rc, error);
}

/* Only the activities carrying tag ?4, when it is not NULL. */
#define HELD_TAG \
  " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM activity_tag at JOIN tag t ON t.id = at.tag_id" \
  "                            WHERE at.activity_id = a.id AND t.name = ?4))"

/* One query per rule (per-group rules too: the group comes along), so the
 * cost does not grow with the number of groups or of activities in the
 * ledger's other years. */
gboolean
bl_stats_repo_scan_held (BlDb                *db,
                         const char          *kind,
                         const char          *from,
                         const char          *to,
                         const char          *tag,
                         gboolean             with_attendance,
                         BlHeldActivityFunc   func,
                         gpointer             user_data,
                         GError             **error)
{
  /* The attendance counts are for the quorum (bl-quorum.h), read only when
   * asked: one pass over each activity's attendance, by its primary key. */
  static const char *with_counts =
    "SELECT a.date, COALESCE(g.name, ''), a.lecturer, count(x.member_id),"
    " coalesce(sum(x.state = 'present'), 0), coalesce(sum(m.category = 'full'), 0),"
    " coalesce(sum(m.category = 'full' AND x.state = 'present'), 0)"
    " FROM activity a"
    " LEFT JOIN party_group g ON g.id = a.group_id"
    " LEFT JOIN attendance x ON x.activity_id = a.id"
    " LEFT JOIN member m ON m.id = x.member_id"
    " WHERE a.kind = ?1 AND a.status = 'held' AND a.date >= ?2 AND a.date <= ?3" HELD_TAG
    " GROUP BY a.id";
  static const char *without_counts =
    "SELECT a.date, COALESCE(g.name, ''), a.lecturer, 0, 0, 0, 0 FROM activity a"
    " LEFT JOIN party_group g ON g.id = a.group_id"
    " WHERE a.kind = ?1 AND a.status = 'held' AND a.date >= ?2 AND a.date <= ?3" HELD_TAG;
  sqlite3_stmt *stmt = bl_db_prepare (db, with_attendance ? with_counts : without_counts, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, kind);
  bl_db_bind_text (stmt, 2, from);
  bl_db_bind_text (stmt, 3, to);
  bl_db_bind_text (stmt, 4, tag);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BlHeldActivity row = {
        bl_db_column_text (stmt, 0), bl_db_column_text (stmt, 1), bl_db_column_text (stmt, 2),
        (guint) sqlite3_column_int (stmt, 3), (guint) sqlite3_column_int (stmt, 4),
        (guint) sqlite3_column_int (stmt, 5), (guint) sqlite3_column_int (stmt, 6),
      };

      func (&row, user_data);
    }
  return bl_db_finish (db, stmt, rc, error);
}

gboolean
bl_stats_repo_present_between (BlDb        *db,
                               const char  *after,
                               const char  *until,
                               GArray      *member_ids,
                               GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT t.member_id FROM activity a CROSS JOIN attendance t"
                                      " WHERE t.activity_id = a.id AND a.date > ?1 AND a.date <= ?2"
                                      " AND a.status = 'held' AND t.state = 'present'",
                                      error);

  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, after);
  bl_db_bind_text (stmt, 2, until);
  return bl_db_collect_ids (db, stmt, member_ids, error);
}

/* Whether @sql, with @member_id bound to ?1 and @until to ?2, returns a row. */
static gboolean
member_has_row (BlDb        *db,
                const char  *sql,
                gint64       member_id,
                const char  *until,
                gboolean    *found,
                GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bl_db_bind_text (stmt, 2, until);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  return bl_db_finish (db, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

gboolean
bl_stats_repo_ever_expected (BlDb        *db,
                             gint64       member_id,
                             const char  *until,
                             gboolean    *expected,
                             GError     **error)
{
  return member_has_row (db,
                         "SELECT 1 FROM attendance t JOIN activity a ON a.id = t.activity_id"
                         " WHERE t.member_id = ?1 AND a.status = 'held' AND a.date <= ?2 LIMIT 1",
                         member_id, until, expected, error);
}

/* From the member's side, which is quick for new members who have not come
 * yet (the history scan would walk back to the ledger's first day for them). */
gboolean
bl_stats_repo_ever_present (BlDb        *db,
                            gint64       member_id,
                            const char  *until,
                            gboolean    *present,
                            GError     **error)
{
  return member_has_row (db,
                         "SELECT 1 FROM attendance t JOIN activity a ON a.id = t.activity_id"
                         " WHERE t.member_id = ?1 AND t.state = 'present' AND a.status = 'held'"
                         " AND a.date <= ?2 LIMIT 1",
                         member_id, until, present, error);
}

gboolean
bl_stats_repo_scan_history (BlDb           *db,
                            gint64          member_id,
                            const char     *from,
                            const char     *until,
                            BlHistoryFunc   func,
                            gpointer        user_data,
                            GError        **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT a.date, t.state, t.reason, coalesce(a.start_time, ''), a.id"
                                      " FROM activity a CROSS JOIN attendance t"
                                      " WHERE t.activity_id = a.id AND t.member_id = ?1 AND a.date <= ?2 AND a.date >= ?3"
                                      " AND a.status = 'held' ORDER BY a.date DESC",
                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bl_db_bind_text (stmt, 2, until);
  bl_db_bind_text (stmt, 3, from != NULL ? from : "");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!func (bl_db_column_text (stmt, 0), bl_db_column_text (stmt, 3), sqlite3_column_int64 (stmt, 4),
               state_from_text (bl_db_column_text (stmt, 1)), bl_db_column_text (stmt, 2), user_data))
      {
        rc = SQLITE_DONE;
        break;
      }
  return bl_db_finish (db, stmt, rc, error);
}

gboolean
bl_stats_repo_first_held (BlDb        *db,
                          const char  *until,
                          char       **date,
                          GError     **error)
{
  return bl_db_query_text (db, "SELECT MIN(date) FROM activity WHERE status = 'held' AND date <= ?1",
                           until, date, error);
}

void
bl_kind_month_count_clear (gpointer data)
{
  BlKindMonthCount *count = data;

  g_free (count->kind);
}

GArray *
bl_stats_repo_count_by_kind_and_month (BlDb        *db,
                                       const char  *from,
                                       const char  *to,
                                       GError     **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (BlKindMonthCount));
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT kind, CAST(substr(date, 6, 2) AS INTEGER), sum(status = 'held')"
                                      " FROM activity WHERE date >= ?1 AND date <= ?2"
                                      " GROUP BY kind, 2 ORDER BY min(date), kind, 2",
                                      error);
  int rc;

  g_array_set_clear_func (counts, bl_kind_month_count_clear);
  if (stmt == NULL)
    return NULL;
  bl_db_bind_text (stmt, 1, from);
  bl_db_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BlKindMonthCount count = {
        g_strdup (bl_db_column_text (stmt, 0)),
        (guint) sqlite3_column_int (stmt, 1),
        (guint) sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (counts, count);
    }
  if (!bl_db_finish (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&counts);
}
