/* bl-attendance-section.c: the attendance of the record being edited.
 *
 * The attendance is a GListStore of BlAttendee: the record as it will be
 * saved. A GtkStringFilter on the members' names sits between it and the
 * GtkListView, whose rows (BlAttendanceRow) are made only for what is in
 * view and write the person's choices into their attendee. The counts, the
 * quorum and "All Present" work on the store, never on the rows. */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-activity-check.h"
#include "bl-attendance-row.h"
#include "bl-attendance-section.h"
#include "bl-quorum.h"

struct _BlAttendanceSection
{
  BlEditorSection       parent_instance;

  BlStore              *store;
  GListStore           *attendance;  /* BlAttendee: everyone listed, in the members' order */
  GtkFilterListModel   *shown;       /* the search applied */
  GtkStringFilter      *filter;
  GHashTable           *members;     /* member id → BlMember: group, role and category */
  GtkSizeGroup         *dropdowns;   /* the rows' drop-downs, one width */
  GHashTable           *problems;    /* member id → 1 + the severity of the problem of their entry */
  char                 *kind;
  gboolean              held;
  gboolean              batch;       /* many attendees change at once: count once, after */

  GtkSearchEntry       *search_entry;
  GtkButton            *all_present_button;
  GtkLabel             *counts_label;
  GtkLabel             *quorum_label;
  GtkLabel             *no_match_label;
  GtkListView          *list_view;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (BlAttendanceSection, bl_attendance_section, BL_TYPE_EDITOR_SECTION)

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The severity of the problem of @id's entry, or -1. */
static int
problem_of (BlAttendanceSection *self,
            gint64               id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->problems, &id)) - 1;
}

static BlMember *
lookup_member (BlAttendanceSection *self,
               gint64               id)
{
  return self->members != NULL ? g_hash_table_lookup (self->members, &id) : NULL;
}

/* The members' group, role and category, from the store's list (no query). */
static void
load_members (BlAttendanceSection *self)
{
  GListModel *members = bl_store_get_members (self->store);
  guint n = g_list_model_get_n_items (members);

  g_clear_pointer (&self->members, g_hash_table_unref);
  self->members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      BlMember *member = g_list_model_get_item (members, i);

      g_hash_table_insert (self->members, id_key (bl_member_get_id (member)), member);
    }
}

static void
update_counts (BlAttendanceSection *self)
{
  g_autofree char *counts = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));
  guint present = 0, full = 0, full_present = 0;
  const char *warning = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) attendee = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);
      BlMember *member = lookup_member (self, bl_attendee_get_member_id (attendee));
      gboolean is_present = bl_attendee_get_state (attendee) == BL_ATTENDANCE_PRESENT;
      /* Someone no longer in the ledger counts as a full member, as before. */
      gboolean is_full = member == NULL || bl_member_get_category (member) == BL_MEMBER_CATEGORY_FULL;

      present += is_present;
      full += is_full;
      full_present += is_full && is_present;
    }

  if (self->held)
    /* Translators: 应到 and 实到 of the paper record */
    counts = g_strdup_printf (_("Expected: %u · Present: %u"), n, present);
  else
    counts = g_strdup_printf (_("Expected: %u · Attendance is taken once the activity is held"), n);
  gtk_label_set_text (self->counts_label, counts);

  if (self->held && bl_quorum_judge (self->kind, n, present, full, full_present) == BL_QUORUM_LACKING)
    warning = bl_quorum_lacking_message (self->kind);
  gtk_label_set_text (self->quorum_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->quorum_label), warning != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->list_view), self->held);
  gtk_widget_set_visible (GTK_WIDGET (self->all_present_button), self->held && n > 0);
}

/* A member's group, role or category changed while the editor is open:
 * counted and shown as they are now. */
static void
store_changed_cb (BlAttendanceSection *self,
                  BlChange             changes)
{
  if ((changes & BL_CHANGE_MEMBERS) == 0 || self->members == NULL)
    return;
  load_members (self);
  update_counts (self);
}

static void
update_no_match (BlAttendanceSection *self)
{
  const char *search = gtk_string_filter_get_search (self->filter);

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label),
                          search != NULL && *search != '\0' &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0);
}

static void
attendee_notify_cb (BlAttendanceSection *self)
{
  if (self->batch)
    return;
  update_counts (self);
  bl_editor_section_changed (BL_EDITOR_SECTION (self));
}

static BlAttendee *
watch (BlAttendanceSection *self,
       BlAttendee          *attendee)
{
  g_signal_connect_object (attendee, "notify::state", G_CALLBACK (attendee_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (attendee, "notify::reason", G_CALLBACK (attendee_notify_cb), self, G_CONNECT_SWAPPED);
  return attendee;
}

static void
unwatch_all (BlAttendanceSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) attendee = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);

      g_signal_handlers_disconnect_by_data (attendee, self);
    }
}

/* Replaces the whole list with @items (BlAttendee, watched already): one
 * items-changed. */
