/* bl-activity-check.c: the one validation of an activity record */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-check.h"
#include "bl-date.h"
#include "bl-text.h"

void
bl_problem_free (BlProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

G_GNUC_PRINTF (4, 5)
static void
add (GPtrArray         *problems,
     BlActivityField    field,
     BlProblemSeverity  severity,
     const char        *format,
     ...)
{
  BlProblem *problem = g_new0 (BlProblem, 1);
  va_list args;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  problem->field = field;
  problem->severity = severity;
  g_ptr_array_add (problems, problem);
}

static void
check_date (BlStore    *store,
            BlActivity *activity,
            GPtrArray  *problems)
{
  const char *date = bl_activity_get_date (activity);
  gboolean held = bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_HELD;
  g_autofree char *today = NULL;
  GDate parsed;

  if (date == NULL)
    {
      add (problems, BL_ACTIVITY_FIELD_DATE, BL_PROBLEM_ERROR, "%s",
           held ? _("Choose the date the activity was held.") : _("A planned activity needs a date."));
      return;
    }
  if (!bl_date_parse (date, &parsed))
    {
      add (problems, BL_ACTIVITY_FIELD_DATE, BL_PROBLEM_ERROR, _("“%s” is not a date (YYYY-MM-DD)"), date);
      return;
    }
  today = bl_clock_get_today (bl_store_get_clock (store));
  if (held && g_strcmp0 (date, today) > 0)
    add (problems, BL_ACTIVITY_FIELD_DATE, BL_PROBLEM_ERROR, "%s",
         _("A held activity cannot be dated in the future: mark it as planned, or correct the date."));
}

static void
check_times (BlActivity *activity,
             GPtrArray  *problems)
{
  const char *start = bl_activity_get_start_time (activity);
  const char *end = bl_activity_get_end_time (activity);
  int start_minutes = 0, end_minutes = 0;
  gboolean good_start = start != NULL && bl_time_parse (start, &start_minutes);
  gboolean good_end = end != NULL && bl_time_parse (end, &end_minutes);

  if (start != NULL && !good_start)
    add (problems, BL_ACTIVITY_FIELD_START, BL_PROBLEM_ERROR,
         _("Write the start time as HH:MM, for example 14:30 (“%s” is not a time)."), start);
  if (end != NULL && !good_end)
    add (problems, BL_ACTIVITY_FIELD_END, BL_PROBLEM_ERROR,
         _("Write the end time as HH:MM, for example 16:00 (“%s” is not a time)."), end);
  if (good_start && good_end && end_minutes <= start_minutes)
    add (problems, BL_ACTIVITY_FIELD_END, BL_PROBLEM_ERROR, "%s", _("The end time must be after the start time."));
  if (good_end && start == NULL)
    add (problems, BL_ACTIVITY_FIELD_START, BL_PROBLEM_INCOMPLETE, "%s",
         _("Enter the start time too, or no end time."));
}

static void
check_group (BlStore    *store,
             BlActivity *activity,
             GPtrArray  *problems)
{
  const char *group = bl_activity_get_group (activity);

  if (*group == '\0')
    {
      if (g_strcmp0 (bl_activity_get_kind (activity), BL_KIND_GROUP_MEETING) == 0)
        add (problems, BL_ACTIVITY_FIELD_GROUP, BL_PROBLEM_ERROR, "%s",
             _("A party group meeting needs its party group."));
      return;
    }
  /* One lookup by name: an import checks thousands of records. */
  if (!bl_store_has_group (store, group))
    add (problems, BL_ACTIVITY_FIELD_GROUP, BL_PROBLEM_ERROR, _("There is no party group “%s”"), group);
}

static void
check_attendance (BlActivity *activity,
                  GListModel *attendance,
                  GPtrArray  *problems)
{
  guint n = g_list_model_get_n_items (attendance);

  /* Attendance is taken at a held meeting only. */
  if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_HELD)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) entry = g_list_model_get_item (attendance, i);

      if (bl_attendee_get_state (entry) == BL_ATTENDANCE_LEAVE && bl_text_is_blank (bl_attendee_get_reason (entry)))
        {
          add (problems, BL_ACTIVITY_FIELD_ATTENDANCE, BL_PROBLEM_INCOMPLETE,
               _("Enter the reason of %s's leave."), bl_attendee_get_member_name (entry));
          ((BlProblem *) g_ptr_array_index (problems, problems->len - 1))->member_id =
            bl_attendee_get_member_id (entry);
        }
    }
}

static GPtrArray *
check (BlStore    *store,
       BlActivity *activity,
       GListModel *attendance,
       gboolean    look_for_twin)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_problem_free);
  const char *kind = bl_activity_get_kind (activity);

  if (!bl_store_has_kind (store, kind))
    add (problems, BL_ACTIVITY_FIELD_KIND, BL_PROBLEM_ERROR, _("“%s” is not a known kind of activity"), kind);
  check_date (store, activity, problems);
  check_times (activity, problems);
  check_group (store, activity, problems);
  if (bl_text_is_blank (bl_activity_get_topic (activity)))
    add (problems, BL_ACTIVITY_FIELD_TOPIC, BL_PROBLEM_ERROR, "%s", _("Enter the topic."));
  if (attendance != NULL)
    check_attendance (activity, attendance, problems);

  /* The same meeting entered twice is a likely slip, but not always one
   * (two lectures on one topic). */
  if (look_for_twin && bl_activity_get_date (activity) != NULL && !bl_text_is_blank (bl_activity_get_topic (activity)) &&
      bl_store_activity_exists (store, kind, bl_activity_get_date (activity), bl_activity_get_start_time (activity),
                                bl_activity_get_topic (activity), bl_activity_get_id (activity)))
    add (problems, BL_ACTIVITY_FIELD_RECORD, BL_PROBLEM_WARNING, "%s",
         _("An activity of this kind with the same date, start time and topic is already in the ledger."));
  return problems;
}

GPtrArray *
bl_activity_check (BlStore    *store,
                   BlActivity *activity,
                   GListModel *attendance)
{
  g_return_val_if_fail (BL_IS_STORE (store), g_ptr_array_new ());
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), g_ptr_array_new ());
  g_return_val_if_fail (attendance == NULL || G_IS_LIST_MODEL (attendance), g_ptr_array_new ());

  return check (store, activity, attendance, TRUE);
}

GPtrArray *
bl_activity_check_fields (BlStore    *store,
                          BlActivity *activity)
{
  g_return_val_if_fail (BL_IS_STORE (store), g_ptr_array_new ());
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), g_ptr_array_new ());

  return check (store, activity, NULL, FALSE);
}

BlProblem *
bl_problems_find (GPtrArray         *problems,
                  BlProblemSeverity  severity)
{
  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      BlProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == severity)
        return problem;
    }
  return NULL;
}

gboolean
bl_problems_to_error (GPtrArray  *problems,
                      GError    **error)
{
  BlProblem *problem;

  g_return_val_if_fail (problems != NULL, FALSE);

  problem = bl_problems_find (problems, BL_PROBLEM_ERROR);
  if (problem == NULL)
    return TRUE;
  g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, problem->message);
  return FALSE;
}
