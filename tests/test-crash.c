/* test-crash.c: a process saving records is killed at random moments; every
 * save it reported committed is there afterwards and the file is intact */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bl-store.h"
#include "bl-test-common.h"

#define ROUNDS 40

/* The child: saves activities with attendance forever, writing each id to
 * @fd only after bl_store_save_activity() returned, that is after COMMIT. */
G_GNUC_NORETURN static void
child_main (const char *path,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open (path, &error);
  gint64 a, b;

  if (store == NULL)
    _exit (3);
  {
    g_autoptr(BlMember) ma = bl_store_find_active_member (store, "甲");
    g_autoptr(BlMember) mb = bl_store_find_active_member (store, "乙");
    a = bl_member_get_id (ma);
    b = bl_member_get_id (mb);
  }

  for (guint i = 0;; i++)
    {
      g_autoptr(BlActivity) activity = bl_activity_new ();
      g_autoptr(GListStore) attendance = bl_attendance_new ();
      g_autofree char *topic = g_strdup_printf ("第%u次会议", i);
      gint64 id;

      bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
      bl_activity_set_date (activity, "2025-03-10");
      bl_activity_set_topic (activity, topic);
      bl_activity_set_content (activity, "会议记录会议记录会议记录会议记录会议记录会议记录会议记录会议记录");
      bl_attendance_add (attendance, a, "甲", BL_ATTENDANCE_PRESENT, NULL);
      bl_attendance_add (attendance, b, "乙", BL_ATTENDANCE_LEAVE, "病假");
      if (!bl_store_save_activity (store, activity, G_LIST_MODEL (attendance), NULL))
        _exit (4);
      id = bl_activity_get_id (activity);
      if (write (fd, &id, sizeof id) != sizeof id)
        _exit (5);
    }
}

static void
check_ledger (const char *path,
              GArray     *committed)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM attendance WHERE activity_id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < committed->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (committed, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      /* The activity and both attendance rows, or the test fails here. */
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    }
  sqlite3_finalize (stmt);

  /* No half-saved activity: each one has its two attendance rows. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM activity a WHERE "
                                           "(SELECT count(*) FROM attendance x WHERE x.activity_id = a.id) <> 2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_kill (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint total_rounds_with_saves = 0;

  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_assert_no_error (error);
    bl_test_add_member (store, "甲", "", BL_MEMBER_ROLE_SECRETARY);
    bl_test_add_member (store, "乙", "", BL_MEMBER_ROLE_NONE);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      int fds[2];
      pid_t pid;
      int status;
      gint64 id;
      guint before = committed->len;
      gint64 deadline;
      gboolean waiting;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          child_main (path, fds[1]);
        }
      close (fds[1]);

      /* Most rounds kill it 0 to 40 ms after its first commit, in the middle
       * of later saves; every fourth kills it 1 to 40 ms after it started,
       * while it opens the ledger. Slow builds (sanitizers) only stretch the
       * wait for the first commit. */
      fcntl (fds[0], F_SETFL, O_NONBLOCK);
      waiting = round % 4 != 0;
      deadline = g_get_monotonic_time () + (waiting ? 30 * G_USEC_PER_SEC : g_test_rand_int_range (1, 40) * 1000);
      while (g_get_monotonic_time () < deadline)
        {
          ssize_t got = read (fds[0], &id, sizeof id);

          if (got == sizeof id)
            {
              g_array_append_val (committed, id);
              if (waiting)
                deadline = g_get_monotonic_time () + g_test_rand_int_range (0, 40) * 1000;
              waiting = FALSE;
            }
          else if (got == 0)
            break;  /* it died on its own: the checks below say why not */
          else
            g_usleep (200);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* What it wrote before dying was reported after a commit. */
      fcntl (fds[0], F_SETFL, 0);
      while (read (fds[0], &id, sizeof id) == sizeof id)
        g_array_append_val (committed, id);
      close (fds[0]);

      if (committed->len > before)
        total_rounds_with_saves++;
      check_ledger (path, committed);
    }

  g_test_message ("%u saves reported committed over %u kills", committed->len, ROUNDS);
  g_assert_cmpuint (total_rounds_with_saves, >=, ROUNDS * 3 / 4);

  /* The ledger still opens normally. */
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (bl_store_get_activities (store)), >=, committed->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill", test_kill);

  return g_test_run ();
}
