/* bl-activity-renderer.c: the printouts of single meetings, one after another */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-renderer.h"
#include "bl-text.h"

typedef struct
{
  BlStore   *store;
  GPtrArray *activities;   /* BlActivity* */
} BlActivityRendererPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BlActivityRenderer, bl_activity_renderer, BL_TYPE_PRINT_RENDERER)

static void
bl_activity_renderer_render (BlPrintRenderer *renderer,
                             BlPrintDocument *document)
{
  BlActivityRenderer *self = BL_ACTIVITY_RENDERER (renderer);
  BlActivityRendererPrivate *priv = bl_activity_renderer_get_instance_private (self);

  for (guint i = 0; i < priv->activities->len; i++)
    BL_ACTIVITY_RENDERER_GET_CLASS (self)->render_activity (self, document,
                                                            g_ptr_array_index (priv->activities, i));
}

static void
bl_activity_renderer_finalize (GObject *object)
{
  BlActivityRenderer *self = BL_ACTIVITY_RENDERER (object);
  BlActivityRendererPrivate *priv = bl_activity_renderer_get_instance_private (self);

  g_clear_pointer (&priv->activities, g_ptr_array_unref);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (bl_activity_renderer_parent_class)->finalize (object);
}

static void
bl_activity_renderer_class_init (BlActivityRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BlPrintRendererClass *renderer_class = BL_PRINT_RENDERER_CLASS (klass);

  object_class->finalize = bl_activity_renderer_finalize;
  renderer_class->render = bl_activity_renderer_render;
}

static void
bl_activity_renderer_init (BlActivityRenderer *self)
{
  BlActivityRendererPrivate *priv = bl_activity_renderer_get_instance_private (self);

  priv->activities = g_ptr_array_new_with_free_func (g_object_unref);
}

gpointer
bl_activity_renderer_new (GType      type,
                          BlStore   *store,
                          GPtrArray *activities)
{
  BlActivityRenderer *self;
  BlActivityRendererPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, BL_TYPE_ACTIVITY_RENDERER), NULL);
  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (activities != NULL, NULL);

  self = g_object_new (type, NULL);
  priv = bl_activity_renderer_get_instance_private (self);
  priv->store = g_object_ref (store);
  for (guint i = 0; i < activities->len; i++)
    g_ptr_array_add (priv->activities, g_object_ref (g_ptr_array_index (activities, i)));
  return self;
}

gpointer
bl_activity_renderer_new_for_ids (GType          type,
                                  BlStore       *store,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  GError       **error)
{
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      BlActivity *activity = bl_store_get_activity (store, ids[i], error);

      if (activity == NULL)
        return NULL;
      g_ptr_array_add (activities, activity);
    }
  return bl_activity_renderer_new (type, store, activities);
}

BlStore *
bl_activity_renderer_get_store (BlActivityRenderer *self)
{
  BlActivityRendererPrivate *priv;

  g_return_val_if_fail (BL_IS_ACTIVITY_RENDERER (self), NULL);
  priv = bl_activity_renderer_get_instance_private (self);
  return priv->store;
}

guint
bl_activity_renderer_get_n_activities (BlActivityRenderer *self)
{
  BlActivityRendererPrivate *priv;

  g_return_val_if_fail (BL_IS_ACTIVITY_RENDERER (self), 0);
  priv = bl_activity_renderer_get_instance_private (self);
  return priv->activities->len;
}

const char *
bl_activity_renderer_get_only_kind_name (BlActivityRenderer *self)
{
  BlActivityRendererPrivate *priv;
  BlActivity *activity;

  g_return_val_if_fail (BL_IS_ACTIVITY_RENDERER (self), NULL);
  priv = bl_activity_renderer_get_instance_private (self);
  if (priv->activities->len != 1)
    return NULL;
  activity = g_ptr_array_index (priv->activities, 0);
  return bl_store_get_kind_name (priv->store, bl_activity_get_kind (activity));
}

void
bl_activity_renderer_start_activity (BlActivityRenderer *self,
                                     BlPrintDocument    *document,
                                     BlActivity         *activity,
                                     const char         *title,
                                     const char         *day)
{
  BlActivityRendererPrivate *priv;
  g_autofree char *branch = NULL;
  g_autofree char *running = NULL;

  g_return_if_fail (BL_IS_ACTIVITY_RENDERER (self));
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (document));
  g_return_if_fail (BL_IS_ACTIVITY (activity));
  g_return_if_fail (title != NULL && day != NULL);

  priv = bl_activity_renderer_get_instance_private (self);
  branch = bl_store_get_branch_name (priv->store);
  running = g_strdup_printf ("%s　%s　%s　%s", bl_text_is_blank (branch) ? "" : branch, title,
                             day, bl_activity_get_topic (activity));
  g_strstrip (running);
  bl_print_document_start_section (document, running);

  if (!bl_text_is_blank (branch))
    bl_print_document_add_title (document, branch, 12.0);
  bl_print_document_add_title (document, title, 16.0);
}

void
bl_activity_renderer_begin_form (BlPrintDocument *document,
                                 double           label)
{
  double width;
  double widths[4];

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (document));

  width = bl_print_document_get_content_width (document);
  widths[0] = label;
  widths[1] = width / 2 - label;
  widths[2] = label;
  widths[3] = width / 2 - label;
  bl_print_document_begin_table (document, 4, widths);
}

void
bl_activity_renderer_add_signatures (BlPrintDocument *document)
{
  const char * const signatures[] = {
    _("Host (signature):"), _("Recorder (signature):"), NULL
  };

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (document));

  bl_print_document_add_signatures (document, signatures);
}
