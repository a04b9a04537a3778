/* Precompiled once for the test programs (meson's c_pch on bl-test-common,
 * shared with them through test_pch_dep): GIO's headers are most of what a
 * test's compilation reads. The same as the core library's: a test that asks
 * for GNU extensions (memmem) gets them from here. */
#define _GNU_SOURCE
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
