/* bl-activity-editor.c: the record editor. A window of sections (details,
 * attendance, minutes, attachments) over one record: it holds the record as
 * last loaded or saved, checks what the sections hold with
 * bl_activity_check() and writes the record, its attendance and its
 * attachments with one bl_store_save_record() (one transaction). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-activity-check.h"
#include "bl-activity-editor.h"
#include "bl-alert.h"
#include "bl-attachments-section.h"
#include "bl-attendance-section.h"
#include "bl-details-section.h"
#include "bl-minutes-section.h"
#include "bl-print-operation.h"
#include "bl-signin-renderer.h"
#include "bl-window.h"

struct _BlActivityEditor
{
  AdwWindow              parent_instance;

  BlStore               *store;
  BlActivity            *activity;         /* the record as last loaded or saved */

  gboolean               loading;          /* filling the sections: not a change by the person */
  gboolean               modified;
  gboolean               show_all_errors;  /* after a first attempt to save */
  gboolean               closing;
  int                    default_width;    /* the template's: an editor opened again has it too */
  int                    default_height;

  AdwViewSwitcherTitle  *switcher_title;
  AdwViewSwitcherBar    *switcher_bar;
  GtkInfoBar            *past_notice;
  GtkLabel              *save_error_label;
  AdwViewStack          *view_stack;
  BlDetailsSection      *details;
  BlAttendanceSection   *attendance;
  BlMinutesSection      *minutes;
  BlAttachmentsSection  *attachments;
};

G_DEFINE_FINAL_TYPE (BlActivityEditor, bl_activity_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GPtrArray *validate (BlActivityEditor *self);

static void
set_modified (BlActivityEditor *self,
              gboolean          modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
changed (BlActivityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (self->loading)
    return;
  set_modified (self, TRUE);
  problems = validate (self);
}

/* The record as the sections have it; with its attendance (a new list of
 * copies: what is saved) into @attendance unless NULL. */
static BlActivity *
build_activity (BlActivityEditor  *self,
                GListStore       **attendance)
{
  BlActivity *activity = bl_activity_copy (self->activity);

  bl_details_section_apply (self->details, activity);
  bl_minutes_section_apply (self->minutes, activity);
  if (attendance != NULL)
    {
      GListModel *model = bl_attendance_section_get_model (self->attendance);
      guint n = g_list_model_get_n_items (model);

      *attendance = bl_attendance_new ();
      /* Attendance is taken at the meeting: a planned one has none yet. */
      if (bl_details_section_get_held (self->details))
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(BlAttendee) entry = g_list_model_get_item (model, i);
            BlAttendee *copy = bl_attendance_add (*attendance, bl_attendee_get_member_id (entry),
                                                  bl_attendee_get_member_name (entry),
                                                  bl_attendee_get_state (entry), bl_attendee_get_reason (entry));

            bl_attendee_set_group (copy, bl_attendee_get_group (entry));
          }
    }
  return activity;
}

static char *
today_iso (BlActivityEditor *self)
{
  return bl_clock_get_today (bl_store_get_clock (self->store));
}

/* A planned meeting dated before today has most likely taken place with
 * nobody filling in its record: say so, and offer to mark it held. */
static void
update_past_notice (BlActivityEditor *self)
{
  g_autofree char *today = today_iso (self);
  const char *date = bl_details_section_get_date (self->details);
  gboolean past = !bl_details_section_get_held (self->details) && date != NULL && strcmp (date, today) < 0;

  gtk_widget_set_visible (GTK_WIDGET (self->past_notice), past);
}

static void
update_title (BlActivityEditor *self)
{
  const char *title = bl_activity_get_id (self->activity) == 0 ? _("New Activity") : _("Edit Activity");

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        bl_store_get_kind_name (self->store,
                                                                bl_details_section_get_kind (self->details)));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_needs_attention (BlActivityEditor *self,
                     gpointer          section,
                     gboolean          attention)
{
  adw_view_stack_page_set_needs_attention (adw_view_stack_get_page (self->view_stack, GTK_WIDGET (section)),
                                           attention);
}

/* Checks the record as the sections have it (bl_activity_check(): the
 * rules the store and the import apply too) and shows each problem beside
 * its field; a section with something to put right is marked in the
 * switcher. Returns the problems. */
static GPtrArray *
validate (BlActivityEditor *self)
{
  g_autoptr(GListStore) attendance = NULL;
  g_autoptr(BlActivity) activity = build_activity (self, &attendance);
  GPtrArray *problems;

  bl_activity_normalize (activity);
  problems = bl_activity_check (self->store, activity, G_LIST_MODEL (attendance));
  set_needs_attention (self, self->details,
                       bl_details_section_show_problems (self->details, problems, self->show_all_errors) &&
                       (bl_problems_find (problems, BL_PROBLEM_ERROR) != NULL ||
                        bl_problems_find (problems, BL_PROBLEM_INCOMPLETE) != NULL));
  set_needs_attention (self, self->attendance, bl_attendance_section_show_problems (self->attendance, problems));
  return problems;
}

/* Shows the section and the field @problem is about, and focuses it. */
static void
reveal_problem (BlActivityEditor *self,
                const BlProblem  *problem)
{
  if (problem->field == BL_ACTIVITY_FIELD_ATTENDANCE)
    {
      adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->attendance));
      bl_attendance_section_reveal_member (self->attendance, problem->member_id);
      return;
    }
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->details));
  gtk_widget_grab_focus (bl_details_section_get_field_widget (self->details, problem->field));
}

