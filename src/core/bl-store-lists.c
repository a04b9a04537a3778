/* bl-store-lists.c: the store's live lists (kinds, members, activities),
 * kept in step with the file: one precise update per save after a small
 * transaction, a reload after a big one */
#include "config.h"

#include "bl-group-order.h"
#include "bl-store-lists.h"
#include "db/bl-activity-repo.h"
#include "db/bl-kind-repo.h"
#include "db/bl-member-repo.h"

/* A list update waiting for the outermost commit. */
typedef struct {
  BlChange  list;      /* BL_CHANGE_MEMBERS or BL_CHANGE_ACTIVITIES */
  gpointer  record;    /* a copy of the saved BlMember or BlActivity, NULL for a delete */
  gint64    id;
} ListUpdate;

/* More updates than this in one transaction (an import): reload instead. */
#define MAX_LIST_UPDATES 64

struct _BlStoreLists
{
  BlDb       *db;

  GListStore *kinds;
  GListStore *members;
  GListStore *activities;      /* read the first time someone asks for it */
  GHashTable *activity_items;  /* id → BlActivity in activities (borrowed) */
  gboolean    activities_loaded;

  GPtrArray  *updates;         /* ListUpdate*, in the order of the saves */
  GArray     *marks;           /* updates->len when each open transaction began */
  BlChange    reload;          /* lists to reload whole at the outermost commit */
};

/* Order */

/* The members' order (bl-group-order.h), which the query loading them sorts by too. */
static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return bl_member_compare ((BlMember *) a, (BlMember *) b);
}

/* Newest first: date, then start time, then id, all descending. */
static int
compare_activities (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  BlActivity *x = (BlActivity *) a, *y = (BlActivity *) b;
  int cmp;

  if ((cmp = g_strcmp0 (bl_activity_get_date (y), bl_activity_get_date (x))) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (bl_activity_get_start_time (y), bl_activity_get_start_time (x))) != 0)
    return cmp;
  return bl_activity_get_id (y) < bl_activity_get_id (x) ? -1 : bl_activity_get_id (y) > bl_activity_get_id (x);
}

/* Loading */

static void
replace_all (GListStore *list,
             GPtrArray  *items)
{
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), items->pdata, items->len);
}

static gboolean
load_kinds (BlStoreLists  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) custom = bl_kind_repo_list_custom (self->db, error);
  const char * const *builtin = bl_kind_builtin_ids ();

  if (custom == NULL)
    return FALSE;
  for (guint i = 0; builtin[i] != NULL; i++)
    g_ptr_array_add (kinds, bl_kind_new (builtin[i], bl_kind_builtin_chinese_name (builtin[i]), TRUE));
  g_ptr_array_extend_and_steal (kinds, g_steal_pointer (&custom));
  replace_all (self->kinds, kinds);
  return TRUE;
}

static gboolean
load_members (BlStoreLists  *self,
              GError       **error)
{
  g_autoptr(GPtrArray) members = bl_member_repo_list (self->db, error);

  if (members == NULL)
    return FALSE;
  replace_all (self->members, members);
  return TRUE;
}

static gboolean
load_activities (BlStoreLists  *self,
                 GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;

  /* Not asked for yet: it will be read as it is then. */
  if (!self->activities_loaded)
    return TRUE;
  items = bl_activity_repo_list (self->db, error);
  if (items == NULL)
    return FALSE;
  g_hash_table_remove_all (self->activity_items);
  for (guint i = 0; i < items->len; i++)
    {
      BlActivity *item = g_ptr_array_index (items, i);
      gint64 *key = g_new (gint64, 1);

      *key = bl_activity_get_id (item);
      g_hash_table_insert (self->activity_items, key, item);
    }
  replace_all (self->activities, items);
  return TRUE;
}

gboolean
bl_store_lists_reload (BlStoreLists  *self,
                       BlChange       lists,
                       GError       **error)
{
  return (!(lists & BL_CHANGE_KINDS) || load_kinds (self, error)) &&
         (!(lists & BL_CHANGE_MEMBERS) || load_members (self, error)) &&
         (!(lists & BL_CHANGE_ACTIVITIES) || load_activities (self, error));
}

