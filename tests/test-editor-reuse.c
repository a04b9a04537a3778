/* test-editor-reuse.c: a record editor closed is kept hidden by its window
 * and opened again on the next record (a new window each time is most of
 * what opening one costs). Nothing of the record before may show or be
 * saved: its fields, attendance, search, attachments and their Undo,
 * messages, changes, the undo of its text, the section shown, the focus,
 * the size. */
#include "config.h"

#include <locale.h>

#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-application.h"
#include "bl-attachment-row.h"
#include "bl-attachments-section.h"
#include "bl-attendance-section.h"
#include "bl-details-section.h"
#include "bl-minutes-section.h"
#include "bl-store-attachments.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"
#include "bl-window.h"

/* One per process: the app registers its name on the test's bus. */
static BlApplication *app;

typedef struct {
  char          *dir;
  BlStore       *store;
  BlWindow      *window;
  gint64         members[4];
  gint64         a;   /* a general meeting: one member on sick leave, minutes, an attachment */
  gint64         b;   /* a committee meeting: no leave, other minutes, no attachment */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlActivity) a = NULL;
  g_autoptr(BlActivity) b = NULL;
  g_autoptr(GListStore) attendance = bl_attendance_new ();
  g_autoptr(BlAttachmentList) attachments = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GPtrArray) committee = NULL;
  const char *names[] = { "张书记", "李委员", "王党员", "赵党员" };

  f->dir = bl_test_make_dir ();
  path = g_build_filename (f->dir, "ledger.db", NULL);
  g_setenv ("BRANCH_LEDGER_DB", path, TRUE);
  f->store = bl_store_open (path, &error);
  g_assert_no_error (error);
  f->members[0] = bl_test_add_member (f->store, names[0], "第一党小组", BL_MEMBER_ROLE_SECRETARY);
  f->members[1] = bl_test_add_member (f->store, names[1], "第一党小组", BL_MEMBER_ROLE_ORGANIZATION);
  f->members[2] = bl_test_add_member (f->store, names[2], "第二党小组", BL_MEMBER_ROLE_NONE);
  f->members[3] = bl_test_add_member (f->store, names[3], "第二党小组", BL_MEMBER_ROLE_NONE);

  a = bl_test_activity_new (BL_KIND_GENERAL_MEETING, BL_ACTIVITY_STATUS_HELD, "2026-03-10", "甲：学习党章");
  bl_activity_set_start_time (a, "14:30");
  bl_activity_set_host (a, names[0]);
  bl_activity_set_content (a, "甲的会议纪要");
  bl_activity_set_resolutions (a, "甲的决议");
  for (guint i = 0; i < 4; i++)
    bl_attendance_add (attendance, f->members[i], names[i], i == 2 ? BL_ATTENDANCE_LEAVE : BL_ATTENDANCE_PRESENT,
                       i == 2 ? "病假" : "");
  f->a = bl_test_save_activity (f->store, a, G_LIST_MODEL (attendance));
  g_clear_object (&a);
  a = bl_store_get_activity (f->store, f->a, &error);
  g_assert_no_error (error);
  attachments = bl_store_load_attachments (f->store, f->a, &error);
  g_assert_no_error (error);
  file = bl_test_write_file ("甲的记录.txt", "会议记录");
  gfile = g_file_new_for_path (file);
  g_assert_true (bl_attachment_list_add_files (attachments, &gfile, 1, NULL, BL_ATTACHMENT_ADD_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bl_store_save_record (f->store, a, NULL, attachments, &error));
  g_assert_no_error (error);

  b = bl_test_activity_new (BL_KIND_COMMITTEE_MEETING, BL_ACTIVITY_STATUS_HELD, "2026-04-08", "乙：研究发展党员");
  bl_activity_set_start_time (b, "09:00");
  bl_activity_set_content (b, "乙的会议纪要");
  g_clear_object (&attendance);
  attendance = bl_attendance_new ();
  committee = bl_store_expected_members (f->store, BL_KIND_COMMITTEE_MEETING, "", "2026-04-08");
  g_assert_cmpuint (committee->len, >, 0);
  for (guint i = 0; i < committee->len; i++)
    bl_attendance_add (attendance, bl_member_get_id (committee->pdata[i]), bl_member_get_name (committee->pdata[i]),
                       BL_ATTENDANCE_PRESENT, "");
  f->b = bl_test_save_activity (f->store, b, G_LIST_MODEL (attendance));

  f->window = bl_window_new_for_store (app, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  bl_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  bl_test_close_windows (GTK_APPLICATION (app));
  /* None left behind by a failed test either. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      gtk_window_destroy (window);
    }
  bl_test_iterate ();
  g_clear_object (&f->store);
  bl_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The record editors over the window, shown or kept hidden. */
static GPtrArray *
editors (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BL_IS_ACTIVITY_EDITOR (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        g_ptr_array_add (found, g_steal_pointer (&window));
    }
  return found;
}

static guint
n_visible (Fixture *f)
{
  g_autoptr(GPtrArray) found = editors (f);
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    n += gtk_widget_get_visible (found->pdata[i]);
  return n;
}

/* The editor shown last (the only one shown, unless @other is given: then
 * the shown one that is not @other). */
static BlActivityEditor *
shown_editor (Fixture          *f,
              BlActivityEditor *other)
{
  g_autoptr(GPtrArray) found = editors (f);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_get_visible (found->pdata[i]) && found->pdata[i] != (gpointer) other)
      return found->pdata[i];   /* GTK's toplevel list holds it */
  g_assert_not_reached ();
}

static BlActivityEditor *
open_record (Fixture *f,
             gint64   id)
{
  BlActivityEditor *editor;

  bl_window_open_activity (f->window, id);
  editor = shown_editor (f, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  bl_test_iterate ();
  return editor;
}

static gpointer
child (BlActivityEditor *editor,
       GType             type,
       const char       *id)
{
  return bl_test_child (GTK_WIDGET (editor), type, id);
}

#define editor_child(e, id) child ((e), BL_TYPE_ACTIVITY_EDITOR, (id))
#define details_child(e, id) child ((e), BL_TYPE_DETAILS_SECTION, (id))
#define attendance_child(e, id) child ((e), BL_TYPE_ATTENDANCE_SECTION, (id))
#define minutes_child(e, id) child ((e), BL_TYPE_MINUTES_SECTION, (id))

static void
show_section (BlActivityEditor *editor,
              const char       *name)
{
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-section", "s", name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  bl_test_iterate ();
}

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GListModel *
attendance (BlActivityEditor *editor)
{
  return bl_attendance_section_get_model (editor_child (editor, "attendance"));
}

static guint
n_on_leave (BlActivityEditor *editor)
{
  GListModel *model = attendance (editor);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BlAttendee) attendee = g_list_model_get_item (model, i);

      n += bl_attendee_get_state (attendee) != BL_ATTENDANCE_PRESENT || *bl_attendee_get_reason (attendee) != '\0';
    }
  return n;
}

