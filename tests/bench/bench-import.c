/* bench-import.c: issue 10's import and export figures on the 20-year
 * ledger, each against sqlite3's .import of the same CSV file, the two
 * measured one after the other in each round of one run:
 *   - importing the ledger's activities.csv into a new ledger that has its
 *     members (target: at most 10 times the .import, aim 5),
 *   - importing the same file again, every row a duplicate (at most 3),
 *   - --export-csv of the ledger (at most 5 times the .import of the
 *     activities.csv it writes).
 * The program runs as a secretary runs it (branch-ledger --import-activities
 * …), start-up included, as sqlite3 does. Wall time and the children's CPU
 * time are both shown: on a busy machine the CPU time varies less. For
 * scale, the last line times SQLite alone inserting the million attendance
 * rows the import writes (sqlite3, CHECK constraints and foreign keys off,
 * the index made after), which .import never writes.
 *   ninja -C build tests/bench/bench-import src/branch-ledger
 *   build/tests/bench/bench-import [LEDGER.db]   (needs the sqlite3 program)
 * BRANCH_LEDGER_BIN=PROGRAM times another build of the program (an older
 * one, for a before and after).
 * The 20-year ledger is built once (a minute or so) and kept when a path is
 * given (tests/bench/bench-ledger writes one). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bl-bench-ledger.h"
#include "bl-test-common.h"

#define ROUNDS 3

typedef struct {
  double wall;   /* seconds */
  double cpu;    /* seconds, user + system, of the child */
} Time;

static const char *program;
static char *sqlite;

static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Runs @argv, which must succeed, and says how long it took. */
static Time
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  double cpu = children_cpu ();
  gint64 start = g_get_monotonic_time ();
  int status;
  Time time;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                               &status, &error));
  time.wall = (g_get_monotonic_time () - start) / 1e6;
  time.cpu = children_cpu () - cpu;
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return time;
}

/* sqlite3's .import of @csv into a table of a new database. */
static Time
sqlite_import (const char *dir,
               const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "sqlite.db", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' activities", csv);
  const char *argv[] = { sqlite, db, ".mode csv", import, NULL };

  g_unlink (db);
  return run (argv);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, ROUNDS, sizeof (double), compare_doubles);
  return values[ROUNDS / 2];
}

