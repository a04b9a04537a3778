/* bl-member-editor.h: add or edit one member (name, group, category, role, joined, phone) */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_MEMBER_EDITOR (bl_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (BlMemberEditor, bl_member_editor, BL, MEMBER_EDITOR, AdwWindow)

/* Edits a copy of @member, or a new member when @member is NULL. Saving
 * writes the member and a changed role in one transaction and closes. */
BlMemberEditor *bl_member_editor_new        (BlStore        *store,
                                             BlMember       *member);
/* Validates and saves as the Save button does; FALSE with the reason shown
 * in the editor (and in @error) when something is wrong. */
gboolean        bl_member_editor_save       (BlMemberEditor *self,
                                             GError        **error);

G_END_DECLS