/* Writes the record; on failure the reason is shown above the sections. */
static gboolean
save_now (BlActivityEditor *self)
{
  g_autoptr(GListStore) attendance = NULL;
  g_autoptr(BlActivity) activity = build_activity (self, &attendance);
  BlAttachmentList *attachments = bl_attachments_section_get_list (self->attachments);
  g_autoptr(GError) error = NULL;

  /* The files being read in belong to this save: never saved without them. */
  if (bl_attachments_section_get_busy (self->attachments))
    {
      gtk_label_set_text (self->save_error_label,
                          _("Files are still being read in. Save once they show in the attachments."));
      gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
      return FALSE;
    }
  /* Attachments left as they were (or that could not be loaded) are not
   * written: files another program attached meanwhile stay. */
  if (attachments != NULL && !bl_attachment_list_get_modified (attachments))
    attachments = NULL;
  if (!bl_store_save_record (self->store, activity, G_LIST_MODEL (attendance), attachments, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The record could not be saved: %s"), error->message);

      gtk_label_set_text (self->save_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  bl_activity_assign (self->activity, activity);
  update_title (self);
  set_modified (self, FALSE);
  return TRUE;
}

static gboolean
close_when_idle_cb (gpointer data)
{
  GtkWindow *window = data;

  /* Kept for the next record (hide-on-close), or gone. */
  if (gtk_window_get_hide_on_close (window))
    gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  else
    gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/* Once a question has gone: while an AdwAlertDialog shows (libadwaita 1.5
 * and later), closing the window would close the dialog instead. */
static void
close_when_idle (BlActivityEditor *self)
{
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle_cb, g_object_ref (self), g_object_unref);
}

static void
incomplete_response_cb (GtkWidget        *dialog,
                        const char       *response,
                        BlActivityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  BlProblem *problem;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (save_now (self))
        close_when_idle (self);
      return;
    }
  problems = validate (self);
  problem = bl_problems_find (problems, BL_PROBLEM_INCOMPLETE);
  if (problem != NULL)
    reveal_problem (self, problem);
}

/* Something is still to fill in (a leave without its reason, an end time
 * without a start): asked, not refused. */
static void
ask_incomplete (BlActivityEditor *self,
                GPtrArray        *problems)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len; i++)
    {
      BlProblem *problem = problems->pdata[i];

      if (problem->severity != BL_PROBLEM_INCOMPLETE)
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, problem->message);
    }
  dialog = bl_alert_new (_("Save Incomplete Record?"), body->str);
  bl_alert_add_response (dialog, "cancel", _("_Fill In"));
  bl_alert_add_response (dialog, "save", _("_Save Anyway"));
  bl_alert_set_default_response (dialog, "cancel");
  bl_alert_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (incomplete_response_cb), self, 0);
  bl_alert_present (dialog, GTK_WIDGET (self));
}

