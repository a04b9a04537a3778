/* bl-attachments-section.c: the files kept with the record being edited.
 *
 * The section holds the record's BlAttachmentList, the working copy that
 * the editor saves with the record in one transaction: a file added is read
 * into the attachments folder's tmp/ at once (in a thread: a 50 MB scan
 * must not freeze the window), and becomes part of the ledger only when the
 * record is saved; Cancel leaves the ledger as it was. A GtkListBox shows
 * the list, one BlAttachmentRow per file. Thumbnails are made once, when a
 * picture comes in; the rows show them as they are read, off the main
 * thread, and keep them by content for the life of the section. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-attachment-chooser.h"
#include "bl-attachment-row.h"
#include "bl-attachments-section.h"
#include "bl-file-open.h"
#include "bl-toast.h"

struct _BlAttachmentsSection
{
  BlEditorSection    parent_instance;

  BlStore           *store;
  BlAttachmentList  *list;          /* NULL when it could not be loaded */
  GHashTable        *thumbnails;    /* SHA-256 → GdkTexture, or NULL for none */
  GCancellable      *cancellable;   /* the section's reads and thumbnails */
  guint              n_adding;      /* reads of files under way */
  guint              generation;    /* counts the records shown: work for an earlier one is dropped */
  GPtrArray         *toasts;        /* AdwToast: the Undo toasts not dismissed yet */
  char              *error;

  AdwToastOverlay   *toast_overlay;  /* the bin's child (not a template child: the bin unparents it) */
  GtkLabel          *count_label;
  GtkButton         *add_button;
  GtkWidget         *signin_group;
  GtkWidget         *busy_box;
  GtkSpinner        *spinner;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
  GtkListBox        *list_box;
};

G_DEFINE_FINAL_TYPE (BlAttachmentsSection, bl_attachments_section, BL_TYPE_EDITOR_SECTION)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Messages */

