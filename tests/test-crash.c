/* test-crash.c: a process saving records, or attaching files to them, is
 * killed at random moments; every save it reported committed is there
 * afterwards, the file is intact, no row names a missing file and no stray
 * file counts as attached */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bl-attachment-files.h"
#include "bl-store-attachments.h"
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

/* The child of the attach test: attaches a new file (every fifth one a
 * copy of an earlier content) to activity @id forever, writing its SHA-256
 * to @fd only after bl_store_attach_files() returned, that is after COMMIT. */
G_GNUC_NORETURN static void
attach_child_main (const char *path,
                   const char *src,
                   gint64      id,
                   int         fd)
{
  g_autoptr(GError) error = NULL;
  BlStore *store = bl_store_open (path, &error);
  GRand *rand = g_rand_new ();

  if (store == NULL)
    _exit (3);
  for (guint i = 0;; i++)
    {
      /* Large enough that reading, syncing and renaming take a while. */
      gsize size = (gsize) g_rand_int_range (rand, 64 * 1024, 1024 * 1024);
      g_autofree guchar *data = g_malloc (size);
      g_autofree char *name = g_strdup_printf ("%d-%u.bin", (int) getpid (), i);
      g_autofree char *file_path = g_build_filename (src, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autofree char *sha256 = NULL;
      guint32 seed = (i % 5 == 4) ? 1 : g_rand_int (rand);
      GRand *content = g_rand_new_with_seed (seed);

      for (gsize j = 0; j < size; j++)
        data[j] = (guchar) g_rand_int (content);
      g_rand_free (content);
      if (seed == 1)
        size = 100 * 1024;
      if (!g_file_set_contents (file_path, (const char *) data, (gssize) size, NULL))
        _exit (6);
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
      if (!bl_store_attach_files (store, id, &file, 1, BL_ATTACHMENT_ADD_NONE, NULL))
        _exit (4);
      if (write (fd, sha256, 64) != 64)
        _exit (5);
      g_unlink (file_path);
    }
}

/* Every row names a file that is there, whole; everything reported
 * committed is named; the record counts its rows, not the files. */
static void
check_attachments (const char *path,
                   gint64      id,
                   GPtrArray  *committed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(BlAttachmentList) list = NULL;
  g_autoptr(BlActivity) activity = NULL;
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  store = bl_store_open (path, &error);
  g_assert_no_error (error);
  list = bl_store_load_attachments (store, id, &error);
  g_assert_no_error (error);
  activity = bl_store_get_activity (store, id, &error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (bl_activity_get_attachment_count (activity), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *stored = bl_store_get_attachment_path (store, attachment);
      g_autofree char *data = NULL;
      g_autofree char *sha256 = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (stored, &data, &length, NULL));
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
      g_assert_cmpstr (sha256, ==, bl_attachment_get_sha256 (attachment));
      g_assert_cmpuint (length, ==, bl_attachment_get_size (attachment));
      g_hash_table_add (named, (gpointer) bl_attachment_get_sha256 (attachment));
    }
  for (guint i = 0; i < committed->len; i++)
    g_assert_true (g_hash_table_contains (named, g_ptr_array_index (committed, i)));
}

static void
test_kill_attach (void)
{
  g_autofree char *dir = bl_test_make_dir ();
  g_autofree char *src = bl_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.db", NULL);
  g_autoptr(GPtrArray) committed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *attachments_dir = NULL;
  guint stray = 0;
  gint64 id;

  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(BlActivity) activity = bl_activity_new ();

    g_assert_no_error (error);
    bl_activity_set_kind (activity, BL_KIND_THEME_DAY);
    bl_activity_set_date (activity, "2025-03-10");
    bl_activity_set_topic (activity, "参观红色教育基地");
    g_assert_true (bl_store_save_activity (store, activity, NULL, &error));
    id = bl_activity_get_id (activity);
    attachments_dir = bl_store_get_attachments_dir (store);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      int fds[2];
      pid_t pid;
      int status;
      char sha256[65] = { 0 };
      gint64 deadline;
      gboolean waiting = TRUE;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          attach_child_main (path, src, id, fds[1]);
        }
      close (fds[1]);

      /* Killed 0 to 40 ms after its first reported attach: while it reads a
       * file in, renames it into place, or commits. */
      fcntl (fds[0], F_SETFL, O_NONBLOCK);
      deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      while (g_get_monotonic_time () < deadline)
        {
          ssize_t got = read (fds[0], sha256, 64);

          if (got == 64)
            {
              g_ptr_array_add (committed, g_strdup (sha256));
              if (waiting)
                deadline = g_get_monotonic_time () + g_test_rand_int_range (0, 40) * 1000;
              waiting = FALSE;
            }
          else if (got == 0)
            break;
          else
            g_usleep (200);
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      fcntl (fds[0], F_SETFL, 0);
      while (read (fds[0], sha256, 64) == 64)
        g_ptr_array_add (committed, g_strdup (sha256));
      close (fds[0]);

      check_attachments (path, id, committed);
    }

  /* Files no row names (a kill between the rename and the commit) are
   * collected once a day old; none that a row names. */
  {
    g_autoptr(BlStore) store = bl_store_open (path, &error);
    g_autoptr(BlAttachmentList) list = bl_store_load_attachments (store, id, &error);
    g_autoptr(BlAttachmentFiles) files = bl_attachment_files_new_for_dir (attachments_dir);
    g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GPtrArray) before = bl_attachment_files_list_objects (files);
    g_autoptr(GPtrArray) after = NULL;
    g_autofree char *tmp = g_build_filename (attachments_dir, "tmp", NULL);
    g_autoptr(GDir) partial = NULL;
    guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BlAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_hash_table_add (referenced, g_strdup (bl_attachment_get_sha256 (attachment)));
      }
    stray = before->len - g_hash_table_size (referenced);
    bl_attachment_files_collect (files, referenced, g_get_real_time () / G_USEC_PER_SEC + 8 * 24 * 3600);
    after = bl_attachment_files_list_objects (files);
    g_assert_cmpuint (after->len, ==, g_hash_table_size (referenced));
    partial = g_dir_open (tmp, 0, NULL);
    g_assert_null (partial != NULL ? g_dir_read_name (partial) : NULL);
  }
  g_test_message ("%u attaches reported committed over %u kills; %u stray files collected",
                  committed->len, ROUNDS, stray);
  g_assert_cmpuint (committed->len, >=, ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill", test_kill);
  g_test_add_func ("/crash/kill-attach", test_kill_attach);

  return g_test_run ();
}
