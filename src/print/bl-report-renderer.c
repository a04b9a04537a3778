/* bl-report-renderer.c: lays the monthly summary out as a 台账 page: header,
 * activities, quotas, the attendance grid, warnings, signature footer */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-date.h"
#include "bl-report-renderer.h"

/* Narrowest column of the attendance grid: "事假" at 9 pt and its padding. */
#define GRID_MIN_COLUMN 28.0
#define GRID_MAX_COLUMN 44.0

struct _BlReportRenderer
{
  BlPrintRenderer  parent_instance;

  BlReport        *report;
};

G_DEFINE_FINAL_TYPE (BlReportRenderer, bl_report_renderer, BL_TYPE_PRINT_RENDERER)

#define CELL(text_, flags_) { (text_), 1, (flags_) }

static char *
locale_date (const char *iso)
{
  char *text = iso != NULL ? bl_date_iso_format_locale (iso) : NULL;

  return text != NULL ? text : g_strdup (iso != NULL ? iso : "");
}

static char *
with_group (const char *name,
            const char *group)
{
  if (group == NULL || group[0] == '\0')
    return g_strdup (name != NULL ? name : "");
  /* TRANSLATORS: a rule or meeting and the party group it is for: "党小组会（第一党小组）" */
  return g_strdup_printf (C_("printout", "%s (%s)"), name != NULL ? name : "", group);
}

/* The heading of a section; FALSE, after @none in its place, when the
 * section has nothing to show (@any FALSE). */
static gboolean
begin_section (BlPrintDocument *document,
               const char      *heading,
               gboolean         any,
               const char      *none)
{
  bl_print_document_add_heading (document, heading);
  if (!any)
    bl_print_document_add_paragraph (document, none, BL_PRINT_CELL_NONE);
  return any;
}

/* A table of @n_columns under the row @header, @widths wide; a column of
 * width 0 there gets what the others leave of the page's width. */
static void
begin_table (BlPrintDocument   *document,
             double            *widths,
             const BlPrintCell *header,
             guint              n_columns)
{
  double rest = bl_print_document_get_content_width (document);
  double *flexible = NULL;

  for (guint i = 0; i < n_columns; i++)
    if (widths[i] > 0)
      rest -= widths[i];
    else
      flexible = &widths[i];
  if (flexible != NULL)
    *flexible = rest;
  bl_print_document_begin_table (document, n_columns, widths);
  bl_print_document_add_header_row (document, header, n_columns);
}

static void
render_header (BlReportRenderer *self,
               BlPrintDocument  *document)
{
  BlReport *report = self->report;
  g_autofree char *title = bl_report_renderer_format_title (report);
  g_autofree char *today = NULL;
  g_autofree char *printed = NULL;
  GDate date;

  if (report->branch_name[0] != '\0')
    bl_print_document_add_title (document, report->branch_name, 15.0);
  bl_print_document_add_title (document, title, 14.0);

  bl_date_set_today (&date);
  today = bl_date_format_locale (&date);
  printed = g_strdup_printf (_("Printed on %s"), today);
  bl_print_document_add_paragraph (document, printed, BL_PRINT_CELL_END | BL_PRINT_CELL_SMALL);
}

static void
render_activities (BlReportRenderer *self,
                   BlPrintDocument  *document)
{
  BlReport *report = self->report;
  double widths[] = { 24, 74, 64, 0, 66, 52, 44, 32 };
  const BlPrintCell header[] = {
    CELL (C_("printout", "No."), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Date"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Kind"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Topic"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Host or lecturer"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Present / expected"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Rate"), BL_PRINT_CELL_CENTER),
    /* TRANSLATORS: a column: how many files (photos, the sign-in sheet…) a record has */
    CELL (C_("printout", "Files"), BL_PRINT_CELL_CENTER),
  };

  if (!begin_section (document, _("1. Activities of the month"), report->activities->len > 0,
                      _("No activities were recorded this month.")))
    return;
  begin_table (document, widths, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < report->activities->len; i++)
    {
      const BlReportActivity *activity = g_ptr_array_index (report->activities, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = locale_date (activity->date);
      g_autofree char *kind = NULL;
      g_autofree char *counts = NULL;
      g_autofree char *rate = NULL;
      g_autofree char *files = activity->attachments > 0 ? g_strdup_printf ("%u", activity->attachments)
                                                         : g_strdup ("—");
      g_autofree char *topic = NULL;

      /* TRANSLATORS: a remark on a meeting held without its quorum, which
       * therefore counts toward no quota */
      topic = activity->lacks_quorum ? g_strdup_printf (C_("printout", "%s (without a quorum)"), activity->topic)
                                     : g_strdup (activity->topic);
      if (activity->status == BL_ACTIVITY_STATUS_HELD)
        {
          kind = g_strdup (activity->kind_name);
          counts = g_strdup_printf ("%u / %u", activity->present, activity->expected);
          rate = bl_report_format_rate (activity->rate);
        }
      else
        {
          /* TRANSLATORS: a kind of meeting that is planned but not held yet */
          kind = g_strdup_printf (_("%s (planned)"), activity->kind_name);
          counts = g_strdup_printf ("— / %u", activity->expected);
          rate = g_strdup ("—");
        }

      {
        const BlPrintCell row[] = {
          CELL (number, BL_PRINT_CELL_CENTER),
          CELL (date, BL_PRINT_CELL_CENTER),
          CELL (kind, BL_PRINT_CELL_NONE),
          CELL (topic, BL_PRINT_CELL_NONE),
          CELL (activity->leader, BL_PRINT_CELL_NONE),
          CELL (counts, BL_PRINT_CELL_CENTER),
          CELL (rate, BL_PRINT_CELL_CENTER),
          CELL (files, BL_PRINT_CELL_CENTER),
        };

        bl_print_document_add_row (document, row, G_N_ELEMENTS (row));
      }
    }
  bl_print_document_end_table (document);
}

