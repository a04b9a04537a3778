/* bl-activities-page.c: the activity list: a GtkColumnView over filter and
 * sort models on the store's live list, so one edit costs one row */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bl-activities-page.h"
#include "bl-activity-cell.h"
#include "bl-activity-filter.h"
#include "bl-activity-menu.h"
#include "bl-activity-renderer.h"
#include "bl-activity-widths.h"
#include "bl-deletion.h"
#include "bl-kind.h"
#include "bl-print-operation.h"
#include "bl-signin-renderer.h"
#include "bl-record-renderer.h"
#include "bl-undo-stack.h"
#include "bl-toast.h"

struct _BlActivitiesPage
{
  BlPage               parent_instance;

  BlStore             *store;       /* the context's */

  BlActivityFilter    *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;

  GPtrArray           *kind_ids;    /* ids behind the kind drop-down (NULL first: all) */
  GArray              *years;       /* years behind the year drop-down (0 first: all) */
  BlActivityWidths    *widths;      /* the columns' */
  gboolean             updating_dropdowns;

  AdwToastOverlay     *toast_overlay;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *month_dropdown;
  GtkDropDown         *status_dropdown;
  GtkLabel            *count_label;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *topic_column;
  GtkColumnViewColumn *host_column;
  GtkColumnViewColumn *attendance_column;
  GtkColumnViewColumn *status_column;
  AdwStatusPage       *empty_page;

  BlUndoStack         *undo;        /* the deletions, for as long as the window is open */
  BlActivityMenu      *menu;        /* the rows' context menu */
};

G_DEFINE_FINAL_TYPE (BlActivitiesPage, bl_activities_page, BL_TYPE_PAGE)

enum {
  ACTIVITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_name (BlActivitiesPage *self,
           BlActivity       *activity)
{
  return self->store != NULL ? bl_store_get_kind_name (self->store, bl_activity_get_kind (activity))
                             : bl_activity_get_kind (activity);
}

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

static int
compare_date (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int cmp = g_strcmp0 (bl_activity_get_date ((BlActivity *) a), bl_activity_get_date ((BlActivity *) b));

  if (cmp == 0)
    cmp = g_strcmp0 (bl_activity_get_start_time ((BlActivity *) a),
                     bl_activity_get_start_time ((BlActivity *) b));
  return gtk_ordering_from_cmpfunc (cmp);
}

static int
compare_kind (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  BlActivitiesPage *self = user_data;

  return gtk_ordering_from_cmpfunc (compare_strings (kind_name (self, (BlActivity *) a),
                                                     kind_name (self, (BlActivity *) b)));
}

static int
compare_topic (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return gtk_ordering_from_cmpfunc (compare_strings (bl_activity_get_topic ((BlActivity *) a),
                                                     bl_activity_get_topic ((BlActivity *) b)));
}

static int
compare_host (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return gtk_ordering_from_cmpfunc (compare_strings (bl_activity_get_leader ((BlActivity *) a),
                                                     bl_activity_get_leader ((BlActivity *) b)));
}

static int
compare_attendance (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint x = bl_activity_get_present_count ((BlActivity *) a);
  guint y = bl_activity_get_present_count ((BlActivity *) b);

  if (x == y)
    {
      x = bl_activity_get_expected_count ((BlActivity *) a);
      y = bl_activity_get_expected_count ((BlActivity *) b);
    }
  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  BlActivityStatus x = bl_activity_get_status ((BlActivity *) a);
  BlActivityStatus y = bl_activity_get_status ((BlActivity *) b);

  return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     func,
                   gpointer             data)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (func, data, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* A passing word, shown at once over the undo toast (which stays, and
 * comes back after it). */
static void
show_notice (BlActivitiesPage *self,
             const char       *text)
{
  AdwToast *toast = bl_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* How many records a search or filter finds, while one is on. */
static void
update_count (BlActivitiesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), bl_activity_filter_is_active (self->filter));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u matching record", "%u matching records", shown),
                          shown);
  gtk_label_set_text (self->count_label, text);
}