static void
show_error (BlAttachmentsSection *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static void
on_dismiss_clicked (BlAttachmentsSection *self)
{
  show_error (self, NULL);
}

static void
update_count (BlAttachmentsSection *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No attachments"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attachment", "%u attachments", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
update_busy (BlAttachmentsSection *self)
{
  gboolean busy = self->n_adding > 0;

  gtk_widget_set_visible (self->busy_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Thumbnails */

typedef struct {
  BlAttachmentFiles *files;
  char              *sha256;
  char              *content_type;
  char              *source_path;   /* a file read in, not saved yet, or NULL */
} ThumbnailData;

static void
thumbnail_data_free (gpointer data)
{
  ThumbnailData *thumbnail = data;

  g_clear_object (&thumbnail->files);
  g_free (thumbnail->sha256);
  g_free (thumbnail->content_type);
  g_free (thumbnail->source_path);
  g_free (thumbnail);
}

static void
texture_free (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

/* Made when the picture came in, so this is a small PNG read; a thumbnail
 * lost from the folder is made again here, which for a big photo takes a
 * while: hence the thread. A texture may be made in any thread. */
static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailData *data = task_data;
  const char *source = data->source_path;
  g_autoptr(GBytes) png = NULL;
  GdkTexture *texture;
  GError *error = NULL;

  /* Saved meanwhile: the copy read in went into the folder. */
  if (source != NULL && !g_file_test (source, G_FILE_TEST_IS_REGULAR))
    source = NULL;
  png = bl_attachment_files_load_thumbnail (data->files, data->sha256, data->content_type, source, &error);
  if (png == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
show_thumbnail (BlAttachmentsSection *self,
                const char           *sha256,
                GdkPaintable         *thumbnail)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BL_IS_ATTACHMENT_ROW (child) &&
        g_str_equal (bl_attachment_get_sha256 (bl_attachment_row_get_attachment (BL_ATTACHMENT_ROW (child))), sha256))
      bl_attachment_row_set_thumbnail (BL_ATTACHMENT_ROW (child), thumbnail);
}

static void
thumbnail_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  BlAttachmentsSection *self = BL_ATTACHMENTS_SECTION (source);
  ThumbnailData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A picture that does not decode keeps its icon; it is not tried again. */
  if (error != NULL)
    g_debug ("No thumbnail for %s: %s", data->sha256, error->message);
  g_hash_table_replace (self->thumbnails, g_strdup (data->sha256),
                        texture != NULL ? g_object_ref (texture) : NULL);
  if (texture != NULL)
    show_thumbnail (self, data->sha256, GDK_PAINTABLE (texture));
}

static void
request_thumbnail (BlAttachmentsSection *self,
                   BlAttachmentRow      *row)
{
  BlAttachment *attachment = bl_attachment_row_get_attachment (row);
  const char *sha256 = bl_attachment_get_sha256 (attachment);
  g_autoptr(GTask) task = NULL;
  ThumbnailData *data;
  gpointer texture;

  if (!bl_attachment_is_image (attachment))
    return;
  if (g_hash_table_lookup_extended (self->thumbnails, sha256, NULL, &texture))
    {
      bl_attachment_row_set_thumbnail (row, texture);
      return;
    }
  /* Asked for: shown on every row of that content when read. */
  g_hash_table_insert (self->thumbnails, g_strdup (sha256), NULL);

  data = g_new0 (ThumbnailData, 1);
  data->files = g_object_ref (bl_attachment_list_get_files (self->list));
  data->sha256 = g_strdup (sha256);
  data->content_type = g_strdup (bl_attachment_get_content_type (attachment));
  data->source_path = g_strdup (bl_attachment_get_staged_path (attachment));
  task = g_task_new (self, self->cancellable, thumbnail_loaded_cb, NULL);
  g_task_set_source_tag (task, request_thumbnail);
  g_task_set_task_data (task, data, thumbnail_data_free);
  g_task_run_in_thread (task, thumbnail_thread);
}

/* Opening a file */

typedef struct {
  char *path;
  char *name;
  char *sha256;
} ViewData;

static void
view_data_free (gpointer data)
{
  ViewData *view = data;

  g_free (view->path);
  g_free (view->name);
  g_free (view->sha256);
  g_free (view);
}

/* A read-only copy under the file's own name: the application sees its
 * extension and cannot change what the ledger keeps. Copying 50 MB takes a
 * moment: in a thread. */
static void
view_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ViewData *view = task_data;
  GError *error = NULL;
  char *copy = bl_attachment_files_view_copy (view->path, view->name, view->sha256, &error);

  if (copy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, copy, g_free);
}

static void
view_copy_made_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BlAttachmentsSection *self = BL_ATTACHMENTS_SECTION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *uri = NULL;

  if (copy == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bl_file_open_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  uri = g_filename_to_uri (copy, NULL, NULL);
  bl_file_open_uri (GTK_WIDGET (self), uri);
}

static void
open_clicked_cb (BlAttachmentRow      *row,
                 BlAttachmentsSection *self)
{
  BlAttachment *attachment = bl_attachment_row_get_attachment (row);
  g_autoptr(GTask) task = NULL;
  ViewData *view;

  view = g_new0 (ViewData, 1);
  view->path = bl_attachment_list_get_content_path (self->list, attachment);
  view->name = g_strdup (bl_attachment_get_name (attachment));
  view->sha256 = g_strdup (bl_attachment_get_sha256 (attachment));
  task = g_task_new (self, self->cancellable, view_copy_made_cb, NULL);
  g_task_set_source_tag (task, open_clicked_cb);
  g_task_set_task_data (task, view, view_data_free);
  g_task_run_in_thread (task, view_copy_thread);
}

/* Removing, and its Undo */

typedef struct {
  BlAttachmentList *list;
  BlAttachment     *attachment;
  guint             position;
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->list);
  g_clear_object (&undo->attachment);
  g_free (undo);
}

/* Back where it was, in the list it came from (saved with the record). */
static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  if (undo->attachment == NULL)
    return;
  bl_attachment_list_insert (undo->list, undo->position, undo->attachment);
  g_clear_object (&undo->attachment);
}

static void
toast_dismissed_cb (AdwToast             *toast,
                    BlAttachmentsSection *self)
{
  g_ptr_array_remove (self->toasts, toast);
}

