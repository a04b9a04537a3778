/* bl-collation.h: the ledger's own orders and normal forms inside SQL, for
 * the files in src/core/db: the collations bl_group, bl_role and bl_name
 * (bl-group-order.h) and the functions bl_time() and bl_text() (bl-text.h) */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The members' order in SQL: party group, committee role, name, id. Needs
 * the member as m, its group as g and its open role term as r. */
#define BL_SQL_MEMBER_ORDER \
  "coalesce(g.name, '') COLLATE bl_group, coalesce(r.role, 'none') COLLATE bl_role, m.name COLLATE bl_name, m.id"
/* The join that brings r (the open role term) to a query on m. */
#define BL_SQL_JOIN_OPEN_ROLE "LEFT JOIN role_term r ON r.member_id = m.id AND r.end_date IS NULL "

/* Registers them on @handle; FALSE when SQLite refuses (out of memory). */
gboolean bl_collation_register (sqlite3 *handle);

G_END_DECLS
