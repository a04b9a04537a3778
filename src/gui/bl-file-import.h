/* bl-file-import.h: members or activities imported in the window from a
 * CSV file or an Excel workbook: the file read and checked off the main
 * thread, what would happen shown (or the problems), then written in one
 * transaction; a long one shows its progress and can be cancelled */
#pragma once

#include <gtk/gtk.h>

#include "bl-import.h"
#include "bl-store.h"

G_BEGIN_DECLS

typedef enum {
  BL_FILE_IMPORT_IDLE,
  BL_FILE_IMPORT_CHECKING,    /* reading and checking, nothing written */
  BL_FILE_IMPORT_PREVIEW,     /* the secretary is asked whether to import */
  BL_FILE_IMPORT_IMPORTING,   /* writing, in one transaction */
  BL_FILE_IMPORT_DONE,        /* imported, refused, or cancelled */
} BlFileImportStage;

#define BL_TYPE_FILE_IMPORT (bl_file_import_get_type ())
G_DECLARE_FINAL_TYPE (BlFileImport, bl_file_import, BL, FILE_IMPORT, GObject)

/* An import into @store whose dialogs show over @owner's window. */
BlFileImport      *bl_file_import_new        (GtkWidget     *owner,
                                              BlStore       *store,
                                              BlImportKind   kind);
/* Asks for a file, then goes on as bl_file_import_start() does. */
void               bl_file_import_choose     (BlFileImport  *self);
/* Reads and checks @file (a dry run on a connection of its own), then
 * shows the problems, or how many would be added, updated and skipped
 * and asks; on "Import" writes it all, and the window's store reloads.
 * The import keeps itself alive until it is done. */
void               bl_file_import_start      (BlFileImport  *self,
                                              GFile         *file);
BlFileImportStage  bl_file_import_get_stage  (BlFileImport  *self);
/* Stops a check or an import that runs; nothing is written. */
void               bl_file_import_cancel     (BlFileImport  *self);

/* A new import of @kind from a file chosen over @owner's window. */
void               bl_file_import_run        (GtkWidget     *owner,
                                              BlStore       *store,
                                              BlImportKind   kind);

G_END_DECLS
