/* bl-print-document.c: lays out pages once (in points, device-independent
 * metrics); bl-print-page.c draws them on whatever cairo context asks:
 * printer, PDF, screen */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bl-print-fonts.h"

#include "bl-print-document-private.h"

G_DEFINE_FINAL_TYPE (BlPrintDocument, bl_print_document, G_TYPE_OBJECT)

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->cells->len; i++)
    g_clear_object (&g_array_index (row->cells, RowCell, i).layout);
  g_array_unref (row->cells);
  g_free (row);
}

static double
content_top (void)
{
  return MARGIN_TOP + HEADER_BAND;
}

static double
content_bottom (BlPrintDocument *self)
{
  return self->height - MARGIN_BOTTOM - FOOTER_BAND;
}

/* A layout nobody else holds, for a caller that changes it afterwards. */
static PangoLayout *
new_layout (BlPrintDocument  *self,
            const char       *text,
            double            width,
            BlPrintCellFlags  flags,
            double            size)
{
  PangoFontDescription *font;
  PangoLayout *layout;

  layout = pango_layout_new (self->context);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, (int) (((flags & BL_PRINT_CELL_SMALL) ? SMALL_SIZE : size) * PANGO_SCALE));
  if (flags & (BL_PRINT_CELL_LABEL | BL_PRINT_CELL_BOLD))
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (flags & BL_PRINT_CELL_HANGING)
    pango_layout_set_indent (layout, (int) (-size * PANGO_SCALE));
  if (flags & BL_PRINT_CELL_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & BL_PRINT_CELL_END)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A layout shared with every other use of the same text in the same cell
 * (and with the document laid out before, bl_print_document_reuse_layouts()):
 * never to be changed. */
