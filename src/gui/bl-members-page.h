/* bl-members-page.h: the branch's members, with how each takes part */
#pragma once

#include "bl-page.h"

G_BEGIN_DECLS

#define BL_TYPE_MEMBERS_PAGE (bl_members_page_get_type ())
G_DECLARE_FINAL_TYPE (BlMembersPage, bl_members_page, BL, MEMBERS_PAGE, BlPage)

GtkWidget *bl_members_page_new         (BlContext     *context);
/* The member of the selected row, or NULL. */
BlMember  *bl_members_page_get_selected (BlMembersPage *self);

G_END_DECLS
