/* bl-alert.h: a question or a notice with buttons (heading, body, responses), the
 * same on every libadwaita the app builds with */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Keep @heading short (a few words, as GNOME's guidelines say): libadwaita
 * 1.7 warns while laying out a heading too wide for one line of the alert.
 * The widget is an AdwAlertDialog on libadwaita 1.5 and later and an
 * AdwMessageDialog before; either emits "response" (GtkWidget *alert,
 * const char *response, gpointer data) once, then closes. */
GtkWidget *bl_alert_new                     (const char            *heading,
                                             const char            *body);
void       bl_alert_add_response            (GtkWidget             *alert,
                                             const char            *id,
                                             const char            *label);
void       bl_alert_set_response_appearance (GtkWidget             *alert,
                                             const char            *id,
                                             AdwResponseAppearance  appearance);
void       bl_alert_set_response_enabled    (GtkWidget             *alert,
                                             const char            *id,
                                             gboolean               enabled);
gboolean   bl_alert_get_response_enabled    (GtkWidget             *alert,
                                             const char            *id);
/* The response of Enter, and that of Escape or closing. */
void       bl_alert_set_default_response    (GtkWidget             *alert,
                                             const char            *id);
void       bl_alert_set_close_response      (GtkWidget             *alert,
                                             const char            *id);
void       bl_alert_set_extra_child         (GtkWidget             *alert,
                                             GtkWidget             *child);
/* Shows @alert over the window of @parent (any widget in it). That window
 * is an AdwWindow or AdwApplicationWindow, as every window of the app is:
 * libadwaita 1.7 lays out an alert that floats in a window of its own with
 * warnings. */
void       bl_alert_present                 (GtkWidget             *alert,
                                             GtkWidget             *parent);
/* A notice that asks nothing: @heading, @body and a Close button (response
 * "close"), presented over @parent as bl_alert_present() does. */
void       bl_alert_show_notice             (const char            *heading,
                                             const char            *body,
                                             GtkWidget             *parent);
/* The question asked before changes not saved yet would be lost, with
 * @body saying which: responses "cancel" (Escape), "discard" and "save"
 * (Enter). */
GtkWidget *bl_alert_new_save_changes        (const char            *body);
/* Answers @alert as if @id was clicked. */
void       bl_alert_response                (GtkWidget             *alert,
                                             const char            *id);
/* The button that answers @alert with @id, or NULL when it has no such
 * response: for tests, which find and click it by its id, not its label. */
GtkWidget *bl_alert_get_response_button     (GtkWidget             *alert,
                                             const char            *id);
/* Closes @alert without a response. */
void       bl_alert_force_close             (GtkWidget             *alert);
/* The alert shown last that is still open, or NULL: for tests, which answer it. */
GtkWidget *bl_alert_get_open                (void);

G_END_DECLS
