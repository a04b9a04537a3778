/* bl-quota.c: quota rules evaluated for a date (see ../shared/domain.md, "Quotas") */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-activity.h"
#include "bl-date.h"
#include "bl-group-order.h"
#include "bl-quorum.h"
#include "bl-quota.h"
#include "bl-rules.h"
#include "db/bl-stats-repo.h"

G_DEFINE_QUARK (bl-quota-error-quark, bl_quota_error)

/* Periods */

const char *
bl_period_to_id (BlPeriod period)
{
  switch (period)
    {
    case BL_PERIOD_MONTH: return "month";
    case BL_PERIOD_QUARTER: return "quarter";
    case BL_PERIOD_HALF_YEAR: return "half-year";
    case BL_PERIOD_YEAR: return "year";
    default: g_return_val_if_reached ("month");
    }
}

gboolean
bl_period_parse (const char *id,
                 BlPeriod   *out)
{
  static const BlPeriod periods[] = { BL_PERIOD_MONTH, BL_PERIOD_QUARTER, BL_PERIOD_HALF_YEAR, BL_PERIOD_YEAR };

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (periods); i++)
    if (g_strcmp0 (id, bl_period_to_id (periods[i])) == 0)
      {
        if (out != NULL)
          *out = periods[i];
        return TRUE;
      }
  return FALSE;
}

const char *
bl_period_display (BlPeriod period)
{
  switch (period)
    {
    case BL_PERIOD_MONTH: return _("Month");
    case BL_PERIOD_QUARTER: return _("Quarter");
    case BL_PERIOD_HALF_YEAR: return _("Half-year");
    case BL_PERIOD_YEAR: return _("Year");
    default: g_return_val_if_reached ("");
    }
}

guint
bl_period_count_in_year (BlPeriod period)
{
  switch (period)
    {
    case BL_PERIOD_MONTH: return 12;
    case BL_PERIOD_QUARTER: return 4;
    case BL_PERIOD_HALF_YEAR: return 2;
    case BL_PERIOD_YEAR: return 1;
    default: g_return_val_if_reached (1);
    }
}

guint
bl_period_index_of_month (BlPeriod period,
                          guint    month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  return (month - 1) / (12 / bl_period_count_in_year (period));
}

/* The first and last day of period @index (0-based) of @year. */
static void
period_index_bounds (BlPeriod   period,
                     GDateYear  year,
                     guint      index,
                     GDate     *start,
                     GDate     *end)
{
  guint months = 12 / bl_period_count_in_year (period);
  guint first_month = index * months + 1;
  guint last_month = first_month + months - 1;

  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, (GDateMonth) first_month, year);
  g_date_clear (end, 1);
  g_date_set_dmy (end, g_date_get_days_in_month ((GDateMonth) last_month, year),
                  (GDateMonth) last_month, year);
}

void
bl_period_bounds (BlPeriod     period,
                  const GDate *date,
                  GDate       *start,
                  GDate       *end)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (start != NULL && end != NULL);

  period_index_bounds (period, g_date_get_year (date),
                       bl_period_index_of_month (period, g_date_get_month (date)), start, end);
}

gboolean
bl_period_bounds_iso (BlPeriod     period,
                      const char  *date,
                      char       **start,
                      char       **end)
{
  GDate d, s, e;

  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (!bl_date_parse (date, &d))
    return FALSE;
  bl_period_bounds (period, &d, &s, &e);
  *start = bl_date_to_iso (&s);
  *end = bl_date_to_iso (&e);
  return TRUE;
}

/* @date + @months, clamped to the end of a short month (GDate does that). */
static void
add_months (const GDate *date,
            guint        months,
            GDate       *out)
{
  *out = *date;
  g_date_add_months (out, months);
}

