/* Precompiled for every file of the print library (meson's c_pch): GIO's,
 * cairo's and Pango's headers are most of what each file's compilation reads. */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>
