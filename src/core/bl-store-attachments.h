/* bl-store-attachments.h: an activity's attachments in the ledger: photos,
 * scans and documents kept in the folder beside it (bl-attachment-files.h),
 * named by rows written in the record's own transaction */
#pragma once

#include "bl-attachment-list.h"
#include "bl-store.h"

G_BEGIN_DECLS

/* The ledger's attachments folder: "<folder>/<name>-attachments". */
char             *bl_store_get_attachments_dir   (BlStore           *self);

/* The attachments of activity @activity_id as a new list, in their order;
 * an empty list for 0 (an activity not saved yet). */
BlAttachmentList *bl_store_load_attachments      (BlStore           *self,
                                                  gint64             activity_id,
                                                  GError           **error);
/* The numbers (gint64) of the activities that have attachments, ascending. */
GArray           *bl_store_list_attached_activities (BlStore        *self,
                                                  GError           **error);
/* Writes @attachments as activity @activity_id's: the files added are put
 * in place, then the rows written, in one transaction (a savepoint inside
 * an open one); the files of those removed stay a day for an undo, then
 * are collected. The list then reads as saved. */
gboolean          bl_store_save_attachments      (BlStore           *self,
                                                  gint64             activity_id,
                                                  BlAttachmentList  *attachments,
                                                  GError           **error);
/* The record editor's save: bl_store_save_activity() and, unless
 * @attachments is NULL, bl_store_save_attachments() for its id, in one
 * transaction. */
gboolean          bl_store_save_record           (BlStore           *self,
                                                  BlActivity        *activity,
                                                  GListModel        *attendance,
                                                  BlAttachmentList  *attachments,
                                                  GError           **error);

/* --attach, and "添加签到表照片" outside the editor: reads @files in and adds
 * them to the activity's attachments in one transaction; nothing is saved
 * when one is refused. */
gboolean          bl_store_attach_files          (BlStore           *self,
                                                  gint64             activity_id,
                                                  GFile            **files,
                                                  guint              n_files,
                                                  BlAttachmentAddFlags flags,
                                                  GError           **error);
/* --detach: removes the attachment named @name. */
gboolean          bl_store_detach                (BlStore           *self,
                                                  gint64             activity_id,
                                                  const char        *name,
                                                  GError           **error);

/* The file holding a saved attachment's content, to read (print draws the
 * pictures from it). */
char             *bl_store_get_attachment_path   (BlStore           *self,
                                                  BlAttachment      *attachment);

G_END_DECLS
