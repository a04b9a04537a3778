/* bl-workbook-data.c: the one adapter between the ledger (store, report and
 * quota APIs) and the exported workbook's plain data. The texts follow
 * bl-csv.c's export, so that the workbook imports as the CSV files do. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-csv-export.h"
#include "bl-date.h"
#include "bl-kind.h"
#include "bl-quota.h"
#include "bl-text.h"
#include "bl-workbook-data.h"

static const char * const member_headers[BL_WB_MEMBER_N_COLUMNS] = {
  "姓名", "党小组", "党员类别", "职务", "入党日期", "电话", "状态", "转出日期", "转往",
};

static const char * const activity_headers[BL_WB_ACTIVITY_N_COLUMNS] = {
  "类型", "日期", "开始时间", "结束时间", "主题", "地点", "主持人", "记录人", "主讲人", "党小组",
  "出席", "缺席", "列席", "标签", "状态", "内容", "决议", "第一议题", "应到", "实到", "缺席人员及原因", "编号",
};

const char *
bl_workbook_member_header (BlWbMemberColumn column)
{
  g_return_val_if_fail (column < BL_WB_MEMBER_N_COLUMNS, "");

  return member_headers[column];
}

const char *
bl_workbook_activity_header (BlWbActivityColumn column)
{
  g_return_val_if_fail (column < BL_WB_ACTIVITY_N_COLUMNS, "");

  return activity_headers[column];
}

static void
member_free (BlWbMember *member)
{
  for (guint i = 0; i < BL_WB_MEMBER_N_COLUMNS; i++)
    g_free (member->text[i]);
  g_free (member);
}

static void
activity_free (BlWbActivity *activity)
{
  for (guint i = 0; i < BL_WB_ACTIVITY_N_COLUMNS; i++)
    g_free (activity->text[i]);
  g_free (activity);
}

static void
column_free (BlWbColumn *column)
{
  g_free (column->date);
  g_free (column->kind);
  g_free (column->topic);
  g_free (column);
}

static void
attendance_free (BlWbAttendance *row)
{
  g_free (row->name);
  g_free (row->group);
  g_strfreev (row->marks);
  g_free (row);
}

static void
quota_free (BlWbQuota *quota)
{
  g_free (quota->rule);
  g_free (quota->kind);
  g_free (quota->group);
  g_free (quota->period);
  g_free (quota->start);
  g_free (quota->end);
  g_free (quota->state);
  g_free (quota);
}

void
bl_workbook_data_free (BlWorkbookData *data)
{
  if (data == NULL)
    return;
  g_free (data->branch_name);
  g_clear_pointer (&data->members, g_ptr_array_unref);
  g_clear_pointer (&data->activities, g_ptr_array_unref);
  g_clear_pointer (&data->columns, g_ptr_array_unref);
  g_clear_pointer (&data->attendance, g_ptr_array_unref);
  g_clear_pointer (&data->quotas, g_ptr_array_unref);
  g_clear_pointer (&data->stats, bl_year_stats_free);
  g_free (data);
}

/* Members and activities, as the CSV files write them */

G_STATIC_ASSERT (BL_WB_MEMBER_N_COLUMNS == BL_CSV_MEMBER_N_FIELDS);
G_STATIC_ASSERT (BL_WB_ACTIVITY_N_CSV_COLUMNS == BL_CSV_ACTIVITY_N_FIELDS);

static BlWbMember *
member_row (BlMember *member)
{
  BlWbMember *row = g_new0 (BlWbMember, 1);
  const char *values[BL_WB_MEMBER_N_COLUMNS];

  bl_csv_member_fields (member, values);
  for (guint i = 0; i < BL_WB_MEMBER_N_COLUMNS; i++)
    row->text[i] = g_strdup (values[i] != NULL ? values[i] : "");
  return row;
}

/* A party group nobody belongs to any more still has its meetings: a row
 * with only its name, as members.csv has, brings it back on import. */
