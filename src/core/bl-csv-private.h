/* bl-csv-private.h: what the CSV importers and the export share: the
 * columns, the problems of a file, the header, and cells as the imports
 * read them. For bl-csv*.c only. */
#pragma once

#include <glib.h>

#include "bl-csv.h"
#include "bl-store.h"
#include "bl-table.h"

G_BEGIN_DECLS

typedef struct {
  const char *chinese;
  const char *english;
  gboolean    required;
} BlCsvColumn;

/* members.csv, and the workbook's 党员名册 */
typedef enum {
  BL_CSV_MEMBER_NAME,
  BL_CSV_MEMBER_GROUP,
  BL_CSV_MEMBER_CATEGORY,
  BL_CSV_MEMBER_ROLE,
  BL_CSV_MEMBER_JOINED,
  BL_CSV_MEMBER_PHONE,
  BL_CSV_MEMBER_STATUS,
  BL_CSV_MEMBER_TRANSFERRED_ON,
  BL_CSV_MEMBER_TRANSFERRED_TO,
  BL_CSV_MEMBER_N_COLUMNS,
} BlCsvMemberColumn;

/* activities.csv, and the workbook's 活动台账 */
typedef enum {
  BL_CSV_ACTIVITY_KIND,
  BL_CSV_ACTIVITY_DATE,
  BL_CSV_ACTIVITY_START,
  BL_CSV_ACTIVITY_END,
  BL_CSV_ACTIVITY_TOPIC,
  BL_CSV_ACTIVITY_LOCATION,
  BL_CSV_ACTIVITY_HOST,
  BL_CSV_ACTIVITY_RECORDER,
  BL_CSV_ACTIVITY_LECTURER,
  BL_CSV_ACTIVITY_GROUP,
  BL_CSV_ACTIVITY_PRESENT,
  BL_CSV_ACTIVITY_ABSENT,
  BL_CSV_ACTIVITY_GUESTS,
  BL_CSV_ACTIVITY_TAGS,
  BL_CSV_ACTIVITY_STATUS,
  BL_CSV_ACTIVITY_CONTENT,
  BL_CSV_ACTIVITY_RESOLUTIONS,
  BL_CSV_ACTIVITY_FIRST_TOPIC,
  BL_CSV_ACTIVITY_EXPECTED,     /* 应到: when it counts the lists, they are the whole attendance */
  BL_CSV_ACTIVITY_ATTENDED,     /* 实到: written for people, not read */
  /* The attachments' columns (bl-csv-attachments.c): 编号 finds the folder
   * of the files, and is kept as the record's number when it is free. */
  BL_CSV_ACTIVITY_NUMBER,
  BL_CSV_ACTIVITY_ATTACHMENTS,
  BL_CSV_ACTIVITY_ATTACHMENT_CAPTIONS,
  BL_CSV_ACTIVITY_N_EXPORTED,
  /* The workbook's paper-record wording of the absences: not read. */
  BL_CSV_ACTIVITY_ABSENCES = BL_CSV_ACTIVITY_N_EXPORTED,
  BL_CSV_ACTIVITY_N_COLUMNS,
} BlCsvActivityColumn;

extern const BlCsvColumn bl_csv_member_columns[BL_CSV_MEMBER_N_COLUMNS];
extern const BlCsvColumn bl_csv_activity_columns[BL_CSV_ACTIVITY_N_COLUMNS];

/* A cell a spreadsheet would run as a formula, or whose leading blank or
 * apostrophe it would drop, is written after an apostrophe; the import
 * takes off that apostrophe only (a text file's, never a sheet's). */
gboolean     bl_csv_needs_guard         (const char     *value);
/* Appends @value to @out as a quoted field: between double quotes, those
 * inside doubled, the text after an apostrophe when @guard. */
void         bl_csv_append_quoted       (GString        *out,
                                         const char     *value,
                                         gboolean        guard);

/* Every problem of a file, "LOCATION: what is wrong", one line each; after
 * BL_CSV_MAX_PROBLEMS only counted. */
typedef struct {
  GString *messages;
  guint    count;
} BlCsvProblems;

