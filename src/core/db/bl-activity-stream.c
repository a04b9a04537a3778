/* bl-activity-stream.c: many activities' attendance at once, each
 * activity's in the members' order, which is read once: a range's into one
 * table, or every activity's in turn */
#include "config.h"

#include <stdlib.h>

#include "bl-activity-repo.h"
#include "bl-activity-stream.h"
#include "bl-collation.h"
#include "bl-db-private.h"

#define IN_RANGE "a.date >= coalesce (?1, '') AND a.date <= coalesce (?2, '9999-99-99') "

/* A member as an activity's attendance lists them: by group, then name. */
typedef struct {
  gint64      id;
  const char *name;
  const char *group;
  guint       rank;
} ListedMember;

/* Every member in the members' order, found by id; a member the ledger
 * does not have comes last, nameless. */
typedef struct {
  GArray        *members;   /* ListedMember */
  GHashTable    *by_id;     /* id → ListedMember* */
  ListedMember **ascending; /* the members by id */
  GStringChunk  *texts;     /* the names, unless a table keeps them */
  ListedMember   unknown;
} MemberOrder;

static void
member_order_clear (MemberOrder *order)
{
  g_clear_pointer (&order->members, g_array_unref);
  g_clear_pointer (&order->by_id, g_hash_table_unref);
  g_clear_pointer (&order->ascending, g_free);
  g_clear_pointer (&order->texts, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MemberOrder, member_order_clear)

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 x = (*(ListedMember * const *) a)->id, y = (*(ListedMember * const *) b)->id;

  return x < y ? -1 : x > y;
}

static const char *
keep_text (MemberOrder       *order,
           BlAttendanceTable *table,
           const char        *text)
{
  return table != NULL ? bl_attendance_table_intern (table, text)
                       : g_string_chunk_insert_const (order->texts, text != NULL ? text : "");
}

/* The names and groups are kept by @table, or by the order when it is NULL. */
static gboolean
member_order_load (MemberOrder        *order,
                   BlDb               *db,
                   BlAttendanceTable  *table,
                   GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  order->members = g_array_new (FALSE, FALSE, sizeof (ListedMember));
  order->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  order->texts = table == NULL ? g_string_chunk_new (4096) : NULL;
  order->unknown = (ListedMember) { 0, keep_text (order, table, ""), keep_text (order, table, ""), G_MAXUINT };
  stmt = bl_db_prepare (db,
                        "SELECT m.id, m.name, coalesce(g.name, '') FROM member m "
                        "LEFT JOIN party_group g ON g.id = m.group_id "
                        BL_SQL_JOIN_OPEN_ROLE
                        "ORDER BY " BL_SQL_MEMBER_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ListedMember member = {
        sqlite3_column_int64 (stmt, 0),
        keep_text (order, table, bl_db_column_text (stmt, 1)),
        keep_text (order, table, bl_db_column_text (stmt, 2)),
        order->members->len,
      };

      g_array_append_val (order->members, member);
    }
  if (!bl_db_finish (db, stmt, rc, error))
    return FALSE;
  /* The array no longer grows: its elements can be pointed to. */
  order->ascending = g_new (ListedMember *, order->members->len + 1);
  for (guint i = 0; i < order->members->len; i++)
    {
      ListedMember *member = &g_array_index (order->members, ListedMember, i);

      g_hash_table_insert (order->by_id, &member->id, member);
      order->ascending[i] = member;
    }
  qsort (order->ascending, order->members->len, sizeof (ListedMember *), compare_ids);
  return TRUE;
}

static const ListedMember *
member_order_find (MemberOrder *order,
                   gint64       id)
{
  const ListedMember *member = g_hash_table_lookup (order->by_id, &id);

  return member != NULL ? member : &order->unknown;
}

/* One row of an activity's attendance, until its rows are put in order. */
typedef struct {
  const ListedMember *member;
  BlAttendanceState   state;
  const char         *reason;
} PendingMark;

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  guint x = ((const PendingMark *) a)->member->rank, y = ((const PendingMark *) b)->member->rank;

  return x < y ? -1 : x > y;
}

static void
flush_activity (BlAttendanceTable *table,
                gint64             activity_id,
                GArray            *pending)
{
  g_array_sort (pending, compare_pending);
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingMark *mark = &g_array_index (pending, PendingMark, i);

      bl_attendance_table_append_interned (table, activity_id, mark->member->id, mark->member->name,
                                           mark->member->group, mark->state, mark->reason);
    }
  g_array_set_size (pending, 0);
}

/* A million rows for a 20-year workbook: read in the table's own order (no
 * sort by SQLite), each activity's few hundred then put in the members'
 * order. */
gboolean
bl_activity_repo_load_attendance_between (BlDb               *db,
                                          const char         *from,
                                          const char         *to,
                                          BlAttendanceTable  *table,
                                          GError            **error)
{
  g_auto(MemberOrder) order = { 0 };
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingMark));
  gint64 current = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!member_order_load (&order, db, table, error))
    return FALSE;
  stmt = bl_db_prepare (db,
                        from == NULL && to == NULL
                        ? "SELECT activity_id, member_id, state, reason FROM attendance "
                          "ORDER BY activity_id, member_id"
                        : "SELECT x.activity_id, x.member_id, x.state, x.reason FROM activity a "
                          "JOIN attendance x ON x.activity_id = a.id WHERE " IN_RANGE
                          "ORDER BY x.activity_id, x.member_id", error);
  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, from);
  bl_db_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 activity_id = sqlite3_column_int64 (stmt, 0);
      PendingMark mark = {
        member_order_find (&order, sqlite3_column_int64 (stmt, 1)),
        bl_activity_repo_state_from_id (bl_db_column_text (stmt, 2)),
        bl_attendance_table_intern (table, bl_db_column_text (stmt, 3)),
      };

      if (activity_id != current && pending->len > 0)
        flush_activity (table, current, pending);
      current = activity_id;
      g_array_append_val (pending, mark);
    }
  if (pending->len > 0)
    flush_activity (table, current, pending);
  return bl_db_finish (db, stmt, rc, error);
}

