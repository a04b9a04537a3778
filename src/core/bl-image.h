/* bl-image.h: pictures read from attachments (JPEG, PNG, WebP): small PNG
 * thumbnails, and pixels for print to draw. The one place that decodes
 * images (with gdk-pixbuf); its callers see plain bytes. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest side of a thumbnail, in pixels. */
#define BL_IMAGE_THUMBNAIL_SIZE 256
/* Pictures with more pixels than this are not decoded (no thumbnail, not
 * drawn): 100 megapixels, past any camera or scanner's A4 page. */
#define BL_IMAGE_MAX_PIXELS (100 * 1000 * 1000)

/* A decoded picture, its orientation applied: @width × @height pixels of
 * 8-bit RGBA, not premultiplied, @stride bytes a row. For a photograph
 * (a JPEG), @jpeg holds the same pixels encoded as JPEG, which a PDF can
 * carry as it is. */
typedef struct {
  int     width;
  int     height;
  int     stride;
  GBytes *pixels;
  GBytes *jpeg;
} BlImage;

void      bl_image_free            (BlImage     *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlImage, bl_image_free)

/* Whether attachments of @content_type are pictures that can be decoded. */
gboolean  bl_image_can_decode      (const char  *content_type);

/* Reads the picture in @path (of @content_type), scaled down so that its
 * longer side is at most @max_side pixels (never up). */
BlImage  *bl_image_load            (const char  *path,
                                    const char  *content_type,
                                    int          max_side,
                                    GError     **error);

/* A PNG of at most BL_IMAGE_THUMBNAIL_SIZE pixels a side. */
GBytes   *bl_image_make_thumbnail  (const char  *path,
                                    const char  *content_type,
                                    GError     **error);

G_END_DECLS