static void
add_empty_groups (BlWorkbookData *data,
                  BlStore        *store,
                  GListModel     *members)
{
  g_auto(GStrv) groups = bl_store_list_groups (store);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      g_hash_table_add (used, (gpointer) g_intern_string (bl_member_get_group (member)));
    }
  for (guint i = 0; groups[i] != NULL; i++)
    {
      BlWbMember *row;

      if (g_hash_table_contains (used, groups[i]))
        continue;
      row = g_new0 (BlWbMember, 1);
      for (guint c = 0; c < BL_WB_MEMBER_N_COLUMNS; c++)
        row->text[c] = g_strdup (c == BL_WB_MEMBER_GROUP ? groups[i] : "");
      g_ptr_array_add (data->members, row);
    }
}

/* Whether @member belonged to the branch on some day from @from to @to. */
static gboolean
member_in_year (BlMember   *member,
                const char *from,
                const char *to)
{
  const char *joined = bl_member_get_joined (member);
  const char *left = bl_member_get_transferred_on (member);

  if (joined != NULL && g_strcmp0 (joined, to) > 0)
    return FALSE;
  return bl_member_get_status (member) != BL_MEMBER_STATUS_TRANSFERRED || left == NULL ||
         g_strcmp0 (left, from) > 0;
}

/* 缺席人员及原因 as the paper record words it. */
static char *
join_absences (const BlAttendanceMark *marks,
               guint                   n_marks)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n_marks; i++)
    {
      const BlAttendanceMark *a = &marks[i];

      if (a->state == BL_ATTENDANCE_PRESENT)
        continue;
      if (out->len > 0)
        g_string_append (out, "、");
      g_string_append_printf (out, "%s（%s）", a->member_name,
                              a->state == BL_ATTENDANCE_ABSENT ? "缺席" : *a->reason != '\0' ? a->reason : "请假");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static BlWbActivity *
activity_row (BlActivity        *activity,
              BlAttendanceTable *attendance)
{
  BlWbActivity *row = g_new0 (BlWbActivity, 1);
  guint n_marks = 0;
  const BlAttendanceMark *marks = bl_attendance_table_lookup (attendance, bl_activity_get_id (activity), &n_marks);
  gboolean recorded = bl_activity_get_expected_count (activity) > 0;
  const char *values[BL_WB_ACTIVITY_N_CSV_COLUMNS];

  bl_csv_activity_fields (activity, values);
  for (guint i = 0; i < BL_WB_ACTIVITY_N_CSV_COLUMNS; i++)
    row->text[i] = g_strdup (values[i] != NULL ? values[i] : "");
  g_free (row->text[BL_WB_ACTIVITY_PRESENT]);
  row->text[BL_WB_ACTIVITY_PRESENT] = bl_csv_join_attendance_plain (marks, n_marks, TRUE);
  g_free (row->text[BL_WB_ACTIVITY_ABSENT]);
  row->text[BL_WB_ACTIVITY_ABSENT] = bl_csv_join_attendance_plain (marks, n_marks, FALSE);
  g_free (row->text[BL_WB_ACTIVITY_TAGS]);
  row->text[BL_WB_ACTIVITY_TAGS] = bl_tags_join (bl_activity_get_tags (activity));
  row->text[BL_WB_ACTIVITY_EXPECTED] = recorded ? g_strdup_printf ("%u", bl_activity_get_expected_count (activity))
                                                : g_strdup ("");
  row->text[BL_WB_ACTIVITY_ATTENDED] = recorded ? g_strdup_printf ("%u", bl_activity_get_present_count (activity))
                                                : g_strdup ("");
  row->text[BL_WB_ACTIVITY_ABSENCES] = join_absences (marks, n_marks);
  row->text[BL_WB_ACTIVITY_NUMBER] = g_strdup_printf ("%" G_GINT64_FORMAT, bl_activity_get_id (activity));
  return row;
}

/* 出勤明细: held activities as columns, members as rows */

static void
collect_attendance (BlWorkbookData    *data,
                    BlStore           *store,
                    GListModel        *members,
                    GPtrArray         *year_activities,
                    BlAttendanceTable *attendance,
                    const char        *from,
                    const char        *to)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (members);

  for (guint i = 0; i < year_activities->len; i++)
    {
      BlActivity *activity = g_ptr_array_index (year_activities, i);
      BlWbColumn *column;
      const char *kind = bl_activity_get_kind (activity);

      if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_HELD)
        continue;
      column = g_new0 (BlWbColumn, 1);
      column->date = g_strdup (bl_activity_get_date (activity));
      column->kind = g_strdup (bl_kind_is_builtin_id (kind) ? bl_kind_builtin_chinese_name (kind)
                                                            : bl_store_get_kind_name (store, kind));
      column->topic = g_strdup (bl_activity_get_topic (activity));
      g_ptr_array_add (data->columns, column);
      g_ptr_array_add (held, activity);
    }

  for (guint m = 0; m < n; m++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, m);
      gint64 id = bl_member_get_id (member);
      BlWbAttendance *row = g_new0 (BlWbAttendance, 1);

      row->name = g_strdup (bl_member_get_name (member));
      row->group = g_strdup (bl_member_get_group (member));
      row->marks = g_new0 (char *, held->len + 1);
      for (guint c = 0; c < held->len; c++)
        {
          guint n_marks = 0;
          const BlAttendanceMark *marks =
            bl_attendance_table_lookup (attendance, bl_activity_get_id (g_ptr_array_index (held, c)), &n_marks);
          const char *mark = "";

          for (guint a = 0; a < n_marks; a++)
            {
              const BlAttendanceMark *entry = &marks[a];

              if (entry->member_id != id)
                continue;
              row->expected++;
              if (entry->state == BL_ATTENDANCE_PRESENT)
                {
                  mark = "✓";
                  row->present++;
                }
              else if (entry->state == BL_ATTENDANCE_ABSENT)
                {
                  mark = "✗";
                  row->absent++;
                }
              else
                {
                  mark = *entry->reason != '\0' ? entry->reason : "请假";
                  row->leave++;
                }
              break;
            }
          row->marks[c] = g_strdup (mark);
        }
      /* Members of the year, and anyone who was expected at its meetings. */
      if (row->expected > 0 || member_in_year (member, from, to))
        g_ptr_array_add (data->attendance, row);
      else
        attendance_free (row);
    }
}

