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
#define BL_STORE_SCHEMA_VERSION 5
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
/* The same for a window, which paints before the file's contents are
 * checked: an existing ledger of this format that can be written is read at
 * once, while PRAGMA quick_check (integrity_check on the first open of a
 * day) and then the daily backup run in a worker thread, from
 * bl_store_start_check() on (the window's first frame, which they would
 * slow down). Until they are over (bl_store_is_checking()), every save
 * waits for them (and runs them, if they were not started): nothing is
 * written to a file not known whole. Their outcome comes on the main
 * context as ::checked: the ledger writable; read-only, the person told why
 * in the notices (bl_store_get_notices()), as after a failed integrity
 * check at bl_store_open(); or refused as damaged (bl_store_get_check_error()),
 * when nothing can be read or saved any more. Any other ledger is opened as
 * bl_store_open() opens it. */
BlStore     *bl_store_open_deferred      (const char  *path,
                                          GError     **error);
/* Starts the checks of bl_store_open_deferred() in their thread, unless
 * they are started or over. */
void         bl_store_start_check        (BlStore     *self);
/* Whether the checks of bl_store_open_deferred() are not over yet. */
gboolean     bl_store_is_checking        (BlStore     *self);
/* Waits for those checks, and emits ::checked if it was not yet. */
void         bl_store_wait_check         (BlStore     *self);
/* Why the checks refused the ledger as damaged (it was then closed), or NULL. */
const GError *bl_store_get_check_error   (BlStore     *self);
const char  *bl_store_get_path           (BlStore     *self);
/* What opening the ledger found that the person should be told, as
 * sentences in their language (NULL-terminated, possibly empty): the ledger
 * opened read-only and why, a damaged log kept aside, permissions tightened,
 * today's backup not written. The command line prints them on stderr; the
 * window shows them. */
const char * const *bl_store_get_notices (BlStore    *self);
/* Whether the ledger opened read-only (a read-only file or folder, or a
 * failed integrity check): reading works, every save fails with
 * BL_STORE_ERROR_READ_ONLY and says why. */
gboolean     bl_store_is_read_only       (BlStore     *self);
/* Puts the backup file @backup in place of this ledger (see
 * bl_ledger_backup_restore(): checked first, the current ledger and its
 * -wal kept aside in the backups folder, *@kept_aside its path) and goes on
 * with it: the lists reload and ::changed is emitted with BL_CHANGE_ALL.
 * Outside a transaction. On failure the ledger is as it was, still open. */
gboolean     bl_store_restore_backup     (BlStore     *self,
                                          const char  *backup,
                                          char       **kept_aside,
                                          GError     **error);
/* The same for the ledger at @path when no store has it open (it may be one
 * that is refused): BL_STORE_ERROR_INVALID for a backup that is no good,
 * BL_STORE_ERROR_BUSY while another program has the ledger open. */
gboolean     bl_store_restore_backup_file (const char *path,
                                          const char  *backup,
                                          char       **kept_aside,
                                          GError     **error);
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
/* Before the transaction of an import that writes most of the ledger's
 * rows: its foreign keys are checked once, the whole ledger's, when it
 * commits (see bl_db_check_keys_at_commit()), rather than for each row.
 * For the next outermost transaction, which must delete no activity or
 * member. */
void         bl_store_check_keys_at_commit (BlStore *self);
/* How many activities the ledger holds, without reading them. */
guint        bl_store_count_activities   (BlStore     *self);

/* Key/value settings kept in the ledger (branch name, reminder log…). The
 * secretary is no setting: it is the member holding 书记 (bl_store_get_secretary()). */
char        *bl_store_get_setting        (BlStore     *self,
                                          const char  *key);
gboolean     bl_store_set_setting        (BlStore     *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);
#define BL_SETTING_BRANCH_NAME "branch-name"
char        *bl_store_get_branch_name    (BlStore     *self);

/* The day the ledger's history starts (建账日期), "YYYY-MM-DD". A quota
 * period that ends before it was never kept in this ledger: it is neither
 * evaluated nor missed; the period that contains it counts as usual. A new
 * ledger starts on the first day of the month it is created in. Until the
 * user sets it, it follows the records: saving a held activity dated before
 * it moves it back to the first day of that activity's month. */
