/* bl-activity-widths.c: the natural widths of the Activities page's columns.
 * Each is the widest text the column may show (any date of a year, every
 * kind's name, every host or lecturer named in the ledger, both statuses),
 * in approximate characters (bl_activity_cell_set_text_size()). Measured from the
 * ledger, not from the rows GTK happens to have made, a column keeps its
 * width while the list scrolls, and a row bound anew is not measured. */
#include "config.h"

#include <string.h>

#include "bl-activity-widths.h"
#include "bl-date.h"
#include "bl-kind.h"

#define N_COLUMNS (BL_ACTIVITY_CELL_STATUS + 1)

/* A host's name is cut past this many ideographs (its tooltip shows it
 * whole): one long guest's name does not narrow every topic. */
#define HOST_MAX_SAMPLE "党党党党党党党党党党"

/* A line of the list: Latin letters and an ideograph, whose font (a
 * fallback in an English session) may stand taller than the UI font. */
#define LINE_SAMPLE "Ag国"

struct _BlActivityWidths
{
  guint        chars[N_COLUMNS];   /* 0: not measured yet */
  int          line_height;        /* pixels */
  GHashTable  *text_widths;        /* text → width in Pango units (GINT_TO_POINTER) */
  PangoLayout *layout;
  guint        serial;             /* of the Pango context the widths were measured in */
};

BlActivityWidths *
bl_activity_widths_new (void)
{
  BlActivityWidths *self = g_new0 (BlActivityWidths, 1);

  self->text_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
bl_activity_widths_free (BlActivityWidths *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->text_widths);
  g_clear_object (&self->layout);
  g_free (self);
}

/* @text's width, measured once per font. */
static int
text_width (BlActivityWidths *self,
            const char       *text)
{
  gpointer cached;
  int width;

  if (text == NULL || *text == '\0')
    return 0;
  if (g_hash_table_lookup_extended (self->text_widths, text, NULL, &cached))
    return GPOINTER_TO_INT (cached);
  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_size (self->layout, &width, NULL);
  g_hash_table_insert (self->text_widths, g_strdup (text), GINT_TO_POINTER (width));
  return width;
}

/* The widest of the dates a year can show: day 28 of each month. */
static int
widest_date (BlActivityWidths *self)
{
  int widest = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-%02d-28", month);
      g_autofree char *text = bl_date_iso_format_locale (iso);

      widest = MAX (widest, text_width (self, text));
    }
  return widest;
}

static const char *
kind_name (gpointer kind)
{
  return bl_kind_get_name (kind);
}

static const char *
activity_leader (gpointer activity)
{
  return bl_activity_get_leader (activity);
}

/* The widest of the texts @text_of gives for the items of @items. */
static int
widest_item (BlActivityWidths *self,
             GListModel       *items,
             const char     *(*text_of) (gpointer item))
{
  guint n = g_list_model_get_n_items (items);
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      widest = MAX (widest, text_width (self, text_of (item)));
    }
  return widest;
}

static int
widest_status (BlActivityWidths *self)
{
  return MAX (text_width (self, bl_activity_status_display (BL_ACTIVITY_STATUS_PLANNED)),
              text_width (self, bl_activity_status_display (BL_ACTIVITY_STATUS_HELD)));
}

/* Measures again what @changes can have changed (everything the first time,
 * or when the font changed), in @widget's font. Returns whether a column's
 * width changed. */
gboolean
bl_activity_widths_update (BlActivityWidths *self,
                           GtkWidget        *widget,
                           BlStore          *store,
                           BlChange          changes)
{
  PangoContext *context;
  PangoFontMetrics *metrics;
  int widths[N_COLUMNS] = { 0 };
  int char_width;
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (BL_IS_STORE (store), FALSE);

  context = gtk_widget_get_pango_context (widget);
  if (self->layout == NULL || self->serial != pango_context_get_serial (context))
    {
      g_clear_object (&self->layout);
      self->layout = pango_layout_new (context);
      self->serial = pango_context_get_serial (context);
      g_hash_table_remove_all (self->text_widths);
      memset (self->chars, 0, sizeof self->chars);
      pango_layout_set_text (self->layout, LINE_SAMPLE, -1);
      pango_layout_get_pixel_size (self->layout, NULL, &self->line_height);
      changed = TRUE;
    }

  /* As GtkInscription counts its characters. */
  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  char_width = MAX (char_width, 1);
  pango_font_metrics_unref (metrics);

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      gboolean first = self->chars[column] == 0;
      guint chars;

      switch (column)
        {
        case BL_ACTIVITY_CELL_DATE:
          if (!first)
            continue;
          widths[column] = widest_date (self);
          break;
        case BL_ACTIVITY_CELL_KIND:
          if (!first && !(changes & BL_CHANGE_KINDS))
            continue;
          widths[column] = widest_item (self, bl_store_get_kinds (store), kind_name);
          break;
        case BL_ACTIVITY_CELL_TOPIC:
          /* It takes the room the others leave. */
          if (!first)
            continue;
          break;
        case BL_ACTIVITY_CELL_HOST:
          if (!first && !(changes & BL_CHANGE_ACTIVITIES))
            continue;
          /* The widest host or lecturer named: the ledger holds few
           * names, each measured once. */
          widths[column] = MIN (widest_item (self, bl_store_get_activities (store), activity_leader),
                                text_width (self, HOST_MAX_SAMPLE));
          break;
        case BL_ACTIVITY_CELL_ATTENDANCE:
          if (!first)
            continue;
          widths[column] = MAX (text_width (self, "888/888"), text_width (self, "—"));
          break;
        case BL_ACTIVITY_CELL_STATUS:
          if (!first)
            continue;
          widths[column] = widest_status (self);
          break;
        default:
          g_assert_not_reached ();
        }
      chars = MAX (1, (widths[column] + char_width - 1) / char_width);
      if (chars != self->chars[column])
        {
          self->chars[column] = chars;
          changed = TRUE;
        }
    }
  return changed;
}

/* The approximate characters (bl_activity_cell_set_text_size()) a cell of @column
 * needs (0 until measured). */
guint
bl_activity_widths_get (BlActivityWidths     *self,
                        BlActivityCellColumn  column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (column < N_COLUMNS, 0);

  return self->chars[column];
}

/* The height of a line of text in the list, in pixels: the font's metrics
 * give the height of its own lines only, and an ideograph's fallback font
 * may stand taller. */
int
bl_activity_widths_get_line_height (BlActivityWidths *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->line_height;
}

/* Gives every cell under @root its column's width and the line height. */
void
bl_activity_widths_apply (BlActivityWidths *self,
                          GtkWidget        *root)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (BL_IS_ACTIVITY_CELL (root))
    {
      BlActivityCell *cell = BL_ACTIVITY_CELL (root);

      bl_activity_cell_set_text_size (cell, self->chars[bl_activity_cell_get_column (cell)], self->line_height);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    bl_activity_widths_apply (self, child);
}
