/* bl-cli.c: the command line's options, and the commands they ask for run
 * in a fixed order without a window */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli-private.h"

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the ledger in FILE"), N_("FILE") },
  { "branch-name", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Set the branch's name"), N_("NAME") },
  { "start-date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Set the day the ledger's records start (no quota before it is missed)"), N_("YYYY-MM-DD") },
  { "import-members", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import members from a CSV file or an Excel workbook"), N_("FILE") },
  { "import-activities", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Import activities from a CSV file or an Excel workbook"), N_("FILE") },
  { "transfer-member", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Transfer a member out, or correct the day or destination of a transfer"), N_("NAME") },
  { "transferred-on", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --transfer-member: the day of the transfer (empty: not known)"), N_("YYYY-MM-DD") },
  { "transferred-to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --transfer-member: where the member went"), N_("TEXT") },
  { "undo-transfer", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Make a member transferred out active again"), N_("NAME") },
  { "delete-member", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Delete a member who has no attendance on record"), N_("NAME") },
  { "group-leader", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Make a member the leader of their party group"), N_("NAME") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write members.csv and activities.csv into DIR"), N_("DIR") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the ledger as one Excel workbook"), N_("FILE.xlsx") },
  { "year", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export-xlsx: only this year"), N_("YYYY") },
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
    "branch-name", "start-date", "import-members", "import-activities", "transfer-member",
    "transferred-on", "transferred-to", "undo-transfer", "delete-member", "group-leader",
    "export-csv", "export-xlsx", "rules", "disable-rules", "status", "report", "print-records", "check-reminders",
    "attach", "detach", "print-signin",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_variant_dict_contains (options, commands[i]))
      return TRUE;
  return FALSE;
}

/* The commands that change the ledger, in the order they run: rules
 * before the imports (a pack's kinds are what an import's rows may name),
 * imports before the changes to members they may name. */
static const char * const changes[] = {
  "branch-name", "start-date", "rules", "disable-rules", "import-members", "import-activities",
  "transfer-member", "undo-transfer", "delete-member", "group-leader", "attach", "detach",
};

/* Whether the changes asked for are imports only (and the branch's name
 * or start date): none of them deletes an activity or a member. */
static gboolean
only_imports (GVariantDict *options)
{
  static const char * const others[] = {
    "rules", "disable-rules", "transfer-member", "undo-transfer", "delete-member", "group-leader", "attach", "detach",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_variant_dict_contains (options, others[i]))
      return FALSE;
  return TRUE;
}

/* The files of --import-members and --import-activities, read ahead. */
typedef struct {
  BlCliInput *members;
  BlCliInput *activities;
} Inputs;

static int
run_change (BlStore            *store,
            GVariantDict       *options,
            const char * const *remaining,
            Inputs             *inputs,
            const char         *option,
            const char         *value)
{
  if (g_str_equal (option, "branch-name"))
    return bl_cli_set_branch_name (store, value);
  if (g_str_equal (option, "start-date"))
    return bl_cli_set_start_date (store, value);
  if (g_str_equal (option, "rules"))
    return bl_cli_enable_rules (store, value);
  if (g_str_equal (option, "disable-rules"))
    return bl_cli_disable_rules (store, value);
  if (g_str_equal (option, "import-members"))
    return bl_cli_import_members (store, value, inputs->members);
  if (g_str_equal (option, "import-activities"))
    return bl_cli_import_activities (store, value, inputs->activities);
  if (g_str_equal (option, "transfer-member"))
    {
      g_autofree char *transferred_on = lookup_string (options, "transferred-on");
      g_autofree char *transferred_to = lookup_string (options, "transferred-to");

      return bl_cli_transfer_member (store, value, g_variant_dict_contains (options, "transferred-on"),
                                     transferred_on, transferred_to);
    }
  if (g_str_equal (option, "undo-transfer"))
    return bl_cli_undo_transfer (store, value);
  if (g_str_equal (option, "delete-member"))
    return bl_cli_delete_member (store, value);
  if (g_str_equal (option, "attach"))
    return bl_cli_attach (store, value, remaining);
  if (g_str_equal (option, "detach"))
    return bl_cli_detach (store, value, remaining);
  return bl_cli_set_group_leader (store, value);
}

/* What the changes report on stdout ("12 added"), held back until they
 * are saved: nothing is said to be done that was then undone. */
static GString *held_output;

static void
hold_output_cb (const char *text)
{
  g_string_append (held_output, text);
}

/* Every change of one command line in one transaction: all or nothing. */
static int
run_changes (BlStore            *store,
             GVariantDict       *options,
             const char * const *remaining,
             Inputs             *inputs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  GPrintFunc print = NULL;
  guint done = 0;
  int status = BL_EXIT_OK;

  if (!bl_store_begin (store, &error))
    return bl_cli_bad_input (error);
  held_output = output;
  print = g_set_print_handler (hold_output_cb);
  for (guint i = 0; i < G_N_ELEMENTS (changes) && status == BL_EXIT_OK; i++)
    {
      g_autofree char *value = lookup_string (options, changes[i]);

      if (value == NULL)
        continue;
      if ((status = run_change (store, options, remaining, inputs, changes[i], value)) == BL_EXIT_OK)
        done++;
    }
  g_set_print_handler (print);
  held_output = NULL;

  if (status != BL_EXIT_OK)
    {
      bl_store_rollback (store);
      if (done > 0)
        g_printerr (_("Nothing was changed: what the options before it did was undone too\n"));
      return status;
    }
  if (!bl_store_commit (store, &error))
    {
      bl_store_rollback (store);
      g_printerr ("%s\n", error->message);
      g_printerr (_("Nothing was changed\n"));
      return BL_EXIT_BAD_INPUT;
    }
  g_print ("%s", output->str);
  return BL_EXIT_OK;
}

/* Runs the command-line actions in a fixed order (the changes, then the
 * outputs), stopping at the first that fails. */
static int
run_commands (GVariantDict *options,
              const char   *database_path)
{
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *date = lookup_string (options, "date");
  g_autofree char *output = lookup_string (options, "output");
  g_autofree char *year = lookup_string (options, "year");
  g_autofree char *month = lookup_string (options, "report");
  g_autofree char *ids = lookup_string (options, "print-records");
  g_autofree char *transferred_on = lookup_string (options, "transferred-on");
  g_autofree char *transferred_to = lookup_string (options, "transferred-to");
  gboolean json = lookup_flag (options, "json");
  g_autoptr(BlCliInput) members_input = NULL;
  g_autoptr(BlCliInput) activities_input = NULL;
  Inputs inputs = { NULL, NULL };
  gboolean importing;
  gboolean any_change = FALSE;
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

  /* A mistake in an output's arguments is found before anything changes. */
  if ((year != NULL && !bl_cli_export_xlsx_ready (year)) ||
      (month != NULL && !bl_cli_report_ready (month, output)) ||
      (ids != NULL && !bl_cli_print_records_ready (ids, output)))
    return BL_EXIT_BAD_INPUT;

  /* An import's file is read while the ledger is checked in a worker
   * thread (on two cores the check then costs no time): the ledger is only
   * read meanwhile, and the changes' transaction, the first write, waits
   * for the check's outcome anyway. A damaged ledger is refused as
   * bl_store_open() refuses it, before anything is imported. */
  importing = g_variant_dict_contains (options, "import-members") ||
              g_variant_dict_contains (options, "import-activities");
  store = importing ? bl_store_open_deferred (database_path, &error) : bl_store_open (database_path, &error);
  if (store != NULL && importing)
    {
      g_autofree char *members = lookup_string (options, "import-members");
      g_autofree char *activities = lookup_string (options, "import-activities");

      bl_store_start_check (store);
      if (members != NULL)
        inputs.members = members_input = bl_cli_input_read (TRUE, members);
      if (activities != NULL)
        inputs.activities = activities_input = bl_cli_input_read (FALSE, activities);
      bl_store_wait_check (store);
      if (bl_store_get_check_error (store) != NULL)
        {
          g_set_error_literal (&error, BL_STORE_ERROR, bl_store_get_check_error (store)->code,
                               bl_store_get_check_error (store)->message);
          g_clear_object (&store);
        }
    }
  if (store == NULL)
    {
      g_printerr (_("%s: cannot open the ledger: %s\n"), database_path, error->message);
      return BL_EXIT_NO_LEDGER;
    }
  for (const char * const *notice = bl_store_get_notices (store); *notice != NULL; notice++)
    g_printerr ("%s\n", *notice);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    any_change |= g_variant_dict_contains (options, changes[i]);
  /* A file of activities with as many rows as the ledger has or more: the
   * keys of the rows it writes are checked once, with the whole ledger's,
   * at the commit (a million lookups fewer for a 20-year import). Only
   * when nothing else changes: the other changes may delete a member. */
  if (inputs.activities != NULL && only_imports (options) &&
      bl_cli_input_get_n_rows (inputs.activities) >= 500 &&
      bl_cli_input_get_n_rows (inputs.activities) >= bl_store_count_activities (store))
    bl_store_check_keys_at_commit (store);
  if (any_change && (status = run_changes (store, options, (const char * const *) remaining, &inputs)) != BL_EXIT_OK)
    return status;

#define RUN_STRING(option, call)                                   \
  G_STMT_START {                                                  \
    g_clear_pointer (&value, g_free);                             \
    value = lookup_string (options, option);                      \
    if (value != NULL && (status = (call)) != BL_EXIT_OK)          \
      return status;                                              \
  } G_STMT_END

  RUN_STRING ("export-csv", bl_cli_export_csv (store, value));
  RUN_STRING ("export-xlsx", bl_cli_export_xlsx (store, value, year));

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

char *
bl_cli_json_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (JSON_IS_BUILDER (builder), NULL);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

void
bl_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
bl_cli_json_add_nullable (JsonBuilder *builder,
                          const char  *member,
                          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
bl_cli_json_add_int (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
bl_cli_json_add_boolean (JsonBuilder *builder,
                         const char  *member,
                         gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

int
bl_cli_bad_input (const GError *error)
{
  g_return_val_if_fail (error != NULL, BL_EXIT_BAD_INPUT);

  g_printerr ("%s\n", error->message);
  return BL_EXIT_BAD_INPUT;
}

int
bl_cli_done (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("%s\n", message);
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
