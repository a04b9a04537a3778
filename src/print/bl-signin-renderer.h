/* bl-signin-renderer.h: the sign-in sheet (签到表) printed before a meeting:
 * the meeting, then the members expected at it to sign, and rows for guests */
#pragma once

#include "bl-activity-renderer.h"
#include "bl-store.h"

G_BEGIN_DECLS

/* Blank rows for guests (列席) under the members, besides those named. */
#define BL_SIGNIN_GUEST_ROWS 4

#define BL_TYPE_SIGNIN_RENDERER (bl_signin_renderer_get_type ())
G_DECLARE_FINAL_TYPE (BlSigninRenderer, bl_signin_renderer, BL, SIGNIN_RENDERER, BlActivityRenderer)

/* @activities: BlActivity records, planned or held, saved or not (the
 * editor passes what it shows), one sheet each, each from a new page. The
 * members are those expected at it on its day (bl_store_expected_members():
 * the committee for a committee meeting, the group for a group meeting,
 * every active member otherwise, no one transferred out), in the store's
 * group order. */
BlSigninRenderer *bl_signin_renderer_new         (BlStore      *store,
                                                  GPtrArray    *activities);
/* Loads the activities with these ids; NULL with @error when one does not
 * exist. */
BlSigninRenderer *bl_signin_renderer_new_for_ids (BlStore      *store,
                                                  const gint64 *ids,
                                                  guint         n_ids,
                                                  GError      **error);

G_END_DECLS
