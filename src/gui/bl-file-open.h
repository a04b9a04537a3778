/* bl-file-open.h: a file opened with the user's default application, or an
 * alert saying why it could not be */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens @uri with its default application, on @widget's display; when that
 * fails and @widget is still in a window, an alert over it says why. */
void bl_file_open_uri (GtkWidget  *widget,
                       const char *uri);
/* The alert of a file that could not be opened, over @widget's window
 * (nothing when @widget is in none any more). */
void bl_file_open_show_error (GtkWidget  *widget,
                              const char *message);

G_END_DECLS
