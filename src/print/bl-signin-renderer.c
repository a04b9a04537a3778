/* bl-signin-renderer.c: the sign-in sheet (签到表): the meeting, the members
 * expected at it with room to sign, and rows for guests */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-date.h"
#include "bl-kind.h"
#include "bl-signin-renderer.h"
#include "bl-text.h"

/* Room for a handwritten name in each row. */
#define SIGNATURE_ROW 24.0

struct _BlSigninRenderer
{
  BlActivityRenderer parent_instance;
};

G_DEFINE_FINAL_TYPE (BlSigninRenderer, bl_signin_renderer, BL_TYPE_ACTIVITY_RENDERER)

#define CELL(text_, flags_) { (text_), 1, (flags_) }

static char *
kind_with_group (BlStore    *store,
                 BlActivity *activity)
{
  const char *name = bl_store_get_kind_name (store, bl_activity_get_kind (activity));
  const char *group = bl_activity_get_group (activity);

  if (bl_text_is_blank (group))
    return g_strdup (name);
  return g_strdup_printf (C_("printout", "%s (%s)"), name, group);
}

/* The guests named in the record's 列席 field, one a row. */
static GStrv
split_guests (const char *guests)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = g_strdup (guests != NULL ? guests : "");
  static const char * const separators[] = { "、", "，", "；", ",", ";", "\n", NULL };
  g_auto(GStrv) parts = NULL;

  for (guint i = 1; separators[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (text, separators[i], -1);

      g_free (text);
      text = g_strjoinv (separators[0], pieces);
    }
  parts = g_strsplit (text, separators[0], -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static void
bl_signin_renderer_render_activity (BlActivityRenderer *renderer,
                                    BlPrintDocument    *document,
                                    BlActivity         *activity)
{
  BlStore *store = bl_activity_renderer_get_store (renderer);
  g_autofree char *kind = kind_with_group (store, activity);
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = bl_activity_format_hours (activity);
  g_autofree char *expected_text = NULL;
  g_autofree char *totals = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_auto(GStrv) guests = split_guests (bl_activity_get_guests (activity));
  const char *date = bl_activity_get_date (activity);
  double width = bl_print_document_get_content_width (document);
  double columns[5];
  guint n_guests = g_strv_length (guests);
  guint number = 0;

  if (date == NULL)
    date = today = bl_clock_get_today (bl_store_get_clock (store));
  members = bl_store_expected_members (store, bl_activity_get_kind (activity),
                                       bl_activity_get_group (activity), date);
  day = bl_date_iso_format_locale (date);

  /* TRANSLATORS: the heading of a sign-in sheet: "支部委员会签到表" */
  title = g_strdup_printf (_("Sign-in Sheet of the %s"), bl_store_get_kind_name (store,
                                                                               bl_activity_get_kind (activity)));
  bl_activity_renderer_start_activity (renderer, document, activity, title, day != NULL ? day : date);

  /* The meeting, as the sheet's reader needs it. */
  expected_text = g_strdup_printf (C_("printout", "%u people"), members->len);
  bl_activity_renderer_begin_form (document, 60.0);
  {
    const BlPrintCell rows[][4] = {
      { { C_("printout", "Kind"), 1, BL_PRINT_CELL_LABEL }, { kind, 1, 0 },
        { C_("printout", "Date"), 1, BL_PRINT_CELL_LABEL }, { day != NULL ? day : date, 1, 0 } },
      { { C_("printout", "Time"), 1, BL_PRINT_CELL_LABEL }, { time, 1, 0 },
        { C_("printout", "Place"), 1, BL_PRINT_CELL_LABEL }, { bl_activity_get_location (activity), 1, 0 } },
      { { C_("printout", "Host"), 1, BL_PRINT_CELL_LABEL }, { bl_activity_get_host (activity), 1, 0 },
        { C_("printout", "Expected"), 1, BL_PRINT_CELL_LABEL }, { expected_text, 1, 0 } },
      { { C_("printout", "Topic"), 1, BL_PRINT_CELL_LABEL }, { bl_activity_get_topic (activity), 3, 0 } },
    };
    const guint n_cells[] = { 4, 4, 4, 2 };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      bl_print_document_add_row (document, rows[i], n_cells[i]);
  }
  bl_print_document_end_table (document);
  bl_print_document_add_space (document, 6.0);

  /* The members to sign, then the guests. */
  columns[0] = 34.0;
  columns[1] = 84.0;
  columns[2] = 96.0;
  columns[3] = (width - columns[0] - columns[1] - columns[2]) * 0.6;
  columns[4] = width - columns[0] - columns[1] - columns[2] - columns[3];
  bl_print_document_begin_table (document, 5, columns);
  {
    const BlPrintCell header[] = {
      CELL (C_("printout", "No."), BL_PRINT_CELL_CENTER),
      /* TRANSLATORS: columns of the sign-in sheet: 姓名, 党小组, 签名, 备注 */
      CELL (C_("printout", "Name"), BL_PRINT_CELL_CENTER),
      CELL (C_("printout", "Party group"), BL_PRINT_CELL_CENTER),
      CELL (C_("printout", "Signature"), BL_PRINT_CELL_CENTER),
      CELL (C_("printout", "Notes"), BL_PRINT_CELL_CENTER),
    };

    bl_print_document_add_header_row (document, header, G_N_ELEMENTS (header));
  }
  bl_print_document_set_row_height (document, SIGNATURE_ROW);
  for (guint i = 0; i < members->len; i++)
    {
      BlMember *member = g_ptr_array_index (members, i);
      g_autofree char *n = g_strdup_printf ("%u", ++number);
      const BlPrintCell row[] = {
        CELL (n, BL_PRINT_CELL_CENTER),
        CELL (bl_member_get_name (member), BL_PRINT_CELL_NONE),
        CELL (bl_member_get_group (member), BL_PRINT_CELL_NONE),
        CELL ("", BL_PRINT_CELL_NONE),
        CELL ("", BL_PRINT_CELL_NONE),
      };

      bl_print_document_add_row (document, row, G_N_ELEMENTS (row));
    }

  bl_print_document_set_row_height (document, 0);
  {
    const BlPrintCell row[] = { { _("Attending guests"), 5, BL_PRINT_CELL_LABEL } };

    bl_print_document_add_row (document, row, G_N_ELEMENTS (row));
  }
  bl_print_document_set_row_height (document, SIGNATURE_ROW);
  for (guint i = 0; i < n_guests + BL_SIGNIN_GUEST_ROWS; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", ++number);
      const BlPrintCell row[] = {
        CELL (n, BL_PRINT_CELL_CENTER),
        CELL (i < n_guests ? guests[i] : "", BL_PRINT_CELL_NONE),
        CELL ("", BL_PRINT_CELL_NONE),
        CELL ("", BL_PRINT_CELL_NONE),
        CELL ("", BL_PRINT_CELL_NONE),
      };

      bl_print_document_add_row (document, row, G_N_ELEMENTS (row));
    }
  bl_print_document_end_table (document);

  /* TRANSLATORS: under a sign-in sheet, for the host to fill in: 应到、实到、列席 */
  totals = g_strdup_printf (C_("printout", "Expected: %u    Present: ______    Guests: ______"), members->len);
  bl_print_document_add_space (document, 4.0);
  bl_print_document_add_paragraph (document, totals, BL_PRINT_CELL_NONE);
  bl_activity_renderer_add_signatures (document);
}

static char *
bl_signin_renderer_get_title (BlPrintRenderer *renderer)
{
  const char *kind_name = bl_activity_renderer_get_only_kind_name (BL_ACTIVITY_RENDERER (renderer));

  if (kind_name != NULL)
    return g_strdup_printf (_("Sign-in Sheet of the %s"), kind_name);
  return g_strdup (_("Sign-in sheets"));
}

static void
bl_signin_renderer_class_init (BlSigninRendererClass *klass)
{
  BlPrintRendererClass *renderer_class = BL_PRINT_RENDERER_CLASS (klass);
  BlActivityRendererClass *activity_renderer_class = BL_ACTIVITY_RENDERER_CLASS (klass);

  renderer_class->get_title = bl_signin_renderer_get_title;
  activity_renderer_class->render_activity = bl_signin_renderer_render_activity;
}

static void
bl_signin_renderer_init (BlSigninRenderer *self)
{
}

BlSigninRenderer *
bl_signin_renderer_new (BlStore   *store,
                        GPtrArray *activities)
{
  return bl_activity_renderer_new (BL_TYPE_SIGNIN_RENDERER, store, activities);
}

BlSigninRenderer *
bl_signin_renderer_new_for_ids (BlStore      *store,
                                const gint64 *ids,
                                guint         n_ids,
                                GError      **error)
{
  return bl_activity_renderer_new_for_ids (BL_TYPE_SIGNIN_RENDERER, store, ids, n_ids, error);
}
