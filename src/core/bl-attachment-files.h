/* bl-attachment-files.h: the folder beside the ledger that holds its
 * attachments, one file per content (named by its SHA-256), so that a
 * photo attached twice is stored once:
 *
 *   ledger.db
 *   ledger-attachments/          0700
 *     objects/ab/ab12…ef         0600, the content, never changed once written
 *     thumbnails/ab/ab12…ef.png  0600, made once, for pictures
 *     tmp/                       files being read in
 *
 * A file is read into tmp/, synced, and renamed into objects/ inside the
 * transaction that saves the row naming it: after a crash a row never names
 * a missing file, and a file no row names is collected later
 * (bl_attachment_files_collect()), never one that a row names. The daily
 * backups keep a folder of the same layout, shared by every backup. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files no row has named for this long are collected; partial files in
 * tmp/ after BL_ATTACHMENT_FILES_TMP_AGE. In seconds. */
#define BL_ATTACHMENT_FILES_UNUSED_AGE (24 * 60 * 60)
#define BL_ATTACHMENT_FILES_TMP_AGE    (7 * 24 * 60 * 60)

#define BL_TYPE_ATTACHMENT_FILES (bl_attachment_files_get_type ())
G_DECLARE_FINAL_TYPE (BlAttachmentFiles, bl_attachment_files, BL, ATTACHMENT_FILES, GObject)

/* A file read into tmp/: its copy, what it is, and the name it came with. */
typedef struct {
  char    *path;          /* the copy in tmp/ */
  char    *sha256;
  guint64  size;
  char    *content_type;
  char    *name;          /* cleaned (bl_attachment_clean_name()) */
} BlStagedFile;

void               bl_staged_file_free               (BlStagedFile *staged);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlStagedFile, bl_staged_file_free)

/* The folder of the ledger at @ledger_path: "<folder>/<name>-attachments"
 * for "<folder>/<name>.db". Nothing is created until a file is added. */
BlAttachmentFiles *bl_attachment_files_new           (const char   *ledger_path);
/* A folder of the same layout anywhere (the backups'). */
BlAttachmentFiles *bl_attachment_files_new_for_dir   (const char   *dir);
char              *bl_attachment_files_dir_for_ledger (const char  *ledger_path);
const char        *bl_attachment_files_get_dir       (BlAttachmentFiles *self);

char              *bl_attachment_files_object_path   (BlAttachmentFiles *self,
                                                      const char   *sha256);
gboolean           bl_attachment_files_has_object    (BlAttachmentFiles *self,
                                                      const char   *sha256);
/* Every content file present (SHA-256s). */
GPtrArray         *bl_attachment_files_list_objects  (BlAttachmentFiles *self);

/* Reads @source into tmp/ (synced to disk), hashing it and telling its type
 * from its first bytes (and its name). Refused, with nothing left behind:
 * a folder, a file over BL_ATTACHMENT_MAX_SIZE, one that cannot be read,
 * and one that disappears or changes while it is read. Safe to call from
 * another thread. */
BlStagedFile      *bl_attachment_files_stage         (BlAttachmentFiles *self,
                                                      GFile        *source,
                                                      GCancellable *cancellable,
                                                      GError      **error);
/* Puts the file read into @staged_path in its place in objects/ (synced),
 * or, when that content is there already, drops the copy. Marks the
 * content as used now, so that a collection in the next day leaves it. */
gboolean           bl_attachment_files_commit        (BlAttachmentFiles *self,
                                                      const char   *staged_path,
                                                      const char   *sha256,
                                                      GError      **error);
/* Marks the content as used now (a row naming it just went: an undo may
 * bring it back). */
void               bl_attachment_files_touch         (BlAttachmentFiles *self,
                                                      const char   *sha256);

/* Copies the content @sha256 from @from into @self unless @self has it,
 * checking the copy against its SHA-256 (a damaged file is refused). */
gboolean           bl_attachment_files_copy_from     (BlAttachmentFiles *self,
                                                      BlAttachmentFiles *from,
                                                      const char   *sha256,
                                                      GError      **error);
/* Copies the content @sha256 to @dest (0600, replaced only once whole). */
gboolean           bl_attachment_files_export        (BlAttachmentFiles *self,
                                                      const char   *sha256,
                                                      const char   *dest,
                                                      GError      **error);
gboolean           bl_attachment_files_remove        (BlAttachmentFiles *self,
                                                      const char   *sha256);

/* The PNG thumbnail of a picture, made (once) when missing, from
 * @source_path (a file read in and not saved yet) or else the content file;
 * NULL with @error for what is no picture or cannot be decoded. */
GBytes            *bl_attachment_files_load_thumbnail (BlAttachmentFiles *self,
                                                      const char   *sha256,
                                                      const char   *content_type,
                                                      const char   *source_path,
                                                      GError      **error);

/* Removes what no row names: content files in @referenced's keys not
 * found and untouched for BL_ATTACHMENT_FILES_UNUSED_AGE seconds before
 * @now (seconds since the epoch), their thumbnails, and partial files in
 * tmp/ older than BL_ATTACHMENT_FILES_TMP_AGE. Returns how many content
 * files went. The caller holds the ledger's write lock, so that no save
 * names a file while it goes. */
guint              bl_attachment_files_collect       (BlAttachmentFiles *self,
                                                      GHashTable   *referenced,
                                                      gint64        now);

/* A read-only copy of a file, named @name, in the user's runtime folder, for
 * the system's default application to open: the application sees the name
 * and extension, and cannot change what the ledger keeps. */
char              *bl_attachment_files_view_copy     (const char   *source_path,
                                                      const char   *name,
                                                      const char   *sha256,
                                                      GError      **error);

G_END_DECLS
