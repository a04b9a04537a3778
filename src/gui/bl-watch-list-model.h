/* bl-watch-list-model.h: a list model that also reports items changed in place */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BL_TYPE_WATCH_LIST_MODEL (bl_watch_list_model_get_type ())
G_DECLARE_FINAL_TYPE (BlWatchListModel, bl_watch_list_model, BL, WATCH_LIST_MODEL, GObject)

/* Mirrors @model, and when one of its items notifies a property change,
 * emits items-changed (position, 1, 1) for it, so that filters and sorters
 * above look at that one item again. */
BlWatchListModel *bl_watch_list_model_new       (GListModel       *model);
GListModel       *bl_watch_list_model_get_model (BlWatchListModel *self);

G_END_DECLS
