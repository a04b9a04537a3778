/* bl-file-toast.c: the toast that says a file was saved, with an "Open" button */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-file-toast.h"
#include "bl-toast.h"

AdwToast *
bl_file_toast_new (GFile *file)
{
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  base = g_file_get_basename (file);
  title = g_strdup_printf (C_("reports", "Saved %s"), base);
  uri = g_file_get_uri (file);
  toast = bl_toast_new (title);
  /* Long enough to reach for the button. */
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  return toast;
}
