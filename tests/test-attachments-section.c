/* test-attachments-section.c: the record editor's attachments, driven
 * through the editor: files added (several at once, and refused ones with
 * nothing saved), captions, remove and Undo, a record that has attachments,
 * the sign-in sheet's photo, and that nothing reaches the ledger before the
 * record is saved */
#include "config.h"

#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-attachment-row.h"
#include "bl-attachments-section.h"
#include "bl-signin-attach.h"
#include "bl-store-attachments.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

typedef struct {
  BlStore          *store;
  BlActivityEditor *editor;
  char             *src;     /* the files to attach */
  gint64            id;      /* a stored activity */
} Fixture;

/* A picture of @width × @height in @format ("jpeg", "png"), written to the
 * fixture's folder. */
static char *
write_picture (Fixture    *f,
               const char *name,
               const char *format,
               int         width,
               int         height,
               guint       seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->src, name, NULL);
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
write_text (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->src, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  f->store = bl_test_store_new ();
  f->src = bl_test_make_dir ();
  bl_test_add_member (f->store, "张书记", "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
  bl_activity_set_date (activity, "2026-11-02");
  bl_activity_set_topic (activity, "学习党章");
  g_assert_true (bl_store_save_activity (f->store, activity, NULL, &error));
  g_assert_no_error (error);
  f->id = bl_activity_get_id (activity);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->editor));
      g_clear_object (&f->editor);
    }
  bl_test_iterate ();
  g_clear_object (&f->store);
  g_free (f->src);
}

static void
open_editor (Fixture *f,
             gint64   id)
{
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  if (id != 0)
    {
      activity = bl_store_get_activity (f->store, id, &error);
      g_assert_no_error (error);
    }
  else
    {
      activity = bl_activity_new ();
      bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
      bl_activity_set_date (activity, "2026-11-09");
      bl_activity_set_topic (activity, "重温入党誓词");
    }
  f->editor = g_object_ref (bl_activity_editor_new (f->store, activity));
  gtk_window_present (GTK_WINDOW (f->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-section", "s", "attachments");
  bl_test_iterate ();
}

static BlAttachmentsSection *
section (Fixture *f)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->editor), BL_TYPE_ACTIVITY_EDITOR, "attachments");

  g_assert_true (BL_IS_ATTACHMENTS_SECTION (child));
  return BL_ATTACHMENTS_SECTION (child);
}

static GListModel *
shown (Fixture *f)
{
  BlAttachmentList *list = bl_attachments_section_get_list (section (f));

  g_assert_nonnull (list);
  return G_LIST_MODEL (list);
}

static gboolean
guard_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the files are read in (a thread's work). The
 * guard only keeps a broken build from hanging the suite. */
static void
wait_until_read (Fixture *f)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (120, guard_cb, &gave_up);

  while (bl_attachments_section_get_busy (section (f)) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (guard);
  bl_test_iterate ();
}

static void
add_paths (Fixture              *f,
           const char * const   *paths,
           BlAttachmentAddFlags  flags)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  bl_attachments_section_add_files (section (f), (GFile **) files->pdata, files->len, flags);
  g_assert_true (bl_attachments_section_get_busy (section (f)));
  wait_until_read (f);
}

/* The rows the section shows, in order. */
static GPtrArray *
rows (Fixture *f)
{
  GPtrArray *found = g_ptr_array_new ();

  bl_test_find_all (GTK_WIDGET (section (f)), bl_test_match_type, GSIZE_TO_POINTER (BL_TYPE_ATTACHMENT_ROW), found);
  return found;
}

