/* bl-toast.h: a toast that shows a text as it is */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast whose title is @text as written: AdwToast reads its title as
 * Pango markup, in which a file's name, a path or a topic with "&" or "<"
 * would show nothing, or the wrong thing. */
AdwToast *bl_toast_new (const char *text);

G_END_DECLS
