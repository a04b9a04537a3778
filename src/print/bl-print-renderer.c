/* bl-print-renderer.c: one rendering of a printout for every destination */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-print-renderer.h"

G_DEFINE_ABSTRACT_TYPE (BlPrintRenderer, bl_print_renderer, G_TYPE_OBJECT)

#define DOCUMENT_KEY   "bl-print-document"
#define RENDERER_KEY   "bl-print-renderer"
#define PAGE_SETUP_KEY "bl-page-setup"

void
bl_print_page_setup_get_size (GtkPageSetup *setup,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (setup == NULL || GTK_IS_PAGE_SETUP (setup));
  g_return_if_fail (width != NULL && height != NULL);

  if (setup == NULL)
    {
      *width = BL_PRINT_A4_WIDTH;
      *height = BL_PRINT_A4_HEIGHT;
      return;
    }
  /* gtk_page_setup_get_paper_width() already turns the paper for landscape. */
  *width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                BlPrintRenderer   *self)
{
  BlPrintDocument *document;

  /* Laid out for the paper chosen in the dialog, in points from its corner. */
  document = bl_print_renderer_layout (self,
                                       gtk_print_context_get_width (context),
                                       gtk_print_context_get_height (context));
  g_object_set_data_full (G_OBJECT (operation), DOCUMENT_KEY, document, g_object_unref);
  g_object_set_data_full (G_OBJECT (operation), PAGE_SETUP_KEY,
                          gtk_page_setup_copy (gtk_print_context_get_page_setup (context)), g_object_unref);
  gtk_print_operation_set_n_pages (operation, (int) bl_print_document_get_n_pages (document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              BlPrintRenderer   *self)
{
  BlPrintDocument *document = g_object_get_data (G_OBJECT (operation), DOCUMENT_KEY);

  g_return_if_fail (document != NULL);
  bl_print_document_draw_page (document, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
bl_print_renderer_class_init (BlPrintRendererClass *klass)
{
}

static void
bl_print_renderer_init (BlPrintRenderer *self)
{
}

char *
bl_print_renderer_get_title (BlPrintRenderer *self)
{
  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), NULL);

  if (BL_PRINT_RENDERER_GET_CLASS (self)->get_title != NULL)
    return BL_PRINT_RENDERER_GET_CLASS (self)->get_title (self);
  return g_strdup (C_("printout", "Branch Ledger"));
}

BlPrintDocument *
bl_print_renderer_layout (BlPrintRenderer *self,
                          double           width,
                          double           height)
{
  BlPrintDocument *document;

  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), NULL);
  g_return_val_if_fail (BL_PRINT_RENDERER_GET_CLASS (self)->render != NULL, NULL);

  /* Paper smaller than a postcard still gets pages (clipped), never none. */
  document = bl_print_document_new (MAX (width, BL_PRINT_MIN_WIDTH), MAX (height, BL_PRINT_MIN_HEIGHT), NULL);
  BL_PRINT_RENDERER_GET_CLASS (self)->render (self, document);
  return document;
}

gboolean
bl_print_renderer_export_pdf (BlPrintRenderer  *self,
                              GFile            *file,
                              GtkPageSetup     *setup,
                              GError          **error)
{
  g_autoptr(BlPrintDocument) document = NULL;
  g_autofree char *title = NULL;
  double width, height;

  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (setup == NULL || GTK_IS_PAGE_SETUP (setup), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bl_print_page_setup_get_size (setup, &width, &height);
  document = bl_print_renderer_layout (self, width, height);
  title = bl_print_renderer_get_title (self);
  return bl_print_document_write_pdf (document, file, title, error);
}

GtkPrintOperation *
bl_print_renderer_create_operation (BlPrintRenderer *self)
{
  GtkPrintOperation *operation;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), NULL);

  title = bl_print_renderer_get_title (self);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, title);
  /* The pages carry their own margins; points keep the layout's units. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* An asynchronous job outlives whoever started it. */
  g_object_set_data_full (G_OBJECT (operation), RENDERER_KEY, g_object_ref (self), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  return operation;
}

GtkPageSetup *
bl_print_renderer_get_operation_page_setup (GtkPrintOperation *operation)
{
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);
  return g_object_get_data (G_OBJECT (operation), PAGE_SETUP_KEY);
}