/* Waits until each picture's row shows its thumbnail (read in a thread). */
static void
wait_for_thumbnails (Fixture *f,
                     guint    expected)
{
  gboolean gave_up = FALSE;
  guint guard = g_timeout_add_seconds (120, guard_cb, &gave_up);

  for (;;)
    {
      g_autoptr(GPtrArray) found = rows (f);
      guint n = 0;

      for (guint i = 0; i < found->len; i++)
        n += bl_attachment_row_has_thumbnail (found->pdata[i]);
      if (n >= expected || gave_up)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (gave_up);
  g_source_remove (guard);
}

static gboolean
save (Fixture *f)
{
  return bl_activity_editor_save (f->editor);
}

/* What the ledger has for activity @id. */
static BlAttachmentList *
stored (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  BlAttachmentList *list = bl_store_load_attachments (f->store, id, &error);

  g_assert_no_error (error);
  return list;
}

static BlAttachment *
item (GListModel *model,
      guint       position)
{
  g_autoptr(BlAttachment) attachment = g_list_model_get_item (model, position);

  g_assert_nonnull (attachment);
  return attachment;   /* the list holds it */
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

static char *
tmp_dir (Fixture *f)
{
  g_autofree char *dir = bl_store_get_attachments_dir (f->store);

  return g_build_filename (dir, "tmp", NULL);
}

/* Several files at once on a new record: read in, shown with thumbnails,
 * saved with the record, not before. */
static void
test_add_several (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *photo1 = write_picture (f, "会议照片1.jpg", "jpeg", 1600, 1200, 1);
  g_autofree char *photo2 = write_picture (f, "会议照片2.png", "png", 640, 480, 2);
  g_autofree char *notes = write_text (f, "学习材料.txt", "学习党章第一章\n");
  const char *paths[] = { photo1, photo2, notes, NULL };
  g_autofree char *tmp = tmp_dir (f);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(BlAttachmentList) in_ledger = NULL;
  guint before = g_list_model_get_n_items (bl_store_get_activities (f->store));
  gint64 id;

  open_editor (f, 0);
  g_assert_false (bl_activity_editor_get_modified (f->editor));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (section (f)), "No attachments"));

  add_paths (f, paths, BL_ATTACHMENT_ADD_NONE);
  g_assert_null (bl_attachments_section_get_error (section (f)));
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 3);
  g_assert_cmpstr (bl_attachment_get_name (item (shown (f), 0)), ==, "会议照片1.jpg");
  g_assert_cmpstr (bl_attachment_get_name (item (shown (f), 2)), ==, "学习材料.txt");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (section (f)), "3 attachments"));
  g_assert_true (bl_activity_editor_get_modified (f->editor));
  found = rows (f);
  g_assert_cmpuint (found->len, ==, 3);
  /* The two pictures get thumbnails, the text file its icon. */
  wait_for_thumbnails (f, 2);
  g_assert_true (bl_attachment_row_has_thumbnail (found->pdata[0]));
  g_assert_true (bl_attachment_row_has_thumbnail (found->pdata[1]));
  g_assert_false (bl_attachment_row_has_thumbnail (found->pdata[2]));

  /* Read in, but nothing in the ledger: no record, the copies aside. */
  g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (f->store)), ==, before);
  g_assert_cmpuint (count_files (tmp), ==, 3);

  g_assert_true (save (f));
  id = bl_activity_editor_get_id (f->editor);
  g_assert_cmpint (id, >, 0);
  in_ledger = stored (f, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 3);
  g_assert_cmpstr (bl_attachment_get_name (item (G_LIST_MODEL (in_ledger), 1)), ==, "会议照片2.png");
  g_assert_cmpuint (bl_attachment_get_kind (item (G_LIST_MODEL (in_ledger), 2)), ==, BL_ATTACHMENT_KIND_FILE);
  g_assert_cmpuint (count_files (tmp), ==, 0);
  g_assert_false (bl_activity_editor_get_modified (f->editor));
  {
    g_autoptr(BlActivity) activity = bl_store_get_activity (f->store, id, NULL);

    g_assert_cmpuint (bl_activity_get_attachment_count (activity), ==, 3);
  }
}

/* Files dropped on the editor, from any section: the attachments show and
 * the files come in, as with the file chooser. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会议照片.jpg", "jpeg", 640, 480, 9);
  g_autofree char *notes = write_text (f, "发言稿.txt", "发言\n");
  g_autoptr(GFile) file1 = g_file_new_for_path (photo);
  g_autoptr(GFile) file2 = g_file_new_for_path (notes);
  GFile *files[] = { file1, file2 };
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  open_editor (f, f->id);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-section", "s", "details");
  bl_test_iterate ();

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->editor));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, 2));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (
                     gtk_widget_get_template_child (GTK_WIDGET (f->editor), BL_TYPE_ACTIVITY_EDITOR, "view_stack"))),
                   ==, "attachments");
  wait_until_read (f);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 2);
  g_assert_cmpstr (bl_attachment_get_name (item (shown (f), 1)), ==, "发言稿.txt");
  g_assert_true (bl_activity_editor_get_modified (f->editor));
}

/* The record cannot be saved while files are read in: they would be left
 * out of it. */
static void
test_save_waits (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "合影.jpg", "jpeg", 800, 600, 3);
  g_autoptr(GFile) file = g_file_new_for_path (photo);
  g_autoptr(BlAttachmentList) in_ledger = NULL;

  open_editor (f, f->id);
  bl_attachments_section_add_files (section (f), &file, 1, BL_ATTACHMENT_ADD_NONE);
  g_assert_true (bl_attachments_section_get_busy (section (f)));
  g_assert_false (save (f));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (f->editor), "Files are still being read in"));
  wait_until_read (f);
  g_assert_true (save (f));
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 1);
}

