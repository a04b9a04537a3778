/* bl-reminders.h: which reminders are due, decided without D-Bus (see
 * ../shared/domain.md, "Reminders"); src/notify delivers them */
#pragma once

#include <glib-object.h>

#include "bl-quota.h"
#include "bl-store.h"

G_BEGIN_DECLS

typedef enum {
  BL_REMINDER_QUOTA_DUE,         /* a quota not met with its deadline near */
  BL_REMINDER_PLANNED_TOMORROW,  /* a planned activity, the day before */
  BL_REMINDER_PLANNED_TODAY,     /* a planned activity, on the day */
  BL_REMINDER_UNRECORDED,        /* planned, its date passed, not marked held: 记录未完成 */
  BL_REMINDER_ABSENCE,           /* a member at five months without organisational life */
} BlReminderType;

/* What a person can do from a reminder. */
typedef enum {
  BL_REMINDER_ACTION_OPEN    = 1 << 0,  /* the overview */
  BL_REMINDER_ACTION_RECORD  = 1 << 1,  /* the editor: a new record with the kind (and group)
                                         * filled in, or the planned activity's own record */
  BL_REMINDER_ACTION_SNOOZE  = 1 << 2,  /* again in a day */
  BL_REMINDER_ACTION_DISMISS = 1 << 3,  /* never again for this period */
} BlReminderActions;

typedef struct {
  BlReminderType    type;
  char             *key;          /* stable: "quota:RULE:START:GROUP", "planned:ID:DAY",
                                   * "unrecorded:ID:DATE", "absence:MEMBER:YYYY-MM" */
  char             *title;        /* translated, one line */
  char             *body;         /* translated */
  char             *kind;         /* kind id, for "Record now" (NULL for absences) */
  char             *group;        /* party group name, or "" */
  gint64            activity_id;  /* planned and unrecorded, else 0 */
  gint64            member_id;    /* absences, else 0 */
  char             *deadline;     /* "YYYY-MM-DD" for quotas, else NULL */
  int               days_left;    /* quotas: days to the deadline; else -1 */
  gboolean          urgent;       /* 3 days or less left */
  BlReminderActions actions;
} BlReminder;

#define BL_TYPE_REMINDER (bl_reminder_get_type ())
GType        bl_reminder_get_type         (void) G_GNUC_CONST;
void         bl_reminder_free             (BlReminder *reminder);
BlReminder  *bl_reminder_copy             (BlReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlReminder, bl_reminder_free)

const char  *bl_reminder_type_to_id       (BlReminderType type);

/* How far ahead quota reminders start, by period length. A rule whose lead
 * differs from the shipped default for its period keeps its own lead; the
 * others use these (the preference "default lead days"). */
typedef struct {
  guint lead_days[BL_PERIOD_YEAR + 1];
} BlReminderOptions;

#define BL_REMINDER_DEFAULT_LEAD_MONTH     7
#define BL_REMINDER_DEFAULT_LEAD_QUARTER   15
#define BL_REMINDER_DEFAULT_LEAD_HALF_YEAR 30
#define BL_REMINDER_DEFAULT_LEAD_YEAR      30
#define BL_REMINDER_DEFAULT_QUIET_UNTIL    "08:00"

void         bl_reminder_options_init     (BlReminderOptions *options);

/* Every reminder that applies on @date ("YYYY-MM-DD"), whatever was sent
 * before: quotas first (most urgent first), then planned activities, records
 * not finished, absences. @options may be NULL for the defaults. */
GPtrArray   *bl_reminders_collect         (BlStore                 *store,
                                           const char              *date,
                                           const BlReminderOptions *options,
                                           GError                 **error);

/* The reminders to send now: those of bl_reminders_collect() less the ones
 * already sent on @date, dismissed, snoozed past @date @time ("HH:MM"), and
 * absences already sent this month. */
GPtrArray   *bl_reminders_due             (BlStore                 *store,
                                           const char              *date,
                                           const char              *time,
                                           const BlReminderOptions *options,
                                           GError                 **error);

/* Whether a reminder with @key may be sent on @date at @time given the log. */
gboolean     bl_reminders_is_due          (BlStore                 *store,
                                           const BlReminder        *reminder,
                                           const char              *date,
                                           const char              *time);

/* Quiet time: automatic checks send nothing before @quiet_until ("HH:MM")
 * each day. "00:00" (or an unparsable value) means no quiet time. */
gboolean     bl_reminders_is_quiet        (GDateTime               *now,
                                           const char              *quiet_until);
/* When the running app checks next after @now: in an hour, but at local
 * midnight or at the end of today's quiet time if that comes first, and at
 * the end of the quiet time if the moment found falls inside it. */
GDateTime   *bl_reminders_next_check      (GDateTime               *now,
                                           const char              *quiet_until);

/* The log in the ledger (bl-reminder-log.c). @sent_at is "YYYY-MM-DD HH:MM:SS". */
gboolean     bl_reminder_log_record_sent  (BlStore                 *store,
                                           GPtrArray               *reminders,
                                           const char              *day,
                                           const char              *sent_at,
                                           GError                 **error);
gboolean     bl_reminder_log_was_sent     (BlStore                 *store,
                                           const char              *key,
                                           const char              *day);
/* Whether @key was ever sent (on any day). */
gboolean     bl_reminder_log_ever_sent    (BlStore                 *store,
                                           const char              *key);
/* The dismissed flag and the snooze time ("YYYY-MM-DD HH:MM", or NULL). */
void         bl_reminder_log_get_state    (BlStore                 *store,
                                           const char              *key,
                                           gboolean                *dismissed,
                                           char                   **snoozed_until);
/* "Don't remind again for this period": the key is never sent again. */
gboolean     bl_reminder_log_dismiss      (BlStore                 *store,
                                           const char              *key,
                                           GError                 **error);
/* "Snooze 1 day": not before the same time on the next day. */
gboolean     bl_reminder_log_snooze       (BlStore                 *store,
                                           const char              *key,
                                           GDateTime               *now,
                                           GError                 **error);

G_END_DECLS
