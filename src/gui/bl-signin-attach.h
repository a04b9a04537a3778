/* bl-signin-attach.h: "添加签到表照片" outside the record editor: the
 * photographed or scanned sign-in sheet of a stored activity attached in
 * one step: read in a thread, then saved at once in one transaction, or
 * refused with the reason and nothing saved */
#pragma once

#include <gtk/gtk.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* Asks for the photo or scan over @owner's window, then attaches it. */
void bl_signin_attach_choose (GtkWidget *owner,
                              BlStore   *store,
                              gint64     activity_id);
/* Attaches @file as activity @activity_id's sign-in sheet; a toast on
 * @owner's window says so, an alert over it why not. */
void bl_signin_attach_file   (GtkWidget *owner,
                              BlStore   *store,
                              gint64     activity_id,
                              GFile     *file);

G_END_DECLS
