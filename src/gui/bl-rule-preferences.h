/* bl-rule-preferences.h: the rule packs, each with its rules, for the preferences' "General" page */
#pragma once

#include <adwaita.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_TYPE_RULE_PREFERENCES (bl_rule_preferences_get_type ())
G_DECLARE_FINAL_TYPE (BlRulePreferences, bl_rule_preferences, BL, RULE_PREFERENCES, AdwPreferencesGroup)

GtkWidget *bl_rule_preferences_new       (BlStore           *store);
/* The ledger whose packs are shown (the preferences window's template
 * builds the group before it has one). */
void       bl_rule_preferences_set_store (BlRulePreferences *self,
                                          BlStore           *store);
/* Lists the packs and rules again (after an import or a restored backup). */
void       bl_rule_preferences_reload    (BlRulePreferences *self);

G_END_DECLS
