/* bl-attachment-repo.h: the rows naming an activity's attachments (the
 * files themselves are bl-attachment-files.h's) */
#pragma once

#include "bl-attachment.h"
#include "bl-activity.h"
#include "bl-db.h"

G_BEGIN_DECLS

/* Appends activity @activity_id's attachments (BlAttachment) to @into, in
 * their order. */
gboolean    bl_attachment_repo_load         (BlDb         *db,
                                             gint64        activity_id,
                                             GPtrArray    *into,
                                             GError      **error);
/* Makes the activity's attachments @attachments (BlAttachment, in order):
 * rows of others go (their SHA-256s appended to @gone), new ones (id 0) are
 * inserted and get their ids, the others take their caption and place. Call
 * inside a transaction, once the files of the new ones are in place. */
gboolean    bl_attachment_repo_save         (BlDb         *db,
                                             gint64        activity_id,
                                             GPtrArray    *attachments,
                                             GPtrArray    *gone,
                                             GError      **error);
/* The SHA-256s every row names (a set: keys only). */
GHashTable *bl_attachment_repo_referenced   (BlDb         *db,
                                             GError      **error);
/* The numbers (gint64) of the activities that have attachments, ascending. */
GArray     *bl_attachment_repo_list_activities (BlDb      *db,
                                             GError      **error);
/* The number of attachments of an activity. */
guint       bl_attachment_repo_count        (BlDb         *db,
                                             gint64        activity_id);

/* The undo of a delete: before activity @activity_id goes, its rows are kept
 * on this connection (a temporary table, gone when the ledger closes); an
 * activity saved later with the same id, kind, date and topic gets them
 * back. Both inside the transaction that deletes or saves; the SHA-256s
 * concerned are appended to @sha256s. */
gboolean    bl_attachment_repo_keep_deleted (BlDb         *db,
                                             gint64        activity_id,
                                             GPtrArray    *sha256s,
                                             GError      **error);
gboolean    bl_attachment_repo_restore_deleted (BlDb      *db,
                                             BlActivity   *activity,
                                             GPtrArray    *sha256s,
                                             GError      **error);
/* Removes the activity's rows naming @sha256 (whose file is gone). */
gboolean    bl_attachment_repo_drop         (BlDb         *db,
                                             gint64        activity_id,
                                             const char   *sha256,
                                             GError      **error);

G_END_DECLS
