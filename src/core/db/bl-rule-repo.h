/* bl-rule-repo.h: rule packs kept in the ledger: imported packs' text,
 * which packs are enabled, which single rules are switched off */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* Ids of the imported packs, sorted (char*). */
GPtrArray *bl_rule_repo_list_imported    (BlDb        *db,
                                          GError     **error);
/* An imported pack's text; NULL (and TRUE) when there is no such pack. */
gboolean   bl_rule_repo_get_content      (BlDb        *db,
                                          const char  *pack_id,
                                          char       **content,
                                          GError     **error);
/* Keeps a pack file's text (replacing an earlier import of the same id). */
gboolean   bl_rule_repo_save_pack        (BlDb        *db,
                                          const char  *pack_id,
                                          const char  *name,
                                          const char  *content,
                                          gsize        length,
                                          GError     **error);
/* Ids of the enabled packs, in no particular order (char*). */
GPtrArray *bl_rule_repo_list_enabled     (BlDb        *db,
                                          GError     **error);
gboolean   bl_rule_repo_is_pack_enabled  (BlDb        *db,
                                          const char  *pack_id);
gboolean   bl_rule_repo_set_pack_enabled (BlDb        *db,
                                          const char  *pack_id,
                                          gboolean     enabled,
                                          GError     **error);
/* Ids of the rules switched off one by one (char*). */
GPtrArray *bl_rule_repo_list_disabled    (BlDb        *db,
                                          GError     **error);
gboolean   bl_rule_repo_is_rule_disabled (BlDb        *db,
                                          const char  *rule_id);
gboolean   bl_rule_repo_set_rule_enabled (BlDb        *db,
                                          const char  *rule_id,
                                          gboolean     enabled,
                                          GError     **error);

G_END_DECLS
