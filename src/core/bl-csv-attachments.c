/* bl-csv-attachments.c: attachments in the CSV export and import: the 附件
 * and 附件说明 cells, and the files in 附件/<编号>/ */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-csv-attachments.h"
#include "bl-disk.h"
#include "bl-store-attachments.h"

#define NAME_SEPARATOR "、"

/* Whether @path already holds @attachment's content. */
static gboolean
same_content (const char   *path,
              BlAttachment *attachment)
{
  g_autofree char *data = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || (guint64) st.st_size != bl_attachment_get_size (attachment))
    return FALSE;
  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  return g_str_equal (sha256, bl_attachment_get_sha256 (attachment));
}

gboolean
bl_csv_attachments_cells (BlStore     *store,
                          BlActivity  *activity,
                          char       **names,
                          char       **captions,
                          GError     **error)
{
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(GString) name_cell = g_string_new (NULL);
  g_autoptr(GString) caption_cell = g_string_new (NULL);
  guint n, last_caption = 0;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), FALSE);

  *names = NULL;
  *captions = NULL;
  if (bl_activity_get_attachment_count (activity) == 0)
    {
      *names = g_strdup ("");
      *captions = g_strdup ("");
      return TRUE;
    }
  list = bl_store_load_attachments (store, bl_activity_get_id (activity), error);
  if (list == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (i > 0)
        {
          g_string_append (name_cell, NAME_SEPARATOR);
          g_string_append_c (caption_cell, '\n');
        }
      g_string_append (name_cell, bl_attachment_get_name (attachment));
      g_string_append (caption_cell, bl_attachment_get_caption (attachment));
      if (*bl_attachment_get_caption (attachment) != '\0')
        last_caption = caption_cell->len;
    }
  /* No lines after the last caption: none at all when nothing is captioned. */
  g_string_truncate (caption_cell, last_caption);
  *names = g_string_free (g_steal_pointer (&name_cell), FALSE);
  *captions = g_string_free (g_steal_pointer (&caption_cell), FALSE);
  return TRUE;
}

gboolean
bl_csv_attachments_write_dir (BlStore     *store,
                              const char  *dir,
                              GError     **error)
{
  g_autoptr(GArray) activities = NULL;
  g_autofree char *top = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  /* Only those with files: not the thousands of a 20-year ledger. */
  activities = bl_store_list_attached_activities (store, error);
  if (activities == NULL)
    return FALSE;
  top = g_build_filename (dir, BL_CSV_ATTACHMENTS_DIR, NULL);

  for (guint i = 0; i < activities->len; i++)
    {
      gint64 id = g_array_index (activities, gint64, i);
      g_autoptr(BlAttachmentList) list = NULL;
      g_autofree char *number = NULL;
      g_autofree char *folder = NULL;
      guint n;

      list = bl_store_load_attachments (store, id, error);
      if (list == NULL)
        return FALSE;
      number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      folder = g_build_filename (top, number, NULL);
      if (!bl_disk_make_dir (folder, error))
        return FALSE;

      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), j);
          g_autofree char *dest = g_build_filename (folder, bl_attachment_get_name (attachment), NULL);

          if (same_content (dest, attachment))
            continue;
          if (!bl_attachment_files_export (bl_attachment_list_get_files (list), bl_attachment_get_sha256 (attachment),
                                           dest, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
bl_csv_attachments_import (BlStore     *store,
                           const char  *csv_path,
                           const char  *number,
                           gint64       activity_id,
                           const char  *names,
                           const char  *captions,
                           GError     **error)
{
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BlAttachmentList) list = NULL;
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  guint n_names = 0, before;
  guint64 parsed;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);

  if (names == NULL || *names == '\0')
    return TRUE;
  if (number == NULL || *number == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("the files of the 附件 column are found by the 编号 column, which is empty"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &parsed, NULL))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("“%s” is not an activity number"), number);
      return FALSE;
    }

  base = g_path_get_dirname (csv_path);
  folder = g_build_filename (base, BL_CSV_ATTACHMENTS_DIR, number, NULL);
  listed = g_strsplit (names, NAME_SEPARATOR, -1);
  for (guint i = 0; listed[i] != NULL; i++)
    {
      const char *name = g_strstrip (listed[i]);
      g_autofree char *path = NULL;

      if (*name == '\0')
        continue;
      /* A name, never a way out of the folder. */
      if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL || g_str_equal (name, ".") ||
          g_str_equal (name, ".."))
        {
          g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                       _("“%s” in the 附件 column is not a file's name"), name);
          return FALSE;
        }
      path = g_build_filename (folder, name, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
      n_names++;
    }
  lines = g_strsplit (captions != NULL ? captions : "", "\n", -1);
  if (g_strv_length (lines) > MAX (n_names, 1))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("the 附件说明 column has more lines than the 附件 column has files"));
      return FALSE;
    }

  list = bl_store_load_attachments (store, activity_id, error);
  if (list == NULL)
    return FALSE;
  before = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (!bl_attachment_list_add_files (list, (GFile **) files->pdata, files->len, NULL, BL_ATTACHMENT_ADD_NONE,
                                     NULL, error))
    return FALSE;
  for (guint i = 0; lines[i] != NULL && i < n_names; i++)
    {
      g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), before + i);

      bl_attachment_set_caption (attachment, g_strchomp (lines[i]));
    }
  return bl_store_save_attachments (store, activity_id, list, error);
}
