/* bl-cli.h: what the command line does without a window. Each returns the
 * process's exit status: 0 done, 1 bad input (nothing changed), 2 the ledger
 * cannot be opened. Messages go to stderr, results to stdout. */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_EXIT_OK        0
#define BL_EXIT_BAD_INPUT 1
#define BL_EXIT_NO_LEDGER 2

/* The options below (and --database, --date, --json, --output, --dry-run),
 * for the application's option parser. */
const GOptionEntry *bl_cli_get_option_entries (void);
/* Runs what @options ask for without a window: --demo, or the commands below
 * in a fixed order on the ledger at @database_path, stopping at the first
 * that fails: first the changes (the branch's name, rules, imports), all in
 * one transaction, so that a failure leaves the ledger as it was; then the
 * outputs, whose arguments are checked before anything changes. -1 when
 * @options hold no command (the application then opens its window). */
int bl_cli_run                 (GVariantDict *options,
                                const char   *database_path);

/* An import's file, read before the changes run (bl_cli_input_read()):
 * its table, or why it could not be read. */
typedef struct _BlCliInput BlCliInput;

BlCliInput *bl_cli_input_read  (gboolean members, const char *file);
/* The rows of its table (0 when it could not be read). */
guint       bl_cli_input_get_n_rows (BlCliInput *input);
void        bl_cli_input_free  (BlCliInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlCliInput, bl_cli_input_free)

/* --branch-name, --import-members, --import-activities, --export-csv; an
 * import reads @file itself when @input is NULL. */
int bl_cli_set_branch_name     (BlStore *store, const char *name);
int bl_cli_import_members      (BlStore *store, const char *file, BlCliInput *input);
int bl_cli_import_activities   (BlStore *store, const char *file, BlCliInput *input);
int bl_cli_export_csv          (BlStore *store, const char *dir);

/* --export-xlsx FILE [--year YYYY] (@year NULL: everything) */
int bl_cli_export_xlsx         (BlStore *store, const char *file, const char *year);

/* Whether an output's arguments are right, checked before anything is
 * changed; each says on stderr what is wrong. */
gboolean bl_cli_export_xlsx_ready   (const char *year);
gboolean bl_cli_report_ready        (const char *month, const char *output);
gboolean bl_cli_print_records_ready (const char *ids, const char *output);

/* --start-date D: the day the ledger's records start, as the user's choice */
int bl_cli_set_start_date      (BlStore *store, const char *date);
/* --transfer-member NAME [--transferred-on D] [--transferred-to TEXT]: a new
 * transfer happens today unless @has_date; an empty @date means the day is
 * not known; a member already transferred keeps the day unless @has_date.
 * --undo-transfer NAME, --delete-member NAME, --group-leader NAME. */
int bl_cli_transfer_member     (BlStore *store, const char *name, gboolean has_date,
                                const char *date, const char *destination);
int bl_cli_undo_transfer       (BlStore *store, const char *name);
int bl_cli_delete_member       (BlStore *store, const char *name);
int bl_cli_set_group_leader    (BlStore *store, const char *name);

/* --rules PACK, --disable-rules ID, --status [--date D] [--json] */
int bl_cli_enable_rules        (BlStore *store, const char *pack);
int bl_cli_disable_rules       (BlStore *store, const char *id);
int bl_cli_status              (BlStore *store, const char *date, gboolean json);

/* --restore-backup FILE: puts the backup FILE in place of the ledger at
 * @database_path, keeping the current one aside (runs before the others) */
int bl_cli_restore_backup      (const char *database_path, const char *backup);

/* --demo FILE: writes the demo ledger to FILE (no --database needed) */
int bl_cli_demo                (const char *file);

/* --report YYYY-MM --output FILE.pdf, --print-records ID,... --output FILE.pdf */
int bl_cli_report              (BlStore *store, const char *month, const char *output);
int bl_cli_print_records       (BlStore *store, const char *ids, const char *output);

/* --print-signin ID --output FILE.pdf */
int bl_cli_print_signin        (BlStore *store, const char *ids, const char *output);

/* --attach ID FILE…, --detach ID NAME… (@rest: the arguments after the
 * options); whether @rest fits the options given (FALSE after a message). */
int bl_cli_attach              (BlStore *store, const char *id, const char * const *rest);
int bl_cli_detach              (BlStore *store, const char *id, const char * const *rest);
gboolean bl_cli_check_remaining (GVariantDict *options, const char * const *rest);

/* --check-reminders [--date D] [--json] [--dry-run] */
int bl_cli_check_reminders     (BlStore *store, const char *date, gboolean json, gboolean dry_run);

G_END_DECLS
