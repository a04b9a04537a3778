/* bl-person-row.h: a name typed or chosen from the members: the record
 * editor's host, recorder and lecturer (a guest's name may be typed too) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BL_TYPE_PERSON_ROW (bl_person_row_get_type ())
G_DECLARE_FINAL_TYPE (BlPersonRow, bl_person_row, BL, PERSON_ROW, AdwEntryRow)

/* The members offered (BlMember), in the order shown; NULL for none. */
void        bl_person_row_set_members (BlPersonRow *self,
                                       GListModel  *members);
GListModel *bl_person_row_get_members (BlPersonRow *self);
/* Opens the list of members (what the row's button does). */
void        bl_person_row_choose      (BlPersonRow *self);
/* The members the list shows now (its search applied): a list model of
 * BlMember, NULL until the list was first opened. */
GListModel *bl_person_row_get_shown   (BlPersonRow *self);
/* Takes the member at @position of the shown list, as a click does. */
void        bl_person_row_pick        (BlPersonRow *self,
                                       guint        position);

G_END_DECLS
