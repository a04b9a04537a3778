/* bl-print-pdf.h: the PDF export of laid-out pages */
#pragma once

#include <gio/gio.h>

#include "bl-print-document.h"

G_BEGIN_DECLS

/* Writes every page of @document to @file as PDF, fonts embedded, @title in
 * its metadata. The file is replaced only once complete: on error an older
 * file is left as it was, and no new one appears. */
gboolean bl_print_pdf_write (BlPrintDocument  *document,
                             GFile            *file,
                             const char       *title,
                             GError          **error);

G_END_DECLS
