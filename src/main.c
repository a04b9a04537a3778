/* main.c: Branch Ledger's entry point */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Uninstalled runs (build-aux/dev, tests) point at the build's catalogues. */
  localedir = g_getenv ("BRANCH_LEDGER_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
