/* bl-activity-repo.c: activities in the ledger, with their tags and
 * attendance */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bl-activity-repo.h"
#include "bl-collation.h"
#include "bl-db-private.h"
#include "bl-member-repo.h"

static const char * const state_ids[] = { "present", "leave", "absent" };
static const gsize state_lengths[] = { sizeof "present" - 1, sizeof "leave" - 1, sizeof "absent" - 1 };

/* An activity's own columns, its tags and how many files it has… */
#define ACTIVITY_FIELDS \
  "a.id, a.kind, a.status, a.date, a.start_time, a.end_time, a.location, a.host, a.recorder, " \
  "a.lecturer, coalesce(g.name, ''), a.topic, a.first_topic, a.content, a.resolutions, a.guests, " \
  "(SELECT group_concat(t.name, char(31)) FROM (SELECT t.name FROM activity_tag at JOIN tag t ON t.id = at.tag_id " \
  "   WHERE at.activity_id = a.id ORDER BY at.position) t), " \
  "(SELECT count(*) FROM attachment f WHERE f.activity_id = a.id)"
#define FIELD_COUNT 18
/* …then 应到 and 实到, as its row keeps them (write_counts()). */
#define ACTIVITY_COLUMNS ACTIVITY_FIELDS ", a.expected_count, a.present_count"
#define ACTIVITY_FROM "FROM activity a LEFT JOIN party_group g ON g.id = a.group_id "
#define IN_RANGE "a.date >= coalesce (?1, '') AND a.date <= coalesce (?2, '9999-99-99') "

BlAttendanceState
bl_activity_repo_state_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_ids); i++)
    if (g_strcmp0 (state_ids[i], id) == 0)
      return (BlAttendanceState) i;
  return BL_ATTENDANCE_ABSENT;
}

static gpointer
activity_from_row (sqlite3_stmt *stmt)
{
  BlActivity *activity = bl_activity_new ();
  const char *tags = bl_db_column_text (stmt, 16);

  bl_activity_set_id (activity, sqlite3_column_int64 (stmt, 0));
  bl_activity_set_kind (activity, bl_db_column_text (stmt, 1));
  bl_activity_set_status (activity, g_strcmp0 (bl_db_column_text (stmt, 2), "planned") == 0
                                    ? BL_ACTIVITY_STATUS_PLANNED : BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, bl_db_column_text (stmt, 3));
  bl_activity_set_start_time (activity, bl_db_column_text (stmt, 4));
  bl_activity_set_end_time (activity, bl_db_column_text (stmt, 5));
  bl_activity_set_location (activity, bl_db_column_text (stmt, 6));
  bl_activity_set_host (activity, bl_db_column_text (stmt, 7));
  bl_activity_set_recorder (activity, bl_db_column_text (stmt, 8));
  bl_activity_set_lecturer (activity, bl_db_column_text (stmt, 9));
  bl_activity_set_group (activity, bl_db_column_text (stmt, 10));
  bl_activity_set_topic (activity, bl_db_column_text (stmt, 11));
  bl_activity_set_first_topic (activity, sqlite3_column_int (stmt, 12));
  bl_activity_set_content (activity, bl_db_column_text (stmt, 13));
  bl_activity_set_resolutions (activity, bl_db_column_text (stmt, 14));
  bl_activity_set_guests (activity, bl_db_column_text (stmt, 15));
  if (tags != NULL)
    {
      g_auto(GStrv) split = g_strsplit (tags, "\x1f", -1);
      bl_activity_set_tags (activity, (const char * const *) split);
    }
  bl_activity_set_attachment_count (activity, (guint) sqlite3_column_int (stmt, 17));
  if (sqlite3_column_count (stmt) > FIELD_COUNT)
    bl_activity_set_counts (activity, (guint) sqlite3_column_int (stmt, FIELD_COUNT),
                            (guint) sqlite3_column_int (stmt, FIELD_COUNT + 1));
  /* Older versions stored times and topics as typed ("9:05", a trailing
   * U+3000): shown, exported and compared as they are now saved. */
  bl_activity_normalize (activity);
  return activity;
}

/* Reading */