static PangoLayout *
make_layout (BlPrintDocument  *self,
             const char       *text,
             double            width,
             BlPrintCellFlags  flags,
             double            size)
{
  char buffer[96];
  g_autofree char *long_key = NULL;
  const char *key = buffer;
  PangoLayout *layout;

  /* Grids repeat the same few marks thousands of times: lay each out once.
   * The key in whole thousandths of a point: formatting floating-point
   * numbers for each cell cost as much as the lookups saved. */
  if (strlen (text) <= 12)
    g_snprintf (buffer, sizeof buffer, "%d|%ld|%ld|%s", flags, lround (width * 1000), lround (size * 1000), text);
  else
    key = long_key = g_strdup_printf ("%d|%ld|%ld|%s", flags, lround (width * 1000), lround (size * 1000), text);
  layout = g_hash_table_lookup (self->layout_cache, key);
  if (layout != NULL)
    return g_object_ref (layout);

  /* Laid out again after a save, most of a document is the same text in
   * the same cells: shaping it again was most of the work. */
  layout = self->reused_layouts != NULL ? g_hash_table_lookup (self->reused_layouts, key) : NULL;
  if (layout != NULL)
    g_object_ref (layout);
  else
    layout = new_layout (self, text, width, flags, size);

  g_hash_table_insert (self->layout_cache, long_key != NULL ? g_steal_pointer (&long_key) : g_strdup (key),
                       g_object_ref (layout));
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static Page *
current_page (BlPrintDocument *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
add_item (BlPrintDocument *self,
          const Item      *item)
{
  Item copy = *item;

  if (copy.layout != NULL)
    g_object_ref (copy.layout);
  if (copy.surface != NULL)
    cairo_surface_reference (copy.surface);
  g_array_append_val (current_page (self)->items, copy);
  self->page_empty = FALSE;
}

static void
add_text (BlPrintDocument *self,
          PangoLayout     *layout,
          double           x,
          double           y,
          int              first_line,
          int              n_lines)
{
  Item item = { ITEM_TEXT, x, y, 0, 0, -1, 0, layout, first_line, n_lines };

  add_item (self, &item);
}

static void
add_rect (BlPrintDocument *self,
          double           x,
          double           y,
          double           w,
          double           h,
          double           fill,
          double           stroke)
{
  Item item = { ITEM_RECT, x, y, w, h, fill, stroke, NULL, 0, 0 };

  add_item (self, &item);
}

static void
add_line (BlPrintDocument *self,
          double           x1,
          double           y1,
          double           x2,
          double           y2,
          double           width)
{
  Item item = { ITEM_LINE, x1, y1, x2 - x1, y2 - y1, -1, width, NULL, 0, 0 };

  add_item (self, &item);
}

static void emit_header_rows (BlPrintDocument *self);

static void
new_page (BlPrintDocument *self,
          gboolean         continues_section)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_array_new (FALSE, FALSE, sizeof (Item));
  page->running_header = continues_section ? g_strdup (self->section_header) : NULL;
  g_ptr_array_add (self->pages, page);
  self->y = content_top ();
  self->page_empty = TRUE;
}

/* Makes room for @height more points, turning the page when they do not fit
 * (unless the page is still empty: then nothing would fit anywhere better). */
static void
ensure_space (BlPrintDocument *self,
              double           height)
{
  if (self->y + height <= content_bottom (self) || self->page_empty)
    return;
  new_page (self, TRUE);
  if (self->in_table)
    emit_header_rows (self);
}

/* Line heights of a laid-out paragraph, each with the spacing that follows it
 * (the distance to the next line's top), the last one without. */
static GArray *
line_heights (PangoLayout *layout)
{
  GArray *heights = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean have_previous = FALSE;
  int previous_y = 0;
  int last_height = 0;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (have_previous)
        {
          double h = (double) (logical.y - previous_y) / PANGO_SCALE;

          g_array_append_val (heights, h);
        }
      previous_y = logical.y;
      last_height = logical.height;
      have_previous = TRUE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  {
    double h = (double) last_height / PANGO_SCALE;

    g_array_append_val (heights, h);
  }
  return heights;
}

static Row *
make_row (BlPrintDocument   *self,
          const BlPrintCell *cells,
          guint              n_cells,
          BlPrintCellFlags   extra_flags)
{
  Row *row = g_new0 (Row, 1);
  guint column = 0;

  row->cells = g_array_new (FALSE, TRUE, sizeof (RowCell));
  for (guint i = 0; i < n_cells && column < self->n_columns; i++)
    {
      guint span = MAX (cells[i].span, 1);
      RowCell cell = { 0 };

      span = MIN (span, self->n_columns - column);
      cell.x = self->column_x[column];
      cell.w = self->column_x[column + span] - cell.x;
      cell.flags = cells[i].flags | extra_flags;
      cell.layout = make_layout (self, cells[i].text != NULL ? cells[i].text : "",
                                 MAX (cell.w - 2 * CELL_PAD_X, 1.0), cell.flags,
                                 /* Header rows a little smaller: long column names stay whole. */
                                 (extra_flags & BL_PRINT_CELL_LABEL) ? HEADER_SIZE : TABLE_SIZE);
      cell.text_height = layout_height (cell.layout);
      row->height = MAX (row->height, MAX (cell.text_height + 2 * CELL_PAD_Y,
                                           (extra_flags & BL_PRINT_CELL_LABEL) ? 0 : self->row_min_height));
      g_array_append_val (row->cells, cell);
      column += span;
    }
  return row;
}

static void
emit_row (BlPrintDocument *self,
          const Row       *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    {
      const RowCell *cell = &g_array_index (row->cells, RowCell, i);

      add_rect (self, cell->x, self->y, cell->w, row->height,
                (cell->flags & BL_PRINT_CELL_LABEL) ? LABEL_GRAY : -1.0, LINE_WIDTH);
      /* Short cells sit in the middle of a tall row. */
      add_text (self, cell->layout, cell->x + CELL_PAD_X,
                self->y + (row->height - cell->text_height) / 2.0, 0, -1);
    }
  self->y += row->height;
}

static void
emit_header_rows (BlPrintDocument *self)
{
  for (guint i = 0; self->header_rows != NULL && i < self->header_rows->len; i++)
    emit_row (self, g_ptr_array_index (self->header_rows, i));
}

static void
bl_print_document_finalize (GObject *object)
{
  BlPrintDocument *self = BL_PRINT_DOCUMENT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->header_rows, g_ptr_array_unref);
  g_clear_pointer (&self->layout_cache, g_hash_table_unref);
  g_clear_pointer (&self->reused_layouts, g_hash_table_unref);
  g_clear_object (&self->context);
  g_free (self->column_x);
  g_free (self->font_family);
  g_free (self->section_header);
  g_free (self->footer);

  G_OBJECT_CLASS (bl_print_document_parent_class)->finalize (object);
}

