/* bl-reports-page.c: the Reports page: a month picked, its summary drawn by
 * the printing renderer itself, printed or saved as PDF; the year's counts */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-date.h"
#include "bl-file-toast.h"
#include "bl-print-operation.h"
#include "bl-report-renderer.h"
#include "bl-report.h"
#include "bl-reports-page.h"
#include "bl-workbook-save.h"

/* Preview pixels per point. */
#define PREVIEW_SCALE 1.0

struct _BlReportsPage
{
  BlPage                parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *month_dropdown;
  GtkSpinButton        *year_spin;
  GtkStack             *view_stack;
  GtkLabel             *summary_label;
  GtkWidget            *pages_box;
  GtkAdjustment        *vadjustment;   /* the preview's scrolling */
  GtkLabel             *statistics_label;
  GtkGrid              *statistics_grid;

  BlStore              *store;         /* the context's */
  int                   year;
  int                   month;
  gboolean              syncing;       /* the pickers are being set from code */

  BlReportRenderer     *renderer;
  BlPrintDocument      *document;
  BlYearStats          *stats;
  char                 *stats_shown;   /* the statistics in the grid, as CSV */
  GtkPageSetup         *page_setup;
  GtkPrintSettings     *print_settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (BlReportsPage, bl_reports_page, BL_TYPE_PAGE)

/* The summary prints the branch, the month's activities with attendance,
 * the quotas as of today while the month runs, and the date it is printed. */
#define REPORT_CHANGES (BL_CHANGE_SETTINGS | BL_CHANGE_GROUPS | BL_CHANGE_KINDS | BL_CHANGE_MEMBERS | \
                        BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE | BL_CHANGE_RULES | BL_CHANGE_TODAY)

/* What became of an export to @file: a toast that opens it, or, when it
 * failed with @error, an alert headed @heading that says why. */
static void
show_written (BlReportsPage *self,
              GFile         *file,
              const GError  *error,
              const char    *heading)
{
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (C_("reports", "Cannot write %s: %s"), name, error->message);

      bl_alert_show_notice (heading, message, GTK_WIDGET (self));
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, bl_file_toast_new (file));
}

/* The preview */

/* Whether @area is in view, or near enough to be scrolled into it soon: the
 * pages a viewport's height above and below count. */
static gboolean
page_in_view (BlReportsPage *self,
              GtkWidget     *area)
{
  graphene_rect_t bounds;
  double top, page_size, value;

  if (self->vadjustment == NULL)
    return TRUE;
  page_size = gtk_adjustment_get_page_size (self->vadjustment);
  value = gtk_adjustment_get_value (self->vadjustment);
  /* Not laid out yet: drawn, to be safe. */
  if (page_size <= 0 || !gtk_widget_compute_bounds (area, self->pages_box, &bounds))
    return TRUE;
  /* In the scrolled content's coordinates (the box's margin above it), which
   * the adjustment's value is in, whether or not the box has been moved yet. */
  top = gtk_widget_get_margin_top (self->pages_box) + bounds.origin.y;
  return top < value + 2 * page_size && top + bounds.size.height > value - page_size;
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  BlReportsPage *self = BL_REPORTS_PAGE (user_data);
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "bl-page"));

  if (self->document == NULL || page >= bl_print_document_get_n_pages (self->document))
    return;
  /* GTK draws every page of the box, in view or not: 27 pages of a big
   * month. Those out of view are drawn when scrolled near (pages_scrolled_cb). */
  if (!page_in_view (self, GTK_WIDGET (area)))
    {
      g_object_set_data (G_OBJECT (area), "bl-undrawn", GINT_TO_POINTER (TRUE));
      return;
    }
  g_object_set_data (G_OBJECT (area), "bl-undrawn", NULL);
  cairo_scale (cr, width / bl_print_document_get_page_width (self->document),
               height / bl_print_document_get_page_height (self->document));
  bl_print_document_draw_page (self->document, cr, page);
}

/* Before the frame that shows the new position: the pages left undrawn that
 * come into view are drawn in it. */
static void
pages_scrolled_cb (BlReportsPage *self)
{
  for (GtkWidget *area = gtk_widget_get_first_child (self->pages_box); area != NULL;
       area = gtk_widget_get_next_sibling (area))
    if (g_object_get_data (G_OBJECT (area), "bl-undrawn") != NULL && page_in_view (self, area))
      gtk_widget_queue_draw (area);
}