/* The activities of @stmt's rows (ACTIVITY_COLUMNS, bound), in its order. */
static GPtrArray *
collect_activities (BlDb          *db,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!bl_db_collect (db, stmt, activity_from_row, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
bl_activity_repo_list (BlDb    *db,
                       GError **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM
                                      "ORDER BY a.date DESC, a.start_time DESC, a.id DESC", error);

  if (stmt == NULL)
    return NULL;
  return collect_activities (db, stmt, error);
}

BlActivity *
bl_activity_repo_find (BlDb    *db,
                       gint64   id,
                       GError **error)
{
  g_autoptr(BlActivity) activity = NULL;
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM "WHERE a.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      activity = activity_from_row (stmt);
      rc = SQLITE_DONE;
    }
  if (!bl_db_finish (db, stmt, rc, error))
    return NULL;
  if (activity == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND,
                   _("There is no activity number %lld"), (long long) id);
      return NULL;
    }
  return g_steal_pointer (&activity);
}

static gpointer
attendee_from_row (sqlite3_stmt *stmt)
{
  BlAttendee *attendee = bl_attendee_new (sqlite3_column_int64 (stmt, 0), bl_db_column_text (stmt, 1),
                                          bl_activity_repo_state_from_id (bl_db_column_text (stmt, 3)),
                                          bl_db_column_text (stmt, 4));

  bl_attendee_set_group (attendee, bl_db_column_text (stmt, 2));
  return attendee;
}

gboolean
bl_activity_repo_load_attendance (BlDb        *db,
                                  gint64       id,
                                  GListStore  *attendance,
                                  GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT x.member_id, m.name, coalesce(g.name, ''), x.state, x.reason "
                                      "FROM attendance x "
                                      "JOIN member m ON m.id = x.member_id "
                                      "LEFT JOIN party_group g ON g.id = m.group_id "
                                      BL_SQL_JOIN_OPEN_ROLE
                                      "WHERE x.activity_id = ?1 "
                                      "ORDER BY " BL_SQL_MEMBER_ORDER, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bl_db_collect (db, stmt, attendee_from_row, items, error))
    return FALSE;
  g_list_store_splice (attendance, g_list_model_get_n_items (G_LIST_MODEL (attendance)), 0,
                       items->pdata, items->len);
  return TRUE;
}

GPtrArray *
bl_activity_repo_list_between (BlDb        *db,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM
                                      "WHERE " IN_RANGE "ORDER BY a.date, a.start_time, a.id", error);

  if (stmt == NULL)
    return NULL;
  bl_db_bind_text (stmt, 1, from);
  bl_db_bind_text (stmt, 2, to);
  return collect_activities (db, stmt, error);
}

gboolean
bl_activity_repo_foreach_between (BlDb                 *db,
                                  const char           *from,
                                  const char           *to,
                                  BlActivityRepoFunc    func,
                                  gpointer              user_data,
                                  GError              **error)
{
  /* Its own text: a statement of the cache that @func cannot reset. */
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT " ACTIVITY_FIELDS " " ACTIVITY_FROM
                                      "WHERE " IN_RANGE "ORDER BY a.date, a.start_time, a.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, from);
  bl_db_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BlActivity) activity = activity_from_row (stmt);

      if (!func (activity, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return bl_db_finish (db, stmt, rc, error);
}

gboolean
bl_activity_repo_exists (BlDb       *db,
                         const char *kind,
                         const char *date,
                         const char *start_time,
                         const char *topic,
                         gint64      except_id)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT 1 FROM activity WHERE kind = ?1 AND date = ?2 "
                                      "AND coalesce(bl_time(start_time), '') = coalesce(?3, '') "
                                      "AND bl_text(topic) = ?4 AND id <> ?5",
                                      NULL);

  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, kind);
  bl_db_bind_text (stmt, 2, date);
  bl_db_bind_text (stmt, 3, start_time);
  bl_db_bind_text (stmt, 4, topic);
  sqlite3_bind_int64 (stmt, 5, except_id);
  return bl_db_step_found (stmt);
}

