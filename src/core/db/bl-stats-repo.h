/* bl-stats-repo.h: the statistics queries: attendance and held activities
 * streamed as plain rows for the quota, the members' statistics and the
 * annual statistics to compute on */
#pragma once

#include "bl-activity.h"
#include "bl-db.h"

G_BEGIN_DECLS

/* One attendance row of a held activity. Return FALSE to stop. */
typedef gboolean (*BlHeldAttendanceFunc) (const char        *date,
                                          gint64             member_id,
                                          BlAttendanceState  state,
                                          gpointer           user_data);
/* Every attendance row of the held activities dated from @from (NULL: the
 * first) up to @until, in no particular order. */
gboolean bl_stats_repo_scan_held_attendance (BlDb                  *db,
                                             const char            *from,
                                             const char            *until,
                                             BlHeldAttendanceFunc   func,
                                             gpointer               user_data,
                                             GError               **error);
/* The members present at held activities dated before @before, newest
 * first (func gets BL_ATTENDANCE_PRESENT); stops when func returns FALSE. */
gboolean bl_stats_repo_scan_present_before (BlDb                  *db,
                                            const char            *before,
                                            BlHeldAttendanceFunc   func,
                                            gpointer               user_data,
                                            GError               **error);

/* @member_id's rows of the held activities dated from @from up to @until,
 * found from the activities' side (a year's activities, each probed by the
 * primary key), not through the member's whole history. */
gboolean bl_stats_repo_scan_member_held (BlDb                  *db,
                                         gint64                 member_id,
                                         const char            *from,
                                         const char            *until,
                                         BlHeldAttendanceFunc   func,
                                         gpointer               user_data,
                                         GError               **error);
/* The date of @member_id's last attendance at a held activity dated before
 * @before, into *@date (NULL when none; free it). */
gboolean bl_stats_repo_last_present_before (BlDb        *db,
                                            gint64       member_id,
                                            const char  *before,
                                            char       **date,
                                            GError     **error);

/* One held activity as the quotas count it. */
typedef struct {
  const char *date;
  const char *group;         /* "" for none */
  const char *lecturer;
  /* Only when asked for (with_attendance), else 0: */
  guint       expected;      /* its attendance: 应到 */
  guint       present;       /* 实到 */
  guint       full_expected; /* the full members (正式党员) among them */
  guint       full_present;
} BlHeldActivity;

typedef void (*BlHeldActivityFunc)      (const BlHeldActivity *activity,
                                         gpointer              user_data);
/* The held activities of @kind dated from @from to @to, carrying @tag when
 * it is not NULL; their attendance counts too @with_attendance. */
gboolean bl_stats_repo_scan_held        (BlDb                *db,
                                         const char          *kind,
                                         const char          *from,
                                         const char          *to,
                                         const char          *tag,
                                         gboolean             with_attendance,
                                         BlHeldActivityFunc   func,
                                         gpointer             user_data,
                                         GError             **error);

/* Ids of the members present at a held activity dated after @after, up to
 * @until (gint64, repeats possible). */
gboolean bl_stats_repo_present_between  (BlDb          *db,
                                         const char    *after,
                                         const char    *until,
                                         GArray        *member_ids,
                                         GError       **error);
/* Whether @member_id was expected (had an attendance row) at a held
 * activity up to @until. */
gboolean bl_stats_repo_ever_expected    (BlDb          *db,
                                         gint64         member_id,
                                         const char    *until,
                                         gboolean      *expected,
                                         GError       **error);
/* Whether @member_id was ever present at a held activity up to @until. */
gboolean bl_stats_repo_ever_present     (BlDb          *db,
                                         gint64         member_id,
                                         const char    *until,
                                         gboolean      *present,
                                         GError       **error);

/* One row of a member's history at held activities. Return FALSE to stop. */
typedef gboolean (*BlHistoryFunc)       (const char        *date,
                                         const char        *start_time,
                                         gint64             activity_id,
                                         BlAttendanceState  state,
                                         const char        *reason,
                                         gpointer           user_data);
/* @member_id's attendance at held activities dated from @from to @until,
 * newest first: read until the first "present", it costs what the gap is
 * long. */
gboolean bl_stats_repo_scan_history     (BlDb          *db,
                                         gint64         member_id,
                                         const char    *from,
                                         const char    *until,
                                         BlHistoryFunc  func,
                                         gpointer       user_data,
                                         GError       **error);

/* The date of the first held activity up to @until; NULL when none. */
gboolean bl_stats_repo_first_held       (BlDb          *db,
                                         const char    *until,
                                         char         **date,
                                         GError       **error);

/* The activities of one kind in one month: how many of them were held
 * (0 when all were only planned). */
typedef struct {
  char  *kind;
  guint  month;   /* 1–12 */
  guint  held;
} BlKindMonthCount;

void     bl_kind_month_count_clear      (gpointer data);
/* The activities dated from @from to @to counted by kind and month
 * (BlKindMonthCount, the kinds in the order they first occur). */
GArray  *bl_stats_repo_count_by_kind_and_month (BlDb         *db,
                                                const char   *from,
                                                const char   *to,
                                                GError      **error);

G_END_DECLS
