/* bl-store.h: the ledger the app holds: one SQLite file behind live lists
 * and the saves the windows, the command line and the imports use. The SQL
 * lives below it, in src/core/db. */
#pragma once

#include <gio/gio.h>

#include "bl-activity.h"
#include "bl-attendance-table.h"
#include "bl-change.h"
#include "bl-clock.h"
#include "bl-kind.h"
#include "bl-member.h"
#include "bl-store-error.h"

G_BEGIN_DECLS

/* The schema version this build writes. */
#define BL_STORE_SCHEMA_VERSION 2
/* Backups kept in backups/ beside the ledger. */
#define BL_STORE_BACKUPS_KEPT 14

#define BL_TYPE_STORE (bl_store_get_type ())
G_DECLARE_FINAL_TYPE (BlStore, bl_store, BL, STORE, GObject)

/* $XDG_DATA_HOME/branch-ledger/ledger.db, or $BRANCH_LEDGER_DB when set. */
char        *bl_store_default_path       (void);

/* Opens (creating when missing) the ledger at @path. A file that is not a
 * ledger, is damaged, or has a newer schema is refused and left untouched.
 * The first open of each day writes a backup into backups/ beside it. */
BlStore     *bl_store_open               (const char  *path,
                                          GError     **error);
const char  *bl_store_get_path           (BlStore     *self);
char        *bl_store_get_backup_dir     (BlStore     *self);

/* The clock the store asks what day it is: a held activity cannot be dated
 * after today, a role change through bl_store_save_member() takes effect
 * today. bl_clock_get_default() unless set (the daily backup at opening is
 * named by that one). */
BlClock     *bl_store_get_clock          (BlStore     *self);
void         bl_store_set_clock          (BlStore     *self,
                                          BlClock     *clock);

/* The connection, for src/core's own computations (quota, rules, reminders,
 * statistics): the repositories in src/core/db take it. */
typedef struct _BlDb BlDb;
BlDb        *bl_store_get_db             (BlStore     *self);

/* Whether another program (or another window's store) wrote to the ledger
 * since the last call. When it did, the lists are reloaded and ::changed is
 * emitted with BL_CHANGE_ALL. Outside a transaction only (FALSE inside). */
gboolean     bl_store_check_changed_elsewhere (BlStore  *self,
                                          GError     **error);

/* TRUE for a new ledger: no branch name, no members and no activities. */
gboolean     bl_store_is_empty           (BlStore     *self);

/* Transactions nest (savepoints inside): the outermost is BEGIN IMMEDIATE.
 * Each public save below is one transaction of its own when none is open.
 * BlStore::changed is emitted once the outermost one commits, with what
 * changed (BlChange), after the lists below have followed. */
gboolean     bl_store_begin              (BlStore     *self,
                                          GError     **error);
gboolean     bl_store_commit             (BlStore     *self,
                                          GError     **error);
void         bl_store_rollback           (BlStore     *self);
/* Around a transaction that writes thousands of rows (an import): its
 * changes are held in memory until the commit instead of written to the
 * file again and again, and the saves inside it open no savepoint each
 * (the many pages one save touches are not copied aside), so that a save
 * that fails leaves the transaction to be rolled back whole, not
 * committed. Calls nest; FALSE ends one. */
void         bl_store_set_bulk           (BlStore     *self,
                                          gboolean     bulk);
/* Inside a transaction about to add most of the ledger's attendance (a
 * 20-year import into a new ledger): the attendance index by member is
 * dropped and made again whole when that transaction commits (a rollback
 * brings it back as it was), which costs a fraction of keeping a million
 * entries in order one by one. */
gboolean     bl_store_defer_attendance_index (BlStore *self,
                                          GError     **error);

/* Key/value settings kept in the ledger (branch name, secretary, reminder log…). */
char        *bl_store_get_setting        (BlStore     *self,
                                          const char  *key);
gboolean     bl_store_set_setting        (BlStore     *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);
#define BL_SETTING_BRANCH_NAME "branch-name"
#define BL_SETTING_SECRETARY   "secretary"
char        *bl_store_get_branch_name    (BlStore     *self);

/* Party groups, by name, sorted. */
GStrv        bl_store_list_groups        (BlStore     *self);
gboolean     bl_store_ensure_group       (BlStore     *self,
                                          const char  *name,
                                          GError     **error);

/* Kinds (BlKind): the built-in ones first, then custom ones. Live model. */
GListModel  *bl_store_get_kinds          (BlStore     *self);
gboolean     bl_store_add_kind           (BlStore     *self,
                                          const char  *id,
                                          const char  *name,
                                          GError     **error);
/* Whether the ledger has this kind, custom kinds added in an open transaction included. */
gboolean     bl_store_has_kind           (BlStore     *self,
                                          const char  *id);
/* Display name of a kind id (the id itself when unknown). */
const char  *bl_store_get_kind_name      (BlStore     *self,
                                          const char  *id);
