/* bl-print-renderer.h: what the monthly summary and the records have in common:
 * laid out for a page size, drawn to a printer, a PDF file or the preview */
#pragma once

#include <gtk/gtk.h>

#include "bl-print-document.h"

G_BEGIN_DECLS

#define BL_TYPE_PRINT_RENDERER (bl_print_renderer_get_type ())
G_DECLARE_DERIVABLE_TYPE (BlPrintRenderer, bl_print_renderer, BL, PRINT_RENDERER, GObject)

struct _BlPrintRendererClass
{
  GObjectClass parent_class;

  /* Adds the pages' content to @document. */
  void   (*render)    (BlPrintRenderer *self,
                       BlPrintDocument *document);
  /* The job's title (PDF metadata, print queue). */
  char  *(*get_title) (BlPrintRenderer *self);

  gpointer padding[4];
};

char              *bl_print_renderer_get_title        (BlPrintRenderer *self);
/* The pages for paper of @width × @height points. */
BlPrintDocument   *bl_print_renderer_layout           (BlPrintRenderer *self,
                                                       double           width,
                                                       double           height);
/* Writes a PDF on paper of @setup's size (NULL: A4 portrait). */
gboolean           bl_print_renderer_export_pdf       (BlPrintRenderer *self,
                                                       GFile           *file,
                                                       GtkPageSetup    *setup,
                                                       GError         **error);
/* A print operation that lays the pages out for the paper chosen in the
 * print dialog and draws them. It keeps @self alive while it runs. */
GtkPrintOperation *bl_print_renderer_create_operation (BlPrintRenderer *self);
/* The page setup a finished print operation from the above printed with
 * (chosen in the dialog), or NULL when it never started printing. */
GtkPageSetup      *bl_print_renderer_get_operation_page_setup (GtkPrintOperation *operation);

/* The paper of @setup in points, turned for landscape (NULL: A4 portrait). */
void               bl_print_page_setup_get_size       (GtkPageSetup    *setup,
                                                       double          *width,
                                                       double          *height);

G_END_DECLS
