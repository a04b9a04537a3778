/* bl-attendance-table.c: the attendance of many activities at once, as
 * plain rows, for reports and exports: one array of rows, each activity's
 * run of them found by id, names kept once (a ledger has a few hundred
 * members and a million rows) */
#include "config.h"

#include "bl-attendance-table.h"

typedef struct {
  guint first;
  guint count;
} Run;

struct _BlAttendanceTable
{
  GArray       *marks;   /* BlAttendanceMark, grouped by activity */
  GHashTable   *runs;    /* activity id (gint64*) → Run* */
  GStringChunk *text;    /* the marks' strings, each distinct one once */
  gint64        current; /* the activity the last row was added for */
  Run          *current_run;
  const char   *empty;   /* "" in the table's text */
};

BlAttendanceTable *
bl_attendance_table_new (void)
{
  BlAttendanceTable *table = g_new0 (BlAttendanceTable, 1);

  table->marks = g_array_new (FALSE, FALSE, sizeof (BlAttendanceMark));
  table->runs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  table->text = g_string_chunk_new (64 * 1024);
  table->empty = g_string_chunk_insert_const (table->text, "");
  return table;
}

void
bl_attendance_table_free (BlAttendanceTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->marks);
  g_hash_table_unref (table->runs);
  g_string_chunk_free (table->text);
  g_free (table);
}

const char *
bl_attendance_table_intern (BlAttendanceTable *table,
                            const char        *text)
{
  g_return_val_if_fail (table != NULL, "");

  return g_string_chunk_insert_const (table->text, text != NULL ? text : "");
}

void
bl_attendance_table_append_interned (BlAttendanceTable *table,
                                     gint64             activity_id,
                                     gint64             member_id,
                                     const char        *member_name,
                                     const char        *group,
                                     BlAttendanceState  state,
                                     const char        *reason)
{
  BlAttendanceMark mark;

  g_return_if_fail (table != NULL);
  g_return_if_fail (state <= BL_ATTENDANCE_ABSENT);

  /* The rows of one activity come together: its run is looked up once. */
  if (table->current_run == NULL || activity_id != table->current)
    {
      g_return_if_fail (!g_hash_table_contains (table->runs, &activity_id));
      table->current_run = g_new0 (Run, 1);
      table->current_run->first = table->marks->len;
      g_hash_table_insert (table->runs, g_memdup2 (&activity_id, sizeof activity_id), table->current_run);
      table->current = activity_id;
    }

  mark.member_id = member_id;
  mark.member_name = member_name;
  mark.group = group;
  mark.state = state;
  mark.reason = state != BL_ATTENDANCE_PRESENT ? reason : table->empty;
  g_array_append_val (table->marks, mark);
  table->current_run->count++;
}

const BlAttendanceMark *
bl_attendance_table_lookup (BlAttendanceTable *table,
                            gint64             activity_id,
                            guint             *n_marks)
{
  Run *run;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (n_marks != NULL, NULL);

  run = g_hash_table_lookup (table->runs, &activity_id);
  *n_marks = run != NULL ? run->count : 0;
  return run != NULL ? &g_array_index (table->marks, BlAttendanceMark, run->first) : NULL;
}

guint
bl_attendance_table_get_n_activities (BlAttendanceTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return g_hash_table_size (table->runs);
}
