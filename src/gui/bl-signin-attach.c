/* bl-signin-attach.c: the sign-in sheet's photo attached from the window.
 * The file is read into a list of its own (in a thread); only then are the
 * activity's attachments loaded, the sheet appended and all saved, so that
 * a save made meanwhile (the editor's) is not undone. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-attachment-chooser.h"
#include "bl-signin-attach.h"
#include "bl-store-attachments.h"
#include "bl-window.h"
#include "bl-toast.h"

typedef struct {
  GtkWidget *owner;        /* weak */
  BlStore   *store;
  gint64     activity_id;
} Attach;

static Attach *
attach_new (GtkWidget *owner,
            BlStore   *store,
            gint64     activity_id)
{
  Attach *attach = g_new0 (Attach, 1);

  g_set_weak_pointer (&attach->owner, owner);
  attach->store = g_object_ref (store);
  attach->activity_id = activity_id;
  return attach;
}

static void
attach_free (gpointer data)
{
  Attach *attach = data;

  g_clear_weak_pointer (&attach->owner);
  g_clear_object (&attach->store);
  g_free (attach);
}

static void
show_refusal (Attach     *attach,
              const char *message)
{
  if (attach->owner == NULL || gtk_widget_get_root (attach->owner) == NULL)
    return;
  bl_alert_show_notice (_("Sign-in Sheet Not Attached"), message, attach->owner);
}

static void
say_attached (Attach *attach)
{
  GtkRoot *root = attach->owner != NULL ? gtk_widget_get_root (attach->owner) : NULL;
  g_autoptr(BlActivity) activity = bl_store_get_activity (attach->store, attach->activity_id, NULL);
  g_autofree char *title = NULL;

  if (!BL_IS_WINDOW (root))
    return;
  if (activity != NULL && bl_activity_get_topic (activity) != NULL)
    /* TRANSLATORS: an activity's topic */
    title = g_strdup_printf (_("Sign-in sheet attached to “%s”"), bl_activity_get_topic (activity));
  else
    title = g_strdup (_("Sign-in sheet attached"));
  bl_window_add_toast (BL_WINDOW (root), bl_toast_new (title));
}

static void
file_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BlAttachmentList *staging = BL_ATTACHMENT_LIST (source);
  Attach *attach = user_data;
  g_autoptr(BlAttachmentList) attachments = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!bl_attachment_list_add_files_finish (staging, result, &error) ||
      (attachments = bl_store_load_attachments (attach->store, attach->activity_id, &error)) == NULL)
    {
      show_refusal (attach, error->message);
      attach_free (attach);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (staging));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttachment) sheet = g_list_model_get_item (G_LIST_MODEL (staging), i);

      bl_attachment_list_insert (attachments, g_list_model_get_n_items (G_LIST_MODEL (attachments)), sheet);
    }
  if (!bl_store_save_attachments (attach->store, attach->activity_id, attachments, &error))
    show_refusal (attach, error->message);
  else
    say_attached (attach);
  attach_free (attach);
}

static void
file_chosen_cb (GPtrArray *files,
                gpointer   user_data)
{
  Attach *attach = user_data;

  if (attach->owner != NULL)
    bl_signin_attach_file (attach->owner, attach->store, attach->activity_id, files->pdata[0]);
}

void
bl_signin_attach_choose (GtkWidget *owner,
                         BlStore   *store,
                         gint64     activity_id)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (BL_IS_STORE (store));
  g_return_if_fail (activity_id > 0);

  bl_attachment_chooser_run (owner, BL_ATTACHMENT_ADD_SIGNIN_SHEET, file_chosen_cb,
                             attach_new (owner, store, activity_id), attach_free);
}

void
bl_signin_attach_file (GtkWidget *owner,
                       BlStore   *store,
                       gint64     activity_id,
                       GFile     *file)
{
  g_autoptr(BlAttachmentList) staging = NULL;
  g_autoptr(GError) error = NULL;
  Attach *attach;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (BL_IS_STORE (store));
  g_return_if_fail (activity_id > 0);
  g_return_if_fail (G_IS_FILE (file));

  attach = attach_new (owner, store, activity_id);
  /* An empty list of no activity: only the files folder is used. */
  staging = bl_store_load_attachments (store, 0, &error);
  if (staging == NULL)
    {
      show_refusal (attach, error->message);
      attach_free (attach);
      return;
    }
  bl_attachment_list_add_files_async (staging, &file, 1, NULL, BL_ATTACHMENT_ADD_SIGNIN_SHEET, NULL,
                                      file_read_cb, attach);
}
