/* bl-setting-repo.h: key/value settings kept in the ledger (branch name,
 * secretary…) */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* The value of @key, NULL when unset. */
char     *bl_setting_repo_get (BlDb        *db,
                               const char  *key);
/* Sets @key to @value (NULL removes it). Call inside a transaction. */
gboolean  bl_setting_repo_set (BlDb        *db,
                               const char  *key,
                               const char  *value,
                               GError     **error);

G_END_DECLS
