/* bl-attachment-row.h: one file kept with the record, in the record
 * editor's attachments: its thumbnail (or its kind's icon), name, kind and
 * size, and its caption, typed straight into the attachment. A click on the
 * picture asks to open the file; the bin asks to remove it. */
#pragma once

#include <adwaita.h>

#include "bl-attachment.h"

G_BEGIN_DECLS

#define BL_TYPE_ATTACHMENT_ROW (bl_attachment_row_get_type ())
G_DECLARE_FINAL_TYPE (BlAttachmentRow, bl_attachment_row, BL, ATTACHMENT_ROW, GtkListBoxRow)

GtkWidget    *bl_attachment_row_new            (BlAttachment    *attachment);
/* The attachment shown (borrowed). */
BlAttachment *bl_attachment_row_get_attachment (BlAttachmentRow *self);
/* Shows @thumbnail in place of the kind's icon (NULL: the icon). */
void          bl_attachment_row_set_thumbnail  (BlAttachmentRow *self,
                                                GdkPaintable    *thumbnail);
/* Whether a thumbnail is shown. */
gboolean      bl_attachment_row_has_thumbnail  (BlAttachmentRow *self);
/* The caption's entry (tests type into it). */
GtkEditable  *bl_attachment_row_get_caption_entry (BlAttachmentRow *self);

G_END_DECLS