static void
update_empty_state (BlActivitiesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  update_count (self);
  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      return;
    }

  if (self->store == NULL || g_list_model_get_n_items (bl_store_get_activities (self->store)) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Activities Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Plan a meeting or record one that was held with the + button (Ctrl+N)."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Activities"));
      adw_status_page_set_description (self->empty_page, _("Try other words or filters."));
    }
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* Rebuilds the kind drop-down from the store's kinds, keeping the selection. */
static void
update_kinds (BlActivitiesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected = g_strdup (bl_activity_filter_get_kind (self->filter));
  GListModel *kinds;
  guint position = 0;
  guint n;

  g_ptr_array_set_size (self->kind_ids, 0);
  g_ptr_array_add (self->kind_ids, NULL);
  gtk_string_list_append (names, _("All Kinds"));

  if (self->store != NULL)
    {
      kinds = bl_store_get_kinds (self->store);
      n = g_list_model_get_n_items (kinds);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BlKind) kind = g_list_model_get_item (kinds, i);

          if (g_strcmp0 (selected, bl_kind_get_id (kind)) == 0)
            position = self->kind_ids->len;
          g_ptr_array_add (self->kind_ids, g_strdup (bl_kind_get_id (kind)));
          gtk_string_list_append (names, bl_kind_get_name (kind));
        }
    }

  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->kind_dropdown, position);
  self->updating_dropdowns = FALSE;
}

/* The year drop-down offers every year from the first activity's to next year. */
static void
update_years (BlActivitiesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *first = NULL;
  int selected = 0;
  int first_year;
  int last_year;
  guint position = 0;
  GDate today;

  bl_context_get_date (bl_page_get_context (BL_PAGE (self)), &today);
  last_year = g_date_get_year (&today) + 1;
  first_year = g_date_get_year (&today);
  if (self->store != NULL && (first = bl_store_get_first_activity_date (self->store)) != NULL)
    first_year = MIN (first_year, atoi (first));
  /* Most saves leave the years as they were: a new drop-down model would
   * make its whole list again. */
  if (self->years->len > 1 && g_array_index (self->years, int, 1) == last_year &&
      g_array_index (self->years, int, self->years->len - 1) == first_year)
    return;

  if (gtk_drop_down_get_selected (self->year_dropdown) < self->years->len)
    selected = g_array_index (self->years, int, gtk_drop_down_get_selected (self->year_dropdown));

  g_array_set_size (self->years, 0);
  {
    int all = 0;

    g_array_append_val (self->years, all);
  }
  gtk_string_list_append (names, _("All Years"));
  for (int year = last_year; year >= first_year && year > 0; year--)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      if (year == selected)
        position = self->years->len;
      g_array_append_val (self->years, year);
      gtk_string_list_append (names, text);
    }

  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->year_dropdown, position);
  self->updating_dropdowns = FALSE;
}

static void
setup_months (BlActivitiesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All Months"));
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (2000, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (time, "%B");

      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (names));
}

/* Reads the drop-downs into the filter state and tells the filter how it changed. */
static void
apply_filters (BlActivitiesPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);
  guint month = gtk_drop_down_get_selected (self->month_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  int year_value = year < self->years->len ? g_array_index (self->years, int, year) : 0;
  int month_value = month != GTK_INVALID_LIST_POSITION ? (int) month : 0;

  bl_activity_filter_set_fields (self->filter,
                                 kind < self->kind_ids->len ? g_ptr_array_index (self->kind_ids, kind) : NULL,
                                 year_value, month_value,
                                 status == 1 ? BL_ACTIVITY_STATUS_PLANNED
                                 : status == 2 ? BL_ACTIVITY_STATUS_HELD
                                 : -1);
  update_count (self);
}

static void
filter_changed_cb (BlActivitiesPage *self)
{
  if (!self->updating_dropdowns)
    apply_filters (self);
}

static void
search_changed_cb (BlActivitiesPage *self)
{
  bl_activity_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_count (self);
}

static void
column_view_activate_cb (BlActivitiesPage *self,
                         guint             position)
{
  g_autoptr(BlActivity) activity = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (activity != NULL)
    g_signal_emit (self, signals[ACTIVITY_ACTIVATED], 0, bl_activity_get_id (activity));
}