static void
replace_all (BlAttendanceSection *self,
             GPtrArray           *items)
{
  unwatch_all (self);
  for (guint i = 0; i < items->len; i++)
    watch (self, items->pdata[i]);
  g_list_store_splice (self->attendance, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attendance)),
                       items->pdata, items->len);
  g_hash_table_remove_all (self->problems);
  update_counts (self);
  update_no_match (self);
}

static void
set_kind (BlAttendanceSection *self,
          const char          *kind)
{
  g_free (self->kind);
  self->kind = g_strdup (kind);
}

/* The rows the list view has made (only those in and near view). */
static GPtrArray *
list_rows (BlAttendanceSection *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (child != NULL && BL_IS_ATTENDANCE_ROW (child))
        g_ptr_array_add (rows, child);
    }
  return rows;
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  BlAttendanceSection      *self)
{
  GtkWidget *row = bl_attendance_row_new ();

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_size_group_add_widget (self->dropdowns, bl_attendance_row_get_state_dropdown (BL_ATTENDANCE_ROW (row)));
  gtk_list_item_set_child (item, row);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 BlAttendanceSection      *self)
{
  BlAttendanceRow *row = BL_ATTENDANCE_ROW (gtk_list_item_get_child (item));
  BlAttendee *attendee = gtk_list_item_get_item (item);
  gint64 id = bl_attendee_get_member_id (attendee);

  bl_attendance_row_bind (row, attendee, lookup_member (self, id));
  bl_attendance_row_set_problem (row, problem_of (self, id));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   BlAttendanceSection      *self)
{
  bl_attendance_row_bind (BL_ATTENDANCE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
search_changed_cb (BlAttendanceSection *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_no_match (self);
}

static void
stop_search_cb (BlAttendanceSection *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Everyone present (the ones the search hides too): the usual start. */
static void
on_all_present_clicked (BlAttendanceSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));

  self->batch = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttendee) attendee = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);

      bl_attendee_set_state (attendee, BL_ATTENDANCE_PRESENT);
    }
  self->batch = FALSE;
  update_counts (self);
  bl_editor_section_changed (BL_EDITOR_SECTION (self));
}

/* The list view makes rows as soon as it has a model, shown or not: it
 * gets its model when the section is first shown, so that opening the
 * editor on its details costs nothing per member. */
static void
ensure_model (BlAttendanceSection *self)
{
  if (gtk_list_view_get_model (self->list_view) == NULL)
    {
      g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));

      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    }
}

static void
bl_attendance_section_map (GtkWidget *widget)
{
  ensure_model (BL_ATTENDANCE_SECTION (widget));
  GTK_WIDGET_CLASS (bl_attendance_section_parent_class)->map (widget);
}

static void
bl_attendance_section_dispose (GObject *object)
{
  BlAttendanceSection *self = BL_ATTENDANCE_SECTION (object);

  if (self->attendance != NULL)
    unwatch_all (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ATTENDANCE_SECTION);
  g_clear_object (&self->dropdowns);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->attendance);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_attendance_section_parent_class)->dispose (object);
}

static void
bl_attendance_section_finalize (GObject *object)
{
  BlAttendanceSection *self = BL_ATTENDANCE_SECTION (object);

  g_free (self->kind);

  G_OBJECT_CLASS (bl_attendance_section_parent_class)->finalize (object);
}

static void
bl_attendance_section_class_init (BlAttendanceSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_attendance_section_dispose;
  object_class->finalize = bl_attendance_section_finalize;
  widget_class->map = bl_attendance_section_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-attendance-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, all_present_button);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, counts_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, list_view);
  gtk_widget_class_bind_template_child (widget_class, BlAttendanceSection, error_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_present_clicked);
}

