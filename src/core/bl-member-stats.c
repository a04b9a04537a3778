/* bl-member-stats.c: how each member takes part (last attended, this year's rate)
 *
 * The members page shows these for every row: one pass over the held
 * activities' attendance, tallied here, not one query per member. */
#include "config.h"

#include <string.h>

#include "bl-date.h"
#include "bl-member-stats.h"
#include "bl-quota.h"
#include "db/bl-stats-repo.h"

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

gboolean
bl_member_stats_is_drifting (const BlMemberStats *stats,
                             BlMember            *member,
                             const GDate         *today)
{
  GDate last;

  g_return_val_if_fail (BL_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (bl_member_get_status (member) != BL_MEMBER_STATUS_ACTIVE || stats == NULL ||
      stats->last_attended == NULL || !bl_date_parse (stats->last_attended, &last))
    return FALSE;
  /* The same month arithmetic as the overview's list (bl_quota_evaluate()). */
  return bl_months_between (&last, today) >= BL_ABSENCE_WARN_MONTHS;
}

/* One member's running tally: fixed-size, since a million rows pass by. */
typedef struct {
  gint64 member_id;
  char   last[11];  /* "YYYY-MM-DD" or "" */
  guint  expected;
  guint  present;
} Entry;

typedef struct {
  GHashTable *entries;     /* member id → Entry */
  const char *year_start;
} Tally;

static gboolean
tally_row (const char        *date,
           gint64             member_id,
           BlAttendanceState  state,
           gpointer           user_data)
{
  Tally *tally = user_data;
  Entry *entry = g_hash_table_lookup (tally->entries, &member_id);
  gboolean present = state == BL_ATTENDANCE_PRESENT;

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->member_id = member_id;
      g_hash_table_insert (tally->entries, &entry->member_id, entry);
    }
  if (present && strcmp (date, entry->last) > 0)
    g_strlcpy (entry->last, date, sizeof entry->last);
  if (strcmp (date, tally->year_start) >= 0)
    {
      entry->expected++;
      entry->present += present;
    }
  return TRUE;
}

GHashTable *
bl_member_stats_compute (BlStore     *store,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autofree char *today = NULL;
  g_autofree char *year_start = NULL;
  GDate parsed;
  GHashTableIter iter;
  Entry *entry;
  Tally tally;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (date == NULL)
    {
      bl_clock_get_date (bl_store_get_clock (store), &parsed);
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

  entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  tally.entries = entries;
  tally.year_start = year_start;
  if (!bl_stats_repo_scan_held_attendance (bl_store_get_db (store), today, tally_row, &tally, error))
    return NULL;

  table = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                 (GDestroyNotify) bl_member_stats_free);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      BlMemberStats *stats = g_new0 (BlMemberStats, 1);

      stats->member_id = entry->member_id;
      stats->last_attended = entry->last[0] != '\0' ? g_strdup (entry->last) : NULL;
      stats->expected = entry->expected;
      stats->present = entry->present;
      /* The key lives inside the value, so it dies with it. */
      g_hash_table_insert (table, &stats->member_id, stats);
    }
  return g_steal_pointer (&table);
}
