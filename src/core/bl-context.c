/* bl-context.c: the ledger, the settings and the clock a window works with;
 * BlContext::changed merges the store's news, the day changing and other
 * programs' writes, so that a page listens to one thing */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-context.h"
#include "bl-date.h"

struct _BlContext
{
  GObject       parent_instance;

  BlStore      *store;
  GSettings    *settings;
  BlClock      *clock;
  GFileMonitor *monitors[2];   /* the ledger file and its -wal */
  guint         check_id;
  char         *offered_day;      /* the day of the quota report offered, NULL without one */
  BlQuotaReport *offered_quotas;
};

G_DEFINE_FINAL_TYPE (BlContext, bl_context, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GSettings *
app_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
forget_offered (BlContext *self)
{
  g_clear_pointer (&self->offered_day, g_free);
  g_clear_pointer (&self->offered_quotas, bl_quota_report_free);
}

static void
store_changed_cb (BlContext *self,
                  BlChange   changes)
{
  forget_offered (self);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
day_changed_cb (BlContext *self)
{
  forget_offered (self);
  g_signal_emit (self, signals[CHANGED], 0, BL_CHANGE_TODAY);
}

static gboolean
check_idle_cb (gpointer user_data)
{
  BlContext *self = user_data;

  self->check_id = 0;
  bl_context_check_elsewhere (self);
  return G_SOURCE_REMOVE;
}

/* Our own commits touch the files too; PRAGMA data_version tells them
 * apart, cheaply. A burst of events (an import) costs one look. */
static void
file_changed_cb (BlContext         *self,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || self->check_id != 0)
    return;
  self->check_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_idle_cb, self, NULL);
}

static void
watch_files (BlContext *self)
{
  const char *path = bl_store_get_path (self->store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *paths[] = { path, wal };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;

      self->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (self->monitors[i] == NULL)
        {
          /* The window still looks when it becomes active. */
          g_debug ("Cannot watch %s: %s", paths[i], error->message);
          continue;
        }
      /* Another program's save shows within a tenth of a second. */
      g_file_monitor_set_rate_limit (self->monitors[i], 100);
      g_signal_connect_object (self->monitors[i], "changed", G_CALLBACK (file_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
bl_context_dispose (GObject *object)
{
  BlContext *self = BL_CONTEXT (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  forget_offered (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    {
      if (self->monitors[i] != NULL)
        g_file_monitor_cancel (self->monitors[i]);
      g_clear_object (&self->monitors[i]);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_context_parent_class)->dispose (object);
}

static void
bl_context_class_init (BlContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_context_dispose;

  /**
   * BlContext::changed:
   * @changes: what changed (BlChange flags)
   *
   * After each save the store reports (BlStore::changed), once another
   * program's writes have been read (BL_CHANGE_ALL), and when the date
   * changes (BL_CHANGE_TODAY).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, BL_TYPE_CHANGE);
}

static void
bl_context_init (BlContext *self)
{
}

BlContext *
bl_context_new (BlStore *store)
{
  BlContext *self;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  self = g_object_new (BL_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->clock = g_object_ref (bl_store_get_clock (store));
  self->settings = app_settings_new ();
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock, "day-changed", G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
  watch_files (self);
  return self;
}

BlStore *
bl_context_get_store (BlContext *self)
{
  g_return_val_if_fail (BL_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
bl_context_get_settings (BlContext *self)
{
  g_return_val_if_fail (BL_IS_CONTEXT (self), NULL);

  return self->settings;
}

BlClock *
bl_context_get_clock (BlContext *self)
{
  g_return_val_if_fail (BL_IS_CONTEXT (self), NULL);

  return self->clock;
}

void
bl_context_get_date (BlContext *self,
                     GDate     *out)
{
  g_return_if_fail (BL_IS_CONTEXT (self));
  g_return_if_fail (out != NULL);

  bl_clock_get_date (self->clock, out);
}

char *
bl_context_get_today (BlContext *self)
{
  g_return_val_if_fail (BL_IS_CONTEXT (self), NULL);

  return bl_clock_get_today (self->clock);
}

gboolean
bl_context_check_elsewhere (BlContext *self)
{
  g_autoptr(GError) error = NULL;
  gboolean changed;

  g_return_val_if_fail (BL_IS_CONTEXT (self), FALSE);

  g_clear_handle_id (&self->check_id, g_source_remove);
  changed = bl_store_check_changed_elsewhere (self->store, &error);
  if (error != NULL)
    g_message (_("Cannot read what another program changed in the ledger: %s"), error->message);
  return changed;
}

void
bl_context_offer_quota_report (BlContext     *self,
                               const char    *today,
                               BlQuotaReport *report)
{
  g_return_if_fail (BL_IS_CONTEXT (self));
  g_return_if_fail (today != NULL);
  g_return_if_fail (report != NULL);

  forget_offered (self);
  self->offered_day = g_strdup (today);
  self->offered_quotas = report;
}

BlQuotaReport *
bl_context_take_quota_report (BlContext  *self,
                              const char *today)
{
  BlQuotaReport *report = NULL;

  g_return_val_if_fail (BL_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (g_strcmp0 (self->offered_day, today) == 0)
    report = g_steal_pointer (&self->offered_quotas);
  forget_offered (self);
  return report;
}
