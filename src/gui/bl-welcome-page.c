/* bl-welcome-page.c: the first-run page, shown while the ledger is empty */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-branch-setup.h"
#include "bl-demo.h"
#include "bl-member-editor.h"
#include "bl-file-import.h"
#include "bl-rules.h"
#include "bl-welcome-page.h"
#include "bl-window.h"

struct _BlWelcomePage
{
  BlPage                parent_instance;

  BlStore              *store;       /* the context's */
  GPtrArray            *pack_rows;   /* AdwActionRow, each with its pack id and switch */
  GPtrArray            *member_rows; /* AdwActionRow per member added so far */
  gboolean              filled;      /* the form, once: what is typed stays */
  char                 *auto_start;  /* the start date shown first (following the records) */

  AdwEntryRow          *branch_row;
  AdwEntryRow          *secretary_row;
  AdwEntryRow          *start_row;
  AdwPreferencesGroup  *packs_group;
  AdwPreferencesGroup  *members_group;
  AdwActionRow         *members_row;
  GtkLabel             *error_label;
  GtkWidget            *start_button;
  GtkWidget            *demo_button;
};

G_DEFINE_FINAL_TYPE (BlWelcomePage, bl_welcome_page, BL_TYPE_PAGE)

static void
show_error (BlWelcomePage *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
open_editor (BlWelcomePage *self,
             BlMember      *member)
{
  BlMemberEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;
  editor = bl_member_editor_new (self->store, member);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
member_row_activated_cb (AdwActionRow  *row,
                         BlWelcomePage *self)
{
  BlMember *member = g_object_get_data (G_OBJECT (row), "member");

  open_editor (self, member);
}

/* What a member's row says under the name: group and committee role. */
static char *
member_details (BlMember *member)
{
  const char *group = bl_member_get_group (member);
  BlMemberRole role = bl_member_get_role (member);

  if (role == BL_MEMBER_ROLE_NONE)
    return g_strdup (group);
  if (*group == '\0')
    return g_strdup (bl_member_role_display (role));
  /* TRANSLATORS: a member's party group and committee role, e.g. "第一党小组 · 书记" */
  return g_strdup_printf (_("%s · %s"), group, bl_member_role_display (role));
}

/* The members added so far, each on a row that opens them for a correction. */
static void
fill_member_rows (BlWelcomePage *self)
{
  GListModel *members = bl_store_get_members (self->store);

  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);
      g_autofree char *details = member_details (member);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bl_member_get_name (member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data_full (G_OBJECT (row), "member", g_object_ref (member), g_object_unref);
      /* Tests and accessibility tools find a member's row by the member's number. */
      {
        g_autofree char *name = g_strdup_printf ("member-%" G_GINT64_FORMAT, bl_member_get_id (member));

        gtk_widget_set_name (row, name);
      }
      g_signal_connect_object (row, "activated", G_CALLBACK (member_row_activated_cb), self, 0);
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
}

static void
update_members (BlWelcomePage *self)
{
  guint n = 0;
  g_autofree char *subtitle = NULL;

  if (self->store != NULL)
    n = g_list_model_get_n_items (bl_store_get_members (self->store));
  if (n == 0)
    subtitle = g_strdup (_("None yet: you can also add them later on the Members page"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n), n);
  adw_action_row_set_subtitle (self->members_row, subtitle);
  if (self->store != NULL)
    fill_member_rows (self);
}

/* One row with a switch per rule pack the program or the ledger knows. */
static void
fill_packs (BlWelcomePage *self)
{
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->pack_rows->len; i++)
    adw_preferences_group_remove (self->packs_group, g_ptr_array_index (self->pack_rows, i));
  g_ptr_array_set_size (self->pack_rows, 0);

  if (self->store == NULL)
    return;

  packs = bl_rules_list_packs (self->store, &error);
  if (packs == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < packs->len; i++)
    {
      BlRulePackInfo *info = g_ptr_array_index (packs, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
      if (g_str_equal (info->id, "standard"))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Meetings, party lectures, themed party days, life meetings, reviews and talks"));
      else if (info->builtin && info->years != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->years);
      else if (info->builtin)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Built in"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Imported"));
      gtk_switch_set_active (GTK_SWITCH (toggle), info->enabled);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, info->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      g_object_set_data_full (G_OBJECT (row), "pack-id", g_strdup (info->id), g_free);
      g_object_set_data (G_OBJECT (row), "pack-switch", toggle);
      /* Tests and accessibility tools find a pack's switch by its id. */
      gtk_widget_set_name (toggle, info->id);
      adw_preferences_group_add (self->packs_group, row);
      g_ptr_array_add (self->pack_rows, row);
    }
}

/* The form from what the ledger holds (a name set on the command line,
 * say), the first time the page is shown; then only the member count. */
static void
bl_welcome_page_refresh (BlPage   *page,
                         BlChange  changes)
{
  BlWelcomePage *self = BL_WELCOME_PAGE (page);

  if (!self->filled)
    {
      g_autofree char *name = bl_store_get_branch_name (self->store);
      g_autoptr(BlMember) secretary = bl_store_get_secretary (self->store, NULL);

      self->filled = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->branch_row), name != NULL ? name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->secretary_row),
                             secretary != NULL ? bl_member_get_name (secretary) : "");
      g_free (self->auto_start);
      self->auto_start = bl_store_get_start_date (self->store);
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), self->auto_start != NULL ? self->auto_start : "");
      fill_packs (self);
      show_error (self, NULL);
    }
  update_members (self);
}

