/* bl-member-stats.c: how each member takes part (last attended, this year's rate)
 *
 * The members page shows these for every row: one grouped query over the
 * attendance table, not one query per member. */
#include "config.h"

#include "bl-date.h"
#include "bl-member-stats.h"
#include "bl-store-private.h"

void
bl_member_stats_free (BlMemberStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->last_attended);
  g_free (stats);
}

int
bl_member_stats_rate (const BlMemberStats *stats)
{
  g_return_val_if_fail (stats != NULL, -1);

  if (stats->expected == 0)
    return -1;
  /* Rounded to the nearest percent. */
  return (int) ((stats->present * 200u + stats->expected) / (stats->expected * 2u));
}

GHashTable *
bl_member_stats_compute (BlStore     *store,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autofree char *today = NULL;
  g_autofree char *year_start = NULL;
  sqlite3_stmt *stmt;
  GDate parsed;
  int rc;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (date == NULL)
    {
      bl_date_set_today (&parsed);
      today = bl_date_to_iso (&parsed);
    }
  else if (bl_date_parse (date, &parsed))
    today = bl_date_to_iso (&parsed);
  else
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, "not a date: %s", date);
      return NULL;
    }
  year_start = g_strdup_printf ("%04u-01-01", (guint) g_date_get_year (&parsed));

  stmt = bl_store_prepare (store,
                           "SELECT t.member_id,"
                           "       MAX(CASE WHEN t.state = 'present' THEN a.date END),"
                           "       SUM(a.date >= ?1),"
                           "       SUM(a.date >= ?1 AND t.state = 'present')"
                           "  FROM attendance t JOIN activity a ON a.id = t.activity_id"
                           " WHERE a.status = 'held' AND a.date <= ?2"
                           " GROUP BY t.member_id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, year_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);

  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) bl_member_stats_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BlMemberStats *stats = g_new0 (BlMemberStats, 1);

      stats->member_id = sqlite3_column_int64 (stmt, 0);
      stats->last_attended = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      stats->expected = (guint) sqlite3_column_int (stmt, 2);
      stats->present = (guint) sqlite3_column_int (stmt, 3);
      /* The key lives inside the value, so it dies with it. */
      g_hash_table_insert (table, &stats->member_id, stats);
    }
  if (rc != SQLITE_DONE)
    {
      bl_store_set_sql_error (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&table);
}
