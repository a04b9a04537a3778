/* bl-overview-page.c: quotas by urgency, missed periods, planned and overdue
 * activities, members drifting toward six months' absence */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-date.h"
#include "bl-overview-page.h"
#include "bl-overview-row.h"
#include "bl-quota.h"

/* How far ahead planned activities are listed. */
#define UPCOMING_DAYS 14

#define NO_RULES _("No quota rules are in force. Enable a rule pack in Preferences.")

/* Missed periods and absences can run to hundreds on a big ledger nobody
 * kept for a while: this many are shown, the rest on request. */
#define SHOWN_AT_FIRST 10

struct _BlOverviewPage
{
  BlPage          parent_instance;

  gboolean        placeholder_error;  /* the quota list says why it is empty */
  gboolean        all_missed;         /* every missed period asked for */
  gboolean        all_absences;       /* every absence asked for */

  GtkLabel       *branch_label;
  GtkLabel       *today_label;
  GtkListBox     *quota_list;
  GtkWidget      *overdue_group;
  GtkListBox     *overdue_list;
  GtkListBox     *upcoming_list;
  GtkWidget      *missed_group;
  GtkListBox     *missed_list;
  GtkWidget      *absences_group;
  GtkListBox     *absences_list;
};

G_DEFINE_FINAL_TYPE (BlOverviewPage, bl_overview_page, BL_TYPE_PAGE)

/* What each part of the page is judged on. */
#define HEADER_CHANGES (BL_CHANGE_SETTINGS | BL_CHANGE_TODAY)
#define QUOTA_CHANGES  (BL_CHANGE_SETTINGS | BL_CHANGE_GROUPS | BL_CHANGE_KINDS | BL_CHANGE_MEMBERS | \
                        BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE | BL_CHANGE_RULES | BL_CHANGE_TODAY)
#define PLANNED_CHANGES (BL_CHANGE_KINDS | BL_CHANGE_ACTIVITIES | BL_CHANGE_TODAY)

/* What a row shows, all of it, to tell whether a refresh changed it. */
static char *
shown_valist (const char *first,
              va_list     args)
{
  GString *shown = g_string_new (first);
  const char *part;

  while ((part = va_arg (args, const char *)) != NULL)
    {
      g_string_append_c (shown, '\x1f');
      g_string_append (shown, part);
    }
  return g_string_free (shown, FALSE);
}

static void
set_shown (GtkWidget  *row,
           const char *first,
           ...)
{
  va_list args;

  va_start (args, first);
  g_object_set_data_full (G_OBJECT (row), "bl-shown", shown_valist (first, args), g_free);
  va_end (args);
}

/* The row at @index of @list when it shows what @first… says, else NULL. */
static GtkWidget *
row_showing (GtkListBox *list,
             int         index,
             const char *first,
             ...)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  g_autofree char *shown = NULL;
  va_list args;

  if (row == NULL)
    return NULL;
  va_start (args, first);
  shown = shown_valist (first, args);
  va_end (args);
  return g_strcmp0 (g_object_get_data (G_OBJECT (row), "bl-shown"), shown) == 0 ? GTK_WIDGET (row) : NULL;
}

/* Puts @rows (new, floating) in @list, keeping the rows already there that
 * show the same: a save that changes one quota replaces one row, and GTK
 * lays out and paints that one only. A row of @rows may be the one already
 * at its place (row_showing()): kept without making it again. */
