/* bl-alert.c: AdwAlertDialog where libadwaita has it, AdwMessageDialog before.
 *
 * AdwMessageDialog, the only kind in libadwaita 1.2 (Debian 12), is
 * deprecated from 1.6, and 1.7 (Debian 13) warns while it lays out its
 * heading. AdwAlertDialog, new in 1.5, does the same job without. The build
 * pins ADW_VERSION_MAX_ALLOWED to 1.2 so that nothing newer slips in; this
 * file alone uses 1.5 API, behind the compile-time check below, and so turns
 * the "unavailable" warnings off for its own body. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-alert.h"

#define BL_USE_ALERT_DIALOG ADW_CHECK_VERSION (1, 5, 0)

/* The alerts presented and not yet finalized, the latest last. */
static GPtrArray *open_alerts;

static void
alert_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  g_ptr_array_remove (open_alerts, where_the_object_was);
}

/* An alert is answered once, then goes. */
static void
forget (GtkWidget *alert)
{
  if (g_ptr_array_remove (open_alerts, alert))
    g_object_weak_unref (G_OBJECT (alert), alert_finalized_cb, NULL);
}

static void
alert_answered_cb (GtkWidget  *alert,
                   const char *response,
                   gpointer    data)
{
  forget (alert);
}

#if !BL_USE_ALERT_DIALOG
/* GtkWindow lets go of its transient parent only when it is finalized, and
 * a dialog closed or destroyed with its parent is not finalized while
 * something still holds it (the accessibility layer, a signal emission). It
 * would then be finalized after the window it was asked over, and
 * disconnect four handlers from freed memory: "instance with invalid (NULL)
 * class pointer" and "g_signal_handlers_disconnect_matched: assertion
 * failed", four times. So it lets go as it is hidden, while the parent is
 * still there. */
static void
alert_hidden_cb (GtkWidget *alert,
                 gpointer   data)
{
  gtk_window_set_transient_for (GTK_WINDOW (alert), NULL);
}
#endif

#if BL_USE_ALERT_DIALOG
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
# define ALERT(w) ADW_ALERT_DIALOG (w)
# define ALERT_CALL(name, ...) adw_alert_dialog_##name (__VA_ARGS__)
#else
# define ALERT(w) ADW_MESSAGE_DIALOG (w)
# define ALERT_CALL(name, ...) adw_message_dialog_##name (__VA_ARGS__)
#endif

GtkWidget *
bl_alert_new (const char *heading,
              const char *body)
{
  g_return_val_if_fail (heading != NULL, NULL);

#if BL_USE_ALERT_DIALOG
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

void
bl_alert_add_response (GtkWidget  *alert,
                       const char *id,
                       const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));
  g_return_if_fail (id != NULL && label != NULL);

  ALERT_CALL (add_response, ALERT (alert), id, label);
}

void
bl_alert_set_response_appearance (GtkWidget             *alert,
                                  const char            *id,
                                  AdwResponseAppearance  appearance)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  ALERT_CALL (set_response_appearance, ALERT (alert), id, appearance);
}

void
bl_alert_set_response_enabled (GtkWidget  *alert,
                               const char *id,
                               gboolean    enabled)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  ALERT_CALL (set_response_enabled, ALERT (alert), id, enabled);
}

gboolean
bl_alert_get_response_enabled (GtkWidget  *alert,
                               const char *id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (alert), FALSE);

  return ALERT_CALL (get_response_enabled, ALERT (alert), id);
}

void
bl_alert_set_default_response (GtkWidget  *alert,
                               const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  ALERT_CALL (set_default_response, ALERT (alert), id);
}

void
bl_alert_set_close_response (GtkWidget  *alert,
                             const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  ALERT_CALL (set_close_response, ALERT (alert), id);
}

void
bl_alert_set_extra_child (GtkWidget *alert,
                          GtkWidget *child)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  ALERT_CALL (set_extra_child, ALERT (alert), child);
}

void
bl_alert_present (GtkWidget *alert,
                  GtkWidget *parent)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  if (open_alerts == NULL)
    open_alerts = g_ptr_array_new ();
  g_ptr_array_add (open_alerts, alert);
  g_object_weak_ref (G_OBJECT (alert), alert_finalized_cb, NULL);
  g_signal_connect (alert, "response", G_CALLBACK (alert_answered_cb), NULL);

#if BL_USE_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  {
    GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

    if (GTK_IS_WINDOW (root))
      gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
    g_signal_connect (alert, "unrealize", G_CALLBACK (alert_hidden_cb), NULL);
    gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
    gtk_window_present (GTK_WINDOW (alert));
  }
#endif
}

void
bl_alert_show_notice (const char *heading,
                      const char *body,
                      GtkWidget  *parent)
{
  GtkWidget *alert;

  g_return_if_fail (heading != NULL);
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  alert = bl_alert_new (heading, body);
  bl_alert_add_response (alert, "close", _("_Close"));
  bl_alert_present (alert, parent);
}

GtkWidget *
bl_alert_new_save_changes (const char *body)
{
  GtkWidget *alert;

  g_return_val_if_fail (body != NULL, NULL);

  alert = bl_alert_new (_("Save Changes?"), body);
  bl_alert_add_response (alert, "cancel", _("_Cancel"));
  bl_alert_add_response (alert, "discard", _("_Discard"));
  bl_alert_add_response (alert, "save", _("_Save"));
  bl_alert_set_response_appearance (alert, "discard", ADW_RESPONSE_DESTRUCTIVE);
  bl_alert_set_response_appearance (alert, "save", ADW_RESPONSE_SUGGESTED);
  bl_alert_set_default_response (alert, "save");
  bl_alert_set_close_response (alert, "cancel");
  return alert;
}

/* The button of an alert that shows @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
bl_alert_response (GtkWidget  *alert,
                   const char *id)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  /* As a click does: the response, then the alert goes (without the close
   * response that closing it otherwise gives). */
  g_object_ref (alert);
#if BL_USE_ALERT_DIALOG
  {
    /* AdwAlertDialog has no call for it: its button is clicked. Emitting
     * the signal and closing would give the close response as well, a
     * second answer. */
    GtkWidget *button = bl_alert_get_response_button (alert, id);

    if (button != NULL)
      g_signal_emit_by_name (button, "clicked");
    else
      g_critical ("bl_alert_response: the alert has no response “%s”", id);
  }
#else
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (alert), id);
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
  g_object_unref (alert);
}

void
bl_alert_force_close (GtkWidget *alert)
{
  g_return_if_fail (GTK_IS_WIDGET (alert));

  forget (alert);
#if BL_USE_ALERT_DIALOG
  adw_dialog_force_close (ADW_DIALOG (alert));
#else
  gtk_window_destroy (GTK_WINDOW (alert));
#endif
}

GtkWidget *
bl_alert_get_response_button (GtkWidget  *alert,
                              const char *id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (alert), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* libadwaita gives a response's button no name of its own: it is the
   * button that shows the response's label, whatever the language. */
  if (!ALERT_CALL (has_response, ALERT (alert), id))
    return NULL;
  return find_button (alert, ALERT_CALL (get_response_label, ALERT (alert), id));
}

GtkWidget *
bl_alert_get_open (void)
{
  if (open_alerts == NULL || open_alerts->len == 0)
    return NULL;
  return g_ptr_array_index (open_alerts, open_alerts->len - 1);
}

#if BL_USE_ALERT_DIALOG
G_GNUC_END_IGNORE_DEPRECATIONS
#endif