gboolean
bl_activity_repo_has_id (BlDb   *db,
                         gint64  id)
{
  return bl_db_has_row_for_id (db, "SELECT 1 FROM activity WHERE id = ?1", id);
}

char *
bl_activity_repo_first_date (BlDb *db)
{
  char *date = NULL;

  if (!bl_db_query_text (db, "SELECT min(date) FROM activity", NULL, &date, NULL))
    return NULL;
  return date;
}

/* Planned activities dated up to @until (NULL: all), soonest first: a few
 * rows out of thousands, without loading the rest. */
GPtrArray *
bl_activity_repo_list_planned (BlDb        *db,
                               const char  *until,
                               GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT " ACTIVITY_COLUMNS " " ACTIVITY_FROM
                                      "WHERE a.status = 'planned' AND coalesce (a.date, '') <> '' "
                                      "AND a.date <= coalesce (?1, '9999-99-99') "
                                      "ORDER BY a.date, a.start_time, a.id", error);

  if (stmt == NULL)
    return NULL;
  bl_db_bind_text (stmt, 1, until);
  return collect_activities (db, stmt, error);
}

gboolean
bl_activity_repo_has_any (BlDb *db)
{
  return bl_db_query_int (db, "SELECT EXISTS (SELECT 1 FROM activity)", 0) != 0;
}

guint
bl_activity_repo_count (BlDb *db)
{
  return (guint) MAX (bl_db_query_int (db, "SELECT count(*) FROM activity", 0), 0);
}

/* Writing */

/* The activity's tags: @replace when it may have some already (a new
 * activity has none). */
