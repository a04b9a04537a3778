/* test-preferences.c: the ledger's start date on the welcome page and in
 * Preferences, and each rule of a pack with its own switch, driven through
 * the widgets and checked in the ledger */
#include "config.h"

#include <string.h>

#include "bl-application.h"
#include "bl-clock.h"
#include "bl-kind.h"
#include "bl-preferences-window.h"
#include "bl-rules.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-welcome-page.h"
#include "bl-window.h"

/* Today for every ledger of this run (the default clock). */
#define TODAY "2025-06-15"

static BlApplication *app;

static BlWindow *
open_window (BlStore *store)
{
  BlWindow *window = bl_window_new_for_store (app, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  bl_test_iterate ();
  return window;
}

/* A pack's or a rule's switch, named after its id. */
static GtkWidget *
find_switch (GtkWidget *root, const char *id)
{
  GtkWidget *toggle = bl_test_find_named (root, id);

  g_assert_true (toggle == NULL || GTK_IS_SWITCH (toggle));
  return toggle;
}

/* A field of the welcome page, by its id in bl-welcome-page.ui. */
static GtkWidget *
welcome_child (GtkWidget *page, const char *id)
{
  return bl_test_child (page, BL_TYPE_WELCOME_PAGE, id);
}

static char *
start_date (BlStore *store)
{
  return bl_store_get_start_date (store);
}

/* Held on @date: a record that would move an automatic start date. */
static void
add_held_activity (BlStore *store, const char *date)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, BL_KIND_GENERAL_MEETING);
  bl_activity_set_date (activity, date);
  bl_activity_set_start_time (activity, "09:00");

  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  bl_activity_set_topic (activity, "学习党章");
  g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
  g_assert_no_error (error);
}

/* The welcome page offers the first of this month; a date left as it is
 * keeps following the records. */
static void
test_welcome_start_date_automatic (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *start = NULL;
  BlWindow *window = open_window (store);
  GtkWidget *page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  GtkWidget *row = welcome_child (page, "start_row");

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-06-01");
  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "branch_row")), "东湖社区党支部");
  bl_test_click (welcome_child (page, "start_button"));
  g_assert_false (bl_store_is_empty (store));
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2025-06-01");
  g_assert_false (bl_store_get_start_date_set_by_user (store));

  /* An earlier meeting recorded later moves it back. */
  add_held_activity (store, "2024-11-20");
  g_clear_pointer (&start, g_free);
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2024-11-01");
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* A bad date is said on the page and nothing is saved; a good one is the
 * user's, which records never move. */
