/* bl-attachment-files.c: the attachments folder beside the ledger: content
 * files named by SHA-256, written whole and synced before a row names them */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-attachment-files.h"
#include "bl-attachment.h"
#include "bl-disk.h"
#include "bl-image.h"
#include "bl-store-error.h"
#include "db/bl-ledger-file.h"

#define CHUNK (256 * 1024)
#define SNIFF 4096

struct _BlAttachmentFiles
{
  GObject  parent_instance;

  char    *dir;
};

G_DEFINE_FINAL_TYPE (BlAttachmentFiles, bl_attachment_files, G_TYPE_OBJECT)

/* Helpers */

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
subpath (BlAttachmentFiles *self,
         const char        *area,
         const char        *sha256,
         const char        *suffix)
{
  char fan[3] = { sha256[0], sha256[1], '\0' };
  g_autofree char *name = g_strconcat (sha256, suffix, NULL);

  return g_build_filename (self->dir, area, fan, name, NULL);
}

static gboolean
set_io_error (GError    **error,
              const char *format_path,
              int         saved_errno)
{
  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
               /* TRANSLATORS: a file or folder, then what went wrong */
               _("Cannot write “%s”: %s"), format_path, g_strerror (saved_errno));
  return FALSE;
}

/* A new file in @dir, 0600, for writing; its path in @path. */
static int
open_temp (const char  *dir,
           char       **path,
           GError     **error)
{
  g_autofree char *template = NULL;
  int fd;

  if (!bl_disk_make_dir (dir, error))
    return -1;
  template = g_build_filename (dir, ".part-XXXXXX", NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, dir, errno);
      return -1;
    }
  *path = g_steal_pointer (&template);
  return fd;
}

/* Copies @src to @dest through a file beside it: @dest appears whole or not
 * at all. With @sha256 the copy must have that hash (else it is dropped). */
static gboolean
copy_file (const char  *src,
           const char  *dest,
           const char  *sha256,
           int          mode,
           gboolean     durable,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *temp = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  int in, out;
  gboolean read_failed;
  gboolean ok = TRUE;

  in = g_open (src, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      int saved = errno;
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot read “%s”: %s"), src, g_strerror (saved));
      return FALSE;
    }
  out = open_temp (dir, &temp, error);
  if (out < 0)
    {
      close (in);
      return FALSE;
    }
  if (!bl_disk_copy (in, out, checksum, &read_failed))
    {
      int saved = errno;

      if (read_failed)
        g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO, _("Cannot read “%s”: %s"), src, g_strerror (saved));
      else
        set_io_error (error, dest, saved);
      ok = FALSE;
    }
  close (in);

  if (ok && sha256 != NULL && g_strcmp0 (g_checksum_get_string (checksum), sha256) != 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: its content no longer matches what was attached"), src);
      ok = FALSE;
    }
  if (ok && ((durable && fsync (out) != 0) || fchmod (out, (mode_t) mode) != 0))
    ok = set_io_error (error, dest, errno);
  if (close (out) != 0 && ok)
    ok = set_io_error (error, dest, errno);
  if (ok && g_rename (temp, dest) != 0)
    ok = set_io_error (error, dest, errno);
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  if (durable)
    bl_disk_sync_dir (dir);
  return TRUE;
}

/* What the content is: by its bytes first, so that a PDF named .jpg is a
 * PDF; the name decides only among what the bytes leave open (a .docx is a
 * zip archive by its bytes). */
static char *
detect_type (const char   *name,
             const guchar *head,
             gsize         length)
{
  static const char * const by_content[] = {
    "image/jpeg", "image/png", "image/webp", "application/pdf", NULL
  };
  g_autofree char *by_data = g_content_type_guess (NULL, head, length, NULL);
  g_autofree char *by_both = NULL;
  g_autofree char *mime = NULL;

  if (by_data != NULL && g_strv_contains (by_content, by_data))
    return g_steal_pointer (&by_data);
  by_both = g_content_type_guess (name, head, length, NULL);
  mime = by_both != NULL ? g_content_type_get_mime_type (by_both) : NULL;
  /* A name claiming a picture or a PDF the bytes are not is a plain file. */
  if (mime == NULL || g_strv_contains (by_content, mime))
    return g_strdup ("application/octet-stream");
  return g_steal_pointer (&mime);
}

/* GObject */

static void
bl_attachment_files_finalize (GObject *object)
{
  BlAttachmentFiles *self = BL_ATTACHMENT_FILES (object);

  g_free (self->dir);

  G_OBJECT_CLASS (bl_attachment_files_parent_class)->finalize (object);
}

