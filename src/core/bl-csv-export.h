/* bl-csv-export.h: the ledger as members.csv and activities.csv (UTF-8 with
 * a BOM, Chinese headers), which import back into a new ledger as it was */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* The files' contents. members.csv ends with a row for each party group
 * that has no members (only its 党小组 cell), so that the group and its
 * meetings come back; activities.csv counts 应到 and 实到, so that an
 * import takes the attendance as it is. */
char        *bl_csv_export_members       (BlStore      *store,
                                          GError      **error);
char        *bl_csv_export_activities    (BlStore      *store,
                                          GError      **error);
/* Writes members.csv and activities.csv into @dir (created, 0700, if
 * missing), readable by the user only: both are written in full to
 * temporary files first and put in place together at the end, so that a
 * failure (a full disk) leaves the folder as it was. */
gboolean     bl_csv_export_dir           (BlStore      *store,
                                          const char   *dir,
                                          GError      **error);

G_END_DECLS
