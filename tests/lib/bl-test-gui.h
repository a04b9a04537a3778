/* bl-test-gui.h: what the GUI tests share (bl-test-gui.c): waiting for the
 * main loop, and finding widgets by what does not change with the language:
 * their id in ui/NAME.ui (template children), the name the code gave them,
 * the action they activate, the response they give, their accessible role.
 * Texts shown are checked (bl_test_shows_text), never written in a test to
 * find what to click or fill in: the buttons libadwaita makes for an alert
 * or a toast, which have no name, are those showing the label their alert or
 * toast holds for them, read from it (so in any language). */
#pragma once

#include <adwaita.h>

#include "bl-application.h"

G_BEGIN_DECLS

typedef gboolean (*BlTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

/* Runs the main loop until nothing is pending (idles, redraws, delayed signals). */
void            bl_test_iterate                (void);
/* Types @text into the search entry @entry and runs the main loop until the
 * entry searches for it (it waits a moment after typing), and what that sets
 * off has run: no longer than the entry's own delay. */
void            bl_test_search                 (GtkWidget  *entry,
                                                const char *text);
GtkWidget      *bl_test_find                   (GtkWidget         *root,
                                                BlTestWidgetMatch  match,
                                                gconstpointer      data);
void            bl_test_find_all               (GtkWidget         *root,
                                                BlTestWidgetMatch  match,
                                                gconstpointer      data,
                                                GPtrArray         *out);
gboolean        bl_test_match_type             (GtkWidget     *widget,
                                                gconstpointer  data);

#define bl_test_find_type(root, type) bl_test_find ((root), bl_test_match_type, GSIZE_TO_POINTER (type))

/* The template child @id (its id in ui/NAME.ui, bound in the class's
 * class_init) of the one widget of @type under @root (@root included). No
 * such widget, two of them, or no such child fail the test. */
gpointer        bl_test_child                  (GtkWidget  *root,
                                                GType       type,
                                                const char *id);
/* A widget by the name the code gave it (gtk_widget_set_name): a pack's or
 * a rule's switch (the id), a quota's row (the rule's id), a member's row on
 * the welcome page ("member-ID"). */
gboolean        bl_test_match_name             (GtkWidget     *widget,
                                                gconstpointer  data);
/* A button or menu item that activates the action @data ("app.record"). */
gboolean        bl_test_match_action           (GtkWidget     *widget,
                                                gconstpointer  data);
/* The button of a toast (an undo, say): the button that shows what its
 * toast's button-label says, in whatever language that is. */
gboolean        bl_test_match_toast_button     (GtkWidget     *widget,
                                                gconstpointer  data);

#define bl_test_find_named(root, name) bl_test_find ((root), bl_test_match_name, (name))
#define bl_test_find_action(root, action) bl_test_find ((root), bl_test_match_action, (action))
#define bl_test_find_toast_button(root) bl_test_find ((root), bl_test_match_toast_button, NULL)

/* Closes the toast shown under @root, as its close button does, so that the
 * next one shows at once rather than when it times out. */
void            bl_test_dismiss_toast          (GtkWidget *root);

/* The place of the item for @action in @menu, sections opened, counting on
 * from *@seen; -1 when there is none (and *@seen then counts them all). */
int             bl_test_menu_position          (GMenuModel *menu,
                                                const char *action,
                                                int        *seen);
gboolean        bl_test_match_menu_item        (GtkWidget     *widget,
                                                gconstpointer  data);
/* The item of @popover's menu that activates @action ("activities.delete"),
 * as shown; NULL when the menu has none. GTK gives a shown item (a
 * GtkModelButton) no action name: it is the menu item (by its accessible
 * role) at the place of @action in the menu model. */
GtkWidget      *bl_test_find_menu_item         (GtkPopoverMenu *popover,
                                                const char     *action);
/* The button of @alert that gives the response @id ("save", "discard"). */
GtkWidget      *bl_test_response_button        (GtkWidget  *alert,
                                                const char *id);
/* The app, registered but not unique: a test's own, whatever else runs
 * on the bus. */
BlApplication  *bl_test_app_new                (void);
/* A click, at once (a button's "activate" clicks after an animation). */
void            bl_test_click                  (GtkWidget *button);
/* The text a visible label shows: a GtkLabel's, a GtkInscription's, or an
 * Activities cell's (which lays its text out itself); NULL for any other
 * widget. */
const char     *bl_test_shown_text             (GtkWidget *widget);
gboolean        bl_test_match_label_prefix     (GtkWidget     *widget,
                                                gconstpointer  data);
/* Whether a visible label inside @root starts with @text. */
gboolean        bl_test_shows_text             (GtkWidget  *root,
                                                const char *text);
/* A visible label whose text contains @data. */
gboolean        bl_test_match_label_containing (GtkWidget     *widget,
                                                gconstpointer  data);
/* Whether a visible label under @root contains @text. */
gboolean        bl_test_shows_text_within      (GtkWidget  *root,
                                                const char *text);
/* Destroys every window of @app, and lets what that sets off run. */
void            bl_test_close_windows          (GtkApplication *app);
/* What every window test sets up before its first test: the C locale in
 * English, a temporary XDG_DATA_HOME (where the sample ledger goes; set
 * before GTK reads and caches it) and XDG_CONFIG_HOME, GTK, and reminders
 * off (they are test-notify's business, with a notification server on its
 * bus; here they keep no autostart file in the home). APP_ID comes from
 * config.h, which the test includes first. */
void            bl_test_gui_init               (int    *argc,
                                                char ***argv);
/* The program's stylesheet (ui/style.css) on the default display, as its
 * application loads it: for a window made without the application. */
void            bl_test_load_stylesheet        (void);
/* Chinese from here on, as secretaries run the program: the zh_CN locale and
 * the catalogue the build made (BRANCH_LEDGER_LOCALEDIR, as src/main.c
 * reads it). For a test's own process (g_test_trap_subprocess), the other
 * tests staying in English. FALSE, the test failed, without the locale;
 * GETTEXT_PACKAGE and LOCALEDIR come from config.h. */
gboolean        bl_test_use_chinese            (void);

G_END_DECLS