static guint
n_attachments (BlActivityEditor *editor)
{
  BlAttachmentList *list = bl_attachments_section_get_list (editor_child (editor, "attachments"));

  g_assert_nonnull (list);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* Where the focus is: the child positions from the window down (empty:
 * none), to compare an editor opened again with one just made. */
static char *
focus_path (BlActivityEditor *editor)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = gtk_window_get_focus (GTK_WINDOW (editor)); w != NULL && w != GTK_WIDGET (editor);
       w = gtk_widget_get_parent (w))
    {
      guint position = 0;

      for (GtkWidget *s = gtk_widget_get_prev_sibling (w); s != NULL; s = gtk_widget_get_prev_sibling (s))
        position++;
      g_autofree char *step = g_strdup_printf ("/%u/%s", position, G_OBJECT_TYPE_NAME (w));

      g_string_prepend (path, step);
    }
  return g_string_free (path, FALSE);
}

/* How many attendance entries the ledger holds for activity @id. */
static guint
n_attendance_of (Fixture *f,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stored = bl_store_load_attendance (f->store, id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (stored);
}

/* Answers the "Save Changes?" question asked on closing @editor. */
static void
close_answering (BlActivityEditor *editor,
                 const char       *response)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  bl_test_iterate ();
  dialog = bl_alert_get_open ();
  g_assert_nonnull (dialog);
  bl_alert_response (dialog, response);
  bl_test_iterate ();
}

