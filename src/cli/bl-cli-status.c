/* bl-cli-status.c: --rules PACK, --disable-rules ID, --status [--date D] [--json] */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-cli-private.h"
#include "bl-date.h"
#include "bl-quota.h"
#include "bl-rules.h"

/* Columns line up in a terminal: CJK characters take two cells. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

typedef struct {
  guint      n_columns;
  GPtrArray *rows;        /* GStrv each, the first is the header */
  gboolean  *right;       /* numbers are right-aligned */
} Table;

static Table *
table_new (const gboolean *right,
           guint           n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->right = g_memdup2 (right, sizeof (gboolean) * n_columns);
  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table->right);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Takes the strings of @cells (n_columns of them). */
static void
table_add (Table *table,
           char **cells)
{
  GStrv row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = cells[i] != NULL ? cells[i] : g_strdup ("");
  g_ptr_array_add (table->rows, row);
}

static void
table_print (Table *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      g_string_truncate (line, 0);
      g_string_append (line, "  ");
      for (guint c = 0; c < table->n_columns; c++)
        {
          guint pad = widths[c] - display_width (row[c]);
          gboolean last = c + 1 == table->n_columns;

          if (table->right[c])
            for (guint i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, row[c]);
          if (!table->right[c] && !last)
            for (guint i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          if (!last)
            g_string_append (line, "  ");
        }
      g_print ("%s\n", line->str);
    }
}

static char *
format_period (const char *start,
               const char *end)
{
  g_autofree char *from = bl_date_iso_format_locale (start);
  g_autofree char *to = bl_date_iso_format_locale (end);

  /* TRANSLATORS: a period from one date to another, e.g. "2025年1月1日–2025年3月31日" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* "1/2", and the meetings held without their quorum, which are not in it. */
static char *
format_done (const BlQuotaStatus *q)
{
  if (q->invalid == 0)
    return g_strdup_printf ("%u/%u", q->done, q->required);
  /* Translators: done/required, then how many were held without their quorum */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u/%u (%u without a quorum)",
                                       "%u/%u (%u without a quorum)", q->invalid),
                          q->done, q->required, q->invalid);
}

/* Fills @cells (a new string or NULL each) with @item's columns. */
typedef void (*RowFunc) (gconstpointer item, char **cells);

/* A table of @items under @headers, one row each as @fill_row has it. */
static void
print_table (const char * const *headers,
             const gboolean     *right,
             guint               n_columns,
             GPtrArray          *items,
             RowFunc             fill_row)
{
  g_autoptr(Table) table = table_new (right, n_columns);
  g_autofree char **cells = g_new0 (char *, n_columns);

  for (guint c = 0; c < n_columns; c++)
    cells[c] = g_strdup (headers[c]);
  table_add (table, cells);
  for (guint i = 0; i < items->len; i++)
    {
      fill_row (g_ptr_array_index (items, i), cells);
      table_add (table, cells);
    }
  table_print (table);
}

static void
quota_row (gconstpointer item,
           char        **cells)
{
  const BlQuotaStatus *q = item;

  cells[0] = g_strdup (q->rule_name);
  cells[1] = g_strdup (q->group);
  cells[2] = g_strdup (bl_period_display (q->period));
  cells[3] = bl_date_iso_format_locale (q->end);
  cells[4] = format_done (q);
  cells[5] = g_strdup_printf ("%d", q->days_left);
  cells[6] = g_strdup (bl_quota_state_display (q->state));
}

static void
missed_row (gconstpointer item,
            char        **cells)
{
  const BlQuotaStatus *q = item;

  cells[0] = g_strdup (q->rule_name);
  cells[1] = g_strdup (q->group);
  cells[2] = format_period (q->start, q->end);
  cells[3] = format_done (q);
}

static void
absence_row (gconstpointer item,
             char        **cells)
{
  const BlAbsence *a = item;

  cells[0] = g_strdup (a->member);
  cells[1] = a->last_attended != NULL ? bl_date_iso_format_locale (a->last_attended) : g_strdup (_("Never"));
  cells[2] = g_strdup_printf ("%u", a->months);
  /* TRANSLATORS: separates absence reasons in a list, e.g. "病假、事假" */
  cells[3] = g_strv_length (a->reasons) > 0 ? g_strjoinv (_(", "), a->reasons) : g_strdup ("—");
}

