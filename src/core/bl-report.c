/* bl-report.c: gathers what the monthly summary and the annual statistics print */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-csv-private.h"
#include "bl-date.h"
#include "bl-group-order.h"
#include "bl-kind.h"
#include "bl-quorum.h"
#include "bl-report.h"
#include "bl-text.h"
#include "db/bl-stats-repo.h"

G_DEFINE_QUARK (bl-report-error-quark, bl_report_error)

static void
report_activity_free (gpointer data)
{
  BlReportActivity *activity = data;

  g_free (activity->date);
  g_free (activity->start_time);
  g_free (activity->kind);
  g_free (activity->kind_name);
  g_free (activity->topic);
  g_free (activity->leader);
  g_free (activity);
}

typedef struct {
  BlReportMember member;
  guint          n_cells;
  gboolean       active;  /* active on the month's last day */
} MemberBox;

static void
report_member_free (gpointer data)
{
  MemberBox *box = data;

  for (guint i = 0; i < box->n_cells; i++)
    g_free (box->member.cells[i].reason);
  g_free (box->member.cells);
  g_free (box->member.name);
  g_free (box->member.group);
  g_free (box);
}

static const char *
activity_leader (BlActivity *activity)
{
  const char *host = bl_activity_get_host (activity);
  const char *lecturer = bl_activity_get_lecturer (activity);

  /* A lecture is known by who gave it; other meetings by who chaired them. */
  if (g_strcmp0 (bl_activity_get_kind (activity), BL_KIND_PARTY_LECTURE) == 0 && !bl_text_is_blank (lecturer))
    return lecturer;
  if (!bl_text_is_blank (host))
    return host;
  if (!bl_text_is_blank (lecturer))
    return lecturer;
  return "";
}

static double
rate_of (guint present,
         guint expected)
{
  return expected == 0 ? -1.0 : (double) present / (double) expected;
}

static char *
iso_of (int year,
        int month,
        int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static int
quota_compare (gconstpointer a,
               gconstpointer b)
{
  const BlReportQuota *qa = *(BlReportQuota * const *) a;
  const BlReportQuota *qb = *(BlReportQuota * const *) b;
  int cmp;

  if (qa->status->period != qb->status->period)
    return (int) qa->status->period - (int) qb->status->period;
  cmp = g_utf8_collate (qa->status->rule_name ? qa->status->rule_name : "",
                        qb->status->rule_name ? qb->status->rule_name : "");
  if (cmp != 0)
    return cmp;
  return bl_group_compare (qa->status->group, qb->status->group);
}

gboolean
bl_report_parse_month (const char  *text,
                       int         *year,
                       int         *month,
                       GError     **error)
{
  int y, m;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    goto bad;

  y = (int) g_ascii_strtoll (text, NULL, 10);
  m = (int) g_ascii_strtoll (text + 5, NULL, 10);
  if (y < 1900 || m < 1 || m > 12)
    goto bad;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  return TRUE;

bad:
  g_set_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_MONTH,
               _("“%s” is not a month: write it as YYYY-MM, for example 2025-11"),
               text != NULL ? text : "");
  return FALSE;
}