/* Record A, messed with every way a person can, then discarded; record B
 * opened in the same window shows B and nothing of A. */
static void
test_reuse_nothing_of_the_record_before (Fixture       *f,
                                         gconstpointer  data)
{
  BlActivityEditor *editor = open_record (f, f->a);
  BlActivityEditor *again;
  BlActivityEditor *fresh;
  g_autoptr(BlActivity) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh_focus = NULL;
  g_autofree char *reused_focus = NULL;
  g_autofree char *content = NULL;
  GtkWidget *remove;
  GtkWidget *topic_text;
  GtkTextBuffer *buffer;

  /* A as the ledger has it. */
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, f->a);
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "甲：学习党章");
  g_assert_cmpuint (n_on_leave (editor), ==, 1);
  g_assert_cmpuint (n_attachments (editor), ==, 1);
  /* Its text as loaded is no edit to undo (Ctrl+Z emptied the topic). */
  gtk_widget_activate_action (bl_test_find_type (details_child (editor, "topic_row"), GTK_TYPE_TEXT), "text.undo", NULL);
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "甲：学习党章");

  /* Everything changed: the topic emptied (an error, once saving was
   * tried), the minutes typed on, a search in the attendance, the
   * attachment removed (its Undo toast shown), the focus on a field, the
   * window made smaller. */
  gtk_editable_set_text (GTK_EDITABLE (details_child (editor, "topic_row")), "");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_get_visible (details_child (editor, "error_label")));
  g_assert_true (adw_view_stack_page_get_needs_attention (
                   adw_view_stack_get_page (editor_child (editor, "view_stack"), editor_child (editor, "details"))));
  show_section (editor, "minutes");
  buffer = gtk_text_view_get_buffer (minutes_child (editor, "content_view"));
  gtk_text_buffer_insert_at_cursor (buffer, "，又补充了几句", -1);
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  show_section (editor, "attendance");
  /* The search applied at once (it waits for typing to pause). */
  g_object_set (attendance_child (editor, "search_entry"), "search-delay", 0, NULL);
  gtk_editable_set_text (GTK_EDITABLE (attendance_child (editor, "search_entry")), "王");
  bl_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (bl_attendance_section_get_shown (editor_child (editor, "attendance"))),
                    ==, 1);
  show_section (editor, "attachments");
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    bl_test_find_all (GTK_WIDGET (editor_child (editor, "attachments")), bl_test_match_type,
                      GSIZE_TO_POINTER (BL_TYPE_ATTACHMENT_ROW), rows);
    g_assert_cmpuint (rows->len, ==, 1);
    remove = bl_test_child (rows->pdata[0], BL_TYPE_ATTACHMENT_ROW, "remove_button");
  }
  bl_test_click (remove);
  g_assert_cmpuint (n_attachments (editor), ==, 0);
  g_assert_nonnull (bl_test_find_toast_button (GTK_WIDGET (editor_child (editor, "attachments"))));
  /* The focus left on a field the next record shows too. */
  show_section (editor, "details");
  gtk_widget_grab_focus (details_child (editor, "location_row"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), details_child (editor, "location_row")));
  gtk_window_set_default_size (GTK_WINDOW (editor), 480, 420);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  bl_test_iterate ();
  g_assert_true (bl_activity_editor_get_modified (editor));

  /* Closed: asked, discarded; kept hidden, with nothing to save. */
  close_answering (editor, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (n_visible (f), ==, 0);
  g_assert_false (bl_activity_editor_get_modified (editor));
  {
    g_autoptr(BlActivity) stored = bl_store_get_activity (f->store, f->a, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bl_activity_get_topic (stored), ==, "甲：学习党章");
  }

  /* B: in the same editor, as B and nothing else. */
  again = open_record (f, f->b);
  g_assert_true (again == editor);
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, f->b);
  g_assert_false (bl_activity_editor_get_modified (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Activity");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (editor_child (editor, "view_stack")), ==, "details");
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "乙：研究发展党员");
  g_assert_cmpstr (text_of (details_child (editor, "start_row")), ==, "09:00");
  g_assert_cmpstr (text_of (details_child (editor, "host_row")), ==, "");
  g_assert_false (gtk_widget_get_visible (details_child (editor, "error_label")));
  g_assert_false (gtk_widget_get_visible (details_child (editor, "warning_label")));
  g_assert_false (gtk_widget_has_css_class (details_child (editor, "topic_row"), "error"));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "save_error_label")));
  g_assert_false (adw_view_stack_page_get_needs_attention (
                    adw_view_stack_get_page (editor_child (editor, "view_stack"), editor_child (editor, "details"))));
  g_assert_false (adw_view_stack_page_get_needs_attention (
                    adw_view_stack_get_page (editor_child (editor, "view_stack"), editor_child (editor, "attendance"))));
  content = buffer_text (minutes_child (editor, "content_view"));
  g_assert_cmpstr (content, ==, "乙的会议纪要");
  g_clear_pointer (&content, g_free);
  content = buffer_text (minutes_child (editor, "resolutions_view"));
  g_assert_cmpstr (content, ==, "");
  /* The undo of A's typing is gone: nothing to undo in the minutes or the topic. */
  g_assert_false (gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (minutes_child (editor, "content_view"))));
  topic_text = bl_test_find_type (details_child (editor, "topic_row"), GTK_TYPE_TEXT);
  gtk_widget_activate_action (topic_text, "text.undo", NULL);
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "乙：研究发展党员");
  /* B's attendance, all of it, no search, nobody on leave. */
  g_assert_cmpuint (g_list_model_get_n_items (attendance (editor)), ==, n_attendance_of (f, f->b));
  g_assert_cmpuint (g_list_model_get_n_items (bl_attendance_section_get_shown (editor_child (editor, "attendance"))),
                    ==, g_list_model_get_n_items (attendance (editor)));
  g_assert_cmpstr (text_of (attendance_child (editor, "search_entry")), ==, "");
  g_assert_cmpuint (n_on_leave (editor), ==, 0);
  /* No attachment, and no Undo toast of A's. */
  g_assert_cmpuint (n_attachments (editor), ==, 0);
  g_assert_null (bl_attachments_section_get_error (editor_child (editor, "attachments")));
  show_section (editor, "attachments");
  g_assert_true (bl_test_shows_text (GTK_WIDGET (editor_child (editor, "attachments")), "No attachments"));
  g_assert_null (bl_test_find_toast_button (GTK_WIDGET (editor_child (editor, "attachments"))));
  show_section (editor, "details");
  g_assert_true (gtk_widget_is_sensitive (bl_test_find_action (GTK_WIDGET (editor), "editor.save")));

  /* Focus and size as in an editor just made on B. */
  reused_focus = focus_path (editor);
  b = bl_store_get_activity (f->store, f->b, &error);
  g_assert_no_error (error);
  fresh = bl_activity_editor_new (f->store, b);
  gtk_window_present (GTK_WINDOW (fresh));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fresh));
  bl_test_iterate ();
  fresh_focus = focus_path (fresh);
  g_assert_cmpstr (reused_focus, ==, fresh_focus);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), ==, gtk_widget_get_width (GTK_WIDGET (fresh)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (editor)), ==, gtk_widget_get_height (GTK_WIDGET (fresh)));
  gtk_window_destroy (GTK_WINDOW (fresh));
  bl_test_iterate ();

  /* Saving B now writes B as it was, nothing of A. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  {
    g_autoptr(BlActivity) stored = bl_store_get_activity (f->store, f->b, &error);
    g_autoptr(BlAttachmentList) stored_files = bl_store_load_attachments (f->store, f->a, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bl_activity_get_topic (stored), ==, "乙：研究发展党员");
    g_assert_cmpstr (bl_activity_get_content (stored), ==, "乙的会议纪要");
    /* A keeps its attachment: its removal was discarded. */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stored_files)), ==, 1);
  }
}