/* A member's row of the activity at hand, kept at their rank. */
typedef struct {
  guint              seen;      /* the walk's count of activities when it was */
  BlAttendanceState  state;
  const char        *reason;
} Slot;

/* The walk: the members' order, and the rows of the activity at hand. */
typedef struct {
  BlDb                 *db;
  MemberOrder           order;
  Slot                 *slots;     /* one per member, by rank */
  guint                 visited;   /* activities so far */
  GArray               *marks;     /* BlAttendanceMark */
  GArray               *strays;    /* BlAttendanceMark of members the ledger lacks */
  GStringChunk         *reasons;   /* the activity's reasons */
  BlActivityMarksFunc   func;
  gpointer              user_data;
} Walk;

/* One activity: its rows found by its key (one seek, on one statement for
 * all), in the order of their member ids, which are matched against the
 * members by id in one pass; each put at its member's rank, so that the
 * rows come out in the members' order without a sort. A present row's
 * reason, nearly every row's, is not read. */
static gboolean
walk_activity_cb (BlActivity  *activity,
                  gpointer     user_data,
                  GError     **error)
{
  Walk *walk = user_data;
  sqlite3_stmt *stmt = bl_db_prepare (walk->db, "SELECT member_id, state, reason "
                                                "FROM attendance WHERE activity_id = ?1 ORDER BY member_id", error);
  ListedMember **ascending;
  guint n_members, next = 0, first = G_MAXUINT, found = 0, present = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Read with the first activity, as of the same moment. */
  if (walk->order.members == NULL)
    {
      if (!member_order_load (&walk->order, walk->db, NULL, error))
        return FALSE;
      walk->slots = g_new0 (Slot, walk->order.members->len);
    }
  ascending = walk->order.ascending;
  n_members = walk->order.members->len;
  walk->visited++;
  g_array_set_size (walk->marks, 0);
  g_array_set_size (walk->strays, 0);
  g_string_chunk_clear (walk->reasons);
  sqlite3_bind_int64 (stmt, 1, bl_activity_get_id (activity));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BlAttendanceState state = bl_activity_repo_state_from_id (bl_db_column_text (stmt, 1));
      const char *reason = "";

      if (state != BL_ATTENDANCE_PRESENT)
        {
          reason = bl_db_column_text (stmt, 2);
          reason = reason == NULL || *reason == '\0' ? "" : g_string_chunk_insert (walk->reasons, reason);
        }
      while (next < n_members && ascending[next]->id < id)
        next++;
      if (next < n_members && ascending[next]->id == id)
        {
          guint rank = ascending[next]->rank;

          walk->slots[rank] = (Slot) { walk->visited, state, reason };
          found++;
          first = MIN (first, rank);
        }
      else
        {
          BlAttendanceMark stray = { id, walk->order.unknown.name, walk->order.unknown.group, state, reason };

          g_array_append_val (walk->strays, stray);
        }
    }
  if (!bl_db_finish (walk->db, stmt, rc, error))
    return FALSE;

  g_array_set_size (walk->marks, found);
  for (guint rank = first, i = 0; i < found; rank++)
    {
      const Slot *slot = &walk->slots[rank];
      const ListedMember *member = &g_array_index (walk->order.members, ListedMember, rank);

      if (slot->seen != walk->visited)
        continue;
      g_array_index (walk->marks, BlAttendanceMark, i++) =
        (BlAttendanceMark) { member->id, member->name, member->group, slot->state, slot->reason };
      present += slot->state == BL_ATTENDANCE_PRESENT;
    }
  g_array_append_vals (walk->marks, walk->strays->data, walk->strays->len);
  for (guint i = 0; i < walk->strays->len; i++)
    present += g_array_index (walk->strays, BlAttendanceMark, i).state == BL_ATTENDANCE_PRESENT;
  bl_activity_set_counts (activity, walk->marks->len, present);
  return walk->func (activity, (const BlAttendanceMark *) (gpointer) walk->marks->data, walk->marks->len,
                     walk->user_data, error);
}

gboolean
bl_activity_stream_foreach (BlDb                 *db,
                            const char           *from,
                            const char           *to,
                            BlActivityMarksFunc   func,
                            gpointer              user_data,
                            GError              **error)
{
  Walk walk = { 0 };
  gboolean ok;

  g_return_val_if_fail (BL_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  walk.db = db;
  walk.func = func;
  walk.user_data = user_data;
  walk.marks = g_array_new (FALSE, FALSE, sizeof (BlAttendanceMark));
  walk.strays = g_array_new (FALSE, FALSE, sizeof (BlAttendanceMark));
  walk.reasons = g_string_chunk_new (256);
  /* While the activities' statement is open, every read sees the ledger
   * as it was when it began. */
  ok = bl_activity_repo_foreach_between (db, from, to, walk_activity_cb, &walk, error);
  member_order_clear (&walk.order);
  g_free (walk.slots);
  g_array_unref (walk.marks);
  g_array_unref (walk.strays);
  g_string_chunk_free (walk.reasons);
  return ok;
}
