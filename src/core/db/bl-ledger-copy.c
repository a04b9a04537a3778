/* bl-ledger-copy.c: replacing a ledger's whole content with another's */
#include "config.h"

#include "bl-db-private.h"
#include "bl-ledger-copy.h"

gboolean
bl_ledger_copy_over (BlDb        *from,
                     const char  *to,
                     GError     **error)
{
  sqlite3 *dest = NULL;
  int rc;

  g_return_val_if_fail (BL_IS_DB (from), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  rc = sqlite3_open_v2 (to, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      sqlite3_busy_timeout (dest, 5000);
      /* Reading it first refuses a file that is no database before a page
       * of it is written. */
      rc = sqlite3_exec (dest, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = bl_db_copy_to (from, dest);
  if (rc != SQLITE_OK)
    bl_db_set_error (NULL, rc, error);
  /* The last connection to close checkpoints the copy into the file. */
  sqlite3_close (dest);
  return rc == SQLITE_OK;
}
