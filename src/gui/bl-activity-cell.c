/* bl-activity-cell.c: one cell of the Activities page's table. It shows one
 * field of an activity and follows the activity's changes itself: the store
 * updates an edited activity in place, and a list view need not bind the
 * row again for the same item (GTK 4.10 and later do not).
 *
 * Its size does not depend on its text (as a GtkInscription's): a row bound
 * to another activity while scrolling is only drawn again, not measured,
 * and the columns keep their widths (GTK 4.8 keeps some 200 rows alive;
 * labels sized by their text had every one of them measured and laid out
 * again whenever one of them changed). The page says how wide each
 * column's texts are and how high a line is (bl_activity_cell_set_text_size).
 *
 * It lays its text out itself, in the column view's Pango context: a
 * GtkInscription in each cell made a Pango context of its own (some 1,200
 * cells) and worked out that context's font metrics again at each measure. */
#include "config.h"

#include <math.h>

#include "bl-activity-cell.h"
#include "bl-date.h"

struct _BlActivityCell
{
  GtkWidget             parent_instance;

  BlActivityCellColumn  column;
  PangoLayout          *layout;     /* its text, in the column view's context; made when first needed */
  char                 *text;
  guint                 chars;      /* the width it asks for, in approximate characters */
  int                   line_height;
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
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      if (self->layout != NULL)
        pango_layout_set_text (self->layout, text, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  accent = self->column == BL_ACTIVITY_CELL_STATUS && activity != NULL &&
           bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED;
  if (accent != gtk_widget_has_css_class (GTK_WIDGET (self), "accent"))
    {
      if (accent)
        gtk_widget_add_css_class (GTK_WIDGET (self), "accent");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "accent");
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
bl_activity_cell_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (widget);

  if (self->layout == NULL || self->text == NULL || *self->text == '\0' ||
      !pango_layout_is_ellipsized (self->layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

/* What the font of @context measures, worked out once for every cell that
 * shares it (pango_context_get_metrics() shapes a sample text each time). */
typedef struct {
  guint serial;
  int   char_width;   /* Pango units, as GtkInscription counts characters */
  int   line;         /* Pango units: ascent and descent */
} FontSize;

static const FontSize *
font_size (PangoContext *context)
{
  FontSize *size = g_object_get_data (G_OBJECT (context), "bl-activity-cell-font-size");

  if (size == NULL || size->serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      size = g_new0 (FontSize, 1);
      size->serial = pango_context_get_serial (context);
      size->char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                              pango_font_metrics_get_approximate_digit_width (metrics));
      size->line = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
      pango_font_metrics_unref (metrics);
      g_object_set_data_full (G_OBJECT (context), "bl-activity-cell-font-size", size, g_free);
    }
  return size;
}

/* The column view's Pango context, shared by its cells (the cell's own
 * outside one). */
static PangoContext *
shared_context (BlActivityCell *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);

  return gtk_widget_get_pango_context (view != NULL ? view : GTK_WIDGET (self));
}

static PangoLayout *
ensure_layout (BlActivityCell *self)
{
  PangoContext *context = shared_context (self);

  if (self->layout != NULL && pango_layout_get_context (self->layout) != context)
    g_clear_object (&self->layout);
  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
    }
  return self->layout;
}

/* As a GtkInscription of one line and at least three characters. */
static void
bl_activity_cell_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (widget);
  const FontSize *size = font_size (shared_context (self));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (3 * size->char_width);
      *natural = PANGO_PIXELS_CEIL (MAX (3, self->chars) * size->char_width);
    }
  else
    *minimum = *natural = MAX (PANGO_PIXELS_CEIL (size->line), self->line_height);
}

static void
bl_activity_cell_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (widget);
  PangoLayout *layout = ensure_layout (self);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_height (layout, height * PANGO_SCALE);
  pango_layout_set_alignment (layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                      ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

static void
bl_activity_cell_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  float y = 0;

  if (self->text == NULL || *self->text == '\0')
    return;
  layout = ensure_layout (self);
  /* Centred in its line, or at the top when cut short. */
  if (!pango_layout_is_ellipsized (layout))
    {
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      y = MAX (0, floorf ((height - logical.height) * 0.5f));
    }
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, y, layout);
  gtk_snapshot_pop (snapshot);
}

static void
bl_activity_cell_dispose (GObject *object)
{
  BlActivityCell *self = BL_ACTIVITY_CELL (object);

  if (self->shown != NULL)
    g_clear_signal_handler (&self->notify_id, self->shown);
  g_clear_object (&self->shown);
  g_clear_object (&self->store);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (bl_activity_cell_parent_class)->dispose (object);
}

static void
bl_activity_cell_class_init (BlActivityCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_activity_cell_dispose;

  widget_class->measure = bl_activity_cell_measure;
  widget_class->size_allocate = bl_activity_cell_size_allocate;
  widget_class->snapshot = bl_activity_cell_snapshot;
  widget_class->query_tooltip = bl_activity_cell_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
bl_activity_cell_init (BlActivityCell *self)
{
  /* Long topics are cut in the cell: its tooltip shows them whole. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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

  return self->text != NULL ? self->text : "";
}

BlActivity *
bl_activity_cell_get_activity (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), NULL);

  return self->bound ? self->shown : NULL;
}

/* How wide the column's texts are, in approximate characters (the wider of
 * the font's approximate character and digit, as GtkInscription counts
 * them), and how high a line is (pixels; 0: the font's own). */
void
bl_activity_cell_set_text_size (BlActivityCell *self,
                                guint           chars,
                                int             line_height)
{
  g_return_if_fail (BL_IS_ACTIVITY_CELL (self));

  if (chars == self->chars && line_height == self->line_height)
    return;
  self->chars = chars;
  self->line_height = line_height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

BlActivityCellColumn
bl_activity_cell_get_column (BlActivityCell *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_CELL (self), BL_ACTIVITY_CELL_DATE);

  return self->column;
}