/* 任务完成情况: every period of every quota of the year */

static gint
compare_quotas (gconstpointer a,
                gconstpointer b)
{
  const BlWbQuota *x = *(const BlWbQuota * const *) a;
  const BlWbQuota *y = *(const BlWbQuota * const *) b;
  int c;

  if ((c = g_strcmp0 (x->start, y->start)) != 0)
    return c;
  /* The shorter period first: a month before its quarter. */
  if ((c = g_strcmp0 (x->end, y->end)) != 0)
    return c;
  if ((c = g_strcmp0 (x->rule, y->rule)) != 0)
    return c;
  return g_strcmp0 (x->group, y->group);
}

static const char *
period_state (const BlQuotaStatus *status,
              const char          *today)
{
  if (g_strcmp0 (status->start, today) > 0)
    return C_("quota state", "Not started");
  if (status->done >= status->required)
    return bl_report_quota_state_display (BL_REPORT_QUOTA_MET);
  if (g_strcmp0 (status->end, today) < 0)
    return bl_report_quota_state_display (BL_REPORT_QUOTA_MISSED);
  {
    GDate end, now;

    /* Evaluated on the period's last day: the days left count from today. */
    if (bl_date_parse (status->end, &end) && bl_date_parse (today, &now) &&
        bl_date_days_between (&now, &end) <= (int) status->lead_days)
      return bl_report_quota_state_display (BL_REPORT_QUOTA_DUE_SOON);
  }
  return bl_report_quota_state_display (BL_REPORT_QUOTA_PENDING);
}

/* Each period is taken from an evaluation on its last day, or on @today
 * while it runs; periods not yet begun have nothing done. */
