/* bl-migrations.h: the ledger's schema, one forward migration per version */
#pragma once

#include "bl-db.h"

G_BEGIN_DECLS

/* The number of migrations: the schema version this build writes. */
#define BL_MIGRATIONS_COUNT 5

/* PRAGMA application_id of every ledger: "BLdg". */
#define BL_LEDGER_APPLICATION_ID 0x424c6467

/* The SQL that brings a ledger from @to_version − 1 to @to_version. */
const char *bl_migration_sql     (guint    to_version);
/* Brings the ledger on @db from its PRAGMA user_version to the newest, each
 * step one transaction together with its version number. */
gboolean    bl_migrations_apply  (BlDb    *db,
                                  GError **error);

G_END_DECLS
