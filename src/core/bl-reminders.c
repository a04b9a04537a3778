/* bl-reminders.c: which reminders are due on a day, decided from the quota
 * report, the activities and the log of what was already sent */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-date.h"
#include "bl-reminders.h"

/* The lead times the shipped rule packs use for each period length: a rule
 * with one of these follows the preference, any other keeps its own. */
static const guint shipped_lead_days[] = {
  [BL_PERIOD_MONTH] = BL_REMINDER_DEFAULT_LEAD_MONTH,
  [BL_PERIOD_QUARTER] = BL_REMINDER_DEFAULT_LEAD_QUARTER,
  [BL_PERIOD_HALF_YEAR] = BL_REMINDER_DEFAULT_LEAD_HALF_YEAR,
  [BL_PERIOD_YEAR] = BL_REMINDER_DEFAULT_LEAD_YEAR,
};

#define URGENT_DAYS 3

void
bl_reminder_free (BlReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder->kind);
  g_free (reminder->group);
  g_free (reminder->deadline);
  g_free (reminder);
}

BlReminder *
bl_reminder_copy (BlReminder *reminder)
{
  BlReminder *copy;

  g_return_val_if_fail (reminder != NULL, NULL);

  copy = g_memdup2 (reminder, sizeof *reminder);
  copy->key = g_strdup (reminder->key);
  copy->title = g_strdup (reminder->title);
  copy->body = g_strdup (reminder->body);
  copy->kind = g_strdup (reminder->kind);
  copy->group = g_strdup (reminder->group);
  copy->deadline = g_strdup (reminder->deadline);
  return copy;
}

G_DEFINE_BOXED_TYPE (BlReminder, bl_reminder, bl_reminder_copy, bl_reminder_free)

const char *
bl_reminder_type_to_id (BlReminderType type)
{
  switch (type)
    {
    case BL_REMINDER_QUOTA_DUE:
      return "quota-due";
    case BL_REMINDER_PLANNED_TOMORROW:
      return "planned-tomorrow";
    case BL_REMINDER_PLANNED_TODAY:
      return "planned-today";
    case BL_REMINDER_UNRECORDED:
      return "unrecorded";
    case BL_REMINDER_ABSENCE:
      return "absence";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
bl_reminder_options_init (BlReminderOptions *options)
{
  g_return_if_fail (options != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shipped_lead_days); i++)
    options->lead_days[i] = shipped_lead_days[i];
}

static BlReminder *
reminder_new (BlReminderType type,
              char          *key)
{
  BlReminder *reminder = g_new0 (BlReminder, 1);

  reminder->type = type;
  reminder->key = key;
  reminder->group = g_strdup ("");
  reminder->days_left = -1;
  return reminder;
}

/* "Nov 30": deadlines fall within the year being looked at. */
static char *
format_short_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (!bl_date_parse (iso, &date))
    return g_strdup (iso);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* TRANSLATORS: a day of the year without the year, in g_date_time_format()
   * syntax; zh_CN: "%-m月%-d日" */
  /* xgettext:no-c-format */
  return g_date_time_format (dt, _("%b %-d"));
}

static const char *
period_phrase (BlPeriod period)
{
  switch (period)
    {
    case BL_PERIOD_MONTH:
      /* TRANSLATORS: starts a reminder: "This month's <rule> has not been held yet" */
      return _("This month’s");
    case BL_PERIOD_QUARTER:
      return _("This quarter’s");
    case BL_PERIOD_HALF_YEAR:
      return _("This half-year’s");
    case BL_PERIOD_YEAR:
    default:
      return _("This year’s");
    }
}

static char *
format_days_left (int days)
{
  if (days <= 0)
    return g_strdup (_("today is the last day"));
  return g_strdup_printf (ngettext ("%d day left", "%d days left", (unsigned long) days), days);
}

/* What the sentence names: the kind ("theme day") when the rule is just
 * about that kind ("theme day, every month"), else the rule's own name
 * (a rule that counts only tagged sessions is not all study sessions). */
static const char *
quota_subject (BlStore             *store,
               const BlQuotaStatus *q)
{
  const char *kind = bl_store_get_kind_name (store, q->kind);

  if (kind != NULL && *kind != '\0' && g_str_has_prefix (q->rule_name, kind))
    return kind;
  return q->rule_name;
}