static void
render_quotas (BlReportRenderer *self,
               BlPrintDocument  *document)
{
  BlReport *report = self->report;
  double widths[] = { 0, 76, 84, 50, 42, 56 };
  g_autofree char *as_of_date = locale_date (report->evaluated_on);
  g_autofree char *as_of = g_strdup_printf (C_("printout", "As of %s."), as_of_date);
  const BlPrintCell header[] = {
    CELL (C_("printout", "Rule"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Period"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Deadline"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Required"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "Held"), BL_PRINT_CELL_CENTER),
    CELL (C_("printout", "State"), BL_PRINT_CELL_CENTER),
  };

  if (!begin_section (document, _("2. Quotas of the periods including this month"), report->quotas->len > 0,
                      _("No quota rules are enabled.")))
    return;
  bl_print_document_add_paragraph (document, as_of, BL_PRINT_CELL_SMALL);

  begin_table (document, widths, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < report->quotas->len; i++)
    {
      const BlReportQuota *quota = g_ptr_array_index (report->quotas, i);
      const BlQuotaStatus *status = quota->status;
      g_autofree char *rule = with_group (status->rule_name, status->group);
      g_autofree char *period = bl_report_format_period (status->period, status->start);
      g_autofree char *deadline = locale_date (status->end);
      g_autofree char *required = g_strdup_printf ("%u", status->required);
      g_autofree char *done = g_strdup_printf ("%u", status->done);
      BlPrintCellFlags state_flags = BL_PRINT_CELL_CENTER;

      if (quota->state == BL_REPORT_QUOTA_MISSED || quota->state == BL_REPORT_QUOTA_DUE_SOON)
        state_flags |= BL_PRINT_CELL_BOLD;

      {
        const BlPrintCell row[] = {
          CELL (rule, BL_PRINT_CELL_NONE),
          CELL (period, BL_PRINT_CELL_CENTER),
          CELL (deadline, BL_PRINT_CELL_CENTER),
          CELL (required, BL_PRINT_CELL_CENTER),
          CELL (done, BL_PRINT_CELL_CENTER),
          CELL (bl_report_quota_state_display (quota->state), state_flags),
        };

        bl_print_document_add_row (document, row, G_N_ELEMENTS (row));
      }
    }
  bl_print_document_end_table (document);
}

static const char *
cell_text (const BlReportCell *cell)
{
  switch (cell->state)
    {
    case BL_REPORT_CELL_PRESENT:
      return "✓";
    case BL_REPORT_CELL_ABSENT:
      return "✗";
    case BL_REPORT_CELL_LEAVE:
      /* TRANSLATORS: attendance grid: on leave, reason not recorded */
      return cell->reason != NULL ? cell->reason : C_("printout", "leave");
    case BL_REPORT_CELL_NOT_EXPECTED:
    default:
      return "";
    }
}

/* The number (from 1) in the activities table of the grid's @column. */
static guint
column_number (BlReport *report,
               guint     column)
{
  for (guint j = 0; j < report->activities->len; j++)
    {
      const BlReportActivity *activity = g_ptr_array_index (report->activities, j);

      if (activity->column == (int) column)
        return j + 1;
    }
  return column + 1;
}

/* One slice of the grid: activity columns [first, first + n) of the grid;
 * the member's totals go with the last slice. */
static void
render_grid_slice (BlReportRenderer *self,
                   BlPrintDocument  *document,
                   guint             first,
                   guint             n,
                   gboolean          with_totals,
                   double            name_width,
                   double            column_width)
{
  BlReport *report = self->report;
  guint n_columns = 1 + n + (with_totals ? 2 : 0);
  g_autofree double *widths = g_new (double, n_columns);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree BlPrintCell *cells = g_new0 (BlPrintCell, n_columns);
  guint c = 0;

  widths[c] = name_width;
  cells[c++] = (BlPrintCell) CELL (C_("printout", "Member"), BL_PRINT_CELL_CENTER);
  for (guint i = 0; i < n; i++)
    {
      const BlReportActivity *activity = bl_report_get_column (report, first + i);
      guint number = column_number (report, first + i);
      GDate date;
      char *text;

      /* The activity's number in the table above, over the day of the month. */
      if (bl_date_parse (activity->date, &date))
        /* TRANSLATORS: a day of the month in the attendance grid's header: "5日" */
        text = g_strdup_printf (_("%u\nday %d"), number, g_date_get_day (&date));
      else
        text = g_strdup_printf ("%u", number);
      g_ptr_array_add (texts, text);
      widths[c] = column_width;
      cells[c++] = (BlPrintCell) { text, 1, BL_PRINT_CELL_CENTER | BL_PRINT_CELL_SMALL };
    }
  if (with_totals)
    {
      widths[c] = 44;
      cells[c++] = (BlPrintCell) CELL (C_("printout", "Present / expected"), BL_PRINT_CELL_CENTER | BL_PRINT_CELL_SMALL);
      widths[c] = 40;
      cells[c++] = (BlPrintCell) CELL (C_("printout", "Rate"), BL_PRINT_CELL_CENTER | BL_PRINT_CELL_SMALL);
    }

  bl_print_document_begin_table (document, n_columns, widths);
  bl_print_document_add_header_row (document, cells, n_columns);

  for (guint m = 0; m < report->members->len; m++)
    {
      const BlReportMember *member = g_ptr_array_index (report->members, m);
      g_autofree char *name = NULL;
      g_autofree char *counts = NULL;
      g_autofree char *rate = NULL;

      if (member->transferred)
        /* TRANSLATORS: a member transferred out of the branch, in the attendance grid */
        name = g_strdup_printf (_("%s (transferred)"), member->name);
      else
        name = g_strdup (member->name);

      c = 0;
      cells[c++] = (BlPrintCell) CELL (name, BL_PRINT_CELL_NONE);
      for (guint i = 0; i < n; i++)
        {
          const BlReportCell *cell = &member->cells[first + i];
          BlPrintCellFlags flags = BL_PRINT_CELL_CENTER;

          if (cell->state == BL_REPORT_CELL_LEAVE)
            flags |= BL_PRINT_CELL_SMALL;
          cells[c++] = (BlPrintCell) { cell_text (cell), 1, flags };
        }
      if (with_totals)
        {
          counts = g_strdup_printf ("%u / %u", member->present, member->expected);
          rate = bl_report_format_rate (member->rate);
          cells[c++] = (BlPrintCell) CELL (counts, BL_PRINT_CELL_CENTER);
          cells[c++] = (BlPrintCell) CELL (rate, BL_PRINT_CELL_CENTER);
        }
      bl_print_document_add_row (document, cells, n_columns);
    }
  bl_print_document_end_table (document);
}

static void
render_attendance (BlReportRenderer *self,
                   BlPrintDocument  *document)
{
  BlReport *report = self->report;
  double width = bl_print_document_get_content_width (document);
  double name_width = 78;
  double totals_width = 44 + 40;
  guint per_slice, n_slices;

  if (!begin_section (document, _("3. Attendance of members"), report->n_columns > 0,
                      _("No activities were held this month, so there is no attendance to show.")))
    return;
  if (report->members->len == 0)
    {
      bl_print_document_add_paragraph (document, _("The branch has no members."), BL_PRINT_CELL_NONE);
      return;
    }

  bl_print_document_add_paragraph (document,
                                   _("✓ present   ✗ absent   a reason: on leave   blank: not expected. "
                                     "Columns are numbered as the activities above."),
                                   BL_PRINT_CELL_SMALL);

  /* A month with more meetings than fit across the page prints its grid in
   * slices of equal width, each under its own header. */
  per_slice = (guint) MAX (1.0, (width - name_width - totals_width) / GRID_MIN_COLUMN);
  n_slices = (report->n_columns + per_slice - 1) / per_slice;
  per_slice = (report->n_columns + n_slices - 1) / n_slices;

  for (guint s = 0; s < n_slices; s++)
    {
      guint first = s * per_slice;
      guint n = MIN (per_slice, report->n_columns - first);
      gboolean last = s + 1 == n_slices;
      double column = (width - name_width - (last ? totals_width : 0)) / n;

      if (n_slices > 1)
        {
          /* Named by the activities' numbers in the table above. */
          g_autofree char *label = g_strdup_printf (_("Activities %u to %u"),
                                                    column_number (report, first),
                                                    column_number (report, first + n - 1));

          bl_print_document_add_paragraph (document, label, BL_PRINT_CELL_BOLD | BL_PRINT_CELL_SMALL);
        }
      render_grid_slice (self, document, first, n, last, name_width,
                         CLAMP (column, GRID_MIN_COLUMN, GRID_MAX_COLUMN));
    }
}

static void
render_warnings (BlReportRenderer *self,
                 BlPrintDocument  *document)
{
  BlReport *report = self->report;

  if (!begin_section (document, _("4. Open warnings"), report->missed->len > 0 || report->absences->len > 0,
                      C_("printout", "None.")))
    return;
  for (guint i = 0; i < report->missed->len; i++)
    {
      const BlQuotaStatus *status = g_ptr_array_index (report->missed, i);
      g_autofree char *rule = with_group (status->rule_name, status->group);
      g_autofree char *period = bl_report_format_period (status->period, status->start);
      g_autofree char *deadline = locale_date (status->end);
      g_autofree char *text = NULL;

      /* TRANSLATORS: a missed quota: 1$ period, 2$ rule, 3$ held, 4$ required, 5$ deadline */
      text = g_strdup_printf (_("• Missed: %1$s, %2$s: %3$u of %4$u held by the deadline %5$s."),
                              period, rule, status->done, status->required, deadline);
      bl_print_document_add_paragraph (document, text, BL_PRINT_CELL_HANGING);
    }

  for (guint i = 0; i < report->absences->len; i++)
    {
      const BlAbsence *absence = g_ptr_array_index (report->absences, i);
      g_autofree char *last = absence->last_attended ? locale_date (absence->last_attended)
                                                      : g_strdup (C_("printout", "never"));
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_printf (text,
                       /* TRANSLATORS: 1$ member, 2$ months, 3$ date of the last activity attended */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "• %1$s has taken part in no organisational life for %2$u month (last attended: %3$s).",
                                    "• %1$s has taken part in no organisational life for %2$u months (last attended: %3$s).",
                                    absence->months),
                       absence->member, absence->months, last);
      if (absence->reasons != NULL && absence->reasons[0] != NULL)
        {
          /* TRANSLATORS: separates items of a list in running text: "、" in Chinese */
          g_autofree char *reasons = g_strjoinv (C_("printout", ", "), absence->reasons);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Recorded reasons: %s."), reasons);
        }
      bl_print_document_add_paragraph (document, text->str, BL_PRINT_CELL_HANGING);
    }
}

static void
bl_report_renderer_render (BlPrintRenderer *renderer,
                           BlPrintDocument *document)
{
  BlReportRenderer *self = BL_REPORT_RENDERER (renderer);
  g_autofree char *title = bl_report_renderer_format_title (self->report);
  g_autofree char *running = NULL;

  if (self->report->branch_name[0] != '\0')
    running = g_strdup_printf ("%s　%s", self->report->branch_name, title);
  else
    running = g_strdup (title);
  bl_print_document_start_section (document, running);
  bl_print_document_set_footer (document, _("Prepared by: __________        Reviewed by: __________"));

  render_header (self, document);
  render_activities (self, document);
  render_quotas (self, document);
  render_attendance (self, document);
  render_warnings (self, document);
}

static char *
bl_report_renderer_get_title (BlPrintRenderer *renderer)
{
  return bl_report_renderer_format_title (BL_REPORT_RENDERER (renderer)->report);
}

static void
bl_report_renderer_finalize (GObject *object)
{
  BlReportRenderer *self = BL_REPORT_RENDERER (object);

  g_clear_pointer (&self->report, bl_report_free);

  G_OBJECT_CLASS (bl_report_renderer_parent_class)->finalize (object);
}

static void
bl_report_renderer_class_init (BlReportRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BlPrintRendererClass *renderer_class = BL_PRINT_RENDERER_CLASS (klass);

  object_class->finalize = bl_report_renderer_finalize;
  renderer_class->render = bl_report_renderer_render;
  renderer_class->get_title = bl_report_renderer_get_title;
}

static void
bl_report_renderer_init (BlReportRenderer *self)
{
}

BlReportRenderer *
bl_report_renderer_new (BlReport *report)
{
  BlReportRenderer *self;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (BL_TYPE_REPORT_RENDERER, NULL);
  self->report = report;
  return self;
}

BlReport *
bl_report_renderer_get_report (BlReportRenderer *self)
{
  g_return_val_if_fail (BL_IS_REPORT_RENDERER (self), NULL);
  return self->report;
}

char *
bl_report_renderer_format_title (BlReport *report)
{
  g_autofree char *month = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  month = bl_report_format_month (report->year, report->month_number);
  /* TRANSLATORS: the monthly summary's title; %s is the month, "2025年11月" */
  return g_strdup_printf (_("Organisational Life Monthly Summary, %s"), month);
}
