/* bl-member-editor.c: add or edit one member (name, group, group leader,
 * category, role, joined, phone; a transfer out, its day and destination),
 * or delete one entered by mistake */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-alert.h"
#include "bl-date.h"
#include "bl-member-editor.h"

struct _BlMemberEditor
{
  AdwWindow      parent_instance;

  BlStore       *store;
  BlMember      *member;        /* the copy being edited */
  BlMemberRole   original_role;
  gboolean       original_leader;
  GtkStringList *groups;        /* "No group", the groups, "New group…" */
  gboolean       setting_date;

  AdwEntryRow   *name_row;
  AdwComboRow   *group_row;
  AdwEntryRow   *new_group_row;
  AdwActionRow  *leader_row;
  GtkSwitch     *leader_switch;
  AdwComboRow   *category_row;
  AdwComboRow   *role_row;
  AdwEntryRow   *role_since_row;
  GtkCalendar   *role_since_calendar;
  AdwEntryRow   *joined_row;
  GtkCalendar   *joined_calendar;
  AdwEntryRow   *phone_row;
  AdwPreferencesGroup *transfer_group;
  AdwComboRow   *status_row;
  AdwEntryRow   *transferred_on_row;
  AdwEntryRow   *transferred_to_row;
  GtkWidget     *delete_button;
  GtkLabel      *error_label;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (BlMemberEditor, bl_member_editor, ADW_TYPE_WINDOW)

/* Today on the ledger's clock. */
static char *
today_iso (BlMemberEditor *self)
{
  return bl_clock_get_today (bl_store_get_clock (self->store));
}

static guint
new_group_position (BlMemberEditor *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->groups)) - 1;
}

static void
show_error (BlMemberEditor *self,
            GtkWidget      *row,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_errors (BlMemberEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_group_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->role_since_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->joined_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->transferred_on_row), "error");
}

/* An optional date: "" is none, otherwise it must be YYYY-MM-DD. */
static gboolean
read_date (AdwEntryRow  *row,
           char        **out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  GDate date;

  *out = NULL;
  if (*text == '\0')
    return TRUE;
  if (!bl_date_parse (text, &date))
    return FALSE;
  *out = bl_date_to_iso (&date);
  return TRUE;
}

static void
set_calendar (GtkCalendar *calendar,
              const char  *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || !bl_date_parse (iso, &date))
    return;
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (calendar, dt);
}

static void
day_selected (BlMemberEditor *self,
              GtkCalendar    *calendar,
              AdwEntryRow    *row)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  GtkWidget *popover;

  if (self->setting_date)
    return;
  dt = gtk_calendar_get_date (calendar);
  text = g_date_time_format (dt, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
joined_day_selected_cb (BlMemberEditor *self,
                        GtkCalendar    *calendar)
{
  day_selected (self, calendar, self->joined_row);
}

static void
role_since_day_selected_cb (BlMemberEditor *self,
                            GtkCalendar    *calendar)
{
  day_selected (self, calendar, self->role_since_row);
}

static void
field_changed_cb (BlMemberEditor *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    clear_errors (self);
}

static gboolean
is_transferred (BlMemberEditor *self)
{
  /* The combo rows speak up while the template is built, before the member. */
  return self->member != NULL && bl_member_get_id (self->member) != 0 &&
         adw_combo_row_get_selected (self->status_row) == BL_MEMBER_STATUS_TRANSFERRED;
}

/* Only an active member in a party group can lead it. */
static void
update_leader (BlMemberEditor *self)
{
  gboolean in_group = adw_combo_row_get_selected (self->group_row) != 0;
  gboolean transferred = is_transferred (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->leader_row), in_group && !transferred);
  adw_action_row_set_subtitle (self->leader_row,
                               transferred ? _("A member transferred out leads no group")
                               : !in_group ? _("Choose a party group first") : "");
}

static void
group_selected_cb (BlMemberEditor *self)
{
  gboolean is_new = adw_combo_row_get_selected (self->group_row) == new_group_position (self);

  gtk_widget_set_visible (GTK_WIDGET (self->new_group_row), is_new);
  if (is_new)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_group_row));
  update_leader (self);
}