static BlReminder *
quota_reminder (BlStore             *store,
                const BlQuotaStatus *q)
{
  const char *subject = quota_subject (store, q);
  BlReminder *reminder;
  g_autofree char *deadline = format_short_date (q->end);
  g_autofree char *days = format_days_left (q->days_left);
  g_autofree char *name = NULL;

  reminder = reminder_new (BL_REMINDER_QUOTA_DUE,
                           g_strdup_printf ("quota:%s:%s:%s", q->rule_id, q->start,
                                            q->group != NULL ? q->group : ""));
  if (q->group != NULL && *q->group != '\0')
    name = g_strdup_printf ("%s · %s", q->rule_name, q->group);
  else
    name = g_strdup (q->rule_name);

  /* TRANSLATORS: title of a reminder; %s is a quota rule's name */
  reminder->title = g_strdup_printf (_("Due soon: %s"), name);
  if (q->done == 0)
    /* TRANSLATORS: "This month's" "theme day" has not been held yet;
     * "5 days left" (deadline "Nov 30"). */
    reminder->body = g_strdup_printf (_("%s %s has not been held yet; %s (deadline %s)."),
                                      period_phrase (q->period), subject, days, deadline);
  else
    /* TRANSLATORS: "This year's" "study session": 8 of 12 held; 4 more
     * needed, "20 days left" (deadline "Dec 31"). */
    reminder->body = g_strdup_printf (_("%s %s: %u of %u held; %u more needed, %s (deadline %s)."),
                                      period_phrase (q->period), subject, q->done, q->required,
                                      q->required - q->done, days, deadline);
  reminder->kind = g_strdup (q->kind);
  g_free (reminder->group);
  reminder->group = g_strdup (q->group != NULL ? q->group : "");
  reminder->deadline = g_strdup (q->end);
  reminder->days_left = q->days_left;
  reminder->urgent = q->days_left <= URGENT_DAYS;
  reminder->actions = BL_REMINDER_ACTION_OPEN | BL_REMINDER_ACTION_RECORD |
                      BL_REMINDER_ACTION_SNOOZE | BL_REMINDER_ACTION_DISMISS;
  return reminder;
}

static char *
activity_what (BlStore    *store,
               BlActivity *activity)
{
  const char *kind = bl_store_get_kind_name (store, bl_activity_get_kind (activity));
  const char *group = bl_activity_get_group (activity);

  if (group != NULL && *group != '\0')
    return g_strdup_printf ("%s · %s", kind, group);
  return g_strdup (kind);
}

static BlReminder *
planned_reminder (BlStore    *store,
                  BlActivity *activity,
                  const char *day,
                  gboolean    tomorrow)
{
  BlReminder *reminder;
  g_autofree char *what = activity_what (store, activity);
  g_autofree char *when = bl_activity_format_when (activity);
  const char *location = bl_activity_get_location (activity);
  GString *body = g_string_new (bl_activity_get_topic (activity));

  reminder = reminder_new (tomorrow ? BL_REMINDER_PLANNED_TOMORROW : BL_REMINDER_PLANNED_TODAY,
                           g_strdup_printf ("planned:%" G_GINT64_FORMAT ":%s",
                                            bl_activity_get_id (activity), day));
  reminder->title = g_strdup_printf (tomorrow ? _("Tomorrow: %s") : _("Today: %s"), what);

  g_string_append_c (body, '\n');
  g_string_append_printf (body, _("Time: %s"), when);
  if (location != NULL && *location != '\0')
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Place: %s"), location);
    }
  reminder->body = g_string_free (body, FALSE);
  reminder->kind = g_strdup (bl_activity_get_kind (activity));
  g_free (reminder->group);
  reminder->group = g_strdup (bl_activity_get_group (activity) != NULL ? bl_activity_get_group (activity) : "");
  reminder->activity_id = bl_activity_get_id (activity);
  /* Nothing to snooze or dismiss: the key is for this one day. On the day,
   * "Record now" opens the planned record to fill it in. */
  reminder->actions = BL_REMINDER_ACTION_OPEN | (tomorrow ? 0 : BL_REMINDER_ACTION_RECORD);
  return reminder;
}

