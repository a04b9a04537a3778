/* bl-store-error.c: the ledger's error domain */
#include "config.h"

#include "bl-store-error.h"

G_DEFINE_QUARK (bl-store-error-quark, bl_store_error)
