/* bl-members-page.c: the branch's members, with how each takes part
 *
 * A GtkColumnView over the store's live member model (filtered, sortable).
 * "Last attended" and this year's rate come from one grouped query
 * (bl-member-stats); after a save only the members whose attendance it
 * touched are counted again, and only their cells are updated. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-alert.h"
#include "bl-cell-label.h"
#include "bl-date.h"
#include "bl-group-order.h"
#include "bl-member-editor.h"
#include "bl-file-import.h"
#include "bl-member-stats.h"
#include "bl-members-page.h"
#include "bl-window.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_GROUP,
  COLUMN_CATEGORY,
  COLUMN_ROLE,
  COLUMN_STATUS,
  COLUMN_LAST,
  COLUMN_RATE,
  N_COLUMNS
} Column;

struct _BlMembersPage
{
  BlPage               parent_instance;

  BlStore             *store;        /* the context's */
  GHashTable          *stats;        /* member id → BlMemberStats */
  GHashTable          *touched;      /* members whose stats a write changed since (gint64*) */
  gboolean             touched_unknown;  /* a write that did not say whose */
  GHashTable          *stat_items;   /* bound GtkListItems of the two stats columns */
  GtkFilter           *filter;
  GtkSorter           *stat_sorters[2];
  GtkSingleSelection  *selection;

  GtkSearchEntry      *search_entry;
  GtkCheckButton      *transferred_check;
  GtkLabel            *count_label;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (BlMembersPage, bl_members_page, BL_TYPE_PAGE)

/* The statistics count held activities and who attended, as of today. */
#define STATS_CHANGES (BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE | BL_CHANGE_TODAY)

static const char * const column_ids[N_COLUMNS] = {
  "name_column", "group_column", "category_column", "role_column",
  "status_column", "last_column", "rate_column",
};

static void selection_changed_cb (BlMembersPage *self);

static const BlMemberStats *
member_stats (BlMembersPage *self,
              BlMember      *member)
{
  gint64 id = bl_member_get_id (member);

  return self->stats != NULL ? g_hash_table_lookup (self->stats, &id) : NULL;
}