BlReport *
bl_report_build (BlStore     *store,
                 const char  *month,
                 const char  *today,
                 GError     **error)
{
  g_autoptr(BlReport) report = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(BlAttendanceTable) attendance = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) full_members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) all_members = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *branch = NULL;
  GListModel *members;
  GDate first;
  int year, month_number;
  guint n_members;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bl_report_parse_month (month, &year, &month_number, error))
    return NULL;

  if (today != NULL)
    {
      GDate date;

      if (!bl_date_parse (today, &date))
        {
          g_set_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_MONTH,
                       _("“%s” is not a date: write it as YYYY-MM-DD"), today);
          return NULL;
        }
      today_iso = bl_date_to_iso (&date);
    }
  else
    {
      today_iso = bl_clock_get_today (bl_store_get_clock (store));
    }

  report = g_new0 (BlReport, 1);
  report->month = g_strdup_printf ("%04d-%02d", year, month_number);
  report->year = year;
  report->month_number = month_number;
  report->first_day = iso_of (year, month_number, 1);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) month_number, (GDateYear) year);
  report->last_day = iso_of (year, month_number,
                             g_date_get_days_in_month ((GDateMonth) month_number, (GDateYear) year));
  /* A finished month is judged as it stood on its last day; the current one as of today. */
  if (strcmp (today_iso, report->last_day) > 0)
    report->evaluated_on = g_strdup (report->last_day);
  else if (strcmp (today_iso, report->first_day) < 0)
    report->evaluated_on = g_strdup (report->first_day);
  else
    report->evaluated_on = g_strdup (today_iso);
  branch = bl_store_get_branch_name (store);
  report->branch_name = g_strdup (branch != NULL ? branch : "");
  report->activities = g_ptr_array_new_with_free_func (report_activity_free);
  report->members = g_ptr_array_new_with_free_func (report_member_free);
  report->quotas = g_ptr_array_new_with_free_func (g_free);
  report->missed = g_ptr_array_new ();
  report->absences = g_ptr_array_new ();

  activities = bl_store_list_activities_between (store, report->first_day, report->last_day, error);
  if (activities == NULL)
    return NULL;
  attendance = bl_store_load_attendance_between (store, report->first_day, report->last_day, error);
  if (attendance == NULL)
    return NULL;

  for (guint i = 0; i < activities->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (activities, i);
      BlReportActivity *item = g_new0 (BlReportActivity, 1);

      item->id = bl_activity_get_id (activity);
      item->date = g_strdup (bl_activity_get_date (activity));
      item->start_time = g_strdup (bl_activity_get_start_time (activity));
      item->kind = g_strdup (bl_activity_get_kind (activity));
      item->kind_name = g_strdup (bl_store_get_kind_name (store, item->kind));
      item->topic = g_strdup (bl_activity_get_topic (activity) ? bl_activity_get_topic (activity) : "");
      item->leader = g_strdup (activity_leader (activity));
      item->status = bl_activity_get_status (activity);
      item->attachments = bl_activity_get_attachment_count (activity);
      if (item->status == BL_ACTIVITY_STATUS_HELD)
        {
          item->expected = bl_activity_get_expected_count (activity);
          item->present = bl_activity_get_present_count (activity);
          item->rate = rate_of (item->present, item->expected);
          item->column = (int) report->n_columns++;
        }
      else
        {
          /* Nobody has attended a planned meeting yet: show who is expected. */
          g_autoptr(GPtrArray) expected = bl_store_expected_members (store, item->kind,
                                                                     bl_activity_get_group (activity),
                                                                     item->date);
          item->expected = expected != NULL ? expected->len : 0;
          item->present = 0;
          item->rate = -1.0;
          item->column = -1;
        }
      g_ptr_array_add (report->activities, item);
    }

  /* Every member in the store's order (group, then name); kept below when
   * active at the month's end or expected somewhere in it. */
  members = bl_store_get_members (store);
  n_members = g_list_model_get_n_items (members);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  all_members = g_ptr_array_new_with_free_func (report_member_free);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      MemberBox *box = g_new0 (MemberBox, 1);

      box->member.member_id = bl_member_get_id (member);
      if (bl_member_get_category (member) == BL_MEMBER_CATEGORY_FULL)
        g_hash_table_add (full_members, g_memdup2 (&box->member.member_id, sizeof (gint64)));
      box->member.name = g_strdup (bl_member_get_name (member));
      box->member.group = g_strdup (bl_member_get_group (member) ? bl_member_get_group (member) : "");
      box->active = bl_member_is_active_on (member, report->last_day);
      box->member.transferred = !box->active && bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED;
      box->member.cells = g_new0 (BlReportCell, MAX (report->n_columns, 1));
      box->n_cells = report->n_columns;
      g_ptr_array_add (all_members, box);
      g_hash_table_insert (by_id, &box->member.member_id, box);
    }

  for (guint i = 0; i < activities->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (activities, i);
      BlReportActivity *item = g_ptr_array_index (report->activities, i);
      guint n_rows;
      const BlAttendanceMark *rows = bl_attendance_table_lookup (attendance, bl_activity_get_id (activity), &n_rows);
      guint full_expected = 0, full_present = 0;

      if (item->column < 0)
        continue;
      for (guint j = 0; j < n_rows; j++)
        {
          const BlAttendanceMark *row = &rows[j];
          gint64 member_id = row->member_id;
          MemberBox *box = g_hash_table_lookup (by_id, &member_id);
          BlReportCell *cell;

          if (g_hash_table_contains (full_members, &member_id))
            {
              full_expected++;
              full_present += row->state == BL_ATTENDANCE_PRESENT;
            }

          if (box == NULL)
            {
              /* Recorded for someone the member list no longer shows: keep the record honest. */
              box = g_new0 (MemberBox, 1);
              box->member.member_id = member_id;
              box->member.name = g_strdup (row->member_name);
              box->member.group = g_strdup ("");
              box->member.transferred = TRUE;
              box->member.cells = g_new0 (BlReportCell, MAX (report->n_columns, 1));
              box->n_cells = report->n_columns;
              g_ptr_array_add (all_members, box);
              g_hash_table_insert (by_id, &box->member.member_id, box);
            }

          cell = &box->member.cells[item->column];
          if (cell->state != BL_REPORT_CELL_NOT_EXPECTED)
            continue;  /* the same member twice in one record counts once */
          box->member.expected++;
          switch (row->state)
            {
            case BL_ATTENDANCE_PRESENT:
              cell->state = BL_REPORT_CELL_PRESENT;
              box->member.present++;
              break;
            case BL_ATTENDANCE_LEAVE:
              cell->state = BL_REPORT_CELL_LEAVE;
              cell->reason = g_strdup (bl_text_is_blank (row->reason) ? NULL : row->reason);
              box->member.leave++;
              break;
            case BL_ATTENDANCE_ABSENT:
            default:
              cell->state = BL_REPORT_CELL_ABSENT;
              box->member.absent++;
              break;
            }
        }
      item->lacks_quorum = bl_quorum_judge (item->kind, item->expected, item->present,
                                            full_expected, full_present) == BL_QUORUM_LACKING;
    }

  for (guint i = 0; i < all_members->len; i++)
    {
      MemberBox *box = g_ptr_array_index (all_members, i);

      /* Members gone by the month's end (transferred out) appear only for the
       * meetings they were expected at. */
      if (!box->active && box->member.expected == 0)
        continue;
      box->member.rate = rate_of (box->member.present, box->member.expected);
      g_ptr_array_add (report->members, g_ptr_array_steal_index (all_members, i));
      i--;
    }

  report->quota_report = bl_quota_evaluate (store, report->evaluated_on, error);
  if (report->quota_report == NULL)
    return NULL;

  for (guint i = 0; report->quota_report->quotas != NULL && i < report->quota_report->quotas->len; i++)
    {
      const BlQuotaStatus *status = g_ptr_array_index (report->quota_report->quotas, i);
      BlReportQuota *quota;

      if (status->start == NULL || status->end == NULL ||
          strcmp (status->start, report->last_day) > 0 ||
          strcmp (status->end, report->first_day) < 0)
        continue;

      quota = g_new0 (BlReportQuota, 1);
      quota->status = status;
      if (status->done >= status->required)
        quota->state = BL_REPORT_QUOTA_MET;
      else if (strcmp (status->end, today_iso) < 0)
        quota->state = BL_REPORT_QUOTA_MISSED;
      else if (status->state == BL_QUOTA_DUE_SOON)
        quota->state = BL_REPORT_QUOTA_DUE_SOON;
      else if (status->state == BL_QUOTA_MET)
        quota->state = BL_REPORT_QUOTA_MET;
      else
        quota->state = BL_REPORT_QUOTA_PENDING;
      g_ptr_array_add (report->quotas, quota);
    }
  g_ptr_array_sort (report->quotas, quota_compare);

  for (guint i = 0; report->quota_report->missed != NULL && i < report->quota_report->missed->len; i++)
    g_ptr_array_add (report->missed, g_ptr_array_index (report->quota_report->missed, i));
  for (guint i = 0; report->quota_report->absences != NULL && i < report->quota_report->absences->len; i++)
    g_ptr_array_add (report->absences, g_ptr_array_index (report->quota_report->absences, i));

  return g_steal_pointer (&report);
}

