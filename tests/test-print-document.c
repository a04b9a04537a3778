/* test-print-document.c: a document laid out again after a change reuses the
 * text of the one before (bl_print_document_reuse_layouts()) and draws
 * exactly what a fresh layout draws; bl_print_document_page_equal() says
 * "the same" only of pages that draw the same pixels, so that the Reports
 * page's preview may keep those and draw the others again. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bl-report-renderer.h"
#include "bl-test-common.h"

#define MONTH "2025-11"
#define TODAY "2025-12-01"

typedef struct {
  BlStore *store;
  GArray  *members;      /* member ids */
  GArray  *activities;   /* activity ids */
} Ledger;

static void
ledger_free (Ledger *ledger)
{
  g_clear_object (&ledger->store);
  g_array_unref (ledger->members);
  g_array_unref (ledger->activities);
  g_free (ledger);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ledger, ledger_free)

/* Enough members and records for a summary of several pages: the grid of
 * attendance runs over more than one. */
static Ledger *
ledger_new (void)
{
  Ledger *ledger = g_new0 (Ledger, 1);

  ledger->store = bl_test_store_new ();
  ledger->members = g_array_new (FALSE, FALSE, sizeof (gint64));
  ledger->activities = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *name = g_strdup_printf ("党员%02u", i + 1);
      gint64 id = bl_test_add_member (ledger->store, name, i % 2 ? "第一党小组" : "第二党小组",
                                      i == 0 ? BL_MEMBER_ROLE_SECRETARY : BL_MEMBER_ROLE_NONE);

      g_array_append_val (ledger->members, id);
    }
  for (guint a = 0; a < 8; a++)
    {
      g_autofree char *date = g_strdup_printf (MONTH "-%02u", 3 + 3 * a);
      g_autofree char *topic = g_strdup_printf ("第%u次理论学习", a + 1);
      g_autoptr(BlActivity) activity = bl_test_activity_new (a % 2 ? BL_KIND_THEME_DAY : BL_KIND_STUDY_SESSION,
                                                             BL_ACTIVITY_STATUS_HELD, date, topic);
      g_autoptr(GListStore) attendance = bl_attendance_new ();
      gint64 id;

      for (guint i = 0; i < ledger->members->len; i++)
        {
          gint64 member_id = g_array_index (ledger->members, gint64, i);
          g_autofree char *name = g_strdup_printf ("党员%02u", i + 1);

          bl_attendance_add (attendance, member_id, name,
                             (i + a) % 7 == 0 ? BL_ATTENDANCE_LEAVE : BL_ATTENDANCE_PRESENT,
                             (i + a) % 7 == 0 ? "公出" : "");
        }
      id = bl_test_save_activity (ledger->store, activity, G_LIST_MODEL (attendance));
      g_array_append_val (ledger->activities, id);
    }
  return ledger;
}

static BlPrintDocument *
lay_out (Ledger          *ledger,
         BlPrintDocument *previous)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlReportRenderer) renderer = NULL;
  BlReport *report = bl_report_build (ledger->store, MONTH, TODAY, &error);

  g_assert_no_error (error);
  renderer = bl_report_renderer_new (report);
  return bl_print_renderer_layout_after (BL_PRINT_RENDERER (renderer), BL_PRINT_A4_WIDTH, BL_PRINT_A4_HEIGHT,
                                         previous);
}

/* Page @page_nr as the preview draws it (half a pixel a point). */
static GBytes *
pixels (BlPrintDocument *document,
        guint            page_nr)
{
  int width = (int) (BL_PRINT_A4_WIDTH / 2), height = (int) (BL_PRINT_A4_HEIGHT / 2);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  cairo_scale (cr, 0.5, 0.5);
  bl_print_document_draw_page (document, cr, page_nr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  cairo_surface_destroy (surface);
  return bytes;
}

static gboolean
same_pixels (BlPrintDocument *a,
             BlPrintDocument *b,
             guint            page_nr)
{
  g_autoptr(GBytes) x = pixels (a, page_nr);
  g_autoptr(GBytes) y = pixels (b, page_nr);

  return g_bytes_equal (x, y);
}

/* One record's save, as the editor makes it: its topic and one member's
 * attendance changed. */
static void
change_record (Ledger *ledger,
               guint   index,
               guint   member_index)
{
  g_autoptr(GError) error = NULL;
  gint64 id = g_array_index (ledger->activities, gint64, index);
  g_autoptr(BlActivity) activity = bl_store_get_activity (ledger->store, id, &error);
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(BlAttendee) attendee = NULL;

  g_assert_no_error (error);
  attendance = bl_store_load_attendance (ledger->store, id, &error);
  g_assert_no_error (error);
  attendee = g_list_model_get_item (attendance, member_index);
  bl_attendee_set_state (attendee, BL_ATTENDANCE_ABSENT);
  bl_activity_set_topic (activity, "年终总结（修改稿）");
  g_assert_true (bl_store_save_activity (ledger->store, activity, attendance, &error));
  g_assert_no_error (error);
}

static void
test_same_again (void)
{
  g_autoptr(Ledger) ledger = ledger_new ();
  g_autoptr(BlPrintDocument) first = lay_out (ledger, NULL);
  g_autoptr(BlPrintDocument) again = lay_out (ledger, first);
  g_autoptr(BlPrintDocument) fresh = lay_out (ledger, NULL);
  guint n_pages = bl_print_document_get_n_pages (first);

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (bl_print_document_get_n_pages (again), ==, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      /* Nothing changed: every page the same, and drawn as a fresh layout draws it. */
      g_assert_true (bl_print_document_page_equal (again, p, first));
      g_assert_true (same_pixels (again, fresh, p));
      /* Text laid out apart is another layout: "not the same" is the safe answer. */
      g_assert_false (bl_print_document_page_equal (fresh, p, first));
    }
  g_assert_false (bl_print_document_page_equal (again, n_pages, first));
}

static void
test_after_a_save (void)
{
  g_autoptr(Ledger) ledger = ledger_new ();
  g_autoptr(BlPrintDocument) before = lay_out (ledger, NULL);
  g_autoptr(BlPrintDocument) after = NULL;
  g_autoptr(BlPrintDocument) fresh = NULL;
  guint n_pages, equal = 0, changed = 0;

  /* The last record, a member on the grid's last page. */
  change_record (ledger, ledger->activities->len - 1, ledger->members->len - 2);
  after = lay_out (ledger, before);
  fresh = lay_out (ledger, NULL);
  n_pages = bl_print_document_get_n_pages (after);
  g_assert_cmpuint (n_pages, ==, bl_print_document_get_n_pages (before));
  g_assert_cmpuint (n_pages, ==, bl_print_document_get_n_pages (fresh));

  for (guint p = 0; p < n_pages; p++)
    {
      /* Reused text or not, the pages are drawn alike. */
      g_assert_true (same_pixels (after, fresh, p));
      /* "The same" only of a page that draws the same pixels as before. */
      if (bl_print_document_page_equal (after, p, before))
        {
          g_assert_true (same_pixels (after, before, p));
          equal++;
        }
      else
        changed++;
    }
  /* The activity list (the topic), the grid's page with the member: not the
   * same; the grid's other pages are. */
  g_test_message ("%u of %u pages the same after the save", equal, n_pages);
  g_assert_false (bl_print_document_page_equal (after, 0, before));
  g_assert_false (same_pixels (after, before, 0));
  g_assert_cmpuint (changed, >=, 2);
  g_assert_cmpuint (equal, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print-document/same-again", test_same_again);
  g_test_add_func ("/print-document/after-a-save", test_after_a_save);
  return g_test_run ();
}