/* The window became narrow: the switcher moves to the bottom bar. */
static void
title_visible_cb (BlActivityEditor *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
section_changed_cb (BlActivityEditor *self)
{
  changed (self);
}

static void
expected_changed_cb (BlActivityEditor *self)
{
  if (self->loading)
    return;
  bl_attendance_section_set_expected (self->attendance, bl_details_section_get_kind (self->details),
                                      bl_details_section_get_group (self->details),
                                      bl_details_section_get_date (self->details));
  update_title (self);
  update_past_notice (self);
}

static void
status_changed_cb (BlActivityEditor *self)
{
  if (self->loading)
    return;
  bl_attendance_section_set_held (self->attendance, bl_details_section_get_held (self->details));
  update_past_notice (self);
}

/* The same as choosing "Held" in the status row: the attendance opens, the
 * record counts as changed, and nothing is written before Save. */
static void
on_mark_held_clicked (BlActivityEditor *self)
{
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->details));
  bl_details_section_mark_held (self->details);
}

/* Open over midnight: "in the future" and "planned, date passed" are judged
 * against the new day. */
static void
day_changed_cb (BlActivityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  update_past_notice (self);
  problems = validate (self);
}

/* What was done to the widgets themselves, forgotten: the undo of their
 * text (setting a text is an edit GTK can undo) and where they were
 * scrolled to. */
static void
forget_widget_state (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget) && gtk_editable_get_enable_undo (GTK_EDITABLE (widget)))
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), TRUE);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      if (gtk_text_buffer_get_enable_undo (buffer))
        {
          gtk_text_buffer_set_enable_undo (buffer, FALSE);
          gtk_text_buffer_set_enable_undo (buffer, TRUE);
        }
    }
  else if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustments[] = { gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget)),
                                       gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget)) };

      for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
        gtk_adjustment_set_value (adjustments[i], gtk_adjustment_get_lower (adjustments[i]));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    forget_widget_state (child);
}

static void
fill (BlActivityEditor *self)
{
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = bl_activity_get_id (self->activity);

  self->loading = TRUE;
  bl_details_section_load (self->details, self->store, self->activity);
  bl_minutes_section_load (self->minutes, self->activity);
  if (id != 0)
    stored = bl_store_load_attendance (self->store, id, NULL);
  bl_attendance_section_set_store (self->attendance, self->store);
  bl_attendance_section_load (self->attendance, bl_details_section_get_kind (self->details),
                              bl_details_section_get_group (self->details),
                              bl_details_section_get_date (self->details), stored);
  bl_attendance_section_set_held (self->attendance, bl_details_section_get_held (self->details));
  bl_attachments_section_load (self->attachments, self->store, id);
  update_title (self);
  update_past_notice (self);
  self->loading = FALSE;
  /* The text just set is the record, not an edit to undo (Ctrl+Z would
   * empty the field); nothing is left of a record shown before. */
  forget_widget_state (GTK_WIDGET (self));

  set_modified (self, FALSE);
  problems = validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (widget);

  if (bl_activity_editor_save (self))
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* "复制为新记录": a new editor on a record like this one as the form shows
 * it (kind, group, times, location, host, topic), without a date. */
static void
copy_as_new_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (widget);
  g_autoptr(BlActivity) current = build_activity (self, NULL);
  g_autoptr(BlActivity) copy = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  BlActivityEditor *editor;

  bl_activity_normalize (current);
  copy = bl_activity_copy_as_new (current);
  /* Over the main window, as its own openings are (a kept editor used). */
  if (BL_IS_WINDOW (parent))
    {
      bl_window_edit_activity (BL_WINDOW (parent), copy);
      return;
    }
  editor = bl_activity_editor_new (self->store, copy);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent);
  gtk_window_present (GTK_WINDOW (editor));
}