/* Each column's factory knows its column (set in init). */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BlActivitiesPage         *self)
{
  BlActivityCellColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "bl-column"));
  GtkWidget *cell = bl_activity_cell_new (column);

  bl_activity_cell_set_text_size (BL_ACTIVITY_CELL (cell), bl_activity_widths_get (self->widths, column),
                                  bl_activity_widths_get_line_height (self->widths));
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BlActivitiesPage         *self)
{
  bl_activity_cell_bind (BL_ACTIVITY_CELL (gtk_list_item_get_child (item)), self->store,
                         gtk_list_item_get_item (item));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BlActivitiesPage         *self)
{
  bl_activity_cell_bind (BL_ACTIVITY_CELL (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bl_activities_page_delete_selected (BL_ACTIVITIES_PAGE (widget));
}

/* 复制为新记录 of the one selected activity: the window's editor on a copy
 * without a date (win.copy-activity). */
static void
copy_as_new_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlActivitiesPage *self = BL_ACTIVITIES_PAGE (widget);
  g_autoptr(GArray) ids = bl_activities_page_get_selected_ids (self);

  if (ids->len == 1)
    gtk_widget_activate_action (widget, "win.copy-activity", "x", g_array_index (ids, gint64, 0));
}

/* Shift+F10 or the Menu key: the context menu of the selection. */
static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bl_activity_menu_popup_selected (BL_ACTIVITIES_PAGE (widget)->menu);
}

/* Ctrl+Z: the newest deletion comes back, then the one before, and so on. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bl_activities_page_undo_delete (BL_ACTIVITIES_PAGE (widget));
}

/* The records an undo put back are selected and scrolled to: a list keeps
 * the rows in view where they were, and a record back above them would
 * come back out of sight. */
static void
deletion_restored_cb (BlActivitiesPage *self,
                      BlDeletion       *deletion)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);
  guint first = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlActivity) activity = g_list_model_get_item (shown, i);

      for (guint j = 0; j < bl_deletion_get_n_activities (deletion); j++)
        if (bl_activity_get_id (activity) == bl_activity_get_id (bl_deletion_get_activity (deletion, j)))
          {
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i,
                                             first == GTK_INVALID_LIST_POSITION);
            first = MIN (first, i);
          }
    }
  if (first == GTK_INVALID_LIST_POSITION)
    return;
  /* GTK 4.8 has no gtk_column_view_scroll_to(): the view's inner list does it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", first);
}

static void
undo_depth_changed_cb (BlActivitiesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.undo-delete",
                                 bl_undo_stack_get_depth (self->undo) > 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlActivitiesPage *self = BL_ACTIVITIES_PAGE (widget);
  g_autoptr(GArray) ids = bl_activities_page_get_selected_ids (self);

  for (guint i = 0; i < ids->len; i++)
    g_signal_emit (self, signals[ACTIVITY_ACTIVATED], 0, g_array_index (ids, gint64, i));
}

/* The button, the shortcut and the window's menu print what is selected. */
static void
print_records_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bl_activities_page_print_selected (BL_ACTIVITIES_PAGE (widget));
}

static void
print_signin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bl_activities_page_print_signin_selected (BL_ACTIVITIES_PAGE (widget));
}

static void
activities_changed_cb (BlActivitiesPage *self)
{
  update_empty_state (self);
}

static void
bl_activities_page_refresh (BlPage   *page,
                            BlChange  changes)
{
  BlActivitiesPage *self = BL_ACTIVITIES_PAGE (page);
  GListModel *activities = bl_store_get_activities (self->store);

  if (changes & BL_CHANGE_KINDS)
    update_kinds (self);
  /* A new year may have appeared (an import of older records, say, or
   * the new year itself). */
  if (changes & (BL_CHANGE_ACTIVITIES | BL_CHANGE_TODAY))
    update_years (self);
  if (self->store != NULL &&
      bl_activity_widths_update (self->widths, GTK_WIDGET (self->column_view), self->store, changes))
    bl_activity_widths_apply (self->widths, GTK_WIDGET (self->column_view));
  /* The first time: the store's live list. It replaces an edited activity
   * (items-changed (pos, 1, 1)): the filter, the sort and the row look at
   * it again, and nothing else needs doing for a save. */
  if (gtk_filter_list_model_get_model (self->filter_model) != activities)
    {
      apply_filters (self);
      gtk_filter_list_model_set_model (self->filter_model, activities);
    }
  update_empty_state (self);
}