char        *bl_store_get_start_date     (BlStore     *self);
/* Whether the user set the start date (then records never move it). */
gboolean     bl_store_get_start_date_set_by_user (BlStore *self);
/* Sets the start date as the user's choice: a date (YYYY-MM-DD) no later
 * than today. A bad date is refused with a message and changes nothing. */
gboolean     bl_store_set_start_date     (BlStore     *self,
                                          const char  *date,
                                          GError     **error);

/* Party groups, by name, in the groups' order (bl-group-order.h). */
GStrv        bl_store_list_groups        (BlStore     *self);
/* Whether the ledger has a party group of exactly that name, groups added
 * in an open transaction included. */
gboolean     bl_store_has_group          (BlStore     *self,
                                          const char  *name);
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

/* Members (BlMember), transferred ones included, in the members' order
 * (bl-group-order.h: group, committee role, name). Live model. */
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
/* Saves @member with its committee role, as the member editor does: a new
 * member (id 0) holds bl_member_get_role() from the start; an existing one
 * whose role differs from the stored one holds the new role from
 * @role_since ("YYYY-MM-DD", required then), and a new secretary ends the
 * previous one's term that day. The party group is created when new. One
 * transaction: on failure nothing is written and a new member keeps id 0. */
gboolean     bl_store_save_member_with_role (BlStore  *self,
                                          BlMember    *member,
                                          const char  *role_since,
                                          GError     **error);
/* The member who was secretary on @date (0 when nobody). */
gint64       bl_store_get_secretary_on   (BlStore     *self,
                                          const char  *date);
/* The secretary: the member holding 书记 on @date (NULL: today), or NULL. */
BlMember    *bl_store_get_secretary      (BlStore     *self,
                                          const char  *date);
/* How many active members hold @role now. */
guint        bl_store_count_role         (BlStore     *self,
                                          BlMemberRole role);
/* Transfers a member out on @date (YYYY-MM-DD), keeping the destination. */
gboolean     bl_store_transfer_member    (BlStore     *self,
                                          gint64       member_id,
                                          const char  *date,
                                          GError     **error);
/* Marks a member transferred out (转出) on @date, or corrects the day and
 * the destination of a transfer already recorded. @date NULL: the day is not
 * known, and the member is then expected at no meeting at all. @destination
 * (转往): NULL keeps what is recorded, "" clears it. A day before the member
 * joined is refused. */
gboolean     bl_store_set_transfer       (BlStore     *self,
                                          gint64       member_id,
                                          const char  *date,
                                          const char  *destination,
                                          GError     **error);
/* Undoes a transfer: the member is active again (day and destination
 * cleared). Refused when an active member has the same name. */
gboolean     bl_store_undo_transfer      (BlStore     *self,
                                          gint64       member_id,
                                          GError     **error);
/* While BlStore::changed is emitted for a commit of this program: the
 * members whose attendance the commit may have changed (a set of gint64*,
 * perhaps empty: saves and deletes of activities say whose). NULL when
 * unknown: an import in bulk, another program's write, a reload. */
GHashTable  *bl_store_get_changed_members (BlStore   *self);
/* Whether any activity records the member's attendance. */
gboolean     bl_store_member_has_attendance (BlStore  *self,
                                          gint64       member_id);
/* Deletes a member entered by mistake, with their roles. A member whose
 * attendance is on record is refused (BL_STORE_ERROR_IN_USE): transfer them
 * out instead, the records keep them. */
gboolean     bl_store_delete_member      (BlStore     *self,
                                          gint64       member_id,
                                          GError     **error);
/* Makes @member_id (0: nobody) the leader of @group (党小组组长) from @since
 * on, ending the previous leader's term that day. @since NULL: all along
 * when the group never had a leader (its earlier records name them too),
 * else from today. The member must be active and in @group; a member leads
 * one group at most, and stops leading it on moving to another group or
 * being transferred out. BlMember:group-leader follows. */
