/* bl-member-stats.h: how each member takes part (last attended, this year's rate) */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64 member_id;
  char  *last_attended;  /* "YYYY-MM-DD" of the last held activity attended, or NULL */
  guint  expected;       /* held activities this year (up to the date) the member was expected at */
  guint  present;        /* …and attended */
} BlMemberStats;

void        bl_member_stats_free     (BlMemberStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlMemberStats, bl_member_stats_free)

/* Every member's stats as of @date ("YYYY-MM-DD", NULL for the store's today), in one
 * query: a table from member id (gint64*) to BlMemberStats*. Members never
 * expected anywhere are missing from it. */
GHashTable *bl_member_stats_compute  (BlStore      *store,
                                      const char   *date,
                                      GError      **error);

/* Brings @stats, a table from bl_member_stats_compute() as of the same
 * @date, up to date for @member_ids (a set of gint64*) after a write that
 * changed only their attendance: what bl_member_stats_compute() would now
 * give for them, at the cost of their rows of the year only. */
gboolean    bl_member_stats_update   (GHashTable   *stats,
                                      BlStore      *store,
                                      const char   *date,
                                      GHashTable   *member_ids,
                                      GError      **error);

/* This year's attendance rate in percent, or -1 when not expected yet. */
int         bl_member_stats_rate     (const BlMemberStats *stats);
/* Whether @member, active, last attended BL_ABSENCE_WARN_MONTHS months or
 * more before @today: drifting toward the six months of the Party
 * Constitution's Article 9. FALSE without a last attendance (@stats NULL
 * or never attended). */
gboolean    bl_member_stats_is_drifting (const BlMemberStats *stats,
                                      BlMember            *member,
                                      const GDate         *today);

G_END_DECLS
