/* bl-window.c: the main window: first-run page, the ledger's pages, or why
 * the ledger cannot be opened. Each page gets the window's BlContext and is
 * built the first time it is shown. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-member-editor.h"
#include "bl-members-page.h"
#include "bl-overview-page.h"
#include "bl-reports-page.h"
#include "bl-welcome-page.h"
#include "bl-window-private.h"
#include "bl-toast.h"

/* While the window is active, another program's writes are looked for this
 * often besides the file watch (file systems without change notification). */
#define POLL_SECONDS 10

/* GSettings key: whether closing the window says that reminders keep running. */
#define SETTINGS_BACKGROUND_NOTICE "background-notice"

G_DEFINE_FINAL_TYPE (BlWindow, bl_window, ADW_TYPE_APPLICATION_WINDOW)

static const struct {
  const char *name;
  GtkWidget *(*page_new) (BlContext *context);
} page_info[BL_WINDOW_N_PAGES] = {
  [BL_WINDOW_OVERVIEW] = { "overview", bl_overview_page_new },
  [BL_WINDOW_ACTIVITIES] = { "activities", bl_activities_page_new },
  [BL_WINDOW_MEMBERS] = { "members", bl_members_page_new },
  [BL_WINDOW_REPORTS] = { "reports", bl_reports_page_new },
};

static gboolean prepare_editor_cb (gpointer data);

/* The first frame is painted: the checks of the ledger, which would have
 * slowed it down, start. A test hook, for tests/bench/bench-startup: with
 * BRANCH_LEDGER_FIRST_FRAME set, the window prints "first-frame
 * MICROSECONDS" (CLOCK_MONOTONIC, as g_get_monotonic_time()) on stdout,
 * followed by " checking" while the ledger's checks are under way, and then
 * "ledger-checked MICROSECONDS" once they are over. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        BlWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (self->store != NULL)
    bl_store_start_check (self->store);
  /* After the first frame, when nothing else waits. */
  if (self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_editor_cb, self, NULL);
  if (g_getenv ("BRANCH_LEDGER_FIRST_FRAME") == NULL)
    return;
  self->told_checking = self->store != NULL && bl_store_is_checking (self->store);
  printf ("first-frame %" G_GINT64_FORMAT "%s\n", g_get_monotonic_time (), self->told_checking ? " checking" : "");
  fflush (stdout);
}

static void
activity_activated_cb (BlWindow *self,
                       gint64    id)
{
  bl_window_open_activity (self, id);
}

BlPage *
_bl_window_ensure_page (BlWindow     *self,
                        BlWindowPage  page)
{
  GtkWidget *widget;

  g_assert (BL_IS_WINDOW (self));
  g_assert (page < BL_WINDOW_N_PAGES);

  if (self->pages[page] != NULL || self->store == NULL)
    return self->pages[page];

  widget = page_info[page].page_new (self->context);
  self->pages[page] = BL_PAGE (widget);
  if (page == BL_WINDOW_ACTIVITIES)
    g_signal_connect_object (widget, "activity-activated",
                             G_CALLBACK (activity_activated_cb), self, G_CONNECT_SWAPPED);
  /* Filled when mapped, which a shown slot does at once. */
  adw_bin_set_child (self->slots[page], widget);
  return self->pages[page];
}

/* A page is built the first time it is shown, not before. */
static void
visible_page_changed_cb (BlWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  for (guint i = 0; name != NULL && i < BL_WINDOW_N_PAGES; i++)
    if (g_str_equal (name, page_info[i].name))
      _bl_window_ensure_page (self, i);
}

/* A menu button's menu is made when it is first opened, not with the
 * window: its popover and items would be built, styled and measured before
 * the first frame, which does not show them. GTK asks at every opening:
 * the menu made the first time is kept. */
static void
menu_button_create_popup_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  BlWindow *self = BL_WINDOW (user_data);

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, button == self->primary_menu_button ? self->primary_menu
                                                                              : self->error_menu);
}

/* The app's own sample ledger (bl_welcome_page_get_demo_path()) says so, in
 * a banner and in the title: what is changed there is lost the next time
 * it is opened from the welcome page, which writes it afresh. */