/* Precise updates */

static BlMember *
find_member_item (BlStoreLists *self,
                  gint64        id,
                  guint        *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  for (guint i = 0; i < n; i++)
    {
      BlMember *member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      g_object_unref (member);  /* the list store keeps it alive */
      if (bl_member_get_id (member) == id)
        {
          *position = i;
          return member;
        }
    }
  return NULL;
}

static void
apply_member_update (BlStoreLists *self,
                     BlMember     *saved)
{
  guint position;

  if (find_member_item (self, bl_member_get_id (saved), &position) != NULL)
    g_list_store_remove (self->members, position);
  g_list_store_insert_sorted (self->members, saved, compare_members, NULL);
}

/* An edited item is replaced where it stands (items-changed (pos, 1, 1)),
 * so that rows, filters and sorters look at it again, or moved (removed,
 * then inserted) when its place in the order changed. The item object stays
 * the same, so a selection keeps it. */
static void
apply_activity_update (BlStoreLists *self,
                       gint64        id,
                       BlActivity   *saved)
{
  BlActivity *item = g_hash_table_lookup (self->activity_items, &id);
  guint position;

  if (!self->activities_loaded)
    return;
  if (item != NULL && g_list_store_find (self->activities, item, &position))
    {
      /* Holds the item while the list drops and takes it back. */
      G_GNUC_UNUSED g_autoptr(BlActivity) keep = g_object_ref (item);

      if (saved == NULL)
        {
          g_hash_table_remove (self->activity_items, &id);
          g_list_store_remove (self->activities, position);
        }
      else if (g_strcmp0 (bl_activity_get_date (item), bl_activity_get_date (saved)) == 0 &&
               g_strcmp0 (bl_activity_get_start_time (item), bl_activity_get_start_time (saved)) == 0)
        {
          bl_activity_assign (item, saved);
          g_list_store_splice (self->activities, position, 1, (gpointer *) &item, 1);
        }
      else
        {
          g_list_store_remove (self->activities, position);
          bl_activity_assign (item, saved);
          g_list_store_insert_sorted (self->activities, item, compare_activities, NULL);
        }
      return;
    }
  if (saved == NULL)
    return;

  {
    g_autoptr(BlActivity) copy = bl_activity_copy (saved);
    gint64 *key = g_new (gint64, 1);

    *key = id;
    g_hash_table_insert (self->activity_items, key, copy);
    g_list_store_insert_sorted (self->activities, copy, compare_activities, NULL);
  }
}

static void
list_update_free (gpointer data)
{
  ListUpdate *update = data;

  g_clear_object (&update->record);
  g_free (update);
}

static void
queue_update (BlStoreLists *self,
              BlChange      list,
              gpointer      record,
              gint64        id)
{
  ListUpdate *update;

  if (self->reload & list)
    {
      g_clear_object (&record);
      return;
    }
  if (self->updates->len >= MAX_LIST_UPDATES)
    {
      for (guint i = 0; i < self->updates->len; i++)
        self->reload |= ((ListUpdate *) g_ptr_array_index (self->updates, i))->list;
      self->reload |= list;
      g_ptr_array_set_size (self->updates, 0);
      g_clear_object (&record);
      return;
    }
  update = g_new0 (ListUpdate, 1);
  update->list = list;
  update->record = record;
  update->id = id;
  g_ptr_array_add (self->updates, update);
}

void
bl_store_lists_member_saved (BlStoreLists *self,
                             BlMember     *member)
{
  queue_update (self, BL_CHANGE_MEMBERS, bl_member_copy (member), bl_member_get_id (member));
}

void
bl_store_lists_activity_saved (BlStoreLists *self,
                               BlActivity   *activity)
{
  /* Read again whole at the commit (an import): no copy to keep. */
  if (self->reload & BL_CHANGE_ACTIVITIES)
    return;
  queue_update (self, BL_CHANGE_ACTIVITIES, bl_activity_copy (activity), bl_activity_get_id (activity));
}

