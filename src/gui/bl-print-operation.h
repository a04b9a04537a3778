/* bl-print-operation.h: a printout through the print dialog, on the paper and
 * printer chosen last time */
#pragma once

#include <gtk/gtk.h>

#include "bl-print-renderer.h"

G_BEGIN_DECLS

#define BL_TYPE_PRINT_OPERATION (bl_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (BlPrintOperation, bl_print_operation, BL, PRINT_OPERATION, GtkPrintOperation)

/* An operation that lays @renderer's pages out for the paper chosen in the
 * dialog and draws them, starting from the remembered print settings and
 * page setup (A4 portrait the first time). A finished print remembers what
 * was chosen for the next one. */
BlPrintOperation *bl_print_operation_new            (BlPrintRenderer  *renderer);
BlPrintRenderer  *bl_print_operation_get_renderer   (BlPrintOperation *self);
/* Opens the print dialog (with its preview) over @widget's window; printing
 * goes on in the background, and a failure is shown over that window. The
 * operation keeps itself alive until it is done. */
void              bl_print_operation_run_dialog     (BlPrintOperation *self,
                                                     GtkWidget        *widget);
/* The page setup the pages were laid out for (the one chosen in the dialog),
 * or NULL while printing has not begun. */
GtkPageSetup     *bl_print_operation_get_page_setup (BlPrintOperation *self);

/* Tells the person at @widget's window that printing failed, and why. */
void              bl_print_operation_show_error     (GtkWidget        *widget,
                                                     const char       *message);

/* The print settings and page setup remembered in the user's configuration
 * folder (branch-ledger/printing.ini); the page setup is A4 portrait when
 * none was saved. */
void              bl_print_operation_load_setup     (GtkPrintSettings **settings,
                                                     GtkPageSetup     **setup);
void              bl_print_operation_save_setup     (GtkPrintSettings  *settings,
                                                     GtkPageSetup      *setup);
/* The paper of @setup in points, turned for landscape (NULL: A4 portrait). */
void              bl_print_operation_get_paper_size (GtkPageSetup      *setup,
                                                     double            *width,
                                                     double            *height);

G_END_DECLS