static char *
month_id (BlReportsPage *self)
{
  return g_strdup_printf ("%04d-%02d", self->year, self->month);
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else
        gtk_grid_remove (GTK_GRID (box), child);
    }
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
rebuild_statistics (BlReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *csv = NULL;

  g_clear_pointer (&self->stats, bl_year_stats_free);
  if (self->store == NULL)
    return;

  self->stats = bl_year_stats_build (self->store, self->year, &error);
  if (self->stats == NULL)
    {
      clear_children (GTK_WIDGET (self->statistics_grid));
      g_clear_pointer (&self->stats_shown, g_free);
      gtk_label_set_text (self->statistics_label, error->message);
      return;
    }
  /* Most saves change no count of the year: the grid stays as it is. */
  csv = bl_year_stats_to_csv (self->stats);
  shown = g_strdup_printf ("%d\n%s", self->year, csv);
  if (g_strcmp0 (shown, self->stats_shown) == 0)
    return;
  g_free (self->stats_shown);
  self->stats_shown = g_steal_pointer (&shown);
  clear_children (GTK_WIDGET (self->statistics_grid));

  title = g_strdup_printf (_("Activities held in %d, by month and kind: %u in all"), self->year,
                           self->stats->total);
  gtk_label_set_text (self->statistics_label, title);

  /* Kinds down, months across: twelve narrow columns fit a window where a
   * column per kind would not (the CSV keeps a row per month). */
  gtk_grid_attach (self->statistics_grid, grid_label (C_("statistics", "Kind"), 0, "heading"), 0, 0, 1, 1);
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (self->year, m, 1, 12, 0, 0);
      /* TRANSLATORS: a month as a column heading, as strftime: "11月" in Chinese */
      /* xgettext:no-c-format */
      g_autofree char *label = time != NULL ? g_date_time_format (time, C_("short month", "%b")) : NULL;

      gtk_grid_attach (self->statistics_grid, grid_label (label != NULL ? label : "", 0.5, "heading"),
                       m, 0, 1, 1);
    }
  gtk_grid_attach (self->statistics_grid, grid_label (C_("statistics", "Total"), 0.5, "heading"),
                   13, 0, 1, 1);

  for (guint k = 0; k <= self->stats->n_kinds; k++)
    {
      gboolean total_row = k == self->stats->n_kinds;
      const char *name = total_row ? C_("statistics", "Total") : self->stats->kind_names[k];

      gtk_grid_attach (self->statistics_grid, grid_label (name, 0, total_row ? "heading" : NULL),
                       0, (int) k + 1, 1, 1);
      for (int m = 1; m <= 13; m++)
        {
          guint value;
          char text[16];
          const char *css;

          if (m == 13)
            value = total_row ? self->stats->total : self->stats->kind_totals[k];
          else
            value = total_row ? self->stats->month_totals[m - 1] : self->stats->counts[(m - 1) * self->stats->n_kinds + k];
          g_snprintf (text, sizeof text, "%u", value);
          css = total_row || m == 13 ? "heading" : value == 0 ? "dim-label" : NULL;
          gtk_grid_attach (self->statistics_grid, grid_label (text, 0.5, css), m, (int) k + 1, 1, 1);
        }
    }
}

static void
rebuild (BlReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *month = month_id (self);
  g_autofree char *status = NULL;
  g_autoptr(BlPrintDocument) previous = g_steal_pointer (&self->document);
  BlReport *report;
  double width, height;
  guint n_pages, n_areas = 0, page = 0;

  g_clear_object (&self->renderer);

  rebuild_statistics (self);
  if (self->store == NULL)
    {
      clear_children (self->pages_box);
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  report = bl_report_build (self->store, month, NULL, &error);
  if (report == NULL)
    {
      clear_children (self->pages_box);
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  self->renderer = bl_report_renderer_new (report);
  bl_print_operation_get_paper_size (self->page_setup, &width, &height);
  /* The text the month had before is not shaped again. */
  self->document = bl_print_renderer_layout_after (BL_PRINT_RENDERER (self->renderer), width, height, previous);
  n_pages = bl_print_document_get_n_pages (self->document);

  /* As many pages as before (most saves): the same drawings, the pages that
   * changed drawn again; the rest (most, after one record's save) stay as
   * they are, which saves drawing and uploading 27 pages a save. */
  for (GtkWidget *area = gtk_widget_get_first_child (self->pages_box); area != NULL;
       area = gtk_widget_get_next_sibling (area))
    n_areas++;
  if (n_areas == n_pages)
    {
      for (GtkWidget *area = gtk_widget_get_first_child (self->pages_box); area != NULL;
           area = gtk_widget_get_next_sibling (area), page++)
        {
          gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (width * PREVIEW_SCALE));
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (height * PREVIEW_SCALE));
          if (previous == NULL || !bl_print_document_page_equal (self->document, page, previous))
            gtk_widget_queue_draw (area);
        }
    }
  else
    clear_children (self->pages_box);

  for (guint i = 0; n_areas != n_pages && i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);

      g_object_set_data (G_OBJECT (area), "bl-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (width * PREVIEW_SCALE));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (height * PREVIEW_SCALE));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page_cb, self, NULL);
      gtk_widget_add_css_class (area, "report-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (self->pages_box), area);
    }

  {
    g_autofree char *title = bl_report_renderer_format_title (report);

    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u page", "%s: %u pages", n_pages),
                              title, n_pages);
    gtk_label_set_text (self->summary_label, status);
  }
}

