/* bl-minutes-section.c: the minutes and resolutions of a record, kept
 * exactly as typed */
#include "config.h"

#include "bl-minutes-section.h"
#include "bl-util.h"

struct _BlMinutesSection
{
  BlEditorSection  parent_instance;

  gboolean         loading;

  GtkTextView     *content_view;
  GtkTextView     *resolutions_view;
};

G_DEFINE_FINAL_TYPE (BlMinutesSection, bl_minutes_section, BL_TYPE_EDITOR_SECTION)

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
buffer_changed_cb (BlMinutesSection *self)
{
  if (!self->loading)
    bl_editor_section_changed (BL_EDITOR_SECTION (self));
}

static void
bl_minutes_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BL_TYPE_MINUTES_SECTION);

  G_OBJECT_CLASS (bl_minutes_section_parent_class)->dispose (object);
}

static void
bl_minutes_section_class_init (BlMinutesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_minutes_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-minutes-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BlMinutesSection, content_view);
  gtk_widget_class_bind_template_child (widget_class, BlMinutesSection, resolutions_view);
}

static void
bl_minutes_section_init (BlMinutesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->content_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->resolutions_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

void
bl_minutes_section_load (BlMinutesSection *self,
                         BlActivity       *activity)
{
  g_return_if_fail (BL_IS_MINUTES_SECTION (self));
  g_return_if_fail (BL_IS_ACTIVITY (activity));

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view),
                            bl_str_or_empty (bl_activity_get_content (activity)), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->resolutions_view),
                            bl_str_or_empty (bl_activity_get_resolutions (activity)), -1);
  self->loading = FALSE;
}

void
bl_minutes_section_apply (BlMinutesSection *self,
                          BlActivity       *activity)
{
  g_autofree char *content = NULL;
  g_autofree char *resolutions = NULL;

  g_return_if_fail (BL_IS_MINUTES_SECTION (self));
  g_return_if_fail (BL_IS_ACTIVITY (activity));

  content = get_text (self->content_view);
  resolutions = get_text (self->resolutions_view);
  bl_activity_set_content (activity, content);
  bl_activity_set_resolutions (activity, resolutions);
}
