/* bl-cli-members.c: --start-date, --transfer-member [--transferred-on D]
 * [--transferred-to TEXT], --undo-transfer, --delete-member, --group-leader */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli-private.h"
#include "bl-date.h"

/* BL_EXIT_BAD_INPUT, for "return print_error (…)". */
static int
print_error (const char *option,
             const char *message)
{
  g_printerr ("%s: %s\n", option, message);
  return BL_EXIT_BAD_INPUT;
}

/* The member called @name: the active one when there is one (names are
 * unique among active members), else the one member transferred out under
 * that name (@active_only: none). NULL, with the message printed, when
 * there is no such member or several. */
static BlMember *
find_member (BlStore    *store,
             const char *option,
             const char *name,
             gboolean    active_only,
             gboolean    transferred_only)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  g_autoptr(BlMember) found = NULL;
  GListModel *members = bl_store_get_members (store);
  guint n = g_list_model_get_n_items (members);
  guint matches = 0;

  if (!transferred_only)
    {
      BlMember *active = bl_store_find_active_member (store, clean);

      if (active != NULL || active_only)
        {
          if (active == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("there is no active member called “%s”"), clean);

              print_error (option, message);
            }
          return active;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (bl_member_get_status (member) != BL_MEMBER_STATUS_TRANSFERRED ||
          g_strcmp0 (bl_member_get_name (member), clean) != 0)
        continue;
      matches++;
      g_set_object (&found, member);
    }
  if (matches == 1)
    return g_steal_pointer (&found);

  {
    g_autofree char *message = NULL;

    if (matches == 0 && transferred_only)
      message = g_strdup_printf (_("there is no member transferred out called “%s”"), clean);
    else if (matches == 0)
      message = g_strdup_printf (_("there is no member called “%s”"), clean);
    else
      message = g_strdup_printf (_("several members transferred out are called “%s”: choose one on the Members page"),
                                 clean);
    print_error (option, message);
  }
  return NULL;
}

int
bl_cli_set_start_date (BlStore    *store,
                       const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *shown = NULL;
  GDate parsed;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (date != NULL, BL_EXIT_BAD_INPUT);

  if (!bl_date_parse (date, &parsed))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2025-01-01"),
                                                  date);

      return print_error ("--start-date", message);
    }
  if (!bl_store_set_start_date (store, date, &error))
    return print_error ("--start-date", error->message);
  start = bl_store_get_start_date (store);
  shown = bl_date_iso_format_locale (start);
  return bl_cli_done (_("The ledger’s records start on %s."), shown);
}

int
bl_cli_transfer_member (BlStore    *store,
                        const char *name,
                        gboolean    has_date,
                        const char *date,
                        const char *destination)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = NULL;
  g_autoptr(BlMember) saved = NULL;
  g_autofree char *today = NULL;
  const char *on;
  GDate parsed;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (name != NULL, BL_EXIT_BAD_INPUT);

  /* An empty --transferred-on says the day is not known. */
  if (has_date && date != NULL && *date != '\0' && !bl_date_parse (date, &parsed))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2025-03-01, "
                                                    "or leave it empty when the day is not known"), date);

      return print_error ("--transferred-on", message);
    }
  member = find_member (store, "--transfer-member", name, FALSE, FALSE);
  if (member == NULL)
    return BL_EXIT_BAD_INPUT;

  /* A new transfer happens today unless told otherwise; a transfer already
   * recorded keeps its day unless told otherwise. */
  if (has_date)
    on = date != NULL && *date != '\0' ? date : NULL;
  else if (bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
    on = bl_member_get_transferred_on (member);
  else
    on = today = bl_clock_get_today (bl_store_get_clock (store));

  if (!bl_store_set_transfer (store, bl_member_get_id (member), on, destination, &error))
    return print_error ("--transfer-member", error->message);

  saved = bl_store_find_member (store, bl_member_get_id (member));
  if (bl_member_get_transferred_on (saved) != NULL)
    {
      g_autofree char *shown = bl_date_iso_format_locale (bl_member_get_transferred_on (saved));

      g_print (_("%s: transferred out on %s."), bl_member_get_name (saved), shown);
    }
  else
    g_print (_("%s: transferred out, on a day not known (expected at no meeting)."), bl_member_get_name (saved));
  if (*bl_member_get_transferred_to (saved) != '\0')
    {
      g_print (" ");
      g_print (_("Transferred to: %s."), bl_member_get_transferred_to (saved));
    }
  g_print ("\n");
  return BL_EXIT_OK;
}

int
bl_cli_undo_transfer (BlStore    *store,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (name != NULL, BL_EXIT_BAD_INPUT);

  member = find_member (store, "--undo-transfer", name, FALSE, TRUE);
  if (member == NULL)
    return BL_EXIT_BAD_INPUT;
  if (!bl_store_undo_transfer (store, bl_member_get_id (member), &error))
    return print_error ("--undo-transfer", error->message);
  return bl_cli_done (_("%s is an active member again."), bl_member_get_name (member));
}

int
bl_cli_delete_member (BlStore    *store,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = NULL;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (name != NULL, BL_EXIT_BAD_INPUT);

  member = find_member (store, "--delete-member", name, FALSE, FALSE);
  if (member == NULL)
    return BL_EXIT_BAD_INPUT;
  if (!bl_store_delete_member (store, bl_member_get_id (member), &error))
    return print_error ("--delete-member", error->message);
  return bl_cli_done (_("Deleted the member %s."), bl_member_get_name (member));
}

int
bl_cli_set_group_leader (BlStore    *store,
                         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMember) member = NULL;
  const char *group;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);
  g_return_val_if_fail (name != NULL, BL_EXIT_BAD_INPUT);

  member = find_member (store, "--group-leader", name, TRUE, FALSE);
  if (member == NULL)
    return BL_EXIT_BAD_INPUT;
  group = bl_member_get_group (member);
  if (*group == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("%s is in no party group"), bl_member_get_name (member));

      return print_error ("--group-leader", message);
    }
  if (!bl_store_set_group_leader (store, group, bl_member_get_id (member), NULL, &error))
    return print_error ("--group-leader", error->message);
  return bl_cli_done (_("%s leads %s."), bl_member_get_name (member), group);
}