static char *
cell_text (BlMembersPage *self,
           BlMember      *member,
           Column         column)
{
  const BlMemberStats *stats;
  const char *group;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (bl_member_get_name (member));
    case COLUMN_GROUP:
      group = bl_member_get_group (member);
      return g_strdup (group != NULL && *group != '\0' ? group : "—");
    case COLUMN_CATEGORY:
      return g_strdup (bl_member_category_display (bl_member_get_category (member)));
    case COLUMN_ROLE:
      /* A committee role and the lead of a party group, on two lines. */
      if (bl_member_get_group_leader (member))
        return g_strdup_printf (bl_member_get_role (member) == BL_MEMBER_ROLE_NONE ? "%s%s" : "%s\n%s",
                                bl_member_role_display (bl_member_get_role (member)), _("Group leader"));
      return g_strdup (bl_member_get_role (member) == BL_MEMBER_ROLE_NONE
                       ? "" : bl_member_role_display (bl_member_get_role (member)));
    case COLUMN_STATUS:
      if (bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
        {
          g_autofree char *date = bl_member_get_transferred_on (member) != NULL
            ? bl_date_iso_format_locale (bl_member_get_transferred_on (member))
            : g_strdup (_("Date of transfer unknown"));

          /* On two lines: the column stays narrow enough for 1024 pixels. */
          return g_strdup_printf ("%s\n%s",
                                  bl_member_status_display (BL_MEMBER_STATUS_TRANSFERRED), date);
        }
      return g_strdup (bl_member_status_display (bl_member_get_status (member)));
    case COLUMN_LAST:
      stats = member_stats (self, member);
      if (stats == NULL || stats->last_attended == NULL)
        return g_strdup (_("Never"));
      return bl_date_iso_format_locale (stats->last_attended);
    case COLUMN_RATE:
      stats = member_stats (self, member);
      if (stats == NULL || bl_member_stats_rate (stats) < 0)
        return g_strdup ("—");
      /* Translators: this year's attendance: percentage, then attended/expected. */
      return g_strdup_printf (_("%d%% (%u/%u)"), bl_member_stats_rate (stats),
                              stats->present, stats->expected);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_drifting (BlMembersPage *self,
             BlMember      *member)
{
  GDate today;

  bl_context_get_date (bl_page_get_context (BL_PAGE (self)), &today);
  return bl_member_stats_is_drifting (member_stats (self, member), member, &today);
}

static void
update_cell (BlMembersPage *self,
             GtkListItem   *item,
             Column         column)
{
  BlMember *member = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (member == NULL || label == NULL)
    return;
  text = cell_text (self, member, column);
  /* A narrow column shortens it: the cell's tooltip then shows it whole. */
  gtk_label_set_text (GTK_LABEL (label), text);
  /* Transferred members are kept for history, shown dimmed. */
  if (bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  /* Five months without organisational life: drifting toward the six of
   * Article 9, worth the secretary's eye. */
  if (column == COLUMN_LAST && is_drifting (self, member))
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               BlMembersPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = bl_cell_label_new (column == COLUMN_RATE ? 1.0f : 0.0f);

  if (column == COLUMN_RATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BlMembersPage            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));

  update_cell (self, item, column);
  if (column == COLUMN_LAST || column == COLUMN_RATE)
    {
      g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
      g_hash_table_add (self->stat_items, item);
    }
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BlMembersPage            *self)
{
  g_hash_table_remove (self->stat_items, item);
}

static int
compare_text (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gpointer *data = user_data;
  BlMembersPage *self = data[0];
  Column column = GPOINTER_TO_INT (data[1]);
  g_autofree char *text_a = cell_text (self, BL_MEMBER ((gpointer) a), column);
  g_autofree char *text_b = cell_text (self, BL_MEMBER ((gpointer) b), column);
  int result = g_utf8_collate (text_a, text_b);

  return gtk_ordering_from_cmpfunc (result);
}

static int
compare_enum (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gpointer *data = user_data;
  Column column = GPOINTER_TO_INT (data[1]);
  BlMember *ma = BL_MEMBER ((gpointer) a), *mb = BL_MEMBER ((gpointer) b);
  int va, vb;

  if (column == COLUMN_CATEGORY)
    va = bl_member_get_category (ma), vb = bl_member_get_category (mb);
  else if (column == COLUMN_STATUS)
    va = bl_member_get_status (ma), vb = bl_member_get_status (mb);
  else
    {
      /* No role sorts after every committee role. */
      va = bl_role_compare (bl_member_get_role (ma), bl_member_get_role (mb));
      vb = 0;
    }
  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_stats (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gpointer *data = user_data;
  BlMembersPage *self = data[0];
  Column column = GPOINTER_TO_INT (data[1]);
  const BlMemberStats *sa = member_stats (self, BL_MEMBER ((gpointer) a));
  const BlMemberStats *sb = member_stats (self, BL_MEMBER ((gpointer) b));
  int result;

  if (column == COLUMN_LAST)
    result = g_strcmp0 (sa != NULL ? sa->last_attended : NULL, sb != NULL ? sb->last_attended : NULL);
  else
    {
      int ra = sa != NULL ? bl_member_stats_rate (sa) : -1;
      int rb = sb != NULL ? bl_member_stats_rate (sb) : -1;

      result = ra - rb;
    }
  return gtk_ordering_from_cmpfunc (result);
}

/* The one order of groups and members (bl-group-order.h): 第一党小组 before
 * 第二党小组 … 第十党小组, the committee first within a group. */
static int
compare_group (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int result = bl_member_compare (BL_MEMBER ((gpointer) a), BL_MEMBER ((gpointer) b));

  return gtk_ordering_from_cmpfunc (result);
}

static gboolean
filter_member (gpointer item,
               gpointer user_data)
{
  BlMembersPage *self = user_data;
  BlMember *member = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!gtk_check_button_get_active (self->transferred_check) &&
      bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED)
    return FALSE;
  if (search == NULL || *search == '\0')
    return TRUE;
  return strstr (bl_member_get_name (member), search) != NULL ||
         strstr (bl_member_get_group (member) ? bl_member_get_group (member) : "", search) != NULL ||
         strstr (bl_member_get_phone (member) ? bl_member_get_phone (member) : "", search) != NULL;
}

static void
update_count (BlMembersPage *self)
{
  GListModel *members = self->store != NULL ? bl_store_get_members (self->store) : NULL;
  guint n = members != NULL ? g_list_model_get_n_items (members) : 0;
  guint active = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlMember) member = g_list_model_get_item (members, i);

      if (bl_member_get_status (member) == BL_MEMBER_STATUS_ACTIVE)
        active++;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u active member", "%u active members", active),
                          active);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
}

