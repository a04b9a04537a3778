/* bl-watch-list-model.c: the store updates an edited activity in place (its
 * date unchanged), which GtkFilterListModel and GtkSortListModel do not see.
 * This model turns those notifications into a precise items-changed. */
#include "config.h"

#include "bl-watch-list-model.h"

struct _BlWatchListModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *items;     /* a mirror of model's items, for removal and lookup */
  GHashTable *pending;   /* items that notified since the last idle */
  guint       idle_id;
};

static void bl_watch_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BlWatchListModel, bl_watch_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bl_watch_list_model_list_model_init))

static GType
bl_watch_list_model_get_item_type (GListModel *list)
{
  BlWatchListModel *self = BL_WATCH_LIST_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
bl_watch_list_model_get_n_items (GListModel *list)
{
  return BL_WATCH_LIST_MODEL (list)->items->len;
}

static gpointer
bl_watch_list_model_get_item (GListModel *list,
                              guint       position)
{
  BlWatchListModel *self = BL_WATCH_LIST_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
bl_watch_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bl_watch_list_model_get_item_type;
  iface->get_n_items = bl_watch_list_model_get_n_items;
  iface->get_item = bl_watch_list_model_get_item;
}

static gboolean
flush_idle_cb (gpointer user_data)
{
  BlWatchListModel *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->idle_id = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      guint position;

      if (g_ptr_array_find (self->items, item, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  g_hash_table_remove_all (self->pending);
  return G_SOURCE_REMOVE;
}

/* Several properties change in one save: report the item once. */
static void
item_notify_cb (GObject    *item,
                GParamSpec *pspec,
                gpointer    user_data)
{
  BlWatchListModel *self = user_data;

  g_hash_table_add (self->pending, item);
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_idle_cb, self, NULL);
}

static void
unwatch (gpointer item,
         gpointer user_data)
{
  BlWatchListModel *self = user_data;

  g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
  g_hash_table_remove (self->pending, item);
}

static void
model_items_changed_cb (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        BlWatchListModel *self)
{
  for (guint i = 0; i < removed; i++)
    unwatch (g_ptr_array_index (self->items, position + i), self);
  g_ptr_array_remove_range (self->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), self);
      g_ptr_array_insert (self->items, position + i, item);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
bl_watch_list_model_dispose (GObject *object)
{
  BlWatchListModel *self = BL_WATCH_LIST_MODEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  if (self->items != NULL)
    {
      g_ptr_array_foreach (self->items, unwatch, self);
      g_clear_pointer (&self->items, g_ptr_array_unref);
    }
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (bl_watch_list_model_parent_class)->dispose (object);
}

static void
bl_watch_list_model_class_init (BlWatchListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_watch_list_model_dispose;
}

static void
bl_watch_list_model_init (BlWatchListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_hash_table_new (NULL, NULL);
}

BlWatchListModel *
bl_watch_list_model_new (GListModel *model)
{
  BlWatchListModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (BL_TYPE_WATCH_LIST_MODEL, NULL);
  self->model = g_object_ref (model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (model, i);

      g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), self);
      g_ptr_array_add (self->items, item);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  return self;
}

GListModel *
bl_watch_list_model_get_model (BlWatchListModel *self)
{
  g_return_val_if_fail (BL_IS_WATCH_LIST_MODEL (self), NULL);

  return self->model;
}
