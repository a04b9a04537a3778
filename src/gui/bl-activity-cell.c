/* bl-activity-cell.c: one cell of the Activities page's table. It shows one
 * field of an activity and follows the activity's changes itself: the store
 * updates an edited activity in place, and a list view need not bind the
 * row again for the same item (GTK 4.10 and later do not). */
#include "config.h"

#include "bl-activity-cell.h"
#include "bl-cell-label.h"
#include "bl-date.h"

struct _BlActivityCell
{
  GtkWidget             parent_instance;

  BlActivityCellColumn  column;
  GtkWidget            *label;
  BlStore              *store;      /* for the names of the branch's own kinds */
  BlActivity           *activity;
  gulong                notify_id;
};

G_DEFINE_FINAL_TYPE (BlActivityCell, bl_activity_cell, GTK_TYPE_WIDGET)

static void
update (BlActivityCell *self)
{
  BlActivity *activity = self->activity;
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gboolean accent = FALSE;

  if (activity != NULL)
    switch (self->column)
      {
      case BL_ACTIVITY_CELL_DATE:
        text = owned = bl_date_iso_format_locale (bl_activity_get_date (activity));
        break;
      case BL_ACTIVITY_CELL_KIND:
        text = self->store != NULL ? bl_store_get_kind_name (self->store, bl_activity_get_kind (activity))
                                   : bl_activity_get_kind (activity);
        break;
      case BL_ACTIVITY_CELL_TOPIC:
        text = bl_activity_get_topic (activity);
        break;
      case BL_ACTIVITY_CELL_HOST:
        text = bl_activity_get_leader (activity);
        break;
      case BL_ACTIVITY_CELL_ATTENDANCE:
        /* Nobody has attended a planned meeting yet. */
        if (bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_HELD)
          text = owned = g_strdup_printf ("%u/%u", bl_activity_get_present_count (activity),
                                          bl_activity_get_expected_count (activity));
        else
          text = "—";
        break;
      case BL_ACTIVITY_CELL_STATUS:
        text = bl_activity_status_display (bl_activity_get_status (activity));
        accent = bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED;
        break;
      default:
        g_assert_not_reached ();
      }

  gtk_label_set_text (GTK_LABEL (self->label), text != NULL ? text : "");
  if (accent)
    gtk_widget_add_css_class (self->label, "accent");
  else
    gtk_widget_remove_css_class (self->label, "accent");
}

static void
bl_activity_cell_dispose (GObject *object)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (object);

  bl_activity_cell_bind (self, NULL, NULL);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (bl_activity_cell_parent_class)->dispose (object);
}

static void
bl_activity_cell_class_init (BlActivityCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_activity_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bl_activity_cell_init (BlActivityCell *self)
{
  /* Long topics are cut in the cell: its tooltip shows them whole. */
  self->label = bl_cell_label_new (0.0f);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
bl_activity_cell_new (BlActivityCellColumn column)
{
  BlActivityCell *self = g_object_new (BL_TYPE_ACTIVITY_CELL, NULL);

  self->column = column;
  return GTK_WIDGET (self);
}

/* Shows @activity (NULL: nothing) and follows its changes until the next
 * bind. */
void
bl_activity_cell_bind (BlActivityCell *self,
                       BlStore        *store,
                       BlActivity     *activity)
{
  g_return_if_fail (BL_IS_ACTIVITY_CELL (self));
  g_return_if_fail (store == NULL || BL_IS_STORE (store));
  g_return_if_fail (activity == NULL || BL_IS_ACTIVITY (activity));

  if (self->activity != NULL)
    g_clear_signal_handler (&self->notify_id, self->activity);
  g_set_object (&self->activity, activity);
  g_set_object (&self->store, store);
  if (activity != NULL)
    self->notify_id = g_signal_connect_object (activity, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

const char *
bl_activity_cell_get_text (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

BlActivity *
bl_activity_cell_get_activity (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), NULL);

  return self->activity;
}