/* More members than this counted one by one cost more than counting all. */
#define MAX_TOUCHED_SHARE 8

static void
refresh_stats (BlMembersPage *self,
               gboolean       all)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = bl_context_get_today (bl_page_get_context (BL_PAGE (self)));
  g_autoptr(GHashTable) touched = g_steal_pointer (&self->touched);
  guint n_members = g_list_model_get_n_items (bl_store_get_members (self->store));
  GHashTableIter iter;
  gpointer item;

  all |= self->touched_unknown || self->stats == NULL ||
         (touched != NULL && g_hash_table_size (touched) * MAX_TOUCHED_SHARE > n_members);
  self->touched_unknown = FALSE;
  if (!all && touched == NULL)
    return;  /* a write that touched nobody's attendance (a new record without any) */
  if (!all && !bl_member_stats_update (self->stats, self->store, today, touched, &error))
    {
      g_warning ("Members page: %s", error->message);
      g_clear_error (&error);
      all = TRUE;
    }
  if (all)
    {
      g_clear_pointer (&self->stats, g_hash_table_unref);
      self->stats = bl_member_stats_compute (self->store, today, &error);
      if (self->stats == NULL)
        g_warning ("Members page: %s", error->message);
    }

  g_hash_table_iter_init (&iter, self->stat_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      BlMember *member = gtk_list_item_get_item (item);
      gint64 id = member != NULL ? bl_member_get_id (member) : 0;

      if (all || g_hash_table_contains (touched, &id))
        update_cell (self, item, GPOINTER_TO_INT (g_object_get_data (item, "column")));
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->stat_sorters); i++)
    gtk_sorter_changed (self->stat_sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
}

/* Notes whose statistics a commit changed, for the next refresh. */
static void
store_changed_cb (BlMembersPage *self,
                  BlChange       changes,
                  BlStore       *store)
{
  GHashTable *members;
  GHashTableIter iter;
  gpointer id;

  if ((changes & (BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE)) == 0)
    return;
  members = bl_store_get_changed_members (store);
  if (members == NULL)
    self->touched_unknown = TRUE;
  else if (g_hash_table_size (members) > 0)
    {
      if (self->touched == NULL)
        self->touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, members);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (self->touched, g_memdup2 (id, sizeof (gint64)));
    }
  /* Whatever the order of the handlers, a refresh follows what is noted. */
  bl_page_queue_refresh (BL_PAGE (self), changes & (BL_CHANGE_ACTIVITIES | BL_CHANGE_ATTENDANCE));
}

static void
bl_members_page_refresh (BlPage   *page,
                         BlChange  changes)
{
  BlMembersPage *self = BL_MEMBERS_PAGE (page);
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (gtk_single_selection_get_model (self->selection));
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sorted));
  GListModel *members = bl_store_get_members (self->store);

  /* The first time: the store's live list, which follows every save. */
  if (gtk_filter_list_model_get_model (filtered) != members)
    gtk_filter_list_model_set_model (filtered, members);
  /* The day moved (perhaps into another year): everything again. */
  if (changes & STATS_CHANGES)
    refresh_stats (self, (changes & BL_CHANGE_TODAY) != 0);
  update_count (self);
  /* The selected member may have been transferred meanwhile. */
  selection_changed_cb (self);
}

