/* bl-image.c: pictures read from attachments with gdk-pixbuf: only its JPEG,
 * PNG and WebP loaders, never past BL_IMAGE_MAX_PIXELS, scaled while
 * decoding */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "bl-image.h"
#include "bl-store-error.h"

typedef struct {
  int      max_side;
  gboolean too_big;
} Sizing;

/* The gdk-pixbuf loader for a content type; NULL for anything else, so that
 * no other loader (ICO, TGA, XPM…) ever sees an attachment. */
static const char *
loader_for (const char *content_type)
{
  if (g_strcmp0 (content_type, "image/jpeg") == 0)
    return "jpeg";
  if (g_strcmp0 (content_type, "image/png") == 0)
    return "png";
  if (g_strcmp0 (content_type, "image/webp") == 0)
    return "webp";
  return NULL;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Sizing          *sizing)
{
  int longer = MAX (width, height);

  if (width <= 0 || height <= 0 || (gint64) width * height > BL_IMAGE_MAX_PIXELS)
    {
      /* Zero asks the loader to allocate nothing: it is closed next. */
      sizing->too_big = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  /* Scaled while decoding: a JPEG decodes straight at a fraction of its size. */
  if (longer > sizing->max_side)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * sizing->max_side / longer)),
                                MAX (1, (int) ((gint64) height * sizing->max_side / longer)));
}

static void
set_unreadable (GError    **error,
                const char *path,
                const char *reason)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
               /* TRANSLATORS: %s: a file's name, then why it cannot be shown */
               _("The picture “%s” cannot be read: %s"), name, reason);
}

/* The picture in @path, oriented, its longer side at most @max_side. */
static GdkPixbuf *
decode (const char  *path,
        const char  *content_type,
        int          max_side,
        GError     **error)
{
  const char *type = loader_for (content_type);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  Sizing sizing = { MAX (max_side, 1), FALSE };
  guchar buffer[64 * 1024];
  GdkPixbuf *pixbuf;
  gssize got = 0;
  gboolean closed = FALSE;

  if (type == NULL)
    {
      set_unreadable (error, path, _("it is not a JPEG, PNG or WebP picture"));
      return NULL;
    }
  loader = gdk_pixbuf_loader_new_with_type (type, &local_error);
  if (loader == NULL)
    {
      /* WebP needs a loader of its own (Debian: webp-pixbuf-loader). */
      set_unreadable (error, path, local_error->message);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &sizing);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      set_unreadable (error, path, local_error->message);
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  /* A loader is closed exactly once: a failed write closes it itself. */
  while (!closed && !sizing.too_big &&
         (got = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local_error)) > 0)
    closed = !gdk_pixbuf_loader_write (loader, buffer, (gsize) got, &local_error);
  if (!closed && (sizing.too_big || local_error != NULL))
    gdk_pixbuf_loader_close (loader, NULL);
  else if (!closed && !gdk_pixbuf_loader_close (loader, &local_error))
    sizing.too_big = FALSE;  /* the error says why */
  if (sizing.too_big)
    {
      set_unreadable (error, path, _("it has too many pixels"));
      return NULL;
    }
  if (local_error != NULL)
    {
      set_unreadable (error, path, local_error->message);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || sizing.too_big)
    {
      set_unreadable (error, path, _("it has too many pixels"));
      return NULL;
    }
  /* A phone's photo is often stored sideways, with a note to turn it. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* Public API */

void
bl_image_free (BlImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->pixels, g_bytes_unref);
  g_clear_pointer (&image->jpeg, g_bytes_unref);
  g_free (image);
}

gboolean
bl_image_can_decode (const char *content_type)
{
  return loader_for (content_type) != NULL;
}

BlImage *
bl_image_load (const char  *path,
               const char  *content_type,
               int          max_side,
               GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) rgba = NULL;
  g_autoptr(BlImage) image = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_side > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pixbuf = decode (path, content_type, max_side, error);
  if (pixbuf == NULL)
    return NULL;

  image = g_new0 (BlImage, 1);
  if (g_strcmp0 (content_type, "image/jpeg") == 0 && !gdk_pixbuf_get_has_alpha (pixbuf))
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      /* Re-encoded at the printed size: the PDF carries a JPEG of a few
       * hundred kilobytes, turned upright, instead of the camera's original. */
      if (gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "jpeg", NULL, "quality", "88", NULL))
        image->jpeg = g_bytes_new_take (g_steal_pointer (&data), length);
    }
  rgba = gdk_pixbuf_get_has_alpha (pixbuf) ? g_object_ref (pixbuf) : gdk_pixbuf_add_alpha (pixbuf, FALSE, 0, 0, 0);
  image->width = gdk_pixbuf_get_width (rgba);
  image->height = gdk_pixbuf_get_height (rgba);
  image->stride = gdk_pixbuf_get_rowstride (rgba);
  image->pixels = gdk_pixbuf_read_pixel_bytes (rgba);
  return g_steal_pointer (&image);
}

GBytes *
bl_image_make_thumbnail (const char  *path,
                         const char  *content_type,
                         GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pixbuf = decode (path, content_type, BL_IMAGE_THUMBNAIL_SIZE, error);
  if (pixbuf == NULL)
    return NULL;
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, "png", error, "compression", "9", NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}
