/* bl-print-document-private.h: the laid-out pages, shared by the files of
 * the document: bl-print-document.c lays them out, bl-print-page.c draws
 * them, bl-print-figures.c places pictures. Nothing outside src/print. */
#pragma once

#include <pango/pangocairo.h>

#include "bl-print-document.h"

G_BEGIN_DECLS

#define MARGIN_X       48.0
#define MARGIN_TOP     40.0
#define MARGIN_BOTTOM  36.0
#define HEADER_BAND    20.0   /* running header above the content */
#define FOOTER_BAND    30.0   /* footer below the content */
#define CELL_PAD_X     3.0
#define CELL_PAD_Y     2.5
#define BOX_PAD        6.0
#define BODY_SIZE      10.0
#define TABLE_SIZE     9.0
#define HEADER_SIZE    8.5
#define SMALL_SIZE     7.5
#define HEADING_SIZE   12.0
#define LINE_WIDTH     0.6
#define LABEL_GRAY     0.90

typedef enum {
  ITEM_TEXT,
  ITEM_RECT,
  ITEM_LINE,
  ITEM_IMAGE,   /* a picture scaled into x, y, w, h */
} ItemKind;

typedef struct {
  ItemKind     kind;
  double       x, y, w, h;    /* a line goes from (x, y) to (x + w, y + h) */
  double       fill;          /* gray level of a rectangle's ground, < 0 for none */
  double       stroke;        /* line width, 0 for none */
  PangoLayout *layout;
  int          first_line;
  int          n_lines;       /* -1: the whole layout */
  cairo_surface_t *surface;   /* ITEM_IMAGE's picture */
} Item;

typedef struct {
  GArray *items;
  char   *running_header;
} Page;

typedef struct {
  double       x, w;
  BlPrintCellFlags flags;
  PangoLayout *layout;
  double       text_height;
} RowCell;

typedef struct {
  GArray *cells;   /* RowCell */
  double  height;
} Row;

struct _BlPrintDocument
{
  GObject       parent_instance;

  double        width, height;
  char         *font_family;
  PangoContext *context;
  GHashTable   *layout_cache;   /* key → the layout of each text of the document, shared
                                 * between cells (the grids' ✓, ✗, —) */
  GHashTable   *reused_layouts; /* the layout_cache of the document laid out before */

  GPtrArray    *pages;          /* Page* */
  double        y;              /* where the next block goes on the last page */
  gboolean      page_empty;
  char         *section_header;
  char         *footer;

  /* the open table */
  guint         n_columns;
  double       *column_x;       /* n_columns + 1 edges */
  GPtrArray    *header_rows;    /* Row* */
  gboolean      in_table;
  double        row_min_height; /* of the open table's rows, to write in */
};

/* A page: its items, drawn grounds first, then text and pictures, then rules. */
void         _bl_print_page_free               (gpointer          data);

/* A layout of @text in a cell @width wide (0: unbounded), shared: never
 * changed after. _bl_print_document_new_layout(): one of its own. */
PangoLayout *_bl_print_document_make_layout    (BlPrintDocument  *self,
                                                const char       *text,
                                                double            width,
                                                BlPrintCellFlags  flags,
                                                double            size);
PangoLayout *_bl_print_document_new_layout     (BlPrintDocument  *self,
                                                const char       *text,
                                                double            width,
                                                BlPrintCellFlags  flags,
                                                double            size);
double       _bl_print_layout_height           (PangoLayout      *layout);
/* The lowest point content may reach on a page. */
double       _bl_print_document_content_bottom (BlPrintDocument  *self);
/* Turns the page unless @height more points fit on it. */
void         _bl_print_document_ensure_space   (BlPrintDocument  *self,
                                                double            height);
/* Adds @item (its layout and picture referenced) to the current page. */
void         _bl_print_document_add_item       (BlPrintDocument  *self,
                                                const Item       *item);

G_END_DECLS
