/* bl-overview-page.h: what is due, at a glance (the page the app opens on) */
#pragma once

#include "bl-page.h"

G_BEGIN_DECLS

#define BL_TYPE_OVERVIEW_PAGE (bl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (BlOverviewPage, bl_overview_page, BL, OVERVIEW_PAGE, BlPage)

GtkWidget *bl_overview_page_new (BlContext *context);

G_END_DECLS
