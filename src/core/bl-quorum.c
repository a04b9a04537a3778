/* bl-quorum.c: whether a meeting was validly held */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-kind.h"
#include "bl-quorum.h"

gboolean
bl_quorum_needed (const char *kind)
{
  return g_strcmp0 (kind, BL_KIND_GENERAL_MEETING) == 0 || g_strcmp0 (kind, BL_KIND_COMMITTEE_MEETING) == 0;
}

gboolean
bl_quorum_counts (const char       *kind,
                  BlMemberCategory  category)
{
  if (g_strcmp0 (kind, BL_KIND_GENERAL_MEETING) == 0)
    return category == BL_MEMBER_CATEGORY_FULL;
  return bl_quorum_needed (kind);
}

BlQuorum
bl_quorum_judge (const char *kind,
                 guint       expected,
                 guint       present,
                 guint       full_expected,
                 guint       full_present)
{
  guint counted, counted_present;

  g_return_val_if_fail (present <= expected && full_present <= full_expected, BL_QUORUM_NOT_NEEDED);

  if (!bl_quorum_needed (kind))
    return BL_QUORUM_NOT_NEEDED;
  if (g_strcmp0 (kind, BL_KIND_GENERAL_MEETING) == 0)
    counted = full_expected, counted_present = full_present;
  else
    counted = expected, counted_present = present;
  /* No attendance on record: nothing to judge by. */
  if (counted == 0)
    return BL_QUORUM_NOT_NEEDED;
  return counted_present * 2 > counted ? BL_QUORUM_MET : BL_QUORUM_LACKING;
}

const char *
bl_quorum_lacking_message (const char *kind)
{
  if (g_strcmp0 (kind, BL_KIND_GENERAL_MEETING) == 0)
    return _("Not more than half of the full members are present: the general meeting cannot vote on "
           "resolutions, and it counts toward no quota.");
  if (g_strcmp0 (kind, BL_KIND_COMMITTEE_MEETING) == 0)
    return _("Not more than half of the committee is present: the committee meeting is not valid, and it "
           "counts toward no quota.");
  return "";
}
