/* bl-member-stats.c: how each member takes part (last attended, this year's rate)
 *
 * The members page shows these for every row, and computes them again after
 * each save: this year's attendance in one pass, tallied here, then only
 * what is missing from earlier years. */
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

/* One member's running tally: fixed-size, since many rows pass by. */
typedef struct {
  gint64 member_id;
  char   last[11];  /* "YYYY-MM-DD" or "" */
  guint  expected;
  guint  present;
} Entry;

typedef struct {
  GHashTable *entries;     /* member id → Entry */
  guint       missing;     /* members whose last attendance is still sought */
} Tally;

static Entry *
entry_for (GHashTable *entries,
           gint64      member_id)
{
  Entry *entry = g_hash_table_lookup (entries, &member_id);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->member_id = member_id;
      g_hash_table_insert (entries, &entry->member_id, entry);
    }
  return entry;
}

/* This year's rows: the rate, and the last attendance of whoever came. */
static gboolean
tally_row (const char        *date,
           gint64             member_id,
           BlAttendanceState  state,
           gpointer           user_data)
{
  Tally *tally = user_data;
  Entry *entry = entry_for (tally->entries, member_id);
  gboolean present = state == BL_ATTENDANCE_PRESENT;

  if (present && strcmp (date, entry->last) > 0)
    g_strlcpy (entry->last, date, sizeof entry->last);
  entry->expected++;
  entry->present += present;
  return TRUE;
}

/* Earlier years, newest first: the first row of a member still sought is
 * their last attendance. Stops once nobody is sought. */
static gboolean
last_row (const char        *date,
          gint64             member_id,
          BlAttendanceState  state,
          gpointer           user_data)
{
  Tally *tally = user_data;
  Entry *entry = g_hash_table_lookup (tally->entries, &member_id);

  if (entry != NULL && entry->last[0] == '\0')
    {
      g_strlcpy (entry->last, date, sizeof entry->last);
      tally->missing--;
    }
  return tally->missing > 0;
}

/* The day the statistics are as of (@date, or the store's today) and the
 * first of its year. */
static gboolean
as_of (BlStore     *store,
       const char  *date,
       char       **today,
       char       **year_start,
       GError     **error)
{
  GDate parsed;

  if (date == NULL)
    bl_clock_get_date (bl_store_get_clock (store), &parsed);
  else if (!bl_date_parse (date, &parsed))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, "not a date: %s", date);
      return FALSE;
    }
  *today = bl_date_to_iso (&parsed);
  *year_start = g_strdup_printf ("%04u-01-01", (guint) g_date_get_year (&parsed));
  return TRUE;
}

/* This year's attendance is read whole (a few thousand rows at most); the
 * last attendance of members who did not come this year is sought in the
 * earlier years newest first, only for members who ever came (asked from
 * the member's side, through its index), and stops as soon as all are
 * found: a save on a ledger of decades costs this year, not the decades. */
GHashTable *
bl_member_stats_compute (BlStore     *store,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autofree char *today = NULL;
  g_autofree char *year_start = NULL;
  GListModel *members = bl_store_get_members (store);
  BlDb *db = bl_store_get_db (store);
  GHashTableIter iter;
  Entry *entry;
  Tally tally;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!as_of (store, date, &today, &year_start, error))
    return NULL;

  entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  tally.entries = entries;
  tally.missing = 0;
  if (!bl_stats_repo_scan_held_attendance (db, year_start, today, tally_row, &tally, error))
    return NULL;

  /* Who did not come this year: expected before (else not in the table),
   * and ever present (else nothing to seek). */
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      gint64 id = bl_member_get_id (member);
      gboolean yes = FALSE;

      entry = g_hash_table_lookup (entries, &id);
      if (entry != NULL && entry->last[0] != '\0')
        continue;
      if (entry == NULL)
        {
          if (!bl_stats_repo_ever_expected (db, id, today, &yes, error))
            return NULL;
          if (!yes)
            continue;
          entry = entry_for (entries, id);
        }
      if (!bl_stats_repo_ever_present (db, id, today, &yes, error))
        return NULL;
      tally.missing += yes;
    }
  if (tally.missing > 0 && !bl_stats_repo_scan_present_before (db, year_start, last_row, &tally, error))
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

/* The same answer as bl_member_stats_compute() for each member, from their
 * own rows: this year's through the year's activities, the last attendance
 * before it only for who did not come this year. */
gboolean
bl_member_stats_update (GHashTable   *stats,
                        BlStore      *store,
                        const char   *date,
                        GHashTable   *member_ids,
                        GError      **error)
{
  g_autofree char *today = NULL;
  g_autofree char *year_start = NULL;
  BlDb *db;
  GHashTableIter iter;
  gint64 *id;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (member_ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!as_of (store, date, &today, &year_start, error))
    return FALSE;
  db = bl_store_get_db (store);
  g_hash_table_iter_init (&iter, member_ids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      g_autoptr(GHashTable) entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
      Tally tally = { entries, 0 };
      Entry *entry;
      BlMemberStats *member;
      gboolean yes = FALSE;

      if (!bl_stats_repo_scan_member_held (db, *id, year_start, today, tally_row, &tally, error))
        return FALSE;
      entry = g_hash_table_lookup (entries, id);
      if (entry == NULL)
        {
          /* Never expected: missing from the table, as in a full count. */
          if (!bl_stats_repo_ever_expected (db, *id, today, &yes, error))
            return FALSE;
          if (!yes)
            {
              g_hash_table_remove (stats, id);
              continue;
            }
          entry = entry_for (entries, *id);
        }
      member = g_new0 (BlMemberStats, 1);
      member->member_id = *id;
      member->expected = entry->expected;
      member->present = entry->present;
      if (entry->last[0] != '\0')
        member->last_attended = g_strdup (entry->last);
      else if (!bl_stats_repo_ever_present (db, *id, today, &yes, error) ||
               (yes && !bl_stats_repo_last_present_before (db, *id, year_start, &member->last_attended, error)))
        {
          bl_member_stats_free (member);
          return FALSE;
        }
      g_hash_table_replace (stats, &member->member_id, member);
    }
  return TRUE;
}
