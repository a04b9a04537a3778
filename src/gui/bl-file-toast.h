/* bl-file-toast.h: the toast that says a file was saved, with an "Open"
 * button: for every export of the window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* "Saved NAME" (@file's name), and a button that opens @file (a folder:
 * the folder) with the user's default application, through the window's
 * win.open-file action. */
AdwToast *bl_file_toast_new (GFile *file);

G_END_DECLS
