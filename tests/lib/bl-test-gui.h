/* bl-test-gui.h: what the GUI tests share: waiting for the main loop and
 * finding widgets the way a person would (by type, label or title) */
#pragma once

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "bl-test-common.h"

G_BEGIN_DECLS

typedef gboolean (*BlTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

/* Runs the main loop until nothing is pending (idles, redraws, delayed signals). */
static inline void
bl_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
bl_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds (search entries wait before they search). */
static inline void
bl_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, bl_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  bl_test_iterate ();
}

static inline GtkWidget *
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

static inline void
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

static inline gboolean
bl_test_match_type (GtkWidget     *widget,
                    gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* A preferences row (entry, combo, action row) by its title, as written in the .ui. */
static inline gboolean
bl_test_match_row_title (GtkWidget     *widget,
                         gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static inline gboolean
bl_test_match_button_label (GtkWidget     *widget,
                            gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static inline gboolean
bl_test_match_tooltip (GtkWidget     *widget,
                       gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* The text a visible label shows: a GtkLabel's, or a GtkInscription's (the
 * cells of long lists); NULL for any other widget. */
static inline const char *
bl_test_shown_text (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (text == NULL || !gtk_widget_is_visible (widget))
    return NULL;
  return text;
}

static inline gboolean
bl_test_match_label_prefix (GtkWidget     *widget,
                            gconstpointer  data)
{
  const char *text = bl_test_shown_text (widget);

  return text != NULL && g_str_has_prefix (text, data);
}

#define bl_test_find_type(root, type) bl_test_find ((root), bl_test_match_type, GSIZE_TO_POINTER (type))
#define bl_test_find_row(root, title) bl_test_find ((root), bl_test_match_row_title, (title))
#define bl_test_find_button(root, label) bl_test_find ((root), bl_test_match_button_label, (label))

/* A click, at once (a button's "activate" clicks after an animation). */
static inline void
bl_test_click (GtkWidget *button)
{
  g_assert (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  bl_test_iterate ();
}

/* Whether a visible label inside @root starts with @text. */
static inline gboolean
bl_test_shows_text (GtkWidget  *root,
                    const char *text)
{
  return bl_test_find (root, bl_test_match_label_prefix, text) != NULL;
}

/* A visible label whose text contains @data. */
static inline gboolean
bl_test_match_label_containing (GtkWidget     *widget,
                                gconstpointer  data)
{
  const char *text = bl_test_shown_text (widget);

  return text != NULL && strstr (text, data) != NULL;
}

/* Whether a visible label under @root contains @text. */
static inline gboolean
bl_test_shows_text_within (GtkWidget  *root,
                           const char *text)
{
  return bl_test_find (root, bl_test_match_label_containing, text) != NULL;
}

/* Destroys every window of @app, and lets what that sets off run. */
static inline void
bl_test_close_windows (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
  bl_test_iterate ();
}

/* What every window test sets up before its first test: the C locale in
 * English, a temporary XDG_DATA_HOME (where the sample ledger goes; set
 * before GTK reads and caches it) and XDG_CONFIG_HOME, GTK, and reminders
 * off (they are test-notify's business, with a notification server on its
 * bus; here they keep no autostart file in the home). APP_ID comes from
 * config.h, which the test includes first. */
static inline void
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

G_END_DECLS
