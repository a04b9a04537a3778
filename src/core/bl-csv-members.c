/* bl-csv-members.c: members imported from members.csv or a workbook's 党员名册 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-csv-members.h"
#include "bl-csv-private.h"
#include "bl-csv-reader.h"
#include "bl-date.h"

typedef struct {
  BlStore       *store;
  BlCsvSheet     sheet;
  BlCsvProblems  problems;
  GPtrArray     *members;       /* BlMember*, as the file holds them */
  GHashTable    *by_name;       /* name → GPtrArray of BlMember* (borrowed), each name's members */
  GHashTable    *taken;         /* BlMember* matched by a row already */
  GHashTable    *seen;          /* a row's key → its row, for rows naming one member twice */
  GHashTable    *groups;        /* party group names in the ledger */
  guint          added;
  guint          updated;
  guint          groups_added;
} MemberImport;

static void
member_import_clear (MemberImport *import)
{
  bl_csv_sheet_clear (&import->sheet);
  bl_csv_problems_clear (&import->problems);
  g_clear_pointer (&import->by_name, g_hash_table_unref);
  g_clear_pointer (&import->members, g_ptr_array_unref);
  g_clear_pointer (&import->taken, g_hash_table_unref);
  g_clear_pointer (&import->seen, g_hash_table_unref);
  g_clear_pointer (&import->groups, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MemberImport, member_import_clear)

static void
index_member (MemberImport *import,
              BlMember     *member)
{
  GPtrArray *named = g_hash_table_lookup (import->by_name, bl_member_get_name (member));

  if (named == NULL)
    {
      named = g_ptr_array_new ();
      g_hash_table_insert (import->by_name, g_strdup (bl_member_get_name (member)), named);
    }
  g_ptr_array_add (named, member);
}

static gboolean
load_ledger (MemberImport  *import,
             GError       **error)
{
  g_auto(GStrv) groups = bl_store_list_groups (import->store);

  import->members = bl_store_list_members (import->store, error);
  if (import->members == NULL)
    return FALSE;
  import->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  import->taken = g_hash_table_new (NULL, NULL);
  import->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < import->members->len; i++)
    index_member (import, g_ptr_array_index (import->members, i));
  for (guint i = 0; groups[i] != NULL; i++)
    g_hash_table_add (import->groups, g_strdup (groups[i]));
  return TRUE;
}

/* The member a row stands for, or NULL for a new one. A transferred row
 * first matches a transferred member of that name (on its 转出日期 when
 * the row gives one), else it transfers the active member of that name. */
static BlMember *
match_member (MemberImport   *import,
              const char     *name,
              BlMemberStatus  status,
              const char     *transferred_on)
{
  GPtrArray *named = g_hash_table_lookup (import->by_name, name);

  if (named == NULL)
    return NULL;
  if (status == BL_MEMBER_STATUS_TRANSFERRED)
    for (guint i = 0; i < named->len; i++)
      {
        BlMember *member = g_ptr_array_index (named, i);

        if (bl_member_get_status (member) != BL_MEMBER_STATUS_TRANSFERRED ||
            g_hash_table_contains (import->taken, member))
          continue;
        if (*transferred_on == '\0' || g_strcmp0 (bl_member_get_transferred_on (member), transferred_on) == 0)
          return member;
      }
  for (guint i = 0; i < named->len; i++)
    {
      BlMember *member = g_ptr_array_index (named, i);

      if (bl_member_get_status (member) == BL_MEMBER_STATUS_ACTIVE && !g_hash_table_contains (import->taken, member))
        return member;
    }
  return NULL;
}

/* Whether every cell of @row but the party group's is empty. */
static gboolean
only_group (MemberImport *import,
            guint         row)
{
  for (guint c = 0; c < BL_CSV_MEMBER_N_COLUMNS; c++)
    {
      g_autofree char *value = NULL;

      if (c == BL_CSV_MEMBER_GROUP)
        continue;
      value = bl_csv_sheet_cell (&import->sheet, row, c);
      if (*value != '\0')
        return FALSE;
    }
  return TRUE;
}

#define PROBLEM(import, row, column, ...) \
  bl_csv_problem (&(import)->problems, (import)->sheet.table, (row), \
                  bl_csv_sheet_cell_index (&(import)->sheet, (column)), __VA_ARGS__)

/* "line 12" in a text file, "row 12" in a sheet: where another row is. */
static gboolean
in_sheet (MemberImport *import)
{
  return bl_table_get_sheet (import->sheet.table) != NULL;
}

/* A member marked transferred without a date keeps the date unknown (and
 * is then expected at no meeting), or the one already recorded. */
