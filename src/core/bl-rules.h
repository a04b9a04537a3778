/* bl-rules.h: the rules in force in a ledger: which packs are enabled,
 * which rules are switched off, packs imported into it */
#pragma once

#include <glib.h>

#include "bl-quota.h"
#include "bl-rule-pack.h"
#include "bl-store.h"

G_BEGIN_DECLS

typedef struct {
  char     *id;
  char     *name;
  gboolean  builtin;
  gboolean  enabled;
  guint     first_year;  /* the years it applies in (0 and 0: every year) */
  guint     last_year;
  char     *years;       /* "Applies in 2025" (适用于 2025 年), or NULL: every year */
} BlRulePackInfo;

/* Disables (or enables again) one rule of any known pack by its id. */
gboolean    bl_rules_set_rule_enabled    (BlStore     *store,
                                          const char  *rule_id,
                                          gboolean     enabled,
                                          GError     **error);
/* The id of the pack a rule belongs to (built-in or imported packs), or NULL. */
char       *bl_rules_find_rule_pack      (BlStore     *store,
                                          const char  *rule_id);
/* Whether @pack_id is a built-in or imported pack. */
gboolean    bl_rules_pack_exists         (BlStore     *store,
                                          const char  *pack_id);
/* Every rule of every known pack (enabled or not; BlRule*), for settings pages. */
GPtrArray  *bl_rules_list_all            (BlStore     *store,
                                          GError     **error);
/* Whether a rule is switched off with bl_rules_set_rule_enabled(). */
gboolean    bl_rules_is_rule_disabled    (BlStore     *store,
                                          const char  *rule_id);

void        bl_rule_pack_info_free       (BlRulePackInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlRulePackInfo, bl_rule_pack_info_free)

/* Built-in and imported packs, with whether each is enabled (BlRulePackInfo*). */
GPtrArray  *bl_rules_list_packs          (BlStore     *store,
                                          GError     **error);
/* Enables a built-in or imported pack by id (its custom kinds are added). */
gboolean    bl_rules_set_pack_enabled    (BlStore     *store,
                                          const char  *pack_id,
                                          gboolean     enabled,
                                          GError     **error);
/* Imports and enables a pack file. A malformed file is refused with
 * "FILE:LINE: …" lines in the message and changes nothing. */
gboolean    bl_rules_import_pack_file    (BlStore     *store,
                                          const char  *path,
                                          char       **pack_id,
                                          GError     **error);
/* The rule ids of every known pack other than @except_pack (rule id → pack
 * id), for a pack being read to check its ids against. */
GHashTable *bl_rules_rule_ids_except     (BlStore     *store,
                                          const char  *except_pack);
/* The rules in force: every rule of every enabled pack, less disabled rules (BlRule*). */
GPtrArray  *bl_rules_list_enabled        (BlStore     *store,
                                          GError     **error);

G_END_DECLS