static void
branch_changed_cb (BlWelcomePage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->branch_row), "error");
  show_error (self, NULL);
}

static void
start_changed_cb (BlWelcomePage *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  show_error (self, NULL);
}

static void
on_add_member_clicked (BlWelcomePage *self)
{
  open_editor (self, NULL);
}

static void
on_import_clicked (BlWelcomePage *self)
{
  if (self->store != NULL)
    bl_file_import_run (GTK_WIDGET (self), self->store, BL_IMPORT_MEMBERS);
}

/* Saves the branch, the secretary, the chosen packs and a start date the
 * user changed in one transaction, then leaves for the main view. A start
 * date left as shown stays the automatic one, which follows the records. */
static void
on_start_clicked (BlWelcomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) on = g_ptr_array_new ();
  g_autoptr(GPtrArray) off = g_ptr_array_new ();
  BlBranchSetup setup = { 0, };
  g_autofree char *start = NULL;

  if (self->store == NULL)
    return;

  for (guint i = 0; i < self->pack_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->pack_rows, i);
      GtkSwitch *toggle = g_object_get_data (row, "pack-switch");

      g_ptr_array_add (gtk_switch_get_active (toggle) ? on : off, g_object_get_data (row, "pack-id"));
    }
  g_ptr_array_add (on, NULL);
  g_ptr_array_add (off, NULL);
  setup.branch_name = gtk_editable_get_text (GTK_EDITABLE (self->branch_row));
  setup.secretary = gtk_editable_get_text (GTK_EDITABLE (self->secretary_row));
  setup.packs_on = (const char * const *) on->pdata;
  setup.packs_off = (const char * const *) off->pdata;
  start = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row))));
  if (g_strcmp0 (start, self->auto_start) != 0)
    setup.start_date = start;

  if (!bl_branch_setup_apply (self->store, &setup, &error))
    {
      /* Only two things of the page can be wrong: the name (checked first)
       * and the start date. */
      if (g_error_matches (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID))
        {
          g_autofree char *name = g_strstrip (g_strdup (setup.branch_name));
          GtkWidget *row = *name == '\0' ? GTK_WIDGET (self->branch_row) : GTK_WIDGET (self->start_row);

          gtk_widget_add_css_class (row, "error");
          gtk_widget_grab_focus (row);
        }
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-main", NULL);
}

/* Writes a fresh demo ledger beside (never over) the real one and opens it
 * in a window of its own (marked as sample data); this window stays, on the
 * untouched real ledger, to set it up when the sample has been seen. */
static void
on_demo_clicked (BlWelcomePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) demo = NULL;
  g_autofree char *path = bl_welcome_page_get_demo_path ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  BlWindow *window;

  if (self->store != NULL && g_strcmp0 (bl_store_get_path (self->store), path) == 0)
    {
      show_error (self, _("This ledger is the sample ledger itself."));
      return;
    }
  if (!BL_IS_APPLICATION (app))
    return;

  /* Already open in another window: go there rather than rebuild it under it. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (BL_IS_WINDOW (l->data) && bl_window_get_store (l->data) != NULL &&
        g_strcmp0 (bl_store_get_path (bl_window_get_store (l->data)), path) == 0)
      {
        gtk_window_present (l->data);
        return;
      }

  /* Rebuilt each time, so that its dates stay current. */
  if (!bl_demo_rebuild_file (path, NULL, &error) ||
      (demo = bl_store_open (path, &error)) == NULL)
    {
      show_error (self, error->message);
      return;
    }

  window = bl_window_new_for_store (BL_APPLICATION (app), demo);
  gtk_window_present (GTK_WINDOW (window));
}

static void
bl_welcome_page_constructed (GObject *object)
{
  BlWelcomePage *self = BL_WELCOME_PAGE (object);

  G_OBJECT_CLASS (bl_welcome_page_parent_class)->constructed (object);

  self->store = bl_page_get_store (BL_PAGE (self));
}

static void
bl_welcome_page_dispose (GObject *object)
{
  BlWelcomePage *self = BL_WELCOME_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_WELCOME_PAGE);
  g_clear_pointer (&self->pack_rows, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->auto_start, g_free);

  G_OBJECT_CLASS (bl_welcome_page_parent_class)->dispose (object);
}

static void
bl_welcome_page_class_init (BlWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BlPageClass *page_class = BL_PAGE_CLASS (klass);

  object_class->constructed = bl_welcome_page_constructed;
  object_class->dispose = bl_welcome_page_dispose;
  page_class->follows = BL_CHANGE_MEMBERS;
  page_class->refresh = bl_welcome_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, branch_row);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, secretary_row);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, start_row);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, packs_group);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, members_group);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, members_row);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, BlWelcomePage, demo_button);
  /* Not kept in the struct: bound so that tests find it by id. */
  gtk_widget_class_bind_template_child_full (widget_class, "add_member_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, branch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_member_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_clicked);
}

static void
bl_welcome_page_init (BlWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pack_rows = g_ptr_array_new ();
  self->member_rows = g_ptr_array_new ();
}

GtkWidget *
bl_welcome_page_new (BlContext *context)
{
  return bl_page_new (BL_TYPE_WELCOME_PAGE, context);
}

char *
bl_welcome_page_get_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "branch-ledger", "demo", "demo.db", NULL);
}
