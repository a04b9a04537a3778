/* bl-quorum.h: whether a meeting was validly held (domain.md, "Validity")
 *
 * A committee meeting (支部委员会) is valid with more than half of the
 * committee present; a general meeting (支部党员大会) with more than half of
 * the full members (正式党员: probationary members have no vote). Other
 * kinds need no quorum. A meeting without its quorum happened and stays on
 * record, but counts toward no quota. */
#pragma once

#include <glib.h>

#include "bl-member.h"

G_BEGIN_DECLS

typedef enum {
  BL_QUORUM_NOT_NEEDED,  /* a kind without a quorum, or attendance not recorded */
  BL_QUORUM_MET,
  BL_QUORUM_LACKING,     /* not more than half of those who count were present */
} BlQuorum;

/* Whether @kind (an id) needs a quorum at all. */
gboolean    bl_quorum_needed          (const char       *kind);
/* Whether a member of @category counts toward the quorum of @kind (the
 * expected of a committee meeting are the committee: all count). */
gboolean    bl_quorum_counts          (const char       *kind,
                                       BlMemberCategory  category);
/* The quorum of a held meeting of @kind whose attendance lists @expected
 * members, @present of them present, @full_expected of them full members,
 * @full_present of those present. */
BlQuorum    bl_quorum_judge           (const char       *kind,
                                       guint             expected,
                                       guint             present,
                                       guint             full_expected,
                                       guint             full_present);
/* What to tell the person recording a meeting of @kind that lacks its
 * quorum (translated). */
const char *bl_quorum_lacking_message (const char       *kind);

G_END_DECLS