guint
bl_months_between (const GDate *from,
                   const GDate *to)
{
  GDate probe;
  int months;

  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (from, to) >= 0)
    return 0;
  /* The calendar difference is right or one too many (when @to's day comes
   * before @from's within the month). */
  months = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
           ((int) g_date_get_month (to) - (int) g_date_get_month (from));
  add_months (from, (guint) months, &probe);
  if (g_date_compare (&probe, to) > 0)
    months--;
  return (guint) MAX (months, 0);
}

/* Reports */

const char *
bl_quota_state_to_id (BlQuotaState state)
{
  switch (state)
    {
    case BL_QUOTA_MET: return "met";
    case BL_QUOTA_DUE_SOON: return "due-soon";
    case BL_QUOTA_PENDING: return "pending";
    default: g_return_val_if_reached ("pending");
    }
}

const char *
bl_quota_state_display (BlQuotaState state)
{
  switch (state)
    {
    case BL_QUOTA_MET: return _("Met");
    case BL_QUOTA_DUE_SOON: return _("Due soon");
    case BL_QUOTA_PENDING: return _("Pending");
    default: g_return_val_if_reached ("");
    }
}

void
bl_quota_status_free (BlQuotaStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->rule_id);
  g_free (status->rule_name);
  g_free (status->kind);
  g_free (status->group);
  g_free (status->start);
  g_free (status->end);
  g_free (status);
}

void
bl_absence_free (BlAbsence *absence)
{
  if (absence == NULL)
    return;
  g_free (absence->member);
  g_free (absence->last_attended);
  g_strfreev (absence->reasons);
  g_free (absence);
}

void
bl_quota_report_free (BlQuotaReport *report)
{
  if (report == NULL)
    return;
  g_free (report->date);
  g_free (report->start_date);
  g_clear_pointer (&report->quotas, g_ptr_array_unref);
  g_clear_pointer (&report->missed, g_ptr_array_unref);
  g_clear_pointer (&report->absences, g_ptr_array_unref);
  g_free (report);
}

/* How soon a quota asks for work: due soon (within its rule's reminder lead),
 * then pending, then met. */
static int
state_rank (BlQuotaState state)
{
  switch (state)
    {
    case BL_QUOTA_DUE_SOON:
      return 0;
    case BL_QUOTA_PENDING:
      return 1;
    case BL_QUOTA_MET:
    default:
      return 2;
    }
}

/* Due soon first (a year's rule within its 30 days' lead comes before a
 * month's not yet within its 7), then pending, then met; within each the
 * nearest deadline, then by name (and group). */
static int
compare_urgency (gconstpointer a,
                 gconstpointer b)
{
  const BlQuotaStatus *x = *(const BlQuotaStatus * const *) a;
  const BlQuotaStatus *y = *(const BlQuotaStatus * const *) b;
  int x_rank = state_rank (x->state);
  int y_rank = state_rank (y->state);
  int cmp;

  if (x_rank != y_rank)
    return x_rank < y_rank ? -1 : 1;
  if (x->days_left != y->days_left)
    return x->days_left < y->days_left ? -1 : 1;
  if ((cmp = g_utf8_collate (x->rule_name, y->rule_name)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->rule_id, y->rule_id)) != 0)
    return cmp;
  return bl_group_compare (x->group, y->group);
}

/* Oldest period first, then as the quotas. */
static int
compare_missed (gconstpointer a,
                gconstpointer b)
{
  const BlQuotaStatus *x = *(const BlQuotaStatus * const *) a;
  const BlQuotaStatus *y = *(const BlQuotaStatus * const *) b;
  int cmp;

  if ((cmp = strcmp (x->start, y->start)) != 0)
    return cmp;
  if ((cmp = strcmp (x->end, y->end)) != 0)
    return cmp;
  return compare_urgency (a, b);
}

static int
compare_absence (gconstpointer a,
                 gconstpointer b)
{
  const BlAbsence *x = *(const BlAbsence * const *) a;
  const BlAbsence *y = *(const BlAbsence * const *) b;

  if (x->months != y->months)
    return x->months > y->months ? -1 : 1;
  return g_utf8_collate (x->member, y->member);
}