static void
print_quotas (BlQuotaReport *report)
{
  static const gboolean right[] = { FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE };
  const char * const headers[] = {
    _("Rule"), _("Group"), _("Period"), _("Deadline"), _("Done"), _("Days left"), _("State"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (right) == G_N_ELEMENTS (headers));
  print_table (headers, right, G_N_ELEMENTS (right), report->quotas, quota_row);
}

static void
print_missed (BlQuotaReport *report)
{
  static const gboolean right[] = { FALSE, FALSE, FALSE, TRUE };
  const char * const headers[] = { _("Rule"), _("Group"), _("Dates"), _("Done") };

  G_STATIC_ASSERT (G_N_ELEMENTS (right) == G_N_ELEMENTS (headers));
  print_table (headers, right, G_N_ELEMENTS (right), report->missed, missed_row);
}

static void
print_absences (BlQuotaReport *report)
{
  static const gboolean right[] = { FALSE, FALSE, TRUE, FALSE };
  const char * const headers[] = {
    _("Member"), _("Last attended"), _("Months"), _("Absence reasons since"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (right) == G_N_ELEMENTS (headers));
  print_table (headers, right, G_N_ELEMENTS (right), report->absences, absence_row);
}

static void
print_plain (BlQuotaReport *report)
{
  g_autofree char *date = bl_date_iso_format_locale (report->date);

  g_print (_("Quota status on %s"), date);
  g_print ("\n");
  if (report->start_date != NULL)
    {
      g_autofree char *start = bl_date_iso_format_locale (report->start_date);

      /* Why nothing before it is listed as missed. */
      g_print (_("The ledger’s records start on %s."), start);
      g_print ("\n");
    }
  g_print ("\n");

  if (report->quotas->len == 0)
    g_print ("  %s\n", _("No quota rules are enabled (enable some with --rules standard)."));
  else
    print_quotas (report);

  g_print ("\n%s\n", _("Missed earlier this year:"));
  if (report->missed->len == 0)
    g_print ("  %s\n", _("None."));
  else
    print_missed (report);

  g_print ("\n");
  g_print (_("Members without organisational life for %d months or more:"), BL_ABSENCE_WARN_MONTHS);
  g_print ("\n");
  if (report->absences->len == 0)
    g_print ("  %s\n", _("None."));
  else
    print_absences (report);
}

/* A period's dates and what was held in it: the quotas' and the missed
 * periods' common part. */
static void
add_period_counts (JsonBuilder         *builder,
                   const BlQuotaStatus *q)
{
  bl_cli_json_add_string (builder, "start", q->start);
  bl_cli_json_add_string (builder, "end", q->end);
  bl_cli_json_add_int (builder, "required", q->required);
  bl_cli_json_add_int (builder, "done", q->done);
  bl_cli_json_add_int (builder, "invalid", q->invalid);
}

/* Adds @item's members to the object being built. */
typedef void (*ObjectFunc) (JsonBuilder *builder, gconstpointer item);

/* @member: an array of @items, an object each as @add_members fills it. */
static void
add_array (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *items,
           ObjectFunc   add_members)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      add_members (builder, g_ptr_array_index (items, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_quota (JsonBuilder   *builder,
           gconstpointer  item)
{
  const BlQuotaStatus *q = item;

  bl_cli_json_add_string (builder, "rule", q->rule_id);
  bl_cli_json_add_string (builder, "name", q->rule_name);
  bl_cli_json_add_string (builder, "kind", q->kind);
  bl_cli_json_add_nullable (builder, "group", q->group);
  bl_cli_json_add_string (builder, "period", bl_period_to_id (q->period));
  add_period_counts (builder, q);
  bl_cli_json_add_int (builder, "days_left", q->days_left);
  bl_cli_json_add_string (builder, "state", bl_quota_state_to_id (q->state));
}

static void
add_missed (JsonBuilder   *builder,
            gconstpointer  item)
{
  const BlQuotaStatus *q = item;

  bl_cli_json_add_string (builder, "rule", q->rule_id);
  bl_cli_json_add_nullable (builder, "group", q->group);
  add_period_counts (builder, q);
}

static void
add_absence (JsonBuilder   *builder,
             gconstpointer  item)
{
  const BlAbsence *a = item;

  bl_cli_json_add_string (builder, "member", a->member);
  bl_cli_json_add_nullable (builder, "last_attended", a->last_attended);
  bl_cli_json_add_int (builder, "months", a->months);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint r = 0; a->reasons[r] != NULL; r++)
    json_builder_add_string_value (builder, a->reasons[r]);
  json_builder_end_array (builder);
}

static char *
report_to_json (BlQuotaReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  bl_cli_json_add_string (builder, "date", report->date);
  bl_cli_json_add_nullable (builder, "start_date", report->start_date);
  add_array (builder, "quotas", report->quotas, add_quota);
  add_array (builder, "missed", report->missed, add_missed);
  add_array (builder, "absences", report->absences, add_absence);
  json_builder_end_object (builder);
  return bl_cli_json_text (builder);
}

int
bl_cli_status (BlStore    *store,
               const char *date,
               gboolean    json)
{
  g_autoptr(BlQuotaReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  GDate d;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  if (date == NULL)
    {
      bl_clock_get_date (bl_store_get_clock (store), &d);
      date = today = bl_date_to_iso (&d);
    }
  else if (!bl_date_parse (date, &d))
    {
      g_printerr (_("--date: “%s” is not a date; write it as YYYY-MM-DD, e.g. 2025-12-20"), date);
      g_printerr ("\n");
      return BL_EXIT_BAD_INPUT;
    }

  report = bl_quota_evaluate (store, date, &error);
  if (report == NULL)
    {
      g_printerr (_("Cannot evaluate the quotas: %s"), error->message);
      g_printerr ("\n");
      return BL_EXIT_BAD_INPUT;
    }

  if (json)
    {
      g_autofree char *text = report_to_json (report);

      g_print ("%s\n", text);
    }
  else
    print_plain (report);
  return BL_EXIT_OK;
}

static char *
pack_display_name (BlStore    *store,
                   const char *pack_id)
{
  g_autoptr(GPtrArray) packs = bl_rules_list_packs (store, NULL);

  for (guint i = 0; packs != NULL && i < packs->len; i++)
    {
      BlRulePackInfo *info = g_ptr_array_index (packs, i);

      if (g_strcmp0 (info->id, pack_id) == 0)
        return g_strdup (info->name);
    }
  return g_strdup (pack_id);
}

static void
print_unknown_id (const char *id,
                  gboolean    may_be_file)
{
  g_autofree char *builtin = g_strjoinv (", ", (GStrv) bl_rules_builtin_pack_ids ());

  if (may_be_file)
    g_printerr (_("“%s” is not a rule pack, a rule or a readable pack file. Built-in packs: %s"),
                id, builtin);
  else
    g_printerr (_("“%s” is neither a rule pack nor a rule. Built-in packs: %s"), id, builtin);
  g_printerr ("\n");
}

/* Switches the pack or the single rule @id on or off; on, @id may also be a
 * pack file to import. */
static int
set_rules_enabled (BlStore    *store,
                   const char *id,
                   gboolean    enabled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_id = NULL;
  g_autofree char *name = NULL;

  /* An id wins over a file of the same name in the current folder ("./standard"
   * imports that file). */
  if (bl_rules_pack_exists (store, id))
    {
      if (!bl_rules_set_pack_enabled (store, id, enabled, &error))
        return bl_cli_bad_input (error);
      if (!enabled)
        return bl_cli_done (_("Disabled the rule pack “%s”."), id);
      name = pack_display_name (store, id);
      return bl_cli_done (_("Enabled the rule pack “%s” (%s)."), id, name);
    }

  if (enabled && g_file_test (id, G_FILE_TEST_IS_REGULAR))
    {
      if (!bl_rules_import_pack_file (store, id, &pack_id, &error))
        {
          g_printerr ("%s\n", error->message);
          if (g_error_matches (error, BL_RULES_ERROR, BL_RULES_ERROR_MALFORMED))
            g_printerr ("%s\n", _("The rule pack was not imported; nothing was changed."));
          return BL_EXIT_BAD_INPUT;
        }
      name = pack_display_name (store, pack_id);
      return bl_cli_done (_("Imported and enabled the rule pack “%s” (%s)."), pack_id, name);
    }

  if ((pack_id = bl_rules_find_rule_pack (store, id)) != NULL)
    {
      if (!bl_rules_set_rule_enabled (store, id, enabled, &error))
        return bl_cli_bad_input (error);
      if (enabled)
        return bl_cli_done (_("Enabled the rule “%s” again."), id);
      return bl_cli_done (_("Disabled the rule “%s” (of the pack “%s”)."), id, pack_id);
    }

  print_unknown_id (id, enabled);
  return BL_EXIT_BAD_INPUT;
}

int
bl_cli_enable_rules (BlStore    *store,
                     const char *pack)
{
  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (pack != NULL, BL_EXIT_BAD_INPUT);

  return set_rules_enabled (store, pack, TRUE);
}

int
bl_cli_disable_rules (BlStore    *store,
                      const char *id)
{
  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (id != NULL, BL_EXIT_BAD_INPUT);

  return set_rules_enabled (store, id, FALSE);
}
