/* bl-rule-preferences.c: the rule packs, each with its rules
 *
 * A pack is an expander row: its switch enables the pack, a click on the
 * row only opens it on its rules, each with a switch of its own. Each switch
 * saves at once in its own transaction; one that fails says why in a toast
 * and goes back to what the ledger says. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-rule-preferences.h"
#include "bl-rules.h"
#include "bl-toast.h"

struct _BlRulePreferences
{
  AdwPreferencesGroup  parent_instance;

  BlStore             *store;
  GPtrArray           *pack_rows;   /* AdwExpanderRow, one per pack */
};

G_DEFINE_FINAL_TYPE (BlRulePreferences, bl_rule_preferences, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (BlRulePreferences *self,
       const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), bl_toast_new (message));
  else
    g_warning ("Rule preferences: %s", message);
}

/* Puts a switch back as the ledger has it, without saving again. */
static void
reset_switch (BlRulePreferences *self,
              GtkSwitch         *toggle,
              gboolean           active,
              gpointer           handler)
{
  g_signal_handlers_block_by_func (toggle, handler, self);
  gtk_switch_set_active (toggle, active);
  g_signal_handlers_unblock_by_func (toggle, handler, self);
}

/* A disabled pack's rules count for nothing: their switches wait. */
static void
update_rules_sensitive (GtkWidget *pack_row,
                        gboolean   enabled)
{
  GPtrArray *rule_rows = g_object_get_data (G_OBJECT (pack_row), "rule-rows");

  for (guint i = 0; rule_rows != NULL && i < rule_rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (rule_rows, i), enabled);
}

static void rule_switch_cb (GtkSwitch *toggle, GParamSpec *pspec, BlRulePreferences *self);

/* Enabling a pack enables all its rules again (as --rules does): the rule
 * switches show what the ledger now says. */
static void
show_rules (BlRulePreferences *self,
            GtkWidget         *pack_row)
{
  GPtrArray *rule_rows = g_object_get_data (G_OBJECT (pack_row), "rule-rows");

  for (guint i = 0; rule_rows != NULL && i < rule_rows->len; i++)
    {
      GtkSwitch *toggle = g_object_get_data (g_ptr_array_index (rule_rows, i), "switch");

      reset_switch (self, toggle,
                    !bl_rules_is_rule_disabled (self->store, gtk_widget_get_name (GTK_WIDGET (toggle))),
                    rule_switch_cb);
    }
}

/* Saves what @toggle (named after its pack or rule) now says with @set;
 * on failure says why and puts it back. */
static gboolean
save_switch (BlRulePreferences  *self,
             GtkSwitch          *toggle,
             gboolean          (*set) (BlStore *, const char *, gboolean, GError **),
             gpointer            handler)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (set (self->store, gtk_widget_get_name (GTK_WIDGET (toggle)), active, &error))
    return TRUE;
  toast (self, error->message);
  reset_switch (self, toggle, !active, handler);
  return FALSE;
}

static void
pack_switch_cb (GtkSwitch         *toggle,
                GParamSpec        *pspec,
                BlRulePreferences *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_EXPANDER_ROW);

  if (save_switch (self, toggle, bl_rules_set_pack_enabled, pack_switch_cb) && row != NULL)
    {
      show_rules (self, row);
      update_rules_sensitive (row, gtk_switch_get_active (toggle));
    }
}

static void
rule_switch_cb (GtkSwitch         *toggle,
                GParamSpec        *pspec,
                BlRulePreferences *self)
{
  save_switch (self, toggle, bl_rules_set_rule_enabled, rule_switch_cb);
}

static GtkWidget *
new_switch (const char *id,
            const char *label,
            gboolean    active)
{
  GtkWidget *toggle = gtk_switch_new ();

  /* Tests and accessibility tools find a switch by its pack or rule id. */
  gtk_widget_set_name (toggle, id);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return toggle;
}

static GtkWidget *
new_rule_row (BlRulePreferences *self,
              const BlRule      *rule)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = new_switch (rule->id, rule->name, !bl_rules_is_rule_disabled (self->store, rule->id));

  /* Names come from pack files: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rule->name);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (rule_switch_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  return row;
}

static GtkWidget *
new_pack_row (BlRulePreferences    *self,
              const BlRulePackInfo *info,
              GPtrArray            *rules)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *toggle = new_switch (info->id, info->name, info->enabled);
  GPtrArray *rule_rows = g_ptr_array_new ();
  const char *origin = info->builtin ? _("Built in") : _("Imported");
  g_autofree char *subtitle = info->years == NULL
    ? g_strdup (origin)
    /* TRANSLATORS: a rule pack's origin and years, e.g. "内置 · 适用于 2025 年" */
    : g_strdup_printf (_("%s · %s"), origin, info->years);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (pack_switch_cb), self, 0);
  /* A switch beside the row, not the row's own action: a click on the row
   * opens the pack, it never switches it off. (Named add_suffix since 1.4.) */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), toggle);

  for (guint i = 0; i < rules->len; i++)
    {
      const BlRule *rule = g_ptr_array_index (rules, i);
      GtkWidget *rule_row;

      if (g_strcmp0 (rule->pack_id, info->id) != 0)
        continue;
      rule_row = new_rule_row (self, rule);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rule_row);
      g_ptr_array_add (rule_rows, rule_row);
    }
  g_object_set_data_full (G_OBJECT (row), "rule-rows", rule_rows, (GDestroyNotify) g_ptr_array_unref);
  update_rules_sensitive (row, info->enabled);
  return row;
}

static void
bl_rule_preferences_dispose (GObject *object)
{
  BlRulePreferences *self = BL_RULE_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_RULE_PREFERENCES);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pack_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bl_rule_preferences_parent_class)->dispose (object);
}

static void
bl_rule_preferences_class_init (BlRulePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_rule_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-rule-preferences.ui");
}

static void
bl_rule_preferences_init (BlRulePreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pack_rows = g_ptr_array_new ();
}

GtkWidget *
bl_rule_preferences_new (BlStore *store)
{
  GtkWidget *self;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  self = g_object_new (BL_TYPE_RULE_PREFERENCES, NULL);
  bl_rule_preferences_set_store (BL_RULE_PREFERENCES (self), store);
  return self;
}

void
bl_rule_preferences_set_store (BlRulePreferences *self,
                               BlStore           *store)
{
  g_return_if_fail (BL_IS_RULE_PREFERENCES (self));
  g_return_if_fail (store == NULL || BL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  bl_rule_preferences_reload (self);
}

void
bl_rule_preferences_reload (BlRulePreferences *self)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BL_IS_RULE_PREFERENCES (self));

  for (guint i = 0; i < self->pack_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->pack_rows, i));
  g_ptr_array_set_size (self->pack_rows, 0);
  if (self->store == NULL)
    return;

  packs = bl_rules_list_packs (self->store, &error);
  if (packs != NULL)
    rules = bl_rules_list_all (self->store, &error);
  if (packs == NULL || rules == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < packs->len; i++)
    {
      GtkWidget *row = new_pack_row (self, g_ptr_array_index (packs, i), rules);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->pack_rows, row);
    }
}
