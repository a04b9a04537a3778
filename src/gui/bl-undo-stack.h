/* bl-undo-stack.h: the Activities page's deletions, kept for as long as the
 * page (its window) lives and undone newest first (Ctrl+Z), each told by a
 * toast that stays until it is dismissed or a newer one replaces it */
#pragma once

#include <adwaita.h>

#include "bl-deletion.h"

G_BEGIN_DECLS

#define BL_TYPE_UNDO_STACK (bl_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (BlUndoStack, bl_undo_stack, BL, UNDO_STACK, GObject)

/* Its toasts go to @overlay. */
BlUndoStack *bl_undo_stack_new       (AdwToastOverlay *overlay);
/* Keeps @deletion on top, with a toast saying what was deleted and an
 * "Undo" button for it. */
void         bl_undo_stack_push      (BlUndoStack     *self,
                                      BlDeletion      *deletion);
/* Puts back the newest deletion (then emits "restored" with it). FALSE when there is none, or when the undo
 * failed: a toast then says why. A deletion that cannot come back (its
 * members are gone, say) leaves the stack, so that the next undo reaches the
 * one before; one that failed for a passing reason (the ledger busy) stays. */
gboolean     bl_undo_stack_undo      (BlUndoStack     *self);
/* How many deletions can still be undone (the "depth" property). */
guint        bl_undo_stack_get_depth (BlUndoStack     *self);

G_END_DECLS