/* A new record (Ctrl+N) and a copy (Ctrl+Shift+D) in the kept editor: blank,
 * or what a copy keeps; nothing of the stored record shown before. */
static void
test_reuse_new_and_copy (Fixture       *f,
                         gconstpointer  data)
{
  BlActivityEditor *editor = open_record (f, f->a);
  BlActivityEditor *again;
  g_autofree char *content = NULL;

  /* The topic typed in, then discarded. */
  gtk_editable_set_text (GTK_EDITABLE (details_child (editor, "topic_row")), "");
  gtk_editable_set_text (GTK_EDITABLE (details_child (editor, "topic_row")), "甲：学习党章（改）");
  close_answering (editor, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-activity", NULL);
  again = shown_editor (f, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (again));
  bl_test_iterate ();
  g_assert_true (again == editor);
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Activity");
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "");
  /* A topic not written yet is not pointed at before saving is tried (A's
   * was typed in, not this one's). */
  g_assert_false (gtk_widget_get_visible (details_child (editor, "error_label")));
  g_assert_cmpstr (text_of (details_child (editor, "start_row")), ==, "");
  g_assert_cmpstr (text_of (details_child (editor, "host_row")), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (attendance (editor)), ==, 4);
  g_assert_cmpuint (n_on_leave (editor), ==, 0);
  g_assert_cmpuint (n_attachments (editor), ==, 0);
  content = buffer_text (minutes_child (editor, "content_view"));
  g_assert_cmpstr (content, ==, "");
  g_clear_pointer (&content, g_free);
  g_assert_false (bl_activity_editor_get_modified (editor));

  /* A copy of A: its kind, times, host and topic, no date, no attendance
   * taken, no minutes, no attachments. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  bl_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-activity", "x", f->a);
  again = shown_editor (f, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (again));
  bl_test_iterate ();
  g_assert_true (again == editor);
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, 0);
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "甲：学习党章");
  g_assert_cmpstr (text_of (details_child (editor, "host_row")), ==, "张书记");
  g_assert_null (bl_details_section_get_date (editor_child (editor, "details")));
  g_assert_cmpuint (n_on_leave (editor), ==, 0);
  g_assert_cmpuint (n_attachments (editor), ==, 0);
  content = buffer_text (minutes_child (editor, "content_view"));
  g_assert_cmpstr (content, ==, "");
}

/* The window, idle after its first frame, has made an editor and keeps it
 * hidden: the first record opened shows in it, all of that record and
 * nothing else. */
static void
test_reuse_made_while_idle (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) before = editors (f);
  BlActivityEditor *editor;
  g_autofree char *content = NULL;

  g_assert_cmpuint (before->len, ==, 1);
  g_assert_false (gtk_widget_get_visible (before->pdata[0]));
  g_assert_true (gtk_widget_get_realized (before->pdata[0]));

  editor = open_record (f, f->a);
  g_assert_true (editor == before->pdata[0]);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_cmpint (bl_activity_editor_get_id (editor), ==, f->a);
  g_assert_cmpstr (text_of (details_child (editor, "topic_row")), ==, "甲：学习党章");
  g_assert_cmpstr (text_of (details_child (editor, "host_row")), ==, "张书记");
  g_assert_cmpuint (g_list_model_get_n_items (attendance (editor)), ==, 4);
  g_assert_cmpuint (n_on_leave (editor), ==, 1);
  g_assert_cmpuint (n_attachments (editor), ==, 1);
  content = buffer_text (minutes_child (editor, "content_view"));
  g_assert_cmpstr (content, ==, "甲的会议纪要");
  g_assert_false (bl_activity_editor_get_modified (editor));
}

