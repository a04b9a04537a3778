/* bl-problems-dialog.h: the dialog that lists a file's "FILE:LINE: …" problems */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @problems (one per line) under @heading and @body, selectable so the
 * secretary can fix the file line by line; a long list scrolls. */
void bl_problems_dialog_present (GtkWindow  *parent,
                                 const char *heading,
                                 const char *body,
                                 const char *problems);

G_END_DECLS
