/* bl-test-vfs.h: a SQLite VFS over the real one that can run out of disk
 * space, or end the process as a kill would, at a chosen write */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the shim the default VFS of this process (once). */
void   bl_test_vfs_install          (void);
/* After @bytes more bytes written, every write fails with SQLITE_FULL, as
 * on a full disk; -1: never. */
void   bl_test_vfs_set_disk_space   (gint64 bytes);
/* The process ends with _exit (99), nothing flushed or closed, just before
 * the @n-th next write, sync, truncate or delete (counted from 1); 0: never. */
void   bl_test_vfs_exit_at          (guint64 n);
/* Writes, syncs, truncates and deletes so far. */
guint64 bl_test_vfs_get_operations  (void);

G_END_DECLS
