/* bl-rules.h: quota rules and rule packs (GKeyFile files; see data/rules/) */
#pragma once

#include <glib.h>

#include "bl-quota.h"
#include "bl-store.h"

G_BEGIN_DECLS

typedef struct {
  char     *id;
  char     *name;        /* display name */
  char     *kind;        /* kind id it counts */
  char     *tag;         /* counts only activities with this tag, or NULL */
  char     *lecturer;    /* "secretary", or NULL */
  BlPeriod  period;
  guint     minimum;
  gboolean  per_group;
  guint     lead_days;
  char     *pack_id;
} BlRule;

typedef struct {
  char     *id;
  char     *name;
  gboolean  builtin;
  gboolean  enabled;
} BlRulePackInfo;

#define BL_RULES_ERROR (bl_rules_error_quark ())

typedef enum {
  BL_RULES_ERROR_MALFORMED,   /* a pack file breaks the format: "FILE:LINE: …" lines */
  BL_RULES_ERROR_UNKNOWN,     /* no pack or rule with that id */
  BL_RULES_ERROR_CONFLICT,    /* a pack or rule id already used by another pack */
} BlRulesError;

/* A parsed pack: its rules and the custom kinds it adds. */
typedef struct {
  char      *id;
  char      *name;        /* display name, in the user's language when the pack has it */
  GPtrArray *rules;       /* BlRule*, in file order */
  GStrv      kind_ids;    /* custom kinds the pack defines, never NULL */
  GStrv      kind_names;  /* their display names, same order */
} BlRulePack;

GQuark      bl_rules_error_quark         (void);

void        bl_rule_free                 (BlRule *rule);
void        bl_rule_pack_free            (BlRulePack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlRulePack, bl_rule_pack_free)

/* Parses pack text; @file names it in the "FILE:LINE: …" error lines (every
 * problem found, one per line). Kinds may be built-in ones, ones the pack
 * defines, or (when @store is not NULL) custom kinds the ledger already has. */
BlRulePack *bl_rule_pack_parse           (const char  *file,
                                          const char  *data,
                                          gsize        length,
                                          BlStore     *store,
                                          GError     **error);
/* The ids of the packs that ship with the app, NULL-terminated. */
const char * const *bl_rules_builtin_pack_ids (void);
/* A built-in pack, parsed from the resources; NULL when there is no such pack. */
BlRulePack *bl_rules_load_builtin_pack   (const char  *pack_id,
                                          GError     **error);
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlRule, bl_rule_free)
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
/* The rules in force: every rule of every enabled pack, less disabled rules (BlRule*). */
GPtrArray  *bl_rules_list_enabled        (BlStore     *store,
                                          GError     **error);

G_END_DECLS
