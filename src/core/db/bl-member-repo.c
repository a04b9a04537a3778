/* bl-member-repo.c: members in the ledger, with their party groups and
 * committee role terms (a member's current role is its open term) */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-collation.h"
#include "bl-db-private.h"
#include "bl-member-repo.h"

static const char * const role_ids[] = {
  "none", "secretary", "deputy", "organization", "propaganda", "discipline", "committee",
};

/* The open term (role_term_open: at most one per member) is the current role. */
#define MEMBER_COLUMNS \
  "m.id, m.name, coalesce(g.name, ''), m.category, coalesce(r.role, 'none'), m.joined, m.phone, " \
  "m.status, m.transferred_on, m.transferred_to, " \
  "EXISTS (SELECT 1 FROM group_leader_term l WHERE l.member_id = m.id AND l.end_date IS NULL)"
#define MEMBER_FROM \
  "FROM member m LEFT JOIN party_group g ON g.id = m.group_id " BL_SQL_JOIN_OPEN_ROLE

static const char *
role_to_id (BlMemberRole role)
{
  return role <= BL_MEMBER_ROLE_COMMITTEE ? role_ids[role] : "none";
}

BlMemberRole
bl_member_repo_role_from_text (const char *text,
                               gsize       length)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (role_ids); i++)
    if (strlen (role_ids[i]) == length && memcmp (role_ids[i], text, length) == 0)
      return (BlMemberRole) i;
  return BL_MEMBER_ROLE_NONE;
}

static BlMemberRole
role_from_id (const char *id)
{
  return bl_member_repo_role_from_text (id, id != NULL ? strlen (id) : 0);
}

static gpointer
member_from_row (sqlite3_stmt *stmt)
{
  BlMember *member = bl_member_new (bl_db_column_text (stmt, 1));

  bl_member_set_id (member, sqlite3_column_int64 (stmt, 0));
  bl_member_set_group (member, bl_db_column_text (stmt, 2));
  bl_member_set_category (member, g_strcmp0 (bl_db_column_text (stmt, 3), "probationary") == 0
                                  ? BL_MEMBER_CATEGORY_PROBATIONARY : BL_MEMBER_CATEGORY_FULL);
  bl_member_set_role (member, role_from_id (bl_db_column_text (stmt, 4)));
  bl_member_set_joined (member, bl_db_column_text (stmt, 5));
  bl_member_set_phone (member, bl_db_column_text (stmt, 6));
  bl_member_set_status (member, g_strcmp0 (bl_db_column_text (stmt, 7), "transferred") == 0
                                ? BL_MEMBER_STATUS_TRANSFERRED : BL_MEMBER_STATUS_ACTIVE);
  bl_member_set_transferred_on (member, bl_db_column_text (stmt, 8));
  bl_member_set_transferred_to (member, bl_db_column_text (stmt, 9));
  bl_member_set_group_leader (member, sqlite3_column_int (stmt, 10) != 0);
  return member;
}

GPtrArray *
bl_member_repo_list (BlDb    *db,
                     GError **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT " MEMBER_COLUMNS " " MEMBER_FROM
                                      "ORDER BY " BL_SQL_MEMBER_ORDER, error);

  if (stmt == NULL || !bl_db_collect (db, stmt, member_from_row, members, error))
    return NULL;
  return g_steal_pointer (&members);
}

static BlMember *
query_member (BlDb       *db,
              const char *sql,
              gint64      id,
              const char *name)
{
  sqlite3_stmt *stmt = bl_db_prepare (db, sql, NULL);
  BlMember *member = NULL;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    bl_db_bind_text (stmt, 1, name);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    member = member_from_row (stmt);
  sqlite3_reset (stmt);
  return member;
}

BlMember *
bl_member_repo_find (BlDb   *db,
                     gint64  id)
{
  return query_member (db, "SELECT " MEMBER_COLUMNS " " MEMBER_FROM "WHERE m.id = ?1", id, NULL);
}

BlMember *
bl_member_repo_find_active (BlDb       *db,
                            const char *name)
{
  if (name == NULL)
    return NULL;
  return query_member (db, "SELECT " MEMBER_COLUMNS " " MEMBER_FROM "WHERE m.name = ?1 AND m.status = 'active'",
                       0, name);
}