static void
bl_attachment_files_class_init (BlAttachmentFilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_attachment_files_finalize;
}

static void
bl_attachment_files_init (BlAttachmentFiles *self)
{
}

/* Public API */

void
bl_staged_file_free (BlStagedFile *staged)
{
  if (staged == NULL)
    return;
  g_free (staged->path);
  g_free (staged->sha256);
  g_free (staged->content_type);
  g_free (staged->name);
  g_free (staged);
}

char *
bl_attachment_files_dir_for_ledger (const char *ledger_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ledger_path != NULL, NULL);

  dir = g_path_get_dirname (ledger_path);
  stem = bl_ledger_file_stem (ledger_path);
  name = g_strconcat (stem, "-attachments", NULL);
  return g_build_filename (dir, name, NULL);
}

BlAttachmentFiles *
bl_attachment_files_new (const char *ledger_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (ledger_path != NULL, NULL);

  dir = bl_attachment_files_dir_for_ledger (ledger_path);
  return bl_attachment_files_new_for_dir (dir);
}

BlAttachmentFiles *
bl_attachment_files_new_for_dir (const char *dir)
{
  BlAttachmentFiles *self;

  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (BL_TYPE_ATTACHMENT_FILES, NULL);
  self->dir = g_canonicalize_filename (dir, NULL);
  return self;
}

const char *
bl_attachment_files_get_dir (BlAttachmentFiles *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), NULL);
  return self->dir;
}

char *
bl_attachment_files_object_path (BlAttachmentFiles *self,
                                 const char        *sha256)
{
  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), NULL);
  g_return_val_if_fail (is_sha256 (sha256), NULL);

  return subpath (self, "objects", sha256, "");
}

gboolean
bl_attachment_files_has_object (BlAttachmentFiles *self,
                                const char        *sha256)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), FALSE);

  if (!is_sha256 (sha256))
    return FALSE;
  path = subpath (self, "objects", sha256, "");
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

GPtrArray *
bl_attachment_files_list_objects (BlAttachmentFiles *self)
{
  g_autofree char *objects = NULL;
  g_autoptr(GDir) fans = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  const char *fan;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), result);

  objects = g_build_filename (self->dir, "objects", NULL);
  fans = g_dir_open (objects, 0, NULL);
  while (fans != NULL && (fan = g_dir_read_name (fans)) != NULL)
    {
      g_autofree char *fan_path = g_build_filename (objects, fan, NULL);
      g_autoptr(GDir) files = g_dir_open (fan_path, 0, NULL);
      const char *name;

      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        if (is_sha256 (name) && strncmp (name, fan, 2) == 0)
          g_ptr_array_add (result, g_strdup (name));
    }
  return result;
}

BlStagedFile *
bl_attachment_files_stage (BlAttachmentFiles *self,
                           GFile             *source,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(BlStagedFile) staged = g_new0 (BlStagedFile, 1);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *tmp = NULL;
  g_autofree guchar *buffer = NULL;
  guchar head[SNIFF];
  gsize head_length = 0;
  guint64 total = 0;
  gssize got;
  int fd;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shown = g_file_get_parse_name (source);
  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” cannot be read: there is no such file"), shown);
      return NULL;
    }
  if (info == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   /* TRANSLATORS: a file to attach, then why it cannot be read */
                   _("“%s” cannot be read: %s"), shown, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a file: only files can be attached"), shown);
      return NULL;
    }
  if (g_file_info_get_size (info) > BL_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   /* TRANSLATORS: a file, its size ("63.2 MB") */
                   _("“%s” is %s: a file of at most 50 MB can be attached"), shown, size);
      return NULL;
    }

  stream = g_file_read (source, cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("“%s” cannot be read: %s"),
                   shown, local_error->message);
      return NULL;
    }

  tmp = g_build_filename (self->dir, "tmp", NULL);
  fd = open_temp (tmp, &staged->path, error);
  if (fd < 0)
    return NULL;

  buffer = g_malloc (CHUNK);
  while ((got = g_input_stream_read (G_INPUT_STREAM (stream), buffer, CHUNK, cancellable, &local_error)) > 0)
    {
      if (head_length < SNIFF)
        {
          gsize take = MIN ((gsize) got, SNIFF - head_length);
          memcpy (head + head_length, buffer, take);
          head_length += take;
        }
      total += (guint64) got;
      if (total > BL_ATTACHMENT_MAX_SIZE)
        break;
      g_checksum_update (checksum, buffer, got);
      if (!bl_disk_write_all (fd, buffer, (gsize) got))
        {
          set_io_error (error, tmp, errno);
          goto failed;
        }
    }
  if (got < 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("“%s” cannot be read: %s"),
                   shown, local_error->message);
      goto failed;
    }
  if (total > BL_ATTACHMENT_MAX_SIZE)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” grew past 50 MB while it was read: a file of at most 50 MB can be attached"), shown);
      goto failed;
    }

  /* Gone or rewritten while it was read (a USB stick pulled, a scan still
   * being written): what was read may be half of it. */
  after = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                             G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (after == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” disappeared while it was read; nothing was attached"), shown);
      goto failed;
    }
  if ((guint64) g_file_info_get_size (after) != total ||
      g_file_info_get_attribute_uint64 (after, G_FILE_ATTRIBUTE_TIME_MODIFIED) !=
      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” changed while it was read; attach it again once it is complete"), shown);
      goto failed;
    }

  /* On disk before any row can name it. */
  if (fsync (fd) != 0)
    {
      set_io_error (error, tmp, errno);
      goto failed;
    }
  close (fd);
  fd = -1;

  staged->sha256 = g_strdup (g_checksum_get_string (checksum));
  staged->size = total;
  staged->name = bl_attachment_clean_name (g_file_info_get_display_name (info));
  staged->content_type = detect_type (staged->name, head, head_length);

  /* Made once, when the picture comes in; a picture that does not decode
   * simply has none. */
  if (bl_image_can_decode (staged->content_type))
    {
      GBytes *thumbnail = bl_attachment_files_load_thumbnail (self, staged->sha256, staged->content_type,
                                                              staged->path, NULL);

      g_clear_pointer (&thumbnail, g_bytes_unref);
    }
  return g_steal_pointer (&staged);

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (staged->path);
  return NULL;
}