static void
bl_reports_page_refresh (BlPage   *page,
                         BlChange  changes)
{
  rebuild (BL_REPORTS_PAGE (page));
}

/* A big ledger takes a moment to summarise: not while another page is
 * shown (BlPage waits until it is). */
static void
queue_rebuild (BlReportsPage *self)
{
  bl_page_queue_refresh (BL_PAGE (self), REPORT_CHANGES);
}

static void
sync_pickers (BlReportsPage *self)
{
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->month_dropdown, (guint) self->month - 1);
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->syncing = FALSE;
}

static void
set_year_month (BlReportsPage *self,
                int            year,
                int            month)
{
  while (month < 1)
    {
      month += 12;
      year--;
    }
  while (month > 12)
    {
      month -= 12;
      year++;
    }
  year = CLAMP (year, 1900, 9999);
  if (year == self->year && month == self->month)
    return;
  self->year = year;
  self->month = month;
  sync_pickers (self);
  queue_rebuild (self);
}

static void
set_this_month (BlReportsPage *self)
{
  GDate today;

  bl_context_get_date (bl_page_get_context (BL_PAGE (self)), &today);
  set_year_month (self, g_date_get_year (&today), g_date_get_month (&today));
}

/* Callbacks */

static void
month_selected_cb (BlReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->month_dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  set_year_month (self, self->year, (int) selected + 1);
}

static void
year_changed_cb (BlReportsPage *self)
{
  if (self->syncing)
    return;
  set_year_month (self, gtk_spin_button_get_value_as_int (self->year_spin), self->month);
}

static void
pdf_chosen_cb (GtkNativeDialog *dialog,
               int              response,
               BlReportsPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  if (response == GTK_RESPONSE_ACCEPT && self->renderer != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      /* The PDF on the paper of the preview and the printer. */
      bl_print_operation_get_paper_size (self->page_setup, &width, &height);
      bl_print_renderer_export_pdf (BL_PRINT_RENDERER (self->renderer), file, width, height, &error);
      show_written (self, file, error, _("PDF Not Saved"));
    }
  g_clear_object (&self->chooser);
}

static void
csv_chosen_cb (GtkNativeDialog *dialog,
               int              response,
               BlReportsPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->stats != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      bl_year_stats_write_csv (self->stats, file, &error);
      show_written (self, file, error, _("CSV File Not Saved"));
    }
  g_clear_object (&self->chooser);
}

static void
page_setup_done_cb (GtkPageSetup *setup,
                    gpointer      user_data)
{
  g_autoptr(BlReportsPage) self = user_data;

  if (setup == NULL)
    return;
  g_set_object (&self->page_setup, setup);
  bl_print_operation_save_setup (self->print_settings, self->page_setup);
  queue_rebuild (self);
}

static void
print_done_cb (BlReportsPage           *self,
               GtkPrintOperationResult  result,
               BlPrintOperation        *operation)
{
  GtkPageSetup *used = bl_print_operation_get_page_setup (operation);

  /* The paper and printer chosen in the dialog are what the page works with
   * from now on (the operation remembers them for the next run). */
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || used == NULL)
    return;
  g_set_object (&self->page_setup, used);
  g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation)));
}

/* Actions */

static void
previous_month_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);

  set_year_month (self, self->year, self->month - 1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);

  set_year_month (self, self->year, self->month + 1);
}

static void
this_month_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  set_this_month (BL_REPORTS_PAGE (widget));
}

static void
ensure_current (BlReportsPage *self)
{
  /* An action right after a change prints what the picker shows. */
  bl_page_update_now (BL_PAGE (self));
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);

  g_autoptr(BlPrintOperation) operation = NULL;

  ensure_current (self);
  if (self->renderer == NULL)
    return;
  operation = bl_print_operation_new (BL_PRINT_RENDERER (self->renderer));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  bl_print_operation_run_dialog (operation, widget);
}

/* Asks where to save a file of one type: the page's one chooser (kept in
 * self->chooser until answered), whose response goes to @chosen_cb. */