static void
selection_changed_cb (BlActivitiesPage *self)
{
  GtkBitset *selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean any = !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.open", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.print-records", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.print-signin", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.menu", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activities.copy-as-new", gtk_bitset_get_size (selected) == 1);
  gtk_bitset_unref (selected);
}

static void
bl_activities_page_constructed (GObject *object)
{
  BlActivitiesPage *self = BL_ACTIVITIES_PAGE (object);

  G_OBJECT_CLASS (bl_activities_page_parent_class)->constructed (object);

  self->store = bl_page_get_store (BL_PAGE (self));
}

static void
bl_activities_page_dispose (GObject *object)
{
  BlActivitiesPage *self = BL_ACTIVITIES_PAGE (object);

  /* Its popover is the page's child. */
  g_clear_object (&self->menu);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* AdwBin owns its child: let it go before the template forgets it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ACTIVITIES_PAGE);

  g_clear_object (&self->undo);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (bl_activities_page_parent_class)->dispose (object);
}

static void
bl_activities_page_finalize (GObject *object)
{
  BlActivitiesPage *self = BL_ACTIVITIES_PAGE (object);

  g_clear_pointer (&self->kind_ids, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->widths, bl_activity_widths_free);

  G_OBJECT_CLASS (bl_activities_page_parent_class)->finalize (object);
}

