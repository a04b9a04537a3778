/* Precompiled once for the test programs of the window (meson's c_pch on
 * bl-test-gui, shared with them through test_gui_dep): GTK and libadwaita's
 * headers are most of what such a test's compilation reads. */
#include "bl-test-pch.h"
#include <adwaita.h>