/* Groups */

GStrv
bl_member_repo_list_groups (BlDb *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT name FROM party_group ORDER BY name COLLATE bl_group", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, bl_db_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

gboolean
bl_member_repo_group_id (BlDb        *db,
                         const char  *name,
                         gboolean     create,
                         gint64      *id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;

  stmt = bl_db_prepare (db, "SELECT id FROM party_group WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (*id != 0)
    return TRUE;

  if (!create)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("There is no party group “%s”"), name);
      return FALSE;
    }
  if (!bl_db_run (db, "INSERT INTO party_group (name) VALUES (?1)", name, NULL, error))
    return FALSE;
  *id = bl_db_last_insert_id (db);
  bl_db_note_change (db, BL_CHANGE_GROUPS);
  return TRUE;
}

/* Role terms */

/* Closes @member_id's open role term on @since and opens one for @role. */
static gboolean
record_role (BlDb          *db,
             gint64         member_id,
             BlMemberRole   role,
             const char    *since,
             GError       **error)
{
  sqlite3_stmt *stmt;

  /* A term that would begin on or after @since never was. */
  if (!bl_db_run_for_id (db, "DELETE FROM role_term WHERE member_id = ?1 AND end_date IS NULL AND start_date >= ?2",
                             member_id, since, error))
    return FALSE;

  if (!bl_db_run_for_id (db, "UPDATE role_term SET end_date = ?2 WHERE member_id = ?1 AND end_date IS NULL",
                             member_id, since, error))
    return FALSE;

  if (role == BL_MEMBER_ROLE_NONE)
    return TRUE;
  stmt = bl_db_prepare (db, "INSERT INTO role_term (member_id, role, start_date) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  bl_db_bind_text (stmt, 2, role_to_id (role));
  bl_db_bind_text (stmt, 3, since);
  return bl_db_step_done (db, stmt, error);
}

gboolean
bl_member_repo_set_role (BlDb          *db,
                         gint64         member_id,
                         BlMemberRole   role,
                         const char    *since,
                         GError       **error)
{
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A branch has one secretary: the previous one's term ends that day. */
  if (role == BL_MEMBER_ROLE_SECRETARY)
    {
      sqlite3_stmt *stmt = bl_db_prepare (db, "SELECT member_id FROM role_term "
                                              "WHERE role = 'secretary' AND end_date IS NULL AND member_id <> ?1",
                                          error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      if (!bl_db_collect_ids (db, stmt, others, error))
        return FALSE;
    }
  for (guint i = 0; i < others->len; i++)
    if (!record_role (db, g_array_index (others, gint64, i), BL_MEMBER_ROLE_NONE, since, error))
      return FALSE;

  if (!record_role (db, member_id, role, since, error))
    return FALSE;
  bl_db_note_change (db, BL_CHANGE_MEMBERS);
  return TRUE;
}

gint64
bl_member_repo_secretary_on (BlDb       *db,
                             const char *date)
{
  return bl_db_query_id (db,
                         "SELECT member_id FROM role_term WHERE role = 'secretary' AND start_date <= ?1 "
                         "AND (end_date IS NULL OR end_date > ?1) ORDER BY start_date DESC LIMIT 1",
                         date, NULL);
}

guint
bl_member_repo_count_role (BlDb         *db,
                           BlMemberRole  role)
{
  sqlite3_stmt *stmt = bl_db_prepare (db,
                                      "SELECT count(*) FROM member m JOIN role_term r ON r.member_id = m.id "
                                      "WHERE r.end_date IS NULL AND r.role = ?1 AND m.status = 'active'",
                                      NULL);
  guint count = 0;

  if (stmt == NULL)
    return 0;
  bl_db_bind_text (stmt, 1, role_to_id (role));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

GPtrArray *
bl_member_repo_expected (BlDb       *db,
                         const char *group,
                         gboolean    committee,
                         const char *date)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  /* Committee: whoever held a role on that day. */
  stmt = bl_db_prepare (db,
                        "SELECT " MEMBER_COLUMNS " " MEMBER_FROM
                        "WHERE (m.joined IS NULL OR m.joined <= ?1) "
                        "AND (m.status = 'active' OR m.transferred_on > ?1) "
                        "AND (?2 IS NULL OR coalesce(g.name, '') = ?2) "
                        "AND (?3 = 0 OR EXISTS (SELECT 1 FROM role_term t WHERE t.member_id = m.id "
                        "       AND t.start_date <= ?1 AND (t.end_date IS NULL OR t.end_date > ?1))) "
                        "ORDER BY " BL_SQL_MEMBER_ORDER,
                        NULL);
  if (stmt == NULL)
    return result;
  bl_db_bind_text (stmt, 1, date);
  bl_db_bind_text (stmt, 2, group);
  sqlite3_bind_int (stmt, 3, committee);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, member_from_row (stmt));
  sqlite3_reset (stmt);
  return result;
}

/* Party group leaders */

/* Ends @member_id's open leadership on @since; one that would begin on or
 * after @since never was. */
static gboolean
end_group_leadership (BlDb        *db,
                      gint64       member_id,
                      const char  *since,
                      GError     **error)
{
  if (!bl_db_run_for_id (db, "DELETE FROM group_leader_term "
                             "WHERE member_id = ?1 AND end_date IS NULL AND start_date >= ?2",
                             member_id, since, error))
    return FALSE;
  return bl_db_run_for_id (db, "UPDATE group_leader_term SET end_date = ?2 "
                               "WHERE member_id = ?1 AND end_date IS NULL",
                               member_id, since, error);
}

gboolean
bl_member_repo_set_group_leader (BlDb        *db,
                                 const char  *group,
                                 gint64       member_id,
                                 const char  *since,
                                 const char  *today,
                                 GError     **error)
{
  g_autofree char *start = NULL;
  sqlite3_stmt *stmt;
  gint64 group_id = 0;
  gint64 current = 0;

  if (!bl_member_repo_group_id (db, group, FALSE, &group_id, error))
    return FALSE;
  if (group_id == 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID, _("A party group needs a name"));
      return FALSE;
    }

  stmt = bl_db_prepare (db, "SELECT member_id FROM group_leader_term WHERE group_id = ?1 AND end_date IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    current = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (current == member_id)
    return TRUE;

  /* The group's first leader counts as leading it all along, as a role
   * seen for the first time does: records of earlier meetings name them. */
  if (since != NULL)
    start = g_strdup (since);
  else if (bl_db_has_row_for_id (db, "SELECT 1 FROM group_leader_term WHERE group_id = ?1 LIMIT 1", group_id))
    start = g_strdup (today);
  else
    start = g_strdup ("1900-01-01");

  if (current != 0 && !end_group_leadership (db, current, start, error))
    return FALSE;
  if (member_id != 0)
    {
      /* A member leads one group at most. */
      if (!end_group_leadership (db, member_id, start, error))
        return FALSE;
      stmt = bl_db_prepare (db, "INSERT INTO group_leader_term (group_id, member_id, start_date) "
                                "VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, member_id);
      bl_db_bind_text (stmt, 3, start);
      if (!bl_db_step_done (db, stmt, error))
        return FALSE;
    }
  bl_db_note_change (db, BL_CHANGE_MEMBERS);
  return TRUE;
}

gint64
bl_member_repo_group_leader_on (BlDb       *db,
                                const char *group,
                                const char *date)
{
  if (group == NULL || date == NULL)
    return 0;
  return bl_db_query_id (db,
                         "SELECT l.member_id FROM group_leader_term l "
                         "JOIN party_group g ON g.id = l.group_id "
                         "WHERE g.name = ?1 AND l.start_date <= ?2 "
                         "AND (l.end_date IS NULL OR l.end_date > ?2) "
                         "ORDER BY l.start_date DESC LIMIT 1",
                         group, date);
}

/* Deleting */

gboolean
bl_member_repo_has_attendance (BlDb   *db,
                               gint64  member_id)
{
  return bl_db_has_row_for_id (db, "SELECT 1 FROM attendance WHERE member_id = ?1 LIMIT 1", member_id);
}

gboolean
bl_member_repo_delete (BlDb     *db,
                       gint64    member_id,
                       GError  **error)
{
  if (!bl_db_run_for_id (db, "DELETE FROM member WHERE id = ?1", member_id, NULL, error))
    return FALSE;
  if (bl_db_changes (db) == 0)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("The member no longer exists"));
      return FALSE;
    }
  bl_db_note_change (db, BL_CHANGE_MEMBERS);
  return TRUE;
}