static void
apply_row (MemberImport *import,
           BlMember     *member,
           guint         row)
{
  BlCsvSheet *sheet = &import->sheet;
  g_autofree char *group = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_GROUP);
  g_autofree char *category = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_CATEGORY);
  g_autofree char *role = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_ROLE);
  g_autofree char *joined = bl_csv_date_cell (bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_JOINED));
  g_autofree char *phone = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_PHONE);
  g_autofree char *status = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_STATUS);
  g_autofree char *transferred_on = bl_csv_date_cell (bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_TRANSFERRED_ON));
  g_autofree char *transferred_to = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_TRANSFERRED_TO);
  BlMemberCategory category_value = BL_MEMBER_CATEGORY_FULL;
  BlMemberRole role_value = BL_MEMBER_ROLE_NONE;
  BlMemberStatus status_value = BL_MEMBER_STATUS_ACTIVE;
  GDate date;

  if (*category != '\0' && !bl_member_category_parse (category, &category_value))
    PROBLEM (import, row, BL_CSV_MEMBER_CATEGORY, _("“%s” is not a member category (正式党员 or 预备党员)"), category);
  if (*role != '\0' && !bl_member_role_parse (role, &role_value))
    PROBLEM (import, row, BL_CSV_MEMBER_ROLE,
             _("“%s” is not a role (书记, 副书记, 组织委员, 宣传委员, 纪检委员, 委员 or empty)"), role);
  if (*joined != '\0' && !bl_date_parse (joined, &date))
    PROBLEM (import, row, BL_CSV_MEMBER_JOINED, _("“%s” is not a date (YYYY-MM-DD)"), joined);
  if (*status != '\0' && !bl_member_status_parse (status, &status_value))
    PROBLEM (import, row, BL_CSV_MEMBER_STATUS, _("“%s” is not a status (在册 or 转出)"), status);
  if (*transferred_on != '\0' && !bl_date_parse (transferred_on, &date))
    PROBLEM (import, row, BL_CSV_MEMBER_TRANSFERRED_ON, _("“%s” is not a date (YYYY-MM-DD)"), transferred_on);

  if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_GROUP))
    bl_member_set_group (member, group);
  if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_CATEGORY))
    bl_member_set_category (member, category_value);
  if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_ROLE))
    bl_member_set_role (member, role_value);
  if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_JOINED))
    bl_member_set_joined (member, *joined != '\0' ? joined : NULL);
  if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_PHONE))
    bl_member_set_phone (member, phone);
  if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_STATUS))
    bl_member_set_status (member, status_value);
  if (bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
    {
      if (*transferred_on != '\0')
        bl_member_set_transferred_on (member, transferred_on);
      if (bl_csv_sheet_has (sheet, BL_CSV_MEMBER_TRANSFERRED_TO))
        bl_member_set_transferred_to (member, transferred_to);
    }
  else
    {
      if (*transferred_to != '\0')
        PROBLEM (import, row, BL_CSV_MEMBER_TRANSFERRED_TO,
                 _("“%s” is a destination (转往): only a member transferred out (转出) has one"), transferred_to);
      bl_member_set_transferred_on (member, NULL);
    }
}

/* A row with only a party group keeps that group, members or not. */
static void
import_group (MemberImport *import,
              guint         row,
              const char   *group)
{
  g_autoptr(GError) error = NULL;

  if (g_hash_table_contains (import->groups, group))
    return;
  if (import->problems.count == 0 && !bl_store_ensure_group (import->store, group, &error))
    {
      PROBLEM (import, row, BL_CSV_MEMBER_GROUP, "%s", error->message);
      return;
    }
  g_hash_table_add (import->groups, g_strdup (group));
  import->groups_added++;
}

