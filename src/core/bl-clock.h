/* bl-clock.h: what day it is, for everything that asks: the local date
 * and time, a day-changed signal at midnight, and a fixed date for tests */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BL_TYPE_CLOCK (bl_clock_get_type ())
G_DECLARE_FINAL_TYPE (BlClock, bl_clock, BL, CLOCK, GObject)

/* Where a clock reads the wall time (a local GDateTime, transfer full). */
typedef GDateTime *(*BlClockWallFunc) (gpointer user_data);

/* A clock on the system's local time. While a main loop runs it emits
 * BlClock::day-changed at each local midnight, and notices within a minute
 * when the wall clock jumps (a suspend, a manual change). */
BlClock    *bl_clock_new               (void);
/* The same on another wall time, for tests of the timers themselves. */
BlClock    *bl_clock_new_with_wall     (BlClockWallFunc  wall,
                                        gpointer         user_data);
/* The program's clock, which src/core uses unless told otherwise (and
 * bl_date_set_today() reads). $BRANCH_LEDGER_TODAY=YYYY-MM-DD fixes its
 * date, for trying out deadlines and for whole-program tests. */
BlClock    *bl_clock_get_default       (void);

void        bl_clock_get_date          (BlClock     *self,
                                        GDate       *out);
/* Today as "YYYY-MM-DD". */
char       *bl_clock_get_today         (BlClock     *self);
/* Now, local time; with a fixed date, that day at the wall clock's time. */
GDateTime  *bl_clock_get_now           (BlClock     *self);

/* Fixes today at @iso ("YYYY-MM-DD"), or follows the wall clock again
 * (NULL). Emits BlClock::day-changed when the date changes: tests move the
 * day on without waiting for midnight. FALSE for a malformed @iso. */
gboolean    bl_clock_set_fixed_date    (BlClock     *self,
                                        const char  *iso);
gboolean    bl_clock_is_fixed          (BlClock     *self);
/* Looks at the wall clock now, as the timers do, and emits
 * BlClock::day-changed when the date has moved since the last look. */
void        bl_clock_check             (BlClock     *self);

G_END_DECLS