static void
sync_list (GtkListBox *list,
           GPtrArray  *rows)
{
  GtkListBoxRow *old;
  guint i;

  for (i = 0; i < rows->len; i++)
    {
      GtkWidget *fresh = rows->pdata[i];

      old = gtk_list_box_get_row_at_index (list, (int) i);
      if (fresh == GTK_WIDGET (old))
        continue;
      if (old != NULL &&
          g_strcmp0 (g_object_get_data (G_OBJECT (old), "bl-shown"), g_object_get_data (G_OBJECT (fresh), "bl-shown")) == 0)
        {
          g_object_unref (g_object_ref_sink (fresh));
          continue;
        }
      gtk_list_box_insert (list, fresh, (int) i);
      if (old != NULL)
        gtk_list_box_remove (list, GTK_WIDGET (old));
    }
  while ((old = gtk_list_box_get_row_at_index (list, (int) i)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (old));
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void fill_quotas (BlOverviewPage *self,
                         const char     *today);

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  /* Names and topics are the user's text, shown as written. */
  return bl_overview_row_new (title, subtitle);
}

static char *
quota_title (BlQuotaStatus *quota)
{
  if (quota->group != NULL && *quota->group != '\0')
    /* Translators: a quota rule for one party group: "党小组会 · 第一党小组" */
    return g_strdup_printf (_("%s · %s"), quota->rule_name, quota->group);
  return g_strdup (quota->rule_name);
}

static char *
days_left_text (int days_left)
{
  if (days_left < 0)
    return g_strdup (_("deadline passed"));
  if (days_left == 0)
    return g_strdup (_("due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left),
                          days_left);
}

static const char *
quota_state_css (BlQuotaState state)
{
  switch (state)
    {
    case BL_QUOTA_MET:
      return "quota-met";
    case BL_QUOTA_DUE_SOON:
      return "quota-due-soon";
    case BL_QUOTA_PENDING:
    default:
      return "quota-pending";
    }
}

/* Meetings held without their quorum count toward no quota: say why they
 * are missing from "done". Takes @subtitle. */
static char *
with_invalid (char  *subtitle,
              guint  invalid)
{
  g_autofree char *own = subtitle;
  g_autofree char *note = NULL;

  if (invalid == 0)
    return g_steal_pointer (&own);
  /* Translators: held meetings that lacked their quorum, e.g. "1 次未达到法定人数" */
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without a quorum", "%u without a quorum", invalid),
                          invalid);
  /* Translators: a quota's subtitle, then the note above */
  return g_strdup_printf (_("%s · %s"), own, note);
}

static char *
quota_subtitle (BlQuotaStatus *quota)
{
  g_autofree char *deadline = bl_date_iso_format_locale (quota->end);
  g_autofree char *left = days_left_text (quota->days_left);

  /* Translators: "1 of 3 done · deadline 2025年11月30日 (3 days left)" */
  return with_invalid (g_strdup_printf (_("%u of %u done · deadline %s (%s)"),
                                        quota->done, quota->required, deadline, left),
                       quota->invalid);
}

/* The row for @quota: the one at @index of @list when it shows the same
 * (most quotas after a save), else a new one. */
static GtkWidget *
quota_row (GtkListBox    *list,
           int            index,
           BlQuotaStatus *quota)
{
  g_autofree char *title = quota_title (quota);
  g_autofree char *subtitle = quota_subtitle (quota);
  GtkWidget *row;
  GtkWidget *state;

  /* The same parts as set_shown() below. */
  row = row_showing (list, index, title, subtitle, bl_quota_state_display (quota->state), quota->kind,
                     quota->group != NULL ? quota->group : "", quota->rule_id, NULL);
  if (row != NULL)
    return row;
  row = new_row (title, subtitle);
  /* Named after its rule (and group): a handle in every language, for
   * tests and accessibility tools. */
  {
    g_autofree char *name = quota->group != NULL && *quota->group != '\0'
                            ? g_strdup_printf ("%s/%s", quota->rule_id, quota->group)
                            : g_strdup (quota->rule_id);

    gtk_widget_set_name (row, name);
  }

  /* The state in words as well as colour: colour alone tells nothing to
   * someone who cannot tell red from green, or to a screen reader. */
  state = gtk_label_new (bl_quota_state_display (quota->state));
  gtk_widget_add_css_class (state, "quota-state");
  gtk_widget_add_css_class (state, quota_state_css (quota->state));
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  bl_overview_row_add_suffix (BL_OVERVIEW_ROW (row), state);

  set_shown (row, title, subtitle, bl_quota_state_display (quota->state), quota->kind,
             quota->group != NULL ? quota->group : "", quota->rule_id, NULL);
  if (quota->state != BL_QUOTA_MET)
    {
      /* No mnemonic: every row has one, Alt+R could not tell them apart. */
      GtkWidget *button = gtk_button_new_with_label (_("Record"));
      g_autofree char *label = g_strdup_printf (_("Record: %s"), title);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Record an activity for this quota"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", quota->kind,
                                        quota->group != NULL ? quota->group : "");
      bl_overview_row_add_suffix (BL_OVERVIEW_ROW (row), button);
    }
  return row;
}

