/* bl-quota.h: quota rules evaluated for a date (see ../shared/domain.md, "Quotas") */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

typedef enum {
  BL_PERIOD_MONTH,
  BL_PERIOD_QUARTER,
  BL_PERIOD_HALF_YEAR,
  BL_PERIOD_YEAR,
} BlPeriod;

typedef enum {
  BL_QUOTA_MET,
  BL_QUOTA_DUE_SOON,
  BL_QUOTA_PENDING,
} BlQuotaState;

/* One rule (or one rule for one party group) over one period. Also used for
 * missed periods, where state is meaningless. */
typedef struct {
  char        *rule_id;
  char        *rule_name;   /* display name */
  char        *kind;        /* kind id it counts */
  char        *group;       /* party group name for per-group rules, else NULL */
  BlPeriod     period;
  char        *start;       /* "YYYY-MM-DD" */
  char        *end;         /* "YYYY-MM-DD", the deadline, inclusive */
  guint        required;
  guint        done;
  guint        invalid;     /* held without their quorum (bl-quorum.h): not in done */
  int          days_left;   /* end − date */
  guint        lead_days;
  BlQuotaState state;
} BlQuotaStatus;

typedef struct {
  gint64  member_id;
  char   *member;          /* name */
  char   *last_attended;   /* "YYYY-MM-DD", or NULL when never */
  guint   months;
  GStrv   reasons;         /* absence reasons recorded since, oldest first */
} BlAbsence;

typedef struct {
  char      *date;         /* "YYYY-MM-DD" evaluated */
  GPtrArray *quotas;       /* BlQuotaStatus*, sorted by urgency: not met first, fewest days left */
  GPtrArray *missed;       /* BlQuotaStatus*, earlier periods of the year not met */
  GPtrArray *absences;     /* BlAbsence*, members at ≥ 5 months */
  char      *start_date;   /* the ledger's start date it honoured ("YYYY-MM-DD"), or NULL */
} BlQuotaReport;

#define BL_QUOTA_ERROR (bl_quota_error_quark ())

typedef enum {
  BL_QUOTA_ERROR_BAD_DATE,   /* not a "YYYY-MM-DD" date */
} BlQuotaError;

/* Members are reported from this many months without organisational life
 * (the Party Constitution's line is six). */
#define BL_ABSENCE_WARN_MONTHS 5

GQuark         bl_quota_error_quark       (void);

/* Every enabled rule (bl_rules_list_enabled()) for @date ("YYYY-MM-DD").
 * Rules of a pack limited to some years (BlRule first_year/last_year) are
 * left out in other years; periods that ended before the ledger's start
 * date (bl_store_get_start_date()) are left out of quotas and missed. */
BlQuotaReport *bl_quota_evaluate          (BlStore       *store,
                                           const char    *date,
                                           GError       **error);
/* The same for the given rules (BlRule*), e.g. one pack being previewed. */
BlQuotaReport *bl_quota_evaluate_rules    (BlStore       *store,
                                           GPtrArray     *rules,
                                           const char    *date,
                                           GError       **error);
void           bl_quota_report_free       (BlQuotaReport *report);
void           bl_quota_status_free       (BlQuotaStatus *status);
void           bl_absence_free            (BlAbsence     *absence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlQuotaReport, bl_quota_report_free)

const char    *bl_period_to_id            (BlPeriod period);   /* "month", "quarter", "half-year", "year" */
gboolean       bl_period_parse            (const char    *id,
                                           BlPeriod      *out);
/* Period arithmetic, shared with the report and the reminders: the calendar
 * period (quarters Jan–Mar…, halves Jan–Jun, Jul–Dec) that contains @date,
 * first and last day inclusive. */
void           bl_period_bounds           (BlPeriod       period,
                                           const GDate   *date,
                                           GDate         *start,
                                           GDate         *end);
/* The same on "YYYY-MM-DD" strings; FALSE for a malformed @date. */
gboolean       bl_period_bounds_iso       (BlPeriod       period,
                                           const char    *date,
                                           char         **start,
                                           char         **end);
/* The number of periods in a year (12, 4, 2, 1) and the 0-based index of
 * the one containing @month (1–12). */
guint          bl_period_count_in_year    (BlPeriod       period);
guint          bl_period_index_of_month   (BlPeriod       period,
                                           guint          month);
/* The largest m ≥ 0 with @from + m months ≤ @to, a day past the end of a
 * short month clamped to its last day (31 Jan + 1 month = 28/29 Feb);
 * 0 when @to is before @from. */
guint          bl_months_between          (const GDate   *from,
                                           const GDate   *to);
const char    *bl_period_display          (BlPeriod period);   /* translated */
const char    *bl_quota_state_to_id       (BlQuotaState state); /* "met", "due-soon", "pending" */
const char    *bl_quota_state_display     (BlQuotaState state); /* translated */

G_END_DECLS