static gboolean
write_tags (BlDb        *db,
            BlActivity  *activity,
            gboolean     replace,
            GError     **error)
{
  const char * const *tags = bl_activity_get_tags (activity);
  sqlite3_stmt *stmt;

  if (replace && !bl_db_run_for_id (db, "DELETE FROM activity_tag WHERE activity_id = ?1",
                                        bl_activity_get_id (activity), NULL, error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!bl_db_run (db, "INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", tags[i], NULL, error))
        return FALSE;

      stmt = bl_db_prepare (db, "INSERT INTO activity_tag (activity_id, tag_id, position) "
                                "SELECT ?1, id, ?3 FROM tag WHERE name = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
      bl_db_bind_text (stmt, 2, tags[i]);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!bl_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* One attendance row; the statement is prepared by the caller, once for
 * all the rows of a save. */
static gboolean
insert_mark (BlDb              *db,
             sqlite3_stmt      *stmt,
             gint64             id,
             gint64             member_id,
             const char        *member_name,
             BlAttendanceState  state,
             const char        *reason,
             GError           **error)
{
  int rc;

  /* Bound without a copy: the texts outlive the step (a million rows in
   * an import). */
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  sqlite3_bind_text (stmt, 3, state_ids[state], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, state == BL_ATTENDANCE_PRESENT || reason == NULL ? "" : reason, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   rc == SQLITE_CONSTRAINT_FOREIGNKEY
                   ? _("The attendance names a member who is not in the ledger")
                   : _("The attendance names “%s” twice"),
                   member_name != NULL ? member_name : "");
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bl_db_set_error (db, rc, error);
  return TRUE;
}

#define INSERT_ATTENDANCE "INSERT INTO attendance (activity_id, member_id, state, reason) VALUES (?1, ?2, ?3, ?4)"

/* Who is on the activity's attendance as the file holds it now: whose
 * statistics a write of it may change (bl_db_note_activity_change()). */
static gboolean
note_attendance_of (BlDb     *db,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (bl_db_get_bulk (db))
    return TRUE;
  stmt = bl_db_prepare (db, "SELECT member_id FROM attendance WHERE activity_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    bl_db_note_member (db, sqlite3_column_int64 (stmt, 0));
  return bl_db_finish (db, stmt, rc, error);
}

static gboolean
clear_attendance (BlDb     *db,
                  gint64    id,
                  GError  **error)
{
  return note_attendance_of (db, id, error) &&
         bl_db_run_for_id (db, "DELETE FROM attendance WHERE activity_id = ?1", id, NULL, error);
}

/* 应到 and 实到 on the activity's row, as its attendance now stands: every
 * write of attendance ends here, in the same transaction, but a new
 * activity's, whose row is written with its counts (write_activity()). */
static gboolean
write_counts (BlDb     *db,
              gint64    id,
              guint     expected,
              guint     present,
              GError  **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, "UPDATE activity SET expected_count = ?2, present_count = ?3 WHERE id = ?1",
                                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) expected);
  sqlite3_bind_int (stmt, 3, (int) present);
  return bl_db_step_done (db, stmt, error);
}

gboolean
bl_activity_repo_recount (BlDb     *db,
                          guint    *fixed,
                          GError  **error)
{
  /* One pass over the attendance in its key's order, then only the rows
   * that disagree are written. */
  if (!bl_db_exec (db,
                   "UPDATE activity SET (expected_count, present_count) ="
                   "  (SELECT count(*), coalesce(sum(x.state = 'present'), 0) FROM attendance x"
                   "    WHERE x.activity_id = activity.id)"
                   " WHERE id IN (SELECT a.id FROM activity a LEFT JOIN"
                   "   (SELECT activity_id, count(*) AS n, sum(state = 'present') AS p FROM attendance"
                   "     GROUP BY activity_id) c ON c.activity_id = a.id"
                   "   WHERE a.expected_count <> coalesce(c.n, 0) OR a.present_count <> coalesce(c.p, 0))",
                   error))
    return FALSE;
  *fixed = (guint) sqlite3_changes (bl_db_get_handle (db));
  return TRUE;
}

static gboolean
write_attendance (BlDb        *db,
                  gint64       id,
                  GListModel  *attendance,
                  GError     **error)
{
  guint n = g_list_model_get_n_items (attendance);
  guint present = 0;
  sqlite3_stmt *stmt;

  if (!clear_attendance (db, id, error))
    return FALSE;
  stmt = bl_db_prepare (db, INSERT_ATTENDANCE, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) a = g_list_model_get_item (attendance, i);

      if (!insert_mark (db, stmt, id, bl_attendee_get_member_id (a), bl_attendee_get_member_name (a),
                        bl_attendee_get_state (a), bl_attendee_get_reason (a), error))
        return FALSE;
      present += bl_attendee_get_state (a) == BL_ATTENDANCE_PRESENT;
    }
  if (!write_counts (db, id, n, present, error) || !note_attendance_of (db, id, error))
    return FALSE;
  bl_db_note_activity_change (db, BL_CHANGE_ATTENDANCE);
  return TRUE;
}

/* Rows one statement writes: a single row's statement costs as much to
 * start and end as to write its row. */
#define MARKS_PER_STATEMENT 50

/* A statement writing MARKS_PER_STATEMENT rows, and the state and reason
 * each row's parameters hold: a parameter keeps its value from one step
 * to the next, and nearly every row is "present" with no reason, so a
 * million rows are written binding one value each, not three. */
typedef struct {
  sqlite3_stmt *stmt;
  const char   *state[MARKS_PER_STATEMENT];
  const char   *reason[MARKS_PER_STATEMENT];
} MarksStatement;

static gboolean
marks_statement_init (MarksStatement  *marks,
                      BlDb            *db,
                      GError         **error)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("INSERT OR ROLLBACK INTO attendance (activity_id, member_id, state, reason) VALUES ");

      for (guint i = 0; i < MARKS_PER_STATEMENT; i++)
        g_string_append_printf (text, "%s(?1, ?%u, ?%u, ?%u)", i > 0 ? ", " : "", 2 + i * 3, 3 + i * 3, 4 + i * 3);
      g_once_init_leave (&sql, (gsize) g_string_free (text, FALSE));
    }
  /* OR ROLLBACK: a row it refuses ends the whole transaction at once, so
   * SQLite keeps no statement journal of the pages each statement changes
   * (260 MB of temporary file for a 20-year import). Only imports write
   * through it, and an import gives up its transaction on any error;
   * bl_db_rollback() allows for SQLite having rolled back already. */
  /* Prepared with its parameters cleared: none holds a text yet. */
  memset (marks, 0, sizeof *marks);
  marks->stmt = bl_db_prepare (db, (const char *) sql, error);
  return marks->stmt != NULL;
}

