/* bl-kind-repo.h: the custom kinds of activity kept in the ledger (the
 * built-in ones are rows too, so that activities can refer to them) */
#pragma once

#include "bl-db.h"
#include "bl-kind.h"

G_BEGIN_DECLS

/* Custom kinds (BlKind*), in the order they were added. */
GPtrArray *bl_kind_repo_list_custom (BlDb        *db,
                                     GError     **error);
/* Adds a custom kind, or renames it. Call inside a transaction. */
gboolean   bl_kind_repo_add         (BlDb        *db,
                                     const char  *id,
                                     const char  *name,
                                     GError     **error);
gboolean   bl_kind_repo_has         (BlDb        *db,
                                     const char  *id);
/* The id of the kind whose id or stored name is @id_or_name, or NULL. */
char      *bl_kind_repo_find_id     (BlDb        *db,
                                     const char  *id_or_name);

G_END_DECLS
