/* bl-workbook-export.h: the ledger as one Excel workbook (libxlsxwriter):
 * 党员名册, 活动台账, 出勤明细, 任务完成情况, 年度统计 */
#pragma once

#include <glib.h>

#include "bl-store.h"
#include "bl-workbook-data.h"

G_BEGIN_DECLS

#define BL_WORKBOOK_ERROR (bl_workbook_error_quark ())

typedef enum {
  BL_WORKBOOK_ERROR_WRITE,      /* the file cannot be written */
  BL_WORKBOOK_ERROR_TOO_LONG,   /* a text longer than a cell holds (32,767 characters) */
} BlWorkbookError;

/* Excel's limit for the text of one cell. */
#define BL_WORKBOOK_MAX_CELL_CHARS 32767

GQuark       bl_workbook_error_quark  (void);

/* Writes @data to @path: each sheet with a bold, frozen header row, an
 * autofilter, set column widths, dates as Excel dates, long text wrapped,
 * printed on A4 landscape with the branch's name in the page header. The
 * file is written beside @path, made 0600 and renamed over it at the end:
 * on any error nothing is left and an existing @path is untouched. */
gboolean     bl_workbook_write        (BlWorkbookData  *data,
                                       const char      *path,
                                       GError         **error);

/* bl_workbook_data_collect() for @year (0: everything) as of today, then
 * bl_workbook_write(). */
gboolean     bl_workbook_export       (BlStore         *store,
                                       const char      *path,
                                       int              year,
                                       GError         **error);

G_END_DECLS
