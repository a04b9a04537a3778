/* bl-member-editor.c: add or edit one member (name, group, category, role, joined, phone) */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-date.h"
#include "bl-member-editor.h"

struct _BlMemberEditor
{
  AdwWindow      parent_instance;

  BlStore       *store;
  BlMember      *member;        /* the copy being edited */
  BlMemberRole   original_role;
  GtkStringList *groups;        /* "No group", the groups, "New group…" */
  gboolean       setting_date;

  AdwEntryRow   *name_row;
  AdwComboRow   *group_row;
  AdwEntryRow   *new_group_row;
  AdwComboRow   *category_row;
  AdwComboRow   *role_row;
  AdwEntryRow   *role_since_row;
  GtkCalendar   *role_since_calendar;
  AdwEntryRow   *joined_row;
  GtkCalendar   *joined_calendar;
  AdwEntryRow   *phone_row;
  GtkLabel      *error_label;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (BlMemberEditor, bl_member_editor, ADW_TYPE_WINDOW)

static char *
today_iso (void)
{
  GDate today;

  bl_date_set_today (&today);
  return bl_date_to_iso (&today);
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

static void
group_selected_cb (BlMemberEditor *self)
{
  gboolean is_new = adw_combo_row_get_selected (self->group_row) == new_group_position (self);

  gtk_widget_set_visible (GTK_WIDGET (self->new_group_row), is_new);
  if (is_new)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_group_row));
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
fill_fields (BlMemberEditor *self)
{
  g_auto(GStrv) groups = bl_store_list_groups (self->store);
  const char *group = bl_member_get_group (self->member);
  guint selected = 0;
  g_autofree char *today = today_iso ();

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

  self->setting_date = TRUE;
  set_calendar (self->role_since_calendar, today);
  set_calendar (self->joined_calendar, bl_member_get_joined (self->member));
  self->setting_date = FALSE;

  gtk_window_set_title (GTK_WINDOW (self),
                        bl_member_get_id (self->member) == 0 ? _("New Member") : _("Edit Member"));
  role_selected_cb (self);
  group_selected_cb (self);
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
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, role_since_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, role_since_calendar);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, joined_calendar);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BlMemberEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, joined_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_since_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bl_member_editor_init (BlMemberEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

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

  g_return_val_if_fail (BL_IS_MEMBER_EDITOR (self), FALSE);

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

  phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));

  bl_member_set_name (self->member, name);
  bl_member_set_group (self->member, group);
  bl_member_set_category (self->member, adw_combo_row_get_selected (self->category_row));
  bl_member_set_role (self->member, role);
  bl_member_set_joined (self->member, joined);
  bl_member_set_phone (self->member, phone);

  /* The member and their new role together, or neither. */
  if (!bl_store_save_member_with_role (self->store, self->member, since, &local_error))
    goto failed;

  self->original_role = role;
  return TRUE;

failed:
  show_error (self, NULL, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
