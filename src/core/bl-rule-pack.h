/* bl-rule-pack.h: reading a rule pack file (GKeyFile text; see data/rules/):
 * the format, its checks, every problem as "FILE:LINE: …", and the packs
 * that ship in the program's resources */
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
  guint     first_year;  /* the years its pack applies in, inclusive; */
  guint     last_year;   /* 0 and 0 for every year */
} BlRule;

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
  guint      first_year;  /* [Pack] years=2025 or years=2025-2027; */
  guint      last_year;   /* 0 and 0 when the pack says nothing: every year */
} BlRulePack;

GQuark      bl_rules_error_quark         (void);

void        bl_rule_free                 (BlRule *rule);
void        bl_rule_pack_free            (BlRulePack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlRule, bl_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlRulePack, bl_rule_pack_free)

/* Parses pack text; @file names it in the "FILE:LINE: …" error lines (every
 * problem found, one per line). Kinds may be built-in ones, ones the pack
 * defines, or (when @store is not NULL) custom kinds the ledger already has. */
BlRulePack *bl_rule_pack_parse           (const char  *file,
                                          const char  *data,
                                          gsize        length,
                                          BlStore     *store,
                                          GError     **error);
/* The same; @strict checks kinds (and, with @store, clashes with the
 * ledger's other packs). Packs already accepted into a ledger are read back
 * without it. */
BlRulePack *bl_rule_pack_read            (const char  *file,
                                          const char  *data,
                                          gsize        length,
                                          BlStore     *store,
                                          gboolean     strict,
                                          GError     **error);
/* Whether @rule sets quotas in @year (its pack's years=). */
gboolean    bl_rule_applies_in_year      (const BlRule *rule,
                                          guint         year);
/* What people read about a pack's years: "Applies in 2025" (适用于 2025 年),
 * "Applies from 2025 to 2027"; NULL for a pack of every year. */
char       *bl_rule_pack_years_display   (guint        first_year,
                                          guint        last_year);

/* The ids of the packs that ship with the app, NULL-terminated. */
const char * const *bl_rules_builtin_pack_ids (void);
/* A built-in pack, parsed from the resources; NULL when there is no such pack. */
BlRulePack *bl_rules_load_builtin_pack   (const char  *pack_id,
                                          GError     **error);

G_END_DECLS