static void
choose_file (BlReportsPage *self,
             const char    *title,
             const char    *suggested_name,
             const char    *filter_name,
             const char    *mime_type,
             const char    *pattern,
             GCallback      chosen_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested_name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", chosen_cb, self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);
  g_autofree char *month = month_id (self);
  g_autofree char *suggested = NULL;

  ensure_current (self);
  if (self->renderer == NULL || self->chooser != NULL)
    return;

  /* TRANSLATORS: file name suggested for the PDF; %s is the month, 2025-11 */
  suggested = g_strdup_printf (_("monthly-summary-%s.pdf"), month);
  choose_file (self, _("Export the Monthly Summary as PDF"), suggested,
               C_("reports", "PDF documents"), "application/pdf", "*.pdf", G_CALLBACK (pdf_chosen_cb));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);
  g_autofree char *suggested = NULL;

  ensure_current (self);
  if (self->stats == NULL || self->chooser != NULL)
    return;

  /* TRANSLATORS: file name suggested for the statistics; %d is the year */
  suggested = g_strdup_printf (_("annual-statistics-%d.csv"), self->year);
  choose_file (self, _("Export the Annual Statistics as CSV"), suggested,
               C_("reports", "CSV files"), "text/csv", "*.csv", G_CALLBACK (csv_chosen_cb));
}

/* The workbook of the year shown, as --export-xlsx --year writes it. */
static void
export_xlsx_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);

  if (self->store != NULL)
    bl_workbook_save_run (widget, self->store, self->year);
}

static void
page_setup_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  BlReportsPage *self = BL_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_print_run_page_setup_dialog_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->page_setup, self->print_settings,
                                         page_setup_done_cb, g_object_ref (self));
}

/* Overrides */

static void
bl_reports_page_constructed (GObject *object)
{
  BlReportsPage *self = BL_REPORTS_PAGE (object);
  GDate today;

  G_OBJECT_CLASS (bl_reports_page_parent_class)->constructed (object);

  self->store = bl_page_get_store (BL_PAGE (self));
  /* This month, on the ledger's clock. */
  bl_context_get_date (bl_page_get_context (BL_PAGE (self)), &today);
  self->year = g_date_get_year (&today);
  self->month = g_date_get_month (&today);
  sync_pickers (self);
}

static void
bl_reports_page_dispose (GObject *object)
{
  BlReportsPage *self = BL_REPORTS_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_REPORTS_PAGE);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->stats, bl_year_stats_free);
  g_clear_pointer (&self->stats_shown, g_free);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (bl_reports_page_parent_class)->dispose (object);
}

static void
bl_reports_page_class_init (BlReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BlPageClass *page_class = BL_PAGE_CLASS (klass);

  object_class->constructed = bl_reports_page_constructed;
  object_class->dispose = bl_reports_page_dispose;
  page_class->follows = REPORT_CHANGES;
  page_class->refresh = bl_reports_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, statistics_label);
  gtk_widget_class_bind_template_child (widget_class, BlReportsPage, statistics_grid);

  gtk_widget_class_install_action (widget_class, "reports.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "reports.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "reports.this-month", NULL, this_month_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "reports.page-setup", NULL, page_setup_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "reports.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "reports.next-month", NULL);
}

static void
bl_reports_page_init (BlReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound as a template child: the bin's own child goes with the bin. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  bl_print_operation_load_setup (&self->print_settings, &self->page_setup);
  g_signal_connect_object (self->month_dropdown, "notify::selected",
                           G_CALLBACK (month_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (year_changed_cb), self, G_CONNECT_SWAPPED);

  /* The scrolled window puts the box in a viewport, which scrolls it. */
  {
    GtkWidget *viewport = gtk_widget_get_parent (self->pages_box);

    if (GTK_IS_SCROLLABLE (viewport))
      self->vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
    if (self->vadjustment != NULL)
      {
        g_object_ref (self->vadjustment);
        g_signal_connect_object (self->vadjustment, "value-changed", G_CALLBACK (pages_scrolled_cb), self,
                                 G_CONNECT_SWAPPED);
        g_signal_connect_object (self->vadjustment, "changed", G_CALLBACK (pages_scrolled_cb), self,
                                 G_CONNECT_SWAPPED);
      }
  }
}

/* Public API */

GtkWidget *
bl_reports_page_new (BlContext *context)
{
  return bl_page_new (BL_TYPE_REPORTS_PAGE, context);
}

gboolean
bl_reports_page_set_month (BlReportsPage *self,
                           const char    *month)
{
  int year, number;

  g_return_val_if_fail (BL_IS_REPORTS_PAGE (self), FALSE);

  if (!bl_report_parse_month (month, &year, &number, NULL))
    return FALSE;
  set_year_month (self, year, number);
  ensure_current (self);
  return TRUE;
}

char *
bl_reports_page_get_month (BlReportsPage *self)
{
  g_return_val_if_fail (BL_IS_REPORTS_PAGE (self), NULL);
  return month_id (self);
}

guint
bl_reports_page_get_n_pages (BlReportsPage *self)
{
  g_return_val_if_fail (BL_IS_REPORTS_PAGE (self), 0);

  ensure_current (self);
  return self->document != NULL ? bl_print_document_get_n_pages (self->document) : 0;
}
