/* bl-problems-dialog.c: the dialog that lists a file's "FILE:LINE: …" problems */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-problems-dialog.h"

static guint
count_lines (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

void
bl_problems_dialog_present (GtkWindow  *parent,
                            const char *heading,
                            const char *body,
                            const char *problems)
{
  GtkWidget *dialog;
  GtkWidget *label;

  g_return_if_fail (heading != NULL && problems != NULL);

  dialog = bl_alert_new (heading, body);
  label = gtk_label_new (problems);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  /* A few lines as they are; a long list scrolls (a wrapped label's
   * natural height is not reliable enough to size a scrolled window by). */
  if (count_lines (problems) <= 6)
    bl_alert_set_extra_child (dialog, label);
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      bl_alert_set_extra_child (dialog, scrolled);
    }
  bl_alert_add_response (dialog, "close", _("_Close"));
  bl_alert_present (dialog, parent != NULL ? GTK_WIDGET (parent) : NULL);
}