void         bl_csv_problems_init       (BlCsvProblems  *problems);
void         bl_csv_problems_clear      (BlCsvProblems  *problems);
void         bl_csv_problem             (BlCsvProblems  *problems,
                                         BlTable        *table,
                                         guint           row,
                                         int             column,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (5, 6);
/* Sets @error (BL_CSV_ERROR_INVALID) to the problems; returns FALSE. */
gboolean     bl_csv_problems_fail       (BlCsvProblems  *problems,
                                         GError        **error);

/* Ends an import's transaction: rolled back with @error set to the
 * problems when there are any, rolled back too for a dry run, else
 * committed. FALSE when nothing was kept because of an error. */
gboolean     bl_csv_import_finish       (BlStore          *store,
                                         BlCsvProblems    *problems,
                                         BlCsvImportFlags  flags,
                                         GError          **error);
typedef gboolean (*BlCsvTableImport) (BlStore          *store,
                                      BlTable          *table,
                                      BlCsvImportFlags  flags,
                                      GCancellable     *cancellable,
                                      BlCsvReport      *report,
                                      GError          **error);
/* Reads the CSV file at @path and imports it with @import_table; the
 * file's errors in BL_CSV_ERROR (IO when it cannot be read, INVALID when
 * it is not CSV). */
gboolean     bl_csv_import_file         (BlStore          *store,
                                         const char       *path,
                                         BlCsvTableImport  import_table,
                                         BlCsvReport      *report,
                                         GError          **error);

/* A table as an import reads it: the header found and mapped. */
typedef struct {
  BlTable           *table;
  const BlCsvColumn *columns;
  guint              n_columns;
  guint              header;      /* the header's row */
  int               *index_of;    /* column → cell, -1 when missing */
  gboolean           guarded;     /* a text file: the export's apostrophes come off */
} BlCsvSheet;

/* Finds the header (the first of the first rows whose cells are all known
 * headers; a title row or merged title above it is passed over) and maps it.
 * Problems with it go into @problems (FALSE). Notes the encoding in @report. */
gboolean     bl_csv_sheet_init          (BlCsvSheet        *sheet,
                                         BlTable           *table,
                                         const BlCsvColumn *columns,
                                         guint              n_columns,
                                         BlCsvProblems     *problems,
                                         BlCsvReport       *report);
void         bl_csv_sheet_clear         (BlCsvSheet        *sheet);
gboolean     bl_csv_sheet_has           (BlCsvSheet        *sheet,
                                         guint              column);
/* Where @column's cell is, for bl_csv_problem() (-1 when the column is missing). */
int          bl_csv_sheet_cell_index    (BlCsvSheet        *sheet,
                                         guint              column);
/* A cell, blanks around it trimmed, the export's apostrophe taken off. */
char        *bl_csv_sheet_cell          (BlCsvSheet        *sheet,
                                         guint              row,
                                         guint              column);
/* A cell as it is (minutes and resolutions keep their blanks), the
 * export's apostrophe taken off. */
char        *bl_csv_sheet_text          (BlCsvSheet        *sheet,
                                         guint              row,
                                         guint              column);
/* A date cell as YYYY-MM-DD: a sheet's date-time cell at midnight
 * ("2025-03-10 00:00") is its date. Changes @value in place. */
char        *bl_csv_date_cell           (char              *value);
/* A time cell as HH:MM: "09:00:00" is "09:00". Changes @value in place. */
char        *bl_csv_time_cell           (char              *value);

/* Rows after the header, for the report's progress. */
void         bl_csv_report_begin_rows   (BlCsvReport       *report,
                                         BlCsvSheet        *sheet);
void         bl_csv_report_row_done     (BlCsvReport       *report);
/* The one note for every duplicate row: where the first ones are, how
 * many there are. @rows: the table rows (guint) of the first
 * BL_CSV_MAX_DUPLICATE_LINES. */
void         bl_csv_report_add_duplicates (BlCsvReport     *report,
                                         BlTable           *table,
                                         GArray            *rows,
                                         guint              count);

G_END_DECLS
