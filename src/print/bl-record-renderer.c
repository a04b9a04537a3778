/* bl-record-renderer.c: the record of a meeting as the paper 记录本 has it:
 * the form, the minutes and resolutions in full, the signatures */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-date.h"
#include "bl-kind.h"
#include "bl-record-renderer.h"
#include "bl-store-attachments.h"
#include "bl-text.h"

/* Pictures are drawn at most this many pixels a side: about 350 dpi in a
 * quarter of an A4 page. */
#define FIGURE_PIXELS 1200

struct _BlRecordRenderer
{
  BlActivityRenderer parent_instance;
};

G_DEFINE_FINAL_TYPE (BlRecordRenderer, bl_record_renderer, BL_TYPE_ACTIVITY_RENDERER)

/* What the form shows for a field left empty. */
static const char *
or_none (const char *text)
{
  /* TRANSLATORS: an empty field of a printed record */
  return bl_text_is_blank (text) ? C_("printout", "None") : text;
}

static char *
format_kind (BlStore    *store,
             BlActivity *activity)
{
  const char *name = bl_store_get_kind_name (store, bl_activity_get_kind (activity));
  const char *group = bl_activity_get_group (activity);
  GString *text = g_string_new (name);

  if (!bl_text_is_blank (group))
    g_string_append_printf (text, C_("printout", " (%s)"), group);
  if (bl_activity_get_first_topic (activity))
    /* TRANSLATORS: the 第一议题 flag of a study session, after its kind */
    g_string_append (text, C_("printout", ", first topic"));
  if (bl_activity_get_status (activity) == BL_ACTIVITY_STATUS_PLANNED)
    g_string_append_printf (text, C_("printout", " (%s)"), bl_activity_status_display (BL_ACTIVITY_STATUS_PLANNED));
  return g_string_free (text, FALSE);
}

/* 出席人员: the members present; 缺席人员及原因: those on leave, then those
 * absent. */
static const BlAttendanceState present_states[] = { BL_ATTENDANCE_PRESENT };
static const BlAttendanceState missing_states[] = { BL_ATTENDANCE_LEAVE, BL_ATTENDANCE_ABSENT };

/* The names of the attendees in @states, those of the first state first,
 * each state's in the list's order (group, then name); @explained, each
 * with its reason, or with its state when it has none. */
static char *
format_attendees (GListModel              *attendance,
                  const BlAttendanceState *states,
                  guint                    n_states,
                  gboolean                 explained)
{
  guint n = attendance != NULL ? g_list_model_get_n_items (attendance) : 0;
  GString *text = g_string_new (NULL);
  /* TRANSLATORS: separates names in a list in running text: "、" in Chinese */
  const char *separator = C_("printout", ", ");

  for (guint s = 0; s < n_states; s++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BlAttendee) row = g_list_model_get_item (attendance, i);
        BlAttendanceState state = bl_attendee_get_state (row);
        const char *reason = bl_attendee_get_reason (row);

        if (state != states[s])
          continue;
        if (text->len > 0)
          g_string_append (text, separator);
        if (!explained)
          g_string_append (text, bl_attendee_get_member_name (row));
        else
          /* TRANSLATORS: a member on leave and the reason: "张三（病假）" */
          g_string_append_printf (text, C_("printout", "%s (%s)"), bl_attendee_get_member_name (row),
                                  state == BL_ATTENDANCE_LEAVE && !bl_text_is_blank (reason)
                                  ? reason : bl_attendance_state_display (state));
      }
  if (text->len == 0)
    g_string_append (text, C_("printout", "None"));
  return g_string_free (text, FALSE);
}

/* The record's pictures after it, four a page with their captions (the
 * file's name when it has none); its other files by name. */