static void
import_row (MemberImport *import,
            guint         row,
            guint        *secretary_row)
{
  BlCsvSheet *sheet = &import->sheet;
  g_autofree char *name = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_NAME);
  g_autofree char *status = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_STATUS);
  g_autofree char *transferred_on = bl_csv_date_cell (bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_TRANSFERRED_ON));
  g_autofree char *key = NULL;
  g_autoptr(BlMember) created = NULL;
  g_autoptr(GError) save_error = NULL;
  BlMemberStatus status_value = BL_MEMBER_STATUS_ACTIVE;
  BlMember *member;
  gpointer first_row;

  if (*name == '\0')
    {
      g_autofree char *group = bl_csv_sheet_cell (sheet, row, BL_CSV_MEMBER_GROUP);

      if (*group != '\0' && only_group (import, row))
        import_group (import, row, group);
      else
        PROBLEM (import, row, BL_CSV_MEMBER_NAME, _("the name is missing"));
      return;
    }

  /* Transferred members may share a name with each other and with an
   * active one: a transferred row is told apart by its 转出日期. */
  bl_member_status_parse (status, &status_value);
  key = status_value == BL_MEMBER_STATUS_TRANSFERRED ? g_strdup_printf ("%s\x1f%s", name, transferred_on)
                                                     : g_strdup (name);
  if (g_hash_table_lookup_extended (import->seen, key, NULL, &first_row))
    {
      guint where = bl_table_get_position (sheet->table, GPOINTER_TO_UINT (first_row));

      if (in_sheet (import))
        PROBLEM (import, row, BL_CSV_MEMBER_NAME, _("“%s” already appears in row %u"), name, where);
      else
        PROBLEM (import, row, BL_CSV_MEMBER_NAME, _("“%s” already appears on line %u"), name, where);
      return;
    }
  g_hash_table_insert (import->seen, g_steal_pointer (&key), GUINT_TO_POINTER (row));

  member = match_member (import, name, status_value, transferred_on);
  if (member == NULL)
    member = created = bl_member_new (name);
  apply_row (import, member, row);

  if (bl_member_get_role (member) == BL_MEMBER_ROLE_SECRETARY &&
      bl_member_get_status (member) == BL_MEMBER_STATUS_ACTIVE)
    {
      if (*secretary_row != G_MAXUINT)
        {
          guint where = bl_table_get_position (sheet->table, *secretary_row);

          if (in_sheet (import))
            PROBLEM (import, row, BL_CSV_MEMBER_ROLE, _("a branch has one secretary, and row %u names another"), where);
          else
            PROBLEM (import, row, BL_CSV_MEMBER_ROLE, _("a branch has one secretary, and line %u names another"), where);
        }
      *secretary_row = row;
    }

  /* Keep checking the rest after a problem, but write nothing more. */
  if (import->problems.count > 0)
    return;
  if (!bl_store_save_member (import->store, member, &save_error))
    {
      PROBLEM (import, row, BL_CSV_MEMBER_NAME, "%s", save_error->message);
      return;
    }
  if (*bl_member_get_group (member) != '\0')
    g_hash_table_add (import->groups, g_strdup (bl_member_get_group (member)));
  if (created != NULL)
    {
      index_member (import, created);
      g_ptr_array_add (import->members, g_steal_pointer (&created));
      import->added++;
    }
  else
    import->updated++;
  g_hash_table_add (import->taken, member);
}

static char *
current_secretary_name (MemberImport *import)
{
  for (guint i = 0; i < import->members->len; i++)
    {
      BlMember *member = g_ptr_array_index (import->members, i);

      if (bl_member_get_status (member) == BL_MEMBER_STATUS_ACTIVE &&
          bl_member_get_role (member) == BL_MEMBER_ROLE_SECRETARY)
        return g_strdup (bl_member_get_name (member));
    }
  return NULL;
}

gboolean
bl_csv_import_members_table (BlStore          *store,
                             BlTable          *table,
                             BlCsvImportFlags  flags,
                             GCancellable     *cancellable,
                             BlCsvReport      *report,
                             GError          **error)
{
  g_auto(MemberImport) import = { 0 };
  g_autofree char *current_secretary = NULL;
  guint secretary_row = G_MAXUINT;

  g_return_val_if_fail (BL_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  import.store = store;
  bl_csv_problems_init (&import.problems);
  if (!bl_csv_sheet_init (&import.sheet, table, bl_csv_member_columns, BL_CSV_MEMBER_N_COLUMNS, &import.problems,
                          report))
    return bl_csv_problems_fail (&import.problems, error);

  if (!bl_store_begin (store, error))
    return FALSE;
  if (!load_ledger (&import, error))
    {
      bl_store_rollback (store);
      return FALSE;
    }
  current_secretary = current_secretary_name (&import);

  bl_csv_report_begin_rows (report, &import.sheet);
  for (guint row = import.sheet.header + 1; row < bl_table_get_n_rows (table); row++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          bl_store_rollback (store);
          return FALSE;
        }
      if (!bl_table_row_is_blank (table, row))
        import_row (&import, row, &secretary_row);
      bl_csv_report_row_done (report);
    }

  /* With the whole file applied, the branch still has one secretary. */
  if (secretary_row != G_MAXUINT && current_secretary != NULL && !g_hash_table_contains (import.seen, current_secretary))
    PROBLEM (&import, secretary_row, BL_CSV_MEMBER_ROLE,
             _("the ledger already has a secretary, %s: change their role in the same file, or in the Members page first"),
             current_secretary);
  else if (import.problems.count == 0 && secretary_row != G_MAXUINT &&
           bl_store_count_role (store, BL_MEMBER_ROLE_SECRETARY) > 1)
    PROBLEM (&import, secretary_row, BL_CSV_MEMBER_ROLE,
             _("the ledger already has a secretary: change their role in the same file, or in the Members page first"));

  if (!bl_csv_import_finish (store, &import.problems, flags, error))
    return FALSE;
  if (report != NULL)
    {
      report->added += import.added;
      report->updated += import.updated;
      report->groups_added += import.groups_added;
    }
  return TRUE;
}

gboolean
bl_csv_import_members (BlStore      *store,
                       const char   *path,
                       BlCsvReport  *report,
                       GError      **error)
{
  return bl_csv_import_file (store, path, bl_csv_import_members_table, report, error);
}
