/* bl-store-lists.h: the store's live lists (kinds, members, activities),
 * kept in step with the file: one precise update per save after a small
 * transaction, a reload after a big one. For bl-store.c only. */
#pragma once

#include <gio/gio.h>

#include "bl-activity.h"
#include "bl-change.h"
#include "bl-kind.h"
#include "bl-member.h"
#include "db/bl-db.h"

G_BEGIN_DECLS

typedef struct _BlStoreLists BlStoreLists;

BlStoreLists *bl_store_lists_new            (BlDb          *db);
void          bl_store_lists_free           (BlStoreLists  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlStoreLists, bl_store_lists_free)

GListModel   *bl_store_lists_get_kinds      (BlStoreLists  *self);
GListModel   *bl_store_lists_get_members    (BlStoreLists  *self);
GListModel   *bl_store_lists_get_activities (BlStoreLists  *self);
/* The kind with @id in the list, or NULL (borrowed). */
BlKind       *bl_store_lists_find_kind      (BlStoreLists  *self,
                                             const char    *id);

/* Reads @lists (BL_CHANGE_KINDS, _MEMBERS, _ACTIVITIES) again from the file. */
gboolean      bl_store_lists_reload         (BlStoreLists  *self,
                                             BlChange       lists,
                                             GError       **error);

/* A transaction (or savepoint) began, committed, or rolled back: a rollback
 * drops the updates noted since its begin. */
void          bl_store_lists_begin          (BlStoreLists  *self);
void          bl_store_lists_commit         (BlStoreLists  *self);
void          bl_store_lists_rollback       (BlStoreLists  *self);

/* What a write inside the open transaction did, for the lists to follow at
 * the outermost commit. */
void          bl_store_lists_member_saved   (BlStoreLists  *self,
                                             BlMember      *member);
void          bl_store_lists_activity_saved (BlStoreLists  *self,
                                             BlActivity    *activity);
void          bl_store_lists_activity_deleted (BlStoreLists *self,
                                             gint64         id);
/* @lists are read again whole at the outermost commit. */
void          bl_store_lists_reload_later   (BlStoreLists  *self,
                                             BlChange       lists);

/* The outermost transaction committed (the lists follow) or rolled back
 * (they stay as they were). */
void          bl_store_lists_committed      (BlStoreLists  *self);
void          bl_store_lists_rolled_back    (BlStoreLists  *self);

G_END_DECLS
