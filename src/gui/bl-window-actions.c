/* bl-window-actions.c: the main window's actions (win.*) and their shortcuts */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-file-import.h"
#include "bl-file-open.h"
#include "bl-signin-attach.h"
#include "bl-window-private.h"
#include "bl-workbook-save.h"

static void
new_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bl_window_new_activity (BL_WINDOW (widget), NULL, NULL);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bl_window_show_page (BL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_main_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bl_window_show_main (BL_WINDOW (widget));
}

/* The Activities page, shown (built if need be), for an action on its
 * records; NULL without a ledger. */
static BlActivitiesPage *
show_activities (BlWindow *self)
{
  if (self->store == NULL)
    return NULL;
  bl_window_show_page (self, "activities");
  return BL_ACTIVITIES_PAGE (_bl_window_ensure_page (self, BL_WINDOW_ACTIVITIES));
}

/* Search, and the main menu's items that print the activities selected:
 * on the Activities page, shown first, where the records are chosen
 * (activities.print-records is disabled without a selection; these ask for
 * one instead). */
static void
activities_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BlActivitiesPage *page = show_activities (BL_WINDOW (widget));

  if (page == NULL)
    return;
  if (g_str_equal (action_name, "win.search"))
    bl_activities_page_focus_search (page);
  else if (g_str_equal (action_name, "win.print-records"))
    bl_activities_page_print_selected (page);
  else
    bl_activities_page_print_signin_selected (page);
}

/* "复制为新记录" of a stored activity (its id): a new editor on a copy of it
 * without a date (bl_activity_copy_as_new()). The Activities page's menu
 * and the record editor's own action lead here or do the same. */
static void
copy_activity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(BlActivity) copy = NULL;

  if (self->store == NULL)
    return;
  activity = _bl_window_find_activity (self, g_variant_get_int64 (parameter));
  if (activity == NULL)
    return;
  copy = bl_activity_copy_as_new (activity);
  bl_window_edit_activity (self, copy);
}

/* The main menu's "添加签到表照片…": the photographed or scanned sheet of
 * the activity selected on the Activities page, attached in one step
 * (saved at once; the record editor's own saves with the record). */
static void
attach_signin_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  BlActivitiesPage *page = show_activities (self);
  g_autoptr(GArray) ids = NULL;

  if (page == NULL)
    return;
  ids = bl_activities_page_get_selected_ids (page);
  if (ids->len != 1)
    {
      bl_window_add_toast (self, adw_toast_new (_("Select the one activity whose signed sign-in sheet to attach")));
      return;
    }
  bl_signin_attach_choose (widget, self->store, g_array_index (ids, gint64, 0));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->store == NULL)
    return;
  bl_file_import_run (widget, self->store,
                      g_str_equal (action_name, "win.import-members") ? BL_IMPORT_MEMBERS : BL_IMPORT_ACTIVITIES);
}

/* The whole ledger; the Reports page exports one year. */
static void
export_xlsx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->store != NULL)
    bl_workbook_save_run (widget, self->store, 0);
}

/* The "Open" button of a saved file's toast (bl-file-toast.h). */
static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bl_file_open_uri (widget, g_variant_get_string (parameter, NULL));
}

/* The keyboard shortcuts (Ctrl+?, the main menu): built the first time they
 * are asked for, as GtkApplication would have with every window before its
 * first frame, then kept over the window as GtkApplicationWindow keeps its
 * help overlay. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/bl-help-overlay.ui");
      GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_transient_for (overlay, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (overlay, TRUE);
      gtk_window_set_hide_on_close (overlay, TRUE);
      g_set_weak_pointer (&self->help_overlay, overlay);
    }
  gtk_window_present (self->help_overlay);
}

void
_bl_window_class_actions_init (BlWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-activity", NULL, new_activity_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-main", NULL, show_main_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, activities_action);
  gtk_widget_class_install_action (widget_class, "win.print-records", NULL, activities_action);
  gtk_widget_class_install_action (widget_class, "win.copy-activity", "x", copy_activity_action);
  gtk_widget_class_install_action (widget_class, "win.import-members", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-activities", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, export_xlsx_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.print-signin", NULL, activities_action);
  gtk_widget_class_install_action (widget_class, "win.attach-signin-photo", NULL, attach_signin_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-activity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "activities");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "reports");
}

void
_bl_window_actions_update (BlWindow *self)
{
  g_assert (BL_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-activity", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-activity", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-members", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-activities", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", self->store != NULL);
}
