/* bl-disk.c: files written to stay written */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bl-disk.h"

gboolean
bl_disk_write_all (int           fd,
                   gconstpointer data,
                   gsize         length)
{
  const guint8 *next = data;

  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  while (length > 0)
    {
      ssize_t done = write (fd, next, length);

      if (done < 0 && errno == EINTR)
        continue;
      if (done <= 0)
        return FALSE;
      next += done;
      length -= (gsize) done;
    }
  return TRUE;
}

void
bl_disk_sync_dir (const char *dir)
{
  int fd;

  g_return_if_fail (dir != NULL);

  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}