static void
bl_attendance_section_init (BlAttendanceSection *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->attendance = g_list_store_new (BL_TYPE_ATTENDEE);
  self->dropdowns = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->problems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (BL_TYPE_ATTENDEE, NULL, "member-name"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->attendance)),
                                           g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (factory_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (factory_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (factory_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

void
bl_attendance_section_set_store (BlAttendanceSection *self,
                                 BlStore             *store)
{
  g_return_if_fail (BL_IS_ATTENDANCE_SECTION (self));
  g_return_if_fail (BL_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

void
bl_attendance_section_clear (BlAttendanceSection *self)
{
  g_return_if_fail (BL_IS_ATTENDANCE_SECTION (self));

  self->batch = FALSE;
  unwatch_all (self);
  g_list_store_remove_all (self->attendance);
  g_hash_table_remove_all (self->problems);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* As in a section just made: the list view gets its model, and makes its
   * rows, when the section is next shown. */
  gtk_list_view_set_model (self->list_view, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_model (self);
  update_counts (self);
  update_no_match (self);
}

void
bl_attendance_section_load (BlAttendanceSection *self,
                            const char          *kind,
                            const char          *group,
                            const char          *date,
                            GListModel          *stored)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_if_fail (BL_IS_ATTENDANCE_SECTION (self));
  g_return_if_fail (BL_IS_STORE (self->store));
  g_return_if_fail (stored == NULL || G_IS_LIST_MODEL (stored));

  n = stored != NULL ? g_list_model_get_n_items (stored) : 0;
  /* Nobody kept from a record shown before (an editor opened again). */
  bl_attendance_section_clear (self);
  load_members (self);
  if (n == 0)
    {
      bl_attendance_section_set_expected (self, kind, group, date);
      return;
    }

  /* A record shows who was expected then, even members transferred out since. */
  set_kind (self, kind);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (stored, i));
  replace_all (self, items);
}

void
bl_attendance_section_set_expected (BlAttendanceSection *self,
                                    const char          *kind,
                                    const char          *group,
                                    const char          *date)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *today = NULL;
  guint n;

  g_return_if_fail (BL_IS_ATTENDANCE_SECTION (self));
  g_return_if_fail (BL_IS_STORE (self->store));

  if (self->members == NULL)
    load_members (self);
  set_kind (self, kind);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->attendance));
  for (guint i = 0; i < n; i++)
    {
      BlAttendee *attendee = g_list_model_get_item (G_LIST_MODEL (self->attendance), i);

      g_hash_table_insert (before, id_key (bl_attendee_get_member_id (attendee)), attendee);
    }

  if (date == NULL)
    date = today = bl_clock_get_today (bl_store_get_clock (self->store));
  members = bl_store_expected_members (self->store, kind, group, date);
  items = g_ptr_array_new_full (members->len, g_object_unref);
  for (guint i = 0; i < members->len; i++)
    {
      BlMember *member = members->pdata[i];
      gint64 id = bl_member_get_id (member);
      BlAttendee *attendee = g_hash_table_lookup (before, &id);

      if (attendee != NULL)
        g_object_ref (attendee);
      else
        {
          attendee = bl_attendee_new (id, bl_member_get_name (member), BL_ATTENDANCE_PRESENT, "");
          bl_attendee_set_group (attendee, bl_member_get_group (member));
        }
      g_ptr_array_add (items, attendee);
    }
  replace_all (self, items);
}

void
bl_attendance_section_set_held (BlAttendanceSection *self,
                                gboolean             held)
{
  g_return_if_fail (BL_IS_ATTENDANCE_SECTION (self));

  self->held = held;
  update_counts (self);
}

GListModel *
bl_attendance_section_get_model (BlAttendanceSection *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_SECTION (self), NULL);

  return G_LIST_MODEL (self->attendance);
}

GListModel *
bl_attendance_section_get_shown (BlAttendanceSection *self)
{
  g_return_val_if_fail (BL_IS_ATTENDANCE_SECTION (self), NULL);

  return G_LIST_MODEL (self->shown);
}

gboolean
bl_attendance_section_show_problems (BlAttendanceSection *self,
                                     GPtrArray           *problems)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  gboolean errors = FALSE;

  g_return_val_if_fail (BL_IS_ATTENDANCE_SECTION (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  g_hash_table_remove_all (self->problems);
  for (guint i = 0; i < problems->len; i++)
    {
      BlProblem *problem = problems->pdata[i];

      if (problem->field != BL_ACTIVITY_FIELD_ATTENDANCE)
        continue;
      g_ptr_array_add (messages, problem->message);
      errors |= problem->severity == BL_PROBLEM_ERROR;
      if (problem_of (self, problem->member_id) < 0 || (int) problem->severity < problem_of (self, problem->member_id))
        g_hash_table_insert (self->problems, id_key (problem->member_id), GINT_TO_POINTER (problem->severity + 1));
    }

  rows = list_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      BlAttendee *attendee = bl_attendance_row_get_attendee (rows->pdata[i]);
      gint64 id = attendee != NULL ? bl_attendee_get_member_id (attendee) : 0;

      bl_attendance_row_set_problem (rows->pdata[i], problem_of (self, id));
    }

  g_ptr_array_add (messages, NULL);
  text = g_strjoinv ("\n", (char **) messages->pdata);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), messages->len > 1);
  /* A reason still to give is no error: the record may be saved without it. */
  gtk_widget_set_css_classes (GTK_WIDGET (self->error_label), (const char *[]) { errors ? "error" : "warning", NULL });
  return messages->len > 1;
}

void
bl_attendance_section_reveal_member (BlAttendanceSection *self,
                                     gint64               member_id)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n, position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (BL_IS_ATTENDANCE_SECTION (self));

  for (int attempt = 0; attempt < 2 && position == GTK_INVALID_LIST_POSITION; attempt++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
      for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(BlAttendee) attendee = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

          if (bl_attendee_get_member_id (attendee) == member_id)
            position = i;
        }
      /* Hidden by the search: show everyone. */
      if (position == GTK_INVALID_LIST_POSITION)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          search_changed_cb (self);
        }
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  rows = list_rows (self);
  for (guint i = 0; i < rows->len; i++)
    {
      BlAttendee *attendee = bl_attendance_row_get_attendee (rows->pdata[i]);

      if (attendee != NULL && bl_attendee_get_member_id (attendee) == member_id)
        gtk_widget_grab_focus (bl_attendance_row_get_reason_entry (rows->pdata[i]));
    }
}
