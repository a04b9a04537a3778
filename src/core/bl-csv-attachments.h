/* bl-csv-attachments.h: attachments in the CSV export and import: the 附件
 * column names each activity's files (separated by 、), 附件说明 holds their
 * captions (one a line), and the files themselves sit in 附件/<编号>/ beside
 * activities.csv */
#pragma once

#include "bl-store.h"

G_BEGIN_DECLS

/* The folder beside activities.csv that holds the files. */
#define BL_CSV_ATTACHMENTS_DIR "附件"

/* The 附件 and 附件说明 cells of @activity ("" for none). */
gboolean bl_csv_attachments_cells     (BlStore      *store,
                                       BlActivity   *activity,
                                       char        **names,
                                       char        **captions,
                                       GError      **error);
/* Writes every attached file to @dir/附件/<activity id>/<name> (0600, in
 * folders of 0700); a file already there as it should be is left alone. */
gboolean bl_csv_attachments_write_dir (BlStore      *store,
                                       const char   *dir,
                                       GError      **error);
/* Attaches to activity @activity_id the files named in @names, read from
 * 附件/@number/ beside @csv_path, with the captions of @captions, inside the
 * import's transaction. FALSE with @error saying what is wrong, for the
 * import's "FILE:LINE: …". */
gboolean bl_csv_attachments_import    (BlStore      *store,
                                       const char   *csv_path,
                                       const char   *number,
                                       gint64        activity_id,
                                       const char   *names,
                                       const char   *captions,
                                       GError      **error);

G_END_DECLS
