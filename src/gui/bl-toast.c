/* bl-toast.c: a toast that shows a text as it is */
#include "config.h"

#include "bl-toast.h"

AdwToast *
bl_toast_new (const char *text)
{
  g_autofree char *markup = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  markup = g_markup_escape_text (text, -1);
  return adw_toast_new (markup);
}
