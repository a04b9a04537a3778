/* bl-disk.h: files written to stay written: a private folder, a new file
 * beside the one it will replace, every byte of a buffer or of another
 * file, a file flushed to the disk, and a folder synced after a rename in it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the folder @dir and those above it that are missing, readable by
 * their owner only (they hold members' personal data); FALSE with @error
 * set (BL_STORE_ERROR_IO) when it cannot. */
gboolean bl_disk_make_dir    (const char    *dir,
                              GError       **error);
/* A new empty file beside @path, named after it (".NAME.XXXXXX") and
 * readable by its owner only, open for reading and writing; its name in
 * *@temporary. -1 with errno set (and *@temporary NULL) when it cannot be
 * made. */
int      bl_disk_open_beside (const char    *path,
                              char         **temporary);
/* Writes all @length bytes of @data to @fd, again after an interrupted
 * write; FALSE with errno set when the file takes no more (errno may be 0
 * when write() wrote nothing without an error). */
gboolean bl_disk_write_all   (int            fd,
                              gconstpointer  data,
                              gsize          length);
/* Copies what is left of @in to @out, adding it to @checksum when that is
 * not NULL; FALSE with errno set (as bl_disk_write_all() sets it) when
 * reading or writing fails, *@read_failed (when not NULL) saying whether
 * reading did. */
gboolean bl_disk_copy        (int            in,
                              int            out,
                              GChecksum     *checksum,
                              gboolean      *read_failed);
/* Flushes the file @path to the disk; FALSE with errno set when it cannot
 * be opened or synced. */
gboolean bl_disk_sync_file   (const char    *path);
/* Syncs the folder @dir, so that a rename in it survives a power cut. */
void     bl_disk_sync_dir    (const char    *dir);

G_END_DECLS