/* MARKS_PER_STATEMENT rows in one statement; a constraint it breaks is
 * told as insert_mark() tells it, without the member's name. */
static gboolean
insert_marks (BlDb                     *db,
              MarksStatement           *statement,
              gint64                    id,
              const BlAttendanceMark  **marks,
              GError                  **error)
{
  sqlite3_stmt *stmt = statement->stmt;
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < MARKS_PER_STATEMENT; i++)
    {
      const BlAttendanceMark *mark = marks[i];
      const char *state = state_ids[mark->state];
      const char *reason = mark->state == BL_ATTENDANCE_PRESENT || mark->reason == NULL ? "" : mark->reason;

      sqlite3_bind_int64 (stmt, 2 + i * 3, mark->member_id);
      /* Bound without a copy: the texts outlive the step. */
      if (statement->state[i] != state)
        sqlite3_bind_text (stmt, 3 + i * 3, statement->state[i] = state, (int) state_lengths[mark->state],
                           SQLITE_STATIC);
      if (statement->reason[i] != reason)
        sqlite3_bind_text (stmt, 4 + i * 3, statement->reason[i] = reason, -1, SQLITE_STATIC);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   rc == SQLITE_CONSTRAINT_FOREIGNKEY ? _("The attendance names a member who is not in the ledger")
                                                      : _("The attendance names a member twice"));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bl_db_set_error (db, rc, error);
  return TRUE;
}

static int
compare_marks (const void *a,
               const void *b)
{
  gint64 x = (*(const BlAttendanceMark * const *) a)->member_id;
  gint64 y = (*(const BlAttendanceMark * const *) b)->member_id;

  return x < y ? -1 : x > y;
}

/* @order by member id. Ids are small numbers: sorted a byte at a time
 * (as many bytes as the largest id has), which for a meeting's two hundred
 * rows, six thousand times in a 20-year import, costs a fraction of
 * qsort()'s calls of compare_marks(). */
static void
sort_marks (const BlAttendanceMark **order,
            guint                    n)
{
  g_autofree const BlAttendanceMark **other = NULL;
  const BlAttendanceMark **from = order, **to;
  guint64 largest = 0;

  for (guint i = 0; i < n; i++)
    {
      if (order[i]->member_id < 0)
        {
          qsort (order, n, sizeof *order, compare_marks);
          return;
        }
      largest = MAX (largest, (guint64) order[i]->member_id);
    }
  to = other = g_new (const BlAttendanceMark *, n);
  for (guint shift = 0; shift < 64 && (largest >> shift) > 0; shift += 8)
    {
      guint start[257] = { 0 };
      const BlAttendanceMark **swap;

      for (guint i = 0; i < n; i++)
        start[(((guint64) from[i]->member_id >> shift) & 0xff) + 1]++;
      for (guint b = 1; b < 257; b++)
        start[b] += start[b - 1];
      for (guint i = 0; i < n; i++)
        to[start[((guint64) from[i]->member_id >> shift) & 0xff]++] = from[i];
      swap = from, from = to, to = swap;
    }
  if (from != order)
    memcpy (order, from, n * sizeof *order);
}

/* The attendance of an activity, @present of its @n_marks present:
 * @replace when it may have some already (a new activity has none). */
