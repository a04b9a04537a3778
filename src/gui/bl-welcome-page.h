/* bl-welcome-page.h: the first-run page, shown while the ledger is empty */
#pragma once

#include "bl-page.h"

G_BEGIN_DECLS

#define BL_TYPE_WELCOME_PAGE (bl_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (BlWelcomePage, bl_welcome_page, BL, WELCOME_PAGE, BlPage)

GtkWidget *bl_welcome_page_new          (BlContext     *context);
/* Where "Try with Sample Data" writes its ledger: a file of its own under
 * $XDG_DATA_HOME/branch-ledger/demo/, never the real ledger. */
char      *bl_welcome_page_get_demo_path (void);

G_END_DECLS