void
bl_report_free (BlReport *report)
{
  if (report == NULL)
    return;

  g_free (report->month);
  g_free (report->first_day);
  g_free (report->last_day);
  g_free (report->evaluated_on);
  g_free (report->branch_name);
  g_clear_pointer (&report->activities, g_ptr_array_unref);
  g_clear_pointer (&report->members, g_ptr_array_unref);
  g_clear_pointer (&report->quotas, g_ptr_array_unref);
  g_clear_pointer (&report->missed, g_ptr_array_unref);
  g_clear_pointer (&report->absences, g_ptr_array_unref);
  g_clear_pointer (&report->quota_report, bl_quota_report_free);
  g_free (report);
}

const BlReportActivity *
bl_report_get_column (BlReport *report,
                      guint     column)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (column < report->n_columns, NULL);

  for (guint i = 0; i < report->activities->len; i++)
    {
      const BlReportActivity *activity = g_ptr_array_index (report->activities, i);

      if (activity->column == (int) column)
        return activity;
    }
  g_return_val_if_reached (NULL);
}

const char *
bl_report_quota_state_display (BlReportQuotaState state)
{
  switch (state)
    {
    case BL_REPORT_QUOTA_MET:
      return C_("quota state", "Met");
    case BL_REPORT_QUOTA_DUE_SOON:
      return C_("quota state", "Due soon");
    case BL_REPORT_QUOTA_PENDING:
      return C_("quota state", "Not yet met");
    case BL_REPORT_QUOTA_MISSED:
      return C_("quota state", "Missed");
    default:
      g_return_val_if_reached ("");
    }
}

