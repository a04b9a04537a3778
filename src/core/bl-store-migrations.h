/* bl-store-migrations.h: the ledger's schema, one forward migration per version */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The number of migrations: the schema version this build writes. */
guint       bl_store_migrations_count (void);
/* The SQL that brings a ledger from @to_version − 1 to @to_version. */
const char *bl_store_migration_sql    (guint to_version);

G_END_DECLS
