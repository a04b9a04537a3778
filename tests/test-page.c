/* test-page.c: how a page follows its context (BlPage): filled when first
 * shown, refreshed for what it shows only, once for several changes, not
 * while hidden, and caught up when shown again */
#include "config.h"

#include <locale.h>

#include "bl-kind.h"
#include "bl-page.h"
#include "bl-test-common.h"
#include "bl-test-gui.h"

/* A page that counts its refreshes. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, BlPage)

struct _TestPage
{
  BlPage    parent_instance;
  guint     refreshes;
  BlChange  last;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, BL_TYPE_PAGE)

static void
test_page_refresh (BlPage   *page,
                   BlChange  changes)
{
  TestPage *self = TEST_PAGE (page);

  self->refreshes++;
  self->last = changes;
}

static void
test_page_class_init (TestPageClass *klass)
{
  BL_PAGE_CLASS (klass)->follows = BL_CHANGE_ACTIVITIES | BL_CHANGE_TODAY;
  BL_PAGE_CLASS (klass)->refresh = test_page_refresh;
}

static void
test_page_init (TestPage *self)
{
}

typedef struct {
  BlStore   *store;
  BlClock   *clock;
  BlContext *context;
  GtkWidget *window;
  GtkStack  *stack;
  TestPage  *page;
} Fixture;

static void
save_activity (Fixture    *f,
               const char *topic)
{
  g_autoptr(BlActivity) activity = bl_activity_new ();
  g_autoptr(GError) error = NULL;

  bl_activity_set_kind (activity, BL_KIND_STUDY_SESSION);
  bl_activity_set_date (activity, "2025-11-10");
  bl_activity_set_topic (activity, topic);
  bl_activity_set_status (activity, BL_ACTIVITY_STATUS_HELD);
  g_assert_true (bl_store_save_activity (f->store, activity, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = bl_test_store_new ();
  f->clock = bl_clock_new ();
  g_assert_true (bl_clock_set_fixed_date (f->clock, "2025-11-28"));
  bl_store_set_clock (f->store, f->clock);
  f->context = bl_context_new (f->store);

  f->page = g_object_new (TEST_TYPE_PAGE, "context", f->context, NULL);
  f->window = gtk_window_new ();
  f->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (f->stack, gtk_label_new ("other"), "other");
  gtk_stack_add_named (f->stack, GTK_WIDGET (f->page), "page");
  gtk_stack_set_visible_child_name (f->stack, "other");
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->stack));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  bl_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  bl_test_iterate ();
  g_clear_object (&f->context);
  g_clear_object (&f->clock);
  g_clear_object (&f->store);
}

static void
show (Fixture    *f,
      const char *name)
{
  gtk_stack_set_visible_child_name (f->stack, name);
}

static void
test_page_follows (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_true (bl_page_get_context (BL_PAGE (f->page)) == f->context);
  g_assert_true (bl_page_get_store (BL_PAGE (f->page)) == f->store);

  /* Built, not shown: nothing is filled, whatever changes. */
  save_activity (f, "学习党章");
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 0);

  /* Shown: filled at once, as it is mapped, with all it shows. */
  show (f, "page");
  g_assert_cmpuint (f->page->refreshes, ==, 1);
  g_assert_cmpuint (f->page->last, ==, BL_CHANGE_ACTIVITIES | BL_CHANGE_TODAY);

  /* What it does not show passes it by. */
  bl_test_add_member (f->store, "王建国", "", BL_MEMBER_ROLE_NONE);
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 1);

  /* A save it shows: one refresh, before the next frame… */
  save_activity (f, "学习党史");
  g_assert_cmpuint (f->page->refreshes, ==, 1);
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 2);
  g_assert_cmpuint (f->page->last, ==, BL_CHANGE_ACTIVITIES);

  /* …and one for several in a row. */
  save_activity (f, "学习新中国史");
  save_activity (f, "学习改革开放史");
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 3);

  /* The day changing. */
  g_assert_true (bl_clock_set_fixed_date (f->clock, "2025-11-29"));
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 4);
  g_assert_cmpuint (f->page->last, ==, BL_CHANGE_TODAY);

  /* Hidden: noted, not refreshed; shown again: caught up, once. */
  show (f, "other");
  save_activity (f, "学习社会主义发展史");
  g_assert_true (bl_clock_set_fixed_date (f->clock, "2025-11-30"));
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 4);
  show (f, "page");
  g_assert_cmpuint (f->page->refreshes, ==, 5);
  g_assert_cmpuint (f->page->last, ==, BL_CHANGE_ACTIVITIES | BL_CHANGE_TODAY);
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 5);

  /* Asked for at once (printing what it shows): no waiting for the idle. */
  save_activity (f, "学习党的二十大精神");
  bl_page_update_now (BL_PAGE (f->page));
  g_assert_cmpuint (f->page->refreshes, ==, 6);
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 6);

  /* A page's own reason to refresh, only for what it shows. */
  bl_page_queue_refresh (BL_PAGE (f->page), BL_CHANGE_MEMBERS);
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 6);
  bl_page_queue_refresh (BL_PAGE (f->page), BL_CHANGE_ALL);
  bl_test_iterate ();
  g_assert_cmpuint (f->page->refreshes, ==, 7);
  g_assert_cmpuint (f->page->last, ==, BL_CHANGE_ACTIVITIES);
}

