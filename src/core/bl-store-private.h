/* bl-store-private.h: what bl-store.c shares with the files that implement
 * the rest of BlStore's API (bl-store-members.c, bl-store-start-date.c,
 * bl-store-attachments.c, bl-store-import.c) */
#pragma once

#include "bl-store-lists.h"
#include "bl-store.h"

G_BEGIN_DECLS

/* The live lists, for a write to tell them what changed. */
BlStoreLists *bl_store_get_lists          (BlStore     *self);
/* TRUE for a "YYYY-MM-DD" date, else FALSE with a message in @error. */
gboolean      bl_store_check_date         (const char  *date,
                                           GError     **error);
/* The stored member @member_id, or NULL with a message in @error when it
 * is gone. */
BlMember     *bl_store_find_member_or_error (BlStore   *self,
                                             gint64     member_id,
                                             GError   **error);
/* Gives a ledger without a start date one (at opening). */
gboolean      bl_store_ensure_start_date  (BlStore     *self,
                                           GError     **error);
/* Moves the start date back to a held @activity's month unless the user
 * set it (inside the activity's save). */
gboolean      bl_store_follow_start_date  (BlStore     *self,
                                           BlActivity  *activity,
                                           GError     **error);

/* bl_store_save_activity() with the attendance as @attendance (BlAttendee;
 * NULL keeps the stored one) or, when @marks is not NULL, as plain rows. */
gboolean      bl_store_save_activity_as   (BlStore                 *self,
                                           BlActivity              *activity,
                                           GListModel              *attendance,
                                           const BlAttendanceMark  *marks,
                                           guint                    n_marks,
                                           GError                 **error);
/* What the attachments need from the store's life (bl-store-attachments.c):
 * the ledger opened (or a backup put in its place: what it says the person
 * should know goes to @notices); an activity about to be deleted; an
 * activity saved (inside its transaction). */
void     _bl_store_attachments_opened        (BlStore     *self,
                                              GPtrArray   *notices);
gboolean _bl_store_attachments_before_delete (BlStore     *self,
                                              gint64       activity_id,
                                              GError     **error);
gboolean _bl_store_attachments_after_save    (BlStore     *self,
                                              BlActivity  *activity,
                                              GError     **error);

G_END_DECLS
