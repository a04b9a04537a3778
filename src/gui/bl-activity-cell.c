/* bl-activity-cell.c: one cell of the Activities page's table. It shows one
 * field of an activity and follows the activity's changes itself: the store
 * updates an edited activity in place, and a list view need not bind the
 * row again for the same item (GTK 4.10 and later do not).
 *
 * The text is a GtkInscription, whose size does not depend on its text: a
 * row bound to another activity while scrolling is only drawn again, not
 * measured, and the columns keep their widths (GTK 4.8 keeps some 200 rows
 * alive; labels sized by their text had every one of them measured and laid
 * out again whenever one of them changed). The page says how wide each
 * column's texts are and how high a line is (bl_activity_cell_set_text_size). */
#include "config.h"

#include "bl-activity-cell.h"
#include "bl-date.h"

struct _BlActivityCell
{
  GtkWidget             parent_instance;

  BlActivityCellColumn  column;
  GtkWidget            *text;       /* a GtkInscription */
  BlStore              *store;      /* for the names of the branch's own kinds */
  BlActivity           *shown;      /* whose text it shows and follows */
  gboolean              bound;      /* whether @shown is its row's item now */
  gulong                notify_id;
};

G_DEFINE_FINAL_TYPE (BlActivityCell, bl_activity_cell, GTK_TYPE_WIDGET)

/* What a cell of @column shows, or NULL; *owned is set when it is made anew. */
static const char *
cell_text (BlActivityCell  *self,
           BlActivity      *activity,
           char           **owned)
{
  switch (self->column)
    {
    case BL_ACTIVITY_CELL_DATE:
      return *owned = bl_date_iso_format_locale (bl_activity_get_date (activity));
    case BL_ACTIVITY_CELL_KIND:
      return self->store != NULL ? bl_store_get_kind_name (self->store, bl_activity_get_kind (activity))
                                 : bl_activity_get_kind (activity);
    case BL_ACTIVITY_CELL_TOPIC:
      return bl_activity_get_topic (activity);
    case BL_ACTIVITY_CELL_HOST:
      return bl_activity_get_leader (activity);
    case BL_ACTIVITY_CELL_ATTENDANCE:
      /* Nobody has attended a planned meeting yet. */
      if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_HELD)
        return "—";
      return *owned = g_strdup_printf ("%u/%u", bl_activity_get_present_count (activity),
                                       bl_activity_get_expected_count (activity));
    case BL_ACTIVITY_CELL_STATUS:
      return bl_activity_status_display (bl_activity_get_status (activity));
    default:
      g_assert_not_reached ();
    }
}

static void
update (BlActivityCell *self)
{
  BlActivity *activity = self->shown;
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gboolean accent;

  if (activity != NULL)
    text = cell_text (self, activity, &owned);
  if (text == NULL)
    text = "";
  gtk_inscription_set_text (GTK_INSCRIPTION (self->text), text);

  accent = self->column == BL_ACTIVITY_CELL_STATUS && activity != NULL &&
           bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED;
  if (accent != gtk_widget_has_css_class (self->text, "accent"))
    {
      if (accent)
        gtk_widget_add_css_class (self->text, "accent");
      else
        gtk_widget_remove_css_class (self->text, "accent");
    }
}

/* Whether a change of @property can change what a cell of @column shows. */
static gboolean
column_shows (BlActivityCellColumn  column,
              const char           *property)
{
  switch (column)
    {
    case BL_ACTIVITY_CELL_DATE:
      return g_str_equal (property, "date");
    case BL_ACTIVITY_CELL_KIND:
      return g_str_equal (property, "kind");
    case BL_ACTIVITY_CELL_TOPIC:
      return g_str_equal (property, "topic");
    case BL_ACTIVITY_CELL_HOST:
      return g_str_equal (property, "host") || g_str_equal (property, "lecturer");
    case BL_ACTIVITY_CELL_ATTENDANCE:
      return g_str_equal (property, "status") || g_str_equal (property, "present-count") ||
             g_str_equal (property, "expected-count");
    case BL_ACTIVITY_CELL_STATUS:
      return g_str_equal (property, "status");
    default:
      g_assert_not_reached ();
    }
}

/* A save assigns the whole record: only what this column shows matters. */
static void
activity_notify_cb (BlActivityCell *self,
                    GParamSpec     *pspec)
{
  if (column_shows (self->column, pspec->name))
    update (self);
}

/* The whole text of a cell too narrow for it. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (text == NULL || *text == '\0')
    return FALSE;
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (widget))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
bl_activity_cell_dispose (GObject *object)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (object);

  if (self->shown != NULL)
    g_clear_signal_handler (&self->notify_id, self->shown);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);
  g_clear_pointer (&self->text, gtk_widget_unparent);

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
  self->text = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (self->text, TRUE);
  g_signal_connect (self->text, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
}

GtkWidget *
bl_activity_cell_new (BlActivityCellColumn column)
{
  BlActivityCell *self = g_object_new (BL_TYPE_ACTIVITY_CELL, NULL);

  self->column = column;
  return GTK_WIDGET (self);
}

/* Shows @activity and follows its changes until another is bound. NULL
 * unbinds the cell (no longer in view), which keeps the last activity's
 * text, still following it: GTK 4.8 unbinds and binds a row again, to the
 * same activity, whenever the rows above it change (an edit, a deletion),
 * and a cell bound again to what it shows has nothing to do. */
void
bl_activity_cell_bind (BlActivityCell *self,
                       BlStore        *store,
                       BlActivity     *activity)
{
  g_return_if_fail (BL_IS_ACTIVITY_CELL (self));
  g_return_if_fail (store == NULL || BL_IS_STORE (store));
  g_return_if_fail (activity == NULL || BL_IS_ACTIVITY (activity));

  self->bound = activity != NULL;
  if (activity == NULL || (activity == self->shown && store == self->store))
    return;

  if (self->shown != NULL)
    g_clear_signal_handler (&self->notify_id, self->shown);
  g_set_object (&self->shown, activity);
  g_set_object (&self->store, store);
  self->notify_id = g_signal_connect_object (activity, "notify", G_CALLBACK (activity_notify_cb), self,
                                             G_CONNECT_SWAPPED);
  update (self);
}

const char *
bl_activity_cell_get_text (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), NULL);

  return gtk_inscription_get_text (GTK_INSCRIPTION (self->text));
}

BlActivity *
bl_activity_cell_get_activity (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), NULL);

  return self->bound ? self->shown : NULL;
}

/* How wide the column's texts are, in the characters of
 * gtk_inscription_set_nat_chars(), and how high a line is (pixels; 0:
 * the font's own). */
void
bl_activity_cell_set_text_size (BlActivityCell *self,
                                guint           chars,
                                int             line_height)
{
  g_return_if_fail (BL_IS_ACTIVITY_CELL (self));

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->text), chars);
  gtk_widget_set_size_request (self->text, -1, line_height > 0 ? line_height : -1);
}

BlActivityCellColumn
bl_activity_cell_get_column (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), BL_ACTIVITY_CELL_DATE);

  return self->column;
}