gboolean
bl_attachment_files_commit (BlAttachmentFiles  *self,
                            const char         *staged_path,
                            const char         *sha256,
                            GError            **error)
{
  g_autofree char *object = NULL;
  g_autofree char *fan = NULL;
  g_autofree char *objects = NULL;
  gboolean new_fan;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), FALSE);
  g_return_val_if_fail (is_sha256 (sha256), FALSE);

  object = subpath (self, "objects", sha256, "");
  if (g_file_test (object, G_FILE_TEST_IS_REGULAR))
    {
      /* The same content is there: stored once. */
      if (staged_path != NULL)
        g_unlink (staged_path);
      bl_attachment_files_touch (self, sha256);
      return TRUE;
    }
  if (staged_path == NULL || !g_file_test (staged_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_IO,
                   _("The copy of an attachment read in is gone from “%s”; add the file again"), self->dir);
      return FALSE;
    }

  fan = g_path_get_dirname (object);
  objects = g_path_get_dirname (fan);
  new_fan = !g_file_test (fan, G_FILE_TEST_IS_DIR);
  if (!bl_disk_make_dir (fan, error))
    return FALSE;
  if (g_rename (staged_path, object) != 0)
    return set_io_error (error, object, errno);
  bl_disk_sync_dir (fan);
  if (new_fan)
    bl_disk_sync_dir (objects);
  bl_attachment_files_touch (self, sha256);
  return TRUE;
}

void
bl_attachment_files_touch (BlAttachmentFiles *self,
                           const char        *sha256)
{
  g_autofree char *object = NULL;

  g_return_if_fail (BL_IS_ATTACHMENT_FILES (self));

  if (!is_sha256 (sha256))
    return;
  object = subpath (self, "objects", sha256, "");
  /* NULL times: now. */
  utimensat (AT_FDCWD, object, NULL, 0);
}

gboolean
bl_attachment_files_copy_from (BlAttachmentFiles  *self,
                               BlAttachmentFiles  *from,
                               const char         *sha256,
                               GError            **error)
{
  g_autofree char *src = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *fan = NULL;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), FALSE);
  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (from), FALSE);
  g_return_val_if_fail (is_sha256 (sha256), FALSE);

  dest = subpath (self, "objects", sha256, "");
  if (g_file_test (dest, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  src = subpath (from, "objects", sha256, "");
  fan = g_path_get_dirname (dest);
  return bl_disk_make_dir (fan, error) && copy_file (src, dest, sha256, 0600, TRUE, error);
}

gboolean
bl_attachment_files_export (BlAttachmentFiles  *self,
                            const char         *sha256,
                            const char         *dest,
                            GError            **error)
{
  g_autofree char *src = NULL;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), FALSE);
  g_return_val_if_fail (is_sha256 (sha256), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  src = subpath (self, "objects", sha256, "");
  return copy_file (src, dest, sha256, 0600, TRUE, error);
}