static GtkWidget *
new_missed_row (BlQuotaStatus *quota)
{
  g_autofree char *title = quota_title (quota);
  g_autofree char *start = bl_date_iso_format_locale (quota->start);
  g_autofree char *end = bl_date_iso_format_locale (quota->end);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: "2025年1月1日 – 2025年3月31日: 0 of 1 done" */
  subtitle = g_strdup_printf (_("%s – %s: %u of %u done"), start, end, quota->done, quota->required);
  subtitle = with_invalid (subtitle, quota->invalid);
  row = new_row (title, subtitle);
  set_shown (row, title, subtitle, NULL);
  return row;
}

static GtkWidget *
new_absence_row (BlAbsence *absence)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *months;

  if (absence->last_attended != NULL)
    {
      g_autofree char *last = bl_date_iso_format_locale (absence->last_attended);

      g_string_append_printf (subtitle, _("Last took part on %s"), last);
    }
  else
    g_string_append (subtitle, _("Has not taken part in any recorded activity"));

  if (absence->reasons != NULL && absence->reasons[0] != NULL)
    {
      g_autofree char *reasons = g_strjoinv (_(", "), absence->reasons);

      g_string_append (subtitle, "\n");
      g_string_append_printf (subtitle, _("Recorded reasons: %s"), reasons);
    }

  row = new_row (absence->member, subtitle->str);

  months = gtk_label_new (NULL);
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                                          absence->months),
                                             absence->months);
    gtk_label_set_text (GTK_LABEL (months), text);
    set_shown (row, absence->member, subtitle->str, text, NULL);
  }
  gtk_widget_add_css_class (months, "quota-state");
  gtk_widget_add_css_class (months, absence->months >= 6 ? "quota-due-soon" : "quota-pending");
  gtk_widget_set_valign (months, GTK_ALIGN_CENTER);
  bl_overview_row_add_suffix (BL_OVERVIEW_ROW (row), months);
  return row;
}

static GtkWidget *
new_activity_row (BlOverviewPage *self,
                  BlActivity     *activity,
                  gboolean        overdue)
{
  g_autofree char *date = bl_date_iso_format_locale (bl_activity_get_date (activity));
  g_autoptr(GString) subtitle = g_string_new (date);
  const char *topic = bl_activity_get_topic (activity);
  const char *time = bl_activity_get_start_time (activity);
  const char *location = bl_activity_get_location (activity);
  GtkWidget *row;
  GtkWidget *button;

  if (time != NULL && *time != '\0')
    g_string_append_printf (subtitle, " %s", time);
  if (location != NULL && *location != '\0')
    g_string_append_printf (subtitle, _(" · %s"), location);
  g_string_append_printf (subtitle, _(" · %s"),
                          bl_store_get_kind_name (bl_page_get_store (BL_PAGE (self)),
                                                  bl_activity_get_kind (activity)));

  row = new_row (topic != NULL && *topic != '\0' ? topic : _("(No topic)"), subtitle->str);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT "%s", bl_activity_get_id (activity),
                                           overdue ? " overdue" : "");

    set_shown (row, topic != NULL ? topic : "", subtitle->str, id, NULL);
  }

  button = gtk_button_new_with_label (overdue ? _("Fill In Record") : _("Open"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.open-activity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bl_activity_get_id (activity));
  if (overdue)
    gtk_widget_add_css_class (button, "suggested-action");
  bl_overview_row_add_suffix (BL_OVERVIEW_ROW (row), button);
  bl_overview_row_set_activatable_widget (BL_OVERVIEW_ROW (row), button);
  return row;
}