/* A kind id from an id, a built-in Chinese or translated name, or a custom name. */
const char  *bl_store_lookup_kind        (BlStore     *self,
                                          const char  *id_or_name);

/* Members (BlMember), transferred ones included, by group then name. Live model. */
GListModel  *bl_store_get_members        (BlStore     *self);
/* Every member as the file holds them, transferred ones too, in no
 * particular order: inside a transaction, with what it saved (the live
 * list follows only at the commit). */
GPtrArray   *bl_store_list_members       (BlStore     *self,
                                          GError     **error);
BlMember    *bl_store_find_member        (BlStore     *self,
                                          gint64       id);
BlMember    *bl_store_find_active_member (BlStore     *self,
                                          const char  *name);
/* Inserts (id 0: the new id is set on @member) or updates. */
gboolean     bl_store_save_member        (BlStore     *self,
                                          BlMember    *member,
                                          GError     **error);
/* Sets a member's committee role from a date on, keeping the history that
 * "who was secretary on that day" needs. */
gboolean     bl_store_set_member_role    (BlStore     *self,
                                          gint64       member_id,
                                          BlMemberRole role,
                                          const char  *since,
                                          GError     **error);
/* The member who was secretary on @date (0 when nobody). */
gint64       bl_store_get_secretary_on   (BlStore     *self,
                                          const char  *date);
/* How many active members hold @role now. */
guint        bl_store_count_role         (BlStore     *self,
                                          BlMemberRole role);
gboolean     bl_store_transfer_member    (BlStore     *self,
                                          gint64       member_id,
                                          const char  *date,
                                          GError     **error);
/* The members expected at an activity of @kind on @date (应到): all active
 * members; the group's for group meetings; the committee for committee
 * meetings. Sorted by group, then name. */
GPtrArray   *bl_store_expected_members   (BlStore     *self,
                                          const char  *kind,
                                          const char  *group,
                                          const char  *date);

/* Activities (BlActivity: the record and its 应到/实到 counts), newest
 * first. Live model: a save inserts, moves or replaces (items-changed
 * (pos, 1, 1)) the one item; a delete removes it. */
GListModel  *bl_store_get_activities     (BlStore     *self);
/* A fresh copy of one activity, or NULL. */
BlActivity  *bl_store_get_activity       (BlStore     *self,
                                          gint64       id,
                                          GError     **error);
/* The attendance of one activity: a new list (GListModel of BlAttendee,
 * by group then name) read from the file, or NULL on an error. */
GListModel  *bl_store_load_attendance    (BlStore     *self,
                                          gint64       activity_id,
                                          GError     **error);
/* Validates and saves an activity with its tags and, unless @attendance is
 * NULL (which keeps the stored attendance), its attendance (BlAttendee), in
 * one transaction. id 0 inserts and sets the new id; an id that no longer
 * exists inserts with that id (undo of a delete). The counts on @activity
 * follow what was saved. */
gboolean     bl_store_save_activity      (BlStore     *self,
                                          BlActivity  *activity,
                                          GListModel  *attendance,
                                          GError     **error);
/* The same with the attendance as plain rows (of each mark only its
 * member_id, state and reason are read): what an import of thousands of
 * activities saves, without an object per row. */
gboolean     bl_store_save_activity_marks (BlStore    *self,
                                          BlActivity  *activity,
                                          const BlAttendanceMark *marks,
                                          guint        n_marks,
                                          GError     **error);
gboolean     bl_store_delete_activity    (BlStore     *self,
                                          gint64       id,
                                          GError     **error);
/* Whether an activity equal in kind, date, start and topic exists (other than @except_id). */
gboolean     bl_store_activity_exists    (BlStore     *self,
                                          const char  *kind,
                                          const char  *date,
                                          const char  *start_time,
                                          const char  *topic,
                                          gint64       except_id);
/* What bl_store_activity_exists() compares (kind, date, start, topic) as
 * one string, and the set of it for every activity in the file (with what
 * an open transaction saved): an import's duplicate check in one query. */
char        *bl_store_activity_key       (const char  *kind,
                                          const char  *date,
                                          const char  *start_time,
                                          const char  *topic);
GHashTable  *bl_store_list_activity_keys (BlStore     *self,
                                          GError     **error);
/* Activities dated from @from to @to inclusive (either NULL for open),
 * ascending by date and start, with their counts. */
GPtrArray   *bl_store_list_activities_between (BlStore    *self,
                                          const char  *from,
                                          const char  *to,
                                          GError     **error);
/* The attendance of the activities dated from @from to @to (either NULL for
 * open), for reports and exports: one query, plain rows by activity, each
 * activity's by group then name. */
BlAttendanceTable *bl_store_load_attendance_between (BlStore *self,
                                          const char  *from,
                                          const char  *to,
                                          GError     **error);
/* Date of the earliest activity, or NULL. */
char        *bl_store_get_first_activity_date (BlStore   *self);

G_END_DECLS
