/* bl-file-open.c: a file opened with the user's default application */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-file-open.h"
#include "bl-renderer.h"

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    bl_file_open_show_error (widget, error->message);
}

void
bl_file_open_uri (GtkWidget  *widget,
                  const char *uri)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (uri != NULL);

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  bl_renderer_clear_for_launch (context);
  g_app_info_launch_default_for_uri_async (uri, context, NULL, launched_cb, g_object_ref (widget));
}

void
bl_file_open_show_error (GtkWidget  *widget,
                         const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  if (gtk_widget_get_root (widget) != NULL)
    bl_alert_show_notice (_("Cannot Open the File"), message, widget);
}
