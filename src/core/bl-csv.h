/* bl-csv.h: what the imports of members.csv and activities.csv (or the
 * sheets 党员名册 and 活动台账 of a workbook) report, and their errors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BL_CSV_ERROR (bl_csv_error_quark ())

typedef enum {
  BL_CSV_ERROR_INVALID,  /* the message holds every "FILE:LINE: what is wrong" line */
  BL_CSV_ERROR_IO,
} BlCsvError;

/* How many problems an import lists before it only counts the rest. */
#define BL_CSV_MAX_PROBLEMS 200
/* How many duplicate rows an import names before it only counts the rest. */
#define BL_CSV_MAX_DUPLICATE_LINES 10

typedef enum {
  BL_CSV_IMPORT_DEFAULT = 0,
  /* Check everything and count what would be added, then write nothing:
   * what the window shows before it imports. */
  BL_CSV_IMPORT_DRY_RUN = 1 << 0,
} BlCsvImportFlags;

typedef struct {
  guint      added;
  guint      updated;
  guint      skipped;        /* duplicates of what the ledger already has */
  guint      groups_added;   /* party groups the file adds */
  GPtrArray *notes;          /* one-line "FILE:LINE: …" notes: skipped rows, new party groups (char*) */
  char      *encoding_note;  /* "read as GBK" when the file was not UTF-8, else NULL */
  /* Rows checked so far and in all, while an import runs: another thread
   * may read them with g_atomic_int_get() to show progress. */
  gint       rows_done;
  gint       rows_total;
} BlCsvReport;

GQuark       bl_csv_error_quark          (void);

void         bl_csv_report_init          (BlCsvReport *report);
void         bl_csv_report_clear         (BlCsvReport *report);

/* "12,345": counts in messages, grouped by thousands. */
char        *bl_csv_format_count         (guint        count);

/* The parser, for tests: rows of fields (GPtrArray of GStrv), with the line
 * each starts on; bl_csv_reader_read_bytes() underneath. */
GPtrArray   *bl_csv_parse                (const char   *text,
                                          gsize         length,
                                          GArray      **lines,
                                          GError      **error);

G_END_DECLS
