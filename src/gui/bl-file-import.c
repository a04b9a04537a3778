/* bl-file-import.c: members or activities imported in the window from a CSV
 * file or a workbook. The file is read and checked in a thread, on a
 * connection of its own (a dry run that writes nothing), so that a 20-year
 * ledger's file neither freezes the window nor is half-written; the write
 * after the secretary's "Import" is one transaction in that thread too, and
 * the window's store then reloads what another connection wrote. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-file-import.h"
#include "bl-problems-dialog.h"
#include "bl-window.h"
#include "bl-toast.h"

/* A check or import shorter than this shows no progress at all. */
#define PROGRESS_DELAY_MS 300

struct _BlFileImport
{
  GObject            parent_instance;

  GtkWidget         *owner;          /* weak */
  BlStore           *store;          /* the window's */
  BlImportKind       kind;
  BlFileImportStage  stage;

  char              *path;
  char              *name;           /* the file's name, for what is shown */
  char              *ledger_path;
  BlClock           *clock;          /* the window's day, fixed, for the thread */
  BlTable           *table;          /* read once, in the thread */
  BlStore           *worker;         /* the import's own connection */
  GCancellable      *cancellable;
  BlCsvReport        report;

  GtkWidget         *progress;       /* the alert with the bar, once shown */
  GtkProgressBar    *bar;
  guint              progress_source;
  gint64             started;
};