static void
bl_print_document_class_init (BlPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_print_document_finalize;
}

static void
bl_print_document_init (BlPrintDocument *self)
{
  self->pages = g_ptr_array_new_with_free_func (_bl_print_page_free);
  self->layout_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

BlPrintDocument *
bl_print_document_new (double      width,
                       double      height,
                       const char *language)
{
  BlPrintDocument *self;
  g_autofree char *lang = NULL;
  cairo_font_options_t *options;

  g_return_val_if_fail (width >= BL_PRINT_MIN_WIDTH && height >= BL_PRINT_MIN_HEIGHT, NULL);

  self = g_object_new (BL_TYPE_PRINT_DOCUMENT, NULL);
  self->width = width;
  self->height = height;
  lang = language != NULL ? g_ascii_strdown (language, -1) : bl_print_fonts_default_language ();
  g_strdelimit (lang, "_", '-');
  self->font_family = bl_print_fonts_choose_family (lang);

  /* One point per unit and no hinting: the same line breaks on paper, in the
   * PDF and on screen at any zoom. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string (lang));

  new_page (self, FALSE);
  return self;
}

void
bl_print_document_reuse_layouts (BlPrintDocument *self,
                                 BlPrintDocument *previous)
{
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (previous == NULL || BL_IS_PRINT_DOCUMENT (previous));

  g_clear_pointer (&self->reused_layouts, g_hash_table_unref);
  /* Another font, another language: other glyphs, nothing to reuse. */
  if (previous == NULL || previous == self || g_strcmp0 (previous->font_family, self->font_family) != 0 ||
      pango_context_get_language (previous->context) != pango_context_get_language (self->context))
    return;
  self->reused_layouts = g_hash_table_ref (previous->layout_cache);
}

double
bl_print_document_get_page_width (BlPrintDocument *self)
{
  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (self), 0);
  return self->width;
}

double
bl_print_document_get_page_height (BlPrintDocument *self)
{
  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (self), 0);
  return self->height;
}

const char *
bl_print_document_get_font_family (BlPrintDocument *self)
{
  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (self), NULL);
  return self->font_family;
}

double
bl_print_document_get_content_width (BlPrintDocument *self)
{
  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (self), 0);
  return self->width - 2 * MARGIN_X;
}

void
bl_print_document_start_section (BlPrintDocument *self,
                                 const char      *running_header)
{
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (!self->in_table);

  g_free (self->section_header);
  self->section_header = g_strdup (running_header);
  if (!self->page_empty)
    new_page (self, FALSE);
}

void
bl_print_document_set_footer (BlPrintDocument *self,
                              const char      *text)
{
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));

  g_free (self->footer);
  self->footer = g_strdup (text);
}

void
bl_print_document_add_title (BlPrintDocument *self,
                             const char      *text,
                             double           size)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  layout = make_layout (self, text, bl_print_document_get_content_width (self),
                        BL_PRINT_CELL_BOLD | BL_PRINT_CELL_CENTER, size);
  h = layout_height (layout);
  ensure_space (self, h);
  add_text (self, layout, MARGIN_X, self->y, 0, -1);
  self->y += h + size * 0.4;
}