/* The day and destination of a transfer, asked only of a member transferred out. */
static void
status_selected_cb (BlMemberEditor *self)
{
  gboolean transferred = is_transferred (self);

  gtk_widget_set_visible (GTK_WIDGET (self->transferred_on_row), transferred);
  gtk_widget_set_visible (GTK_WIDGET (self->transferred_to_row), transferred);
  /* An active member transferred out here leaves today, as on the Members
   * page, unless told another day (or none: not known). */
  if (transferred && bl_member_get_status (self->member) == BL_MEMBER_STATUS_ACTIVE &&
      *gtk_editable_get_text (GTK_EDITABLE (self->transferred_on_row)) == '\0')
    {
      g_autofree char *today = today_iso (self);

      gtk_editable_set_text (GTK_EDITABLE (self->transferred_on_row), today);
    }
  update_leader (self);
}

/* A new role starts on a day: asked only when the role changes. */
static void
role_selected_cb (BlMemberEditor *self)
{
  gboolean changed = adw_combo_row_get_selected (self->role_row) != (guint) self->original_role;

  /* A new member's role is theirs from the start. */
  gtk_widget_set_visible (GTK_WIDGET (self->role_since_row),
                          changed && bl_member_get_id (self->member) != 0);
}

/* A transfer out, corrected, or undone: through the store's own calls, which
 * check the day against the date joined and a name taken meanwhile. */
static gboolean
save_transfer (BlMemberEditor  *self,
               gboolean         was_transferred,
               gboolean         transferred,
               const char      *date,
               const char      *destination,
               GError         **error)
{
  gint64 id = bl_member_get_id (self->member);

  if (was_transferred && !transferred)
    return bl_store_undo_transfer (self->store, id, error);
  if (transferred &&
      (!was_transferred || g_strcmp0 (date, bl_member_get_transferred_on (self->member)) != 0 ||
       g_strcmp0 (destination, bl_member_get_transferred_to (self->member)) != 0))
    return bl_store_set_transfer (self->store, id, date, destination, error);
  return TRUE;
}

/* Leading a group (from today, or all along for a group that never had a
 * leader); moving to another group or out of the branch ends it by itself. */
