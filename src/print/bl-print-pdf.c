/* bl-print-pdf.c: a document's pages on cairo's PDF surface, streamed
 * through GIO into a file that appears only when it is complete */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "bl-print-pdf.h"

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  gpointer *state = closure;  /* { GOutputStream *, GError ** } */
  GError **error = state[1];

  if (*error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (state[0], data, length, NULL, NULL, error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
bl_print_pdf_write (BlPrintDocument  *document,
                    GFile            *file,
                    const char       *title,
                    GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) write_error = NULL;
  gpointer state[2];
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written beside the target and renamed on close: a failed export leaves
   * an older file as it was. Private: it lists members by name. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                           NULL, error);
  if (stream == NULL)
    return FALSE;

  state[0] = stream;
  state[1] = &write_error;
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, state,
                                                bl_print_document_get_page_width (document),
                                                bl_print_document_get_page_height (document));
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < bl_print_document_get_n_pages (document); i++)
    {
      bl_print_document_draw_page (document, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (write_error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the half-written copy. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancel, NULL);
      if (write_error != NULL)
        g_propagate_error (error, g_steal_pointer (&write_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  /* Replacing keeps an older file's mode, which may let others read it. */
  {
    g_autofree char *path = g_file_get_path (file);

    if (path != NULL)
      g_chmod (path, 0600);
  }
  return TRUE;
}
