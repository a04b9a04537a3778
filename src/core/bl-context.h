/* bl-context.h: what the pages of a window (and the reminders) work with:
 * the ledger, the app's settings and the clock, with one signal for what
 * moved, writes of other programs to the ledger included */
#pragma once

#include <gio/gio.h>

#include "bl-change.h"
#include "bl-clock.h"
#include "bl-quota.h"
#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_CONTEXT (bl_context_get_type ())
G_DECLARE_FINAL_TYPE (BlContext, bl_context, BL, CONTEXT, GObject)

/* A context on @store, its clock (bl_store_get_clock() now) and the app's
 * settings (NULL when the schema is not installed). It watches the ledger's
 * file and its write-ahead log for other programs' writes while a main loop
 * runs. */
BlContext  *bl_context_new            (BlStore    *store);
BlStore    *bl_context_get_store      (BlContext  *self);
GSettings  *bl_context_get_settings   (BlContext  *self);
BlClock    *bl_context_get_clock      (BlContext  *self);
/* Today on the context's clock. */
void        bl_context_get_date       (BlContext  *self,
                                       GDate      *out);
/* Today as "YYYY-MM-DD". */
char       *bl_context_get_today      (BlContext  *self);

/* Looks now whether another program wrote to the ledger (the file watch
 * does it by itself; a window asks again when it becomes active, which
 * also covers file systems without change notification). When it did,
 * the store reloads and BlContext::changed follows. */
gboolean    bl_context_check_elsewhere (BlContext *self);

/* A quota report for @today worked out ahead, off the main thread (the
 * application does it while GTK starts, on the thread that opened the
 * ledger), for the first page that shows the quotas. Takes @report; it is
 * let go as soon as anything changes (BlContext::changed). */
void           bl_context_offer_quota_report (BlContext     *self,
                                              const char    *today,
                                              BlQuotaReport *report);
/* The report offered for @today, once (transfer full); NULL when none was,
 * it was for another day, or something changed since. */
BlQuotaReport *bl_context_take_quota_report  (BlContext     *self,
                                              const char    *today);

G_END_DECLS
