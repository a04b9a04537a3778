/* bl-person-row.c: an entry row with a list of members beside it. The text
 * is what is saved: choosing a member writes their name, and a guest's name
 * can be typed instead. The list is made when first opened. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-member.h"
#include "bl-person-row.h"

struct _BlPersonRow
{
  AdwEntryRow          parent_instance;

  GListModel          *members;
  GtkFilterListModel  *shown;    /* made when the list is first opened */
  GtkStringFilter     *filter;

  GtkMenuButton       *choose_button;
  GtkPopover          *popover;
  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (BlPersonRow, bl_person_row, ADW_TYPE_ENTRY_ROW)

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  BlMember *member = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autoptr(GString) text = g_string_new (bl_member_get_group (member));

  if (bl_member_get_role (member) != BL_MEMBER_ROLE_NONE)
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, bl_member_role_display (bl_member_get_role (member)));
    }
  if (bl_member_get_group_leader (member))
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, _("Group leader"));
    }
  gtk_label_set_text (GTK_LABEL (name), bl_member_get_name (member));
  gtk_label_set_text (GTK_LABEL (detail), text->str);
  gtk_widget_set_visible (detail, text->len > 0);
}

/* The list's models, the first time it opens. */
static void
ensure_list (BlPersonRow *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  if (self->shown != NULL)
    return;
  self->filter = gtk_string_filter_new (gtk_property_expression_new (BL_TYPE_MEMBER, NULL, "name"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->shown = gtk_filter_list_model_new (self->members != NULL ? g_object_ref (self->members) : NULL,
                                           g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
popover_show_cb (BlPersonRow *self)
{
  ensure_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (BlPersonRow *self)
{
  if (self->filter != NULL)
    gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search takes the first member it shows. */
static void
search_activate_cb (BlPersonRow *self)
{
  search_changed_cb (self);
  if (self->shown != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    bl_person_row_pick (self, 0);
}

static void
list_activate_cb (BlPersonRow *self,
                  guint        position)
{
  bl_person_row_pick (self, position);
}

static void
bl_person_row_dispose (GObject *object)
{
  BlPersonRow *self = BL_PERSON_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_PERSON_ROW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (bl_person_row_parent_class)->dispose (object);
}

static void
bl_person_row_class_init (BlPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_person_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BlPersonRow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, BlPersonRow, popover);
  gtk_widget_class_bind_template_child (widget_class, BlPersonRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BlPersonRow, list_view);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
bl_person_row_init (BlPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bl_person_row_set_members (BlPersonRow *self,
                           GListModel  *members)
{
  g_return_if_fail (BL_IS_PERSON_ROW (self));
  g_return_if_fail (members == NULL || G_IS_LIST_MODEL (members));

  if (!g_set_object (&self->members, members))
    return;
  if (self->shown != NULL)
    gtk_filter_list_model_set_model (self->shown, members);
}

GListModel *
bl_person_row_get_members (BlPersonRow *self)
{
  g_return_val_if_fail (BL_IS_PERSON_ROW (self), NULL);

  return self->members;
}

void
bl_person_row_choose (BlPersonRow *self)
{
  g_return_if_fail (BL_IS_PERSON_ROW (self));

  gtk_menu_button_popup (self->choose_button);
}

GListModel *
bl_person_row_get_shown (BlPersonRow *self)
{
  g_return_val_if_fail (BL_IS_PERSON_ROW (self), NULL);

  return self->shown != NULL ? G_LIST_MODEL (self->shown) : NULL;
}

void
bl_person_row_pick (BlPersonRow *self,
                    guint        position)
{
  g_autoptr(BlMember) member = NULL;

  g_return_if_fail (BL_IS_PERSON_ROW (self));

  ensure_list (self);
  member = g_list_model_get_item (G_LIST_MODEL (self->shown), position);
  g_return_if_fail (member != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self), bl_member_get_name (member));
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}
