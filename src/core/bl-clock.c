/* bl-clock.c: what day it is, for everything that asks: the local date
 * and time, a day-changed signal at midnight, and a fixed date for tests */
#include "config.h"

#include "bl-clock.h"
#include "bl-date.h"

/* Timers run on the monotonic clock, which stops while the machine sleeps
 * and ignores changes of the wall clock: look again this often. */
#define CHECK_EVERY_SECONDS 60
/* A moment after midnight rather than before it. */
#define MIDNIGHT_MARGIN_MS 500

struct _BlClock
{
  GObject          parent_instance;

  BlClockWallFunc  wall;
  gpointer         wall_data;
  GDate            fixed;        /* invalid unless the date is fixed */
  GDate            last;         /* the date last told */
  guint            midnight_id;
  guint            check_id;
};

G_DEFINE_FINAL_TYPE (BlClock, bl_clock, G_TYPE_OBJECT)

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void arm_timers (BlClock *self);

static GDateTime *
system_wall (gpointer user_data)
{
  return g_date_time_new_now_local ();
}

static GDateTime *
wall_now (BlClock *self)
{
  return self->wall (self->wall_data);
}

static void
date_of (GDateTime *time,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (time),
                  (GDateMonth) g_date_time_get_month (time),
                  (GDateYear) g_date_time_get_year (time));
}

void
bl_clock_get_date (BlClock *self,
                   GDate   *out)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (BL_IS_CLOCK (self));
  g_return_if_fail (out != NULL);

  if (g_date_valid (&self->fixed))
    {
      *out = self->fixed;
      return;
    }
  now = wall_now (self);
  date_of (now, out);
}

char *
bl_clock_get_today (BlClock *self)
{
  GDate today;

  g_return_val_if_fail (BL_IS_CLOCK (self), NULL);

  bl_clock_get_date (self, &today);
  return bl_date_to_iso (&today);
}

GDateTime *
bl_clock_get_now (BlClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (BL_IS_CLOCK (self), NULL);

  now = wall_now (self);
  if (!g_date_valid (&self->fixed))
    return g_steal_pointer (&now);
  return g_date_time_new_local (g_date_get_year (&self->fixed), g_date_get_month (&self->fixed),
                                g_date_get_day (&self->fixed), g_date_time_get_hour (now),
                                g_date_time_get_minute (now), g_date_time_get_seconds (now));
}

/* Tells of a new date once. */
static void
update (BlClock *self)
{
  GDate today;

  bl_clock_get_date (self, &today);
  if (g_date_valid (&self->last) && g_date_compare (&today, &self->last) == 0)
    return;
  self->last = today;
  g_signal_emit (self, signals[DAY_CHANGED], 0);
}

void
bl_clock_check (BlClock *self)
{
  g_return_if_fail (BL_IS_CLOCK (self));

  update (self);
  /* After a jump of the wall clock the midnight timer aims wrong. */
  arm_timers (self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  BlClock *self = user_data;

  self->midnight_id = 0;
  bl_clock_check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
check_cb (gpointer user_data)
{
  BlClock *self = user_data;

  update (self);
  if (self->midnight_id == 0 && !g_date_valid (&self->fixed))
    arm_timers (self);
  return G_SOURCE_CONTINUE;
}

/* Milliseconds from @now to the next local midnight. */
static guint
ms_to_midnight (GDateTime *now)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  midnight = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                    g_date_time_get_day_of_month (tomorrow), 0, 0, 0);
  return (guint) MAX (g_date_time_difference (midnight, now) / 1000, 0);
}

static void
arm_timers (BlClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  /* A fixed date does not move by itself. */
  if (g_date_valid (&self->fixed))
    {
      g_clear_handle_id (&self->check_id, g_source_remove);
      return;
    }
  now = wall_now (self);
  self->midnight_id = g_timeout_add (ms_to_midnight (now) + MIDNIGHT_MARGIN_MS, midnight_cb, self);
  if (self->check_id == 0)
    self->check_id = g_timeout_add_seconds (CHECK_EVERY_SECONDS, check_cb, self);
}

gboolean
bl_clock_set_fixed_date (BlClock    *self,
                         const char *iso)
{
  GDate date;

  g_return_val_if_fail (BL_IS_CLOCK (self), FALSE);

  if (iso == NULL)
    g_date_clear (&self->fixed, 1);
  else if (bl_date_parse (iso, &date))
    self->fixed = date;
  else
    return FALSE;
  arm_timers (self);
  update (self);
  return TRUE;
}

gboolean
bl_clock_is_fixed (BlClock *self)
{
  g_return_val_if_fail (BL_IS_CLOCK (self), FALSE);

  return g_date_valid (&self->fixed);
}

static void
bl_clock_dispose (GObject *object)
{
  BlClock *self = BL_CLOCK (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);

  G_OBJECT_CLASS (bl_clock_parent_class)->dispose (object);
}

static void
bl_clock_class_init (BlClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_clock_dispose;

  /**
   * BlClock::day-changed:
   *
   * Emitted when the local date changes: at midnight, after the machine
   * woke up on another day, or when a test moves the fixed date.
   */
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bl_clock_init (BlClock *self)
{
  g_date_clear (&self->fixed, 1);
  g_date_clear (&self->last, 1);
}

BlClock *
bl_clock_new_with_wall (BlClockWallFunc wall,
                        gpointer        user_data)
{
  BlClock *self;

  g_return_val_if_fail (wall != NULL, NULL);

  self = g_object_new (BL_TYPE_CLOCK, NULL);
  self->wall = wall;
  self->wall_data = user_data;
  bl_clock_get_date (self, &self->last);
  arm_timers (self);
  return self;
}

BlClock *
bl_clock_new (void)
{
  return bl_clock_new_with_wall (system_wall, NULL);
}

BlClock *
bl_clock_get_default (void)
{
  static BlClock *clock;

  if (g_once_init_enter (&clock))
    {
      BlClock *fresh = bl_clock_new ();
      const char *today = g_getenv ("BRANCH_LEDGER_TODAY");

      if (today != NULL && *today != '\0' && !bl_clock_set_fixed_date (fresh, today))
        g_warning ("BRANCH_LEDGER_TODAY=%s is not a date (YYYY-MM-DD); using the system's", today);
      g_once_init_leave (&clock, fresh);
    }
  return clock;
}