gboolean     bl_store_set_group_leader   (BlStore     *self,
                                          const char  *group,
                                          gint64       member_id,
                                          const char  *since,
                                          GError     **error);
/* Who led @group on @date (printed on the group's records), or NULL. */
BlMember    *bl_store_get_group_leader_on (BlStore    *self,
                                          const char  *group,
                                          const char  *date);
/* The members expected at an activity of @kind on @date (应到): all active
 * members; the group's for group meetings; the committee for committee
 * meetings. In the members' order (bl-group-order.h). */
GPtrArray   *bl_store_expected_members   (BlStore     *self,
                                          const char  *kind,
                                          const char  *group,
                                          const char  *date);

/* Activities (BlActivity: the record and its 应到/实到 counts), newest
 * first. Live model: a save inserts, moves or replaces (items-changed
 * (pos, 1, 1)) the one item; a delete removes it. Read from the file the
 * first time it is asked for, not when the ledger opens. */
GListModel  *bl_store_get_activities     (BlStore     *self);
/* A fresh copy of one activity, or NULL. */
BlActivity  *bl_store_get_activity       (BlStore     *self,
                                          gint64       id,
                                          GError     **error);
/* The attendance of one activity: a new list (GListModel of BlAttendee, in
 * the members' order) read from the file, or NULL on an error. */
GListModel  *bl_store_load_attendance    (BlStore     *self,
                                          gint64       activity_id,
                                          GError     **error);
/* Normalises (bl_activity_normalize()), validates (bl_activity_check(): the
 * first error is @error) and saves an activity with its tags and, unless
 * @attendance is NULL (which keeps the stored attendance), its attendance
 * (BlAttendee), in one transaction. id 0 inserts and sets the new id; an id that no longer
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
/* Whether an activity equal in kind, date, start and topic exists (other
 * than @except_id), compared in their normal form: "9:05" is "09:05", a
 * topic with a full-width space at its end is the topic without it. */
gboolean     bl_store_activity_exists    (BlStore     *self,
                                          const char  *kind,
                                          const char  *date,
                                          const char  *start_time,
                                          const char  *topic,
                                          gint64       except_id);
/* What bl_store_activity_exists() compares (kind, date, start, topic) as
 * one string, and the set of it for every activity in the file (with what
 * an open transaction saved): an import's duplicate check in one query.
 * *@ids gets the set of their numbers (gint64*). */
char        *bl_store_activity_key       (const char  *kind,
                                          const char  *date,
                                          const char  *start_time,
                                          const char  *topic);
GHashTable  *bl_store_list_activity_keys (BlStore     *self,
                                          GHashTable **ids,
                                          GError     **error);
/* Activities dated from @from to @to inclusive (either NULL for open),
 * ascending by date and start, with their counts. */
GPtrArray   *bl_store_list_activities_between (BlStore    *self,
                                          const char  *from,
                                          const char  *to,
                                          GError     **error);
/* The activities of bl_store_list_activities_between() one at a time, each
 * with its attendance, all as the ledger was when the walk began: an
 * export of a 20-year ledger without its million rows in memory at once.
 * @func must not write to the ledger. */
gboolean     bl_store_foreach_activity   (BlStore             *self,
                                          const char          *from,
                                          const char          *to,
                                          BlActivityMarksFunc  func,
                                          gpointer             user_data,
                                          GError             **error);
/* Planned activities dated up to @until (NULL: all; undated ones never),
 * soonest first, with their counts: without reading the whole list. */
GPtrArray   *bl_store_list_planned       (BlStore     *self,
                                          const char  *until,
                                          GError     **error);
/* The attendance of the activities dated from @from to @to (either NULL for
 * open), for reports and exports: one query, plain rows by activity, each
 * activity's in the members' order. */
BlAttendanceTable *bl_store_load_attendance_between (BlStore *self,
                                          const char  *from,
                                          const char  *to,
                                          GError     **error);
/* Date of the earliest activity, or NULL. */
char        *bl_store_get_first_activity_date (BlStore   *self);

G_END_DECLS