/* Refused: a file that is not there (gone before it was read), one over
 * 50 MB; with others, none is added. The reason is shown, the ledger and
 * the folder are as they were. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会议照片.jpg", "jpeg", 640, 480, 4);
  g_autofree char *gone = g_build_filename (f->src, "已删除.jpg", NULL);
  g_autofree char *big = g_build_filename (f->src, "扫描件.pdf", NULL);
  g_autofree char *tmp = tmp_dir (f);
  g_autoptr(BlAttachmentList) in_ledger = NULL;
  const char *with_gone[] = { photo, gone, NULL };
  const char *too_big[] = { big, NULL };
  const char *error;
  int fd;

  /* A sparse file just over the limit. */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, BL_ATTACHMENT_MAX_SIZE + 1), ==, 0);
  close (fd);

  open_editor (f, f->id);
  add_paths (f, with_gone, BL_ATTACHMENT_ADD_NONE);
  error = bl_attachments_section_get_error (section (f));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "None of the 2 files was attached."));
  g_assert_nonnull (strstr (error, "已删除.jpg"));
  g_assert_true (bl_test_shows_text (GTK_WIDGET (section (f)), "None of the 2 files"));
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 0);
  g_assert_false (bl_activity_editor_get_modified (f->editor));
  g_assert_cmpuint (count_files (tmp), ==, 0);

  add_paths (f, too_big, BL_ATTACHMENT_ADD_NONE);
  error = bl_attachments_section_get_error (section (f));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "扫描件.pdf"));
  g_assert_nonnull (strstr (error, "50 MB"));
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 0);
  g_assert_false (bl_activity_editor_get_modified (f->editor));

  /* Saving the record anyway keeps it without attachments. */
  g_assert_true (save (f));
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 0);
  g_assert_cmpuint (count_files (tmp), ==, 0);

  /* The message goes once files come in. */
  {
    const char *good[] = { photo, NULL };

    add_paths (f, good, BL_ATTACHMENT_ADD_NONE);
    g_assert_null (bl_attachments_section_get_error (section (f)));
    g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 1);
  }
}

/* A record with attachments: shown in order, a picture with its
 * thumbnail; a caption typed is saved; removed, then Undo; removed and
 * saved. */
static void
test_caption_remove_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会议照片1.jpg", "jpeg", 640, 480, 5);
  g_autofree char *minutes = write_text (f, "会议记录.txt", "记录\n");
  g_autoptr(GFile) file1 = g_file_new_for_path (photo);
  g_autoptr(GFile) file2 = g_file_new_for_path (minutes);
  GFile *files[] = { file1, file2 };
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(BlAttachmentList) in_ledger = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *remove, *undo;

  g_assert_true (bl_store_attach_files (f->store, f->id, files, 2, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);

  open_editor (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 2);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (section (f)), "2 attachments"));
  g_assert_false (bl_activity_editor_get_modified (f->editor));
  found = rows (f);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (bl_attachment_row_get_attachment (found->pdata[0]) == item (shown (f), 0));
  wait_for_thumbnails (f, 1);
  g_assert_false (bl_attachment_row_has_thumbnail (found->pdata[1]));

  /* The caption, typed. */
  gtk_editable_set_text (bl_attachment_row_get_caption_entry (found->pdata[0]), "会议照片1");
  bl_test_iterate ();
  g_assert_cmpstr (bl_attachment_get_caption (item (shown (f), 0)), ==, "会议照片1");
  g_assert_true (bl_activity_editor_get_modified (f->editor));

  /* Removed with the bin, then put back with Undo. */
  remove = bl_test_child (found->pdata[1], BL_TYPE_ATTACHMENT_ROW, "remove_button");
  g_assert_true (gtk_widget_get_visible (remove));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove from the Record");
  g_clear_pointer (&found, g_ptr_array_unref);
  bl_test_click (remove);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 1);
  g_assert_true (bl_test_shows_text (GTK_WIDGET (section (f)), "“会议记录.txt” removed"));
  undo = bl_test_find_toast_button (GTK_WIDGET (section (f)));
  g_assert_nonnull (undo);
  bl_test_click (undo);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 2);
  g_assert_cmpstr (bl_attachment_get_name (item (shown (f), 1)), ==, "会议记录.txt");
  found = rows (f);
  g_assert_cmpuint (found->len, ==, 2);

  g_assert_true (save (f));
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 2);
  g_assert_cmpstr (bl_attachment_get_caption (item (G_LIST_MODEL (in_ledger), 0)), ==, "会议照片1");
  g_assert_cmpstr (bl_attachment_get_name (item (G_LIST_MODEL (in_ledger), 1)), ==, "会议记录.txt");
  g_clear_object (&in_ledger);

  /* Removed for good once saved without an Undo. */
  gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->editor);
  g_clear_pointer (&found, g_ptr_array_unref);
  open_editor (f, f->id);
  found = rows (f);
  remove = bl_test_child (found->pdata[0], BL_TYPE_ATTACHMENT_ROW, "remove_button");
  g_assert_true (gtk_widget_get_visible (remove));
  g_clear_pointer (&found, g_ptr_array_unref);
  bl_test_click (remove);
  g_assert_true (save (f));
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 1);
  g_assert_cmpstr (bl_attachment_get_name (item (G_LIST_MODEL (in_ledger), 0)), ==, "会议记录.txt");
}

