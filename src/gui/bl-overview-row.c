/* bl-overview-row.c: the Overview's rows. They look like libadwaita's
 * action rows; their parts are laid out in a grid (see the template), so a
 * row's wrapping text is laid out once for its width when the window is
 * first shown, not searched for the width that fits a height. */
#include "config.h"

#include "bl-overview-row.h"

struct _BlOverviewRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *activatable_widget;  /* weak */

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkBox        *suffixes;
};

G_DEFINE_FINAL_TYPE (BlOverviewRow, bl_overview_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bl_overview_row_dispose (GObject *object)
{
  BlOverviewRow *self = BL_OVERVIEW_ROW (object);

  if (self->activatable_widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->activatable_widget), (gpointer *) &self->activatable_widget);
  self->activatable_widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_OVERVIEW_ROW);

  G_OBJECT_CLASS (bl_overview_row_parent_class)->dispose (object);
}

static void
bl_overview_row_class_init (BlOverviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_overview_row_dispose;

  /* The row was activated: clicked, or Enter pressed on it. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-overview-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BlOverviewRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewRow, suffixes);
}

static void
bl_overview_row_init (BlOverviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bl_overview_row_new (const char *title,
                     const char *subtitle)
{
  BlOverviewRow *self = g_object_new (BL_TYPE_OVERVIEW_ROW, NULL);

  gboolean has_subtitle = subtitle != NULL && *subtitle != '\0';

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_label_set_text (self->subtitle_label, has_subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), has_subtitle);
  /* Centred in a row taller than the text (a button beside it, the
   * rows' least height): the title just above the middle and the subtitle
   * just below it share the room left, or the title alone in the middle. */
  gtk_label_set_yalign (self->title_label, has_subtitle ? 1.0f : 0.5f);
  return GTK_WIDGET (self);
}

const char *
bl_overview_row_get_title (BlOverviewRow *self)
{
  g_return_val_if_fail (BL_IS_OVERVIEW_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
bl_overview_row_get_subtitle (BlOverviewRow *self)
{
  g_return_val_if_fail (BL_IS_OVERVIEW_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}

void
bl_overview_row_add_suffix (BlOverviewRow *self,
                            GtkWidget     *widget)
{
  g_return_if_fail (BL_IS_OVERVIEW_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->suffixes, widget);
}

void
bl_overview_row_set_activatable_widget (BlOverviewRow *self,
                                        GtkWidget     *widget)
{
  g_return_if_fail (BL_IS_OVERVIEW_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->activatable_widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->activatable_widget), (gpointer *) &self->activatable_widget);
  self->activatable_widget = widget;
  if (widget != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->activatable_widget);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
    }
}

void
bl_overview_row_activate (BlOverviewRow *self)
{
  g_return_if_fail (BL_IS_OVERVIEW_ROW (self));

  g_signal_emit (self, signals[ACTIVATED], 0);
  if (self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);
}