/* Saving */

gboolean
bl_member_repo_save (BlDb        *db,
                     BlMember    *member,
                     const char  *today,
                     GError     **error)
{
  static const char *insert_sql =
    "INSERT INTO member (name, group_id, category, joined, phone, status, transferred_on, transferred_to) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  static const char *update_sql =
    "UPDATE member SET name = ?1, group_id = ?2, category = ?3, joined = ?4, phone = ?5, "
    "status = ?6, transferred_on = ?7, transferred_to = ?8 WHERE id = ?9";
  gint64 id = bl_member_get_id (member);
  g_autoptr(BlMember) before = id != 0 ? bl_member_repo_find (db, id) : NULL;
  g_autofree char *name = g_strstrip (g_strdup (bl_member_get_name (member)));
  g_autofree char *group = g_strstrip (g_strdup (bl_member_get_group (member)));
  g_autofree char *destination = g_strdup (bl_member_get_transferred_to (member));
  gboolean transferred = bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED;
  gint64 group_id;
  sqlite3_stmt *stmt;
  int rc;

  if (id != 0 && before == NULL)
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_NOT_FOUND, _("The member no longer exists"));
      return FALSE;
    }
  if (!bl_member_repo_group_id (db, group, TRUE, &group_id, error))
    return FALSE;

  stmt = bl_db_prepare (db, id == 0 ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return FALSE;
  bl_db_bind_text (stmt, 1, name);
  if (group_id != 0)
    sqlite3_bind_int64 (stmt, 2, group_id);
  bl_db_bind_text (stmt, 3, bl_member_get_category (member) == BL_MEMBER_CATEGORY_PROBATIONARY ? "probationary" : "full");
  bl_db_bind_text (stmt, 4, bl_member_get_joined (member));
  bl_db_bind_text (stmt, 5, bl_member_get_phone (member));
  bl_db_bind_text (stmt, 6, bl_member_get_status (member) == BL_MEMBER_STATUS_TRANSFERRED ? "transferred" : "active");
  bl_db_bind_text (stmt, 7, transferred ? bl_member_get_transferred_on (member) : NULL);
  bl_db_bind_text (stmt, 8, transferred ? g_strstrip (destination) : "");
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
    {
      sqlite3_reset (stmt);
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_DUPLICATE,
                   _("There is already an active member named “%s”"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      bl_db_set_error (db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (id == 0)
    bl_member_set_id (member, bl_db_last_insert_id (db));
  bl_member_set_name (member, name);
  bl_member_set_group (member, group);
  bl_member_set_transferred_to (member, transferred ? destination : "");

  /* A group is led by one of its own: a leader who moves to another group
   * or leaves the branch no longer leads it, from the day they went. */
  if (before != NULL && bl_member_get_group_leader (before) &&
      (g_strcmp0 (bl_member_get_group (before), group) != 0 ||
       (transferred && bl_member_get_status (before) != BL_MEMBER_STATUS_TRANSFERRED)))
    {
      const char *since = transferred && bl_member_get_transferred_on (member) != NULL
                          ? bl_member_get_transferred_on (member) : today;

      if (!end_group_leadership (db, bl_member_get_id (member), since, error))
        return FALSE;
    }
  bl_member_set_group_leader (member, bl_db_has_row_for_id (db, "SELECT 1 FROM group_leader_term "
                                                                "WHERE member_id = ?1 AND end_date IS NULL",
                                                            bl_member_get_id (member)));

  /* Keep the role history: a role first seen counts as held all along; a
   * later change through this call takes effect today. */
  if (before == NULL || bl_member_get_role (before) != bl_member_get_role (member))
    {
      gboolean has_terms = bl_db_has_row_for_id (db, "SELECT 1 FROM role_term WHERE member_id = ?1 LIMIT 1",
                                                 bl_member_get_id (member));

      if (!record_role (db, bl_member_get_id (member), bl_member_get_role (member),
                        has_terms ? today : "1900-01-01", error))
        return FALSE;
    }
  bl_db_note_change (db, BL_CHANGE_MEMBERS);
  return TRUE;
}
