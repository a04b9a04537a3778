/* bl-print-figures.c: pictures on the page, two a row and two rows a page at
 * most, each scaled into its cell with its caption under it */
#include "config.h"

#include "bl-image.h"
#include "bl-print-document-private.h"

#define FIGURE_GAP     12.0   /* between the cells, across and down */
#define CAPTION_GAP    3.0    /* between a picture and its caption */
#define CAPTION_LINES  2      /* room kept for a caption when sizing cells */

static void
place_rect (BlPrintDocument *self,
            double           x,
            double           y,
            double           w,
            double           h)
{
  Item item = { ITEM_RECT, x, y, w, h, -1.0, 0.4, NULL, 0, 0 };

  _bl_print_document_add_item (self, &item);
}

/* The height a picture of @surface gets in a cell of @width × @max_height;
 * its width in @out_width. A missing picture gets a low empty frame. */
static double
fit (cairo_surface_t *surface,
     double           width,
     double           max_height,
     double          *out_width)
{
  double w, h, scale;

  if (surface == NULL || cairo_image_surface_get_width (surface) <= 0 ||
      cairo_image_surface_get_height (surface) <= 0)
    {
      *out_width = width;
      return MIN (max_height, width * 0.4);
    }
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  scale = MIN (width / w, max_height / h);
  *out_width = w * scale;
  return h * scale;
}

void
bl_print_document_add_figures (BlPrintDocument    *self,
                               const char         *heading,
                               cairo_surface_t   **surfaces,
                               const char * const *captions,
                               guint               n_figures)
{
  double width, cell, top, line, max_height;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (surfaces != NULL || n_figures == 0);
  g_return_if_fail (captions != NULL || n_figures == 0);
  g_return_if_fail (!self->in_table);

  width = bl_print_document_get_content_width (self);
  cell = (width - FIGURE_GAP) / 2;
  top = MARGIN_TOP + HEADER_BAND;
  line = TABLE_SIZE * 1.4;
  /* Two rows of pictures with their captions fill a page, never more. */
  max_height = (_bl_print_document_content_bottom (self) - top - FIGURE_GAP
                - 2 * (CAPTION_GAP + CAPTION_LINES * line + FIGURE_GAP)) / 2;

  for (guint first = 0; first < n_figures; first += 2)
    {
      guint n = MIN (2, n_figures - first);
      PangoLayout *layouts[2] = { NULL, NULL };
      double heights[2] = { 0, 0 }, widths[2] = { 0, 0 };
      double picture = 0, caption = 0;

      for (guint i = 0; i < n; i++)
        {
          const char *text = captions[first + i] != NULL ? captions[first + i] : "";

          heights[i] = fit (surfaces[first + i], cell, max_height, &widths[i]);
          picture = MAX (picture, heights[i]);
          layouts[i] = _bl_print_document_make_layout (self, text, cell, BL_PRINT_CELL_CENTER, TABLE_SIZE);
          caption = MAX (caption, _bl_print_layout_height (layouts[i]));
        }

      /* The heading goes to the page of the first row, never alone. */
      if (first == 0 && heading != NULL)
        {
          g_autoptr(PangoLayout) layout = _bl_print_document_make_layout (self, heading, width, BL_PRINT_CELL_BOLD,
                                                                          HEADING_SIZE);
          double h = _bl_print_layout_height (layout);
          Item text = { ITEM_TEXT, MARGIN_X, 0, 0, 0, -1, 0, layout, 0, -1 };

          if (!self->page_empty)
            self->y += 10.0;
          _bl_print_document_ensure_space (self, h + 6.0 + picture + CAPTION_GAP + caption);
          text.y = self->y;
          _bl_print_document_add_item (self, &text);
          self->y += h + 6.0;
        }
      else
        _bl_print_document_ensure_space (self, picture + CAPTION_GAP + caption);
      for (guint i = 0; i < n; i++)
        {
          double x = MARGIN_X + i * (cell + FIGURE_GAP);
          /* Each picture sits at the bottom of its row, above its caption. */
          double y = self->y + picture - heights[i];

          if (surfaces[first + i] != NULL)
            {
              Item image = { ITEM_IMAGE, x + (cell - widths[i]) / 2, y, widths[i], heights[i], -1.0, 0, NULL, 0, 0,
                             surfaces[first + i] };

              _bl_print_document_add_item (self, &image);
            }
          place_rect (self, x + (cell - widths[i]) / 2, y, widths[i], heights[i]);
          {
            Item text = { ITEM_TEXT, x, self->y + picture + CAPTION_GAP, 0, 0, -1, 0, layouts[i], 0, -1 };

            _bl_print_document_add_item (self, &text);
          }
          g_object_unref (layouts[i]);
        }
      self->y += picture + CAPTION_GAP + caption + FIGURE_GAP;
    }
}

cairo_surface_t *
bl_print_surface_from_image (const BlImage *image)
{
  cairo_surface_t *surface;
  cairo_format_t format;
  const guchar *pixels;
  guchar *data;
  int stride;

  g_return_val_if_fail (image != NULL && image->pixels != NULL, NULL);

  /* A photograph is opaque: the PDF then carries its JPEG as it is. */
  format = image->jpeg != NULL ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
  surface = cairo_image_surface_create (format, image->width, image->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_get_data (image->pixels, NULL);
  for (int y = 0; y < image->height; y++)
    {
      const guchar *in = pixels + (gsize) y * image->stride;
      guint32 *out = (guint32 *) (gpointer) (data + (gsize) y * stride);

      for (int x = 0; x < image->width; x++, in += 4)
        {
          guint a = format == CAIRO_FORMAT_RGB24 ? 255 : in[3];

          /* Cairo's pixels: premultiplied, native-endian ARGB. */
          out[x] = (a << 24) | ((in[0] * a / 255) << 16) | ((in[1] * a / 255) << 8) | (in[2] * a / 255);
        }
    }
  cairo_surface_mark_dirty (surface);

  if (image->jpeg != NULL)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (image->jpeg, NULL),
                                 g_bytes_get_size (image->jpeg), (cairo_destroy_func_t) g_bytes_unref,
                                 g_bytes_ref (image->jpeg));
  return surface;
}
