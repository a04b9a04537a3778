/* bench-bare-window.c: the yardstick of bench-startup: a libadwaita
 * application whose window has a header bar and nothing else, the size of
 * Branch Ledger's. Like the program, with BRANCH_LEDGER_FIRST_FRAME set it
 * prints "first-frame MICROSECONDS" (g_get_monotonic_time()) once its first
 * frame is painted. */
#include <adwaita.h>
#include <stdio.h>

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        gpointer       data)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, data);
}

static void
realize_cb (GtkWidget *window)
{
  if (g_getenv ("BRANCH_LEDGER_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                      G_CALLBACK (first_frame_painted_cb), NULL);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.branchledger.BenchBareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
