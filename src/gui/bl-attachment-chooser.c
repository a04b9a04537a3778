/* bl-attachment-chooser.c: the file chooser for attachments (a native
 * dialog: the desktop's own where there is one) */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-attachment-chooser.h"

typedef struct {
  GtkWidget              *owner;   /* weak */
  BlAttachmentChosenFunc  chosen;
  gpointer                user_data;
  GDestroyNotify          destroy;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_clear_weak_pointer (&choice->owner);
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  /* Not for a window closed meanwhile. */
  if (array->len > 0 && choice->owner != NULL && gtk_widget_get_root (choice->owner) != NULL)
    choice->chosen (array, choice->user_data);
  choice_free (choice);
  g_object_unref (chooser);
}

void
bl_attachment_chooser_run (GtkWidget              *owner,
                           BlAttachmentAddFlags    flags,
                           BlAttachmentChosenFunc  chosen,
                           gpointer                user_data,
                           GDestroyNotify          destroy)
{
  GtkRoot *root;
  gboolean signin = (flags & BL_ATTACHMENT_ADD_SIGNIN_SHEET) != 0;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = NULL;
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (chosen != NULL);

  root = gtk_widget_get_root (owner);
  chooser = gtk_file_chooser_native_new (signin ? _("Add Sign-in Sheet Photo") : _("Add Attachments"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The sheet is one photo or scan; other attachments come several at once. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), !signin);
  gtk_file_filter_set_name (filter, signin ? _("Photos and Scans") : _("Photos, Scans and Documents"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  if (!signin)
    {
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (!signin)
    {
      /* Anything else is kept as a plain file. */
      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  choice = g_new0 (Choice, 1);
  g_set_weak_pointer (&choice->owner, owner);
  choice->chosen = chosen;
  choice->user_data = user_data;
  choice->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