/* "打印签到表": the sheet of the meeting as the form shows it, saved or not. */
static void
print_signin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (widget);
  g_autoptr(BlActivity) current = build_activity (self, NULL);
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  g_autoptr(BlSigninRenderer) renderer = NULL;
  g_autoptr(BlPrintOperation) operation = NULL;

  bl_activity_normalize (current);
  g_ptr_array_add (activities, current);
  renderer = bl_signin_renderer_new (self->store, activities);
  operation = bl_print_operation_new (BL_PRINT_RENDERER (renderer));
  bl_print_operation_run_dialog (operation, widget);
}

/* The menu's "添加附件…" and "添加签到表照片…": the attachments show, then
 * the file chooser. */
static void
add_attachments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (widget);
  gboolean signin = g_str_equal (action_name, "editor.add-signin-photo");

  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->attachments));
  bl_attachments_section_choose_files (self->attachments,
                                       signin ? BL_ATTACHMENT_ADD_SIGNIN_SHEET : BL_ATTACHMENT_ADD_NONE);
}

/* Files dropped anywhere on the editor are attached to the record. */
static gboolean
on_files_dropped (GtkDropTarget    *target,
                  const GValue     *value,
                  double            x,
                  double            y,
                  BlActivityEditor *self)
{
  GdkFileList *file_list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list = file_list != NULL ? gdk_file_list_get_files (file_list) : NULL;

  if (bl_attachments_section_get_list (self->attachments) == NULL)
    {
      g_slist_free (list);
      return FALSE;
    }
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->attachments));
  bl_attachments_section_add_files (self->attachments, (GFile **) files->pdata, files->len, BL_ATTACHMENT_ADD_NONE);
  return TRUE;
}

/* No save while files are read in: they would be left out of it. */
static void
attachments_busy_cb (BlActivityEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !bl_attachments_section_get_busy (self->attachments));
}

/* A section shown counts again. */
static void
visible_section_cb (BlActivityEditor *self)
{
  GtkWidget *section = adw_view_stack_get_visible_child (self->view_stack);

  if (section != NULL)
    gtk_widget_queue_resize (section);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

static void
close_response_cb (GtkWidget        *dialog,
                   const char       *response,
                   BlActivityEditor *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!bl_activity_editor_save (self))
        return;
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  close_when_idle (self);
}

static gboolean
bl_activity_editor_close_request (GtkWindow *window)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (window);
  GtkWidget *dialog;

  if (self->closing || !self->modified)
    return GTK_WINDOW_CLASS (bl_activity_editor_parent_class)->close_request (window);

  dialog = bl_alert_new_save_changes (
    _("This record has changes that are not saved yet. Changes you do not save are lost."));
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  bl_alert_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

static void
bl_activity_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_activity_editor_dispose (GObject *object)
{
  BlActivityEditor *self = BL_ACTIVITY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_ACTIVITY_EDITOR);
  g_clear_object (&self->activity);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bl_activity_editor_parent_class)->dispose (object);
}

