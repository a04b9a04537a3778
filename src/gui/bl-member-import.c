/* bl-member-import.c: importing members.csv from a window (file chooser, errors shown) */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bl-csv-members.h"
#include "bl-member-import.h"
#include "bl-problems-dialog.h"
#include "bl-window.h"

typedef struct {
  GtkWidget *owner;   /* weak */
  BlStore   *store;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_weak_pointer (&request->owner);
  g_clear_object (&request->store);
  g_free (request);
}

static GtkWindow *
owner_window (GtkWidget *owner)
{
  GtkRoot *root = owner != NULL ? gtk_widget_get_root (owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The whole list of "FILE:LINE: …" problems, so the secretary can fix the file. */
static void
show_errors (GtkWidget  *owner,
             const char *message)
{
  bl_problems_dialog_present (owner_window (owner), _("File Not Imported"),
                              _("Nothing was imported. Correct these lines in the file and import it again."),
                              message);
}

gboolean
bl_member_import_file (GtkWidget *owner,
                       BlStore   *store,
                       GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BlCsvReport report;
  gboolean ok;

  g_return_val_if_fail (owner == NULL || GTK_IS_WIDGET (owner), FALSE);
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_errors (owner, _("Only files on this computer can be imported."));
      return FALSE;
    }

  bl_csv_report_init (&report);
  ok = bl_csv_import_members (store, path, &report, &error);
  if (!ok)
    show_errors (owner, error->message);
  else
    {
      GtkWindow *window = owner_window (owner);
      g_autofree char *summary = NULL;

      summary = g_strdup_printf (_("Members imported: %u added, %u updated, %u already in the ledger"),
                                 report.added, report.updated, report.skipped);
      if (BL_IS_WINDOW (window))
        bl_window_add_toast (BL_WINDOW (window), adw_toast_new (summary));
    }
  bl_csv_report_clear (&report);
  return ok;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ImportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT && request->owner != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        bl_member_import_file (request->owner, request->store, file);
    }
  import_request_free (request);
  g_object_unref (chooser);
}

void
bl_member_import_choose (GtkWidget *owner,
                         BlStore   *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  ImportRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (BL_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Members"), owner_window (owner),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  request = g_new0 (ImportRequest, 1);
  g_set_weak_pointer (&request->owner, owner);
  request->store = g_object_ref (store);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