static void
render_attachments (BlStore         *store,
                    BlPrintDocument *document,
                    BlActivity      *activity)
{
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(GPtrArray) surfaces = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_autoptr(GPtrArray) captions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) others = g_string_new (NULL);
  const char *heading;
  guint n;

  if (bl_activity_get_id (activity) == 0)
    return;
  list = bl_store_load_attachments (store, bl_activity_get_id (activity), NULL);
  n = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *caption = bl_attachment_get_caption (attachment);
      const char *name = bl_attachment_get_name (attachment);
      g_autofree char *path = NULL;
      g_autoptr(BlImage) image = NULL;
      g_autoptr(GError) error = NULL;

      if (!bl_attachment_is_image (attachment))
        {
          if (others->len > 0)
            g_string_append (others, C_("printout", ", "));
          g_string_append (others, *caption != '\0' ? caption : name);
          continue;
        }
      path = bl_store_get_attachment_path (store, attachment);
      image = bl_image_load (path, bl_attachment_get_content_type (attachment), FIGURE_PIXELS, &error);
      g_ptr_array_add (surfaces, image != NULL ? bl_print_surface_from_image (image) : NULL);
      if (image != NULL)
        g_ptr_array_add (captions, g_strdup (*caption != '\0' ? caption : name));
      else
        /* TRANSLATORS: under the frame of a picture that cannot be printed: its name, then why */
        g_ptr_array_add (captions, g_strdup_printf (C_("printout", "%s (cannot be shown: %s)"), name,
                                                    error->message));
    }

  /* TRANSLATORS: the heading of a printed record's photos and files */
  heading = C_("printout", "Attachments");
  if (surfaces->len > 0)
    bl_print_document_add_figures (document, heading, (cairo_surface_t **) surfaces->pdata,
                                   (const char * const *) captions->pdata, surfaces->len);
  else
    bl_print_document_add_heading (document, heading);
  if (others->len > 0)
    {
      /* TRANSLATORS: after a record's pictures, the other files attached to it */
      g_autofree char *text = g_strdup_printf (C_("printout", "Other files: %s"), others->str);

      bl_print_document_add_paragraph (document, text, BL_PRINT_CELL_NONE);
    }
}

static void
bl_record_renderer_render_activity (BlActivityRenderer *renderer,
                                    BlPrintDocument    *document,
                                    BlActivity         *activity)
{
  BlStore *store = bl_activity_renderer_get_store (renderer);
  const char *kind_name = bl_store_get_kind_name (store, bl_activity_get_kind (activity));
  g_autofree char *title = NULL;
  g_autofree char *kind = format_kind (store, activity);
  g_autofree char *time = bl_activity_format_when (activity);
  g_autofree char *day = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *present = NULL;
  g_autoptr(GListModel) attendance = bl_store_load_attendance (store, bl_activity_get_id (activity), NULL);
  g_autofree char *absent = format_attendees (attendance, missing_states, G_N_ELEMENTS (missing_states), TRUE);
  g_autofree char *attendees = format_attendees (attendance, present_states, G_N_ELEMENTS (present_states), FALSE);
  g_autoptr(BlMember) leader = NULL;
  const char *group = bl_activity_get_group (activity);
  gboolean group_meeting = g_strcmp0 (bl_activity_get_kind (activity), BL_KIND_GROUP_MEETING) == 0 &&
                           !bl_text_is_blank (group);
  gboolean theme_day = g_strcmp0 (bl_activity_get_kind (activity), BL_KIND_THEME_DAY) == 0;

  /* TRANSLATORS: the heading of a printed record: "支部委员会记录" */
  title = g_strdup_printf (_("Record of the %s"), kind_name);
  day = bl_date_iso_format_locale (bl_activity_get_date (activity));
  bl_activity_renderer_start_activity (renderer, document, activity, title, day != NULL ? day : "");

  /* TRANSLATORS: number of people, in a printed record: "12 人" */
  expected = g_strdup_printf (C_("printout", "%u people"), bl_activity_get_expected_count (activity));
  present = g_strdup_printf (C_("printout", "%u people"), bl_activity_get_present_count (activity));

  /* A group meeting's record names the group's leader on that day. */
  if (group_meeting)
    leader = bl_store_get_group_leader_on (store, group, bl_activity_get_date (activity));

  bl_activity_renderer_begin_form (document, 78.0);
  {
    const BlPrintCell rows[][4] = {
      { { C_("printout", "Kind"), 1, BL_PRINT_CELL_LABEL }, { kind, 1, 0 },
        { C_("printout", "Time"), 1, BL_PRINT_CELL_LABEL }, { time, 1, 0 } },
      { { C_("printout", "Place"), 1, BL_PRINT_CELL_LABEL }, { or_none (bl_activity_get_location (activity)), 3, 0 } },
      { { C_("printout", "Host"), 1, BL_PRINT_CELL_LABEL }, { or_none (bl_activity_get_host (activity)), 1, 0 },
        { C_("printout", "Recorder"), 1, BL_PRINT_CELL_LABEL }, { or_none (bl_activity_get_recorder (activity)), 1, 0 } },
      { { C_("printout", "Group leader"), 1, BL_PRINT_CELL_LABEL },
        { or_none (leader != NULL ? bl_member_get_name (leader) : NULL), 3, 0 } },
      { { C_("printout", "Lecturer"), 1, BL_PRINT_CELL_LABEL }, { or_none (bl_activity_get_lecturer (activity)), 3, 0 } },
      { { C_("printout", "Topic"), 1, BL_PRINT_CELL_LABEL }, { or_none (bl_activity_get_topic (activity)), 3, 0 } },
      { { C_("printout", "Expected"), 1, BL_PRINT_CELL_LABEL }, { expected, 1, 0 },
        { C_("printout", "Present"), 1, BL_PRINT_CELL_LABEL }, { present, 1, 0 } },
      { { C_("printout", "Members present"), 1, BL_PRINT_CELL_LABEL }, { attendees, 3, 0 } },
      { { _("Absent, with reasons"), 1, BL_PRINT_CELL_LABEL }, { absent, 3, 0 } },
      { { _("Attending guests"), 1, BL_PRINT_CELL_LABEL }, { or_none (bl_activity_get_guests (activity)), 3, 0 } },
    };
    const guint n_cells[] = { 4, 2, 4, 2, 2, 2, 4, 2, 2, 2 };
    /* The group leader's row is only a group meeting's. */
    const guint leader_row = 3;

    G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (n_cells));
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      if (i != leader_row || group_meeting)
        bl_print_document_add_row (document, rows[i], n_cells[i]);
  }
  bl_print_document_end_table (document);

  bl_print_document_add_space (document, 6.0);
  if (theme_day)
    bl_print_document_add_text_box (document, _("Main content and features"),
                                    _("Main content and features (continued)"),
                                    or_none (bl_activity_get_content (activity)));
  else
    bl_print_document_add_text_box (document, C_("printout", "Minutes"), C_("printout", "Minutes (continued)"),
                                    or_none (bl_activity_get_content (activity)));
  bl_print_document_add_space (document, 6.0);
  bl_print_document_add_text_box (document, C_("printout", "Resolutions"), C_("printout", "Resolutions (continued)"),
                                  or_none (bl_activity_get_resolutions (activity)));
  bl_print_document_add_space (document, 8.0);
  bl_activity_renderer_add_signatures (document);
  render_attachments (store, document, activity);
}