static void
report (const char *what,
        Time       *app,
        Time       *base,
        double      target)
{
  double wall_ratio[ROUNDS], cpu_ratio[ROUNDS], app_wall[ROUNDS], app_cpu[ROUNDS], base_wall[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      wall_ratio[r] = app[r].wall / base[r].wall;
      cpu_ratio[r] = app[r].cpu / base[r].cpu;
      app_wall[r] = app[r].wall;
      app_cpu[r] = app[r].cpu;
      base_wall[r] = base[r].wall;
    }
  g_print ("%-38s %6.2f s (CPU %5.2f s)  sqlite3 .import %5.2f s  ratio %5.1f× (CPU %5.1f×)",
           what, median (app_wall), median (app_cpu), median (base_wall), median (wall_ratio), median (cpu_ratio));
  if (target > 0)
    g_print ("  target ≤ %.0f×: %s", target, median (wall_ratio) <= target ? "met" : "not met");
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *ledger = NULL;
  g_autofree char *first = NULL;
  g_autofree char *members = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *template = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_activities = NULL;
  Time import[ROUNDS], import_base[ROUNDS], again[ROUNDS], again_base[ROUNDS], export[ROUNDS], export_base[ROUNDS];
  Time floor_rows[ROUNDS], floor_base[ROUNDS];

  setlocale (LC_ALL, "");
  program = g_getenv ("BRANCH_LEDGER_BIN") != NULL ? g_getenv ("BRANCH_LEDGER_BIN") : BRANCH_LEDGER_BIN_PATH;
  sqlite = g_find_program_in_path ("sqlite3");
  if (sqlite == NULL)
    {
      g_printerr ("bench-import needs the sqlite3 program (apt-get install sqlite3)\n");
      return 2;
    }
  /* Held activities up to 2025: "today" after them, whatever the date. */
  g_setenv ("BRANCH_LEDGER_TODAY", "2026-06-01", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  dir = bl_test_make_dir ();
  ledger = argc > 1 ? g_strdup (argv[1]) : g_build_filename (dir, "ledger.db", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BlStore) store = bl_bench_ledger_open (ledger, &error);

    if (store == NULL)
      {
        g_printerr ("%s: %s\n", ledger, error->message);
        return 1;
      }
  }

  /* Untimed: today's backup of the ledger, its export, and a new ledger
   * with the members only, copied afresh for each round. */
  first = g_build_filename (dir, "first", NULL);
  members = g_build_filename (first, "members.csv", NULL);
  activities = g_build_filename (first, "activities.csv", NULL);
  template = g_build_filename (dir, "members-only.db", NULL);
  copy = g_build_filename (dir, "round.db", NULL);
  exported = g_build_filename (dir, "exported", NULL);
  exported_activities = g_build_filename (exported, "activities.csv", NULL);
  {
    const char *export_first[] = { program, "--database", ledger, "--export-csv", first, NULL };
    const char *setup[] = { program, "--database", template, "--import-members", members, NULL };

    run (export_first);
    run (setup);
  }
  {
    GStatBuf info;

    g_assert_cmpint (g_stat (activities, &info), ==, 0);
    g_print ("the 20-year ledger's activities.csv: %.1f MB; %d rounds, medians:\n", info.st_size / 1e6, ROUNDS);
  }

  for (guint r = 0; r < ROUNDS; r++)
    {
      const char *import_argv[] = { program, "--database", copy, "--import-activities", activities, NULL };
      const char *export_argv[] = { program, "--database", ledger, "--export-csv", exported, NULL };

      copy_file (template, copy);
      import_base[r] = sqlite_import (dir, activities);
      import[r] = run (import_argv);
      again[r] = run (import_argv);
      again_base[r] = sqlite_import (dir, activities);
      export[r] = run (export_argv);
      export_base[r] = sqlite_import (dir, exported_activities);
      g_printerr ("round %u: import %.2f s, again %.2f s, export %.2f s; sqlite3 %.2f, %.2f, %.2f s\n", r + 1,
                  import[r].wall, again[r].wall, export[r].wall, import_base[r].wall, again_base[r].wall,
                  export_base[r].wall);
    }

  /* The floor: the attendance rows alone, written by SQLite itself. */
  {
    g_autofree char *floor_db = g_build_filename (dir, "floor.db", NULL);
    const char *prepare[] = { sqlite, floor_db, "CREATE TABLE marks AS SELECT * FROM attendance ORDER BY activity_id, "
                              "member_id; DELETE FROM attendance;", NULL };
    const char *insert[] = { sqlite, floor_db, "PRAGMA cache_size = -524288; PRAGMA ignore_check_constraints = ON; "
                             "BEGIN; DROP INDEX attendance_member; INSERT INTO attendance SELECT * FROM marks; "
                             "CREATE INDEX attendance_member ON attendance (member_id, activity_id); COMMIT;", NULL };
    const char *empty[] = { sqlite, floor_db, "DELETE FROM attendance;", NULL };

    copy_file (ledger, floor_db);
    run (prepare);
    for (guint r = 0; r < ROUNDS; r++)
      {
        floor_rows[r] = run (insert);
        floor_base[r] = sqlite_import (dir, activities);
        run (empty);
      }
  }

  report ("--import-activities (new ledger)", import, import_base, 10);
  report ("--import-activities (all duplicates)", again, again_base, 3);
  report ("--export-csv", export, export_base, 5);
  report ("(SQLite alone writing the attendance)", floor_rows, floor_base, 0);
  return 0;
}
