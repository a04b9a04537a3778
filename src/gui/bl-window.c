/* bl-window.c: the main window: first-run page, the ledger's pages, or why
 * the ledger cannot be opened */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-editor.h"
#include "bl-date.h"
#include "bl-members-page.h"
#include "bl-reports-page.h"
#include "bl-welcome-page.h"
#include "bl-window-private.h"

G_DEFINE_FINAL_TYPE (BlWindow, bl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Hands the store to every page that has a "store" property, so that pages
 * other helpers plug into the template need no code here. */
static void
give_store (GtkWidget *widget,
            BlStore   *store)
{
  if (widget != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "store") != NULL)
    g_object_set (widget, "store", store, NULL);
}

static gboolean
has_welcome_page (BlWindow *self)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->main_stack, "welcome");

  /* Until a welcome page replaces it, the slot is an empty box. */
  return child != NULL && !(GTK_IS_BOX (child) && gtk_widget_get_first_child (child) == NULL);
}

static void
setup_store (BlWindow *self)
{
  GtkSelectionModel *pages;
  guint n;

  give_store (gtk_stack_get_child_by_name (self->main_stack, "welcome"), self->store);

  pages = adw_view_stack_get_pages (self->view_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      give_store (adw_view_stack_page_get_child (page), self->store);
    }
  g_object_unref (pages);

  if (self->store != NULL && bl_store_is_empty (self->store) && has_welcome_page (self))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else if (self->store != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "main");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
activity_activated_cb (BlWindow *self,
                       gint64    id)
{
  bl_window_open_activity (self, id);
}

static void
bl_window_constructed (GObject *object)
{
  BlWindow *self = BL_WINDOW (object);

  G_OBJECT_CLASS (bl_window_parent_class)->constructed (object);

  setup_store (self);
  g_signal_connect_object (self->activities_page, "activity-activated",
                           G_CALLBACK (activity_activated_cb), self, G_CONNECT_SWAPPED);
  _bl_window_actions_update (self);
}

static void
bl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BlWindow *self = BL_WINDOW (object);

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
bl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BlWindow *self = BL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_window_dispose (GObject *object)
{
  BlWindow *self = BL_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_window_parent_class)->dispose (object);
}

static void
bl_window_class_init (BlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bl_window_constructed;
  object_class->get_property = bl_window_get_property;
  object_class->set_property = bl_window_set_property;
  object_class->dispose = bl_window_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BL_TYPE_OVERVIEW_PAGE);
  g_type_ensure (BL_TYPE_ACTIVITIES_PAGE);
  g_type_ensure (BL_TYPE_MEMBERS_PAGE);
  g_type_ensure (BL_TYPE_WELCOME_PAGE);
  g_type_ensure (BL_TYPE_REPORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, welcome_slot);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, activities_page);

  _bl_window_class_actions_init (klass);
}

static void
bl_window_init (BlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The size is remembered across runs. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

BlWindow *
bl_window_new (BlApplication *application)
{
  BlWindow *self;
  const GError *error;

  g_return_val_if_fail (BL_IS_APPLICATION (application), NULL);

  self = g_object_new (BL_TYPE_WINDOW,
                       "application", application,
                       "store", bl_application_get_store (application),
                       NULL);

  error = bl_application_get_store_error (application);
  if (self->store == NULL)
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (_("%s\n\nThe file is %s. It has not been changed."),
                                     error != NULL ? error->message : _("Unknown error."),
                                     bl_application_get_database_path (application));
      adw_status_page_set_description (self->status_page, description);
    }
  /* What opening found (read-only and why, a damaged log kept aside, permissions tightened). */
  for (const char * const *n = self->store != NULL ? bl_store_get_notices (self->store) : NULL; n != NULL && *n != NULL; n++)
    bl_window_add_toast (self, g_object_new (ADW_TYPE_TOAST, "title", *n, "timeout", 0, NULL));
  return self;
}

BlWindow *
bl_window_new_for_store (BlApplication *application,
                         BlStore       *store)
{
  g_return_val_if_fail (BL_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  return g_object_new (BL_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
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

  if (self->store != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "main");
}

void
bl_window_show_page (BlWindow   *self,
                     const char *name)
{
  g_return_if_fail (BL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (self->store == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  bl_window_show_main (self);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
bl_window_new_activity (BlWindow   *self,
                        const char *kind,
                        const char *group)
{
  g_autoptr(BlActivity) activity = NULL;
  g_autofree char *today = NULL;
  BlActivityEditor *editor;
  GDate date;

  g_return_if_fail (BL_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  bl_date_set_today (&date);
  today = bl_date_to_iso (&date);

  activity = bl_activity_new ();
  bl_activity_set_kind (activity, kind != NULL && *kind != '\0' ? kind : BL_KIND_GENERAL_MEETING);
  bl_activity_set_group (activity, group != NULL ? group : "");
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_date (activity, today);

  editor = bl_activity_editor_new (self->store, activity);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

void
bl_window_open_activity (BlWindow *self,
                         gint64    id)
{
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  BlActivityEditor *editor;
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

  activity = bl_store_get_activity (self->store, id, &error);
  if (activity == NULL)
    {
      bl_window_add_toast (self, adw_toast_new (error != NULL ? error->message
                                                : _("The activity no longer exists.")));
      return;
    }

  editor = bl_activity_editor_new (self->store, activity);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
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