static gboolean
keep_going_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Another connection to the same ledger (another program) writes: the
 * context's watch reads it, and the page follows with BL_CHANGE_ALL. */
static void
test_page_outside_write (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BlStore) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  guint wake;

  show (f, "page");
  g_assert_cmpuint (f->page->refreshes, ==, 1);

  other = bl_store_open (bl_store_get_path (f->store), &error);
  g_assert_no_error (error);
  g_assert_true (bl_store_set_setting (other, BL_SETTING_BRANCH_NAME, "城东第一党支部", &error));
  g_assert_no_error (error);

  /* The file watch reports in its own time; the limit only guards a hang. */
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  wake = g_timeout_add_seconds (1, keep_going_cb, NULL);
  while (f->page->refreshes == 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_cmpuint (f->page->refreshes, ==, 2);
  g_assert_cmpuint (f->page->last, ==, BL_CHANGE_ACTIVITIES);
  {
    g_autofree char *name = bl_store_get_branch_name (f->store);

    g_assert_cmpstr (name, ==, "城东第一党支部");
  }
}

/* A quota report worked out ahead (the application does it while GTK
 * starts) goes to the first page that asks for its day, once; a save or a
 * new day lets it go, and a page then works out its own. */
static void
test_page_offered_quotas (Fixture       *f,
                          gconstpointer  data)
{
  BlQuotaReport *offered;
  BlQuotaReport *taken;

  offered = bl_quota_evaluate (f->store, "2025-11-28", NULL);
  g_assert_nonnull (offered);
  bl_context_offer_quota_report (f->context, "2025-11-28", offered);
  g_assert_null (bl_context_take_quota_report (f->context, "2025-11-29"));
  /* Asked for another day: let go. */
  g_assert_null (bl_context_take_quota_report (f->context, "2025-11-28"));

  offered = bl_quota_evaluate (f->store, "2025-11-28", NULL);
  bl_context_offer_quota_report (f->context, "2025-11-28", offered);
  taken = bl_context_take_quota_report (f->context, "2025-11-28");
  g_assert_true (taken == offered);
  bl_quota_report_free (taken);
  g_assert_null (bl_context_take_quota_report (f->context, "2025-11-28"));

  /* A save since: no longer what the ledger says. */
  bl_context_offer_quota_report (f->context, "2025-11-28", bl_quota_evaluate (f->store, "2025-11-28", NULL));
  save_activity (f, "学习二十届四中全会精神");
  g_assert_null (bl_context_take_quota_report (f->context, "2025-11-28"));

  /* The day changed since. */
  bl_context_offer_quota_report (f->context, "2025-11-28", bl_quota_evaluate (f->store, "2025-11-28", NULL));
  g_assert_true (bl_clock_set_fixed_date (f->clock, "2025-11-29"));
  g_assert_null (bl_context_take_quota_report (f->context, "2025-11-28"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/page/follows", Fixture, NULL, fixture_set_up, test_page_follows, fixture_tear_down);
  g_test_add ("/page/outside-write", Fixture, NULL, fixture_set_up, test_page_outside_write, fixture_tear_down);
  g_test_add ("/page/offered-quotas", Fixture, NULL, fixture_set_up, test_page_offered_quotas, fixture_tear_down);
  return g_test_run ();
}
