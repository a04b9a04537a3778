/* test-attachments.c: files kept with a record: attach, detach, the limits,
 * the editor's list (Undo, captions), the undo of a delete, the daily
 * backups (a file copied once), a restore, and the CSV round trip */
#include "config.h"

#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-attachment-files.h"
#include "bl-clock.h"
#include "bl-csv-activities.h"
#include "bl-csv-export.h"
#include "bl-csv-members.h"
#include "bl-report.h"
#include "bl-store-attachments.h"
#include "bl-test-common.h"

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

/* A picture of @width × @height in @format ("jpeg", "png", "webp"), its
 * pixels depending on @seed, written to @dir/@name. */
static char *
write_picture (const char *dir,
               const char *name,
               const char *format,
               int         width,
               int         height,
               guint       seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        p[0] = (guchar) (x * 255 / width + seed);
        p[1] = (guchar) (y * 255 / height + seed * 7);
        p[2] = (guchar) ((x + y + seed * 13) & 0xff);
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, format, &error, NULL));
  g_assert_no_error (error);
  return path;
}

static char *
write_bytes (const char *dir,
             const char *name,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
sha256_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static gint64
add_activity (BlStore    *store,
              const char *date,
              const char *topic)
{
  return bl_test_add_activity (store, BL_KIND_THEME_DAY, BL_ACTIVITY_STATUS_HELD, date, topic);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static guint
count_objects (const char *attachments_dir)
{
  g_autoptr(BlAttachmentFiles) files = bl_attachment_files_new_for_dir (attachments_dir);
  g_autoptr(GPtrArray) objects = bl_attachment_files_list_objects (files);

  return objects->len;
}

/* Back-dates a file by @seconds (as if a day had gone by, without waiting). */
static void
age_file (const char *path,
          gint64      seconds)
{
  struct timespec times[2];

  times[0].tv_sec = times[1].tv_sec = (time_t) (g_get_real_time () / G_USEC_PER_SEC - seconds);
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* Photos, a scan and documents: kinds told by content, stored once by
 * SHA-256, 0600 in a 0700 folder, thumbnails for pictures, counted on the
 * activity. */
static void
test_attach (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *jpeg = write_picture (src, "会议照片.jpg", "jpeg", 1600, 1200, 1);
  g_autofree char *png = write_picture (src, "scan.png", "png", 300, 400, 2);
  g_autofree char *webp = write_picture (src, "photo.webp", "webp", 640, 480, 3);
  g_autofree char *pdf = write_bytes (src, "签到表扫描.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", -1);
  /* The start of a zip archive (a .docx is one): its bytes say zip, its name says Word. */
  static const char zip_start[] = "PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml";
  g_autofree char *docx = write_bytes (src, "学习材料.docx", zip_start, sizeof zip_start - 1);
  g_autofree char *fake = write_bytes (src, "not-a-photo.jpg", "%PDF-1.4\nreally a PDF\n", -1);
  g_autofree char *text = write_bytes (src, "notes.txt", "会议备忘\n", -1);
  g_autofree char *dir = bl_store_get_attachments_dir (store);
  const char *paths[] = { jpeg, png, webp, pdf, docx, fake, text };
  const BlAttachmentKind kinds[] = {
    BL_ATTACHMENT_KIND_PHOTO, BL_ATTACHMENT_KIND_PHOTO, BL_ATTACHMENT_KIND_PHOTO, BL_ATTACHMENT_KIND_DOCUMENT,
    BL_ATTACHMENT_KIND_DOCUMENT, BL_ATTACHMENT_KIND_DOCUMENT, BL_ATTACHMENT_KIND_FILE,
  };
  const char *types[] = {
    "image/jpeg", "image/png", "image/webp", "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf", "text/plain",
  };
  GFile *files[G_N_ELEMENTS (paths)];
  g_autoptr(GError) error = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  gint64 id = add_activity (store, "2025-03-10", "学习全国两会精神");
  gint64 other = add_activity (store, "2025-03-12", "主题党日");
  GListModel *activities = bl_store_get_activities (store);
  struct stat st;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    files[i] = g_file_new_for_path (paths[i]);

  g_signal_connect (activities, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_assert_true (bl_store_attach_files (store, id, files, G_N_ELEMENTS (files), BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);
  /* The activity's row in the live list follows: replaced in place. */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 1);
  g_signal_handlers_disconnect_by_func (activities, items_changed_cb, changes);

  activity = bl_store_get_activity (store, id, &error);
  g_assert_cmpuint (bl_activity_get_attachment_count (activity), ==, G_N_ELEMENTS (paths));

  list = bl_store_load_attachments (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (paths));
  g_assert_false (bl_attachment_list_get_modified (list));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BlAttachment) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *sha = sha256_of (paths[i]);
      g_autofree char *stored = bl_store_get_attachment_path (store, a);
      g_autofree char *basename = g_path_get_basename (paths[i]);
      g_autofree char *stored_sha = sha256_of (stored);

      g_assert_cmpstr (bl_attachment_get_name (a), ==, basename);
      g_assert_cmpstr (bl_attachment_get_content_type (a), ==, types[i]);
      g_assert_cmpint (bl_attachment_get_kind (a), ==, kinds[i]);
      g_assert_cmpstr (bl_attachment_get_sha256 (a), ==, sha);
      g_assert_cmpstr (stored_sha, ==, sha);
      g_assert_true (g_str_has_prefix (stored, dir));
      g_assert_cmpint (g_stat (stored, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_null (bl_attachment_get_staged_path (a));

      if (kinds[i] == BL_ATTACHMENT_KIND_PHOTO)
        {
          g_autoptr(GBytes) thumbnail = bl_attachment_list_load_thumbnail (list, a, &error);
          g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
          GdkPixbuf *small;

          g_assert_no_error (error);
          g_assert_true (gdk_pixbuf_loader_write_bytes (loader, thumbnail, NULL));
          g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
          small = gdk_pixbuf_loader_get_pixbuf (loader);
          g_assert_cmpint (MAX (gdk_pixbuf_get_width (small), gdk_pixbuf_get_height (small)), <=, 256);
          /* Kept small: a few tens of kilobytes at most. */
          g_assert_cmpuint (g_bytes_get_size (thumbnail), <, 200 * 1024);
        }
    }
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (count_objects (dir), ==, G_N_ELEMENTS (paths));
  {
    g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
    g_autofree char *thumbnails = g_build_filename (dir, "thumbnails", NULL);

    /* Nothing left half-read. */
    g_assert_cmpuint (count_files (tmp), ==, 0);
    g_assert_cmpint (g_stat (thumbnails, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  /* The same photo on another record: stored once. */
  g_assert_true (bl_store_attach_files (store, other, files, 1, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_objects (dir), ==, G_N_ELEMENTS (paths));
  /* Twice on the same record: a name of its own. */
  g_assert_true (bl_store_attach_files (store, other, files, 1, BL_ATTACHMENT_ADD_NONE, &error));
  {
    g_autoptr(BlAttachmentList) again = bl_store_load_attachments (store, other, &error);

    g_assert_nonnull (bl_attachment_list_find (again, "会议照片.jpg", NULL));
    g_assert_nonnull (bl_attachment_list_find (again, "会议照片 (2).jpg", NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_object_unref (files[i]);
}

/* --detach: the row goes at once; the file stays a day (for an undo), then
 * goes unless another record names it. */
static void
test_detach (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *a = write_picture (src, "a.jpg", "jpeg", 64, 64, 10);
  g_autofree char *b = write_picture (src, "b.png", "png", 64, 64, 11);
  g_autofree char *dir = bl_store_get_attachments_dir (store);
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  GFile *both[] = { fa, fb };
  g_autoptr(GError) error = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(BlAttachmentFiles) files = bl_attachment_files_new_for_dir (dir);
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sha_a = sha256_of (a);
  g_autofree char *sha_b = sha256_of (b);
  g_autofree char *object_a = bl_attachment_files_object_path (files, sha_a);
  g_autofree char *object_b = bl_attachment_files_object_path (files, sha_b);
  gint64 id = add_activity (store, "2025-03-10", "学习");
  gint64 other = add_activity (store, "2025-03-11", "又一次学习");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (bl_store_attach_files (store, id, both, 2, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_true (bl_store_attach_files (store, other, &fb, 1, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);

  g_assert_false (bl_store_detach (store, id, "nope.jpg", &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bl_store_detach (store, 999, "a.jpg", &error));
  g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  age_file (object_a, 3 * 24 * 3600);
  g_assert_true (bl_store_detach (store, id, "a.jpg", &error));
  g_assert_true (bl_store_detach (store, id, "b.png", &error));
  g_assert_no_error (error);
  list = bl_store_load_attachments (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Still there: detached today (the detach marked it used now). */
  g_hash_table_add (referenced, g_strdup (sha_b));
  g_assert_cmpuint (bl_attachment_files_collect (files, referenced, now), ==, 0);
  g_assert_true (g_file_test (object_a, G_FILE_TEST_EXISTS));
  /* A day later it goes; b stays, another record names it. */
  g_assert_cmpuint (bl_attachment_files_collect (files, referenced, now + 25 * 3600), ==, 1);
  g_assert_false (g_file_test (object_a, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (object_b, G_FILE_TEST_EXISTS));
}

/* Too big, a folder, a missing or unreadable file: refused with a clear
 * message, and nothing saved, not even the files that were fine. */
static void
test_refuse (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *good = write_picture (src, "good.jpg", "jpeg", 64, 64, 20);
  g_autofree char *big = g_build_filename (src, "录像.mp4", NULL);
  g_autofree char *missing = g_build_filename (src, "gone.jpg", NULL);
  g_autofree char *unreadable = write_bytes (src, "secret.pdf", "%PDF-1.4\n", -1);
  g_autofree char *dir = bl_store_get_attachments_dir (store);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_activity (store, "2025-03-10", "学习");
  struct {
    const char *path;
    const char *says;
  } cases[] = {
    { big, "50 MB" },
    { src, "not a file" },
    { missing, "cannot be read" },
    { unreadable, "cannot be read" },
    /* Its size says 0 bytes, then more come: what was read is not what
     * was there, as when a file is written or removed while being read. */
    { "/proc/self/status", "changed while it was read" },
  };
  FILE *f;

  /* 51 MB without writing them: a sparse file. */
  f = fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 51 * 1000 * 1000), ==, 0);
  fclose (f);
  g_assert_cmpint (g_chmod (unreadable, 0), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) first = g_file_new_for_path (good);
      g_autoptr(GFile) bad = g_file_new_for_path (cases[i].path);
      GFile *files[] = { first, bad };
      g_autoptr(BlActivity) activity = NULL;

      /* Root reads any file: that case cannot be made here. */
      if (cases[i].path == unreadable && access (unreadable, R_OK) == 0)
        continue;
      g_assert_false (bl_store_attach_files (store, id, files, 2, BL_ATTACHMENT_ADD_NONE, &error));
      g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);

      activity = bl_store_get_activity (store, id, &error);
      g_assert_cmpuint (bl_activity_get_attachment_count (activity), ==, 0);
      g_assert_cmpuint (count_objects (dir), ==, 0);
      g_assert_cmpuint (count_files (tmp), ==, 0);
    }

  /* A sign-in sheet is a picture or a PDF. */
  {
    g_autofree char *docx = write_bytes (src, "名单.docx", "PK\x03\x04\x14\x00\x00\x00", 8);
    g_autoptr(GFile) file = g_file_new_for_path (docx);

    g_assert_false (bl_store_attach_files (store, id, &file, 1, BL_ATTACHMENT_ADD_SIGNIN_SHEET, &error));
    g_assert_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpuint (count_files (tmp), ==, 0);
  }
}

/* "添加签到表照片": one step, captioned. */
static void
test_signin_photo (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *photo = write_picture (src, "IMG_2031.jpg", "jpeg", 800, 1100, 30);
  g_autoptr(GFile) file = g_file_new_for_path (photo);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(BlAttachment) a = NULL;
  gint64 id = add_activity (store, "2025-03-10", "学习");

  g_assert_true (bl_store_attach_files (store, id, &file, 1, BL_ATTACHMENT_ADD_SIGNIN_SHEET, &error));
  g_assert_no_error (error);
  list = bl_store_load_attachments (store, id, &error);
  a = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (bl_attachment_get_caption (a), ==, bl_attachment_signin_caption ());
  g_assert_cmpstr (bl_attachment_get_name (a), ==, "IMG_2031.jpg");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GError **error = data;

  bl_attachment_list_add_files_finish (BL_ATTACHMENT_LIST (source), result, error);
  g_main_context_wakeup (NULL);
}

/* The editor's list: files added in a thread, removed and put back (Undo),
 * captioned; nothing reaches the ledger until the record is saved, and a
 * new record's attachments are saved with it. */
static void
test_list (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *p1 = write_picture (src, "一.jpg", "jpeg", 320, 240, 40);
  g_autofree char *p2 = write_picture (src, "二.png", "png", 320, 240, 41);
  g_autofree char *p3 = write_picture (src, "三.webp", "webp", 320, 240, 42);
  g_autoptr(GFile) f1 = g_file_new_for_path (p1);
  g_autoptr(GFile) f2 = g_file_new_for_path (p2);
  g_autoptr(GFile) f3 = g_file_new_for_path (p3);
  GFile *files[] = { f1, f2, f3 };
  g_autofree char *dir = bl_store_get_attachments_dir (store);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(BlAttachmentList) list = bl_store_load_attachments (store, 0, NULL);
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(BlAttachment) removed = NULL;
  g_autoptr(GError) error = NULL;
  GError *async_error = NULL;
  guint notified = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), changes);
  g_signal_connect_swapped (list, "notify::modified", G_CALLBACK (count_cb), &notified);

  bl_attachment_list_add_files_async (list, files, 3, "会议照片", BL_ATTACHMENT_ADD_NONE, NULL, added_cb,
                                      &async_error);
  while (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0 && async_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (async_error);
  /* One items-changed for the three. */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 3);
  g_assert_true (bl_attachment_list_get_modified (list));
  g_assert_cmpuint (notified, ==, 1);
  /* Read in, not in the ledger yet. */
  g_assert_cmpuint (count_files (tmp), ==, 3);
  g_assert_cmpuint (count_objects (dir), ==, 0);

  /* A thumbnail before the save. */
  {
    g_autoptr(BlAttachment) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(GBytes) thumbnail = bl_attachment_list_load_thumbnail (list, first, &error);

    g_assert_no_error (error);
    g_assert_nonnull (thumbnail);
    g_assert_cmpstr (bl_attachment_get_caption (first), ==, "会议照片");
  }

  /* Remove, then Undo. */
  removed = bl_attachment_list_remove (list, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 1).removed, ==, 1);
  g_assert_cmpstr (bl_attachment_get_name (removed), ==, "二.png");
  bl_attachment_list_insert (list, 1, removed);
  g_assert_cmpuint (g_array_index (changes, Change, 2).added, ==, 1);
  g_clear_object (&removed);
  /* Remove for good, and a caption. */
  removed = bl_attachment_list_remove (list, 2);
  {
    g_autoptr(BlAttachment) second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    bl_attachment_set_caption (second, "签到表\n（第一页）");
    g_assert_cmpstr (bl_attachment_get_caption (second), ==, "签到表 （第一页）");
  }

  /* A new record saved with its attachments, in one transaction. */
  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_date (activity, "2025-03-20");
  bl_activity_set_topic (activity, "党员大会");
  g_assert_true (bl_store_save_record (store, activity, NULL, list, &error));
  g_assert_no_error (error);
  g_assert_false (bl_attachment_list_get_modified (list));
  g_assert_cmpint (bl_attachment_list_get_activity_id (list), ==, bl_activity_get_id (activity));
  g_assert_cmpuint (bl_activity_get_attachment_count (activity), ==, 2);
  g_assert_cmpuint (count_objects (dir), ==, 2);
  /* The one removed before the save leaves nothing behind once dropped. */
  g_assert_cmpuint (count_files (tmp), ==, 1);
  g_clear_object (&removed);
  g_assert_cmpuint (count_files (tmp), ==, 0);

  {
    g_autoptr(BlAttachmentList) stored = bl_store_load_attachments (store, bl_activity_get_id (activity), &error);
    g_autoptr(BlAttachment) second = g_list_model_get_item (G_LIST_MODEL (stored), 1);
    g_autofree char *view = bl_attachment_list_make_view_copy (stored, second, &error);
    g_autofree char *sha = NULL;
    struct stat st;

    g_assert_no_error (error);
    g_assert_cmpstr (bl_attachment_get_caption (second), ==, "签到表 （第一页）");
    /* A read-only copy under its own name, for the default application. */
    g_assert_true (g_str_has_suffix (view, "/二.png"));
    sha = sha256_of (view);
    g_assert_cmpstr (sha, ==, bl_attachment_get_sha256 (second));
    g_assert_cmpint (g_stat (view, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0400);
  }
}

/* Deleting a record and its Undo: the attachments come back with it. */
static void
test_undo_delete (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *photo = write_picture (src, "合影.jpg", "jpeg", 200, 100, 50);
  g_autoptr(GFile) file = g_file_new_for_path (photo);
  g_autofree char *dir = bl_store_get_attachments_dir (store);
  g_autoptr(BlAttachmentFiles) files = bl_attachment_files_new_for_dir (dir);
  g_autofree char *sha = sha256_of (photo);
  g_autofree char *object = bl_attachment_files_object_path (files, sha);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) copy = NULL;
  g_autoptr(BlActivity) back = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  gint64 id = add_activity (store, "2025-03-10", "学习");
  gint64 later = add_activity (store, "2025-03-11", "后来的学习");
  struct stat before, after;

  g_assert_true (bl_store_attach_files (store, id, &file, 1, BL_ATTACHMENT_ADD_NONE, &error));
  copy = bl_store_get_activity (store, id, &error);
  age_file (object, 3 * 24 * 3600);
  g_assert_cmpint (g_stat (object, &before), ==, 0);
  g_assert_true (bl_store_delete_activity (store, id, &error));
  g_assert_no_error (error);
  /* Marked used now: a collection today leaves it for the undo. */
  g_assert_cmpint (g_stat (object, &after), ==, 0);
  g_assert_cmpint (after.st_mtime, >, before.st_mtime);

  /* Another record saved meanwhile gets nothing of it. */
  {
    g_autoptr(BlActivity) other = bl_store_get_activity (store, later, &error);

    bl_activity_set_content (other, "记录");
    g_assert_true (bl_store_save_activity (store, other, NULL, &error));
    g_assert_cmpuint (bl_activity_get_attachment_count (other), ==, 0);
  }

  g_assert_true (bl_store_save_activity (store, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bl_activity_get_attachment_count (copy), ==, 1);
  back = bl_store_get_activity (store, id, &error);
  g_assert_cmpuint (bl_activity_get_attachment_count (back), ==, 1);
  list = bl_store_load_attachments (store, id, &error);
  g_assert_nonnull (bl_attachment_list_find (list, "合影.jpg", NULL));
}

/* The daily backup: the attachments go with it into one folder shared by
 * the backups; a file already there is not copied again the next day; a
 * file goes once no kept backup names it. A backup copied over the ledger
 * gets its files back from there. */
static void
test_backup (void)
{
  BlClock *clock = bl_clock_get_default ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *shared = g_build_filename (backups, "ledger-attachments", NULL);
  g_autofree char *live_dir = g_build_filename (dir, "ledger-attachments", NULL);
  g_autoptr(BlAttachmentFiles) shared_files = bl_attachment_files_new_for_dir (shared);
  g_autoptr(BlAttachmentFiles) live_files = bl_attachment_files_new_for_dir (live_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_sha = NULL;
  g_autofree char *first_backup = NULL;
  g_autofree char *first_object = NULL;
  struct stat day1, day2;
  gint64 id;

  g_assert_true (bl_clock_set_fixed_date (clock, "2025-03-01"));
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo%u.jpg", i);
      g_ptr_array_add (photos, write_picture (src, name, "jpeg", 120, 90, 60 + i));
    }
  first_sha = sha256_of (g_ptr_array_index (photos, 0));
  first_object = bl_attachment_files_object_path (shared_files, first_sha);

  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(GFile) a = g_file_new_for_path (g_ptr_array_index (photos, 0));
    g_autoptr(GFile) b = g_file_new_for_path (g_ptr_array_index (photos, 1));
    GFile *files[] = { a, b };

    g_assert_no_error (error);
    bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "备份支部", &error);
    id = add_activity (store, "2025-02-20", "学习");
    g_assert_true (bl_store_attach_files (store, id, files, 2, BL_ATTACHMENT_ADD_NONE, &error));
    g_assert_no_error (error);
  }

  /* Day 2: the first open backs up the ledger and its two files. */
  bl_clock_set_fixed_date (clock, "2025-03-02");
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(GFile) c = g_file_new_for_path (g_ptr_array_index (photos, 2));

    g_assert_no_error (error);
    g_assert_cmpuint (count_objects (shared), ==, 2);
    g_assert_cmpint (g_stat (first_object, &day1), ==, 0);
    g_assert_cmpint (day1.st_mode & 0777, ==, 0600);
    g_assert_true (bl_store_attach_files (store, id, &c, 1, BL_ATTACHMENT_ADD_NONE, &error));
  }

  /* Day 3: only the new file is copied; the others are the same files. */
  bl_clock_set_fixed_date (clock, "2025-03-03");
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (count_objects (shared), ==, 3);
    g_assert_cmpint (g_stat (first_object, &day2), ==, 0);
    g_assert_cmpuint (day2.st_ino, ==, day1.st_ino);
    g_assert_cmpint (day2.st_mtime, ==, day1.st_mtime);
    g_assert_cmpint (day2.st_ctime, ==, day1.st_ctime);

    /* Detached today: the live file stays a day, the backups keep it. */
    g_assert_true (bl_store_detach (store, id, "photo0.jpg", &error));
    g_assert_no_error (error);
  }
  first_backup = g_build_filename (backups, "ledger-2025-03-02.db", NULL);
  g_assert_true (g_file_test (first_backup, G_FILE_TEST_EXISTS));

  /* Days 4 to 20: once the backups naming photo0 (days 2 and 3) are
   * pruned, photo0 goes from their folder; the ledger's own copy went long
   * before (unused for a day: made to look so). */
  for (int day = 4; day <= 20; day++)
    {
      g_autofree char *iso = g_strdup_printf ("2025-03-%02d", day);
      g_autofree char *live = bl_attachment_files_object_path (live_files, first_sha);

      if (g_file_test (live, G_FILE_TEST_EXISTS))
        age_file (live, 2 * 24 * 3600);
      bl_clock_set_fixed_date (clock, iso);
      {
        g_autoptr(BlStore) store = bl_store_open (path, &error);
        g_assert_no_error (error);
      }
      g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
      /* The backup of day 3, the last to name photo0, is kept 14 days. */
      g_assert_cmpuint (bl_attachment_files_has_object (shared_files, first_sha), ==,
                        day <= 3 + BL_STORE_BACKUPS_KEPT - 1);
    }
  g_assert_cmpuint (count_objects (shared), ==, 2);
  g_assert_cmpuint (count_objects (live_dir), ==, 2);

  /* A restore: a backup copied over the ledger (the README's way) gets the
   * files it names back from the backups' folder at the next start. */
  {
    g_autofree char *backup = g_build_filename (backups, "ledger-2025-03-19.db", NULL);
    g_autofree char *data = NULL;
    gsize length;
    g_autofree char *second_sha = sha256_of (g_ptr_array_index (photos, 1));
    g_autofree char *second_live = bl_attachment_files_object_path (live_files, second_sha);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_assert_true (g_file_get_contents (backup, &data, &length, NULL));
    g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
    g_unlink (wal);
    g_unlink (shm);
    g_assert_cmpint (g_unlink (second_live), ==, 0);
    {
      g_autoptr(BlStore) store = bl_store_open (path, &error);
      g_autofree char *restored = NULL;

      g_assert_no_error (error);
      restored = sha256_of (second_live);
      g_assert_cmpstr (restored, ==, second_sha);
    }
  }

  /* Restored in the app (Preferences → Restore from Backup…): the ledger as
   * it was is kept aside, and the files only it names are kept for it in the
   * backups' folder; restoring that copy brings them back. */
  {
    g_autofree char *fourth_sha = sha256_of (g_ptr_array_index (photos, 3));
    g_autofree char *fourth_live = bl_attachment_files_object_path (live_files, fourth_sha);
    g_autofree char *backup = g_build_filename (backups, "ledger-2025-03-19.db", NULL);
    g_autofree char *kept = NULL;

    {
      g_autoptr(BlStore) store = bl_store_open (path, &error);
      g_autoptr(GFile) d = g_file_new_for_path (g_ptr_array_index (photos, 3));
      g_autoptr(BlAttachmentList) list = NULL;

      g_assert_true (bl_store_attach_files (store, id, &d, 1, BL_ATTACHMENT_ADD_NONE, &error));
      g_assert_no_error (error);
      g_assert_true (bl_store_restore_backup (store, backup, &kept, &error));
      g_assert_no_error (error);
      g_assert_nonnull (kept);
      list = bl_store_load_attachments (store, id, &error);
      g_assert_null (bl_attachment_list_find (list, "photo3.jpg", NULL));
    }
    /* A day later the ledger's copy of photo3 goes (no row names it), but
     * not before the day's backup kept it for the copy kept aside. */
    age_file (fourth_live, 2 * 24 * 3600);
    bl_clock_set_fixed_date (clock, "2025-03-21");
    {
      g_autoptr(BlStore) store = bl_store_open (path, &error);
      g_assert_no_error (error);
    }
    g_assert_false (g_file_test (fourth_live, G_FILE_TEST_EXISTS));
    g_assert_true (bl_attachment_files_has_object (shared_files, fourth_sha));
    {
      g_autoptr(BlStore) store = bl_store_open (path, &error);
      g_autoptr(BlAttachmentList) list = NULL;
      g_autofree char *again = NULL;

      g_assert_true (bl_store_restore_backup (store, kept, NULL, &error));
      g_assert_no_error (error);
      list = bl_store_load_attachments (store, id, &error);
      g_assert_nonnull (bl_attachment_list_find (list, "photo3.jpg", NULL));
      again = sha256_of (fourth_live);
      g_assert_cmpstr (again, ==, fourth_sha);
    }
  }
  bl_clock_set_fixed_date (clock, NULL);
}

/* --export-csv writes 附件/<编号>/ and the 附件 and 附件说明 columns; the
 * folder's activities.csv imported into a new ledger gives the same files
 * (by SHA-256), names, captions and order, and exporting that gives the same
 * folder again. */
static void
test_csv_round_trip (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(BlStore) copy = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *dir2 = bl_test_make_dir ();
  g_autofree char *p1 = write_picture (src, "会议照片.jpg", "jpeg", 300, 200, 70);
  g_autofree char *p2 = write_picture (src, "签到表.png", "png", 200, 300, 71);
  g_autofree char *p3 = write_bytes (src, "学习材料.pdf", "%PDF-1.4\n%材料\n", -1);
  g_autoptr(GFile) f1 = g_file_new_for_path (p1);
  g_autoptr(GFile) f2 = g_file_new_for_path (p2);
  g_autoptr(GFile) f3 = g_file_new_for_path (p3);
  GFile *files[] = { f1, f2, f3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *members = NULL;
  g_autofree char *csv1 = NULL, *csv2 = NULL;
  g_autofree char *csv2_path = NULL;
  gint64 first = add_activity (store, "2025-03-10", "学习全国两会精神");
  gint64 second;

  /* Numbers that a new ledger would not give in this order. */
  add_activity (store, "2025-01-05", "年初学习");
  second = add_activity (store, "2025-02-01", "春节走访");
  g_assert_true (bl_store_attach_files (store, first, files, 3, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_true (bl_store_attach_files (store, second, files, 1, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);
  list = bl_store_load_attachments (store, first, &error);
  {
    g_autoptr(BlAttachment) a = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(BlAttachment) b = g_list_model_get_item (G_LIST_MODEL (list), 1);

    bl_attachment_set_caption (a, "会议照片1");
    bl_attachment_set_caption (b, bl_attachment_signin_caption ());
    /* The order is the record's: the sign-in sheet first. */
    bl_attachment_list_move (list, 1, 0);
  }
  g_assert_true (bl_store_save_attachments (store, first, list, &error));
  g_assert_no_error (error);

  g_assert_true (bl_csv_export_dir (store, dir, &error));
  g_assert_no_error (error);
  activities = g_build_filename (dir, "activities.csv", NULL);
  members = g_build_filename (dir, "members.csv", NULL);
  g_assert_true (g_file_get_contents (activities, &csv1, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv1, "\xef\xbb\xbf类型,日期,开始时间,结束时间,主题,"));
  g_assert_nonnull (strstr (csv1, ",编号,附件,附件说明\r\n"));
  g_assert_nonnull (strstr (csv1, "签到表.png、会议照片.jpg、学习材料.pdf"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, first);
      g_autofree char *name = g_file_get_basename (files[i]);
      g_autofree char *exported = g_build_filename (dir, "附件", number, name, NULL);
      g_autofree char *a = sha256_of (exported);
      g_autofree char *b = sha256_of (g_file_peek_path (files[i]));
      struct stat st;

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpint (g_stat (exported, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }

  g_assert_true (bl_csv_import_members (copy, members, NULL, &error));
  g_assert_true (bl_csv_import_activities (copy, activities, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BlAttachmentList) again = bl_store_load_attachments (copy, first, &error);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, n);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BlAttachment) a = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autoptr(BlAttachment) b = g_list_model_get_item (G_LIST_MODEL (again), i);
        g_autofree char *path = bl_store_get_attachment_path (copy, b);
        g_autofree char *sha = sha256_of (path);

        g_assert_cmpstr (bl_attachment_get_name (a), ==, bl_attachment_get_name (b));
        g_assert_cmpstr (bl_attachment_get_caption (a), ==, bl_attachment_get_caption (b));
        g_assert_cmpstr (bl_attachment_get_sha256 (a), ==, bl_attachment_get_sha256 (b));
        g_assert_cmpstr (sha, ==, bl_attachment_get_sha256 (a));
      }
  }
  g_assert_true (bl_csv_export_dir (copy, dir2, &error));
  csv2_path = g_build_filename (dir2, "activities.csv", NULL);
  g_assert_true (g_file_get_contents (csv2_path, &csv2, NULL, NULL));
  g_assert_cmpstr (csv1, ==, csv2);

  /* A file the 附件 column names that the folder lacks: the whole import
   * is refused, with the line. */
  {
    g_autoptr(BlStore) third = bl_test_store_new ();
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, first);
    g_autofree char *gone = g_build_filename (dir, "附件", number, "学习材料.pdf", NULL);

    g_assert_true (bl_csv_import_members (third, members, NULL, &error));
    g_assert_cmpint (g_unlink (gone), ==, 0);
    g_assert_false (bl_csv_import_activities (third, activities, NULL, &error));
    g_assert_error (error, BL_CSV_ERROR, BL_CSV_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "学习材料.pdf"));
    g_assert_nonnull (strstr (error->message, "activities.csv:"));
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (third)), ==, 0);
  }
}

/* The monthly summary counts each record's attachments. */
static void
test_report_counts (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *p1 = write_picture (src, "a.jpg", "jpeg", 64, 48, 80);
  g_autofree char *p2 = write_picture (src, "b.png", "png", 64, 48, 81);
  g_autoptr(GFile) f1 = g_file_new_for_path (p1);
  g_autoptr(GFile) f2 = g_file_new_for_path (p2);
  GFile *files[] = { f1, f2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BlReport) report = NULL;
  gint64 with = add_activity (store, "2025-03-10", "有照片");
  gint64 without = add_activity (store, "2025-03-12", "没有照片");

  g_assert_true (bl_store_attach_files (store, with, files, 2, BL_ATTACHMENT_ADD_NONE, &error));
  report = bl_report_build (store, "2025-03", "2025-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->activities->len, ==, 2);
  for (guint i = 0; i < report->activities->len; i++)
    {
      const BlReportActivity *item = g_ptr_array_index (report->activities, i);

      g_assert_cmpuint (item->attachments, ==, item->id == with ? 2 : 0);
      g_assert_true (item->id == with || item->id == without);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attachments/attach", test_attach);
  g_test_add_func ("/attachments/detach", test_detach);
  g_test_add_func ("/attachments/refuse", test_refuse);
  g_test_add_func ("/attachments/signin-photo", test_signin_photo);
  g_test_add_func ("/attachments/list", test_list);
  g_test_add_func ("/attachments/undo-delete", test_undo_delete);
  g_test_add_func ("/attachments/backup", test_backup);
  g_test_add_func ("/attachments/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/attachments/report-counts", test_report_counts);

  return g_test_run ();
}
