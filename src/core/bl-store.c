/* bl-store.c: the ledger the app holds: live lists over the file and the
 * saves that keep them in step; the SQL is in src/core/db */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-activity-check.h"
#include "bl-date.h"
#include "bl-store-private.h"
#include "bl-text.h"
#include "db/bl-activity-repo.h"
#include "db/bl-activity-stream.h"
#include "db/bl-db.h"
#include "db/bl-kind-repo.h"
#include "db/bl-ledger-backup.h"
#include "db/bl-ledger-check.h"
#include "db/bl-ledger-file.h"
#include "db/bl-member-repo.h"
#include "db/bl-migrations.h"
#include "db/bl-setting-repo.h"

G_STATIC_ASSERT (BL_STORE_SCHEMA_VERSION == BL_MIGRATIONS_COUNT);
G_STATIC_ASSERT (BL_STORE_BACKUPS_KEPT == BL_LEDGER_FILE_BACKUPS_KEPT);

struct _BlStore
{
  GObject       parent_instance;

  BlDb         *db;
  BlStoreLists *lists;
  BlClock      *clock;
  GPtrArray    *notices;  /* what opening found that the person should know */
  BlLedgerCheck *check;   /* bl_store_open_deferred()'s, until its outcome is in */
  GError       *check_error;  /* the ledger refused by it */
  gboolean      reload_after_check;  /* another program wrote while it ran */
};

