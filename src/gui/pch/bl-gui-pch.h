/* Precompiled for every file of the gui library (meson's c_pch): GTK and
 * libadwaita's headers are most of what each file's compilation reads. */
#include <adwaita.h>
#include <gtk/gtk.h>
