/* bl-editor-section.c: what the record editor's sections share: the
 * "changed" signal, and a layout that counts only while shown */
#include "config.h"

#include "bl-editor-section.h"

G_DEFINE_ABSTRACT_TYPE (BlEditorSection, bl_editor_section, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The view stack measures every section, shown or not, and measuring one
 * means laying out its text: a section not shown counts for nothing (its
 * AdwBin's layout, but for that), so that opening the editor measures only
 * the details. */
static void
measure_cb (GtkWidget      *section,
            GtkOrientation  orientation,
            int             for_size,
            int            *minimum,
            int            *natural,
            int            *minimum_baseline,
            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (section));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child != NULL && gtk_widget_get_child_visible (section) && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_cb (GtkWidget *section,
             int        width,
             int        height,
             int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (section));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
bl_editor_section_class_init (BlEditorSectionClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bl_editor_section_init (BlEditorSection *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, measure_cb, allocate_cb));
}

void
bl_editor_section_changed (BlEditorSection *self)
{
  g_return_if_fail (BL_IS_EDITOR_SECTION (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
