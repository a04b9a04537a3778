/* bl-attachment-row.c: one attachment of the record being edited. The row
 * keeps nothing of its own: the caption typed goes into the attachment,
 * which the editor saves with the record. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-attachment-row.h"

struct _BlAttachmentRow
{
  GtkListBoxRow  parent_instance;

  BlAttachment  *attachment;
  gboolean       has_thumbnail;

  GtkButton     *open_button;
  GtkPicture    *picture;
  GtkImage      *icon;
  GtkLabel      *name_label;
  GtkLabel      *detail_label;
  GtkEntry      *caption_entry;
  GtkButton     *remove_button;
};

G_DEFINE_FINAL_TYPE (BlAttachmentRow, bl_attachment_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  OPEN_CLICKED,
  REMOVE_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shows the attachment: its kind's icon until a thumbnail comes. */
static void
show_attachment (BlAttachmentRow *self)
{
  BlAttachment *attachment = self->attachment;
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (bl_attachment_get_content_type (attachment));
  g_autofree char *size = g_format_size (bl_attachment_get_size (attachment));
  g_autofree char *detail = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = bl_attachment_get_name (attachment);

  gtk_image_set_from_gicon (self->icon, icon);
  gtk_label_set_text (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  /* TRANSLATORS: what an attachment is, then its size: "照片 · 2.3 MB" */
  detail = g_strdup_printf (_("%s · %s"), bl_attachment_kind_display (bl_attachment_get_kind (attachment)), size);
  gtk_label_set_text (self->detail_label, detail);
  gtk_editable_set_text (GTK_EDITABLE (self->caption_entry), bl_attachment_get_caption (attachment));

  /* TRANSLATORS: an icon-only button's name for screen readers; %s is a file's name */
  open_label = g_strdup_printf (_("Open “%s”"), name);
  remove_label = g_strdup_printf (_("Remove “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->caption_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Caption"), -1);
}

static void
caption_changed_cb (BlAttachmentRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->caption_entry));

  /* Set only when it differs: showing the caption is no change. */
  if (g_strcmp0 (text, bl_attachment_get_caption (self->attachment)) != 0)
    bl_attachment_set_caption (self->attachment, text);
}

static void
on_open_clicked (BlAttachmentRow *self)
{
  g_signal_emit (self, signals[OPEN_CLICKED], 0);
}

static void
on_remove_clicked (BlAttachmentRow *self)
{
  g_signal_emit (self, signals[REMOVE_CLICKED], 0);
}

static void
bl_attachment_row_dispose (GObject *object)
{
  BlAttachmentRow *self = BL_ATTACHMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ATTACHMENT_ROW);
  g_clear_object (&self->attachment);

  G_OBJECT_CLASS (bl_attachment_row_parent_class)->dispose (object);
}

static void
bl_attachment_row_class_init (BlAttachmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_attachment_row_dispose;

  /* The picture (or icon) was clicked: open the file. */
  signals[OPEN_CLICKED] = g_signal_new ("open-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The bin was clicked: take the attachment out of the record. */
  signals[REMOVE_CLICKED] = g_signal_new ("remove-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-attachment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, picture);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
bl_attachment_row_init (BlAttachmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_max_length (self->caption_entry, BL_ATTACHMENT_MAX_CAPTION);
}

GtkWidget *
bl_attachment_row_new (BlAttachment *attachment)
{
  BlAttachmentRow *self;

  g_return_val_if_fail (BL_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (BL_TYPE_ATTACHMENT_ROW, NULL);
  self->attachment = g_object_ref (attachment);
  show_attachment (self);
  g_signal_connect_object (self->caption_entry, "changed", G_CALLBACK (caption_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

BlAttachment *
bl_attachment_row_get_attachment (BlAttachmentRow *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_ROW (self), NULL);

  return self->attachment;
}

void
bl_attachment_row_set_thumbnail (BlAttachmentRow *self,
                                 GdkPaintable    *thumbnail)
{
  g_return_if_fail (BL_IS_ATTACHMENT_ROW (self));
  g_return_if_fail (thumbnail == NULL || GDK_IS_PAINTABLE (thumbnail));

  self->has_thumbnail = thumbnail != NULL;
  gtk_picture_set_paintable (self->picture, thumbnail);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), thumbnail != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), thumbnail == NULL);
}

gboolean
bl_attachment_row_has_thumbnail (BlAttachmentRow *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_ROW (self), FALSE);

  return self->has_thumbnail;
}

GtkEditable *
bl_attachment_row_get_caption_entry (BlAttachmentRow *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_ROW (self), NULL);

  return GTK_EDITABLE (self->caption_entry);
}
