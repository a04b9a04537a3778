/* Precompiled for every file of the libraries below the window (meson's
 * c_pch): GIO's headers are most of what each of their files' compilation
 * reads. What a layer may include is still checked by check-layers.py.
 *
 * Included before each file's first line: the GNU extensions two files of
 * core/db ask for (renameat2, F_OFD_SETLK) must be asked for here. */
#define _GNU_SOURCE
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