void
bl_store_lists_activity_deleted (BlStoreLists *self,
                                 gint64        id)
{
  queue_update (self, BL_CHANGE_ACTIVITIES, NULL, id);
}

void
bl_store_lists_reload_later (BlStoreLists *self,
                             BlChange      lists)
{
  self->reload |= lists;
}

/* Transactions */

void
bl_store_lists_begin (BlStoreLists *self)
{
  guint mark = self->updates->len;

  g_array_append_val (self->marks, mark);
}

void
bl_store_lists_commit (BlStoreLists *self)
{
  g_return_if_fail (self->marks->len > 0);

  g_array_set_size (self->marks, self->marks->len - 1);
}

void
bl_store_lists_rollback (BlStoreLists *self)
{
  guint mark;

  g_return_if_fail (self->marks->len > 0);

  /* What the savepoint saved is gone: so are its updates. */
  mark = g_array_index (self->marks, guint, self->marks->len - 1);
  g_array_set_size (self->marks, self->marks->len - 1);
  if (self->updates->len > mark)
    g_ptr_array_set_size (self->updates, mark);
}

void
bl_store_lists_committed (BlStoreLists *self)
{
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GError) error = NULL;
  BlChange reload = self->reload;

  /* Taken out first: whoever hears of a change may save again. */
  updates = g_steal_pointer (&self->updates);
  self->updates = g_ptr_array_new_with_free_func (list_update_free);
  self->reload = BL_CHANGE_NONE;

  for (guint i = 0; i < updates->len; i++)
    {
      ListUpdate *update = g_ptr_array_index (updates, i);

      if (update->list & reload)
        continue;
      if (update->list == BL_CHANGE_MEMBERS)
        apply_member_update (self, update->record);
      else
        apply_activity_update (self, update->id, update->record);
    }
  if (!bl_store_lists_reload (self, reload, &error))
    g_warning ("Cannot reload the ledger's lists: %s", error->message);
}

void
bl_store_lists_rolled_back (BlStoreLists *self)
{
  g_ptr_array_set_size (self->updates, 0);
  self->reload = BL_CHANGE_NONE;
}

/* Life */

GListModel *
bl_store_lists_get_kinds (BlStoreLists *self)
{
  return G_LIST_MODEL (self->kinds);
}

GListModel *
bl_store_lists_get_members (BlStoreLists *self)
{
  return G_LIST_MODEL (self->members);
}

/* Thousands of records, with their counts: read when first asked for (the
 * Activities page), not when the ledger is opened. */
GListModel *
bl_store_lists_get_activities (BlStoreLists *self)
{
  if (!self->activities_loaded)
    {
      g_autoptr(GError) error = NULL;

      self->activities_loaded = TRUE;
      if (!load_activities (self, &error))
        g_warning ("Cannot read the ledger's activities: %s", error->message);
    }
  return G_LIST_MODEL (self->activities);
}

BlKind *
bl_store_lists_find_kind (BlStoreLists *self,
                          const char   *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kinds));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlKind) kind = g_list_model_get_item (G_LIST_MODEL (self->kinds), i);

      if (g_strcmp0 (bl_kind_get_id (kind), id) == 0)
        return kind;  /* the list store keeps it alive */
    }
  return NULL;
}

BlStoreLists *
bl_store_lists_new (BlDb *db)
{
  BlStoreLists *self = g_new0 (BlStoreLists, 1);

  self->db = db;
  self->kinds = g_list_store_new (BL_TYPE_KIND);
  self->members = g_list_store_new (BL_TYPE_MEMBER);
  self->activities = g_list_store_new (BL_TYPE_ACTIVITY);
  self->activity_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->updates = g_ptr_array_new_with_free_func (list_update_free);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
bl_store_lists_free (BlStoreLists *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->updates);
  g_array_unref (self->marks);
  g_hash_table_unref (self->activity_items);
  g_object_unref (self->activities);
  g_object_unref (self->members);
  g_object_unref (self->kinds);
  g_free (self);
}
