/* bl-application.c: the application: command line, the ledger it has open, windows */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-application.h"
#include "bl-cli.h"
#include "bl-preferences-window.h"
#include "bl-reminder-service.h"
#include "bl-renderer.h"
#include "bl-window.h"

struct _BlApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  BlStore        *store;
  BlContext      *context;              /* the store's, for its windows and reminders */
  GError         *store_error;
  BlReminderService *reminders;
  gboolean        start_in_background;  /* --background: no window on the first activation */
  gboolean        launched;             /* run as a program (not a CLI command, not a test) */
  gboolean        quitting;             /* Quit chosen: leave once the last window is gone */
  guint           check_id;             /* starts the ledger's checks should no window paint */
};

G_DEFINE_FINAL_TYPE (BlApplication, bl_application, ADW_TYPE_APPLICATION)

/* The application's own options; the commands' come from bl_cli_get_option_entries(). */
static const GOptionEntry option_entries[] = {
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Start without a window and send reminders"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static int
bl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  BlApplication *self = BL_APPLICATION (app);
  g_autofree char *database = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, VERSION);
      return BL_EXIT_OK;
    }

  /* A file name arrives as a bytestring. */
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (database, NULL);
    }

  /* A command runs without a window, and the process ends with it. */
  status = bl_cli_run (options, self->database_path);
  if (status >= 0)
    return status;

  /* Reminders (and their autostart entry) belong to the program people
   * run; tests that register the application get neither. */
  self->launched = TRUE;
  /* A window may follow: GTK's renderer is chosen before GTK starts, and
   * before the application registers (another thread then runs). */
  bl_renderer_choose ();

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* Already running: it sends the reminders; do not open its window. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return BL_EXIT_BAD_INPUT;
        }
      if (g_application_get_is_remote (app))
        return BL_EXIT_OK;
      self->start_in_background = TRUE;
      g_application_hold (app);
    }

  return -1;
}

/* The main window on the application's ledger, created when there is none
 * (actions can arrive from a notification before any window exists). */
static BlWindow *
ensure_window (BlApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BL_IS_WINDOW (active) && bl_window_get_store (BL_WINDOW (active)) == self->store)
    return BL_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BL_IS_WINDOW (l->data) && bl_window_get_store (BL_WINDOW (l->data)) == self->store)
      return BL_WINDOW (l->data);

  return bl_window_new (self);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BlApplication *self = BL_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  BlPreferencesWindow *preferences;
  BlWindow *window;

  /* The preferences of the ledger in front (the demo ledger, say), else the application's. */
  if (BL_IS_WINDOW (active) && bl_window_get_store (BL_WINDOW (active)) != NULL)
    window = BL_WINDOW (active);
  else
    window = ensure_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (bl_window_get_store (window) == NULL)
    return;
  preferences = bl_preferences_window_new (bl_window_get_store (window));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BlApplication *self = BL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Branch Ledger developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Branch Ledger"),
                        "developer-name", _("The Branch Ledger developers"),
                        "version", VERSION,
                        "comments", _("Keep a Party branch's meetings, attendance and quotas: "
                                      "see at a glance what is due, plan meetings, fill in their "
                                      "records, and print the monthly summary."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BlApplication *self = BL_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing asks about unsaved records, where there are some; once the last
   * window is gone the program ends, background reminders or not (the
   * autostart entry brings them back at the next login). */
  self->quitting = TRUE;
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

/* app.show-page (the page's name), and app.open-overview (a reminder's
 * notification), which takes no parameter. */
static void
show_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  BlWindow *window = ensure_window (BL_APPLICATION (user_data));

  bl_window_show_page (window, parameter != NULL ? g_variant_get_string (parameter, NULL) : "overview");
  gtk_window_present (GTK_WINDOW (window));
}

static void
record_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BlWindow *window = ensure_window (BL_APPLICATION (user_data));
  const char *kind = NULL;
  const char *group = NULL;

  g_variant_get (parameter, "(&s&s)", &kind, &group);
  gtk_window_present (GTK_WINDOW (window));
  bl_window_new_activity (window, kind, group);
}

static void
open_activity_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  BlWindow *window = ensure_window (BL_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_activity (window, g_variant_get_int64 (parameter));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
  { "open-overview", show_page_activated },
  { "show-page", show_page_activated, "s" },
  { "record", record_activated, "(ss)" },
  { "open-activity", open_activity_activated, "x" },
};

typedef struct {
  const char    *path;
  gboolean       quotas_wanted;  /* a window will show the overview */
  BlStore       *store;
  GError        *error;
  char          *today;
  BlQuotaReport *quotas;         /* the overview's, for today */
} OpenLedger;

static gpointer
open_ledger_thread (gpointer data)
{
  OpenLedger *open = data;

  /* The checks of its contents go on after, while the window paints. */
  open->store = bl_store_open_deferred (open->path, &open->error);
  /* The overview's first frame shows the quotas, which read the year's
   * activities and attendance: worked out here too, still while GTK
   * starts, instead of on the main thread when the overview is built. A
   * new ledger shows the welcome page instead. */
  if (open->store != NULL && open->quotas_wanted && !bl_store_is_empty (open->store))
    {
      open->today = bl_clock_get_today (bl_store_get_clock (open->store));
      open->quotas = bl_quota_evaluate (open->store, open->today, NULL);
    }
  return NULL;
}

/* The checks of the ledger start once the window has painted (bl-window.c),
 * or after a while without one. */
