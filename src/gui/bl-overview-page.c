/* bl-overview-page.c: quotas by urgency, missed periods, planned and overdue
 * activities, members drifting toward six months' absence */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-date.h"
#include "bl-overview-page.h"
#include "bl-quota.h"

/* How far ahead planned activities are listed. */
#define UPCOMING_DAYS 14

struct _BlOverviewPage
{
  AdwBin          parent_instance;

  BlStore        *store;
  guint           refresh_id;

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

G_DEFINE_FINAL_TYPE (BlOverviewPage, bl_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
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

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names and topics are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
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

static GtkWidget *
new_quota_row (BlQuotaStatus *quota)
{
  g_autofree char *title = quota_title (quota);
  g_autofree char *deadline = bl_date_iso_format_locale (quota->end);
  g_autofree char *left = days_left_text (quota->days_left);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *state;

  /* Translators: "1 of 3 done · deadline 2025年11月30日 (3 days left)" */
  subtitle = g_strdup_printf (_("%u of %u done · deadline %s (%s)"),
                              quota->done, quota->required, deadline, left);
  subtitle = with_invalid (subtitle, quota->invalid);
  row = new_row (title, subtitle);

  /* The state in words as well as colour: colour alone tells nothing to
   * someone who cannot tell red from green, or to a screen reader. */
  state = gtk_label_new (bl_quota_state_display (quota->state));
  gtk_widget_add_css_class (state, "quota-state");
  gtk_widget_add_css_class (state, quota_state_css (quota->state));
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
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

  /* Translators: "2025年1月1日 – 2025年3月31日: 0 of 1 done" */
  subtitle = g_strdup_printf (_("%s – %s: %u of %u done"), start, end, quota->done, quota->required);
  subtitle = with_invalid (subtitle, quota->invalid);
  return new_row (title, subtitle);
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
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  months = gtk_label_new (NULL);
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                                          absence->months),
                                             absence->months);
    gtk_label_set_text (GTK_LABEL (months), text);
  }
  gtk_widget_add_css_class (months, "quota-state");
  gtk_widget_add_css_class (months, absence->months >= 6 ? "quota-due-soon" : "quota-pending");
  gtk_widget_set_valign (months, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), months);
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
                          bl_store_get_kind_name (self->store, bl_activity_get_kind (activity)));

  row = new_row (topic != NULL && *topic != '\0' ? topic : _("(No topic)"), subtitle->str);

  button = gtk_button_new_with_label (overdue ? _("Fill In Record") : _("Open"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.open-activity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bl_activity_get_id (activity));
  if (overdue)
    gtk_widget_add_css_class (button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static int
compare_activity_dates (gconstpointer a,
                        gconstpointer b)
{
  BlActivity *x = *(BlActivity **) a;
  BlActivity *y = *(BlActivity **) b;
  int cmp = g_strcmp0 (bl_activity_get_date (x), bl_activity_get_date (y));

  return cmp != 0 ? cmp : g_strcmp0 (bl_activity_get_start_time (x), bl_activity_get_start_time (y));
}

static void
fill_planned (BlOverviewPage *self,
              const char     *today)
{
  GListModel *activities = bl_store_get_activities (self->store);
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *horizon = NULL;
  guint n = g_list_model_get_n_items (activities);
  GDate date;

  bl_date_parse (today, &date);
  g_date_add_days (&date, UPCOMING_DAYS);
  horizon = bl_date_to_iso (&date);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlActivity) activity = g_list_model_get_item (activities, i);
      const char *day = bl_activity_get_date (activity);

      if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_PLANNED || day == NULL || *day == '\0')
        continue;
      if (strcmp (day, today) < 0)
        g_ptr_array_add (overdue, g_steal_pointer (&activity));
      else if (strcmp (day, horizon) <= 0)
        g_ptr_array_add (upcoming, g_steal_pointer (&activity));
    }

  g_ptr_array_sort (upcoming, compare_activity_dates);
  g_ptr_array_sort (overdue, compare_activity_dates);

  clear_list (self->upcoming_list);
  for (guint i = 0; i < upcoming->len; i++)
    gtk_list_box_append (self->upcoming_list, new_activity_row (self, upcoming->pdata[i], FALSE));

  clear_list (self->overdue_list);
  for (guint i = 0; i < overdue->len; i++)
    gtk_list_box_append (self->overdue_list, new_activity_row (self, overdue->pdata[i], TRUE));
  gtk_widget_set_visible (self->overdue_group, overdue->len > 0);
}