static BlQuotaStatus *
status_new (BlRule      *rule,
            const char  *group,
            GDateYear    year,
            guint        index,
            guint        done,
            guint        invalid,
            const GDate *date)
{
  BlQuotaStatus *status = g_new0 (BlQuotaStatus, 1);
  GDate start, end;

  period_index_bounds (rule->period, year, index, &start, &end);
  status->rule_id = g_strdup (rule->id);
  status->rule_name = g_strdup (rule->name);
  status->kind = g_strdup (rule->kind);
  status->group = g_strdup (group);
  status->period = rule->period;
  status->start = bl_date_to_iso (&start);
  status->end = bl_date_to_iso (&end);
  status->required = rule->minimum;
  status->done = done;
  status->invalid = invalid;
  status->days_left = g_date_days_between (date, &end);
  status->lead_days = rule->lead_days;
  if (done >= rule->minimum)
    status->state = BL_QUOTA_MET;
  else if (status->days_left <= (int) rule->lead_days)
    status->state = BL_QUOTA_DUE_SOON;
  else
    status->state = BL_QUOTA_PENDING;
  return status;
}

/* Whether @lecturer is the name of the member who was secretary on @day.
 * Secretaries change (elections, transfers), so the answer is per date;
 * @cache maps a date to the secretary's name ("" for nobody). */
static gboolean
lecturer_is_secretary (BlStore    *store,
                       GHashTable *cache,
                       const char *day,
                       const char *lecturer)
{
  const char *name = g_hash_table_lookup (cache, day);
  g_autofree char *clean = NULL;

  if (name == NULL)
    {
      gint64 id = bl_store_get_secretary_on (store, day);
      g_autoptr(BlMember) member = id != 0 ? bl_store_find_member (store, id) : NULL;

      name = member != NULL ? bl_member_get_name (member) : "";
      g_hash_table_insert (cache, g_strdup (day), g_strdup (name));
      name = g_hash_table_lookup (cache, day);
    }
  if (*name == '\0' || lecturer == NULL)
    return FALSE;
  clean = g_strstrip (g_strdup (lecturer));
  return g_strcmp0 (clean, name) == 0;
}

/* What counting one rule's activities needs, row by row. */
typedef struct {
  BlStore    *store;
  BlRule     *rule;
  GStrv       groups;
  GHashTable *secretaries;
  guint       n_slots;
  guint       n_periods;
  guint      *counts;       /* [slot][period] */
  guint      *invalid;      /* [slot][period]: held without their quorum */
} RuleCount;

static void
count_activity (const BlHeldActivity *activity,
                gpointer              user_data)
{
  RuleCount *count = user_data;
  BlRule *rule = count->rule;
  const char *day = activity->date;
  const char *group = activity->group;
  guint slot = 0;
  guint month;
  guint index;

  if (day == NULL || strlen (day) != 10)
    return;
  month = (guint) g_ascii_strtoull (day + 5, NULL, 10);
  if (month < 1 || month > 12)
    return;

  if (rule->per_group)
    {
      for (slot = 0; slot < count->n_slots; slot++)
        if (g_strcmp0 (count->groups[slot], group) == 0)
          break;
      if (slot == count->n_slots)
        return;  /* a group meeting of no (or a since-renamed) group */
    }
  if (g_strcmp0 (rule->lecturer, "secretary") == 0 &&
      !lecturer_is_secretary (count->store, count->secretaries, day, activity->lecturer))
    return;

  index = slot * count->n_periods + bl_period_index_of_month (rule->period, month);
  /* Held, but not validly: it counts toward no quota, and is told apart. */
  if (bl_quorum_judge (rule->kind, activity->expected, activity->present,
                       activity->full_expected, activity->full_present) == BL_QUORUM_LACKING)
    count->invalid[index]++;
  else
    count->counts[index]++;
}

