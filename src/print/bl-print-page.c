/* bl-print-page.c: draws a laid-out page on a cairo context: grounds, text,
 * pictures, then every rule at once; the running header, the footer and the
 * page number */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-print-document-private.h"

void
_bl_print_page_free (gpointer data)
{
  Page *page = data;

  for (guint i = 0; i < page->items->len; i++)
    {
      Item *item = &g_array_index (page->items, Item, i);

      g_clear_object (&item->layout);
      g_clear_pointer (&item->surface, cairo_surface_destroy);
    }
  g_array_unref (page->items);
  g_free (page->running_header);
  g_free (page);
}

/* A picture scaled into its box; the PDF keeps it at its own resolution. */
static void
draw_image_item (cairo_t    *cr,
                 const Item *item)
{
  int width = cairo_image_surface_get_width (item->surface);
  int height = cairo_image_surface_get_height (item->surface);

  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, item->x, item->y);
  cairo_scale (cr, item->w / width, item->h / height);
  cairo_set_source_surface (cr, item->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
draw_text_item (cairo_t    *cr,
                const Item *item)
{
  PangoLayoutIter *iter;
  gboolean have_top = FALSE;
  int top = 0;
  int index = 0;

  if (item->first_line == 0 && item->n_lines < 0)
    {
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      return;
    }

  iter = pango_layout_get_iter (item->layout);
  do
    {
      if (index >= item->first_line && index < item->first_line + item->n_lines)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (!have_top)
            {
              top = logical.y;
              have_top = TRUE;
            }
          cairo_move_to (cr, item->x + (double) logical.x / PANGO_SCALE,
                         item->y + (double) (baseline - top) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (index < item->first_line + item->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
bl_print_document_draw_page (BlPrintDocument *self,
                             cairo_t         *cr,
                             guint            page_nr)
{
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *number_text = NULL;
  double footer_y = self->height - MARGIN_BOTTOM - FOOTER_BAND + 10.0;
  double width = bl_print_document_get_content_width (self);
  Page *page;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  /* Grounds first, then text, then every rule of the page as one path: a
   * stroke per cell would make the PDF several times larger and slower. */
  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      if (item->kind == ITEM_RECT && item->fill >= 0)
        {
          cairo_set_source_rgb (cr, item->fill, item->fill, item->fill);
          cairo_rectangle (cr, item->x, item->y, item->w, item->h);
          cairo_fill (cr);
        }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      if (item->kind == ITEM_TEXT)
        draw_text_item (cr, item);
      else if (item->kind == ITEM_IMAGE)
        draw_image_item (cr, item);
    }

  {
    double widths[8];
    guint n_widths = 0;

    /* Each line width once (a page uses one or two), all its rules together. */
    for (guint i = 0; i < page->items->len; i++)
      {
        const Item *item = &g_array_index (page->items, Item, i);
        gboolean seen = FALSE;

        if (item->kind == ITEM_TEXT || item->kind == ITEM_IMAGE || item->stroke <= 0)
          continue;
        for (guint w = 0; w < n_widths && !seen; w++)
          seen = widths[w] == item->stroke;
        if (!seen && n_widths < G_N_ELEMENTS (widths))
          widths[n_widths++] = item->stroke;
      }

    for (guint w = 0; w < n_widths; w++)
      {
        for (guint i = 0; i < page->items->len; i++)
          {
            const Item *rule = &g_array_index (page->items, Item, i);

            if (rule->kind == ITEM_TEXT || rule->kind == ITEM_IMAGE || rule->stroke != widths[w])
              continue;
            if (rule->kind == ITEM_RECT)
              cairo_rectangle (cr, rule->x, rule->y, rule->w, rule->h);
            else
              {
                cairo_move_to (cr, rule->x, rule->y);
                cairo_rel_line_to (cr, rule->w, rule->h);
              }
          }
        cairo_set_line_width (cr, widths[w]);
        cairo_stroke (cr);
      }
  }

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  if (page->running_header != NULL)
    {
      g_autoptr(PangoLayout) header = _bl_print_document_new_layout (self, page->running_header, width,
                                                                     BL_PRINT_CELL_SMALL, TABLE_SIZE);

      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (header, -1);
      cairo_move_to (cr, MARGIN_X, MARGIN_TOP);
      pango_cairo_show_layout (cr, header);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, MARGIN_X, MARGIN_TOP + _bl_print_layout_height (header) + 2.0);
      cairo_rel_line_to (cr, width, 0);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (self->footer != NULL)
    {
      g_autoptr(PangoLayout) footer = _bl_print_document_make_layout (self, self->footer, width * 0.7,
                                                   BL_PRINT_CELL_NONE, BODY_SIZE);

      cairo_move_to (cr, MARGIN_X, footer_y);
      pango_cairo_show_layout (cr, footer);
    }
  /* TRANSLATORS: page number in a printed page's footer: "第 1 页 / 共 3 页" */
  number_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, self->pages->len);
  number = _bl_print_document_make_layout (self, number_text, width * 0.3, BL_PRINT_CELL_END, TABLE_SIZE);
  cairo_move_to (cr, MARGIN_X + width * 0.7, footer_y + 1.0);
  pango_cairo_show_layout (cr, number);

  cairo_restore (cr);
}

gboolean
bl_print_document_page_equal (BlPrintDocument *self,
                              guint            page_nr,
                              BlPrintDocument *other)
{
  const Page *page, *other_page;

  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (other), FALSE);

  /* The page number says "n of N": the same N too. */
  if (page_nr >= self->pages->len || self->pages->len != other->pages->len ||
      self->width != other->width || self->height != other->height ||
      g_strcmp0 (self->footer, other->footer) != 0 || g_strcmp0 (self->font_family, other->font_family) != 0)
    return FALSE;
  page = g_ptr_array_index (self->pages, page_nr);
  other_page = g_ptr_array_index (other->pages, page_nr);
  if (g_strcmp0 (page->running_header, other_page->running_header) != 0 ||
      page->items->len != other_page->items->len)
    return FALSE;
  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *a = &g_array_index (page->items, Item, i);
      const Item *b = &g_array_index (other_page->items, Item, i);

      /* Field by field: the struct's padding is not compared. */
      if (a->kind != b->kind || a->x != b->x || a->y != b->y || a->w != b->w || a->h != b->h ||
          a->fill != b->fill || a->stroke != b->stroke || a->layout != b->layout ||
          a->first_line != b->first_line || a->n_lines != b->n_lines || a->surface != b->surface)
        return FALSE;
    }
  return TRUE;
}