static void
mark_sample (BlWindow *self)
{
  g_autofree char *sample_path = bl_welcome_page_get_demo_path ();
  gboolean sample = self->store != NULL && g_strcmp0 (bl_store_get_path (self->store), sample_path) == 0;

  gtk_widget_set_visible (self->sample_banner, sample);
  if (sample)
    gtk_window_set_title (GTK_WINDOW (self), _("Sample Data — Branch Ledger"));
}

static void
show_first_page (BlWindow *self)
{
  if (self->context == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  if (bl_store_is_empty (self->store))
    {
      adw_bin_set_child (self->welcome_slot, bl_welcome_page_new (self->context));
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  visible_page_changed_cb (self);
}

/* Opening */

/* Why the ledger cannot be opened, instead of its pages. */
static void
show_store_error (BlWindow     *self,
                  const GError *error,
                  const char   *path)
{
  g_autofree char *description = NULL;

  description = g_strdup_printf (_("%s\n\nThe file is %s. It has not been changed."),
                                 error != NULL ? error->message : _("Unknown error."), path);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/* What opening found (read-only and why, a damaged log kept aside,
 * permissions tightened), as toasts that stay: those not shown yet. */
static void
show_notices (BlWindow *self)
{
  const char * const *notices = self->store != NULL ? bl_store_get_notices (self->store) : NULL;
  guint n = notices != NULL ? g_strv_length ((char **) notices) : 0;

  /* A backup restored meanwhile starts them afresh. */
  self->notices_shown = MIN (self->notices_shown, n);
  for (; self->notices_shown < n; self->notices_shown++)
    {
      AdwToast *toast = bl_toast_new (notices[self->notices_shown]);

      adw_toast_set_timeout (toast, 0);
      bl_window_add_toast (self, toast);
    }
}

/* The record editor kept hidden for the next record goes. */
static void
drop_spare_editor (BlWindow *self)
{
  g_autoptr(BlActivityEditor) spare = g_steal_pointer (&self->spare_editor);

  if (spare != NULL)
    gtk_window_destroy (GTK_WINDOW (spare));
}

/* The checks of the ledger's contents, which run while the window shows
 * it, are over: read-only, the person is told why, as at any opening;
 * refused as damaged, its pages give way to why. */
static void
store_checked_cb (BlWindow *self,
                  BlStore  *store)
{
  const GError *error = bl_store_get_check_error (store);

  if (self->told_checking)
    {
      printf ("ledger-checked %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      fflush (stdout);
    }
  if (error == NULL)
    {
      show_notices (self);
      return;
    }

  show_store_error (self, error, bl_store_get_path (store));
  drop_spare_editor (self);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->store = NULL;
  for (guint i = 0; i < BL_WINDOW_N_PAGES; i++)
    adw_bin_set_child (self->slots[i], NULL);
  memset (self->pages, 0, sizeof self->pages);
  adw_bin_set_child (self->welcome_slot, NULL);
  _bl_window_actions_update (self);
}

/* Outside writes */

static gboolean
poll_cb (gpointer user_data)
{
  BlWindow *self = user_data;

  bl_context_check_elsewhere (self->context);
  return G_SOURCE_CONTINUE;
}

/* Back from another program (a command-line import, say): what it wrote
 * shows at once. */
static void
active_changed_cb (BlWindow *self)
{
  if (self->store == NULL)
    return;
  if (gtk_window_is_active (GTK_WINDOW (self)))
    {
      bl_context_check_elsewhere (self->context);
      if (self->poll_id == 0)
        self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
    }
  else
    g_clear_handle_id (&self->poll_id, g_source_remove);
}

/* Closing */

/* The record editors over this window: none is left behind without it. */
static GPtrArray *
list_editors (BlWindow *self,
              gboolean  modified_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *editors = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) != GTK_WINDOW (self))
        continue;
      /* A hidden editor (kept for the next record) holds no record. */
      if (BL_IS_ACTIVITY_EDITOR (window) &&
          (!modified_only || (gtk_widget_get_visible (GTK_WIDGET (window)) &&
                              bl_activity_editor_get_modified (BL_ACTIVITY_EDITOR (window)))))
        g_ptr_array_add (editors, g_steal_pointer (&window));
      else if (BL_IS_MEMBER_EDITOR (window) && !modified_only)
        g_ptr_array_add (editors, g_steal_pointer (&window));
    }
  return editors;
}

static void
destroy_editors (BlWindow *self)
{
  g_autoptr(GPtrArray) editors = list_editors (self, FALSE);

  drop_spare_editor (self);
  for (guint i = 0; i < editors->len; i++)
    gtk_window_destroy (editors->pdata[i]);
}

static gboolean
close_idle_cb (gpointer data)
{
  BlWindow *self = data;

  self->close_id = 0;
  destroy_editors (self);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Once the questions are answered, and the question itself has gone: an
 * alert must not outlive the window it was asked over. */
static void
close_now (BlWindow *self)
{
  if (self->close_id == 0)
    self->close_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
ask (BlWindow   *self,
     GtkWidget  *dialog,
     GCallback   response_cb)
{
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  g_set_weak_pointer (&self->question, dialog);
  bl_alert_present (dialog, GTK_WIDGET (self));
}

static void
background_notice_response_cb (GtkWidget  *dialog,
                               const char *response,
                               BlWindow   *self)
{
  /* Answered: no longer asked, even while the alert is still fading out. */
  g_clear_weak_pointer (&self->question);
  if (g_strcmp0 (response, "never") == 0 && self->settings != NULL)
    g_settings_set_boolean (self->settings, SETTINGS_BACKGROUND_NOTICE, FALSE);
  close_now (self);
}

/* The first time in a run that closing leaves the reminders running in the
 * background, say so, unless told not to. */
static gboolean
ask_background_notice (BlWindow *self)
{
  static gboolean told;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  guint main_windows = 0;
  GtkWidget *dialog;

  if (told || self->settings == NULL || !BL_IS_APPLICATION (app) ||
      !g_settings_get_boolean (self->settings, SETTINGS_BACKGROUND_NOTICE) ||
      !bl_application_runs_in_background (BL_APPLICATION (app)))
    return FALSE;
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    main_windows += BL_IS_WINDOW (l->data);
  if (main_windows > 1)
    return FALSE;

  told = TRUE;
  dialog = bl_alert_new (_("Reminders Keep Running"),
                         _("Branch Ledger stays in the background to remind you of deadlines, and starts "
                           "at login. To stop that, turn off “Remind Me When the App Is Closed” in "
                           "Preferences."));
  bl_alert_add_response (dialog, "never", _("_Don’t Show Again"));
  bl_alert_add_response (dialog, "close", _("_OK"));
  bl_alert_set_default_response (dialog, "close");
  bl_alert_set_close_response (dialog, "close");
  ask (self, dialog, G_CALLBACK (background_notice_response_cb));
  return TRUE;
}

static void
unsaved_response_cb (GtkWidget  *dialog,
                     const char *response,
                     BlWindow   *self)
{
  g_autoptr(GPtrArray) editors = list_editors (self, TRUE);

  /* Answered: no longer asked, even while the alert is still fading out
   * (libadwaita 1.5 and later), so that closing again asks again. */
  g_clear_weak_pointer (&self->question);
  if (g_strcmp0 (response, "save") == 0)
    for (guint i = 0; i < editors->len; i++)
      if (!bl_activity_editor_save (editors->pdata[i]))
        {
          /* Its mistakes are shown beside its fields: there to put right. */
          gtk_window_present (editors->pdata[i]);
          return;
        }
  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "discard") != 0)
    return;
  if (!ask_background_notice (self))
    close_now (self);
}

/* As a record editor's own close does: records with changes not saved are
 * saved or let go before the window goes, and their editors with it. */
static gboolean
bl_window_close_request (GtkWindow *window)
{
  BlWindow *self = BL_WINDOW (window);
  g_autoptr(GPtrArray) modified = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->closing)
    return GTK_WINDOW_CLASS (bl_window_parent_class)->close_request (window);
  /* A question already asked, or answered and the window about to close. */
  if (self->question != NULL || self->close_id != 0)
    return TRUE;

  modified = list_editors (self, TRUE);
  if (modified->len == 0)
    {
      if (ask_background_notice (self))
        return TRUE;
      destroy_editors (self);
      return GTK_WINDOW_CLASS (bl_window_parent_class)->close_request (window);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "An open record has changes that are not saved yet. Changes you do not save are lost.",
                                       "%u open records have changes that are not saved yet. Changes you do not save are lost.",
                                       modified->len),
                          modified->len);
  dialog = bl_alert_new_save_changes (body);
  ask (self, dialog, G_CALLBACK (unsaved_response_cb));
  return TRUE;
}