static void
filter_changed_cb (BlMembersPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selection_changed_cb (BlMembersPage *self)
{
  g_autoptr(BlMember) member = bl_members_page_get_selected (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit", member != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.transfer",
                                 member != NULL &&
                                 bl_member_get_status (member) == BL_MEMBER_STATUS_ACTIVE);
}

static GtkWindow *
parent_window (BlMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_editor (BlMembersPage *self,
             BlMember      *member)
{
  BlMemberEditor *editor;

  if (self->store == NULL)
    return;
  editor = bl_member_editor_new (self->store, member);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (BlMembersPage *self,
                  guint          position)
{
  g_autoptr(BlMember) member = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (member != NULL)
    open_editor (self, member);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (BL_MEMBERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlMembersPage *self = BL_MEMBERS_PAGE (widget);
  g_autoptr(BlMember) member = bl_members_page_get_selected (self);

  if (member != NULL)
    open_editor (self, member);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlMembersPage *self = BL_MEMBERS_PAGE (widget);

  if (self->store != NULL)
    bl_file_import_run (widget, self->store, BL_IMPORT_MEMBERS);
}

static void
transfer_date_changed_cb (GtkEditable *entry,
                          GtkWidget   *dialog)
{
  GDate date;
  gboolean valid = bl_date_parse (gtk_editable_get_text (entry), &date);

  bl_alert_set_response_enabled (dialog, "transfer", valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
transfer_response_cb (GtkWidget     *dialog,
                      const char    *response,
                      BlMembersPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "date-entry");
  GtkEditable *destination_entry = g_object_get_data (G_OBJECT (dialog), "destination-entry");
  g_autofree char *destination = g_strstrip (g_strdup (gtk_editable_get_text (destination_entry)));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "member-id");
  GDate date;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "transfer") || self->store == NULL)
    return;
  if (!bl_date_parse (gtk_editable_get_text (entry), &date))
    return;
  iso = bl_date_to_iso (&date);
  if (!bl_store_set_transfer (self->store, id, iso, destination, &error))
    bl_alert_show_notice (_("Member Not Transferred"), error->message, GTK_WIDGET (self));
}

/* Asks for the day the member leaves: from then on they are no longer
 * expected, and the records before stay as they were. */
static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BlMembersPage *self = BL_MEMBERS_PAGE (widget);
  g_autoptr(BlMember) member = bl_members_page_get_selected (self);
  g_autofree char *heading = NULL;
  g_autofree char *today = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *entry;
  GtkWidget *destination_label;
  GtkWidget *destination;
  gint64 *id;

  if (member == NULL || bl_member_get_status (member) != BL_MEMBER_STATUS_ACTIVE)
    return;

  today = bl_context_get_today (bl_page_get_context (BL_PAGE (self)));
  heading = g_strdup_printf (_("Transfer Out %s?"), bl_member_get_name (member));
  dialog = bl_alert_new (heading,
                         _("From this day on the member is no longer expected at meetings. "
                                     "They stay in the ledger, with their attendance, for the records."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Day of the transfer (YYYY-MM-DD)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  /* 转往: where they went, for the records (may stay empty). */
  destination_label = gtk_label_new_with_mnemonic (_("Trans_ferred to (optional)"));
  gtk_label_set_xalign (GTK_LABEL (destination_label), 0);
  gtk_widget_set_margin_top (destination_label, 6);
  destination = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (destination), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (destination_label), destination);
  gtk_box_append (GTK_BOX (box), destination_label);
  gtk_box_append (GTK_BOX (box), destination);
  bl_alert_set_extra_child (dialog, box);
  bl_alert_add_response (dialog, "cancel", _("_Cancel"));
  bl_alert_add_response (dialog, "transfer", _("_Transfer Out"));
  bl_alert_set_response_appearance (dialog, "transfer", ADW_RESPONSE_DESTRUCTIVE);
  bl_alert_set_default_response (dialog, "transfer");
  bl_alert_set_close_response (dialog, "cancel");

  id = g_new (gint64, 1);
  *id = bl_member_get_id (member);
  g_object_set_data_full (G_OBJECT (dialog), "member-id", id, g_free);
  g_object_set_data (G_OBJECT (dialog), "date-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "destination-entry", destination);
  g_signal_connect (entry, "changed", G_CALLBACK (transfer_date_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (transfer_response_cb), self, 0);
  bl_alert_present (dialog, GTK_WIDGET (self));
}

static void
setup_columns (BlMembersPage *self)
{
  for (Column column = 0; column < N_COLUMNS; column++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      gpointer *data = g_new (gpointer, 2);
      GtkCustomSorter *custom;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
      gtk_column_view_column_set_factory (self->columns[column], factory);

      data[0] = self;
      data[1] = GINT_TO_POINTER (column);
      switch (column)
        {
        case COLUMN_CATEGORY:
        case COLUMN_ROLE:
        case COLUMN_STATUS:
          custom = gtk_custom_sorter_new (compare_enum, data, g_free);
          break;
        case COLUMN_LAST:
        case COLUMN_RATE:
          custom = gtk_custom_sorter_new (compare_stats, data, g_free);
          self->stat_sorters[column - COLUMN_LAST] = GTK_SORTER (custom);
          break;
        case COLUMN_GROUP:
          custom = gtk_custom_sorter_new (compare_group, data, g_free);
          break;
        case COLUMN_NAME:
        case N_COLUMNS:
        default:
          custom = gtk_custom_sorter_new (compare_text, data, g_free);
          break;
        }
      sorter = GTK_SORTER (custom);
      gtk_column_view_column_set_sorter (self->columns[column], sorter);
    }
}

static void
bl_members_page_constructed (GObject *object)
{
  BlMembersPage *self = BL_MEMBERS_PAGE (object);

  G_OBJECT_CLASS (bl_members_page_parent_class)->constructed (object);

  self->store = bl_page_get_store (BL_PAGE (self));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
bl_members_page_dispose (GObject *object)
{
  BlMembersPage *self = BL_MEMBERS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->stats, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->stat_items, g_hash_table_unref);

  G_OBJECT_CLASS (bl_members_page_parent_class)->dispose (object);
}

static void
bl_members_page_class_init (BlMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BlPageClass *page_class = BL_PAGE_CLASS (klass);

  object_class->constructed = bl_members_page_constructed;
  object_class->dispose = bl_members_page_dispose;
  page_class->follows = BL_CHANGE_GROUPS | BL_CHANGE_MEMBERS | STATS_CHANGES;
  page_class->refresh = bl_members_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BlMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BlMembersPage, transferred_check);
  gtk_widget_class_bind_template_child (widget_class, BlMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BlMembersPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BlMembersPage, column_view);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (BlMembersPage, columns) +
                                               i * sizeof (GtkColumnViewColumn *));
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "members.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "members.transfer", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "members.import", NULL, import_action);
}

static void
bl_members_page_init (BlMembersPage *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stat_items = g_hash_table_new (NULL, NULL);
  setup_columns (self);

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_member, self, NULL));
  filtered = gtk_filter_list_model_new (NULL, g_object_ref (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  /* Groups in their own order (第一, 第二, 第三…), the committee first in each. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_GROUP], GTK_SORT_ASCENDING);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  selection_changed_cb (self);
}

GtkWidget *
bl_members_page_new (BlContext *context)
{
  return bl_page_new (BL_TYPE_MEMBERS_PAGE, context);
}

BlMember *
bl_members_page_get_selected (BlMembersPage *self)
{
  g_return_val_if_fail (BL_IS_MEMBERS_PAGE (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection) != NULL
         ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;
}
