/* bl-autostart.h: the XDG autostart entry that starts the app without a window at login */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $XDG_CONFIG_HOME/autostart/io.github.branchledger.BranchLedger.desktop */
char     *bl_autostart_get_path      (void);
gboolean  bl_autostart_is_enabled    (void);
/* Writes the entry (Exec=BINDIR/branch-ledger --background, with TryExec
 * naming the same program) or removes it. Removing an entry that is not
 * there succeeds. */
gboolean  bl_autostart_set_enabled   (gboolean   enabled,
                                      GError   **error);

G_END_DECLS
