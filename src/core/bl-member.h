/* bl-member.h: one member of the branch */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  BL_MEMBER_CATEGORY_FULL,          /* 正式党员 */
  BL_MEMBER_CATEGORY_PROBATIONARY,  /* 预备党员 */
} BlMemberCategory;

typedef enum {
  BL_MEMBER_ROLE_NONE,
  BL_MEMBER_ROLE_SECRETARY,     /* 书记 */
  BL_MEMBER_ROLE_DEPUTY,        /* 副书记 */
  BL_MEMBER_ROLE_ORGANIZATION,  /* 组织委员 */
  BL_MEMBER_ROLE_PROPAGANDA,    /* 宣传委员 */
  BL_MEMBER_ROLE_DISCIPLINE,    /* 纪检委员 */
  BL_MEMBER_ROLE_COMMITTEE,     /* 委员 */
} BlMemberRole;

typedef enum {
  BL_MEMBER_STATUS_ACTIVE,       /* 在册 */
  BL_MEMBER_STATUS_TRANSFERRED,  /* 转出 */
} BlMemberStatus;

#define BL_TYPE_MEMBER (bl_member_get_type ())
G_DECLARE_FINAL_TYPE (BlMember, bl_member, BL, MEMBER, GObject)

BlMember        *bl_member_new               (const char *name);
BlMember        *bl_member_copy              (BlMember   *self);

gint64           bl_member_get_id            (BlMember   *self);
void             bl_member_set_id            (BlMember   *self, gint64 id);
const char      *bl_member_get_name          (BlMember   *self);
void             bl_member_set_name          (BlMember   *self, const char *name);
/* The party group, by name ("" for none); the store resolves it to its group row. */
const char      *bl_member_get_group         (BlMember   *self);
void             bl_member_set_group         (BlMember   *self, const char *group);
BlMemberCategory bl_member_get_category      (BlMember   *self);
void             bl_member_set_category      (BlMember   *self, BlMemberCategory category);
BlMemberRole     bl_member_get_role          (BlMember   *self);
void             bl_member_set_role          (BlMember   *self, BlMemberRole role);
/* Dates are "YYYY-MM-DD" or NULL. */
const char      *bl_member_get_joined        (BlMember   *self);
void             bl_member_set_joined        (BlMember   *self, const char *joined);
const char      *bl_member_get_phone         (BlMember   *self);
void             bl_member_set_phone         (BlMember   *self, const char *phone);
BlMemberStatus   bl_member_get_status        (BlMember   *self);
void             bl_member_set_status        (BlMember   *self, BlMemberStatus status);
/* The day the member was transferred out (no longer expected from that day
 * on); NULL for a transferred member when the day is not known: then the
 * member is expected at no meeting at all. */
const char      *bl_member_get_transferred_on (BlMember  *self);
void             bl_member_set_transferred_on (BlMember  *self, const char *date);
/* 转往: where a transferred member went ("" when not known), free text. */
const char      *bl_member_get_transferred_to (BlMember  *self);
void             bl_member_set_transferred_to (BlMember  *self, const char *destination);
/* Whether the member leads their party group now (党小组组长). The store
 * fills it in; bl_store_save_member() does not read it: change it with
 * bl_store_set_group_leader(), which keeps the history. */
gboolean         bl_member_get_group_leader  (BlMember   *self);
void             bl_member_set_group_leader  (BlMember   *self, gboolean leader);

gboolean         bl_member_is_committee      (BlMember   *self);
/* Active on a date: joined on or before it (or no date), not yet transferred out. */
gboolean         bl_member_is_active_on      (BlMember   *self, const char *date);

/* Chinese names as used in CSV and the paper record; parse accepts Chinese or English ids. */
const char      *bl_member_category_to_chinese (BlMemberCategory category);
gboolean         bl_member_category_parse    (const char *text, BlMemberCategory *out);
const char      *bl_member_role_to_chinese   (BlMemberRole role);
gboolean         bl_member_role_parse        (const char *text, BlMemberRole *out);
const char      *bl_member_status_to_chinese (BlMemberStatus status);
gboolean         bl_member_status_parse      (const char *text, BlMemberStatus *out);
/* Translated display names. */
const char      *bl_member_category_display  (BlMemberCategory category);
const char      *bl_member_role_display      (BlMemberRole role);
const char      *bl_member_status_display    (BlMemberStatus status);

G_END_DECLS