/* "添加签到表照片": one photo, captioned as the sign-in sheet at once; a
 * file that is no picture or PDF is refused. */
static void
test_signin_photo (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *sheet = write_picture (f, "IMG_2041.jpg", "jpeg", 1200, 1600, 6);
  g_autofree char *text = write_text (f, "签到.txt", "张书记\n");
  const char *photo[] = { sheet, NULL };
  const char *wrong[] = { text, NULL };
  g_autoptr(BlAttachmentList) in_ledger = NULL;

  open_editor (f, f->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-section", "s", "attachments"));

  add_paths (f, wrong, BL_ATTACHMENT_ADD_SIGNIN_SHEET);
  g_assert_nonnull (bl_attachments_section_get_error (section (f)));
  g_assert_nonnull (strstr (bl_attachments_section_get_error (section (f)), "签到.txt"));
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 0);

  add_paths (f, photo, BL_ATTACHMENT_ADD_SIGNIN_SHEET);
  g_assert_null (bl_attachments_section_get_error (section (f)));
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 1);
  g_assert_cmpstr (bl_attachment_get_caption (item (shown (f), 0)), ==, bl_attachment_signin_caption ());
  {
    g_autoptr(GPtrArray) found = rows (f);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (gtk_editable_get_text (bl_attachment_row_get_caption_entry (found->pdata[0])), ==,
                     "Sign-in sheet");
  }
  g_assert_true (save (f));
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 1);
  g_assert_cmpstr (bl_attachment_get_caption (item (G_LIST_MODEL (in_ledger), 0)), ==, "Sign-in sheet");
  g_assert_cmpstr (bl_attachment_get_content_type (item (G_LIST_MODEL (in_ledger), 0)), ==, "image/jpeg");
}

/* Files added, then the editor closed without saving: the ledger and its
 * folder are as they were. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会议照片.png", "png", 320, 240, 7);
  const char *paths[] = { photo, NULL };
  g_autofree char *tmp = tmp_dir (f);
  g_autoptr(BlAttachmentList) in_ledger = NULL;

  open_editor (f, f->id);
  add_paths (f, paths, BL_ATTACHMENT_ADD_NONE);
  g_assert_cmpuint (count_files (tmp), ==, 1);
  g_assert_true (bl_activity_editor_get_modified (f->editor));

  gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->editor);
  bl_test_iterate ();

  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 0);
  /* The copy read in went with the editor. */
  g_assert_cmpuint (count_files (tmp), ==, 0);
}

