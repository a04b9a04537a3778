/* bl-attachment-list.h: the attachments of one activity as the record editor
 * holds them: a GListModel of BlAttachment that files are added to (read in
 * at once, kept aside until the record is saved), removed from and put back
 * into (Undo), and captioned; bl_store_save_attachments() or
 * bl_store_save_record() writes it in the record's transaction. */
#pragma once

#include <gio/gio.h>

#include "bl-attachment-files.h"
#include "bl-attachment.h"

G_BEGIN_DECLS

typedef enum {
  BL_ATTACHMENT_ADD_NONE          = 0,
  /* The photographed or scanned sign-in sheet: a picture or a PDF only,
   * captioned bl_attachment_signin_caption(). */
  BL_ATTACHMENT_ADD_SIGNIN_SHEET  = 1 << 0,
} BlAttachmentAddFlags;

#define BL_TYPE_ATTACHMENT_LIST (bl_attachment_list_get_type ())
G_DECLARE_FINAL_TYPE (BlAttachmentList, bl_attachment_list, BL, ATTACHMENT_LIST, GObject)

/* The store makes lists: bl_store_load_attachments(). @attachments
 * (BlAttachment, in order) as the ledger has them. */
BlAttachmentList *bl_attachment_list_new              (BlAttachmentFiles *files,
                                                       gint64             activity_id,
                                                       GPtrArray         *attachments);
/* The activity whose attachments these are: 0 for one not saved yet (the
 * id is given when saving). */
gint64            bl_attachment_list_get_activity_id  (BlAttachmentList  *self);
/* Whether the list differs from what the ledger has (files added or
 * removed, captions or order changed); "notify::modified". */
gboolean          bl_attachment_list_get_modified     (BlAttachmentList  *self);

/* "签到表" ("Sign-in sheet"), translated. */
const char       *bl_attachment_signin_caption        (void);

/* Reads @files in (each ≤ 50 MB, hashed, a thumbnail made for a picture)
 * and appends them, with @caption ("" or NULL for none), in one
 * items-changed. All or nothing: when one is refused (a folder, too big,
 * unreadable, gone or changed while read, not a picture or PDF for a
 * sign-in sheet) none is added and @error says which and why. A name
 * already in the list gets " (2)" before its extension. */
gboolean          bl_attachment_list_add_files        (BlAttachmentList  *self,
                                                       GFile            **files,
                                                       guint              n_files,
                                                       const char        *caption,
                                                       BlAttachmentAddFlags flags,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
/* The same, reading in a thread: for the window. */
void              bl_attachment_list_add_files_async  (BlAttachmentList  *self,
                                                       GFile            **files,
                                                       guint              n_files,
                                                       const char        *caption,
                                                       BlAttachmentAddFlags flags,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
gboolean          bl_attachment_list_add_files_finish (BlAttachmentList  *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);

/* Takes the attachment at @position out and returns it (keep it for an
 * Undo); bl_attachment_list_insert() puts it back. */
BlAttachment     *bl_attachment_list_remove           (BlAttachmentList  *self,
                                                       guint              position);
void              bl_attachment_list_insert           (BlAttachmentList  *self,
                                                       guint              position,
                                                       BlAttachment      *attachment);
void              bl_attachment_list_move             (BlAttachmentList  *self,
                                                       guint              from,
                                                       guint              to);
/* The attachment named @name, or NULL (borrowed). */
BlAttachment     *bl_attachment_list_find             (BlAttachmentList  *self,
                                                       const char        *name,
                                                       guint             *position);

/* The PNG thumbnail (≤ 256 pixels a side) of a picture; NULL with @error for
 * other files or a picture that does not decode. Fast: made when added. */
GBytes           *bl_attachment_list_load_thumbnail   (BlAttachmentList  *self,
                                                       BlAttachment      *attachment,
                                                       GError           **error);
/* The file holding the attachment's content (read-only: never write to it). */
char             *bl_attachment_list_get_content_path (BlAttachmentList  *self,
                                                       BlAttachment      *attachment);
/* A read-only copy under its own name in the user's runtime folder, for
 * the default application (g_app_info_launch_default_for_uri()). */
char             *bl_attachment_list_make_view_copy   (BlAttachmentList  *self,
                                                       BlAttachment      *attachment,
                                                       GError           **error);

/* For the store: the items (BlAttachment) in order, and the files. */
GPtrArray        *bl_attachment_list_get_items        (BlAttachmentList  *self);
BlAttachmentFiles *bl_attachment_list_get_files       (BlAttachmentList  *self);
/* For the store, after the save committed. */
void              bl_attachment_list_mark_saved       (BlAttachmentList  *self,
                                                       gint64             activity_id);

G_END_DECLS