static void
bl_activities_page_class_init (BlActivitiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BlPageClass *page_class = BL_PAGE_CLASS (klass);

  object_class->constructed = bl_activities_page_constructed;
  object_class->dispose = bl_activities_page_dispose;
  object_class->finalize = bl_activities_page_finalize;
  page_class->follows = BL_CHANGE_KINDS | BL_CHANGE_ACTIVITIES | BL_CHANGE_TODAY;
  page_class->refresh = bl_activities_page_refresh;

  /* Emitted with the activity's id on Enter or double-click. */
  signals[ACTIVITY_ACTIVATED] =
    g_signal_new ("activity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-activities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, topic_column);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, host_column);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, attendance_column);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, BlActivitiesPage, empty_page);
  /* Not kept in the struct: bound so that tests find it by id. */
  gtk_widget_class_bind_template_child_full (widget_class, "print_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);

  gtk_widget_class_install_action (widget_class, "activities.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "activities.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "activities.copy-as-new", NULL, copy_as_new_action);
  gtk_widget_class_install_action (widget_class, "activities.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "activities.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "activities.print-records", NULL, print_records_action);
  gtk_widget_class_install_action (widget_class, "activities.print-signin", NULL, print_signin_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "activities.print-records", NULL);
  /* Text being typed in the search entry undoes its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "activities.undo-delete", NULL);
  /* As in the record editor. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "activities.copy-as-new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "activities.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "activities.menu", NULL);
}

static void
bl_activities_page_init (BlActivitiesPage *self)
{
  GtkEventController *shortcuts;
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo = bl_undo_stack_new (self->toast_overlay);
  g_signal_connect_object (self->undo, "notify::depth", G_CALLBACK (undo_depth_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "restored", G_CALLBACK (deletion_restored_cb),
                           self, G_CONNECT_SWAPPED);

  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  self->years = g_array_new (FALSE, TRUE, sizeof (int));
  self->widths = bl_activity_widths_new ();

  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->date_column)), "bl-column",
                     GINT_TO_POINTER (BL_ACTIVITY_CELL_DATE));
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->kind_column)), "bl-column",
                     GINT_TO_POINTER (BL_ACTIVITY_CELL_KIND));
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->topic_column)), "bl-column",
                     GINT_TO_POINTER (BL_ACTIVITY_CELL_TOPIC));
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->host_column)), "bl-column",
                     GINT_TO_POINTER (BL_ACTIVITY_CELL_HOST));
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->attendance_column)), "bl-column",
                     GINT_TO_POINTER (BL_ACTIVITY_CELL_ATTENDANCE));
  g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (self->status_column)), "bl-column",
                     GINT_TO_POINTER (BL_ACTIVITY_CELL_STATUS));
  set_column_sorter (self->date_column, compare_date, self);
  set_column_sorter (self->kind_column, compare_kind, self);
  set_column_sorter (self->topic_column, compare_topic, self);
  set_column_sorter (self->host_column, compare_host, self);
  set_column_sorter (self->attendance_column, compare_attendance, self);
  set_column_sorter (self->status_column, compare_status, self);

  /* Filter first, then sort: sorting only what is shown. */
  self->filter = bl_activity_filter_new ();
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              g_object_ref (view_sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->date_column, GTK_SORT_DESCENDING);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Delete acts on the list, not on text being typed in the search entry. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("activities.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("activities.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  self->menu = bl_activity_menu_new (GTK_WIDGET (self), self->column_view);

  setup_months (self);
  selection_changed_cb (self);
  undo_depth_changed_cb (self);
}

GtkWidget *
bl_activities_page_new (BlContext *context)
{
  return bl_page_new (BL_TYPE_ACTIVITIES_PAGE, context);
}

GListModel *
bl_activities_page_get_model (BlActivitiesPage *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

GArray *
bl_activities_page_get_selected_ids (BlActivitiesPage *self)
{
  GtkBitset *selected;
  GtkBitsetIter iter;
  GArray *ids;
  guint position;

  g_return_val_if_fail (BL_IS_ACTIVITIES_PAGE (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(BlActivity) activity = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = bl_activity_get_id (activity);

      g_array_append_val (ids, id);
    }
  gtk_bitset_unref (selected);
  return ids;
}

BlActivityMenu *
bl_activities_page_get_menu (BlActivitiesPage *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITIES_PAGE (self), NULL);

  return self->menu;
}

void
bl_activities_page_focus_search (BlActivitiesPage *self)
{
  g_return_if_fail (BL_IS_ACTIVITIES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
bl_activities_page_delete_selected (BlActivitiesPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BL_IS_ACTIVITIES_PAGE (self));

  if (self->store == NULL)
    return;
  ids = bl_activities_page_get_selected_ids (self);
  if (ids->len == 0)
    return;

  /* The deletion keeps the complete records (attendance and tags) for the undo. */
  deletion = bl_deletion_run (self->store, (const gint64 *) ids->data, ids->len, &error);
  if (deletion == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot delete: %s"), error->message);

      show_notice (self, message);
      return;
    }
  bl_undo_stack_push (self->undo, deletion);
}

gboolean
bl_activities_page_undo_delete (BlActivitiesPage *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITIES_PAGE (self), FALSE);

  return bl_undo_stack_undo (self->undo);
}

/* Prints the selected activities' pages of @renderer_type (a
 * BlActivityRenderer: records or sign-in sheets), or says to select some. */
static void
print_selected (BlActivitiesPage *self,
                GType             renderer_type,
                const char       *none_selected)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BlPrintRenderer) renderer = NULL;
  g_autoptr(BlPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  ids = bl_activities_page_get_selected_ids (self);
  if (ids->len == 0)
    {
      show_notice (self, none_selected);
      return;
    }
  renderer = bl_activity_renderer_new_for_ids (renderer_type, self->store, (const gint64 *) (gpointer) ids->data,
                                               ids->len, &error);
  if (renderer == NULL)
    {
      bl_print_operation_show_error (GTK_WIDGET (self), error->message);
      return;
    }
  operation = bl_print_operation_new (renderer);
  bl_print_operation_run_dialog (operation, GTK_WIDGET (self));
}

/* The sign-in sheets of the selected activities, planned or held. */
void
bl_activities_page_print_signin_selected (BlActivitiesPage *self)
{
  g_return_if_fail (BL_IS_ACTIVITIES_PAGE (self));

  print_selected (self, BL_TYPE_SIGNIN_RENDERER, _("Select the activity whose sign-in sheet to print"));
}

void
bl_activities_page_print_selected (BlActivitiesPage *self)
{
  g_return_if_fail (BL_IS_ACTIVITIES_PAGE (self));

  print_selected (self, BL_TYPE_RECORD_RENDERER, _("Select the activities whose records to print"));
}
