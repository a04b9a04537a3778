/* bl-preferences-window.c: branch name, secretary, start date, rule packs
 * (and reminders)
 *
 * Each change is saved as it is made (entry rows on "apply", switches on
 * toggle), each in its own transaction; what fails is shown in a toast and
 * put back as it was. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-preferences-window.h"
#include "bl-problems-dialog.h"
#include "bl-reminder-preferences.h"
#include "bl-rule-preferences.h"
#include "bl-rules.h"
#include "bl-toast.h"

struct _BlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BlStore              *store;

  AdwEntryRow          *branch_row;
  AdwEntryRow          *secretary_row;
  AdwPreferencesGroup  *start_group;
  AdwEntryRow          *start_row;
  BlRulePreferences    *rules_group;
  AdwPreferencesPage   *reminders_page;
  AdwPreferencesGroup  *reminders_group;
};

G_DEFINE_FINAL_TYPE (BlPreferencesWindow, bl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (BlPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), bl_toast_new (message));
}

static void
branch_changed_cb (BlPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->branch_row), "error");
}

static void
branch_apply_cb (BlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->branch_row))));

  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->branch_row), "error");
      toast (self, _("The branch needs a name."));
      return;
    }
  if (!bl_store_set_setting (self->store, BL_SETTING_BRANCH_NAME, name, &error))
    toast (self, error->message);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->branch_row), name);
}

/* The secretary is the member who holds 书记 today. */
static void
show_secretary (BlPreferencesWindow *self)
{
  g_autoptr(BlMember) secretary = bl_store_get_secretary (self->store, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->secretary_row),
                         secretary != NULL ? bl_member_get_name (secretary) : "");
}

/* Naming another member makes them secretary from today (the one before
 * stops being secretary that day). */
static void
secretary_apply_cb (BlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secretary_row))));
  g_autofree char *today = bl_clock_get_today (bl_store_get_clock (self->store));
  g_autoptr(BlMember) member = *name != '\0' ? bl_store_find_active_member (self->store, name) : NULL;

  if (member == NULL)
    {
      g_autofree char *message = *name == '\0'
        ? g_strdup (_("Name the member who is the branch’s secretary."))
        : g_strdup_printf (_("%s is not an active member: add them on the Members page first."), name);

      toast (self, message);
      show_secretary (self);
      return;
    }
  if (bl_member_get_role (member) != BL_MEMBER_ROLE_SECRETARY &&
      !bl_store_set_member_role (self->store, bl_member_get_id (member), BL_MEMBER_ROLE_SECRETARY, today, &error))
    toast (self, error->message);
  show_secretary (self);
}

/* The start date, and whether it is the user's or still follows the records. */
static void
show_start_date (BlPreferencesWindow *self)
{
  g_autofree char *start = bl_store_get_start_date (self->store);

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start != NULL ? start : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  adw_preferences_group_set_description (self->start_group,
                                         bl_store_get_start_date_set_by_user (self->store)
                                         ? _("You set this date. No quota before it counts as missed, "
                                             "and earlier records do not move it.")
                                         : _("Set automatically: it moves earlier by itself when a held "
                                             "meeting before it is recorded or imported. Set it here to keep it."));
}

static void
start_changed_cb (BlPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
}

/* A bad date is shown as such and changes nothing; the text stays to be corrected. */
static void
start_apply_cb (BlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));

  if (!bl_store_set_start_date (self->store, date, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
      toast (self, error->message);
      return;
    }
  show_start_date (self);
}

static void
show_pack_errors (BlPreferencesWindow *self,
                  const char          *message)
{
  bl_problems_dialog_present (GTK_WINDOW (self), _("Rule Pack Not Imported"),
                              _("Nothing was changed. Correct these lines in the pack file and import it again."),
                              message);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     BlPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        bl_preferences_window_import_pack (self, file);
    }
  g_object_unref (chooser);
}

static void
import_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlPreferencesWindow *self = BL_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Rule Pack"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (packs, _("Rule Packs"));
  gtk_file_filter_add_pattern (packs, "*.ini");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), packs);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Restoring a backup */

static void
restore_confirmed_cb (GtkWidget           *alert,
                      const char          *response,
                      BlPreferencesWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (alert), "backup");

  if (g_strcmp0 (response, "restore") == 0)
    bl_preferences_window_restore_backup (self, file);
}

