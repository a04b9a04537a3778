/* bl-workbook-data.h: what the exported workbook shows, as plain data, and
 * the one adapter that gathers it from the ledger */
#pragma once

#include <glib.h>

#include "bl-report.h"
#include "bl-store.h"

G_BEGIN_DECLS

/* 党员名册: the columns of members.csv. */
typedef enum {
  BL_WB_MEMBER_NAME,
  BL_WB_MEMBER_GROUP,
  BL_WB_MEMBER_CATEGORY,
  BL_WB_MEMBER_ROLE,
  BL_WB_MEMBER_JOINED,          /* a date */
  BL_WB_MEMBER_PHONE,
  BL_WB_MEMBER_STATUS,
  BL_WB_MEMBER_TRANSFERRED_ON,  /* a date */
  BL_WB_MEMBER_TRANSFERRED_TO,
  BL_WB_MEMBER_N_COLUMNS,
} BlWbMemberColumn;

/* 活动台账: the columns of activities.csv up to 实到, then 缺席人员及原因 and
 * 编号 (the files of 附件 stay with the CSV export). */
typedef enum {
  BL_WB_ACTIVITY_KIND,
  BL_WB_ACTIVITY_DATE,          /* a date */
  BL_WB_ACTIVITY_START,
  BL_WB_ACTIVITY_END,
  BL_WB_ACTIVITY_TOPIC,
  BL_WB_ACTIVITY_LOCATION,
  BL_WB_ACTIVITY_HOST,
  BL_WB_ACTIVITY_RECORDER,
  BL_WB_ACTIVITY_LECTURER,
  BL_WB_ACTIVITY_GROUP,
  BL_WB_ACTIVITY_PRESENT,
  BL_WB_ACTIVITY_ABSENT,
  BL_WB_ACTIVITY_GUESTS,
  BL_WB_ACTIVITY_TAGS,
  BL_WB_ACTIVITY_STATUS,
  BL_WB_ACTIVITY_CONTENT,
  BL_WB_ACTIVITY_RESOLUTIONS,
  BL_WB_ACTIVITY_FIRST_TOPIC,
  BL_WB_ACTIVITY_EXPECTED,      /* 应到: a number, "" when attendance was not recorded */
  BL_WB_ACTIVITY_ATTENDED,      /* 实到 */
  BL_WB_ACTIVITY_ABSENCES,      /* 缺席人员及原因 */
  BL_WB_ACTIVITY_NUMBER,        /* 编号: the record's number, kept by an import into a new ledger */
  BL_WB_ACTIVITY_N_COLUMNS,
} BlWbActivityColumn;

#define BL_WB_ACTIVITY_N_CSV_COLUMNS BL_WB_ACTIVITY_EXPECTED

typedef struct {
  char *text[BL_WB_MEMBER_N_COLUMNS];       /* as members.csv writes them */
} BlWbMember;

typedef struct {
  char *text[BL_WB_ACTIVITY_N_COLUMNS];     /* as activities.csv writes them */
} BlWbActivity;

/* One held activity of the year: a column of 出勤明细. */
typedef struct {
  char *date;                               /* "YYYY-MM-DD" */
  char *kind;                               /* its Chinese name (a custom kind's own) */
  char *topic;
} BlWbColumn;

/* One member's row of 出勤明细. */
typedef struct {
  char  *name;
  char  *group;
  char **marks;                             /* per column: "✓", "✗", the leave reason, or "" when not expected */
  guint  expected, present, leave, absent;
} BlWbAttendance;

/* One period of one quota (per group for per-group rules): 任务完成情况. */
typedef struct {
  char  *rule;                              /* display name */
  char  *kind;                              /* display name of the kind it counts */
  char  *group;                             /* "" unless per group */
  char  *period;                            /* "2025年第1季度" */
  char  *start, *end;                       /* "YYYY-MM-DD" */
  guint  required, done;
  char  *state;                             /* 已完成, 逾期未完成, 未开始… in the user's language */
} BlWbQuota;

typedef struct {
  char        *branch_name;                 /* "" when not set */
  int          year;                        /* the year of 出勤明细, 任务完成情况 and 年度统计 */
  gboolean     limited;                     /* --year: members and activities of that year only */
  GPtrArray   *members;                     /* BlWbMember* */
  GPtrArray   *activities;                  /* BlWbActivity*, by date and start */
  GPtrArray   *columns;                     /* BlWbColumn* */
  GPtrArray   *attendance;                  /* BlWbAttendance*, members in the members list's order */
  GPtrArray   *quotas;                      /* BlWbQuota*, by period start, then length, rule, group */
  BlYearStats *stats;                       /* 年度统计 */
} BlWorkbookData;

/* Gathers the workbook of @year (0: every member and activity, and the
 * current year for the yearly sheets), as the ledger stands on @today
 * (NULL: the real today). The one place that reads the ledger for the
 * workbook. */
BlWorkbookData *bl_workbook_data_collect  (BlStore         *store,
                                           int              year,
                                           const char      *today,
                                           GError         **error);
void            bl_workbook_data_free     (BlWorkbookData  *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlWorkbookData, bl_workbook_data_free)

/* Sheet headers, fixed: they are the file format that import reads back. */
const char     *bl_workbook_member_header   (BlWbMemberColumn   column);
const char     *bl_workbook_activity_header (BlWbActivityColumn column);

G_END_DECLS