/* Adds the current period's status to @quotas and the earlier periods of the
 * year that fell short to @missed, for one rule (every group of a per-group rule). */
static gboolean
evaluate_rule (BlStore     *store,
               BlRule      *rule,
               GStrv        groups,
               const GDate *date,
               const char  *start_date,
               GHashTable  *secretaries,
               GPtrArray   *quotas,
               GPtrArray   *missed,
               GError     **error)
{
  guint n_periods = bl_period_count_in_year (rule->period);
  guint current = bl_period_index_of_month (rule->period, g_date_get_month (date));
  GDateYear year = g_date_get_year (date);
  guint n_slots = rule->per_group ? g_strv_length (groups) : 1;
  g_autofree guint *counts = NULL;
  g_autofree guint *invalid = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate year_start;
  RuleCount count;

  /* A per-group rule in a branch without groups asks for nothing. */
  if (n_slots == 0)
    return TRUE;

  counts = g_new0 (guint, n_slots * n_periods);
  invalid = g_new0 (guint, n_slots * n_periods);
  g_date_clear (&year_start, 1);
  g_date_set_dmy (&year_start, 1, G_DATE_JANUARY, year);
  /* As the ledger stood on @date: nothing dated after it counts (held
   * activities are never in the future, but @date may be in the past). */
  from = bl_date_to_iso (&year_start);
  to = bl_date_to_iso (date);

  count = (RuleCount) { store, rule, groups, secretaries, n_slots, n_periods, counts, invalid };
  if (!bl_stats_repo_scan_held (bl_store_get_db (store), rule->kind, from, to, rule->tag,
                                bl_quorum_needed (rule->kind), count_activity, &count, error))
    return FALSE;

  for (guint slot = 0; slot < n_slots; slot++)
    {
      const char *group = rule->per_group ? groups[slot] : NULL;

      BlQuotaStatus *status = status_new (rule, group, year, current, counts[slot * n_periods + current],
                                          invalid[slot * n_periods + current], date);

      /* A period that ended before the ledger's start date was never kept
       * here: it is neither a quota nor missed. */
      if (start_date != NULL && strcmp (status->end, start_date) < 0)
        bl_quota_status_free (status);
      else
        g_ptr_array_add (quotas, status);
      for (guint i = 0; i < current; i++)
        {
          guint done = counts[slot * n_periods + i];

          if (done >= rule->minimum)
            continue;
          status = status_new (rule, group, year, i, done, invalid[slot * n_periods + i], date);
          if (start_date != NULL && strcmp (status->end, start_date) < 0)
            bl_quota_status_free (status);
          else
            g_ptr_array_add (missed, status);
        }
    }
  return TRUE;
}

/* One leave or absence, as the history scan met it. */
typedef struct {
  char   *date;
  char   *start_time;
  gint64  activity_id;
  char   *text;
} AbsenceRow;

static void
absence_row_clear (gpointer data)
{
  AbsenceRow *row = data;

  g_free (row->date);
  g_free (row->start_time);
  g_free (row->text);
}

static int
compare_absence_rows (gconstpointer a,
                      gconstpointer b)
{
  const AbsenceRow *x = a, *y = b;
  int cmp;

  if ((cmp = strcmp (x->date, y->date)) != 0)
    return cmp;
  if ((cmp = strcmp (x->start_time, y->start_time)) != 0)
    return cmp;
  return x->activity_id < y->activity_id ? -1 : x->activity_id > y->activity_id;
}

/* What reading one member's history back to the last attendance collects. */
typedef struct {
  char   *last;   /* the date of the first "present" met, or NULL */
  GArray *rows;   /* AbsenceRow: the leaves and absences after it */
} History;