static void
fill_planned (BlOverviewPage *self,
              const char     *today)
{
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new ();
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *horizon = NULL;
  GDate date;

  bl_date_parse (today, &date);
  g_date_add_days (&date, UPCOMING_DAYS);
  horizon = bl_date_to_iso (&date);

  /* The planned ones only, soonest first: not the whole ledger. */
  planned = bl_store_list_planned (bl_page_get_store (BL_PAGE (self)), horizon, &error);
  if (planned == NULL)
    {
      g_warning ("Overview: %s", error->message);
      planned = g_ptr_array_new ();
    }
  for (guint i = 0; i < planned->len; i++)
    {
      BlActivity *activity = planned->pdata[i];

      g_ptr_array_add (strcmp (bl_activity_get_date (activity), today) < 0 ? overdue : upcoming, activity);
    }

  for (guint i = 0; i < upcoming->len; i++)
    upcoming->pdata[i] = new_activity_row (self, upcoming->pdata[i], FALSE);
  sync_list (self->upcoming_list, upcoming);
  for (guint i = 0; i < overdue->len; i++)
    overdue->pdata[i] = new_activity_row (self, overdue->pdata[i], TRUE);
  sync_list (self->overdue_list, overdue);
  gtk_widget_set_visible (self->overdue_group, overdue->len > 0);
}

static GtkWidget *
missed_row_new (gpointer item)
{
  return new_missed_row (item);
}

static GtkWidget *
absence_row_new (gpointer item)
{
  return new_absence_row (item);
}

static void
more_activated_cb (BlOverviewRow  *row,
                   BlOverviewPage *self)
{
  g_autofree char *today = bl_context_get_today (bl_page_get_context (BL_PAGE (self)));
  gboolean *all = g_object_get_data (G_OBJECT (row), "bl-all");

  *all = TRUE;
  fill_quotas (self, today);
}

/* A row that shows the @hidden rows left out when activated. */
static GtkWidget *
new_more_row (BlOverviewPage *self,
              const char     *title,
              gboolean       *all)
{
  GtkWidget *row = new_row (title, NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("pan-down-symbolic");

  bl_overview_row_add_suffix (BL_OVERVIEW_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "bl-all", all);
  g_signal_connect_object (row, "activated", G_CALLBACK (more_activated_cb), self, 0);
  set_shown (row, "more", title, NULL);
  gtk_widget_set_name (row, "more");
  return row;
}

/* The first (or, @latest, the last) SHOWN_AT_FIRST of @rows unless @all,
 * with a row that shows the rest; the rows left out are never built. */
static void
sync_some (BlOverviewPage *self,
           GtkListBox     *list,
           GPtrArray      *items,
           GtkWidget    *(*row_new) (gpointer item),
           gboolean        latest,
           const char     *more_title,
           gboolean       *all)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint hidden = *all || items->len <= SHOWN_AT_FIRST + 1 ? 0 : items->len - SHOWN_AT_FIRST;
  guint first = latest ? hidden : 0;

  if (hidden > 0 && latest)
    g_ptr_array_add (rows, new_more_row (self, more_title, all));
  for (guint i = first; i < first + (items->len - hidden); i++)
    g_ptr_array_add (rows, row_new (items->pdata[i]));
  if (hidden > 0 && !latest)
    g_ptr_array_add (rows, new_more_row (self, more_title, all));
  sync_list (list, rows);
}

