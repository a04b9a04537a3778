/* bl-page.c: the pages' one way of following the ledger: each says what it
 * shows (BlPageClass.follows); a change it shows is refreshed before the
 * next frame while the page is on screen, and noted while it is not, to be
 * refreshed when it is shown. A page is filled the first time it is shown. */
#include "config.h"

#include "bl-page.h"

/* Before GTK lays out and paints (GDK_PRIORITY_REDRAW is HIGH_IDLE + 20): the
 * frame after a save already shows it. */
#define REFRESH_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

typedef struct
{
  BlContext *context;
  BlChange   pending;     /* changes not yet refreshed */
  guint      refresh_id;
} BlPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BlPage, bl_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
run_refresh (BlPage *self)
{
  BlPagePrivate *priv = bl_page_get_instance_private (self);
  BlChange changes = priv->pending;

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  if (changes == BL_CHANGE_NONE)
    return;
  /* What the refresh itself changes comes round again. */
  priv->pending = BL_CHANGE_NONE;
  BL_PAGE_GET_CLASS (self)->refresh (self, changes);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  BlPage *self = user_data;
  BlPagePrivate *priv = bl_page_get_instance_private (self);

  priv->refresh_id = 0;
  run_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
context_changed_cb (BlPage   *self,
                    BlChange  changes)
{
  bl_page_queue_refresh (self, changes);
}

static void
bl_page_map (GtkWidget *widget)
{
  BlPage *self = BL_PAGE (widget);

  /* Caught up before the first frame that shows it. */
  run_refresh (self);
  GTK_WIDGET_CLASS (bl_page_parent_class)->map (widget);
}

static void
bl_page_constructed (GObject *object)
{
  BlPage *self = BL_PAGE (object);
  BlPagePrivate *priv = bl_page_get_instance_private (self);

  G_OBJECT_CLASS (bl_page_parent_class)->constructed (object);

  g_assert (BL_IS_CONTEXT (priv->context));
  g_assert (BL_PAGE_GET_CLASS (self)->refresh != NULL);
  g_signal_connect_object (priv->context, "changed", G_CALLBACK (context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Nothing is filled before the page is shown. */
  priv->pending = BL_PAGE_GET_CLASS (self)->follows;
}

static void
bl_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BlPage *self = BL_PAGE (object);
  BlPagePrivate *priv = bl_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BlPage *self = BL_PAGE (object);
  BlPagePrivate *priv = bl_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_page_dispose (GObject *object)
{
  BlPage *self = BL_PAGE (object);
  BlPagePrivate *priv = bl_page_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  priv->pending = BL_CHANGE_NONE;

  G_OBJECT_CLASS (bl_page_parent_class)->dispose (object);
}

static void
bl_page_finalize (GObject *object)
{
  BlPage *self = BL_PAGE (object);
  BlPagePrivate *priv = bl_page_get_instance_private (self);

  /* Kept to the end: a subclass's dispose may still ask for the store. */
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (bl_page_parent_class)->finalize (object);
}

static void
bl_page_class_init (BlPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bl_page_constructed;
  object_class->get_property = bl_page_get_property;
  object_class->set_property = bl_page_set_property;
  object_class->dispose = bl_page_dispose;
  object_class->finalize = bl_page_finalize;
  widget_class->map = bl_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BL_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_page_init (BlPage *self)
{
}

GtkWidget *
bl_page_new (GType      type,
             BlContext *context)
{
  g_return_val_if_fail (g_type_is_a (type, BL_TYPE_PAGE), NULL);
  g_return_val_if_fail (BL_IS_CONTEXT (context), NULL);

  return g_object_new (type, "context", context, NULL);
}

BlContext *
bl_page_get_context (BlPage *self)
{
  BlPagePrivate *priv;

  g_return_val_if_fail (BL_IS_PAGE (self), NULL);

  priv = bl_page_get_instance_private (self);
  return priv->context;
}

BlStore *
bl_page_get_store (BlPage *self)
{
  BlPagePrivate *priv;

  g_return_val_if_fail (BL_IS_PAGE (self), NULL);

  priv = bl_page_get_instance_private (self);
  return priv->context != NULL ? bl_context_get_store (priv->context) : NULL;
}

void
bl_page_queue_refresh (BlPage   *self,
                       BlChange  changes)
{
  BlPagePrivate *priv;

  g_return_if_fail (BL_IS_PAGE (self));

  priv = bl_page_get_instance_private (self);
  changes &= BL_PAGE_GET_CLASS (self)->follows;
  if (changes == BL_CHANGE_NONE)
    return;
  priv->pending |= changes;
  /* Hidden: noted, refreshed when shown (bl_page_map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && priv->refresh_id == 0)
    priv->refresh_id = g_idle_add_full (REFRESH_PRIORITY, refresh_idle_cb, self, NULL);
}

void
bl_page_update_now (BlPage *self)
{
  g_return_if_fail (BL_IS_PAGE (self));

  run_refresh (self);
}
