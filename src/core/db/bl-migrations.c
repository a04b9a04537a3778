/* bl-migrations.c: the ledger's schema, one forward migration per version */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-db-private.h"
#include "bl-migrations.h"

/* Migration N brings a ledger from version N−1 to N; each runs in one
 * transaction together with its PRAGMA user_version. Never edit a migration
 * once it has shipped: add the next one. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE party_group ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> '')"
  ");"

  "CREATE TABLE member ("
  "  id             INTEGER PRIMARY KEY,"
  "  name           TEXT NOT NULL CHECK (name <> ''),"
  "  group_id       INTEGER REFERENCES party_group (id),"
  "  category       TEXT NOT NULL DEFAULT 'full' CHECK (category IN ('full', 'probationary')),"
  "  role           TEXT NOT NULL DEFAULT 'none' CHECK (role IN ('none', 'secretary', 'deputy',"
  "                   'organization', 'propaganda', 'discipline', 'committee')),"
  "  joined         TEXT CHECK (joined IS NULL OR date(joined) = joined),"
  "  phone          TEXT NOT NULL DEFAULT '',"
  "  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'transferred')),"
  "  transferred_on TEXT CHECK (transferred_on IS NULL OR date(transferred_on) = transferred_on)"
  ");"
  /* A name is unique among active members. */
  "CREATE UNIQUE INDEX member_active_name ON member (name) WHERE status = 'active';"

  /* Committee roles over time: who was secretary on a given day. */
  "CREATE TABLE role_term ("
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  role      TEXT NOT NULL,"
  "  start_date TEXT NOT NULL CHECK (date(start_date) = start_date),"
  "  end_date   TEXT CHECK (end_date IS NULL OR date(end_date) = end_date)"
  ");"
  "CREATE INDEX role_term_role ON role_term (role, start_date);"

  "CREATE TABLE activity_kind ("
  "  id      TEXT PRIMARY KEY CHECK (id <> ''),"
  "  name    TEXT NOT NULL,"
  "  builtin INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO activity_kind (id, name, builtin) VALUES"
  "  ('general-meeting', '支部党员大会', 1), ('committee-meeting', '支部委员会', 1),"
  "  ('group-meeting', '党小组会', 1), ('party-lecture', '党课', 1), ('theme-day', '主题党日', 1),"
  "  ('study-session', '理论学习', 1), ('life-meeting', '组织生活会', 1),"
  "  ('member-review', '民主评议党员', 1), ('heart-talk', '谈心谈话', 1), ('other', '其他', 1);"

  "CREATE TABLE activity ("
  "  id          INTEGER PRIMARY KEY,"
  "  kind        TEXT NOT NULL REFERENCES activity_kind (id),"
  "  status      TEXT NOT NULL CHECK (status IN ('planned', 'held')),"
  "  date        TEXT NOT NULL CHECK (date(date) = date),"
  "  start_time  TEXT,"
  "  end_time    TEXT,"
  "  location    TEXT NOT NULL DEFAULT '',"
  "  host        TEXT NOT NULL DEFAULT '',"
  "  recorder    TEXT NOT NULL DEFAULT '',"
  "  lecturer    TEXT NOT NULL DEFAULT '',"
  "  group_id    INTEGER REFERENCES party_group (id),"
  "  topic       TEXT NOT NULL CHECK (topic <> ''),"
  "  first_topic INTEGER NOT NULL DEFAULT 0,"
  "  content     TEXT NOT NULL DEFAULT '',"
  "  resolutions TEXT NOT NULL DEFAULT '',"
  "  guests      TEXT NOT NULL DEFAULT '',"
  "  created     TEXT NOT NULL DEFAULT (datetime('now')),"
  "  modified    TEXT NOT NULL DEFAULT (datetime('now'))"
  ");"
  "CREATE INDEX activity_date ON activity (date);"
  "CREATE INDEX activity_kind_date ON activity (kind, date);"

  "CREATE TABLE attendance ("
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  member_id   INTEGER NOT NULL REFERENCES member (id),"
  "  state       TEXT NOT NULL CHECK (state IN ('present', 'leave', 'absent')),"
  "  reason      TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (activity_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX attendance_member ON attendance (member_id, activity_id);"

  "CREATE TABLE tag ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> '')"
  ");"
  "CREATE TABLE activity_tag ("
  "  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  tag_id      INTEGER NOT NULL REFERENCES tag (id),"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (activity_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX activity_tag_tag ON activity_tag (tag_id, activity_id);"

  /* Rule packs: the built-in ones live in the program's resources; imported
   * ones are kept here whole, so the ledger carries the rules it was judged by. */
  "CREATE TABLE rule_pack ("
  "  id       TEXT PRIMARY KEY,"
  "  name     TEXT NOT NULL,"
  "  content  TEXT NOT NULL,"
  "  imported TEXT NOT NULL DEFAULT (datetime('now'))"
  ") WITHOUT ROWID;"
  "CREATE TABLE rule_pack_enabled (pack_id TEXT PRIMARY KEY) WITHOUT ROWID;"
  "INSERT INTO rule_pack_enabled (pack_id) VALUES ('standard');"
  "CREATE TABLE rule_disabled (rule_id TEXT PRIMARY KEY) WITHOUT ROWID;"

  /* Reminders: what was sent on which day, and what the user decided. */
  "CREATE TABLE reminder_log ("
  "  key     TEXT NOT NULL,"
  "  day     TEXT NOT NULL,"
  "  sent_at TEXT NOT NULL,"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (key, day)"
  ") WITHOUT ROWID;"
  "CREATE TABLE reminder_state ("
  "  key           TEXT PRIMARY KEY,"
  "  dismissed     INTEGER NOT NULL DEFAULT 0,"
  "  snoozed_until TEXT"
  ") WITHOUT ROWID;",

  /* 1 → 2: a member's committee role lives in one place, role_term. The
   * current role is the term left open (at most one per member); the copy
   * in member.role, kept in step by hand until now, goes. Where the two
   * disagree, member.role (what the window showed) wins from today. */
  /* An open term for a role the member no longer holds ends today. */
  "UPDATE role_term SET end_date = max(start_date, date('now', 'localtime'))"
  "  WHERE end_date IS NULL"
  "    AND role <> (SELECT m.role FROM member m WHERE m.id = role_term.member_id);"
  /* Of several open terms, the latest stays open; each earlier one ends
   * where the next begins. */
  "UPDATE role_term SET end_date = ("
  "    SELECT min(later.start_date) FROM role_term later"
  "     WHERE later.member_id = role_term.member_id AND later.end_date IS NULL"
  "       AND (later.start_date, later.rowid) > (role_term.start_date, role_term.rowid))"
  "  WHERE end_date IS NULL AND EXISTS ("
  "    SELECT 1 FROM role_term later"
  "     WHERE later.member_id = role_term.member_id AND later.end_date IS NULL"
  "       AND (later.start_date, later.rowid) > (role_term.start_date, role_term.rowid));"
  /* A role with no open term: held all along when the member has no
   * history at all, else from today. */
  "INSERT INTO role_term (member_id, role, start_date)"
  "  SELECT m.id, m.role,"
  "         CASE WHEN EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id)"
  "              THEN date('now', 'localtime') ELSE '1900-01-01' END"
  "    FROM member m"
  "   WHERE m.role <> 'none'"
  "     AND NOT EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id AND t.end_date IS NULL);"
  "CREATE UNIQUE INDEX role_term_open ON role_term (member_id) WHERE end_date IS NULL;"
  "ALTER TABLE member DROP COLUMN role;",

  /* 2 → 3: where a member went, party group leaders over time, the day the
   * ledger's history starts, and the secretary as one thing. */
  /* 转往: free text, kept only for a transferred member. */
  "ALTER TABLE member ADD COLUMN transferred_to TEXT NOT NULL DEFAULT '';"
  /* 党小组组长 with its history, like role_term: the record of an old group
   * meeting names whoever led the group that day. Apart from role_term,
   * because a group leader may also sit on the committee, and role_term
   * says who is expected at committee meetings. */
  "CREATE TABLE group_leader_term ("
  "  group_id   INTEGER NOT NULL REFERENCES party_group (id) ON DELETE CASCADE,"
  "  member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  start_date TEXT NOT NULL CHECK (date(start_date) = start_date),"
  "  end_date   TEXT CHECK (end_date IS NULL OR date(end_date) = end_date)"
  ");"
  "CREATE UNIQUE INDEX group_leader_open ON group_leader_term (group_id) WHERE end_date IS NULL;"
  "CREATE INDEX group_leader_member ON group_leader_term (member_id);"
  /* 建账日期: a ledger with records starts on the first day of the month of
   * its earliest one (periods before it were never kept here, so they are
   * not missed), or of this month when all of them are planned for later.
   * A ledger without records gets the first day of the month it is next
   * opened in, from the store, which knows what day it is. */
  "INSERT INTO setting (key, value)"
  "  SELECT 'start-date', strftime('%Y-%m-01', min((SELECT min(date) FROM activity), date('now', 'localtime')))"
  "   WHERE EXISTS (SELECT 1 FROM activity);"
  /* The free-text secretary setting goes: the secretary is the member who
   * holds 书记. When nobody does and the setting names an active member
   * without a role, that member becomes secretary (all along when they have
   * no role history, else from today). A name that matches nobody is left
   * where it was, unread, so that nothing typed is lost. */
  "INSERT INTO role_term (member_id, role, start_date)"
  "  SELECT m.id, 'secretary',"
  "         CASE WHEN EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id)"
  "              THEN date('now', 'localtime') ELSE '1900-01-01' END"
  "    FROM member m"
  "   WHERE m.status = 'active'"
  "     AND m.name = (SELECT trim(value) FROM setting WHERE key = 'secretary')"
  "     AND NOT EXISTS (SELECT 1 FROM role_term t WHERE t.role = 'secretary' AND t.end_date IS NULL)"
  "     AND NOT EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id AND t.end_date IS NULL);"
  "DELETE FROM setting WHERE key = 'secretary' AND (trim(value) = '' OR trim(value) IN ("
  "    SELECT m.name FROM member m JOIN role_term t ON t.member_id = m.id"
  "     WHERE t.role = 'secretary' AND t.end_date IS NULL));",

  /* 3 → 4: attachments (photos, scans, documents) of an activity. The
   * content lives beside the ledger in <name>-attachments/objects/, one file
   * per SHA-256 (identical files stored once); a row names the file, its
   * place in the record and its caption. */
  "CREATE TABLE attachment ("
  "  id           INTEGER PRIMARY KEY,"
  "  activity_id  INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL DEFAULT 0,"
  "  name         TEXT NOT NULL CHECK (name <> ''),"
  "  caption      TEXT NOT NULL DEFAULT '',"
  "  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),"
  "  size         INTEGER NOT NULL CHECK (size >= 0),"
  "  content_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
  "  added        TEXT NOT NULL DEFAULT (datetime('now')),"
  "  UNIQUE (activity_id, name)"
  ");"
  "CREATE INDEX attachment_sha256 ON attachment (sha256);",

  /* 4 → 5: 应到 and 实到 kept on the activity's row, written with its
   * attendance (bl-activity-repo.c), so that the list of activities is read
   * without a pass over all of their attendance: on a 20-year ledger, six
   * thousand rows against a million. */
  "ALTER TABLE activity ADD COLUMN expected_count INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE activity ADD COLUMN present_count INTEGER NOT NULL DEFAULT 0;"
  "UPDATE activity SET (expected_count, present_count) ="
  "  (SELECT count(*), coalesce(sum(x.state = 'present'), 0) FROM attendance x WHERE x.activity_id = activity.id)"
  "  WHERE EXISTS (SELECT 1 FROM attendance x WHERE x.activity_id = activity.id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BL_MIGRATIONS_COUNT);

const char *
bl_migration_sql (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= G_N_ELEMENTS (migrations), NULL);

  return migrations[to_version - 1];
}

gboolean
bl_migrations_apply (BlDb    *db,
                     GError **error)
{
  gint64 version;

  g_return_val_if_fail (BL_IS_DB (db), FALSE);

  version = bl_db_query_int (db, "PRAGMA user_version", -1);
  if (version < 0)
    return bl_db_set_error (db, sqlite3_extended_errcode (bl_db_get_handle (db)), error);

  for (guint to = (guint) version + 1; to <= BL_MIGRATIONS_COUNT; to++)
    {
      g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                                                  BL_LEDGER_APPLICATION_ID, to);

      if (!bl_db_begin (db, error))
        return FALSE;
      if (!bl_db_exec (db, migrations[to - 1], error) || !bl_db_exec (db, pragmas, error))
        {
          bl_db_rollback (db);
          g_prefix_error (error, _("Cannot update the ledger to format %u: "), to);
          return FALSE;
        }
      if (!bl_db_commit (db, error))
        {
          bl_db_rollback (db);
          return FALSE;
        }
    }
  return TRUE;
}
