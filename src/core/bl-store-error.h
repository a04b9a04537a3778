/* bl-store-error.h: the ledger's error domain, shared by the store and the
 * storage layer under it (src/core/db) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BL_STORE_ERROR (bl_store_error_quark ())

typedef enum {
  BL_STORE_ERROR_NOT_A_LEDGER,   /* some other file, or another program's database */
  BL_STORE_ERROR_CORRUPT,        /* quick_check failed or SQLite says it is damaged */
  BL_STORE_ERROR_NEWER_VERSION,  /* written by a newer Branch Ledger */
  BL_STORE_ERROR_IO,             /* cannot create, read or write the file */
  BL_STORE_ERROR_BUSY,           /* another program holds the ledger */
  BL_STORE_ERROR_INVALID,        /* a record breaks a rule (name missing, no such member…) */
  BL_STORE_ERROR_NOT_FOUND,
  BL_STORE_ERROR_DUPLICATE,
  BL_STORE_ERROR_FAILED,
  BL_STORE_ERROR_IN_USE,         /* other records depend on it (a member with attendance) */
  BL_STORE_ERROR_READ_ONLY,      /* the ledger is open read-only: nothing can be saved */
} BlStoreError;

GQuark bl_store_error_quark (void);

G_END_DECLS