static void
remove_clicked_cb (BlAttachmentRow      *row,
                   BlAttachmentsSection *self)
{
  BlAttachment *attachment = bl_attachment_row_get_attachment (row);
  g_autofree char *title = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  UndoData *undo;
  AdwToast *toast;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttachment) item = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (item != attachment)
        continue;
      undo = g_new0 (UndoData, 1);
      undo->list = g_object_ref (self->list);
      undo->position = i;
      undo->attachment = bl_attachment_list_remove (self->list, i);

      /* TRANSLATORS: a file's name */
      title = g_strdup_printf (_("“%s” removed"), bl_attachment_get_name (undo->attachment));
      toast = bl_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked), undo, undo_data_free, 0);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
      g_ptr_array_add (self->toasts, g_object_ref (toast));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
}

/* The list */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BlAttachmentsSection *self = user_data;
  GtkWidget *row = bl_attachment_row_new (item);

  g_signal_connect_object (row, "open-clicked", G_CALLBACK (open_clicked_cb), self, 0);
  g_signal_connect_object (row, "remove-clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  request_thumbnail (self, BL_ATTACHMENT_ROW (row));
  return row;
}

static void
list_items_changed_cb (BlAttachmentsSection *self)
{
  update_count (self);
}

/* Files added or removed, a caption or the order changed: the record
 * differs from what the ledger has. */
static void
list_modified_cb (BlAttachmentsSection *self)
{
  if (bl_attachment_list_get_modified (self->list))
    bl_editor_section_changed (BL_EDITOR_SECTION (self));
}

static void
set_list (BlAttachmentsSection *self,
          BlAttachmentList     *list)
{
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (list), list != NULL ? create_row_cb : NULL, self, NULL);
  if (list != NULL)
    {
      g_signal_connect_object (list, "items-changed", G_CALLBACK (list_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (list, "notify::modified", G_CALLBACK (list_modified_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), list != NULL);
  gtk_widget_set_sensitive (self->signin_group, list != NULL);
  update_count (self);
}

/* Adding */

typedef struct {
  BlAttachmentsSection *self;
  guint                 n_files;
  guint                 generation;
} AddData;

static void
files_added_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AddData *add = user_data;
  g_autoptr(BlAttachmentsSection) self = add->self;
  guint n_files = add->n_files;
  guint generation = add->generation;
  g_autoptr(GError) error = NULL;

  g_free (add);
  /* For a record no longer shown (its reads were cancelled and counted off). */
  if (generation != self->generation)
    return;
  self->n_adding--;
  /* Cancelled: the section went (its copies go with the list). */
  if (!bl_attachment_list_add_files_finish (BL_ATTACHMENT_LIST (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* All or none: say that the others did not come in either. */
      if (n_files > 1)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "None of the %u files was attached. %s",
                                                "None of the %u files was attached. %s", n_files),
                                   n_files, error->message);
      show_error (self, message != NULL ? message : error->message);
    }
  update_busy (self);
}

typedef struct {
  BlAttachmentsSection *self;
  BlAttachmentAddFlags  flags;
  guint                 generation;
} ChooseData;

static void
files_chosen_cb (GPtrArray *files,
                 gpointer   user_data)
{
  ChooseData *choose = user_data;

  /* Chosen for a record no longer shown: not attached to another. */
  if (choose->generation != choose->self->generation)
    return;
  bl_attachments_section_add_files (choose->self, (GFile **) files->pdata, files->len, choose->flags);
}

static void
choose_data_free (gpointer data)
{
  ChooseData *choose = data;

  g_object_unref (choose->self);
  g_free (choose);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BlAttachmentsSection *self = BL_ATTACHMENTS_SECTION (widget);

  bl_attachments_section_choose_files (self, g_str_equal (action_name, "attachments.add-signin-photo")
                                             ? BL_ATTACHMENT_ADD_SIGNIN_SHEET : BL_ATTACHMENT_ADD_NONE);
}

/* GObject */

static void
bl_attachments_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BlAttachmentsSection *self = BL_ATTACHMENTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_adding > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_attachments_section_dispose (GObject *object)
{
  BlAttachmentsSection *self = BL_ATTACHMENTS_SECTION (object);

  /* Files still being read are dropped with their copies: nothing was saved. */
  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ATTACHMENTS_SECTION);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_attachments_section_parent_class)->dispose (object);
}

