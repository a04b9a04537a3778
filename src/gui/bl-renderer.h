/* bl-renderer.h: which of GTK's renderers draws the windows */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean bl_renderer_is_software      (const char         *gl_renderer);
gboolean bl_renderer_may_be_hardware  (const char * const *extensions);
void     bl_renderer_choose           (void);
void     bl_renderer_clear_for_launch (GAppLaunchContext  *context);

G_END_DECLS
