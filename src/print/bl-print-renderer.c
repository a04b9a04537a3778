/* bl-print-renderer.c: one rendering of a printout for every destination */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-print-pdf.h"
#include "bl-print-renderer.h"

G_DEFINE_ABSTRACT_TYPE (BlPrintRenderer, bl_print_renderer, G_TYPE_OBJECT)

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
  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), NULL);

  return bl_print_renderer_layout_after (self, width, height, NULL);
}

BlPrintDocument *
bl_print_renderer_layout_after (BlPrintRenderer *self,
                                double           width,
                                double           height,
                                BlPrintDocument *previous)
{
  BlPrintDocument *document;

  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), NULL);
  g_return_val_if_fail (BL_PRINT_RENDERER_GET_CLASS (self)->render != NULL, NULL);
  g_return_val_if_fail (previous == NULL || BL_IS_PRINT_DOCUMENT (previous), NULL);

  /* Paper smaller than a postcard still gets pages (clipped), never none. */
  document = bl_print_document_new (MAX (width, BL_PRINT_MIN_WIDTH), MAX (height, BL_PRINT_MIN_HEIGHT), NULL);
  bl_print_document_reuse_layouts (document, previous);
  BL_PRINT_RENDERER_GET_CLASS (self)->render (self, document);
  /* The previous document's text is not kept alive with this one. */
  bl_print_document_reuse_layouts (document, NULL);
  return document;
}

gboolean
bl_print_renderer_export_pdf (BlPrintRenderer  *self,
                              GFile            *file,
                              double            width,
                              double            height,
                              GError          **error)
{
  g_autoptr(BlPrintDocument) document = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BL_IS_PRINT_RENDERER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = bl_print_renderer_layout (self, width, height);
  title = bl_print_renderer_get_title (self);
  return bl_print_pdf_write (document, file, title, error);
}
