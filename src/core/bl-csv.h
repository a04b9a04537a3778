/* bl-csv.h: members.csv and activities.csv (UTF-8, GBK or UTF-16, RFC 4180, Chinese or English headers) */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_CSV_ERROR (bl_csv_error_quark ())

typedef enum {
  BL_CSV_ERROR_INVALID,  /* the message holds every "FILE:LINE: what is wrong" line */
  BL_CSV_ERROR_IO,
} BlCsvError;

typedef struct {
  guint      added;
  guint      updated;
  guint      skipped;   /* duplicates of what the ledger already has */
  GPtrArray *notes;     /* "FILE:LINE: …" about skipped rows (char*) */
  char      *encoding_note;  /* "read as GBK" when the file was not UTF-8, else NULL */
} BlCsvReport;

GQuark       bl_csv_error_quark          (void);

void         bl_csv_report_init          (BlCsvReport *report);
void         bl_csv_report_clear         (BlCsvReport *report);

/* Imports in one transaction: either every row or, on any error, nothing. */
gboolean     bl_csv_import_members       (BlStore      *store,
                                          const char   *path,
                                          BlCsvReport  *report,
                                          GError      **error);
gboolean     bl_csv_import_activities    (BlStore      *store,
                                          const char   *path,
                                          BlCsvReport  *report,
                                          GError      **error);

/* The files' contents, with Chinese headers and a BOM. */
char        *bl_csv_export_members       (BlStore      *store,
                                          GError      **error);
char        *bl_csv_export_activities    (BlStore      *store,
                                          GError      **error);
/* Writes members.csv and activities.csv into @dir (created if missing). */
gboolean     bl_csv_export_dir           (BlStore      *store,
                                          const char   *dir,
                                          GError      **error);

/* The parser, for tests: rows of fields (GPtrArray of GStrv), with the line
 * each starts on; bl_csv_reader_read_bytes() underneath. */
GPtrArray   *bl_csv_parse                (const char   *text,
                                          gsize         length,
                                          GArray      **lines,
                                          GError      **error);

G_END_DECLS