void
bl_print_document_add_heading (BlPrintDocument *self,
                               const char      *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  layout = make_layout (self, text, bl_print_document_get_content_width (self),
                        BL_PRINT_CELL_BOLD, HEADING_SIZE);
  h = layout_height (layout);
  if (!self->page_empty)
    self->y += 10.0;
  /* Never the last thing on a page: keep room for a note, a table header
   * and a couple of rows after it. */
  ensure_space (self, h + 4.0 + 96.0);
  add_text (self, layout, MARGIN_X, self->y, 0, -1);
  self->y += h + 4.0;
}

/* Places @layout's lines from the current position on, turning pages between
 * lines; with @label the lines sit in a frame under a shaded label strip. */
static void
flow_layout (BlPrintDocument *self,
             PangoLayout     *layout,
             double           x,
             const char      *label,
             const char      *continued_label)
{
  g_autoptr(GArray) heights = line_heights (layout);
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) continued_layout = NULL;
  double width = bl_print_document_get_content_width (self);
  double strip = 0, pad = 0;
  guint i = 0;

  if (label != NULL)
    {
      label_layout = make_layout (self, label, width - 2 * CELL_PAD_X, BL_PRINT_CELL_LABEL, TABLE_SIZE);
      continued_layout = make_layout (self, continued_label ? continued_label : label,
                                      width - 2 * CELL_PAD_X, BL_PRINT_CELL_LABEL, TABLE_SIZE);
      strip = layout_height (label_layout) + 2 * CELL_PAD_Y;
      pad = BOX_PAD;
    }

  while (i < heights->len)
    {
      guint start = i;
      double used = 0;
      double top = self->y;

      while (i < heights->len &&
             (self->y + strip + 2 * pad + used + g_array_index (heights, double, i) <= content_bottom (self) ||
              (i == start && self->page_empty)))
        used += g_array_index (heights, double, i++);

      if (i == start)
        {
          new_page (self, TRUE);
          continue;
        }

      if (label != NULL)
        {
          PangoLayout *strip_layout = start == 0 ? label_layout : continued_layout;

          add_rect (self, MARGIN_X, top, width, strip, LABEL_GRAY, LINE_WIDTH);
          add_text (self, strip_layout, MARGIN_X + CELL_PAD_X, top + CELL_PAD_Y, 0, -1);
          add_rect (self, MARGIN_X, top + strip, width, used + 2 * pad, -1.0, LINE_WIDTH);
        }
      add_text (self, layout, x + pad, top + strip + pad, (int) start, (int) (i - start));
      self->y = top + strip + used + 2 * pad;

      if (i < heights->len)
        new_page (self, TRUE);
    }
}

void
bl_print_document_add_paragraph (BlPrintDocument  *self,
                                 const char       *text,
                                 BlPrintCellFlags  flags)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (!self->in_table);

  layout = make_layout (self, text, bl_print_document_get_content_width (self), flags, BODY_SIZE);
  flow_layout (self, layout, MARGIN_X, NULL, NULL);
  self->y += 2.0;
}

void
bl_print_document_add_text_box (BlPrintDocument *self,
                                const char      *label,
                                const char      *continued_label,
                                const char      *text)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (!self->in_table);

  layout = new_layout (self, text, bl_print_document_get_content_width (self) - 2 * BOX_PAD,
                       BL_PRINT_CELL_NONE, BODY_SIZE);
  pango_layout_set_spacing (layout, (int) (BODY_SIZE * 0.35 * PANGO_SCALE));
  flow_layout (self, layout, MARGIN_X, label, continued_label);
}