static char *
bl_record_renderer_get_title (BlPrintRenderer *renderer)
{
  const char *kind_name = bl_activity_renderer_get_only_kind_name (BL_ACTIVITY_RENDERER (renderer));

  if (kind_name != NULL)
    return g_strdup_printf (_("Record of the %s"), kind_name);
  return g_strdup (_("Meeting records"));
}

static void
bl_record_renderer_class_init (BlRecordRendererClass *klass)
{
  BlPrintRendererClass *renderer_class = BL_PRINT_RENDERER_CLASS (klass);
  BlActivityRendererClass *activity_renderer_class = BL_ACTIVITY_RENDERER_CLASS (klass);

  renderer_class->get_title = bl_record_renderer_get_title;
  activity_renderer_class->render_activity = bl_record_renderer_render_activity;
}

static void
bl_record_renderer_init (BlRecordRenderer *self)
{
}

BlRecordRenderer *
bl_record_renderer_new (BlStore   *store,
                        GPtrArray *activities)
{
  return bl_activity_renderer_new (BL_TYPE_RECORD_RENDERER, store, activities);
}

BlRecordRenderer *
bl_record_renderer_new_for_ids (BlStore      *store,
                                const gint64 *ids,
                                guint         n_ids,
                                GError      **error)
{
  return bl_activity_renderer_new_for_ids (BL_TYPE_RECORD_RENDERER, store, ids, n_ids, error);
}

guint
bl_record_renderer_get_n_records (BlRecordRenderer *self)
{
  g_return_val_if_fail (BL_IS_RECORD_RENDERER (self), 0);
  return bl_activity_renderer_get_n_activities (BL_ACTIVITY_RENDERER (self));
}
