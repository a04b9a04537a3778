/* bl-overview-page.h: what is due, at a glance (the page the app opens on) */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_OVERVIEW_PAGE (bl_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (BlOverviewPage, bl_overview_page, BL, OVERVIEW_PAGE, AdwBin)

GtkWidget *bl_overview_page_new       (BlStore        *store);
BlStore   *bl_overview_page_get_store (BlOverviewPage *self);
void       bl_overview_page_set_store (BlOverviewPage *self,
                                       BlStore        *store);
/* Evaluates again now (the page does it by itself, in an idle, after each change). */
void       bl_overview_page_refresh   (BlOverviewPage *self);

G_END_DECLS