/* Overrides */

static void
bl_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bl_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), widget, 0);
}

static void
bl_window_dispose (GObject *object)
{
  BlWindow *self = BL_WINDOW (object);

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->close_id, g_source_remove);
  g_clear_weak_pointer (&self->question);
  if (self->help_overlay != NULL)
    gtk_window_destroy (self->help_overlay);
  g_clear_weak_pointer (&self->help_overlay);
  drop_spare_editor (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_WINDOW);
  memset (self->pages, 0, sizeof self->pages);
  self->settings = NULL;
  self->store = NULL;
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bl_window_parent_class)->dispose (object);
}

static void
bl_window_class_init (BlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bl_window_dispose;
  widget_class->realize = bl_window_realize;
  window_class->close_request = bl_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, welcome_slot);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, error_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, error_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "overview_slot", FALSE,
                                             G_STRUCT_OFFSET (BlWindow, slots[BL_WINDOW_OVERVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "activities_slot", FALSE,
                                             G_STRUCT_OFFSET (BlWindow, slots[BL_WINDOW_ACTIVITIES]));
  gtk_widget_class_bind_template_child_full (widget_class, "members_slot", FALSE,
                                             G_STRUCT_OFFSET (BlWindow, slots[BL_WINDOW_MEMBERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "reports_slot", FALSE,
                                             G_STRUCT_OFFSET (BlWindow, slots[BL_WINDOW_REPORTS]));

  _bl_window_class_actions_init (klass);
}

static void
bl_window_init (BlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, menu_button_create_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->error_menu_button, menu_button_create_popup_cb, self, NULL);
}

/* A window of @application on @context (NULL: the ledger could not be
 * opened). */
static BlWindow *
new_window (BlApplication *application,
            BlContext     *context)
{
  BlWindow *self = g_object_new (BL_TYPE_WINDOW, NULL);

  if (context != NULL)
    {
      self->context = g_object_ref (context);
      self->store = bl_context_get_store (context);
      self->settings = bl_context_get_settings (context);
    }
  /* The size is remembered across runs. */
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::is-active", G_CALLBACK (active_changed_cb), self, 0);
  if (self->store != NULL && bl_store_is_checking (self->store))
    g_signal_connect_object (self->store, "checked", G_CALLBACK (store_checked_cb), self, G_CONNECT_SWAPPED);
  mark_sample (self);
  show_first_page (self);
  _bl_window_actions_update (self);
  /* Last: the application's "window-added" sees a window that is ready. */
  gtk_window_set_application (GTK_WINDOW (self), GTK_APPLICATION (application));
  return self;
}

BlWindow *
bl_window_new (BlApplication *application)
{
  BlWindow *self;

  g_return_val_if_fail (BL_IS_APPLICATION (application), NULL);

  self = new_window (application, bl_application_get_context (application));
  if (self->context == NULL)
    show_store_error (self, bl_application_get_store_error (application),
                      bl_application_get_database_path (application));
  show_notices (self);
  return self;
}

BlWindow *
bl_window_new_for_store (BlApplication *application,
                         BlStore       *store)
{
  g_autoptr(BlContext) context = NULL;
  BlWindow *self;

  g_return_val_if_fail (BL_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  context = bl_context_new (store);
  self = new_window (application, context);
  /* What opening found is for the application's main window; what the
   * checks find later is for this one too. */
  self->notices_shown = g_strv_length ((char **) bl_store_get_notices (store));
  return self;
}

BlContext *
bl_window_get_context (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);

  return self->context;
}

BlStore *
bl_window_get_store (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);

  return self->store;
}