static BlReminder *
unrecorded_reminder (BlStore    *store,
                     BlActivity *activity)
{
  BlReminder *reminder;
  g_autofree char *what = activity_what (store, activity);
  g_autofree char *date = bl_date_iso_format_locale (bl_activity_get_date (activity));

  reminder = reminder_new (BL_REMINDER_UNRECORDED,
                           g_strdup_printf ("unrecorded:%" G_GINT64_FORMAT ":%s",
                                            bl_activity_get_id (activity),
                                            bl_activity_get_date (activity)));
  /* TRANSLATORS: %s is the kind of activity; zh_CN uses 记录未完成 */
  reminder->title = g_strdup_printf (_("Record not finished: %s"), what);
  /* TRANSLATORS: "topic" on "date" */
  reminder->body = g_strdup_printf (_("“%s” on %s is still marked as planned. If it was held, "
                                      "fill in its record; if not, change its date."),
                                    bl_activity_get_topic (activity), date);
  reminder->kind = g_strdup (bl_activity_get_kind (activity));
  g_free (reminder->group);
  reminder->group = g_strdup (bl_activity_get_group (activity) != NULL ? bl_activity_get_group (activity) : "");
  reminder->activity_id = bl_activity_get_id (activity);
  reminder->actions = BL_REMINDER_ACTION_OPEN | BL_REMINDER_ACTION_RECORD |
                      BL_REMINDER_ACTION_SNOOZE | BL_REMINDER_ACTION_DISMISS;
  return reminder;
}

static BlReminder *
absence_reminder (const BlAbsence *absence,
                  const char      *date)
{
  BlReminder *reminder;
  GString *body = g_string_new (NULL);

  reminder = reminder_new (BL_REMINDER_ABSENCE,
                           g_strdup_printf ("absence:%" G_GINT64_FORMAT ":%.7s", absence->member_id, date));
  reminder->title = g_strdup_printf (ngettext ("%s: %u month without organisational life",
                                               "%s: %u months without organisational life",
                                               absence->months),
                                     absence->member, absence->months);
  if (absence->last_attended != NULL)
    {
      g_autofree char *last = bl_date_iso_format_locale (absence->last_attended);
      g_string_append_printf (body, _("Last attended on %s."), last);
    }
  else
    g_string_append (body, _("No attendance recorded."));
  if (absence->reasons != NULL && absence->reasons[0] != NULL)
    {
      /* TRANSLATORS: separates absence reasons in a list; zh_CN "、" */
      g_autofree char *reasons = g_strjoinv (_(", "), absence->reasons);
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Absence reasons recorded since: %s."), reasons);
    }
  g_string_append_c (body, '\n');
  g_string_append (body, _("Six months in a row without a proper reason count as giving up membership."));
  reminder->body = g_string_free (body, FALSE);
  reminder->member_id = absence->member_id;
  reminder->actions = BL_REMINDER_ACTION_OPEN | BL_REMINDER_ACTION_SNOOZE;
  return reminder;
}

static guint
lead_for (const BlQuotaStatus     *q,
          const BlReminderOptions *options)
{
  if ((guint) q->period >= G_N_ELEMENTS (shipped_lead_days))
    return q->lead_days;
  if (q->lead_days != shipped_lead_days[q->period])
    return q->lead_days;
  return options->lead_days[q->period];
}

GPtrArray *
bl_reminders_collect (BlStore                 *store,
                      const char              *date,
                      const BlReminderOptions *options,
                      GError                 **error)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_reminder_free);
  g_autoptr(GPtrArray) tomorrow = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) today = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) unrecorded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BlQuotaReport) report = NULL;
  g_autofree char *tomorrow_iso = NULL;
  g_autoptr(GPtrArray) planned = NULL;
  BlReminderOptions defaults;
  GDate day;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bl_date_parse (date, &day))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date);
      return NULL;
    }
  if (options == NULL)
    {
      bl_reminder_options_init (&defaults);
      options = &defaults;
    }
  g_date_add_days (&day, 1);
  tomorrow_iso = bl_date_to_iso (&day);

  report = bl_quota_evaluate (store, date, error);
  if (report == NULL)
    return NULL;

  /* The report lists quotas most urgent first. */
  for (guint i = 0; i < report->quotas->len; i++)
    {
      const BlQuotaStatus *q = g_ptr_array_index (report->quotas, i);

      if (q->done >= q->required || q->days_left < 0 || (guint) q->days_left > lead_for (q, options))
        continue;
      g_ptr_array_add (reminders, quota_reminder (store, q));
    }

  /* The planned ones up to tomorrow (a query, not the whole ledger), latest first. */
  planned = bl_store_list_planned (store, tomorrow_iso, error);
  if (planned == NULL)
    return NULL;
  for (guint i = planned->len; i > 0; i--)
    {
      g_autoptr(BlActivity) activity = g_object_ref (planned->pdata[i - 1]);
      const char *adate = bl_activity_get_date (activity);

      if (strcmp (adate, tomorrow_iso) == 0)
        g_ptr_array_add (tomorrow, g_steal_pointer (&activity));
      else if (strcmp (adate, date) == 0)
        g_ptr_array_add (today, g_steal_pointer (&activity));
      else if (strcmp (adate, date) < 0)
        g_ptr_array_add (unrecorded, g_steal_pointer (&activity));
    }
  /* Today's first, then tomorrow's, then the records not finished oldest first. */
  for (guint i = today->len; i > 0; i--)
    {
      BlActivity *activity = g_ptr_array_index (today, i - 1);
      g_ptr_array_add (reminders, planned_reminder (store, activity, date, FALSE));
    }
  for (guint i = tomorrow->len; i > 0; i--)
    {
      BlActivity *activity = g_ptr_array_index (tomorrow, i - 1);
      g_ptr_array_add (reminders, planned_reminder (store, activity, date, TRUE));
    }
  for (guint i = unrecorded->len; i > 0; i--)
    {
      BlActivity *activity = g_ptr_array_index (unrecorded, i - 1);
      g_ptr_array_add (reminders, unrecorded_reminder (store, activity));
    }

  for (guint i = 0; i < report->absences->len; i++)
    {
      const BlAbsence *absence = g_ptr_array_index (report->absences, i);

      if (absence->months >= 5)
        g_ptr_array_add (reminders, absence_reminder (absence, date));
    }

  return g_steal_pointer (&reminders);
}