static gboolean
save_leader (BlMemberEditor  *self,
             const char      *original_group,
             const char      *group,
             gboolean         leader,
             GError         **error)
{
  gboolean moved = g_strcmp0 (original_group, group) != 0;

  if (leader && (!self->original_leader || moved))
    return bl_store_set_group_leader (self->store, group, bl_member_get_id (self->member), NULL, error);
  if (!leader && self->original_leader && !moved && !is_transferred (self))
    return bl_store_set_group_leader (self->store, group, 0, NULL, error);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlMemberEditor *self = BL_MEMBER_EDITOR (widget);

  if (bl_member_editor_save (self, NULL))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (GtkWidget      *alert,
                    const char     *response,
                    BlMemberEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!bl_store_delete_member (self->store, bl_member_get_id (self->member), &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Deleting is for a member entered by mistake: one whose attendance is on
 * record is kept, and the person is told why and what to do instead. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlMemberEditor *self = BL_MEMBER_EDITOR (widget);
  gint64 id = bl_member_get_id (self->member);
  g_autofree char *body = NULL;
  GtkWidget *alert;

  if (id == 0)
    return;
  if (bl_store_member_has_attendance (self->store, id))
    {
      body = g_strdup_printf (_("%s cannot be deleted: their attendance is on record. Transfer them out instead; "
                                "the records keep them."), bl_member_get_name (self->member));
      bl_alert_show_notice (_("Member Not Deleted"), body, widget);
      return;
    }
  body = g_strdup_printf (_("%s will be removed from the ledger. No record names them, so nothing else changes."),
                          bl_member_get_name (self->member));
  alert = bl_alert_new (_("Delete Member?"), body);
  bl_alert_add_response (alert, "cancel", _("_Cancel"));
  bl_alert_add_response (alert, "delete", _("_Delete"));
  bl_alert_set_response_appearance (alert, "delete", ADW_RESPONSE_DESTRUCTIVE);
  bl_alert_set_default_response (alert, "cancel");
  bl_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (delete_response_cb), self, 0);
  bl_alert_present (alert, widget);
}

static void
fill_fields (BlMemberEditor *self)
{
  g_auto(GStrv) groups = bl_store_list_groups (self->store);
  const char *group = bl_member_get_group (self->member);
  guint selected = 0;
  g_autofree char *today = today_iso (self);

  gtk_string_list_append (self->groups, _("No Group"));
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      gtk_string_list_append (self->groups, groups[i]);
      if (g_strcmp0 (groups[i], group) == 0)
        selected = i + 1;
    }
  gtk_string_list_append (self->groups, _("New Group…"));
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->groups));
  adw_combo_row_set_selected (self->group_row, selected);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), bl_member_get_name (self->member));
  adw_combo_row_set_selected (self->category_row, bl_member_get_category (self->member));
  self->original_role = bl_member_get_role (self->member);
  adw_combo_row_set_selected (self->role_row, self->original_role);
  gtk_editable_set_text (GTK_EDITABLE (self->role_since_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->joined_row),
                         bl_member_get_joined (self->member) ? bl_member_get_joined (self->member) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         bl_member_get_phone (self->member) ? bl_member_get_phone (self->member) : "");
  self->original_leader = bl_member_get_group_leader (self->member);
  gtk_switch_set_active (self->leader_switch, self->original_leader);
  adw_combo_row_set_selected (self->status_row, bl_member_get_status (self->member));
  gtk_editable_set_text (GTK_EDITABLE (self->transferred_on_row),
                         bl_member_get_transferred_on (self->member) ? bl_member_get_transferred_on (self->member) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->transferred_to_row), bl_member_get_transferred_to (self->member));
  /* A new member is active; one entered by mistake can go. */
  gtk_widget_set_visible (GTK_WIDGET (self->transfer_group), bl_member_get_id (self->member) != 0);
  gtk_widget_set_visible (self->delete_button, bl_member_get_id (self->member) != 0);

  self->setting_date = TRUE;
  set_calendar (self->role_since_calendar, today);
  set_calendar (self->joined_calendar, bl_member_get_joined (self->member));
  self->setting_date = FALSE;

  gtk_window_set_title (GTK_WINDOW (self),
                        bl_member_get_id (self->member) == 0 ? _("New Member") : _("Edit Member"));
  role_selected_cb (self);
  group_selected_cb (self);
  status_selected_cb (self);
  clear_errors (self);
}

static void
bl_member_editor_dispose (GObject *object)
{
  BlMemberEditor *self = BL_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (bl_member_editor_parent_class)->dispose (object);
}