char *
bl_report_format_month (int year,
                        int month)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  time = g_date_time_new_local (year, month, 1, 12, 0, 0);
  if (time == NULL)
    return g_strdup_printf ("%04d-%02d", year, month);
  /* TRANSLATORS: a year and month as strftime: "2025年11月" in Chinese */
  return g_date_time_format (time, C_("year and month", "%B %Y"));
}

char *
bl_report_format_period (BlPeriod    period,
                         const char *start)
{
  GDate date;
  int year, month;

  g_return_val_if_fail (start != NULL, NULL);

  if (!bl_date_parse (start, &date))
    return g_strdup (start);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);

  switch (period)
    {
    case BL_PERIOD_MONTH:
      return bl_report_format_month (year, month);
    case BL_PERIOD_QUARTER:
      /* TRANSLATORS: a quarter of a year: 1$ the year, 2$ the quarter (1–4) */
      return g_strdup_printf (_("Q%2$d %1$d"), year, (month - 1) / 3 + 1);
    case BL_PERIOD_HALF_YEAR:
      if (month <= 6)
        return g_strdup_printf (_("first half of %d"), year);
      return g_strdup_printf (_("second half of %d"), year);
    case BL_PERIOD_YEAR:
    default:
      return g_strdup_printf (_("the year %d"), year);
    }
}

