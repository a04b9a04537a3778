/* bl-cli.c: the command line's options, and the commands they ask for run
 * in a fixed order without a window */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli.h"

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the ledger in FILE"), N_("FILE") },
  { "branch-name", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Set the branch's name"), N_("NAME") },
  { "start-date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Set the day the ledger's records start (no quota before it is missed)"), N_("YYYY-MM-DD") },
  { "import-members", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import members from a CSV file"), N_("FILE.csv") },
  { "import-activities", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import activities from a CSV file"), N_("FILE.csv") },
  { "transfer-member", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Transfer a member out, or correct the day or destination of a transfer"), N_("NAME") },
  { "transferred-on", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --transfer-member: the day of the transfer (empty: not known)"), N_("YYYY-MM-DD") },
  { "transferred-to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --transfer-member: where the member went"), N_("TEXT") },
  { "undo-transfer", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Make a member transferred out active again"), N_("NAME") },
  { "delete-member", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Delete a member who has no attendance on record"), N_("NAME") },
  { "group-leader", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Make a member the leader of their party group"), N_("NAME") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write members.csv and activities.csv into DIR"), N_("DIR") },
  { "rules", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Enable a built-in rule pack by id, or import a rule pack file"), N_("PACK") },
  { "disable-rules", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Disable a rule pack or a rule"), N_("ID") },
  { "status", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the quota status and exit"), NULL },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Evaluate for this date instead of today"), N_("YYYY-MM-DD") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print JSON instead of a table"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write a demo ledger with sample data to FILE"), N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export the monthly summary of a month as PDF"), N_("YYYY-MM") },
  { "print-records", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export the records of these activities as PDF"), N_("ID,…") },
  { "print-signin", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Export the sign-in sheet of an activity as PDF"), N_("ID") },
  { "attach", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Attach the files given after the options to an activity"), N_("ID") },
  { "detach", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Remove the attachments named after the options from an activity"), N_("ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The PDF file to write"), N_("FILE.pdf") },
  { "check-reminders", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Send the reminders that are due and exit"), NULL },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL, N_("With --check-reminders: show what would be sent, send and record nothing"), NULL },
  { "restore-backup", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Put a backup in place of the ledger, keeping the current one aside"), N_("FILE") },
  /* The files of --attach, the names of --detach. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("FILE…") },
  { NULL }
};

static gboolean
lookup_flag (GVariantDict *options,
             const char   *name)
{
  gboolean value = FALSE;

  g_variant_dict_lookup (options, name, "b", &value);
  return value;
}

static char *
lookup_string (GVariantDict *options,
               const char   *name)
{
  char *value = NULL;

  /* Filenames arrive as bytestrings, the rest as strings. */
  if (!g_variant_dict_lookup (options, name, "^ay", &value))
    g_variant_dict_lookup (options, name, "s", &value);
  return value;
}

static gboolean
has_command (GVariantDict *options)
{
  static const char * const commands[] = {
    "branch-name", "start-date", "import-members", "import-activities", "transfer-member",
    "transferred-on", "transferred-to", "undo-transfer", "delete-member", "group-leader",
    "export-csv", "rules", "disable-rules", "status", "report", "print-records", "check-reminders",
    "attach", "detach", "print-signin",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i]))
      return TRUE;
  return FALSE;
}

/* Runs the command-line actions in a fixed order (set-up, imports, rules,
 * then the outputs), stopping at the first that fails. */
static int
run_commands (GVariantDict *options,
              const char   *database_path)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *date = lookup_string (options, "date");
  g_autofree char *output = lookup_string (options, "output");
  g_autofree char *transferred_on = lookup_string (options, "transferred-on");
  g_autofree char *transferred_to = lookup_string (options, "transferred-to");
  gboolean json = lookup_flag (options, "json");
  g_auto(GStrv) remaining = NULL;
  int status = BL_EXIT_OK;

  /* Checked before the ledger is opened: nothing is changed. */
  if ((transferred_on != NULL || transferred_to != NULL) && !g_variant_dict_contains (options, "transfer-member"))
    {
      g_printerr (_("%s needs --transfer-member NAME"),
                  transferred_on != NULL ? "--transferred-on" : "--transferred-to");
      g_printerr ("\n");
      return BL_EXIT_BAD_INPUT;
    }
  /* Files and names after the options go with --attach or --detach, one of
   * them; anywhere else they are a mistake, and nothing runs. */
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &remaining);
  if (!bl_cli_check_remaining (options, (const char * const *) remaining))
    return BL_EXIT_BAD_INPUT;

  store = bl_store_open (database_path, &error);
  if (store == NULL)
    {
      g_printerr (_("%s: cannot open the ledger: %s\n"), database_path, error->message);
      return BL_EXIT_NO_LEDGER;
    }
  for (const char * const *notice = bl_store_get_notices (store); *notice != NULL; notice++)
    g_printerr ("%s\n", *notice);

#define RUN_STRING(option, call)                                   \
  G_STMT_START {                                                  \
    g_clear_pointer (&value, g_free);                             \
    value = lookup_string (options, option);                      \
    if (value != NULL && (status = (call)) != BL_EXIT_OK)          \
      return status;                                              \
  } G_STMT_END

  RUN_STRING ("branch-name", bl_cli_set_branch_name (store, value));
  RUN_STRING ("start-date", bl_cli_set_start_date (store, value));
  RUN_STRING ("import-members", bl_cli_import_members (store, value));
  RUN_STRING ("import-activities", bl_cli_import_activities (store, value));
  RUN_STRING ("transfer-member", bl_cli_transfer_member (store, value, g_variant_dict_contains (options, "transferred-on"),
                                                         transferred_on, transferred_to));
  RUN_STRING ("undo-transfer", bl_cli_undo_transfer (store, value));
  RUN_STRING ("delete-member", bl_cli_delete_member (store, value));
  RUN_STRING ("group-leader", bl_cli_set_group_leader (store, value));
  RUN_STRING ("rules", bl_cli_enable_rules (store, value));
  RUN_STRING ("disable-rules", bl_cli_disable_rules (store, value));
  RUN_STRING ("attach", bl_cli_attach (store, value, (const char * const *) remaining));
  RUN_STRING ("detach", bl_cli_detach (store, value, (const char * const *) remaining));
  RUN_STRING ("export-csv", bl_cli_export_csv (store, value));

  if (lookup_flag (options, "status") &&
      (status = bl_cli_status (store, date, json)) != BL_EXIT_OK)
    return status;

  RUN_STRING ("report", bl_cli_report (store, value, output));
  RUN_STRING ("print-records", bl_cli_print_records (store, value, output));
  RUN_STRING ("print-signin", bl_cli_print_signin (store, value, output));

  if (lookup_flag (options, "check-reminders"))
    status = bl_cli_check_reminders (store, date, json, lookup_flag (options, "dry-run"));

#undef RUN_STRING
  return status;
}

int
bl_cli_restore_backup (const char *database_path,
                       const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (database_path != NULL && backup != NULL, BL_EXIT_BAD_INPUT);

  if (!bl_store_restore_backup_file (database_path, backup, &kept, &error))
    {
      g_printerr ("%s\n", error->message);
      /* A file that is no good backup is the person's mistake; anything else is the ledger's. */
      return g_error_matches (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID) ? BL_EXIT_BAD_INPUT : BL_EXIT_NO_LEDGER;
    }
  if (kept != NULL)
    g_print (_("Restored %s as %s; the ledger it replaced was kept as %s\n"), backup, database_path, kept);
  else
    g_print (_("Restored %s as %s\n"), backup, database_path);
  return BL_EXIT_OK;
}

const GOptionEntry *
bl_cli_get_option_entries (void)
{
  return option_entries;
}

int
bl_cli_run (GVariantDict *options,
            const char   *database_path)
{
  g_autofree char *demo = NULL;
  g_autofree char *restore = NULL;

  g_return_val_if_fail (options != NULL, BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (database_path != NULL, BL_EXIT_BAD_INPUT);

  demo = lookup_string (options, "demo");
  if (demo != NULL)
    return bl_cli_demo (demo);
  /* First, on its own: the ledger it replaces may be one that is refused. */
  restore = lookup_string (options, "restore-backup");
  if (restore != NULL)
    {
      int status = bl_cli_restore_backup (database_path, restore);

      if (status != BL_EXIT_OK || !has_command (options))
        return status;
    }
  if (has_command (options))
    return run_commands (options, database_path);
  if (g_variant_dict_contains (options, G_OPTION_REMAINING))
    {
      g_auto(GStrv) remaining = NULL;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &remaining);
      if (!bl_cli_check_remaining (options, (const char * const *) remaining))
        return BL_EXIT_BAD_INPUT;
    }
  return -1;
}
