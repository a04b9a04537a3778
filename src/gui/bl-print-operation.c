/* bl-print-operation.c: the print dialog's job for one renderer: pages laid
 * out for the paper chosen there, the choice remembered for next time */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-print-operation.h"

struct _BlPrintOperation
{
  GtkPrintOperation  parent_instance;

  BlPrintRenderer   *renderer;
  BlPrintDocument   *document;     /* laid out at begin-print */
  GtkPageSetup      *page_setup;   /* what it was laid out for */
  GtkWidget         *parent;       /* weak: where to tell of a failure */
  gboolean           held;         /* a reference kept until "done" */
  gboolean           error_shown;
};

G_DEFINE_FINAL_TYPE (BlPrintOperation, bl_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
print_config_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "branch-ledger", "printing.ini", NULL);
}

static void
show_failure (BlPrintOperation *self,
              const GError     *error)
{
  /* The widget that started it may be gone by now: nobody to tell. */
  if (self->error_shown || self->parent == NULL)
    return;
  self->error_shown = TRUE;
  bl_print_operation_show_error (self->parent, error != NULL ? error->message : "");
}

static void
release (BlPrintOperation *self)
{
  if (!self->held)
    return;
  self->held = FALSE;
  g_object_unref (self);
}

/* Overrides */

static void
bl_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  BlPrintOperation *self = BL_PRINT_OPERATION (operation);

  /* Laid out for the paper chosen in the dialog, in points from its corner. */
  g_clear_object (&self->document);
  self->document = bl_print_renderer_layout (self->renderer,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  g_clear_object (&self->page_setup);
  self->page_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
  gtk_print_operation_set_n_pages (operation, (int) bl_print_document_get_n_pages (self->document));
}

static void
bl_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  BlPrintOperation *self = BL_PRINT_OPERATION (operation);

  g_return_if_fail (self->document != NULL);
  bl_print_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
bl_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  BlPrintOperation *self = BL_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_failure (self, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    bl_print_operation_save_setup (gtk_print_operation_get_print_settings (operation),
                                   self->page_setup != NULL ? self->page_setup
                                   : gtk_print_operation_get_default_page_setup (operation));
  release (self);
}

static void
bl_print_operation_dispose (GObject *object)
{
  BlPrintOperation *self = BL_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->document);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (bl_print_operation_parent_class)->dispose (object);
}

static void
bl_print_operation_class_init (BlPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = bl_print_operation_dispose;
  operation_class->begin_print = bl_print_operation_begin_print;
  operation_class->draw_page = bl_print_operation_draw_page;
  operation_class->done = bl_print_operation_done;
}

static void
bl_print_operation_init (BlPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;

  /* The pages carry their own margins; points keep the layout's units. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  bl_print_operation_load_setup (&settings, &setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, setup);
}

/* Public API */

BlPrintOperation *
bl_print_operation_new (BlPrintRenderer *renderer)
{
  BlPrintOperation *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (BL_IS_PRINT_RENDERER (renderer), NULL);

  self = g_object_new (BL_TYPE_PRINT_OPERATION, NULL);
  self->renderer = g_object_ref (renderer);
  title = bl_print_renderer_get_title (renderer);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  return self;
}

BlPrintRenderer *
bl_print_operation_get_renderer (BlPrintOperation *self)
{
  g_return_val_if_fail (BL_IS_PRINT_OPERATION (self), NULL);

  return self->renderer;
}

void
bl_print_operation_run_dialog (BlPrintOperation *self,
                               GtkWidget        *widget)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkRoot *root;

  g_return_if_fail (BL_IS_PRINT_OPERATION (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (!self->held);

  root = gtk_widget_get_root (widget);
  g_set_weak_pointer (&self->parent, widget);
  self->error_shown = FALSE;
  /* An asynchronous job outlives whoever started it. */
  self->held = TRUE;
  g_object_ref (self);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  /* Refused before the dialog opened: "done" may never come. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_failure (self, error);
      release (self);
    }
}

GtkPageSetup *
bl_print_operation_get_page_setup (BlPrintOperation *self)
{
  g_return_val_if_fail (BL_IS_PRINT_OPERATION (self), NULL);

  return self->page_setup;
}

void
bl_print_operation_show_error (GtkWidget  *widget,
                               const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  bl_alert_show_notice (C_("printing", "Printing Failed"), message, widget);
}

void
bl_print_operation_load_setup (GtkPrintSettings **settings,
                               GtkPageSetup     **setup)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = print_config_path ();

  g_return_if_fail (settings != NULL && setup != NULL);

  *settings = NULL;
  *setup = NULL;
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      *settings = gtk_print_settings_new_from_key_file (file, NULL, NULL);
      *setup = gtk_page_setup_new_from_key_file (file, NULL, NULL);
    }
  if (*settings == NULL)
    *settings = gtk_print_settings_new ();
  if (*setup == NULL)
    {
      /* Branch records are bound on A4. */
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      *setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (*setup, a4);
    }
}

void
bl_print_operation_save_setup (GtkPrintSettings *settings,
                               GtkPageSetup     *setup)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = print_config_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (settings == NULL || GTK_IS_PRINT_SETTINGS (settings));
  g_return_if_fail (setup == NULL || GTK_IS_PAGE_SETUP (setup));

  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, file, NULL);
  if (setup != NULL)
    gtk_page_setup_to_key_file (setup, file, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, path, &error))
    g_warning ("Cannot remember the print settings in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

void
bl_print_operation_get_paper_size (GtkPageSetup *setup,
                                   double       *width,
                                   double       *height)
{
  g_return_if_fail (setup == NULL || GTK_IS_PAGE_SETUP (setup));
  g_return_if_fail (width != NULL && height != NULL);

  if (setup == NULL)
    {
      *width = BL_PRINT_A4_WIDTH;
      *height = BL_PRINT_A4_HEIGHT;
      return;
    }
  /* gtk_page_setup_get_paper_width() already turns the paper for landscape. */
  *width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
}