void
bl_print_document_add_signatures (BlPrintDocument    *self,
                                  const char * const *labels)
{
  guint n;
  double column, height = 0;
  GPtrArray *layouts;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (labels != NULL);
  g_return_if_fail (!self->in_table);

  n = g_strv_length ((char **) labels);
  if (n == 0)
    return;
  column = bl_print_document_get_content_width (self) / n;
  layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = make_layout (self, labels[i], 0, BL_PRINT_CELL_NONE, BODY_SIZE);

      height = MAX (height, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }

  /* Room above the lines for a handwritten signature. */
  ensure_space (self, height + 24.0);
  self->y += 14.0;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      PangoRectangle logical;
      double x = MARGIN_X + i * column;

      pango_layout_get_extents (layout, NULL, &logical);
      add_text (self, layout, x, self->y, 0, -1);
      add_line (self, x + (double) logical.width / PANGO_SCALE + 2.0, self->y + height,
                x + column - 18.0, self->y + height, LINE_WIDTH);
    }
  self->y += height + 10.0;
  g_ptr_array_unref (layouts);
}

void
bl_print_document_add_space (BlPrintDocument *self,
                             double           points)
{
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));

  if (!self->page_empty)
    self->y = MIN (self->y + points, content_bottom (self));
}

void
bl_print_document_begin_table (BlPrintDocument *self,
                               guint            n_columns,
                               const double    *widths)
{
  double x = MARGIN_X;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && widths != NULL);
  g_return_if_fail (!self->in_table);

  self->n_columns = n_columns;
  g_free (self->column_x);
  self->column_x = g_new (double, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      self->column_x[i] = x;
      x += widths[i];
    }
  self->column_x[n_columns] = x;
  g_clear_pointer (&self->header_rows, g_ptr_array_unref);
  self->header_rows = g_ptr_array_new_with_free_func (row_free);
  self->in_table = TRUE;
  self->row_min_height = 0;
}

void
bl_print_document_set_row_height (BlPrintDocument *self,
                                  double           points)
{
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (self->in_table);

  self->row_min_height = MAX (points, 0);
}

void
bl_print_document_add_header_row (BlPrintDocument   *self,
                                  const BlPrintCell *cells,
                                  guint              n_cells)
{
  Row *row;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (self->in_table);

  row = make_row (self, cells, n_cells, BL_PRINT_CELL_LABEL);
  /* Keep the header with at least a row under it. */
  self->in_table = FALSE;
  ensure_space (self, row->height + 2 * (TABLE_SIZE * 1.4 + 2 * CELL_PAD_Y));
  self->in_table = TRUE;
  emit_row (self, row);
  g_ptr_array_add (self->header_rows, row);
}

void
bl_print_document_add_row (BlPrintDocument   *self,
                           const BlPrintCell *cells,
                           guint              n_cells)
{
  Row *row;

  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (self->in_table);

  row = make_row (self, cells, n_cells, BL_PRINT_CELL_NONE);
  ensure_space (self, row->height);
  emit_row (self, row);
  row_free (row);
}

void
bl_print_document_end_table (BlPrintDocument *self)
{
  g_return_if_fail (BL_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (self->in_table);

  self->in_table = FALSE;
  g_clear_pointer (&self->header_rows, g_ptr_array_unref);
  self->y += 4.0;
}

guint
bl_print_document_get_n_pages (BlPrintDocument *self)
{
  g_return_val_if_fail (BL_IS_PRINT_DOCUMENT (self), 0);
  return self->pages->len;
}

/* For the other files of the document (bl-print-document-private.h) */

PangoLayout *
_bl_print_document_new_layout (BlPrintDocument  *self,
                               const char       *text,
                               double            width,
                               BlPrintCellFlags  flags,
                               double            size)
{
  return new_layout (self, text, width, flags, size);
}

PangoLayout *
_bl_print_document_make_layout (BlPrintDocument  *self,
                                const char       *text,
                                double            width,
                                BlPrintCellFlags  flags,
                                double            size)
{
  return make_layout (self, text, width, flags, size);
}

double
_bl_print_layout_height (PangoLayout *layout)
{
  return layout_height (layout);
}

double
_bl_print_document_content_bottom (BlPrintDocument *self)
{
  return content_bottom (self);
}

void
_bl_print_document_ensure_space (BlPrintDocument *self,
                                 double           height)
{
  ensure_space (self, height);
}

void
_bl_print_document_add_item (BlPrintDocument *self,
                             const Item      *item)
{
  add_item (self, item);
}