static gboolean
collect_quotas (BlWorkbookData  *data,
                BlStore         *store,
                const char      *today,
                GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(BlQuotaReport) report = NULL;
      g_autofree char *last = NULL;
      g_autofree char *first = g_strdup_printf ("%04d-%02d-01", data->year, month);
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) data->year),
                      (GDateMonth) month, (GDateYear) data->year);
      last = bl_date_to_iso (&day);
      report = bl_quota_evaluate (store, g_strcmp0 (first, today) <= 0 && g_strcmp0 (today, last) < 0 ? today : last,
                                  error);
      if (report == NULL)
        return FALSE;

      for (guint i = 0; i < report->quotas->len; i++)
        {
          const BlQuotaStatus *status = g_ptr_array_index (report->quotas, i);
          g_autofree char *key = NULL;
          BlWbQuota *quota;

          if (g_strcmp0 (status->end, last) != 0)
            continue;   /* counted in the month it ends */
          key = g_strdup_printf ("%s\x1f%s\x1f%s", status->rule_id, status->group != NULL ? status->group : "",
                                 status->start);
          if (g_hash_table_contains (seen, key))
            continue;
          g_hash_table_add (seen, g_steal_pointer (&key));

          quota = g_new0 (BlWbQuota, 1);
          quota->rule = g_strdup (status->rule_name);
          quota->kind = g_strdup (bl_store_get_kind_name (store, status->kind));
          quota->group = g_strdup (status->group != NULL ? status->group : "");
          quota->period = bl_report_format_period (status->period, status->start);
          quota->start = g_strdup (status->start);
          quota->end = g_strdup (status->end);
          quota->required = status->required;
          quota->done = status->done;
          quota->state = g_strdup (period_state (status, today));
          g_ptr_array_add (data->quotas, quota);
        }
    }
  g_ptr_array_sort (data->quotas, compare_quotas);
  return TRUE;
}

BlWorkbookData *
bl_workbook_data_collect (BlStore     *store,
                          int          year,
                          const char  *today,
                          GError     **error)
{
  g_autoptr(BlWorkbookData) data = g_new0 (BlWorkbookData, 1);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) year_activities = NULL;
  g_autoptr(BlAttendanceTable) attendance = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GListModel *members;
  GDate day;
  guint n;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (year == 0 || (year >= 1900 && year <= 9999), NULL);

  if (today == NULL || !bl_date_parse (today, &day))
    bl_date_set_today (&day);
  today_iso = bl_date_to_iso (&day);

  data->branch_name = bl_store_get_branch_name (store);
  if (data->branch_name == NULL)
    data->branch_name = g_strdup ("");
  data->year = year != 0 ? year : g_date_get_year (&day);
  data->limited = year != 0;
  data->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  data->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_free);
  data->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  data->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) attendance_free);
  data->quotas = g_ptr_array_new_with_free_func ((GDestroyNotify) quota_free);
  from = g_strdup_printf ("%04d-01-01", data->year);
  to = g_strdup_printf ("%04d-12-31", data->year);

  members = bl_store_get_members (store);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (!data->limited || member_in_year (member, from, to))
        g_ptr_array_add (data->members, member_row (member));
    }
  add_empty_groups (data, store, members);

  activities = bl_store_list_activities_between (store, data->limited ? from : NULL, data->limited ? to : NULL, error);
  if (activities == NULL)
    return NULL;
  /* The year's attendance is part of what the activities sheet needs. */
  attendance = bl_store_load_attendance_between (store, data->limited ? from : NULL, data->limited ? to : NULL,
                                                 error);
  if (attendance == NULL)
    return NULL;
  for (guint i = 0; i < activities->len; i++)
    g_ptr_array_add (data->activities, activity_row (g_ptr_array_index (activities, i), attendance));

  year_activities = data->limited ? g_ptr_array_ref (activities)
                                  : bl_store_list_activities_between (store, from, to, error);
  if (year_activities == NULL)
    return NULL;
  collect_attendance (data, store, members, year_activities, attendance, from, to);

  if (!collect_quotas (data, store, today_iso, error))
    return NULL;
  data->stats = bl_year_stats_build (store, data->year, error);
  if (data->stats == NULL)
    return NULL;
  return g_steal_pointer (&data);
}
