/* bl-print-renderer.h: what the monthly summary and the records have in common:
 * laid out for a page size, drawn on any cairo context (printer, PDF, preview) */
#pragma once

#include <gio/gio.h>

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

char            *bl_print_renderer_get_title  (BlPrintRenderer *self);
/* The pages for paper of @width × @height points (A4: BL_PRINT_A4_WIDTH ×
 * BL_PRINT_A4_HEIGHT), ready to draw on a cairo context of that size. */
BlPrintDocument *bl_print_renderer_layout     (BlPrintRenderer *self,
                                               double           width,
                                               double           height);
/* The same, for a printout laid out before as @previous (NULL: none): the
 * text both have is not shaped again (bl_print_document_reuse_layouts()). */
BlPrintDocument *bl_print_renderer_layout_after (BlPrintRenderer *self,
                                                 double           width,
                                                 double           height,
                                                 BlPrintDocument *previous);
/* Writes the pages laid out for @width × @height points to a PDF file
 * (cairo's PDF surface, fonts embedded); @file is left as it was on error. */
gboolean         bl_print_renderer_export_pdf (BlPrintRenderer *self,
                                               GFile           *file,
                                               double           width,
                                               double           height,
                                               GError         **error);

G_END_DECLS