static void
bl_activity_editor_class_init (BlActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = bl_activity_editor_get_property;
  object_class->dispose = bl_activity_editor_dispose;
  window_class->close_request = bl_activity_editor_close_request;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BL_TYPE_DETAILS_SECTION);
  g_type_ensure (BL_TYPE_ATTENDANCE_SECTION);
  g_type_ensure (BL_TYPE_MINUTES_SECTION);
  g_type_ensure (BL_TYPE_ATTACHMENTS_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/bl-activity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, past_notice);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, details);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, attendance);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, minutes);
  gtk_widget_class_bind_template_child (widget_class, BlActivityEditor, attachments);
  /* Not kept in the struct: bound so that tests find it by id. */
  gtk_widget_class_bind_template_child_full (widget_class, "mark_held_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, expected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mark_held_clicked);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.copy-as-new", NULL, copy_as_new_action);
  gtk_widget_class_install_action (widget_class, "editor.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "editor.print-signin", NULL, print_signin_action);
  gtk_widget_class_install_action (widget_class, "editor.add-attachments", NULL, add_attachments_action);
  gtk_widget_class_install_action (widget_class, "editor.add-signin-photo", NULL, add_attachments_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.copy-as-new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "editor.show-section", "s", "details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "editor.show-section", "s", "attendance");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "editor.show-section", "s", "minutes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "editor.show-section", "s", "attachments");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bl_activity_editor_init (BlActivityEditor *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_get_default_size (GTK_WINDOW (self), &self->default_width, &self->default_height);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (visible_section_cb), self,
                           G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

BlActivityEditor *
bl_activity_editor_new (BlStore    *store,
                        BlActivity *activity)
{
  BlActivityEditor *self;

  g_return_val_if_fail (BL_IS_STORE (store), NULL);
  g_return_val_if_fail (activity == NULL || BL_IS_ACTIVITY (activity), NULL);

  self = g_object_new (BL_TYPE_ACTIVITY_EDITOR, NULL);
  self->store = g_object_ref (store);
  /* The editor's own copy: the caller's object stays as it was. */
  self->activity = activity != NULL ? bl_activity_copy (activity) : bl_activity_new ();
  fill (self);
  g_signal_connect_object (bl_store_get_clock (store), "day-changed",
                           G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->attachments, "notify::busy",
                           G_CALLBACK (attachments_busy_cb), self, G_CONNECT_SWAPPED);
  return self;
}

gint64
bl_activity_editor_get_id (BlActivityEditor *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), 0);

  return bl_activity_get_id (self->activity);
}

gboolean
bl_activity_editor_get_modified (BlActivityEditor *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
bl_activity_editor_save (BlActivityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  BlProblem *problem;

  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), FALSE);

  self->show_all_errors = TRUE;
  problems = validate (self);
  problem = bl_problems_find (problems, BL_PROBLEM_ERROR);
  if (problem != NULL)
    {
      reveal_problem (self, problem);
      return FALSE;
    }
  if (bl_problems_find (problems, BL_PROBLEM_INCOMPLETE) != NULL)
    {
      ask_incomplete (self, problems);
      return FALSE;
    }
  return save_now (self);
}

void
bl_activity_editor_load (BlActivityEditor *self,
                         BlActivity       *activity)
{
  g_return_if_fail (BL_IS_ACTIVITY_EDITOR (self));
  g_return_if_fail (BL_IS_ACTIVITY (activity));
  g_return_if_fail (!gtk_widget_get_visible (GTK_WIDGET (self)));

  g_clear_object (&self->activity);
  self->activity = bl_activity_copy (activity);
  self->show_all_errors = FALSE;
  self->closing = FALSE;
  gtk_label_set_text (self->save_error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->details));
  fill (self);
  attachments_busy_cb (self);
  /* Shown again as when made: its size, and the focus where GTK puts it
   * in a window shown for the first time. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_unmaximize (GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (self), self->default_width, self->default_height);
}

void
bl_activity_editor_clear (BlActivityEditor *self)
{
  g_autoptr(BlActivity) blank = bl_activity_new ();

  g_return_if_fail (BL_IS_ACTIVITY_EDITOR (self));

  g_set_object (&self->activity, blank);
  self->loading = TRUE;
  bl_minutes_section_load (self->minutes, blank);
  bl_attendance_section_clear (self->attendance);
  bl_attachments_section_clear (self->attachments);
  self->loading = FALSE;
  set_modified (self, FALSE);
}

BlStore *
bl_activity_editor_get_store (BlActivityEditor *self)
{
  g_return_val_if_fail (BL_IS_ACTIVITY_EDITOR (self), NULL);

  return self->store;
}