G_DEFINE_FINAL_TYPE (BlFileImport, bl_file_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_work (BlFileImport *self);

/* Helpers */

static void
set_stage (BlFileImport      *self,
           BlFileImportStage  stage)
{
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static GtkWindow *
owner_window (BlFileImport *self)
{
  GtkRoot *root = self->owner != NULL ? gtk_widget_get_root (self->owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (BlFileImport *self,
           const char   *message)
{
  GtkWindow *window = owner_window (self);

  if (BL_IS_WINDOW (window))
    bl_window_add_toast (BL_WINDOW (window), bl_toast_new (message));
}

static void
show_problems (BlFileImport *self,
               const char   *problems)
{
  bl_problems_dialog_present (owner_window (self), _("File Not Imported"),
                              _("Nothing was imported. Correct these lines in the file and import it again."),
                              problems);
}

/* Done, one way or another: the connection closes, the hold on self ends. */
static void
finish (BlFileImport *self)
{
  g_clear_object (&self->worker);
  g_clear_pointer (&self->table, bl_table_unref);
  set_stage (self, BL_FILE_IMPORT_DONE);
  g_object_unref (self);
}

/* Progress */

static void
stop_progress (BlFileImport *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->progress != NULL)
    {
      GtkWidget *progress = g_steal_pointer (&self->progress);

      self->bar = NULL;
      bl_alert_force_close (progress);
    }
}

static void
progress_response_cb (GtkWidget    *alert,
                      const char   *response,
                      BlFileImport *self)
{
  if (self->progress != alert)
    return;
  self->progress = NULL;
  self->bar = NULL;
  if (g_strcmp0 (response, "cancel") == 0)
    bl_file_import_cancel (self);
}

static void
show_progress (BlFileImport *self)
{
  GtkWidget *alert;
  GtkWidget *bar = gtk_progress_bar_new ();

  alert = bl_alert_new (self->stage == BL_FILE_IMPORT_CHECKING ? _("Checking the File") : _("Importing"),
                        self->name);
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.1);
  gtk_widget_set_size_request (bar, 280, -1);
  bl_alert_set_extra_child (alert, bar);
  bl_alert_add_response (alert, "cancel", _("_Cancel"));
  bl_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (progress_response_cb), self, 0);
  self->progress = alert;
  self->bar = GTK_PROGRESS_BAR (bar);
  bl_alert_present (alert, self->owner);
}

/* Rows checked so far, from the thread's report. */
static gboolean
progress_cb (gpointer data)
{
  BlFileImport *self = data;
  gint total = g_atomic_int_get (&self->report.rows_total);
  gint done = g_atomic_int_get (&self->report.rows_done);

  if (self->progress == NULL)
    {
      if (g_get_monotonic_time () - self->started < PROGRESS_DELAY_MS * 1000 || self->owner == NULL)
        return G_SOURCE_CONTINUE;
      show_progress (self);
    }
  if (total > 0)
    gtk_progress_bar_set_fraction (self->bar, CLAMP ((double) done / total, 0.0, 1.0));
  else
    gtk_progress_bar_pulse (self->bar);   /* still reading the file */
  return G_SOURCE_CONTINUE;
}

/* The thread */

static void
work_thread_cb (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BlFileImport *self = source;
  BlCsvImportFlags flags = GPOINTER_TO_UINT (task_data);
  g_autoptr(GError) error = NULL;

  if (self->table == NULL && (self->table = bl_import_read (self->kind, self->path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->worker == NULL)
    {
      if ((self->worker = bl_store_open (self->ledger_path, &error)) == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      bl_store_set_clock (self->worker, self->clock);
    }
  if (!bl_import_table (self->worker, self->kind, self->table, flags, cancellable, &self->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The preview */

static void
preview_response_cb (GtkWidget    *alert,
                     const char   *response,
                     BlFileImport *self)
{
  /* One answer: a second (a close after the click) must not finish twice. */
  if (self->stage != BL_FILE_IMPORT_PREVIEW)
    return;
  if (g_strcmp0 (response, "import") == 0)
    {
      set_stage (self, BL_FILE_IMPORT_IMPORTING);
      start_work (self);
      return;
    }
  finish (self);
}

static char *
preview_text (BlFileImport *self)
{
  GString *text = g_string_new (NULL);

  if (self->kind == BL_IMPORT_MEMBERS)
    /* TRANSLATORS: FILE: N new members, N updated */
    g_string_printf (text, _("%s: %u new, %u already in the ledger and updated."), self->name,
                     self->report.added, self->report.updated);
  else
    /* TRANSLATORS: FILE: N new activities, N skipped */
    g_string_printf (text, _("%s: %u new, %u already in the ledger and skipped."), self->name,
                     self->report.added, self->report.skipped);
  if (self->report.groups_added > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u party group without members is added.",
                                                 "%u party groups without members are added.",
                                                 self->report.groups_added),
                              self->report.groups_added);
    }
  if (self->report.encoding_note != NULL)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: (read as GBK) */
      g_string_append_printf (text, _("(%s)"), self->report.encoding_note);
    }
  for (guint i = 0; i < self->report.notes->len; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->report.notes, i));
    }
  return g_string_free (text, FALSE);
}

static void
show_preview (BlFileImport *self)
{
  g_autofree char *text = preview_text (self);
  gboolean anything = self->report.added + self->report.updated + self->report.groups_added > 0;
  GtkWidget *alert;

  set_stage (self, BL_FILE_IMPORT_PREVIEW);
  if (!anything)
    alert = bl_alert_new (_("Nothing to Import"), text);
  else
    alert = bl_alert_new (self->kind == BL_IMPORT_MEMBERS ? _("Import Members?") : _("Import Activities?"), text);
  bl_alert_add_response (alert, "cancel", anything ? _("_Cancel") : _("_Close"));
  if (anything)
    {
      bl_alert_add_response (alert, "import", _("_Import"));
      bl_alert_set_response_appearance (alert, "import", ADW_RESPONSE_SUGGESTED);
      bl_alert_set_default_response (alert, "import");
    }
  bl_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (preview_response_cb), self, 0);
  bl_alert_present (alert, self->owner);
}

/* Callbacks */

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BlFileImport *self = BL_FILE_IMPORT (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  stop_progress (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, _("Import cancelled: nothing was imported"));
      else if (self->owner != NULL)
        show_problems (self, error->message);
      finish (self);
      return;
    }
  if (self->owner == NULL)
    {
      finish (self);
      return;
    }
  if (self->stage == BL_FILE_IMPORT_CHECKING)
    {
      show_preview (self);
      return;
    }

  /* Written by the import's connection: the window's store reads it again. */
  bl_store_check_changed_elsewhere (self->store, NULL);
  if (self->kind == BL_IMPORT_MEMBERS)
    message = g_strdup_printf (_("Members imported: %u added, %u updated, %u already in the ledger"),
                               self->report.added, self->report.updated, self->report.skipped);
  else
    message = g_strdup_printf (_("Activities imported: %u added, %u already in the ledger"),
                               self->report.added, self->report.skipped);
  add_toast (self, message);
  finish (self);
}