static void
bl_member_editor_class_init (BlMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_member_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, new_group_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, leader_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, leader_switch);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, role_since_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, role_since_calendar);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, joined_calendar);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, transfer_group);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, transferred_on_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, transferred_to_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, joined_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_since_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bl_member_editor_init (BlMemberEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = gtk_string_list_new (NULL);
  gtk_string_list_append (categories, bl_member_category_display (BL_MEMBER_CATEGORY_FULL));
  gtk_string_list_append (categories, bl_member_category_display (BL_MEMBER_CATEGORY_PROBATIONARY));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  /* Translators: the committee role of a member who has none. */
  gtk_string_list_append (roles, C_("role", "None"));
  for (BlMemberRole role = BL_MEMBER_ROLE_SECRETARY; role <= BL_MEMBER_ROLE_COMMITTEE; role++)
    gtk_string_list_append (roles, bl_member_role_display (role));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  /* In BlMemberStatus order: the position is the status. */
  gtk_string_list_append (statuses, bl_member_status_display (BL_MEMBER_STATUS_ACTIVE));
  gtk_string_list_append (statuses, bl_member_status_display (BL_MEMBER_STATUS_TRANSFERRED));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

BlMemberEditor *
bl_member_editor_new (BlStore  *store,
                      BlMember *member)
{
  BlMemberEditor *self;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (member == NULL || BL_IS_MEMBER (member), NULL);

  self = g_object_new (BL_TYPE_MEMBER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->member = member != NULL ? bl_member_copy (member) : bl_member_new ("");
  fill_fields (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

gboolean
bl_member_editor_save (BlMemberEditor  *self,
                       GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *group = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *since = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(GError) local_error = NULL;
  guint group_pos = adw_combo_row_get_selected (self->group_row);
  BlMemberRole role = adw_combo_row_get_selected (self->role_row);
  gboolean role_changed;
  g_autofree char *transferred_on = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *original_group = NULL;
  gboolean transferred;
  gboolean was_transferred;
  gboolean leader;
  gint64 id;

  g_return_val_if_fail (BL_IS_MEMBER_EDITOR (self), FALSE);

  id = bl_member_get_id (self->member);
  clear_errors (self);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      show_error (self, GTK_WIDGET (self->name_row), _("Enter the member’s name."));
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("Enter the member’s name."));
      return FALSE;
    }

  if (group_pos == new_group_position (self))
    {
      group = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_group_row))));
      if (*group == '\0')
        {
          show_error (self, GTK_WIDGET (self->new_group_row), _("Enter the new party group’s name."));
          g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                               _("Enter the new party group’s name."));
          return FALSE;
        }
    }
  else if (group_pos > 0 && group_pos != GTK_INVALID_LIST_POSITION)
    group = g_strdup (gtk_string_list_get_string (self->groups, group_pos));
  else
    group = g_strdup ("");

  if (!read_date (self->joined_row, &joined))
    {
      show_error (self, GTK_WIDGET (self->joined_row),
                  _("The date joined is not a date: write it as YYYY-MM-DD, for example 2015-07-01."));
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("The date joined is not a date."));
      return FALSE;
    }

  /* An existing member's change of role is recorded from a day on, for the
   * role history: asked only then. */
  role_changed = role != self->original_role && bl_member_get_id (self->member) != 0;
  if (role_changed && (!read_date (self->role_since_row, &since) || since == NULL))
    {
      show_error (self, GTK_WIDGET (self->role_since_row),
                  _("Enter the day the new role starts, as YYYY-MM-DD."));
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                           _("Enter the day the new role starts, as YYYY-MM-DD."));
      return FALSE;
    }

  transferred = is_transferred (self);
  if (transferred && !read_date (self->transferred_on_row, &transferred_on))
    {
      show_error (self, GTK_WIDGET (self->transferred_on_row),
                  _("The day of the transfer is not a date: write it as YYYY-MM-DD, or leave it empty when "
                    "it is not known."));
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                           _("The day of the transfer is not a date."));
      return FALSE;
    }
  destination = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->transferred_to_row))));
  leader = gtk_switch_get_active (self->leader_switch) && *group != '\0' && !transferred;

  phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));

  original_group = g_strdup (bl_member_get_group (self->member));
  was_transferred = bl_member_get_status (self->member) == BL_MEMBER_STATUS_TRANSFERRED;
  bl_member_set_name (self->member, name);
  bl_member_set_group (self->member, group);
  bl_member_set_category (self->member, adw_combo_row_get_selected (self->category_row));
  bl_member_set_role (self->member, role);
  bl_member_set_joined (self->member, joined);
  bl_member_set_phone (self->member, phone);

  /* The member, their new role, transfer and group lead together, or none. */
  if (!bl_store_begin (self->store, &local_error))
    goto failed;
  if (!bl_store_save_member_with_role (self->store, self->member, since, &local_error) ||
      !save_transfer (self, was_transferred, transferred, transferred_on, destination, &local_error) ||
      !save_leader (self, original_group, group, leader, &local_error) ||
      !bl_store_commit (self->store, &local_error))
    {
      bl_store_rollback (self->store);
      bl_member_set_id (self->member, id);
      goto failed;
    }

  /* Saved again later (the editor stays open when told so), it starts
   * from what the ledger now holds: status, transfer, lead. */
  {
    g_autoptr(BlMember) saved = bl_store_find_member (self->store, bl_member_get_id (self->member));

    if (saved != NULL)
      g_set_object (&self->member, saved);
  }
  self->original_role = bl_member_get_role (self->member);
  self->original_leader = bl_member_get_group_leader (self->member);
  return TRUE;

failed:
  show_error (self, NULL, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
