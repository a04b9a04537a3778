/* bl-attachment.h: one file kept with an activity's record (a photo of the
 * meeting, the scanned sign-in sheet, the material studied): its name, its
 * caption and what it is; the content lives in the ledger's attachments
 * folder (bl-attachment-files.h), by SHA-256 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  BL_ATTACHMENT_KIND_PHOTO,     /* JPEG, PNG, WebP: shown and printed as a picture */
  BL_ATTACHMENT_KIND_DOCUMENT,  /* PDF, DOCX, XLSX */
  BL_ATTACHMENT_KIND_FILE,      /* anything else, kept as it is */
} BlAttachmentKind;

/* The largest file that can be attached: 50 MB. */
#define BL_ATTACHMENT_MAX_SIZE (50 * 1000 * 1000)
/* The longest caption, in characters. */
#define BL_ATTACHMENT_MAX_CAPTION 100

#define BL_TYPE_ATTACHMENT (bl_attachment_get_type ())
G_DECLARE_FINAL_TYPE (BlAttachment, bl_attachment, BL, ATTACHMENT, GObject)

/* A stored attachment as the ledger has it (@id > 0), or a new one (@id 0). */
BlAttachment     *bl_attachment_new              (gint64        id,
                                                  const char   *name,
                                                  const char   *caption,
                                                  const char   *sha256,
                                                  guint64       size,
                                                  const char   *content_type);

/* 0 until the attachment is saved with its activity. */
gint64            bl_attachment_get_id           (BlAttachment *self);
void              bl_attachment_set_id           (BlAttachment *self,
                                                  gint64        id);
/* The file's name, unique within its activity ("会议照片.jpg"). */
const char       *bl_attachment_get_name         (BlAttachment *self);
void              bl_attachment_set_name         (BlAttachment *self,
                                                  const char   *name);
/* "" for none. Kept on one line, at most BL_ATTACHMENT_MAX_CAPTION
 * characters; notifies "caption". */
const char       *bl_attachment_get_caption      (BlAttachment *self);
void              bl_attachment_set_caption      (BlAttachment *self,
                                                  const char   *caption);
/* The content's SHA-256 in lower-case hex: its name in the folder. */
const char       *bl_attachment_get_sha256       (BlAttachment *self);
guint64           bl_attachment_get_size         (BlAttachment *self);
/* Detected from the content (and the name), e.g. "image/jpeg". */
const char       *bl_attachment_get_content_type (BlAttachment *self);
BlAttachmentKind  bl_attachment_get_kind         (BlAttachment *self);
/* Whether it is a photo (JPEG, PNG, WebP), with a thumbnail. */
gboolean          bl_attachment_is_image         (BlAttachment *self);
/* "照片", "文档", "文件": what the kind is called (translated). */
const char       *bl_attachment_kind_display     (BlAttachmentKind kind);

/* The kind of a content type. */
BlAttachmentKind  bl_attachment_kind_for_content_type (const char *content_type);
/* A name fit to be a file's name in the folder and in an export: no path
 * separators, control characters or "、" (the CSV's separator), at most 200
 * bytes, never empty. */
char             *bl_attachment_clean_name       (const char   *name);

/* For an attachment not saved yet: the copy of the file in the attachments
 * folder's tmp/ it was read into (NULL once saved). An attachment added and
 * never saved removes that copy when it goes. */
const char       *bl_attachment_get_staged_path  (BlAttachment *self);
void              bl_attachment_set_staged_path  (BlAttachment *self,
                                                  const char   *path);

G_END_DECLS
