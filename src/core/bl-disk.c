/* bl-disk.c: files written to stay written */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bl-disk.h"
#include "bl-store-error.h"

gboolean
bl_disk_make_dir (const char  *dir,
                  GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

int
bl_disk_open_beside (const char  *path,
                     char       **temporary)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (temporary != NULL, -1);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, 0600);
  *temporary = fd >= 0 ? g_steal_pointer (&name) : NULL;
  return fd;
}

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

gboolean
bl_disk_copy (int        in,
              int        out,
              GChecksum *checksum,
              gboolean  *read_failed)
{
  guint8 buffer[65536];
  ssize_t got;

  if (read_failed != NULL)
    *read_failed = FALSE;
  while ((got = read (in, buffer, sizeof buffer)) != 0)
    {
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          if (read_failed != NULL)
            *read_failed = TRUE;
          return FALSE;
        }
      if (checksum != NULL)
        g_checksum_update (checksum, buffer, got);
      if (!bl_disk_write_all (out, buffer, (gsize) got))
        return FALSE;
    }
  return TRUE;
}

gboolean
bl_disk_sync_file (const char *path)
{
  int fd, saved;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  close (fd);
  errno = saved;
  return FALSE;
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