G_DEFINE_FINAL_TYPE (BlStore, bl_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
today_iso (BlStore *self)
{
  return bl_clock_get_today (self->clock);
}

/* Transactions */

gboolean
bl_store_begin (BlStore  *self,
                GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  if (!bl_db_begin (self->db, error))
    return FALSE;
  bl_store_lists_begin (self->lists);
  return TRUE;
}

gboolean
bl_store_commit (BlStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (bl_db_get_depth (self->db) > 0, FALSE);

  /* The outermost commit brings the lists up to date (db_committed_cb). */
  if (!bl_db_commit (self->db, error))
    return FALSE;
  bl_store_lists_commit (self->lists);
  return TRUE;
}

void
bl_store_rollback (BlStore *self)
{
  g_return_if_fail (BL_IS_STORE (self));
  g_return_if_fail (bl_db_get_depth (self->db) > 0);

  bl_store_lists_rollback (self->lists);
  bl_db_rollback (self->db);
}

typedef gboolean (*WriteFunc) (BlStore *self, gpointer record, GError **error);

/* Runs @write as one transaction (a savepoint inside an open one). */
static gboolean
in_transaction (BlStore    *self,
                WriteFunc   write,
                gpointer    record,
                GError    **error)
{
  /* An import in bulk rolls back whole after any failure. */
  if (bl_db_get_bulk (self->db) && bl_db_get_depth (self->db) > 0)
    return write (self, record, error);
  if (!bl_store_begin (self, error))
    return FALSE;
  if (!write (self, record, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* The outermost transaction committed: the lists follow, then the news. */
static void
db_committed_cb (BlStore  *self,
                 BlChange  changes,
                 BlDb     *db)
{
  bl_store_lists_committed (self->lists);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static void
db_rolled_back_cb (BlStore *self,
                   BlDb    *db)
{
  bl_store_lists_rolled_back (self->lists);
}

#define ALL_LISTS (BL_CHANGE_KINDS | BL_CHANGE_MEMBERS | BL_CHANGE_ACTIVITIES)

/* Opening */

/* The checks' outcome put into the connection, waited for if need be:
 * before the first write, or once it is known. */
static void
apply_check (BlStore *self)
{
  gboolean changed = FALSE;

  if (self->check == NULL)
    return;
  bl_db_set_before_write (self->db, NULL, NULL);
  bl_ledger_check_apply (self->check, self->db, self->notices, &changed);
  self->reload_after_check |= changed;
}

static void
db_before_write_cb (BlDb     *db,
                    gpointer  data)
{
  apply_check (BL_STORE (data));
}

/* The checks are over: what another program wrote meanwhile is read, and
 * ::checked told. */
static void
finish_check (BlStore *self)
{
  g_autoptr(BlLedgerCheck) check = NULL;

  if (self->check == NULL)
    return;
  apply_check (self);
  check = g_steal_pointer (&self->check);
  bl_ledger_check_cancel (check);
  if (bl_ledger_check_get_error (check) != NULL)
    self->check_error = g_error_copy (bl_ledger_check_get_error (check));
  else if (self->reload_after_check)
    {
      g_autoptr(GError) error = NULL;

      self->reload_after_check = FALSE;
      if (bl_store_lists_reload (self->lists, ALL_LISTS, &error))
        g_signal_emit (self, signals[CHANGED], 0, BL_CHANGE_ALL);
      else
        g_message (_("Cannot read what another program changed in the ledger: %s"), error->message);
    }
  g_signal_emit (self, signals[CHECKED], 0);
}

static void
check_done_cb (BlStore       *self,
               BlLedgerCheck *check)
{
  finish_check (self);
}

static BlStore *
open_store (const char  *path,
            gboolean     deferred,
            GError     **error)
{
  g_autoptr(BlStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today = NULL;

  self = g_object_new (BL_TYPE_STORE, NULL);
  today = today_iso (self);
  if (deferred)
    self->db = bl_ledger_file_open_deferred (path, today, self->notices, &self->check, error);
  else
    self->db = bl_ledger_file_open (path, today, self->notices, error);
  if (self->db == NULL)
    return NULL;
  /* Until the checks are over, a save waits for them. */
  if (self->check != NULL)
    {
      bl_db_set_before_write (self->db, db_before_write_cb, self);
      g_signal_connect_object (self->check, "done", G_CALLBACK (check_done_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->db, "committed", G_CALLBACK (db_committed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "rolled-back", G_CALLBACK (db_rolled_back_cb), self, G_CONNECT_SWAPPED);
  self->lists = bl_store_lists_new (self->db);
  if (!bl_store_lists_reload (self->lists, ALL_LISTS, &local_error) ||
      !bl_store_ensure_start_date (self, &local_error))
    {
      /* Damage the reading ran into, in the words of the checks, which
       * were to find it: which backup to restore. */
      apply_check (self);
      if (self->check != NULL && bl_ledger_check_get_error (self->check) != NULL)
        g_propagate_error (error, g_error_copy (bl_ledger_check_get_error (self->check)));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  _bl_store_attachments_opened (self, self->notices);
  return g_steal_pointer (&self);
}

BlStore *
bl_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, FALSE, error);
}

BlStore *
bl_store_open_deferred (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, TRUE, error);
}

void
bl_store_start_check (BlStore *self)
{
  g_return_if_fail (BL_IS_STORE (self));

  if (self->check != NULL)
    bl_ledger_check_start (self->check);
}

gboolean
bl_store_is_checking (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return self->check != NULL;
}

void
bl_store_wait_check (BlStore *self)
{
  g_return_if_fail (BL_IS_STORE (self));

  finish_check (self);
}

const GError *
bl_store_get_check_error (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return self->check_error;
}

char *
bl_store_default_path (void)
{
  return bl_ledger_file_default_path ();
}

const char *
bl_store_get_path (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_db_get_path (self->db);
}

char *
bl_store_get_backup_dir (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_ledger_file_backup_dir (bl_db_get_path (self->db));
}

BlClock *
bl_store_get_clock (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return self->clock;
}

void
bl_store_set_clock (BlStore *self,
                    BlClock *clock)
{
  g_return_if_fail (BL_IS_STORE (self));
  g_return_if_fail (clock == NULL || BL_IS_CLOCK (clock));

  if (clock == NULL)
    clock = bl_clock_get_default ();
  g_set_object (&self->clock, clock);
}

BlStoreLists *
bl_store_get_lists (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return self->lists;
}

BlDb *
bl_store_get_db (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return self->db;
}

const char * const *
bl_store_get_notices (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  static const char * const none[] = { NULL };

  /* An empty array may have no storage yet. */
  if (self->notices->len == 0)
    return none;
  return (const char * const *) self->notices->pdata;
}

gboolean
bl_store_is_read_only (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return bl_db_is_read_only (self->db);
}

gboolean
bl_store_restore_backup (BlStore     *self,
                         const char  *backup,
                         char       **kept_aside,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *today = NULL;
  g_autoptr(BlDb) reopened = NULL;
  g_autoptr(GError) reopen_error = NULL;
  gboolean restored, checking;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (bl_db_get_depth (self->db) > 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_BUSY,
                   _("A save is in progress; restore the backup once it is done"));
      return FALSE;
    }

  /* Checks of the file about to be replaced say nothing: it is opened
   * again below, checked first. */
  checking = self->check != NULL;
  if (checking)
    {
      bl_ledger_check_cancel (self->check);
      g_clear_object (&self->check);
      bl_db_set_before_write (self->db, NULL, NULL);
    }

  /* Our own connection must be closed for the file to be replaced; the same
   * BlDb then takes the new one, so the lists go on over it. */
  path = g_strdup (bl_db_get_path (self->db));
  today = today_iso (self);
  bl_db_close (self->db);
  restored = bl_ledger_backup_restore (path, backup, kept_aside, error);
  g_ptr_array_set_size (self->notices, 0);
  reopened = bl_ledger_file_open (path, today, self->notices, restored ? error : &reopen_error);
  if (reopened != NULL)
    bl_db_adopt (self->db, reopened);
  if (checking)
    g_signal_emit (self, signals[CHECKED], 0);
  if (reopened == NULL || !restored)
    return FALSE;
  if (!bl_store_lists_reload (self->lists, ALL_LISTS, error))
    return FALSE;
  _bl_store_attachments_opened (self, self->notices);
  g_signal_emit (self, signals[CHANGED], 0, BL_CHANGE_ALL);
  return TRUE;
}

gboolean
bl_store_restore_backup_file (const char  *path,
                              const char  *backup,
                              char       **kept_aside,
                              GError     **error)
{
  g_return_val_if_fail (path != NULL && backup != NULL, FALSE);

  return bl_ledger_backup_restore (path, backup, kept_aside, error);
}

gboolean
bl_store_check_changed_elsewhere (BlStore  *self,
                                  GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A ledger refused by its checks is read no more. */
  if (self->check_error != NULL || bl_db_get_depth (self->db) > 0 || !bl_db_changed_elsewhere (self->db, error))
    return FALSE;
  if (!bl_store_lists_reload (self->lists, ALL_LISTS, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, BL_CHANGE_ALL);
  return TRUE;
}

gboolean
bl_store_is_empty (BlStore *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  name = bl_store_get_branch_name (self);
  return (name == NULL || *name == '\0') &&
         g_list_model_get_n_items (bl_store_lists_get_members (self->lists)) == 0 &&
         !bl_activity_repo_has_any (self->db);
}

/* Settings */

char *
bl_store_get_setting (BlStore    *self,
                      const char *key)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return bl_setting_repo_get (self->db, key);
}

gboolean
bl_store_set_setting (BlStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!bl_store_begin (self, error))
    return FALSE;
  if (!bl_setting_repo_set (self->db, key, value, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

char *
bl_store_get_branch_name (BlStore *self)
{
  return bl_store_get_setting (self, BL_SETTING_BRANCH_NAME);
}

/* Members */

GListModel *
bl_store_get_members (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_store_lists_get_members (self->lists);
}

/* Straight from the file, so that a transaction sees its own saves (the
 * lists follow only at its commit). */
BlMember *
bl_store_find_member (BlStore *self,
                      gint64   id)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_member_repo_find (self->db, id);
}

BlMember *
bl_store_find_active_member (BlStore    *self,
                             const char *name)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_member_repo_find_active (self->db, name);
}

gboolean
bl_store_check_date (const char  *date,
                     GError     **error)
{
  GDate parsed;

  if (date != NULL && bl_date_parse (date, &parsed))
    return TRUE;
  g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
               _("“%s” is not a date (YYYY-MM-DD)"), date != NULL ? date : "");
  return FALSE;
}

static gboolean
validate_member (BlMember  *member,
                 GError   **error)
{
  const char *joined = bl_member_get_joined (member);
  const char *transferred_on = bl_member_get_transferred_on (member);
  g_autofree char *name = g_strstrip (g_strdup (bl_member_get_name (member)));

  if (*name == '\0')
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A member needs a name"));
      return FALSE;
    }
  return (joined == NULL || bl_store_check_date (joined, error)) &&
         (transferred_on == NULL || bl_store_check_date (transferred_on, error));
}

static gboolean
write_member (BlStore   *self,
              gpointer   record,
              GError   **error)
{
  BlMember *member = record;
  g_autofree char *today = today_iso (self);

  if (!bl_member_repo_save (self->db, member, today, error))
    return FALSE;
  bl_store_lists_member_saved (self->lists, member);
  return TRUE;
}

gboolean
bl_store_save_member (BlStore   *self,
                      BlMember  *member,
                      GError   **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_MEMBER (member), FALSE);

  return validate_member (member, error) && in_transaction (self, write_member, member, error);
}

gboolean
bl_store_set_member_role (BlStore      *self,
                          gint64        member_id,
                          BlMemberRole  role,
                          const char   *since,
                          GError      **error)
{
  g_autoptr(BlMember) member = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  member = bl_store_find_member_or_error (self, member_id, error);
  if (member == NULL)
    return FALSE;
  if (!bl_store_check_date (since, error))
    return FALSE;

  if (!bl_store_begin (self, error))
    return FALSE;
  /* A new secretary changes the old one too: the list reloads. */
  bl_store_lists_reload_later (self->lists, BL_CHANGE_MEMBERS);
  if (!bl_member_repo_set_role (self->db, member_id, role, since, error) || !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_store_save_member_with_role (BlStore     *self,
                                BlMember    *member,
                                const char  *role_since,
                                GError     **error)
{
  gint64 id;
  g_autoptr(BlMember) stored = NULL;
  BlMemberRole role;
  gboolean role_changed;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_MEMBER (member), FALSE);

  id = bl_member_get_id (member);
  role = bl_member_get_role (member);
  if (id != 0)
    {
      stored = bl_store_find_member_or_error (self, id, error);
      if (stored == NULL)
        return FALSE;
    }
  role_changed = stored != NULL && bl_member_get_role (stored) != role;
  if (role_changed && (role_since == NULL || !bl_store_check_date (role_since, NULL)))
    {
      g_set_error_literal (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                           _("Enter the day the new role starts, as YYYY-MM-DD."));
      return FALSE;
    }
  if (!validate_member (member, error) || !bl_store_begin (self, error))
    return FALSE;
  /* The record as it is with its old role; the new one from its day on. */
  if (role_changed)
    bl_member_set_role (member, bl_member_get_role (stored));
  if (!write_member (self, member, error) ||
      (role_changed && !bl_store_set_member_role (self, bl_member_get_id (member), role, role_since, error)) ||
      !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      bl_member_set_id (member, id);
      bl_member_set_role (member, role);
      return FALSE;
    }
  bl_member_set_role (member, role);
  return TRUE;
}

/* Activities */

GListModel *
bl_store_get_activities (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_store_lists_get_activities (self->lists);
}

BlActivity *
bl_store_get_activity (BlStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_activity_repo_find (self->db, id, error);
}

GListModel *
bl_store_load_attendance (BlStore  *self,
                          gint64    activity_id,
                          GError  **error)
{
  g_autoptr(GListStore) attendance = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  attendance = bl_attendance_new ();
  if (!bl_activity_repo_load_attendance (self->db, activity_id, attendance, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&attendance));
}

typedef struct {
  BlActivity             *activity;
  GListModel             *attendance;
  const BlAttendanceMark *marks;     /* instead of @attendance, from an import */
  guint                   n_marks;
} ActivitySave;

static gboolean
write_activity (BlStore   *self,
                gpointer   record,
                GError   **error)
{
  ActivitySave *save = record;

  if ((save->marks != NULL ? !bl_activity_repo_save_marks (self->db, save->activity, save->marks, save->n_marks, error)
                           : !bl_activity_repo_save (self->db, save->activity, save->attendance, error)) ||
      !bl_store_follow_start_date (self, save->activity, error) ||
      !_bl_store_attachments_after_save (self, save->activity, error))
    return FALSE;
  bl_store_lists_activity_saved (self->lists, save->activity);
  return TRUE;
}

gboolean
bl_store_save_activity_as (BlStore                 *self,
                           BlActivity              *activity,
                           GListModel              *attendance,
                           const BlAttendanceMark  *marks,
                           guint                    n_marks,
                           GError                 **error)
{
  ActivitySave save = { activity, attendance, marks, n_marks };
  g_autoptr(GPtrArray) problems = NULL;

  /* What is stored is what is compared: "9:05" is "09:05". */
  bl_activity_normalize (activity);
  problems = bl_activity_check_fields (self, activity);
  return bl_problems_to_error (problems, error) && in_transaction (self, write_activity, &save, error);
}

gboolean
bl_store_save_activity (BlStore     *self,
                        BlActivity  *activity,
                        GListModel  *attendance,
                        GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (BL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (attendance == NULL || G_IS_LIST_MODEL (attendance), FALSE);

  return bl_store_save_activity_as (self, activity, attendance, NULL, 0, error);
}

static gboolean
delete_activity (BlStore   *self,
                 gpointer   record,
                 GError   **error)
{
  gint64 id = *(gint64 *) record;

  if (!_bl_store_attachments_before_delete (self, id, error) || !bl_activity_repo_delete (self->db, id, error))
    return FALSE;
  bl_store_lists_activity_deleted (self->lists, id);
  return TRUE;
}

gboolean
bl_store_delete_activity (BlStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  return in_transaction (self, delete_activity, &id, error);
}

gboolean
bl_store_activity_exists (BlStore    *self,
                          const char *kind,
                          const char *date,
                          const char *start_time,
                          const char *topic,
                          gint64      except_id)
{
  g_autofree char *start = NULL;
  g_autofree char *clean_topic = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  /* Compared in their normal form, as they are stored (the repository
   * normalises what older versions stored as typed). */
  start = start_time != NULL ? bl_time_normalize (start_time) : NULL;
  if (start == NULL && start_time != NULL)
    start = bl_text_strip (start_time);
  clean_topic = bl_text_strip (topic);
  return bl_activity_repo_exists (self->db, kind, date, start, clean_topic, except_id);
}

GPtrArray *
bl_store_list_activities_between (BlStore     *self,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_activity_repo_list_between (self->db, from, to, error);
}

GPtrArray *
bl_store_list_planned (BlStore     *self,
                       const char  *until,
                       GError     **error)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_activity_repo_list_planned (self->db, until, error);
}

BlAttendanceTable *
bl_store_load_attendance_between (BlStore     *self,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error)
{
  g_autoptr(BlAttendanceTable) table = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  table = bl_attendance_table_new ();
  if (!bl_activity_repo_load_attendance_between (self->db, from, to, table, error))
    return NULL;
  return g_steal_pointer (&table);
}

char *
bl_store_get_first_activity_date (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_activity_repo_first_date (self->db);
}

/* GObject */

static void
bl_store_finalize (GObject *object)
{
  BlStore *self = BL_STORE (object);

  /* A check under way is stopped, not left behind. */
  if (self->check != NULL)
    bl_ledger_check_cancel (self->check);
  g_clear_object (&self->check);
  g_clear_error (&self->check_error);
  g_clear_pointer (&self->lists, bl_store_lists_free);
  g_clear_object (&self->db);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->notices, g_ptr_array_unref);

  G_OBJECT_CLASS (bl_store_parent_class)->finalize (object);
}

static void
bl_store_class_init (BlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_store_finalize;

  /**
   * BlStore::changed:
   * @changes: what the committed writes changed (BlChange flags)
   *
   * Emitted once after each outermost commit that changed the ledger, after
   * the lists have followed; with BL_CHANGE_ALL when another program wrote
   * (bl_store_check_changed_elsewhere()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, BL_TYPE_CHANGE);
  /**
   * BlStore::checked:
   *
   * Emitted once the checks of bl_store_open_deferred() are over, on the
   * main context: the ledger is writable, read-only (the notices say why)
   * or refused (bl_store_get_check_error()).
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bl_store_init (BlStore *self)
{
  self->clock = g_object_ref (bl_clock_get_default ());
  self->notices = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}
