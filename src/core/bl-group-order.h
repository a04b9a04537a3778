/* bl-group-order.h: the one order of party groups and members, used by the
 * lists, the editor, the reports, printing, the exports and (as SQLite
 * collations, src/core/db/bl-collation.c) every ORDER BY of the ledger
 *
 * Party groups: those with a number in their name (第一党小组 … 第十二党小组,
 * 第3党小组, 3组) by that number, then the others in the locale's collation,
 * no group last. Within a group: the committee first, by role (书记, 副书记,
 * 组织委员, 宣传委员, 纪检委员, 委员), then names in the locale's collation. */
#pragma once

#include <glib.h>

#include "bl-member.h"

G_BEGIN_DECLS

/* The number a party group's name carries: 第一党小组 → 1, 第十二党小组 → 12,
 * 第二十一党小组 → 21, 第3党小组 and 3组 → 3 (full-width digits too); -1 when
 * the name has none. The first run of numerals in the name counts. */
int   bl_group_number         (const char   *name);

/* Party group names ("" or NULL: no group) in the order above; 0 only for
 * equal names. */
int   bl_group_compare        (const char   *a,
                               const char   *b);
/* Names of people in the locale's collation (g_utf8_collate_key(), whose
 * keys are kept: comparing the same names again costs a lookup). */
int   bl_name_compare         (const char   *a,
                               const char   *b);
/* Committee roles: 书记 first … 委员, then no role. */
int   bl_role_compare         (BlMemberRole  a,
                               BlMemberRole  b);

/* Members: by group, role, name, then id (so that two namesakes keep one
 * order). */
int   bl_member_compare       (BlMember     *a,
                               BlMember     *b);

G_END_DECLS
