/* bl-attachment-chooser.h: the file chooser for attachments: photos, scans
 * and documents, several at once; or, for a signed sign-in sheet, its one
 * photo or scan */
#pragma once

#include <gtk/gtk.h>

#include "bl-attachment-list.h"

G_BEGIN_DECLS

/* @files (GFile), never empty; not called when the person cancels. */
typedef void (*BlAttachmentChosenFunc) (GPtrArray *files,
                                        gpointer   user_data);

/* Asks over @owner's window (modal) for files to attach, with @flags as
 * bl_attachment_list_add_files() takes them; @chosen gets them, then
 * @destroy frees @user_data (the person cancelled or not). */
void bl_attachment_chooser_run (GtkWidget              *owner,
                                BlAttachmentAddFlags    flags,
                                BlAttachmentChosenFunc  chosen,
                                gpointer                user_data,
                                GDestroyNotify          destroy);

G_END_DECLS
