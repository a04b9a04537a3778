/* bl-members-page.h: the branch's members, with how each takes part */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_MEMBERS_PAGE (bl_members_page_get_type ())
G_DECLARE_FINAL_TYPE (BlMembersPage, bl_members_page, BL, MEMBERS_PAGE, AdwBin)

GtkWidget *bl_members_page_new         (BlStore       *store);
BlStore   *bl_members_page_get_store   (BlMembersPage *self);
void       bl_members_page_set_store   (BlMembersPage *self,
                                        BlStore       *store);
/* The member of the selected row, or NULL. */
BlMember  *bl_members_page_get_selected (BlMembersPage *self);

G_END_DECLS
