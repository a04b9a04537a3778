/* bl-activity-menu.c: the context menu of the Activities table's rows */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-cell.h"
#include "bl-activity-menu.h"

struct _BlActivityMenu
{
  GObject        parent_instance;

  GtkWidget     *page;     /* owns this menu */
  GtkColumnView *view;     /* the page's */
  GtkWidget     *popover;  /* a child of the page */
};

G_DEFINE_FINAL_TYPE (BlActivityMenu, bl_activity_menu, G_TYPE_OBJECT)

static GMenuModel *
build_model (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) record = g_menu_new ();
  g_autoptr(GMenu) print = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  g_menu_append (record, _("_Open or Edit"), "activities.open");
  item = g_menu_item_new (_("_Copy as New Record"), "activities.copy-as-new");
  g_menu_item_set_attribute (item, "accel", "s", "<Control><Shift>d");
  g_menu_append_item (record, item);
  g_menu_append (print, _("Print Sign-_in Sheet…"), "activities.print-signin");
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), "activities.delete");
  g_menu_item_set_attribute (item, "accel", "s", "Delete");
  g_menu_append_item (remove, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (record));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (print));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static BlActivityCell *
find_cell (GtkWidget *widget)
{
  if (BL_IS_ACTIVITY_CELL (widget))
    return BL_ACTIVITY_CELL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BlActivityCell *cell = find_cell (child);

      if (cell != NULL)
        return cell;
    }
  return NULL;
}

/* The first cell on screen that shows @activity. */
static BlActivityCell *
find_cell_of (GtkWidget  *widget,
              BlActivity *activity)
{
  if (BL_IS_ACTIVITY_CELL (widget))
    return bl_activity_cell_get_activity (BL_ACTIVITY_CELL (widget)) == activity &&
           gtk_widget_get_mapped (widget) ? BL_ACTIVITY_CELL (widget) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BlActivityCell *cell = find_cell_of (child, activity);

      if (cell != NULL)
        return cell;
    }
  return NULL;
}

/* A cell of the row under (@x, @y): what was hit, or, between cells, one
 * of the row's (a row is a child of the view's inner list view). */
static BlActivityCell *
cell_at (BlActivityMenu *self,
         double          x,
         double          y)
{
  GtkWidget *view = GTK_WIDGET (self->view);

  for (GtkWidget *w = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
       w != NULL && w != view;
       w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (BL_IS_ACTIVITY_CELL (w))
        return BL_ACTIVITY_CELL (w);
      if (GTK_IS_LIST_VIEW (parent))
        return find_cell (w);
    }
  return NULL;
}

static guint
position_of (GListModel *model,
             BlActivity *activity)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlActivity) item = g_list_model_get_item (model, i);

      if (item == activity)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Points the menu at @rect (in the view's coordinates) and opens it. */
static void
popup (BlActivityMenu        *self,
       const graphene_rect_t *rect)
{
  graphene_rect_t view_bounds;
  GdkRectangle target;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (self->view), self->page, &view_bounds))
    graphene_rect_init (&view_bounds, 0, 0, 0, 0);
  target.x = (int) (view_bounds.origin.x + rect->origin.x);
  target.y = (int) (view_bounds.origin.y + rect->origin.y);
  target.width = MAX (1, (int) rect->size.width);
  target.height = MAX (1, (int) rect->size.height);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &target);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
secondary_pressed_cb (BlActivityMenu  *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  if (bl_activity_menu_popup_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* On a touch screen, where there is no right button. */
static void
long_pressed_cb (BlActivityMenu      *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  if (bl_activity_menu_popup_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
bl_activity_menu_dispose (GObject *object)
{
  BlActivityMenu *self = BL_ACTIVITY_MENU (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->view = NULL;
  self->page = NULL;

  G_OBJECT_CLASS (bl_activity_menu_parent_class)->dispose (object);
}

static void
bl_activity_menu_class_init (BlActivityMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bl_activity_menu_dispose;
}

static void
bl_activity_menu_init (BlActivityMenu *self)
{
}

BlActivityMenu *
bl_activity_menu_new (GtkWidget     *page,
                      GtkColumnView *view)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkGesture *gesture;
  BlActivityMenu *self;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (BL_TYPE_ACTIVITY_MENU, NULL);
  self->page = page;
  self->view = view;

  model = build_model ();
  self->popover = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->popover, page);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (long_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (gesture));

  return self;
}

gboolean
bl_activity_menu_popup_at (BlActivityMenu *self,
                           double          x,
                           double          y)
{
  GtkSelectionModel *selection;
  BlActivityCell *cell;
  BlActivity *activity;
  guint position;

  g_return_val_if_fail (BL_IS_ACTIVITY_MENU (self), FALSE);

  if (self->view == NULL || (cell = cell_at (self, x, y)) == NULL ||
      (activity = bl_activity_cell_get_activity (cell)) == NULL)
    return FALSE;
  selection = gtk_column_view_get_model (self->view);
  position = position_of (G_LIST_MODEL (selection), activity);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  /* As in a file manager: the menu is for the selection when the row is
   * part of it, else for the row alone. */
  if (!gtk_selection_model_is_selected (selection, position))
    gtk_selection_model_select_item (selection, position, TRUE);

  popup (self, &GRAPHENE_RECT_INIT ((float) x, (float) y, 1, 1));
  return TRUE;
}

gboolean
bl_activity_menu_popup_selected (BlActivityMenu *self)
{
  g_autoptr(BlActivity) first = NULL;
  GtkSelectionModel *selection;
  BlActivityCell *cell;
  GtkBitset *selected;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, 1, 1);
  guint position;

  g_return_val_if_fail (BL_IS_ACTIVITY_MENU (self), FALSE);

  if (self->view == NULL)
    return FALSE;
  selection = gtk_column_view_get_model (self->view);
  selected = gtk_selection_model_get_selection (selection);
  position = gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION : gtk_bitset_get_minimum (selected);
  gtk_bitset_unref (selected);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  /* The row's first cell, when the row is on screen. */
  first = g_list_model_get_item (G_LIST_MODEL (selection), position);
  cell = find_cell_of (GTK_WIDGET (self->view), first);
  if (cell == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self->view), &rect))
    graphene_rect_init (&rect, 0, 0, 1, 1);

  popup (self, &rect);
  return TRUE;
}

GtkPopover *
bl_activity_menu_get_popover (BlActivityMenu *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_MENU (self), NULL);

  return GTK_POPOVER (self->popover);
}