static void
bl_attachments_section_finalize (GObject *object)
{
  BlAttachmentsSection *self = BL_ATTACHMENTS_SECTION (object);

  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->error);

  G_OBJECT_CLASS (bl_attachments_section_parent_class)->finalize (object);
}

static void
bl_attachments_section_class_init (BlAttachmentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bl_attachments_section_get_property;
  object_class->dispose = bl_attachments_section_dispose;
  object_class->finalize = bl_attachments_section_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BL_TYPE_ATTACHMENT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-attachments-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, count_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, signin_group);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, busy_box);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, error_box);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttachmentsSection, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_clicked);

  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "attachments.add-signin-photo", NULL, add_action);
}

static void
bl_attachments_section_init (BlAttachmentsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, texture_free);
  self->cancellable = g_cancellable_new ();
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  set_list (self, NULL);
}

static gboolean
is_pending_cb (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return value == NULL;
}

/* Public API */

void
bl_attachments_section_clear (BlAttachmentsSection *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_return_if_fail (BL_IS_ATTACHMENTS_SECTION (self));

  /* The record's reads, thumbnails and copies to view stop (its files read
   * in go with its list, as when the editor goes); what was under way for
   * it is no longer counted. */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, NULL);
  self->cancellable = g_cancellable_new ();
  if (self->n_adding > 0)
    {
      self->n_adding = 0;
      update_busy (self);
    }
  /* Thumbnails asked for and cancelled are asked for again when shown. */
  g_hash_table_foreach_remove (self->thumbnails, is_pending_cb, NULL);
  /* Its Undo toasts would bring a file back into a list no longer shown. */
  toasts = g_steal_pointer (&self->toasts);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (toasts->pdata[i]);
  show_error (self, NULL);
  set_list (self, NULL);
}

void
bl_attachments_section_load (BlAttachmentsSection *self,
                             BlStore              *store,
                             gint64                activity_id)
{
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BL_IS_ATTACHMENTS_SECTION (self));
  g_return_if_fail (BL_IS_STORE (store));

  g_set_object (&self->store, store);
  bl_attachments_section_clear (self);
  list = bl_store_load_attachments (store, activity_id, &error);
  if (list == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The attachments cannot be shown: %s"), error->message);

      show_error (self, message);
    }
  set_list (self, list);
}

BlAttachmentList *
bl_attachments_section_get_list (BlAttachmentsSection *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENTS_SECTION (self), NULL);

  return self->list;
}

void
bl_attachments_section_add_files (BlAttachmentsSection *self,
                                  GFile               **files,
                                  guint                 n_files,
                                  BlAttachmentAddFlags  flags)
{
  AddData *add;

  g_return_if_fail (BL_IS_ATTACHMENTS_SECTION (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->list == NULL || n_files == 0)
    return;
  show_error (self, NULL);
  self->n_adding++;
  update_busy (self);
  add = g_new0 (AddData, 1);
  add->self = g_object_ref (self);
  add->n_files = n_files;
  add->generation = self->generation;
  bl_attachment_list_add_files_async (self->list, files, n_files, NULL, flags, self->cancellable,
                                      files_added_cb, add);
}

void
bl_attachments_section_choose_files (BlAttachmentsSection *self,
                                     BlAttachmentAddFlags  flags)
{
  ChooseData *choose;

  g_return_if_fail (BL_IS_ATTACHMENTS_SECTION (self));

  if (self->list == NULL)
    return;
  choose = g_new0 (ChooseData, 1);
  choose->self = g_object_ref (self);
  choose->flags = flags;
  choose->generation = self->generation;
  bl_attachment_chooser_run (GTK_WIDGET (self), flags, files_chosen_cb, choose, choose_data_free);
}

gboolean
bl_attachments_section_get_busy (BlAttachmentsSection *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENTS_SECTION (self), FALSE);

  return self->n_adding > 0;
}

const char *
bl_attachments_section_get_error (BlAttachmentsSection *self)
{
  g_return_val_if_fail (BL_IS_ATTACHMENTS_SECTION (self), NULL);

  return self->error;
}
