/* bl-report.h: what the monthly summary (月度汇总) and the annual statistics contain */
#pragma once

#include <gio/gio.h>

#include "bl-quota.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_REPORT_ERROR (bl_report_error_quark ())

typedef enum {
  BL_REPORT_ERROR_BAD_MONTH,   /* not a "YYYY-MM" month */
  BL_REPORT_ERROR_BAD_YEAR,
} BlReportError;

/* One member at one activity of the month. */
typedef enum {
  BL_REPORT_CELL_NOT_EXPECTED,  /* not among the 应到 of that activity */
  BL_REPORT_CELL_PRESENT,       /* ✓ */
  BL_REPORT_CELL_LEAVE,         /* on leave, with its reason */
  BL_REPORT_CELL_ABSENT,        /* ✗ */
} BlReportCellState;

/* How a quota of a period that includes the month stands, as printed. */
typedef enum {
  BL_REPORT_QUOTA_MET,
  BL_REPORT_QUOTA_DUE_SOON,
  BL_REPORT_QUOTA_PENDING,
  BL_REPORT_QUOTA_MISSED,       /* the period is over and the quota was not met */
} BlReportQuotaState;

typedef struct {
  gint64            id;
  char             *date;        /* "YYYY-MM-DD" */
  char             *start_time;  /* "HH:MM" or NULL */
  char             *kind;        /* kind id */
  char             *kind_name;   /* display name */
  char             *topic;
  char             *leader;      /* the lecturer for party lectures, else the host */
  BlActivityStatus  status;
  guint             expected;    /* 应到 */
  guint             present;     /* 实到 */
  double            rate;        /* present / expected, or -1 when nobody was expected */
  guint             attachments; /* files attached: photos, the sign-in sheet… */
  int               column;      /* column in the attendance grid, -1 for planned activities */
  gboolean          lacks_quorum; /* held without its quorum (bl-quorum.h): counts toward no quota */
} BlReportActivity;

typedef struct {
  BlReportCellState state;
  char             *reason;      /* the leave reason, else NULL */
} BlReportCell;

typedef struct {
  gint64        member_id;
  char         *name;
  char         *group;
  gboolean      transferred;     /* transferred out (shown only where expected) */
  BlReportCell *cells;           /* one per grid column (n_columns) */
  guint         expected;
  guint         present;
  guint         leave;
  guint         absent;
  double        rate;            /* present / expected, or -1 when never expected */
} BlReportMember;

typedef struct {
  const BlQuotaStatus *status;   /* owned by the report's quota evaluation */
  BlReportQuotaState   state;
} BlReportQuota;

typedef struct {
  char          *month;          /* "YYYY-MM" */
  int            year;
  int            month_number;   /* 1–12 */
  char          *first_day;      /* "YYYY-MM-DD" */
  char          *last_day;
  char          *evaluated_on;   /* the day quotas were evaluated for */
  char          *branch_name;    /* "" when not set */
  GPtrArray     *activities;     /* BlReportActivity*, by date and start time */
  guint          n_columns;      /* held activities: the grid's columns */
  GPtrArray     *members;        /* BlReportMember*, in the members' order (bl-group-order.h) */
  GPtrArray     *quotas;         /* BlReportQuota*, by period (month first) then rule */
  GPtrArray     *missed;         /* const BlQuotaStatus*: earlier periods not met */
  GPtrArray     *absences;       /* const BlAbsence*: members at ≥ 5 months */
  BlQuotaReport *quota_report;   /* owns what quotas, missed and absences point to */
} BlReport;

GQuark      bl_report_error_quark     (void);

/* Parses "YYYY-MM" (1900–9999); FALSE with @error in the user's language. */
gboolean    bl_report_parse_month     (const char  *text,
                                       int         *year,
                                       int         *month,
                                       GError     **error);

/* The summary of @month ("YYYY-MM"). Quotas are evaluated at the month's last
 * day, or at @today (NULL: the store's clock's today) while the month is
 * not over. */
BlReport   *bl_report_build           (BlStore     *store,
                                       const char  *month,
                                       const char  *today,
                                       GError     **error);
void        bl_report_free            (BlReport    *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlReport, bl_report_free)

/* The column of the grid for held activity @column. */
const BlReportActivity *bl_report_get_column (BlReport *report,
                                              guint     column);

const char *bl_report_quota_state_display (BlReportQuotaState state);  /* translated */
/* A period as people say it: "2025年11月", "2025年第4季度", "2025年下半年", "2025年". */
char       *bl_report_format_period   (BlPeriod     period,
                                       const char  *start);
/* "2025年11月" / "November 2025". */
char       *bl_report_format_month    (int          year,
                                       int          month);
/* "85%", or "—" for a negative rate. */
char       *bl_report_format_rate     (double       rate);

/* Annual statistics: held activities counted by month and kind. */
typedef struct {
  int        year;
  GStrv      kinds;              /* kind ids, columns: every built-in and custom kind */
  GStrv      kind_names;         /* their display names */
  guint      n_kinds;
  guint     *counts;             /* [month 0–11][kind]: counts[m * n_kinds + k] */
  guint     *kind_totals;        /* per kind over the year */
  guint      month_totals[12];
  guint      total;
} BlYearStats;

BlYearStats *bl_year_stats_build      (BlStore     *store,
                                       int          year,
                                       GError     **error);
void         bl_year_stats_free       (BlYearStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlYearStats, bl_year_stats_free)
guint        bl_year_stats_get        (BlYearStats *stats,
                                       guint        month,   /* 1–12 */
                                       const char  *kind);
/* UTF-8 with a byte-order mark and CRLF lines, as spreadsheet programs expect. */
char        *bl_year_stats_to_csv     (BlYearStats *stats);
gboolean     bl_year_stats_write_csv  (BlYearStats *stats,
                                       GFile       *file,
                                       GError     **error);

G_END_DECLS
