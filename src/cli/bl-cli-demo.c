/* bl-cli-demo.c: --demo FILE, the sample branch written from the command line */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli.h"
#include "bl-demo.h"

int
bl_cli_demo (const char *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (file != NULL, BL_EXIT_BAD_INPUT);

  if (!bl_demo_write_file (file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      /* An existing file is the person's mistake; anything else is the ledger's. */
      return g_error_matches (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE)
               ? BL_EXIT_BAD_INPUT : BL_EXIT_NO_LEDGER;
    }

  g_print (_("Wrote the demo ledger of %s to %s\n"), BL_DEMO_BRANCH_NAME, file);
  return BL_EXIT_OK;
}