static void
fill_quotas (BlOverviewPage *self,
             const char     *today)
{
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->quota_list);
  clear_list (self->missed_list);
  clear_list (self->absences_list);

  report = bl_quota_evaluate (self->store, today, &error);
  if (report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The quotas cannot be evaluated: %s"), error->message);

      gtk_list_box_set_placeholder (self->quota_list, new_placeholder (text));
      gtk_widget_set_visible (self->missed_group, FALSE);
      gtk_widget_set_visible (self->absences_group, FALSE);
      return;
    }

  gtk_list_box_set_placeholder (self->quota_list,
                                new_placeholder (_("No quota rules are in force. Enable a rule pack in Preferences.")));

  for (guint i = 0; i < report->quotas->len; i++)
    gtk_list_box_append (self->quota_list, new_quota_row (report->quotas->pdata[i]));
  for (guint i = 0; i < report->missed->len; i++)
    gtk_list_box_append (self->missed_list, new_missed_row (report->missed->pdata[i]));
  for (guint i = 0; i < report->absences->len; i++)
    gtk_list_box_append (self->absences_list, new_absence_row (report->absences->pdata[i]));

  gtk_widget_set_visible (self->missed_group, report->missed->len > 0);
  gtk_widget_set_visible (self->absences_group, report->absences->len > 0);
}

static void
refresh (BlOverviewPage *self)
{
  g_autofree char *branch = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *today_line = NULL;
  GDate date;

  if (self->store == NULL)
    return;

  bl_date_set_today (&date);
  today = bl_date_to_iso (&date);
  today_text = bl_date_format_locale (&date);

  branch = bl_store_get_branch_name (self->store);
  gtk_label_set_text (self->branch_label,
                      branch != NULL && *branch != '\0' ? branch : _("Party Branch"));
  /* Translators: the overview's subtitle, with today's date */
  today_line = g_strdup_printf (_("Today is %s"), today_text);
  gtk_label_set_text (self->today_label, today_line);

  fill_quotas (self, today);
  fill_planned (self, today);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  BlOverviewPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Several changes often come in one go (an import, an undo): evaluate once. */
static void
store_changed_cb (BlOverviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

static void
bl_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BlOverviewPage *self = BL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BlOverviewPage *self = BL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bl_overview_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_overview_page_dispose (GObject *object)
{
  BlOverviewPage *self = BL_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->store);
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

  object_class->get_property = bl_overview_page_get_property;
  object_class->set_property = bl_overview_page_set_property;
  object_class->dispose = bl_overview_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
}

static void
bl_overview_page_init (BlOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->upcoming_list,
                                new_placeholder (_("Nothing is planned for the next two weeks.")));
}

GtkWidget *
bl_overview_page_new (BlStore *store)
{
  g_return_val_if_fail (store == NULL || BL_IS_STORE (store), NULL);

  return g_object_new (BL_TYPE_OVERVIEW_PAGE, "store", store, NULL);
}

BlStore *
bl_overview_page_get_store (BlOverviewPage *self)
{
  g_return_val_if_fail (BL_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}

void
bl_overview_page_set_store (BlOverviewPage *self,
                            BlStore        *store)
{
  g_return_if_fail (BL_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || BL_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
bl_overview_page_refresh (BlOverviewPage *self)
{
  g_return_if_fail (BL_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}