char *
bl_report_format_rate (double rate)
{
  if (rate < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.0f%%", rate * 100.0);
}

/* Annual statistics */

void
bl_year_stats_free (BlYearStats *stats)
{
  if (stats == NULL)
    return;
  g_strfreev (stats->kinds);
  g_strfreev (stats->kind_names);
  g_free (stats->counts);
  g_free (stats->kind_totals);
  g_free (stats);
}

BlYearStats *
bl_year_stats_build (BlStore  *store,
                     int       year,
                     GError  **error)
{
  g_autoptr(BlYearStats) stats = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GListModel *kinds;
  guint n;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 1900 || year > 9999)
    {
      g_set_error (error, BL_REPORT_ERROR, BL_REPORT_ERROR_BAD_YEAR,
                   _("%d is not a year the ledger can show"), year);
      return NULL;
    }

  from = iso_of (year, 1, 1);
  to = iso_of (year, 12, 31);
  counts = bl_stats_repo_count_by_kind_and_month (bl_store_get_db (store), from, to, error);
  if (counts == NULL)
    return NULL;

  stats = g_new0 (BlYearStats, 1);
  stats->year = year;

  kinds = bl_store_get_kinds (store);
  n = g_list_model_get_n_items (kinds);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (kinds, i);

      if (g_hash_table_contains (index, bl_kind_get_id (kind)))
        continue;
      g_strv_builder_add (ids, bl_kind_get_id (kind));
      g_strv_builder_add (names, bl_kind_get_name (kind));
      g_hash_table_insert (index, (gpointer) bl_kind_get_id (kind), GUINT_TO_POINTER (stats->n_kinds + 1));
      stats->n_kinds++;
    }
  /* A kind no longer defined still counts, under its id. */
  for (guint i = 0; i < counts->len; i++)
    {
      const char *kind = g_array_index (counts, BlKindMonthCount, i).kind;

      if (g_hash_table_contains (index, kind))
        continue;
      g_strv_builder_add (ids, kind);
      g_strv_builder_add (names, bl_store_get_kind_name (store, kind));
      g_hash_table_insert (index, (gpointer) kind, GUINT_TO_POINTER (stats->n_kinds + 1));
      stats->n_kinds++;
    }
  stats->kinds = g_strv_builder_end (ids);
  stats->kind_names = g_strv_builder_end (names);
  stats->counts = g_new0 (guint, 12 * MAX (stats->n_kinds, 1));
  stats->kind_totals = g_new0 (guint, MAX (stats->n_kinds, 1));

  /* Only what was held counts, as in every quota. */
  for (guint i = 0; i < counts->len; i++)
    {
      const BlKindMonthCount *count = &g_array_index (counts, BlKindMonthCount, i);
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (index, count->kind)) - 1;

      if (count->month < 1 || count->month > 12)
        continue;
      stats->counts[(count->month - 1) * stats->n_kinds + k] += count->held;
      stats->kind_totals[k] += count->held;
      stats->month_totals[count->month - 1] += count->held;
      stats->total += count->held;
    }

  return g_steal_pointer (&stats);
}

guint
bl_year_stats_get (BlYearStats *stats,
                   guint        month,
                   const char  *kind)
{
  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  for (guint k = 0; k < stats->n_kinds; k++)
    if (g_strcmp0 (stats->kinds[k], kind) == 0)
      return stats->counts[(month - 1) * stats->n_kinds + k];
  return 0;
}

static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    bl_csv_append_quoted (out, text, FALSE);
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_number (GString *out,
            guint    value,
            gboolean last)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%u", value);
  csv_field (out, buffer, last);
}

char *
bl_year_stats_to_csv (BlYearStats *stats)
{
  GString *out;

  g_return_val_if_fail (stats != NULL, NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  csv_field (out, C_("statistics", "Month"), FALSE);
  for (guint k = 0; k < stats->n_kinds; k++)
    csv_field (out, stats->kind_names[k], FALSE);
  csv_field (out, C_("statistics", "Total"), TRUE);

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *label = bl_report_format_month (stats->year, m);

      csv_field (out, label, FALSE);
      for (guint k = 0; k < stats->n_kinds; k++)
        csv_number (out, stats->counts[(m - 1) * stats->n_kinds + k], FALSE);
      csv_number (out, stats->month_totals[m - 1], TRUE);
    }

  csv_field (out, C_("statistics", "Total"), FALSE);
  for (guint k = 0; k < stats->n_kinds; k++)
    csv_number (out, stats->kind_totals[k], FALSE);
  csv_number (out, stats->total, TRUE);

  return g_string_free (out, FALSE);
}

gboolean
bl_year_stats_write_csv (BlYearStats  *stats,
                         GFile        *file,
                         GError      **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  csv = bl_year_stats_to_csv (stats);
  /* Like every export: the user's alone, written whole or not at all. */
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}
