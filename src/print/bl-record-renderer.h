/* bl-record-renderer.h: activities printed as the paper record (记录本), one per page */
#pragma once

#include "bl-activity-renderer.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_RECORD_RENDERER (bl_record_renderer_get_type ())
G_DECLARE_FINAL_TYPE (BlRecordRenderer, bl_record_renderer, BL, RECORD_RENDERER, BlActivityRenderer)

/* @activities: BlActivity records, printed in this order, each from a new
 * page; their attendance is read from @store. */
BlRecordRenderer *bl_record_renderer_new (BlStore   *store,
                                          GPtrArray *activities);
/* Loads the activities with these ids from @store; NULL with @error when one
 * does not exist. */
BlRecordRenderer *bl_record_renderer_new_for_ids (BlStore      *store,
                                                  const gint64 *ids,
                                                  guint         n_ids,
                                                  GError      **error);
guint             bl_record_renderer_get_n_records (BlRecordRenderer *self);

G_END_DECLS
