/* bl-test-workbooks.h: workbooks and old Office files made by hand, for
 * the tests of the workbook reader and of imports */
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>

G_BEGIN_DECLS

/* Streams a sheet's XML into @archive (with bl_test_workbook_put()). */
typedef void (*BlTestSheetFunc) (struct archive *archive, gpointer user_data);

/* A zip entry @name holding @text. */
void   bl_test_workbook_entry             (struct archive  *archive,
                                           const char      *name,
                                           const char      *text);
void   bl_test_workbook_put               (struct archive  *archive,
                                           const char      *text);
/* A workbook @file (in a new temporary folder) with one sheet, "Sheet1",
 * whose XML @write_sheet streams, and the shared strings @strings (NULL:
 * none). */
char  *bl_test_make_workbook_with_strings (const char      *file,
                                           const char      *strings,
                                           BlTestSheetFunc  write_sheet,
                                           gpointer         user_data);
char  *bl_test_make_workbook              (const char      *file,
                                           BlTestSheetFunc  write_sheet,
                                           gpointer         user_data);
/* Sheets for those: the XML in @user_data; a million numbered rows. */
void   bl_test_write_small_sheet          (struct archive  *archive,
                                           gpointer         user_data);
void   bl_test_write_million_rows         (struct archive  *archive,
                                           gpointer         user_data);
/* A compound file (the container of .xls and of encrypted .xlsx) with the
 * streams @names (at most 3) of 4096 bytes each. */
char  *bl_test_make_compound_file         (const char      *file,
                                           const char * const *names);
/* Checks @path with an independent reader, python's olefile: its streams
 * joined with commas are @expected. */
void   bl_test_check_with_olefile         (const char      *path,
                                           const char      *expected);

G_END_DECLS