static void
fill_quotas (BlOverviewPage *self,
             const char     *today)
{
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  /* The first time, usually worked out while the window was being built. */
  report = bl_context_take_quota_report (bl_page_get_context (BL_PAGE (self)), today);
  if (report == NULL)
    report = bl_quota_evaluate (bl_page_get_store (BL_PAGE (self)), today, &error);
  if (report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The quotas cannot be evaluated: %s"), error->message);

      sync_list (self->quota_list, rows);
      gtk_list_box_set_placeholder (self->quota_list, new_placeholder (text));
      self->placeholder_error = TRUE;
      gtk_widget_set_visible (self->missed_group, FALSE);
      gtk_widget_set_visible (self->absences_group, FALSE);
      return;
    }

  if (self->placeholder_error)
    {
      gtk_list_box_set_placeholder (self->quota_list, new_placeholder (NO_RULES));
      self->placeholder_error = FALSE;
    }

  for (guint i = 0; i < report->quotas->len; i++)
    g_ptr_array_add (rows, quota_row (self->quota_list, (int) i, report->quotas->pdata[i]));
  sync_list (self->quota_list, rows);
  g_ptr_array_set_size (rows, 0);
  {
    guint earlier = report->missed->len > SHOWN_AT_FIRST ? report->missed->len - SHOWN_AT_FIRST : 0;
    guint more = report->absences->len > SHOWN_AT_FIRST ? report->absences->len - SHOWN_AT_FIRST : 0;
    g_autofree char *earlier_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u Earlier Period",
                                                                   "Show %u Earlier Periods", earlier), earlier);
    g_autofree char *more_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Member",
                                                                "Show %u More Members", more), more);

    /* The latest missed periods (the list runs oldest first), the longest
     * absences (the list runs longest first). */
    sync_some (self, self->missed_list, report->missed, missed_row_new, TRUE, earlier_title, &self->all_missed);
    sync_some (self, self->absences_list, report->absences, absence_row_new, FALSE, more_title,
               &self->all_absences);
  }

  gtk_widget_set_visible (self->missed_group, report->missed->len > 0);
  gtk_widget_set_visible (self->absences_group, report->absences->len > 0);
}

/* A click or Enter on a row. */
static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row)
{
  if (BL_IS_OVERVIEW_ROW (row))
    bl_overview_row_activate (BL_OVERVIEW_ROW (row));
}

static void
fill_header (BlOverviewPage *self,
             const GDate    *date)
{
  g_autofree char *branch = bl_store_get_branch_name (bl_page_get_store (BL_PAGE (self)));
  g_autofree char *today_text = bl_date_format_locale (date);
  g_autofree char *today_line = NULL;

  /* No name yet (members imported before the branch was named): no
   * stand-in title, the window's own says what this is. */
  gtk_label_set_text (self->branch_label, branch != NULL ? branch : "");
  gtk_widget_set_visible (GTK_WIDGET (self->branch_label), branch != NULL && *branch != '\0');
  /* Translators: the overview's subtitle, with today's date */
  today_line = g_strdup_printf (_("Today is %s"), today_text);
  gtk_label_set_text (self->today_label, today_line);
}

static void
bl_overview_page_refresh (BlPage   *page,
                          BlChange  changes)
{
  BlOverviewPage *self = BL_OVERVIEW_PAGE (page);
  g_autofree char *today = NULL;
  GDate date;

  bl_context_get_date (bl_page_get_context (page), &date);
  today = bl_date_to_iso (&date);

  if (changes & HEADER_CHANGES)
    fill_header (self, &date);
  if (changes & QUOTA_CHANGES)
    fill_quotas (self, today);
  if (changes & PLANNED_CHANGES)
    fill_planned (self, today);
}

static void
bl_overview_page_dispose (GObject *object)
{
  BlOverviewPage *self = BL_OVERVIEW_PAGE (object);

  /* AdwBin owns its child: let it go before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (bl_overview_page_parent_class)->dispose (object);
}

static void
bl_overview_page_class_init (BlOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BlPageClass *page_class = BL_PAGE_CLASS (klass);

  object_class->dispose = bl_overview_page_dispose;
  page_class->follows = HEADER_CHANGES | QUOTA_CHANGES | PLANNED_CHANGES;
  page_class->refresh = bl_overview_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, branch_label);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, quota_list);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, missed_group);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, missed_list);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, absences_group);
  gtk_widget_class_bind_template_child (widget_class, BlOverviewPage, absences_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
bl_overview_page_init (BlOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->upcoming_list,
                                new_placeholder (_("Nothing is planned for the next two weeks.")));
  gtk_list_box_set_placeholder (self->quota_list, new_placeholder (NO_RULES));
}

GtkWidget *
bl_overview_page_new (BlContext *context)
{
  return bl_page_new (BL_TYPE_OVERVIEW_PAGE, context);
}
