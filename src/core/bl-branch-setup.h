/* bl-branch-setup.h: setting up a new ledger (the welcome page's "Start"):
 * the branch's name, its secretary, the rule packs and the start date,
 * saved together */
#pragma once

#include "bl-store.h"

G_BEGIN_DECLS

typedef struct {
  const char         *branch_name;  /* required */
  const char         *secretary;    /* may be NULL or "" */
  const char * const *packs_on;     /* rule pack ids to enable (NULL-terminated, or NULL) */
  const char * const *packs_off;    /* …and to disable */
  const char         *start_date;   /* the user's start date (YYYY-MM-DD), or NULL/"":
                                     * it keeps following the records */
} BlBranchSetup;

/* Saves @setup in one transaction: all of it, or (with @error in the
 * user's language) nothing. A name that is empty once stripped is
 * BL_STORE_ERROR_INVALID. */
gboolean bl_branch_setup_apply (BlStore              *store,
                                const BlBranchSetup  *setup,
                                GError              **error);

G_END_DECLS