gboolean
bl_attachment_files_remove (BlAttachmentFiles *self,
                            const char        *sha256)
{
  g_autofree char *object = NULL;
  g_autofree char *thumbnail = NULL;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), FALSE);

  if (!is_sha256 (sha256))
    return FALSE;
  object = subpath (self, "objects", sha256, "");
  thumbnail = subpath (self, "thumbnails", sha256, ".png");
  g_unlink (thumbnail);
  return g_unlink (object) == 0;
}

GBytes *
bl_attachment_files_load_thumbnail (BlAttachmentFiles  *self,
                                    const char         *sha256,
                                    const char         *content_type,
                                    const char         *source_path,
                                    GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *object = NULL;
  g_autofree char *fan = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GBytes) png = NULL;
  gsize length;
  char *data;
  int fd;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), NULL);
  g_return_val_if_fail (is_sha256 (sha256), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = subpath (self, "thumbnails", sha256, ".png");
  if (g_file_get_contents (path, &data, &length, NULL))
    return g_bytes_new_take (data, length);

  object = subpath (self, "objects", sha256, "");
  png = bl_image_make_thumbnail (source_path != NULL ? source_path : object, content_type, error);
  if (png == NULL)
    return NULL;

  /* A cache: made again if lost, so written whole but not synced. */
  fan = g_path_get_dirname (path);
  fd = open_temp (fan, &temp, NULL);
  if (fd >= 0)
    {
      gboolean written = bl_disk_write_all (fd, g_bytes_get_data (png, NULL), g_bytes_get_size (png));

      close (fd);
      if (!written || g_rename (temp, path) != 0)
        g_unlink (temp);
    }
  return g_steal_pointer (&png);
}

/* Whether @path was last changed before @limit (seconds since the epoch). */
static gboolean
older_than (const char *path,
            gint64      limit)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && (gint64) st.st_mtime < limit;
}

guint
bl_attachment_files_collect (BlAttachmentFiles *self,
                             GHashTable        *referenced,
                             gint64             now)
{
  g_autoptr(GPtrArray) present = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *thumbnails = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (BL_IS_ATTACHMENT_FILES (self), 0);
  g_return_val_if_fail (referenced != NULL, 0);

  present = bl_attachment_files_list_objects (self);
  for (guint i = 0; i < present->len; i++)
    {
      const char *sha256 = g_ptr_array_index (present, i);
      g_autofree char *object = NULL;

      if (g_hash_table_contains (referenced, sha256))
        continue;
      object = subpath (self, "objects", sha256, "");
      if (older_than (object, now - BL_ATTACHMENT_FILES_UNUSED_AGE) && bl_attachment_files_remove (self, sha256))
        removed++;
    }

  /* Partial files of reads that never finished (a crash, a killed program). */
  tmp = g_build_filename (self->dir, "tmp", NULL);
  dir = g_dir_open (tmp, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp, name, NULL);

      if (older_than (path, now - BL_ATTACHMENT_FILES_TMP_AGE))
        g_unlink (path);
    }
  g_clear_pointer (&dir, g_dir_close);

  /* Thumbnails of content that is gone. */
  thumbnails = g_build_filename (self->dir, "thumbnails", NULL);
  dir = g_dir_open (thumbnails, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *fan = g_build_filename (thumbnails, name, NULL);
      g_autoptr(GDir) files = g_dir_open (fan, 0, NULL);
      const char *file;

      while (files != NULL && (file = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *sha256 = g_strndup (file, 64);
          g_autofree char *path = g_build_filename (fan, file, NULL);

          if (!g_hash_table_contains (referenced, sha256) && !bl_attachment_files_has_object (self, sha256) &&
              older_than (path, now - BL_ATTACHMENT_FILES_UNUSED_AGE))
            g_unlink (path);
        }
    }
  return removed;
}

char *
bl_attachment_files_view_copy (const char  *source_path,
                               const char  *name,
                               const char  *sha256,
                               GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (source_path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (is_sha256 (sha256), NULL);

  clean = bl_attachment_clean_name (name);
  key = g_strndup (sha256, 16);
  dir = g_build_filename (g_get_user_runtime_dir (), "branch-ledger", "view", key, NULL);
  dest = g_build_filename (dir, clean, NULL);
  if (!bl_disk_make_dir (dir, error) || !copy_file (source_path, dest, sha256, 0400, FALSE, error))
    return NULL;
  return g_steal_pointer (&dest);
}