static gboolean
write_marks (BlDb                    *db,
             BlActivity              *activity,
             gboolean                 replace,
             const BlAttendanceMark  *marks,
             guint                    n_marks,
             guint                    present,
             GError                 **error)
{
  gint64 id = bl_activity_get_id (activity);
  g_autofree const BlAttendanceMark **order = NULL;
  MarksStatement many;
  sqlite3_stmt *one;
  gboolean sorted = TRUE;
  gboolean ok = TRUE;

  if (replace && !clear_attendance (db, id, error))
    return FALSE;
  /* In key order: each row goes in after the one before. */
  order = g_new (const BlAttendanceMark *, n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      order[i] = &marks[i];
      sorted &= i == 0 || marks[i - 1].member_id <= marks[i].member_id;
    }
  if (!sorted)
    sort_marks (order, n_marks);
  if (n_marks >= MARKS_PER_STATEMENT && !marks_statement_init (&many, db, error))
    return FALSE;
  for (guint i = 0; ok && i + MARKS_PER_STATEMENT <= n_marks; i += MARKS_PER_STATEMENT)
    ok = insert_marks (db, &many, id, order + i, error);
  /* Its texts are the caller's, gone after this save. */
  if (n_marks >= MARKS_PER_STATEMENT)
    sqlite3_clear_bindings (many.stmt);
  if (!ok)
    return FALSE;
  if (n_marks % MARKS_PER_STATEMENT > 0 && (one = bl_db_prepare (db, INSERT_ATTENDANCE, error)) == NULL)
    return FALSE;
  for (guint i = n_marks - n_marks % MARKS_PER_STATEMENT; i < n_marks; i++)
    if (!insert_mark (db, one, id, order[i]->member_id, order[i]->member_name, order[i]->state, order[i]->reason,
                      error))
      return FALSE;
  /* What was just written is what the file holds (a new row has its counts
   * from write_activity()). */
  bl_activity_set_counts (activity, n_marks, present);
  if ((replace && !write_counts (db, id, n_marks, present, error)) || !note_attendance_of (db, id, error))
    return FALSE;
  bl_db_note_activity_change (db, BL_CHANGE_ATTENDANCE);
  return TRUE;
}

/* 应到, 实到 and the attachments as the file now holds them. */
static gboolean
read_counts (BlDb        *db,
             BlActivity  *activity,
             GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT expected_count, present_count, "
                                      "(SELECT count(*) FROM attachment WHERE activity_id = ?1) FROM activity "
                                      "WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      bl_activity_set_counts (activity, (guint) sqlite3_column_int (stmt, 0), (guint) sqlite3_column_int (stmt, 1));
      bl_activity_set_attachment_count (activity, (guint) sqlite3_column_int (stmt, 2));
      rc = SQLITE_DONE;
    }
  return bl_db_finish (db, stmt, rc, error);
}

/* The activity's own row, and its tags; *@updated when the row was there.
 * A new row gets @expected and @present as its 应到 and 实到: the counts
 * of the attendance that the caller writes next (none: 0 and 0). */
static gboolean
write_activity (BlDb        *db,
                BlActivity  *activity,
                guint        expected,
                guint        present,
                gboolean    *updated,
                GError     **error)
{
  static const char *insert_sql =
    "INSERT INTO activity (id, kind, status, date, start_time, end_time, location, host, recorder, lecturer, "
    "group_id, topic, first_topic, content, resolutions, guests, expected_count, present_count) "
    "VALUES (?16, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?17, ?18)";
  static const char *update_sql =
    "UPDATE activity SET kind = ?1, status = ?2, date = ?3, start_time = ?4, end_time = ?5, location = ?6, "
    "host = ?7, recorder = ?8, lecturer = ?9, group_id = ?10, topic = ?11, first_topic = ?12, content = ?13, "
    "resolutions = ?14, guests = ?15, modified = datetime('now') WHERE id = ?16";
  gint64 id = bl_activity_get_id (activity);
  gboolean update = id != 0 && bl_db_has_row_for_id (db, "SELECT 1 FROM activity WHERE id = ?1", id);
  g_autofree char *topic = g_strstrip (g_strdup (bl_activity_get_topic (activity)));
  gint64 group_id;
  sqlite3_stmt *stmt;

  if (!bl_member_repo_group_id (db, bl_activity_get_group (activity), FALSE, &group_id, error))
    return FALSE;

  stmt = bl_db_prepare (db, update ? update_sql : insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, bl_activity_get_kind (activity));
  bl_db_bind_text (stmt, 2, bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED ? "planned" : "held");
  bl_db_bind_text (stmt, 3, bl_activity_get_date (activity));
  bl_db_bind_text (stmt, 4, bl_activity_get_start_time (activity));
  bl_db_bind_text (stmt, 5, bl_activity_get_end_time (activity));
  bl_db_bind_text (stmt, 6, bl_activity_get_location (activity));
  bl_db_bind_text (stmt, 7, bl_activity_get_host (activity));
  bl_db_bind_text (stmt, 8, bl_activity_get_recorder (activity));
  bl_db_bind_text (stmt, 9, bl_activity_get_lecturer (activity));
  if (group_id != 0)
    sqlite3_bind_int64 (stmt, 10, group_id);
  bl_db_bind_text (stmt, 11, topic);
  sqlite3_bind_int (stmt, 12, bl_activity_get_first_topic (activity));
  bl_db_bind_text (stmt, 13, bl_activity_get_content (activity));
  bl_db_bind_text (stmt, 14, bl_activity_get_resolutions (activity));
  bl_db_bind_text (stmt, 15, bl_activity_get_guests (activity));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 16, id);
  if (!update)
    {
      sqlite3_bind_int (stmt, 17, (int) expected);
      sqlite3_bind_int (stmt, 18, (int) present);
    }
  if (!bl_db_step_done (db, stmt, error))
    return FALSE;

  *updated = update;
  if (id == 0)
    bl_activity_set_id (activity, bl_db_last_insert_id (db));
  bl_activity_set_topic (activity, topic);
  /* Its date or status may have changed: its attendance's members. */
  if (update && !note_attendance_of (db, id, error))
    return FALSE;
  bl_db_note_activity_change (db, BL_CHANGE_ACTIVITIES);

  return write_tags (db, activity, update, error);
}