void
bl_window_show_main (BlWindow *self)
{
  g_return_if_fail (BL_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  visible_page_changed_cb (self);
}

void
bl_window_show_page (BlWindow   *self,
                     const char *name)
{
  g_return_if_fail (BL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (self->store == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  bl_window_show_main (self);
}

void
bl_window_new_activity (BlWindow   *self,
                        const char *kind,
                        const char *group)
{
  g_autoptr(BlActivity) activity = NULL;
  g_autofree char *today = NULL;

  g_return_if_fail (BL_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  today = bl_context_get_today (self->context);
  activity = bl_activity_new ();
  bl_activity_set_kind (activity, kind != NULL && *kind != '\0' ? kind : BL_KIND_GENERAL_MEETING);
  bl_activity_set_group (activity, group != NULL ? group : "");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);
  bl_window_edit_activity (self, activity);
}

void
bl_window_open_activity (BlWindow *self,
                         gint64    id)
{
  g_autoptr(BlActivity) activity = NULL;
  GListModel *toplevels;

  g_return_if_fail (BL_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  /* One editor per record: a second request brings the first to the front. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BL_IS_ACTIVITY_EDITOR (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          bl_activity_editor_get_id (BL_ACTIVITY_EDITOR (window)) == id &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          gtk_window_present (window);
          return;
        }
    }

  activity = _bl_window_find_activity (self, id);
  if (activity != NULL)
    bl_window_edit_activity (self, activity);
}

BlActivity *
_bl_window_find_activity (BlWindow *self,
                          gint64    id)
{
  g_autoptr(GError) error = NULL;
  BlActivity *activity;

  g_assert (self->store != NULL);

  activity = bl_store_get_activity (self->store, id, &error);
  if (activity == NULL)
    bl_window_add_toast (self, bl_toast_new (error != NULL ? error->message
                                             : _("The activity no longer exists.")));
  return activity;
}

/* An editor closed: kept hidden for the next record if none is kept yet,
 * its record let go; otherwise gone. */
static void
editor_visible_cb (BlActivityEditor *editor,
                   GParamSpec       *pspec,
                   BlWindow         *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (editor)) || editor == self->spare_editor ||
      gtk_widget_in_destruction (GTK_WIDGET (editor)))
    return;
  if (self->spare_editor == NULL && self->store != NULL && !self->closing &&
      bl_activity_editor_get_store (editor) == self->store)
    {
      bl_activity_editor_clear (editor);
      self->spare_editor = g_object_ref (editor);
    }
  else
    gtk_window_destroy (GTK_WINDOW (editor));
}

/* Gone another way (the application quitting, say): no longer kept. */
static void
editor_destroyed_cb (BlActivityEditor *editor,
                     BlWindow         *self)
{
  if (editor == self->spare_editor)
    g_clear_object (&self->spare_editor);
}

static BlActivityEditor *
new_editor (BlWindow   *self,
            BlActivity *activity)
{
  BlActivityEditor *editor = bl_activity_editor_new (self->store, activity);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_set_hide_on_close (GTK_WINDOW (editor), TRUE);
  g_signal_connect_object (editor, "notify::visible", G_CALLBACK (editor_visible_cb), self, 0);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (editor_destroyed_cb), self, 0);
  return editor;
}

/* The first record editor is made, hidden, while the window is idle after
 * its first frame: its classes, templates, style and window on the display
 * (about 200 ms here on a ledger of 300 members) are then paid before
 * anyone asks for a record, and opening one shows it as a kept editor
 * does. */
static gboolean
prepare_editor_cb (gpointer data)
{
  BlWindow *self = data;

  self->prepare_id = 0;
  if (self->spare_editor != NULL || self->store == NULL || self->closing ||
      !gtk_widget_get_visible (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  self->spare_editor = g_object_ref (new_editor (self, NULL));
  gtk_widget_realize (GTK_WIDGET (self->spare_editor));
  return G_SOURCE_REMOVE;
}

void
bl_window_edit_activity (BlWindow   *self,
                         BlActivity *activity)
{
  g_autoptr(BlActivityEditor) spare = NULL;
  BlActivityEditor *editor;

  g_return_if_fail (BL_IS_WINDOW (self));
  g_return_if_fail (BL_IS_ACTIVITY (activity));

  if (self->store == NULL)
    return;

  spare = g_steal_pointer (&self->spare_editor);
  if (spare != NULL && bl_activity_editor_get_store (spare) == self->store)
    {
      editor = spare;
      bl_activity_editor_load (editor, activity);
    }
  else
    {
      if (spare != NULL)
        gtk_window_destroy (GTK_WINDOW (spare));
      editor = new_editor (self, activity);
    }
  gtk_window_present (GTK_WINDOW (editor));
}

void
bl_window_add_toast (BlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
