/* bl-ledger-wal.c: reading a ledger's write-ahead log the way SQLite's
 * recovery does (the WAL format of SQLite's "Database File Format" page),
 * to tell beforehand whether SQLite will replay all of it */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-ledger-wal.h"
#include "bl-store-error.h"

#define WAL_HEADER_SIZE  32
#define FRAME_HEADER_SIZE 24
#define WAL_MAGIC_LE     0x377f0682u  /* checksums over little-endian words */
#define WAL_MAGIC_BE     0x377f0683u  /* checksums over big-endian words */
#define WAL_VERSION      3007000u
#define MIN_PAGE_SIZE    512

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
get_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* SQLite's WAL checksum: Fibonacci-weighted sums over pairs of 32-bit words,
 * carried on from @s (the previous frame's, or zero for the header). */
static void
wal_checksum (gboolean      big_endian,
              const guint8 *data,
              gsize         length,
              guint32       s[2])
{
  for (gsize i = 0; i + 8 <= length; i += 8)
    {
      guint32 a = big_endian ? get_be32 (data + i) : get_le32 (data + i);
      guint32 b = big_endian ? get_be32 (data + i + 4) : get_le32 (data + i + 4);

      s[0] += a + s[1];
      s[1] += b + s[0];
    }
}

static gboolean
read_at (int      fd,
         guint8  *buffer,
         gsize    length,
         goffset  offset)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t got = pread (fd, buffer + done, length - done, offset + (goffset) done);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        return FALSE;
      done += (gsize) got;
    }
  return TRUE;
}

/* The frame at @frame (its header and page) checked from checksum @seed. */
static gboolean
frame_checks (const guint8  *frame,
              guint32        page_size,
              gboolean       big_endian,
              const guint32  seed[2])
{
  guint32 s[2] = { seed[0], seed[1] };

  wal_checksum (big_endian, frame, 8, s);
  wal_checksum (big_endian, frame + FRAME_HEADER_SIZE, page_size, s);
  return s[0] == get_be32 (frame + 16) && s[1] == get_be32 (frame + 20);
}

static gboolean
scan_once (int           fd,
           gsize         size,
           guint8        header[WAL_HEADER_SIZE],
           BlLedgerWal  *scan)
{
  g_autofree guint8 *frame = NULL;
  guint32 magic, page_size, s[2] = { 0, 0 };
  guint32 previous[2];
  gboolean big_endian, chain = TRUE;

  memset (scan, 0, sizeof *scan);
  scan->size = size;
  if (size < WAL_HEADER_SIZE)
    return TRUE;
  if (!read_at (fd, header, WAL_HEADER_SIZE, 0))
    return FALSE;

  magic = get_be32 (header);
  page_size = get_be32 (header + 8);
  if ((magic != WAL_MAGIC_LE && magic != WAL_MAGIC_BE) || get_be32 (header + 4) != WAL_VERSION ||
      page_size < MIN_PAGE_SIZE || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return TRUE;
  big_endian = magic == WAL_MAGIC_BE;
  wal_checksum (big_endian, header, 24, s);
  if (s[0] != get_be32 (header + 24) || s[1] != get_be32 (header + 28))
    return TRUE;
  scan->header_valid = TRUE;

  frame = g_malloc (FRAME_HEADER_SIZE + page_size);
  previous[0] = s[0];
  previous[1] = s[1];
  scan->frames = (guint) ((size - WAL_HEADER_SIZE) / (FRAME_HEADER_SIZE + page_size));
  for (guint i = 0; i < scan->frames; i++)
    {
      goffset offset = WAL_HEADER_SIZE + (goffset) i * (FRAME_HEADER_SIZE + page_size);
      gboolean ours, commit;

      if (!read_at (fd, frame, FRAME_HEADER_SIZE + page_size, offset))
        return FALSE;
      ours = memcmp (frame + 8, header + 16, 8) == 0;
      commit = get_be32 (frame + 4) != 0;

      if (chain)
        {
          if (ours && frame_checks (frame, page_size, big_endian, s))
            {
              s[0] = get_be32 (frame + 16);
              s[1] = get_be32 (frame + 20);
              if (commit)
                {
                  scan->replayed = i + 1;
                  scan->commits++;
                }
              previous[0] = s[0];
              previous[1] = s[1];
              continue;
            }
          /* SQLite stops here. What follows is either leftovers (other
           * salts, or an unfinished save without a commit) or lost. */
          chain = FALSE;
          if (ours && commit)
            scan->lost_commits++;
        }
      else if (ours && commit && frame_checks (frame, page_size, big_endian, previous))
        scan->lost_commits++;
      previous[0] = get_be32 (frame + 16);
      previous[1] = get_be32 (frame + 20);
    }
  return TRUE;
}

gboolean
bl_ledger_wal_scan (const char   *wal_path,
                    BlLedgerWal  *scan,
                    GError      **error)
{
  guint8 before[WAL_HEADER_SIZE], after[WAL_HEADER_SIZE];
  struct stat st;
  int fd;

  g_return_val_if_fail (wal_path != NULL, FALSE);
  g_return_val_if_fail (scan != NULL, FALSE);

  memset (scan, 0, sizeof *scan);
  fd = g_open (wal_path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0 && errno == ENOENT)
    return TRUE;
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved = fd < 0 ? errno : EINVAL;

      if (fd >= 0)
        close (fd);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("Cannot read “%s”: %s"), wal_path, g_strerror (saved));
      return FALSE;
    }

  /* Another program may reset the log while we read it: its new header is
   * written before its first frame, so an unchanged header afterwards means
   * that the frames read belong to it. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      memset (before, 0, sizeof before);
      memset (after, 0, sizeof after);
      if (fstat (fd, &st) != 0 || !scan_once (fd, (gsize) st.st_size, before, scan))
        break;
      if (scan->size < WAL_HEADER_SIZE ||
          (read_at (fd, after, WAL_HEADER_SIZE, 0) && memcmp (before, after, WAL_HEADER_SIZE) == 0))
        {
          close (fd);
          return TRUE;
        }
    }
  close (fd);
  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot read “%s”"), wal_path);
  return FALSE;
}

gboolean
bl_ledger_wal_is_damaged (const BlLedgerWal *scan)
{
  g_return_val_if_fail (scan != NULL, FALSE);

  if (!scan->header_valid)
    return scan->size >= WAL_HEADER_SIZE + FRAME_HEADER_SIZE + MIN_PAGE_SIZE;
  return scan->lost_commits > 0;
}