gboolean
bl_activity_repo_save (BlDb        *db,
                       BlActivity  *activity,
                       GListModel  *attendance,
                       GError     **error)
{
  gboolean updated;

  return write_activity (db, activity, 0, 0, &updated, error) &&
         (attendance == NULL || write_attendance (db, bl_activity_get_id (activity), attendance, error)) &&
         read_counts (db, activity, error);
}

gboolean
bl_activity_repo_save_marks (BlDb                    *db,
                             BlActivity              *activity,
                             const BlAttendanceMark  *marks,
                             guint                    n_marks,
                             GError                 **error)
{
  gboolean updated;
  guint present = 0;

  for (guint i = 0; i < n_marks; i++)
    present += marks[i].state == BL_ATTENDANCE_PRESENT;
  return write_activity (db, activity, n_marks, present, &updated, error) &&
         write_marks (db, activity, updated, marks, n_marks, present, error);
}

gboolean
bl_activity_repo_list_keys (BlDb        *db,
                            GHashTable  *keys,
                            GHashTable  *ids,
                            GError     **error)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT kind, date, start_time, topic, id FROM activity", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 4);

      g_hash_table_add (keys, bl_activity_repo_key (bl_db_column_text (stmt, 0), bl_db_column_text (stmt, 1),
                                                    bl_db_column_text (stmt, 2), bl_db_column_text (stmt, 3)));
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return bl_db_finish (db, stmt, rc, error);
}

char *
bl_activity_repo_key (const char *kind,
                      const char *date,
                      const char *start_time,
                      const char *topic)
{
  /* As bl_activity_repo_exists() compares: no start time is "". */
  return g_strjoin ("\x1f", kind != NULL ? kind : "", date != NULL ? date : "",
                    start_time != NULL ? start_time : "", topic != NULL ? topic : "", NULL);
}

/* Dropped during a big import and made again at its end: sorting a million
 * entries once costs a fraction of keeping them in order one by one. The
 * definition is the one the migrations create. */
gboolean
bl_activity_repo_defer_member_index (BlDb     *db,
                                     GError  **error)
{
  return bl_db_defer_index (db, "DROP INDEX IF EXISTS attendance_member",
                            "CREATE INDEX attendance_member ON attendance (member_id, activity_id)", error);
}

gboolean
bl_activity_repo_delete (BlDb    *db,
                         gint64   id,
                         GError **error)
{
  if (!note_attendance_of (db, id, error) ||
      !bl_db_run_for_id (db, "DELETE FROM activity WHERE id = ?1", id, NULL, error))
    return FALSE;
  if (bl_db_changes (db) == 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND,
                   _("There is no activity number %lld"), (long long) id);
      return FALSE;
    }
  bl_db_note_activity_change (db, BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE);
  return TRUE;
}