/* Two records open at once still: the second is a window of its own; of
 * two closed, one is kept. Closing with changes still asks, in a kept
 * editor too; the main window closes without asking about a kept one,
 * and takes it along. */
static void
test_reuse_two_open_and_closing (Fixture       *f,
                                 gconstpointer  data)
{
  BlActivityEditor *first = open_record (f, f->a);
  BlActivityEditor *second;
  BlActivityEditor *kept;
  g_autoptr(GPtrArray) all = NULL;

  bl_window_open_activity (f->window, f->b);
  second = shown_editor (f, first);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (second));
  g_assert_true (second != first);
  g_assert_cmpuint (n_visible (f), ==, 2);
  g_assert_cmpint (bl_activity_editor_get_id (first), ==, f->a);
  g_assert_cmpint (bl_activity_editor_get_id (second), ==, f->b);
  /* Asked again for A: the editor showing it comes to the front. */
  bl_window_open_activity (f->window, f->a);
  g_assert_cmpuint (n_visible (f), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (first), "window.close", NULL);
  gtk_widget_activate_action (GTK_WIDGET (second), "window.close", NULL);
  bl_test_iterate ();
  all = editors (f);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpuint (n_visible (f), ==, 0);
  kept = all->pdata[0];
  g_clear_pointer (&all, g_ptr_array_unref);

  /* Changes in the kept editor: closing asks; Cancel keeps them. */
  g_assert_true (open_record (f, f->a) == kept);
  gtk_editable_set_text (GTK_EDITABLE (details_child (kept, "location_row")), "党员活动室");
  close_answering (kept, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kept)));
  g_assert_true (bl_activity_editor_get_modified (kept));
  g_assert_cmpstr (text_of (details_child (kept, "location_row")), ==, "党员活动室");
  /* The main window asks too, for that record. */
  gtk_window_close (GTK_WINDOW (f->window));
  bl_test_iterate ();
  g_assert_nonnull (bl_alert_get_open ());
  bl_alert_response (bl_alert_get_open (), "cancel");
  bl_test_iterate ();
  close_answering (kept, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kept)));

  /* Kept and hidden, the editor is asked about by no one. */
  gtk_window_close (GTK_WINDOW (f->window));
  bl_test_iterate ();
  g_assert_null (bl_alert_get_open ());
  all = editors (f);
  g_assert_cmpuint (all->len, ==, 0);
}

