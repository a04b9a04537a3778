/* bl-test-gui.c: what the GUI tests share (see bl-test-gui.h) */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "bl-activity-cell.h"
#include "bl-alert.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

void
bl_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct {
  const char *text;
  gboolean    searched;
} BlTestSearch;

static void
bl_test_search_changed_cb (GtkEditable  *entry,
                           BlTestSearch *search)
{
  /* Setting the text empties the entry first, which it searches at once. */
  if (g_strcmp0 (gtk_editable_get_text (entry), search->text) == 0)
    search->searched = TRUE;
}

void
bl_test_search (GtkWidget  *entry,
                const char *text)
{
  BlTestSearch search = { text, FALSE };
  gulong handler;

  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (bl_test_search_changed_cb), &search);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (!search.searched)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, handler);
  bl_test_iterate ();
}

GtkWidget *
bl_test_find (GtkWidget        *root,
              BlTestWidgetMatch match,
              gconstpointer     data)
{
  if (root == NULL)
    return NULL;
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bl_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
bl_test_find_all (GtkWidget        *root,
                  BlTestWidgetMatch match,
                  gconstpointer     data,
                  GPtrArray        *out)
{
  if (match (root, data))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bl_test_find_all (child, match, data, out);
}

gboolean
bl_test_match_type (GtkWidget     *widget,
                    gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gpointer
bl_test_child (GtkWidget  *root,
               GType       type,
               const char *id)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  GObject *child;

  g_assert_nonnull (root);
  bl_test_find_all (root, bl_test_match_type, GSIZE_TO_POINTER (type), owners);
  if (owners->len != 1)
    g_error ("%u widgets of type %s under %s, not one (look under a narrower root)",
             owners->len, g_type_name (type), G_OBJECT_TYPE_NAME (root));
  child = gtk_widget_get_template_child (owners->pdata[0], type, id);
  if (child == NULL)
    g_error ("%s has no template child “%s” (an id in its .ui, bound in its class_init)",
             g_type_name (type), id);
  return child;
}

gboolean
bl_test_match_name (GtkWidget     *widget,
                    gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

gboolean
bl_test_match_action (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

gboolean
bl_test_match_toast_button (GtkWidget     *widget,
                            gconstpointer  data)
{
  if (!GTK_IS_BUTTON (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (w), "toast") != NULL)
      {
        g_autoptr(AdwToast) toast = NULL;

        g_object_get (w, "toast", &toast, NULL);
        return toast != NULL &&
               g_strcmp0 (adw_toast_get_button_label (toast), gtk_button_get_label (GTK_BUTTON (widget))) == 0;
      }
  return FALSE;
}

static gboolean
match_toast_widget (GtkWidget     *widget,
                    gconstpointer  data)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "toast") != NULL;
}

void
bl_test_dismiss_toast (GtkWidget *root)
{
  GtkWidget *shown = bl_test_find (root, match_toast_widget, NULL);
  g_autoptr(AdwToast) toast = NULL;

  g_assert_nonnull (shown);
  g_object_get (shown, "toast", &toast, NULL);
  g_assert_nonnull (toast);
  adw_toast_dismiss (toast);
  bl_test_iterate ();
}

int
bl_test_menu_position (GMenuModel *menu,
                       const char *action,
                       int        *seen)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;

      if (section != NULL)
        {
          int found = bl_test_menu_position (section, action, seen);

          if (found >= 0)
            return found;
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return *seen;
      (*seen)++;
    }
  return -1;
}

gboolean
bl_test_match_menu_item (GtkWidget     *widget,
                         gconstpointer  data)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_MENU_ITEM || role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX ||
         role == GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO;
}

GtkWidget *
bl_test_find_menu_item (GtkPopoverMenu *popover,
                        const char     *action)
{
  GMenuModel *menu = gtk_popover_menu_get_menu_model (popover);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  int before = 0;
  int all = 0;
  int position = bl_test_menu_position (menu, action, &before);

  if (position < 0)
    return NULL;
  /* One shown item for each of the model's, in its order. */
  bl_test_menu_position (menu, NULL, &all);
  bl_test_find_all (GTK_WIDGET (popover), bl_test_match_menu_item, NULL, items);
  g_assert_cmpuint (items->len, ==, all);
  return items->pdata[position];
}

GtkWidget *
bl_test_response_button (GtkWidget  *alert,
                         const char *id)
{
  GtkWidget *button;

  g_assert_nonnull (alert);
  button = bl_alert_get_response_button (alert, id);
  if (button == NULL)
    g_error ("the alert has no button for the response “%s”", id);
  return button;
}

BlApplication *
bl_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  BlApplication *app = bl_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
bl_test_click (GtkWidget *button)
{
  g_assert (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  bl_test_iterate ();
}

const char *
bl_test_shown_text (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (BL_IS_ACTIVITY_CELL (widget))
    text = bl_activity_cell_get_text (BL_ACTIVITY_CELL (widget));
  if (text == NULL || !gtk_widget_is_visible (widget))
    return NULL;
  return text;
}

gboolean
bl_test_match_label_prefix (GtkWidget     *widget,
                            gconstpointer  data)
{
  const char *text = bl_test_shown_text (widget);

  return text != NULL && g_str_has_prefix (text, data);
}

gboolean
bl_test_shows_text (GtkWidget  *root,
                    const char *text)
{
  return bl_test_find (root, bl_test_match_label_prefix, text) != NULL;
}

gboolean
bl_test_match_label_containing (GtkWidget     *widget,
                                gconstpointer  data)
{
  const char *text = bl_test_shown_text (widget);

  return text != NULL && strstr (text, data) != NULL;
}

gboolean
bl_test_shows_text_within (GtkWidget  *root,
                           const char *text)
{
  return bl_test_find (root, bl_test_match_label_containing, text) != NULL;
}

void
bl_test_close_windows (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
  bl_test_iterate ();
}

void
bl_test_gui_init (int    *argc,
                  char ***argv)
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autoptr(GSettings) settings = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  data = bl_test_make_dir ();
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (argc, argv, NULL);
  config = bl_test_make_dir ();
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
}

void
bl_test_load_stylesheet (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

gboolean
bl_test_use_chinese (void)
{
  const char *localedir = g_getenv ("BRANCH_LEDGER_LOCALEDIR");

  /* The locale itself: glibc 2.41 (Debian 13) ignores LANGUAGE under C.UTF-8. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_fail_printf ("the zh_CN.UTF-8 locale is not installed (build-aux/dev generates it)");
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}