static gboolean
history_row (const char        *date,
             const char        *start_time,
             gint64             activity_id,
             BlAttendanceState  state,
             const char        *reason,
             gpointer           user_data)
{
  History *history = user_data;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  AbsenceRow row;

  if (state == BL_ATTENDANCE_PRESENT)
    {
      history->last = g_strdup (date);
      return FALSE;
    }
  /* A leave with its reason as recorded (the word for "on leave" when
   * none was written); an absence without leave as the word for it. */
  row.date = g_strdup (date);
  row.start_time = g_strdup (start_time);
  row.activity_id = activity_id;
  if (state == BL_ATTENDANCE_LEAVE)
    row.text = g_strdup (*clean != '\0' ? clean : bl_attendance_state_display (BL_ATTENDANCE_LEAVE));
  else
    row.text = g_strdup (bl_attendance_state_display (BL_ATTENDANCE_ABSENT));
  g_array_append_val (history->rows, row);
  return TRUE;
}

/* Reads @member_id's attendance from @until back to @from (inclusive), stopping
 * at the first held activity attended: its date goes to @last (NULL when
 * none), the leaves and absences after it to @rows. */
static gboolean
scan_member_history (BlStore     *store,
                     gint64       member_id,
                     const char  *until,
                     const char  *from,
                     char       **last,
                     GArray      *rows,
                     GError     **error)
{
  History history = { NULL, rows };

  if (!bl_stats_repo_scan_history (bl_store_get_db (store), member_id, from, until,
                                   history_row, &history, error))
    {
      g_free (history.last);
      *last = NULL;
      return FALSE;
    }
  *last = history.last;
  return TRUE;
}

/* Each distinct reason once, oldest first. */
static GStrv
reasons_from_rows (GArray *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_sort (rows, compare_absence_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *text = g_array_index (rows, AbsenceRow, i).text;

      if (g_hash_table_add (seen, (gpointer) text))
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* The last day T with T + 5 months ≤ @date: whoever attended after T is
 * under the line. Adding months is monotonic, so step from a guess. */
static void
absence_threshold (const GDate *date,
                   GDate       *threshold)
{
  GDate probe;

  *threshold = *date;
  g_date_subtract_months (threshold, BL_ABSENCE_WARN_MONTHS);
  for (;;)
    {
      GDate next = *threshold;

      g_date_add_days (&next, 1);
      add_months (&next, BL_ABSENCE_WARN_MONTHS, &probe);
      if (g_date_compare (&probe, date) > 0)
        break;
      *threshold = next;
    }
  for (;;)
    {
      add_months (threshold, BL_ABSENCE_WARN_MONTHS, &probe);
      if (g_date_compare (&probe, date) <= 0)
        break;
      g_date_subtract_days (threshold, 1);
    }
}

/* Active members at ≥ BL_ABSENCE_WARN_MONTHS months without attending a held
 * activity. One pass over the last five months finds everyone under the
 * line; only the others are looked at one by one, so the cost follows the
 * few drifting members, not the ledger's years. */
static gboolean
evaluate_absences (BlStore     *store,
                   const GDate *date,
                   const char  *date_iso,
                   GPtrArray   *absences,
                   GError     **error)
{
  g_autoptr(GHashTable) recent = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) recent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *threshold_iso = NULL;
  g_autofree char *first_held = NULL;
  BlDb *db = bl_store_get_db (store);
  GListModel *members;
  GDate threshold;
  guint n;

  absence_threshold (date, &threshold);
  threshold_iso = bl_date_to_iso (&threshold);

  if (!bl_stats_repo_present_between (db, threshold_iso, date_iso, recent_ids, error))
    return FALSE;
  /* The array no longer grows: its elements can be the set's keys. */
  for (guint i = 0; i < recent_ids->len; i++)
    g_hash_table_add (recent, &g_array_index (recent_ids, gint64, i));

  if (!bl_stats_repo_first_held (db, date_iso, &first_held, error))
    return FALSE;

  members = bl_store_get_members (store);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      g_autoptr(GArray) rows = NULL;
      g_autofree char *last = NULL;
      gint64 id = bl_member_get_id (member);
      const char *joined = bl_member_get_joined (member);
      const char *since;
      gboolean attended;
      BlAbsence *absence;
      GDate from;
      guint months;

      /* Transferred-out members are kept for history, never reported. */
      if (bl_member_get_status (member) != BL_MEMBER_STATUS_ACTIVE ||
          !bl_member_is_active_on (member, date_iso) ||
          g_hash_table_contains (recent, &id))
        continue;

      rows = g_array_new (FALSE, FALSE, sizeof (AbsenceRow));
      g_array_set_clear_func (rows, absence_row_clear);
      if (!bl_stats_repo_ever_present (db, id, date_iso, &attended, error))
        return FALSE;

      if (attended)
        {
          if (!scan_member_history (store, id, date_iso, NULL, &last, rows, error))
            return FALSE;
          /* Someone who came as an activist before joining is counted
           * from joining. */
          since = last;
          if (last != NULL && joined != NULL && *joined != '\0' && strcmp (joined, last) > 0)
            since = joined;
        }
      else
        {
          /* Never attended: counted from joining, but not from before the
           * ledger's first held activity (nothing was recorded before it). */
          if (first_held == NULL)
            continue;
          if (joined != NULL && *joined != '\0' && strcmp (joined, first_held) > 0)
            since = joined;
          else
            since = first_held;
        }

      if (since == NULL || !bl_date_parse (since, &from))
        continue;
      months = bl_months_between (&from, date);
      if (months < BL_ABSENCE_WARN_MONTHS)
        continue;
      if (!attended)
        {
          g_autofree char *ignored = NULL;

          if (!scan_member_history (store, id, date_iso, since, &ignored, rows, error))
            return FALSE;
        }

      absence = g_new0 (BlAbsence, 1);
      absence->member_id = id;
      absence->member = g_strdup (bl_member_get_name (member));
      absence->last_attended = g_steal_pointer (&last);
      absence->months = months;
      absence->reasons = reasons_from_rows (rows);
      g_ptr_array_add (absences, absence);
    }
  g_ptr_array_sort (absences, compare_absence);
  return TRUE;
}