/* Files still being read in when the record is closed: dropped with it;
 * the next record is not busy, saves, and gets none of them. */
static void
test_reuse_reads_dropped (Fixture       *f,
                          gconstpointer  data)
{
  BlActivityEditor *editor = open_record (f, f->b);
  BlAttachmentsSection *section = editor_child (editor, "attachments");
  g_autofree char *path = bl_test_write_file ("乙的材料.txt", "一些材料");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlAttachmentList) stored = NULL;
  g_autoptr(GError) error = NULL;

  bl_attachments_section_add_files (section, &file, 1, BL_ATTACHMENT_ADD_NONE);
  g_assert_true (bl_attachments_section_get_busy (section));
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  if (bl_alert_get_open () != NULL)
    {
      bl_alert_response (bl_alert_get_open (), "discard");
      bl_test_iterate ();
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_false (bl_attachments_section_get_busy (section));

  g_assert_true (open_record (f, f->a) == editor);
  g_assert_false (bl_attachments_section_get_busy (section));
  g_assert_true (gtk_widget_is_sensitive (bl_test_find_action (GTK_WIDGET (editor), "editor.save")));
  g_assert_cmpuint (n_attachments (editor), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  bl_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  stored = bl_store_load_attachments (f->store, f->a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stored)), ==, 1);
  g_clear_object (&stored);
  stored = bl_store_load_attachments (f->store, f->b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stored)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  bl_test_gui_init (&argc, &argv);
  adw_init ();
  app = bl_test_app_new ();

  g_test_add ("/editor-reuse/nothing-of-the-record-before", Fixture, NULL, fixture_set_up,
              test_reuse_nothing_of_the_record_before, fixture_tear_down);
  g_test_add ("/editor-reuse/made-while-idle", Fixture, NULL, fixture_set_up, test_reuse_made_while_idle,
              fixture_tear_down);
  g_test_add ("/editor-reuse/new-and-copy", Fixture, NULL, fixture_set_up, test_reuse_new_and_copy, fixture_tear_down);
  g_test_add ("/editor-reuse/two-open-and-closing", Fixture, NULL, fixture_set_up, test_reuse_two_open_and_closing,
              fixture_tear_down);
  g_test_add ("/editor-reuse/reads-dropped", Fixture, NULL, fixture_set_up, test_reuse_reads_dropped,
              fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