static void
test_welcome_start_date_chosen (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autofree char *start = NULL;
  g_autofree char *name = NULL;
  BlWindow *window = open_window (store);
  GtkWidget *page = bl_test_find_type (GTK_WIDGET (window), BL_TYPE_WELCOME_PAGE);
  GtkWidget *row = welcome_child (page, "start_row");

  gtk_editable_set_text (GTK_EDITABLE (welcome_child (page, "branch_row")), "西湖社区党支部");
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-02-30");
  bl_test_click (welcome_child (page, "start_button"));
  g_assert_true (bl_test_shows_text_within (page, "is not a date"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (bl_store_is_empty (store));
  name = bl_store_get_branch_name (store);
  g_assert_null (name);

  /* After today: refused too. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-07-01");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  bl_test_click (welcome_child (page, "start_button"));
  g_assert_true (bl_test_shows_text_within (page, "cannot be after today"));
  g_assert_true (bl_store_is_empty (store));

  gtk_editable_set_text (GTK_EDITABLE (row), " 2023-01-01 ");
  bl_test_click (welcome_child (page, "start_button"));
  name = bl_store_get_branch_name (store);
  g_assert_cmpstr (name, ==, "西湖社区党支部");
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2023-01-01");
  g_assert_true (bl_store_get_start_date_set_by_user (store));

  add_held_activity (store, "2022-05-10");
  g_clear_pointer (&start, g_free);
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2023-01-01");
  bl_test_close_windows (GTK_APPLICATION (app));
}

/* Preferences shows the start date and whose it is, and sets it; a bad
 * date gets a message and changes nothing. */
static void
test_preferences_start_date (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  GtkWindow *preferences;
  GtkWidget *row;

  bl_store_set_setting (store, BL_SETTING_BRANCH_NAME, "南湖社区党支部", &error);
  g_assert_no_error (error);
  add_held_activity (store, "2025-03-05");

  preferences = GTK_WINDOW (bl_preferences_window_new (store));
  gtk_window_present (preferences);
  bl_test_iterate ();
  row = bl_test_child (GTK_WIDGET (preferences), BL_TYPE_PREFERENCES_WINDOW, "start_row");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2025-03-01");
  g_assert_true (bl_test_shows_text_within (GTK_WIDGET (preferences), "Set automatically"));

  gtk_editable_set_text (GTK_EDITABLE (row), "2025-3-x");
  g_signal_emit_by_name (row, "apply");
  bl_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2025-03-01");
  g_assert_false (bl_store_get_start_date_set_by_user (store));
  g_assert_true (bl_test_shows_text_within (GTK_WIDGET (preferences), "Set automatically"));

  gtk_editable_set_text (GTK_EDITABLE (row), "2026-01-01");
  g_signal_emit_by_name (row, "apply");
  bl_test_iterate ();
  g_clear_pointer (&start, g_free);
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2025-03-01");

  gtk_editable_set_text (GTK_EDITABLE (row), "2024-09-01");
  g_signal_emit_by_name (row, "apply");
  bl_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_clear_pointer (&start, g_free);
  start = start_date (store);
  g_assert_cmpstr (start, ==, "2024-09-01");
  g_assert_true (bl_store_get_start_date_set_by_user (store));
  g_assert_true (bl_test_shows_text_within (GTK_WIDGET (preferences), "You set this date"));
  g_assert_false (bl_test_shows_text_within (GTK_WIDGET (preferences), "Set automatically"));

  gtk_window_destroy (preferences);
  bl_test_iterate ();
}

static gboolean
pack_enabled (BlStore *store, const char *id)
{
  g_autoptr(GPtrArray) packs = bl_rules_list_packs (store, NULL);

  for (guint i = 0; packs != NULL && i < packs->len; i++)
    {
      BlRulePackInfo *info = packs->pdata[i];

      if (g_str_equal (info->id, id))
        return info->enabled;
    }
  g_assert_not_reached ();
}

static gboolean
rule_in_force (BlStore *store, const char *id)
{
  g_autoptr(GPtrArray) rules = bl_rules_list_enabled (store, NULL);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    if (g_str_equal (((BlRule *) rules->pdata[i])->id, id))
      return TRUE;
  return FALSE;
}

/* Each rule of a pack has its own switch; a click on a pack's row opens it
 * and leaves the pack as it was; a pack with years says which. */
static void
test_preferences_rules (void)
{
  g_autoptr(BlStore) store = bl_test_store_new ();
  g_autoptr(GPtrArray) rules = bl_rules_list_all (store, NULL);
  g_autofree char *rule_id = NULL;
  GtkWindow *preferences;
  GtkWidget *pack_switch;
  GtkWidget *rule_switch;
  GtkWidget *pack_row;
  GtkWidget *header;
  guint standard_rules = 0;
  guint shown = 0;

  g_assert_nonnull (rules);
  for (guint i = 0; i < rules->len; i++)
    {
      BlRule *rule = rules->pdata[i];

      if (g_strcmp0 (rule->pack_id, "standard") != 0)
        continue;
      standard_rules++;
      if (rule_id == NULL)
        rule_id = g_strdup (rule->id);
    }
  g_assert_cmpuint (standard_rules, >, 1);

  preferences = GTK_WINDOW (bl_preferences_window_new (store));
  gtk_window_present (preferences);
  bl_test_iterate ();

  /* Every rule of the standard pack, each with its switch, on. */
  for (guint i = 0; i < rules->len; i++)
    {
      BlRule *rule = rules->pdata[i];
      GtkWidget *toggle = find_switch (GTK_WIDGET (preferences), rule->id);

      g_assert_nonnull (toggle);
      if (g_strcmp0 (rule->pack_id, "standard") == 0)
        {
          g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
          shown++;
        }
    }
  g_assert_cmpuint (shown, ==, standard_rules);
  g_assert_true (bl_test_shows_text_within (GTK_WIDGET (preferences), "Applies in 2025"));

  /* A click on the pack's row opens it; the pack stays on. */
  pack_switch = find_switch (GTK_WIDGET (preferences), "standard");
  pack_row = gtk_widget_get_ancestor (pack_switch, ADW_TYPE_EXPANDER_ROW);
  header = gtk_widget_get_ancestor (pack_switch, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (pack_row);
  g_assert_nonnull (header);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (pack_row)));
  gtk_widget_activate (header);
  bl_test_iterate ();
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (pack_row)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (pack_switch)));
  g_assert_true (pack_enabled (store, "standard"));

  /* One rule off: the pack stays on, that rule is no longer in force. */
  rule_switch = find_switch (GTK_WIDGET (preferences), rule_id);
  g_assert_true (rule_in_force (store, rule_id));
  gtk_switch_set_active (GTK_SWITCH (rule_switch), FALSE);
  bl_test_iterate ();
  g_assert_true (bl_rules_is_rule_disabled (store, rule_id));
  g_assert_false (rule_in_force (store, rule_id));
  g_assert_true (pack_enabled (store, "standard"));

  /* The pack off: its rules wait, greyed. On again, all its rules are on
   * again (as with --rules), and the switches say so. */
  gtk_switch_set_active (GTK_SWITCH (pack_switch), FALSE);
  bl_test_iterate ();
  g_assert_false (pack_enabled (store, "standard"));
  g_assert_false (gtk_widget_is_sensitive (rule_switch));
  gtk_switch_set_active (GTK_SWITCH (pack_switch), TRUE);
  bl_test_iterate ();
  g_assert_true (pack_enabled (store, "standard"));
  g_assert_true (gtk_widget_is_sensitive (rule_switch));
  g_assert_true (rule_in_force (store, rule_id));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (rule_switch)));

  /* Opened again, the window shows the ledger's state. */
  gtk_switch_set_active (GTK_SWITCH (rule_switch), FALSE);
  bl_test_iterate ();
  g_assert_false (rule_in_force (store, rule_id));
  gtk_window_destroy (preferences);
  bl_test_iterate ();
  preferences = GTK_WINDOW (bl_preferences_window_new (store));
  gtk_window_present (preferences);
  bl_test_iterate ();
  rule_switch = find_switch (GTK_WIDGET (preferences), rule_id);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (rule_switch)));
  gtk_switch_set_active (GTK_SWITCH (rule_switch), TRUE);
  bl_test_iterate ();
  g_assert_true (rule_in_force (store, rule_id));
  gtk_window_destroy (preferences);
  bl_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bl_test_gui_init (&argc, &argv);
  g_assert_true (bl_clock_set_fixed_date (bl_clock_get_default (), TODAY));

  app = bl_test_app_new ();

  g_test_add_func ("/welcome/start-date-automatic", test_welcome_start_date_automatic);
  g_test_add_func ("/welcome/start-date-chosen", test_welcome_start_date_chosen);
  g_test_add_func ("/preferences/start-date", test_preferences_start_date);
  g_test_add_func ("/preferences/rules", test_preferences_rules);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
