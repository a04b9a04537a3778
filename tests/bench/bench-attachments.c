/* bench-attachments.c: 200 photos attached over three days, and what the
 * daily backups cost for them: the time of each day's first open (the
 * ledger's copy and the attachments'), the space of the ledger's folder and
 * of the backups' shared folder, and how many files each backup copied.
 *   ninja -C build tests/bench/bench-attachments && build/tests/bench/bench-attachments
 * The photos are made first (2400 × 1800 JPEGs of noise and gradients,
 * about what a phone's photo weighs); that takes a minute or so. */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "bl-attachment-files.h"
#include "bl-clock.h"
#include "bl-store-attachments.h"
#include "bl-test-common.h"

#define PHOTOS 200
#define DAYS   3

static char *
make_photo (const char *dir,
            guint       n,
            GRand      *rand)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 2400, 1800);
  g_autofree char *name = g_strdup_printf ("IMG_%04u.jpg", n);
  char *path = g_build_filename (dir, name, NULL);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < 1800; y++)
    for (int x = 0; x < 2400; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        guint noise = g_rand_int (rand);

        p[0] = (guchar) (x / 10 + n + (noise & 0x1f));
        p[1] = (guchar) (y / 8 + ((noise >> 8) & 0x1f));
        p[2] = (guchar) ((x + y) / 16 + ((noise >> 16) & 0x1f));
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", NULL, "quality", "90", NULL));
  return path;
}

/* Bytes under @path, and the number of files. */
static guint64
du (const char *path,
    guint      *files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GStatBuf st;
  const char *name;
  guint64 total = 0;

  if (dir == NULL)
    {
      if (g_stat (path, &st) == 0)
        {
          (*files)++;
          return (guint64) st.st_size;
        }
      return 0;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      total += du (child, files);
    }
  return total;
}

static void
report_sizes (const char *label,
              const char *path)
{
  guint files = 0;
  guint64 bytes = du (path, &files);
  g_autofree char *size = g_format_size (bytes);

  g_print ("  %-34s %5u files %12s\n", label, files, size);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *live = g_build_filename (dir, "ledger-attachments", NULL);
  g_autofree char *shared = g_build_filename (dir, "backups", "ledger-attachments", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GError) error = NULL;
  BlClock *clock = bl_clock_get_default ();
  guint64 photo_bytes = 0;
  gint64 id = 0;

  g_print ("Making %u photos…\n", PHOTOS);
  for (guint i = 0; i < PHOTOS; i++)
    {
      GStatBuf st;

      g_ptr_array_add (photos, make_photo (src, i, rand));
      g_stat (g_ptr_array_index (photos, i), &st);
      photo_bytes += (guint64) st.st_size;
    }
  {
    g_autofree char *size = g_format_size (photo_bytes);
    g_print ("%u photos, %s\n\n", PHOTOS, size);
  }

  for (guint day = 1; day <= DAYS + 1; day++)
    {
      g_autofree char *iso = g_strdup_printf ("2025-03-%02u", day);
      g_autoptr(BlStore) store = NULL;
      guint before = 0, after = 0;
      gint64 start;

      bl_clock_set_fixed_date (clock, iso);
      du (shared, &before);
      start = g_get_monotonic_time ();
      store = bl_store_open (path, &error);
      g_assert_no_error (error);
      du (shared, &after);
      g_print ("Day %u: first open %.2f s (the daily backup), %u files copied into the backups' folder\n",
               day, (g_get_monotonic_time () - start) / 1e6, after - before);

      if (day == 1)
        {
          g_autoptr(BlActivity) activity = bl_activity_new ();

          bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
          bl_activity_set_date (activity, "2025-02-28");
          bl_activity_set_topic (activity, "参观革命历史纪念馆");
          g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
          id = bl_activity_get_id (activity);
        }
      if (day <= DAYS)
        {
          guint first = (day - 1) * PHOTOS / DAYS;
          guint last = day * PHOTOS / DAYS;
          g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = first; i < last; i++)
            g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (photos, i)));
          start = g_get_monotonic_time ();
          g_assert_true (bl_store_attach_files (store, id, (GFile **) files->pdata, files->len,
                                                BL_ATTACHMENT_ADD_NONE, &error));
          g_assert_no_error (error);
          g_print ("       attached %u photos in %.2f s (read, hashed, synced, thumbnails made)\n",
                   files->len, (g_get_monotonic_time () - start) / 1e6);
        }
    }

  g_print ("\nAfter %u days:\n", DAYS + 1);
  report_sizes ("the photos attached", src);
  report_sizes ("ledger-attachments/ (all)", live);
  {
    g_autofree char *objects = g_build_filename (live, "objects", NULL);
    g_autofree char *thumbnails = g_build_filename (live, "thumbnails", NULL);

    report_sizes ("  objects/", objects);
    report_sizes ("  thumbnails/", thumbnails);
  }
  report_sizes ("backups/ledger-attachments/", shared);
  report_sizes ("backups/ (all)", backups);
  bl_clock_set_fixed_date (clock, NULL);
  return 0;
}
