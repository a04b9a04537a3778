/* bl-cli-reminders.c: --check-reminders [--date D] [--json] [--dry-run]:
 * evaluates once, sends what is due, prints what it sent; for cron or a
 * systemd user timer. Quiet time does not apply: it sends when it is run. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-cli-private.h"
#include "bl-date.h"
#include "bl-notifier.h"
#include "bl-reminder-service.h"
#include "bl-reminders.h"

static gboolean
was_delivered (GPtrArray  *delivered,
               const char *key)
{
  for (guint i = 0; delivered != NULL && i < delivered->len; i++)
    if (g_strcmp0 (((BlReminder *) g_ptr_array_index (delivered, i))->key, key) == 0)
      return TRUE;
  return FALSE;
}

static void
print_json (const char *date,
            gboolean    dry_run,
            GPtrArray  *due,
            GPtrArray  *delivered,
            GError     *send_error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  bl_cli_json_add_string (builder, "date", date);
  bl_cli_json_add_boolean (builder, "dry_run", dry_run);
  bl_cli_json_add_nullable (builder, "error", send_error != NULL ? send_error->message : NULL);
  json_builder_set_member_name (builder, "reminders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < due->len; i++)
    {
      const BlReminder *reminder = g_ptr_array_index (due, i);

      json_builder_begin_object (builder);
      bl_cli_json_add_string (builder, "key", reminder->key);
      bl_cli_json_add_string (builder, "type", bl_reminder_type_to_id (reminder->type));
      bl_cli_json_add_string (builder, "title", reminder->title);
      bl_cli_json_add_string (builder, "body", reminder->body);
      bl_cli_json_add_nullable (builder, "kind", reminder->kind);
      bl_cli_json_add_nullable (builder, "group",
                                reminder->group != NULL && *reminder->group != '\0' ? reminder->group : NULL);
      bl_cli_json_add_nullable (builder, "deadline", reminder->deadline);
      json_builder_set_member_name (builder, "days_left");
      if (reminder->days_left >= 0)
        json_builder_add_int_value (builder, reminder->days_left);
      else
        json_builder_add_null_value (builder);
      bl_cli_json_add_boolean (builder, "urgent", reminder->urgent);
      bl_cli_json_add_boolean (builder, "sent", was_delivered (delivered, reminder->key));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  text = bl_cli_json_text (builder);
  g_print ("%s\n", text);
}

static void
print_reminder (const BlReminder *reminder)
{
  g_auto(GStrv) lines = g_strsplit (reminder->body, "\n", -1);

  g_print ("• %s\n", reminder->title);
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("  %s\n", lines[i]);
}

static void
print_text (gboolean   dry_run,
            GPtrArray *due,
            GPtrArray *delivered)
{
  guint unsent = 0;

  if (due->len == 0)
    {
      g_print ("%s\n", _("No reminders are due."));
      return;
    }

  if (dry_run)
    {
      g_print (ngettext ("Would send %u reminder:\n", "Would send %u reminders:\n", due->len), due->len);
      for (guint i = 0; i < due->len; i++)
        print_reminder (g_ptr_array_index (due, i));
      return;
    }

  if (delivered->len > 0)
    {
      g_print (ngettext ("Sent %u reminder:\n", "Sent %u reminders:\n", delivered->len), delivered->len);
      for (guint i = 0; i < delivered->len; i++)
        print_reminder (g_ptr_array_index (delivered, i));
    }
  unsent = due->len - delivered->len;
  if (unsent > 0)
    {
      g_print (ngettext ("Not sent, will be sent next time (%u):\n",
                         "Not sent, will be sent next time (%u):\n", unsent), unsent);
      for (guint i = 0; i < due->len; i++)
        {
          const BlReminder *reminder = g_ptr_array_index (due, i);

          if (!was_delivered (delivered, reminder->key))
            print_reminder (reminder);
        }
    }
}

int
bl_cli_check_reminders (BlStore    *store,
                        const char *date,
                        gboolean    json,
                        gboolean    dry_run)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GSettings) settings = bl_reminder_settings_new ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) delivered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) send_error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *sent_at = NULL;
  BlReminderOptions options;
  GDate parsed;

  g_return_val_if_fail (BL_IS_STORE (store), BL_EXIT_BAD_INPUT);

  /* Now on the ledger's clock ($BRANCH_LEDGER_TODAY moves it to that day). */
  now = bl_clock_get_now (bl_store_get_clock (store));
  time = g_date_time_format (now, "%H:%M");
  sent_at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");

  if (date != NULL && !bl_date_parse (date, &parsed))
    {
      g_printerr (_("“%s” is not a date: write it as YYYY-MM-DD, for example 2025-11-27.\n"), date);
      return BL_EXIT_BAD_INPUT;
    }
  day = date != NULL ? g_strdup (date) : g_date_time_format (now, "%Y-%m-%d");

  bl_reminder_options_from_settings (settings, &options);
  due = bl_reminders_due (store, day, time, &options, &error);
  if (due == NULL)
    {
      g_printerr (_("Cannot work out the reminders: %s\n"), error->message);
      return BL_EXIT_BAD_INPUT;
    }

  if (!dry_run && due->len > 0)
    {
      g_autoptr(BlNotifier) notifier = bl_notifier_new ();

      /* No buttons: this process ends right away, nobody would answer them. */
      bl_notifier_send_sync (notifier, due, FALSE, &delivered, &send_error);
      if (delivered->len > 0 &&
          !bl_reminder_log_record_sent (store, delivered, day, sent_at, &error))
        g_printerr (_("Warning: could not record the reminders sent: %s\n"), error->message);
      bl_notifier_uninit ();
      if (send_error != NULL)
        g_printerr (_("Warning: %s. Nothing that was not shown is marked as sent; "
                      "the reminders stay on the overview and come again next time.\n"),
                    send_error->message);
    }
  else
    delivered = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_reminder_free);

  if (json)
    print_json (day, dry_run, due, delivered, send_error);
  else
    print_text (dry_run, due, delivered);
  return BL_EXIT_OK;
}