gboolean
bl_reminders_is_due (BlStore          *store,
                     const BlReminder *reminder,
                     const char       *date,
                     const char       *time)
{
  g_autofree char *snoozed_until = NULL;
  g_autofree char *now = NULL;
  gboolean dismissed = FALSE;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (reminder != NULL && date != NULL, FALSE);

  bl_reminder_log_get_state (store, reminder->key, &dismissed, &snoozed_until);
  if (dismissed)
    return FALSE;
  /* At most once a day per key, snoozed or not. */
  if (bl_reminder_log_was_sent (store, reminder->key, date))
    return FALSE;
  if (snoozed_until != NULL)
    {
      now = g_strdup_printf ("%s %s", date, time != NULL ? time : "00:00");
      return strcmp (now, snoozed_until) >= 0;
    }
  /* Absences: once per member per month (the month is in the key). */
  if (reminder->type == BL_REMINDER_ABSENCE)
    return !bl_reminder_log_ever_sent (store, reminder->key);
  return TRUE;
}

GPtrArray *
bl_reminders_due (BlStore                 *store,
                  const char              *date,
                  const char              *time,
                  const BlReminderOptions *options,
                  GError                 **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *due;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  all = bl_reminders_collect (store, date, options, error);
  if (all == NULL)
    return NULL;

  due = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_reminder_free);
  for (guint i = 0; i < all->len; i++)
    {
      BlReminder *reminder = g_ptr_array_index (all, i);

      if (bl_reminders_is_due (store, reminder, date, time))
        g_ptr_array_add (due, bl_reminder_copy (reminder));
    }
  return due;
}

static int
quiet_minutes (const char *quiet_until)
{
  int minutes = 0;

  if (!bl_time_parse (quiet_until, &minutes))
    return 0;
  return minutes;
}

gboolean
bl_reminders_is_quiet (GDateTime  *now,
                       const char *quiet_until)
{
  g_return_val_if_fail (now != NULL, FALSE);

  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now) < quiet_minutes (quiet_until);
}

GDateTime *
bl_reminders_next_check (GDateTime  *now,
                         const char *quiet_until)
{
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  int quiet;

  g_return_val_if_fail (now != NULL, NULL);

  next = g_date_time_add_hours (now, 1);
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  {
    GDateTime *tmp = g_date_time_add_days (midnight, 1);
    g_date_time_unref (midnight);
    midnight = tmp;
  }
  if (g_date_time_compare (midnight, next) < 0)
    {
      g_date_time_unref (next);
      next = g_date_time_ref (midnight);
    }

  /* The quiet time ends before the hour is up: check right then. */
  quiet = quiet_minutes (quiet_until);
  if (bl_reminders_is_quiet (now, quiet_until))
    {
      g_autoptr(GDateTime) end = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now),
                                                        quiet / 60, quiet % 60, 0);
      if (g_date_time_compare (end, next) < 0)
        {
          g_date_time_unref (next);
          next = g_steal_pointer (&end);
        }
    }
  if (bl_reminders_is_quiet (next, quiet_until))
    {
      GDateTime *end = g_date_time_new_local (g_date_time_get_year (next), g_date_time_get_month (next),
                                              g_date_time_get_day_of_month (next),
                                              quiet / 60, quiet % 60, 0);
      g_date_time_unref (next);
      next = end;
    }
  return g_steal_pointer (&next);
}
