/* bl-reports-page.h: the Reports page: the monthly summary previewed, printed
 * and exported; the annual statistics */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_REPORTS_PAGE (bl_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (BlReportsPage, bl_reports_page, BL, REPORTS_PAGE, AdwBin)

GtkWidget *bl_reports_page_new            (BlStore       *store);
BlStore   *bl_reports_page_get_store      (BlReportsPage *self);
void       bl_reports_page_set_store      (BlReportsPage *self,
                                           BlStore       *store);
/* Shows the summary of @month ("YYYY-MM"); FALSE when it is not a month. */
gboolean   bl_reports_page_set_month      (BlReportsPage *self,
                                           const char    *month);
/* "YYYY-MM" of the month shown. */
char      *bl_reports_page_get_month      (BlReportsPage *self);
/* Pages in the preview (0 until a ledger is shown). */
guint      bl_reports_page_get_n_pages    (BlReportsPage *self);

G_END_DECLS