BlQuotaReport *
bl_quota_evaluate_rules (BlStore     *store,
                         GPtrArray   *rules,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GHashTable) secretaries = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *start_date = NULL;
  GDate d;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bl_date_parse (date, &d))
    {
      g_set_error (error, BL_QUOTA_ERROR, BL_QUOTA_ERROR_BAD_DATE,
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2025-12-20"),
                   date != NULL ? date : "");
      return NULL;
    }

  report = g_new0 (BlQuotaReport, 1);
  report->date = bl_date_to_iso (&d);
  report->quotas = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_quota_status_free);
  report->missed = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_quota_status_free);
  report->absences = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_absence_free);

  groups = bl_store_list_groups (store);
  secretaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  start_date = bl_store_get_start_date (store);
  report->start_date = g_strdup (start_date);

  for (guint i = 0; i < rules->len; i++)
    {
      BlRule *rule = g_ptr_array_index (rules, i);

      /* A pack for some years (an annual plan) sets no quota in others. */
      if (!bl_rule_applies_in_year (rule, g_date_get_year (&d)))
        continue;
      if (!evaluate_rule (store, rule, groups, &d, start_date, secretaries,
                          report->quotas, report->missed, error))
        return NULL;
    }
  g_ptr_array_sort (report->quotas, compare_urgency);
  g_ptr_array_sort (report->missed, compare_missed);

  if (!evaluate_absences (store, &d, report->date, report->absences, error))
    return NULL;

  return g_steal_pointer (&report);
}

BlQuotaReport *
bl_quota_evaluate (BlStore     *store,
                   const char  *date,
                   GError     **error)
{
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rules = bl_rules_list_enabled (store, error);
  if (rules == NULL)
    return NULL;
  return bl_quota_evaluate_rules (store, rules, date, error);
}