static void
backup_chosen_cb (GtkNativeDialog     *chooser,
                  int                  response,
                  BlPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *alert;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  body = g_strdup_printf (_("The ledger will be replaced by the backup “%s”. The ledger as it is now, with "
                            "everything saved since that backup, is first kept in the backups folder."), name);
  alert = bl_alert_new (_("Restore This Backup?"), body);
  bl_alert_add_response (alert, "cancel", _("_Cancel"));
  bl_alert_add_response (alert, "restore", _("_Restore"));
  bl_alert_set_response_appearance (alert, "restore", ADW_RESPONSE_DESTRUCTIVE);
  bl_alert_set_default_response (alert, "cancel");
  bl_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "backup", g_steal_pointer (&file), g_object_unref);
  g_signal_connect_object (alert, "response", G_CALLBACK (restore_confirmed_cb), self, 0);
  bl_alert_present (alert, GTK_WIDGET (self));
}

static void
on_restore_backup_activated (BlPreferencesWindow *self)
{
  g_autofree char *dir = bl_store_get_backup_dir (self->store);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore from Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_filter_set_name (backups, _("Ledger Backups"));
  gtk_file_filter_add_pattern (backups, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), backups);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_branch (BlPreferencesWindow *self)
{
  g_autofree char *name = bl_store_get_branch_name (self->store);

  gtk_editable_set_text (GTK_EDITABLE (self->branch_row), name != NULL ? name : "");
  show_secretary (self);
  show_start_date (self);
}

static void
bl_preferences_window_dispose (GObject *object)
{
  BlPreferencesWindow *self = BL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_preferences_window_parent_class)->dispose (object);
}

static void
bl_preferences_window_class_init (BlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_preferences_window_dispose;

  g_type_ensure (BL_TYPE_RULE_PREFERENCES);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, branch_row);
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, secretary_row);
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, start_group);
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, reminders_page);
  gtk_widget_class_bind_template_child (widget_class, BlPreferencesWindow, reminders_group);
  /* Not kept in the struct: bound so that tests find it by id. */
  gtk_widget_class_bind_template_child_full (widget_class, "restore_row", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, branch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, branch_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, secretary_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_backup_activated);

  gtk_widget_class_install_action (widget_class, "preferences.import-pack", NULL, import_pack_action);
}

static void
bl_preferences_window_init (BlPreferencesWindow *self)
{
  GtkWidget *reminders;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The reminder settings are a group of their own (bl-reminder-preferences.c). */
  reminders = bl_reminder_preferences_new ();
  if (reminders != NULL)
    {
      adw_preferences_page_add (self->reminders_page, ADW_PREFERENCES_GROUP (reminders));
      gtk_widget_set_visible (GTK_WIDGET (self->reminders_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reminders_page), TRUE);
    }
}

BlPreferencesWindow *
bl_preferences_window_new (BlStore *store)
{
  BlPreferencesWindow *self;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);

  self = g_object_new (BL_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  show_branch (self);
  bl_rule_preferences_set_store (self->rules_group, self->store);
  return self;
}

BlStore *
bl_preferences_window_get_store (BlPreferencesWindow *self)
{
  g_return_val_if_fail (BL_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

AdwPreferencesPage *
bl_preferences_window_get_reminders_page (BlPreferencesWindow *self)
{
  g_return_val_if_fail (BL_IS_PREFERENCES_WINDOW (self), NULL);

  return self->reminders_page;
}

AdwPreferencesGroup *
bl_preferences_window_get_reminders_group (BlPreferencesWindow *self)
{
  g_return_val_if_fail (BL_IS_PREFERENCES_WINDOW (self), NULL);

  return self->reminders_group;
}

gboolean
bl_preferences_window_import_pack (BlPreferencesWindow *self,
                                   GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pack_id = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (BL_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_pack_errors (self, _("Only files on this computer can be imported."));
      return FALSE;
    }
  if (!bl_rules_import_pack_file (self->store, path, &pack_id, &error))
    {
      show_pack_errors (self, error->message);
      return FALSE;
    }

  bl_rule_preferences_reload (self->rules_group);
  message = g_strdup_printf (_("Rule pack “%s” imported and enabled"), pack_id);
  toast (self, message);
  return TRUE;
}

gboolean
bl_preferences_window_restore_backup (BlPreferencesWindow *self,
                                      GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (BL_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Only files on this computer can be restored."));
      return FALSE;
    }
  /* The whole window follows: the store reloads and says BL_CHANGE_ALL. */
  if (!bl_store_restore_backup (self->store, path, &kept, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  show_branch (self);
  bl_rule_preferences_reload (self->rules_group);
  if (kept != NULL)
    {
      g_autofree char *name = g_path_get_basename (kept);
      message = g_strdup_printf (_("Backup restored; the ledger it replaced was kept as “%s”"), name);
    }
  else
    message = g_strdup (_("Backup restored"));
  toast (self, message);
  return TRUE;
}
