/* bl-store-private.h: what bl-store.c shares with the other files of the
 * store (bl-store-attachments.c); nothing outside src/core includes it */
#pragma once

#include "bl-store.h"

G_BEGIN_DECLS

/* Activity @id changed inside the open transaction (its attachments): the
 * activities list follows at the outermost commit. */
gboolean _bl_store_activity_changed          (BlStore     *self,
                                              gint64       id,
                                              GError     **error);

/* What the attachments need from the store's life (bl-store-attachments.c):
 * the ledger opened; an activity about to be deleted; an activity saved
 * (inside its transaction). */
void     _bl_store_attachments_opened        (BlStore     *self);
gboolean _bl_store_attachments_before_delete (BlStore     *self,
                                              gint64       activity_id,
                                              GError     **error);
gboolean _bl_store_attachments_after_save    (BlStore     *self,
                                              BlActivity  *activity,
                                              GError     **error);

G_END_DECLS
