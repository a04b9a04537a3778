/* bl-deletion.h: deleting activities so that they can be put back: a
 * deletion keeps what it removed (each record with its tags and its
 * attendance) and restores it, with the same numbers, in one transaction.
 * A window keeps its deletions on a stack and undoes the newest first. */
#pragma once

#include <gio/gio.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_DELETION (bl_deletion_get_type ())
G_DECLARE_FINAL_TYPE (BlDeletion, bl_deletion, BL, DELETION, GObject)

/* Deletes activities @ids (@n_ids of them) from @store in one transaction:
 * all or, on an error, none. Returns what was deleted. */
BlDeletion *bl_deletion_run              (BlStore       *store,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);

/* How many activities it deleted, and each as it was (borrowed). */
guint       bl_deletion_get_n_activities (BlDeletion    *self);
BlActivity *bl_deletion_get_activity     (BlDeletion    *self,
                                          guint          index);
GListModel *bl_deletion_get_attendance   (BlDeletion    *self,
                                          guint          index);

/* Puts the activities back as they were, in one transaction, each under its
 * old number, or a new one if another activity has taken it since (nothing
 * is ever written over). Once only: afterwards, and after a failure that
 * left the ledger as it was, bl_deletion_is_undone() tells which. */
gboolean    bl_deletion_undo             (BlDeletion    *self,
                                          GError       **error);
gboolean    bl_deletion_is_undone        (BlDeletion    *self);

G_END_DECLS
