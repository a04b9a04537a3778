/* bl-member-repo.h: members in the ledger, with their party groups and
 * committee role terms (a member's current role is its open term) */
#pragma once

#include "bl-db.h"
#include "bl-member.h"

G_BEGIN_DECLS

/* The role stored as @text (@length bytes, not NUL-terminated: role_term.role
 * as SQLite hands it to a collation); none for anything else. */
BlMemberRole bl_member_repo_role_from_text (const char   *text,
                                            gsize         length);
/* Every member, transferred ones too, in the members' order
 * (bl-group-order.h) (BlMember*). */
GPtrArray *bl_member_repo_list          (BlDb          *db,
                                         GError       **error);
BlMember  *bl_member_repo_find          (BlDb          *db,
                                         gint64         id);
BlMember  *bl_member_repo_find_active   (BlDb          *db,
                                         const char    *name);
/* Inserts (id 0: the new id is set on @member) or updates @member, its
 * name and group stripped. A role seen for the first time counts as held
 * all along; a later change takes effect on @today. Call inside a
 * transaction. */
gboolean   bl_member_repo_save          (BlDb          *db,
                                         BlMember      *member,
                                         const char    *today,
                                         GError       **error);
/* Ends the member's open role term on @since and opens one for @role
 * (none: no new term). A new secretary ends the previous one's term the
 * same day. Call inside a transaction. */
gboolean   bl_member_repo_set_role      (BlDb          *db,
                                         gint64         member_id,
                                         BlMemberRole   role,
                                         const char    *since,
                                         GError       **error);
/* The member who was secretary on @date, 0 when nobody. */
gint64     bl_member_repo_secretary_on  (BlDb          *db,
                                         const char    *date);
/* Active members holding @role now. */
guint      bl_member_repo_count_role    (BlDb          *db,
                                         BlMemberRole   role);
/* Members expected on @date (应到), unsorted: active that day; of @group
 * when @group is not NULL; holding a committee role that day when
 * @committee. */
GPtrArray *bl_member_repo_expected      (BlDb          *db,
                                         const char    *group,
                                         gboolean       committee,
                                         const char    *date);

/* Makes @member_id (0: nobody) the leader of @group from @since on, ending
 * the previous leader's term that day. @since NULL: all along for a group
 * that never had a leader, else from @today. A member leads one group at
 * most. Call inside a transaction. */
gboolean   bl_member_repo_set_group_leader (BlDb       *db,
                                         const char    *group,
                                         gint64         member_id,
                                         const char    *since,
                                         const char    *today,
                                         GError       **error);
/* The member who led @group on @date, 0 when nobody. */
gint64     bl_member_repo_group_leader_on (BlDb        *db,
                                         const char    *group,
                                         const char    *date);

/* Whether any activity records the member's attendance. */
gboolean   bl_member_repo_has_attendance (BlDb         *db,
                                         gint64         member_id);
/* Deletes the member with their role and leader terms. The attendance
 * table's foreign key refuses a member with attendance. Call inside a
 * transaction. */
gboolean   bl_member_repo_delete        (BlDb          *db,
                                         gint64         member_id,
                                         GError       **error);

/* Party group names, sorted by name. */
GStrv      bl_member_repo_list_groups   (BlDb          *db);
/* The id of the group called @name (0 for an empty name); a missing group
 * is created when @create, else an error. */
gboolean   bl_member_repo_group_id      (BlDb          *db,
                                         const char    *name,
                                         gboolean       create,
                                         gint64        *id,
                                         GError       **error);

G_END_DECLS
