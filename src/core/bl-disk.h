/* bl-disk.h: files written to stay written: every byte of a buffer, and a
 * folder synced after a rename in it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes all @length bytes of @data to @fd, again after an interrupted
 * write; FALSE with errno set when the file takes no more (errno may be 0
 * when write() wrote nothing without an error). */
gboolean bl_disk_write_all (int          fd,
                            gconstpointer data,
                            gsize        length);
/* Syncs the folder @dir, so that a rename in it survives a power cut. */
void     bl_disk_sync_dir  (const char  *dir);

G_END_DECLS
