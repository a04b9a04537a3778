/* bl-problems-dialog.c: the dialog that lists a file's "FILE:LINE: …" problems */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

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

  dialog = adw_message_dialog_new (parent, heading, body);
  label = gtk_label_new (problems);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  /* A few lines as they are; a long list scrolls (a wrapped label's
   * natural height is not reliable enough to size a scrolled window by). */
  if (count_lines (problems) <= 6)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  else
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