static guint
n_stored (Fixture *f)
{
  g_autoptr(BlAttachmentList) list = stored (f, f->id);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* "添加签到表照片" from the window, outside the editor: one step, saved at
 * once after what the record had; a file that is no photo or scan is
 * refused with an alert and nothing saved. */
static void
test_signin_from_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会议照片.jpg", "jpeg", 320, 240, 11);
  g_autofree char *sheet = write_picture (f, "scan.png", "png", 900, 1200, 12);
  g_autofree char *text = write_text (f, "签到.txt", "张书记\n");
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(BlAttachmentList) in_ledger = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *alert;
  gboolean gave_up = FALSE;
  guint guard;

  g_assert_true (bl_store_attach_files (f->store, f->id, &photo_file, 1, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  bl_test_iterate ();

  guard = g_timeout_add_seconds (120, guard_cb, &gave_up);
  bl_signin_attach_file (window, f->store, f->id, text_file);
  while (bl_alert_get_open () == NULL && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  alert = bl_alert_get_open ();
  bl_alert_response (alert, "close");
  bl_test_iterate ();
  g_assert_cmpuint (n_stored (f), ==, 1);

  bl_signin_attach_file (window, f->store, f->id, sheet_file);
  while (n_stored (f) < 2 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (guard);
  bl_test_iterate ();
  g_assert_null (bl_alert_get_open ());
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 2);
  g_assert_cmpstr (bl_attachment_get_name (item (G_LIST_MODEL (in_ledger), 0)), ==, "会议照片.jpg");
  g_assert_cmpstr (bl_attachment_get_name (item (G_LIST_MODEL (in_ledger), 1)), ==, "scan.png");
  g_assert_cmpstr (bl_attachment_get_caption (item (G_LIST_MODEL (in_ledger), 1)), ==, "Sign-in sheet");
  {
    g_autofree char *tmp = tmp_dir (f);

    g_assert_cmpuint (count_files (tmp), ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor closed while files are read in: once read, they go with the
 * list, their copies too; nothing is saved. */
static void
test_close_while_reading (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会议照片.jpg", "jpeg", 1600, 1200, 10);
  g_autoptr(GFile) file = g_file_new_for_path (photo);
  g_autofree char *tmp = tmp_dir (f);
  g_autoptr(BlAttachmentList) in_ledger = NULL;
  gpointer list;
  gboolean gave_up = FALSE;
  guint guard;

  open_editor (f, f->id);
  bl_attachments_section_add_files (section (f), &file, 1, BL_ATTACHMENT_ADD_NONE);
  g_assert_true (bl_attachments_section_get_busy (section (f)));
  /* The read holds the list until it has ended and been told. */
  list = bl_attachments_section_get_list (section (f));
  g_object_add_weak_pointer (list, &list);
  gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->editor);

  guard = g_timeout_add_seconds (120, guard_cb, &gave_up);
  while (list != NULL && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (guard);
  bl_test_iterate ();
  g_assert_cmpuint (count_files (tmp), ==, 0);
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 0);
}

/* A record saved with its attachments untouched leaves them as the ledger
 * has them: a file attached meanwhile by another program (--attach) stays. */
static void
test_untouched_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *photo = write_picture (f, "会后补拍.jpg", "jpeg", 320, 240, 8);
  g_autoptr(GFile) file = g_file_new_for_path (photo);
  g_autoptr(BlAttachmentList) in_ledger = NULL;
  g_autoptr(GError) error = NULL;

  open_editor (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (shown (f)), ==, 0);
  g_assert_true (bl_store_attach_files (f->store, f->id, &file, 1, BL_ATTACHMENT_ADD_NONE, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-section", "s", "minutes");
  bl_test_iterate ();
  {
    GObject *minutes = gtk_widget_get_template_child (GTK_WIDGET (f->editor), BL_TYPE_ACTIVITY_EDITOR, "minutes");
    GtkWidget *view = bl_test_find_type (GTK_WIDGET (minutes), GTK_TYPE_TEXT_VIEW);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "学习了党章第一章。", -1);
  }
  g_assert_true (bl_activity_editor_get_modified (f->editor));
  g_assert_true (save (f));
  in_ledger = stored (f, f->id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (in_ledger)), ==, 1);
  g_assert_cmpstr (bl_attachment_get_name (item (G_LIST_MODEL (in_ledger), 0)), ==, "会后补拍.jpg");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/attachments-section/add-several", Fixture, NULL, fixture_set_up, test_add_several, fixture_tear_down);
  g_test_add ("/attachments-section/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
  g_test_add ("/attachments-section/save-waits", Fixture, NULL, fixture_set_up, test_save_waits, fixture_tear_down);
  g_test_add ("/attachments-section/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/attachments-section/caption-remove-undo", Fixture, NULL, fixture_set_up, test_caption_remove_undo,
              fixture_tear_down);
  g_test_add ("/attachments-section/signin-photo", Fixture, NULL, fixture_set_up, test_signin_photo,
              fixture_tear_down);
  g_test_add ("/attachments-section/discard", Fixture, NULL, fixture_set_up, test_discard, fixture_tear_down);
  g_test_add ("/attachments-section/close-while-reading", Fixture, NULL, fixture_set_up, test_close_while_reading,
              fixture_tear_down);
  g_test_add ("/attachments-section/signin-from-window", Fixture, NULL, fixture_set_up, test_signin_from_window,
              fixture_tear_down);
  g_test_add ("/attachments-section/untouched-kept", Fixture, NULL, fixture_set_up, test_untouched_kept,
              fixture_tear_down);
  return g_test_run ();
}
