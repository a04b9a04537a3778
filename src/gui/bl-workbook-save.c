/* bl-workbook-save.c: the ledger saved as an Excel workbook from the window.
 * A 20-year ledger's workbook takes seconds to gather and write: that runs
 * in a thread on a connection of its own, while a toast says it is being
 * saved. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-file-toast.h"
#include "bl-window.h"
#include "bl-workbook-export.h"
#include "bl-workbook-save.h"
#include "bl-toast.h"

typedef struct {
  GtkWidget *owner;         /* weak */
  BlStore   *store;
  int        year;
  GFile     *file;
  char      *ledger_path;
  BlClock   *clock;         /* the window's day, fixed, for the thread */
  AdwToast  *saving;        /* "Saving …", dismissed when done */
} Save;

static void
save_free (Save *save)
{
  g_clear_weak_pointer (&save->owner);
  g_clear_object (&save->store);
  g_clear_object (&save->file);
  g_clear_object (&save->clock);
  g_clear_object (&save->saving);
  g_free (save->ledger_path);
  g_free (save);
}

static GtkWindow *
owner_window (GtkWidget *owner)
{
  GtkRoot *root = owner != NULL ? gtk_widget_get_root (owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
save_thread_cb (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Save *save = task_data;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (save->file);

  store = bl_store_open (save->ledger_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  bl_store_set_clock (store, save->clock);
  if (!bl_workbook_export (store, path, save->year, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Save *save = g_task_get_task_data (G_TASK (result));
  GtkWindow *window = owner_window (save->owner);
  g_autoptr(GError) error = NULL;

  if (save->saving != NULL)
    adw_toast_dismiss (save->saving);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (save->owner != NULL)
        bl_alert_show_notice (_("Workbook Not Saved"), error->message, save->owner);
      return;
    }
  if (BL_IS_WINDOW (window))
    bl_window_add_toast (BL_WINDOW (window), bl_file_toast_new (save->file));
}

void
bl_workbook_save_start (GtkWidget *owner,
                        BlStore   *store,
                        int        year,
                        GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *today = NULL;
  g_autofree char *base = NULL;
  GtkWindow *window;
  Save *save;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (BL_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  save = g_new0 (Save, 1);
  g_set_weak_pointer (&save->owner, owner);
  save->store = g_object_ref (store);
  save->year = year;
  save->file = g_object_ref (file);
  save->ledger_path = g_strdup (bl_store_get_path (store));
  today = bl_clock_get_today (bl_store_get_clock (store));
  save->clock = bl_clock_new ();
  bl_clock_set_fixed_date (save->clock, today);

  window = owner_window (owner);
  if (BL_IS_WINDOW (window))
    {
      g_autofree char *text = NULL;

      base = g_file_get_basename (file);
      text = g_strdup_printf (_("Saving %s…"), base);
      save->saving = bl_toast_new (text);
      adw_toast_set_timeout (save->saving, 0);
      bl_window_add_toast (BL_WINDOW (window), g_object_ref (save->saving));
    }

  task = g_task_new (NULL, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, bl_workbook_save_start);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, save_thread_cb);
}

typedef struct {
  GtkWidget *owner;   /* weak */
  BlStore   *store;
  int        year;
} Choice;

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && choice->owner != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    bl_workbook_save_start (choice->owner, choice->store, choice->year, file);
  g_clear_weak_pointer (&choice->owner);
  g_object_unref (choice->store);
  g_free (choice);
  g_object_unref (chooser);
}

void
bl_workbook_save_run (GtkWidget *owner,
                      BlStore   *store,
                      int        year)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (BL_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Export to Excel"), owner_window (owner), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: file names suggested for the workbook; %d is the year */
  suggested = year != 0 ? g_strdup_printf (_("ledger-%d.xlsx"), year) : g_strdup (_("ledger.xlsx"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  choice = g_new0 (Choice, 1);
  g_set_weak_pointer (&choice->owner, owner);
  choice->store = g_object_ref (store);
  choice->year = year;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
