/* bl-print-document.h: paginated pages of text, tables and boxes, laid out once
 * in points and drawn to any cairo context (printer, PDF, preview); the PDF
 * export is bl-print-pdf.h */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "bl-image.h"

G_BEGIN_DECLS

typedef enum {
  BL_PRINT_CELL_NONE   = 0,
  BL_PRINT_CELL_LABEL  = 1 << 0,  /* bold on a shaded ground: a form's label, a table's header */
  BL_PRINT_CELL_CENTER = 1 << 1,
  BL_PRINT_CELL_END    = 1 << 2,
  BL_PRINT_CELL_SMALL  = 1 << 3,
  BL_PRINT_CELL_BOLD   = 1 << 4,
  BL_PRINT_CELL_HANGING = 1 << 5, /* lines after the first indented: list items ("• …") */
} BlPrintCellFlags;

typedef struct {
  const char       *text;
  guint             span;    /* columns covered; 0 counts as 1 */
  BlPrintCellFlags  flags;
} BlPrintCell;

/* A4 in points. */
#define BL_PRINT_A4_WIDTH  595.2756
#define BL_PRINT_A4_HEIGHT 841.8898
/* The smallest page a document lays out. */
#define BL_PRINT_MIN_WIDTH  200.0
#define BL_PRINT_MIN_HEIGHT 300.0

#define BL_TYPE_PRINT_DOCUMENT (bl_print_document_get_type ())
G_DECLARE_FINAL_TYPE (BlPrintDocument, bl_print_document, BL, PRINT_DOCUMENT, GObject)

/* A document for pages of @width × @height points, in the font chosen for
 * @language (NULL: the language of the messages). */
BlPrintDocument *bl_print_document_new          (double       width,
                                                 double       height,
                                                 const char  *language);
/* Takes the text @previous laid out (in the same font) instead of shaping it
 * again, until called again with NULL: for a document laid out anew after a
 * change, most of it the same. */
void        bl_print_document_reuse_layouts     (BlPrintDocument *self,
                                                 BlPrintDocument *previous);
double      bl_print_document_get_page_width    (BlPrintDocument *self);
double      bl_print_document_get_page_height   (BlPrintDocument *self);
/* The font family pages are set in (a CJK family when one is installed). */
const char *bl_print_document_get_font_family   (BlPrintDocument *self);
/* The width between the margins, for tables' column widths. */
double      bl_print_document_get_content_width (BlPrintDocument *self);

/* Starts a section on a new page (unless the current page is still empty).
 * Pages the section runs onto carry @running_header at the top. */
void        bl_print_document_start_section     (BlPrintDocument *self,
                                                 const char      *running_header);
/* Printed at the bottom left of every page (e.g. signature lines); the page
 * number "n / N" goes at the bottom right. */
void        bl_print_document_set_footer        (BlPrintDocument *self,
                                                 const char      *text);

void        bl_print_document_add_title         (BlPrintDocument *self,
                                                 const char      *text,
                                                 double           size);
/* A section heading, kept on a page with what follows it. */
void        bl_print_document_add_heading       (BlPrintDocument *self,
                                                 const char      *text);
/* Flowing text, split between lines over as many pages as it needs. */
void        bl_print_document_add_paragraph     (BlPrintDocument *self,
                                                 const char      *text,
                                                 BlPrintCellFlags flags);
/* A framed box under a shaded label, its text flowing over pages; on a
 * further page the label repeats with @continued_label. */
void        bl_print_document_add_text_box      (BlPrintDocument *self,
                                                 const char      *label,
                                                 const char      *continued_label,
                                                 const char      *text);
/* Labels each followed by a line to sign on, side by side, never split. */
void        bl_print_document_add_signatures    (BlPrintDocument *self,
                                                 const char * const *labels);
void        bl_print_document_add_space         (BlPrintDocument *self,
                                                 double           points);

/* Tables: @widths in points (their sum is the table's width); rows never
 * split, and a table running onto a new page repeats its header rows there. */
void        bl_print_document_begin_table       (BlPrintDocument *self,
                                                 guint            n_columns,
                                                 const double    *widths);
void        bl_print_document_add_header_row    (BlPrintDocument *self,
                                                 const BlPrintCell *cells,
                                                 guint            n_cells);
void        bl_print_document_add_row           (BlPrintDocument *self,
                                                 const BlPrintCell *cells,
                                                 guint            n_cells);
/* The least height of the open table's rows from here on (header rows
 * aside): room to write in, as a sign-in sheet's signatures need. */
void        bl_print_document_set_row_height    (BlPrintDocument *self,
                                                 double           points);
void        bl_print_document_end_table         (BlPrintDocument *self);

/* Pictures, two a row and at most two rows a page (four a page), each
 * scaled to fit its cell, its caption under it; a row never splits, and
 * @heading (NULL for none) stays on the page of the first row.
 * @surfaces: cairo image surfaces (a PDF keeps the JPEG a surface carries as
 * CAIRO_MIME_TYPE_JPEG); a NULL surface prints a frame with the caption
 * alone. */
void        bl_print_document_add_figures       (BlPrintDocument    *self,
                                                 const char         *heading,
                                                 cairo_surface_t   **surfaces,
                                                 const char * const *captions,
                                                 guint               n_figures);
/* A cairo image surface of @image, for bl_print_document_add_figures(). */
cairo_surface_t *bl_print_surface_from_image    (const BlImage      *image);

guint       bl_print_document_get_n_pages       (BlPrintDocument *self);
/* Draws page @page_nr (from 0) with the page's top left corner at the origin
 * of @cr, one unit a point. */
void        bl_print_document_draw_page         (BlPrintDocument *self,
                                                 cairo_t         *cr,
                                                 guint            page_nr);
/* Whether page @page_nr would be drawn the same by @other (then a preview of
 * it need not be drawn again). Text counts as the same when it is the same
 * layout: after bl_print_document_reuse_layouts(), unchanged text is. */
gboolean    bl_print_document_page_equal        (BlPrintDocument *self,
                                                 guint            page_nr,
                                                 BlPrintDocument *other);

G_END_DECLS
