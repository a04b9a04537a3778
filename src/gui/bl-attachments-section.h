/* bl-attachments-section.h: the record editor's attachments (附件): photos,
 * scans and documents kept with the record, added with the file chooser or
 * by dropping files, captioned, opened, removed (with Undo), and the
 * signed sign-in sheet (签到表) attached in one step. Files are read in
 * (in a thread) at once and saved with the record: the editor passes
 * bl_attachments_section_get_list() to bl_store_save_record(). */
#pragma once

#include "bl-editor-section.h"
#include "bl-store-attachments.h"

G_BEGIN_DECLS

#define BL_TYPE_ATTACHMENTS_SECTION (bl_attachments_section_get_type ())
G_DECLARE_FINAL_TYPE (BlAttachmentsSection, bl_attachments_section, BL, ATTACHMENTS_SECTION, BlEditorSection)

/* Shows no attachments, offers nothing to change, and lets go of what was
 * under way for the record shown (files being read in, thumbnails, Undo). */
void              bl_attachments_section_clear        (BlAttachmentsSection *self);
/* Shows the attachments of activity @activity_id of @store (0: a record
 * not saved yet, none). Nothing counts as changed. When they cannot be
 * loaded, says why and offers nothing to change (the record then saves
 * without touching its attachments). Nothing of a record shown before stays. */
void              bl_attachments_section_load         (BlAttachmentsSection *self,
                                                       BlStore              *store,
                                                       gint64                activity_id);
/* The attachments as the record will be saved with them, or NULL when they
 * could not be loaded (borrowed). */
BlAttachmentList *bl_attachments_section_get_list     (BlAttachmentsSection *self);
/* Reads @files in, in a thread, and adds them all, or none and says why
 * (too big, unreadable, gone while read; for a sign-in sheet, not a
 * picture or PDF). "busy" meanwhile. */
void              bl_attachments_section_add_files    (BlAttachmentsSection *self,
                                                       GFile               **files,
                                                       guint                 n_files,
                                                       BlAttachmentAddFlags  flags);
/* Asks for files (BL_ATTACHMENT_ADD_SIGNIN_SHEET: one picture or PDF) in
 * the file chooser, then adds them. */
void              bl_attachments_section_choose_files (BlAttachmentsSection *self,
                                                       BlAttachmentAddFlags  flags);
/* Whether files are being read in (the record cannot be saved before). */
gboolean          bl_attachments_section_get_busy     (BlAttachmentsSection *self);
/* Why the last files were refused, as shown, or NULL. */
const char       *bl_attachments_section_get_error    (BlAttachmentsSection *self);

G_END_DECLS