#define CHECK_AT_THE_LATEST_SECONDS 2

static gboolean
start_check_cb (gpointer data)
{
  BlApplication *self = data;

  self->check_id = 0;
  if (self->store != NULL)
    bl_store_start_check (self->store);
  return G_SOURCE_REMOVE;
}

/* The checks found the ledger damaged: from now on as if it had not opened
 * (its windows show why themselves). */
static void
store_checked_cb (BlApplication *self,
                  BlStore       *store)
{
  const GError *error = bl_store_get_check_error (store);

  if (error == NULL)
    return;
  g_clear_error (&self->store_error);
  self->store_error = g_error_copy (error);
  g_clear_object (&self->context);
  g_clear_object (&self->store);
}

static void
bl_application_startup (GApplication *app)
{
  BlApplication *self = BL_APPLICATION (app);
  OpenLedger open = { self->database_path, !self->start_in_background, NULL, NULL, NULL, NULL };
  GThread *thread;

  /* Opening reads the file (a big ledger takes a moment): on the other
   * core, while GTK connects to the display and loads its styles. */
  thread = g_thread_new ("bl-open-ledger", open_ledger_thread, &open);
  G_APPLICATION_CLASS (bl_application_parent_class)->startup (app);

  g_set_application_name (_("Branch Ledger"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });

  g_thread_join (thread);
  self->store = open.store;
  self->store_error = open.error;
  /* It also watches for other programs' writes, window or not: the
   * reminders follow them too. */
  if (self->store != NULL)
    {
      self->context = bl_context_new (self->store);
      if (open.quotas != NULL)
        bl_context_offer_quota_report (self->context, open.today, g_steal_pointer (&open.quotas));
      g_signal_connect_object (self->store, "checked", G_CALLBACK (store_checked_cb), self, G_CONNECT_SWAPPED);
      if (bl_store_is_checking (self->store))
        self->check_id = g_timeout_add_seconds (CHECK_AT_THE_LATEST_SECONDS, start_check_cb, self);
    }

  g_free (open.today);
  g_clear_pointer (&open.quotas, bl_quota_report_free);

  /* Reminders run as long as the app does, window or not. */
  self->reminders = bl_reminder_service_new (app, self->store);
  if (self->launched)
    bl_application_start_reminders (self);
}

static void
bl_application_shutdown (GApplication *app)
{
  BlApplication *self = BL_APPLICATION (app);

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->reminders != NULL)
    g_object_run_dispose (G_OBJECT (self->reminders));
  g_clear_object (&self->reminders);
  if (self->context != NULL)
    g_object_run_dispose (G_OBJECT (self->context));

  G_APPLICATION_CLASS (bl_application_parent_class)->shutdown (app);
}

static void
bl_application_activate (GApplication *app)
{
  BlApplication *self = BL_APPLICATION (app);

  /* --background: stay without a window until activated again; no window
   * will paint before the ledger's checks. */
  if (self->start_in_background)
    {
      self->start_in_background = FALSE;
      g_clear_handle_id (&self->check_id, g_source_remove);
      if (self->store != NULL)
        bl_store_start_check (self->store);
      return;
    }

  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

static void
bl_application_finalize (GObject *object)
{
  BlApplication *self = BL_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (bl_application_parent_class)->finalize (object);
}

static void
bl_application_window_removed (GtkApplication *app,
                               GtkWindow      *window)
{
  BlApplication *self = BL_APPLICATION (app);

  GTK_APPLICATION_CLASS (bl_application_parent_class)->window_removed (app, window);

  if (self->quitting && gtk_application_get_windows (app) == NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
bl_application_class_init (BlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bl_application_finalize;
  GTK_APPLICATION_CLASS (klass)->window_removed = bl_application_window_removed;
  app_class->handle_local_options = bl_application_handle_local_options;
  app_class->startup = bl_application_startup;
  app_class->shutdown = bl_application_shutdown;
  app_class->activate = bl_application_activate;
}

static void
bl_application_init (BlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), bl_cli_get_option_entries ());
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep a Party branch's meetings, attendance and quotas."));
  self->database_path = bl_store_default_path ();
}

BlApplication *
bl_application_new (void)
{
  return g_object_new (BL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

BlStore *
bl_application_get_store (BlApplication *self)
{
  g_return_val_if_fail (BL_IS_APPLICATION (self), NULL);

  return self->store;
}

const char *
bl_application_get_database_path (BlApplication *self)
{
  g_return_val_if_fail (BL_IS_APPLICATION (self), NULL);

  return self->database_path;
}

const GError *
bl_application_get_store_error (BlApplication *self)
{
  g_return_val_if_fail (BL_IS_APPLICATION (self), NULL);

  return self->store_error;
}

BlContext *
bl_application_get_context (BlApplication *self)
{
  g_return_val_if_fail (BL_IS_APPLICATION (self), NULL);

  return self->context;
}

void
bl_application_start_reminders (BlApplication *self)
{
  g_return_if_fail (BL_IS_APPLICATION (self));

  if (self->store != NULL && self->reminders != NULL)
    bl_reminder_service_start (self->reminders);
}

gboolean
bl_application_runs_in_background (BlApplication *self)
{
  g_return_val_if_fail (BL_IS_APPLICATION (self), FALSE);

  return !self->quitting && self->reminders != NULL &&
         bl_reminder_service_get_holding (self->reminders);
}