static void
start_work (BlFileImport *self)
{
  g_autoptr(GTask) task = NULL;
  BlCsvImportFlags flags = self->stage == BL_FILE_IMPORT_CHECKING ? BL_CSV_IMPORT_DRY_RUN : BL_CSV_IMPORT_DEFAULT;

  bl_csv_report_clear (&self->report);
  bl_csv_report_init (&self->report);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->started = g_get_monotonic_time ();
  self->progress_source = g_timeout_add (100, progress_cb, self);

  task = g_task_new (self, self->cancellable, work_done_cb, NULL);
  g_task_set_source_tag (task, start_work);
  /* What the thread did is what is told: an import that committed before
   * Cancel reached it was imported. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, GUINT_TO_POINTER (flags), NULL);
  g_task_run_in_thread (task, work_thread_cb);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BlFileImport    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->owner != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    bl_file_import_start (self, file);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* Overrides */

static void
bl_file_import_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BlFileImport *self = BL_FILE_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_uint (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_file_import_dispose (GObject *object)
{
  BlFileImport *self = BL_FILE_IMPORT (object);

  stop_progress (self);
  g_clear_weak_pointer (&self->owner);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (bl_file_import_parent_class)->dispose (object);
}

static void
bl_file_import_finalize (GObject *object)
{
  BlFileImport *self = BL_FILE_IMPORT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->table, bl_table_unref);
  g_free (self->path);
  g_free (self->name);
  g_free (self->ledger_path);
  bl_csv_report_clear (&self->report);

  G_OBJECT_CLASS (bl_file_import_parent_class)->finalize (object);
}

static void
bl_file_import_class_init (BlFileImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bl_file_import_get_property;
  object_class->dispose = bl_file_import_dispose;
  object_class->finalize = bl_file_import_finalize;

  /* A BlFileImportStage. */
  properties[PROP_STAGE] = g_param_spec_uint ("stage", NULL, NULL, BL_FILE_IMPORT_IDLE, BL_FILE_IMPORT_DONE,
                                              BL_FILE_IMPORT_IDLE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_file_import_init (BlFileImport *self)
{
  bl_csv_report_init (&self->report);
}

/* Public API */

BlFileImport *
bl_file_import_new (GtkWidget    *owner,
                    BlStore      *store,
                    BlImportKind  kind)
{
  BlFileImport *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  self = g_object_new (BL_TYPE_FILE_IMPORT, NULL);
  g_set_weak_pointer (&self->owner, owner);
  self->store = g_object_ref (store);
  self->kind = kind;
  return self;
}

void
bl_file_import_choose (BlFileImport *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (BL_IS_FILE_IMPORT (self));
  g_return_if_fail (self->owner != NULL);

  chooser = gtk_file_chooser_native_new (self->kind == BL_IMPORT_MEMBERS ? _("Import Members") : _("Import Activities"),
                                         owner_window (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (tables, _("CSV Files and Excel Workbooks"));
  gtk_file_filter_add_pattern (tables, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (tables, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_pattern (tables, "*.[tT][xX][tT]");
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
bl_file_import_start (BlFileImport *self,
                      GFile        *file)
{
  g_autofree char *today = NULL;

  g_return_if_fail (BL_IS_FILE_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->stage == BL_FILE_IMPORT_IDLE);

  self->path = g_file_get_path (file);
  if (self->path == NULL)
    {
      show_problems (self, _("Only files on this computer can be imported."));
      set_stage (self, BL_FILE_IMPORT_DONE);
      return;
    }
  self->name = g_file_get_basename (file);
  self->ledger_path = g_strdup (bl_store_get_path (self->store));
  /* The thread judges "held in the future" by the window's day. */
  today = bl_clock_get_today (bl_store_get_clock (self->store));
  self->clock = bl_clock_new ();
  bl_clock_set_fixed_date (self->clock, today);

  g_object_ref (self);   /* until finish () */
  set_stage (self, BL_FILE_IMPORT_CHECKING);
  start_work (self);
}

BlFileImportStage
bl_file_import_get_stage (BlFileImport *self)
{
  g_return_val_if_fail (BL_IS_FILE_IMPORT (self), BL_FILE_IMPORT_IDLE);

  return self->stage;
}

void
bl_file_import_cancel (BlFileImport *self)
{
  g_return_if_fail (BL_IS_FILE_IMPORT (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
bl_file_import_run (GtkWidget    *owner,
                    BlStore      *store,
                    BlImportKind  kind)
{
  g_autoptr(BlFileImport) import = NULL;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (BL_IS_STORE (store));

  import = bl_file_import_new (owner, store, kind);
  bl_file_import_choose (import);
}
