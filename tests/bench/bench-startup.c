/* bench-startup.c: how long Branch Ledger takes from exec to the first frame
 * of its window on the 20-year ledger, and how much memory it holds then,
 * against a bare libadwaita window (bench-bare-window) started alternately
 * on the same display:
 *   meson compile -C build
 *   xvfb-run -a -s '-screen 0 1366x768x24' dbus-run-session -- \
 *     build/tests/bench/bench-startup [--runs N] [--today YYYY-MM-DD]
 *                                     [--first-open-of-day] [LEDGER.db]
 * (or on a desktop session, from a terminal). The ledger is the benchmarks'
 * own (bl-bench-ledger.c), built once.
 *
 * "First frame": both programs, with BRANCH_LEDGER_FIRST_FRAME set, print
 * g_get_monotonic_time() from their window's first GdkFrameClock
 * "after-paint" (a test hook, see bl-window.c); the clock is CLOCK_MONOTONIC,
 * the same in every process, so it is compared with the time taken here just
 * before the exec. Resident memory (VmRSS) is read from /proc as soon as the
 * line arrives, and again two seconds later, once the program has settled.
 * One run of each first warms the caches and is not counted.
 *
 * The window paints before the ledger's checks are over (PRAGMA quick_check,
 * and on the first open of a day integrity_check and the daily backup): it
 * then prints "first-frame MICROSECONDS checking", and "ledger-checked
 * MICROSECONDS" once they are, from which on a save no longer waits for
 * them. That time is reported too; a program that checks before its first
 * frame prints neither, and its ledger is checked by its first frame. Each
 * run waits for the checks before it ends the program, so that the first
 * run of a day stores the day's check and the next runs are not the day's
 * first open.
 *
 * --first-open-of-day makes every run the day's first open: before each run
 * of the program the day of the last integrity check is cleared from the
 * ledger and that day's backup is removed (the ledger is then changed: the
 * benchmarks' own ledger, or a copy, not one in use).
 *
 * The program runs on the ledger as of --today (BRANCH_LEDGER_TODAY), by
 * default 2025-12-31, the last day of the ledger's twenty years: a ledger
 * in use. "--today now" takes the machine's date, on which (after 2025)
 * the ledger is one nobody kept for months: every member overdue, every
 * period missed, hundreds of rows on the overview.
 *
 * --bare-cairo starts the bare window as the program starts itself where
 * GL is Mesa's software rasteriser (src/gui/bl-renderer.c): GTK's cairo
 * renderer, and no GL context (GSK_RENDERER=cairo, and GDK_DEBUG=gl-disable
 * or from GTK 4.16 on GDK_DISABLE=gl). The program is started as always,
 * making that choice itself.
 *
 * BRANCH_LEDGER_BIN=PROGRAM starts another build of the program (an older
 * one, built from a copy of its tree) instead of this build's: two runs,
 * one with it and one without, compare two builds against the same bare
 * window.
 * Targets (issue 10): time ≤ 1.25× the bare window's, memory ≤ 1.3×. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bl-bench-ledger.h"
#include "bl-test-common.h"
#include "db/bl-ledger-file.h"

#define SETTLE_SECONDS 2
#define WAIT_SECONDS   120

typedef struct {
  double ms;           /* exec → first frame */
  double checked_ms;   /* exec → the ledger's checks over (saves no longer wait) */
  double cpu_ms;       /* processor time used by then (all threads) */
  double rss_frame;    /* MB at the first frame */
  double rss_settled;  /* MB SETTLE_SECONDS later */
} Run;

/* User and system time of @pid, from /proc/PID/stat (fields 14 and 15). */
static double
cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    return 0;
  /* After "pid (comm)": field 3 on. */
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static double
rss_mb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

/* Reads the child's output up to a line that starts with @prefix: its
 * first number in *@when, and whether the word "checking" follows it in
 * *@checking (may be NULL). FALSE when it does not come. */
static gboolean
read_line (int         fd,
           const char *prefix,
           gint64     *when,
           gboolean   *checking)
{
  GString *line = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_TIME_SPAN_SECOND;
  gboolean found = FALSE;

  while (!found && g_get_monotonic_time () < deadline)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      char c;

      if (poll (&pfd, 1, 1000) <= 0)
        continue;
      if (read (fd, &c, 1) != 1)
        break;
      if (c != '\n')
        {
          g_string_append_c (line, c);
          continue;
        }
      if (g_str_has_prefix (line->str, prefix))
        {
          char *end = NULL;

          *when = g_ascii_strtoll (line->str + strlen (prefix), &end, 10);
          if (checking != NULL)
            *checking = end != NULL && strstr (end, "checking") != NULL;
          found = TRUE;
        }
      g_string_truncate (line, 0);
    }
  g_string_free (line, TRUE);
  return found;
}

static gboolean
run_once (const char * const *argv,
          char              **env,
          Run                *run)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out = -1;
  gint64 start, frame = 0, checked = 0, settle;
  gboolean ok, checking = FALSE;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  ok = read_line (out, "first-frame ", &frame, &checking);
  if (ok)
    {
      run->ms = (frame - start) / 1000.0;
      run->cpu_ms = cpu_ms (pid);
      run->rss_frame = rss_mb (pid);
      checked = frame;
      if (checking && !read_line (out, "ledger-checked ", &checked, NULL))
        {
          g_printerr ("%s did not finish checking the ledger within %d s\n", argv[0], WAIT_SECONDS);
          ok = FALSE;
        }
      run->checked_ms = (checked - start) / 1000.0;
      settle = frame + SETTLE_SECONDS * G_TIME_SPAN_SECOND - g_get_monotonic_time ();
      if (settle > 0)
        g_usleep ((gulong) settle);
      run->rss_settled = rss_mb (pid);
    }
  else
    g_printerr ("%s painted no frame within %d s\n", argv[0], WAIT_SECONDS);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  close (out);
  return ok;
}

/* Makes the program's next open of @ledger the first of @today: no
 * integrity check stored for any day, no backup of that day. */
static gboolean
forget_day (const char *ledger,
            const char *today)
{
  g_autofree char *backups = bl_ledger_file_backup_dir (ledger);
  g_autofree char *base = g_path_get_basename (ledger);
  g_autofree char *name = NULL;
  g_autofree char *backup = NULL;
  char *dot = strrchr (base, '.');
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (ledger, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 10000);
      rc = sqlite3_exec (db, "DELETE FROM setting WHERE key = '" BL_LEDGER_FILE_CHECKED_ON "'", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    g_printerr ("%s: %s\n", ledger, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strdup_printf ("%s-%s.db", base, today);
  backup = g_build_filename (backups, name, NULL);
  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      g_printerr ("%s: %s\n", backup, g_strerror (errno));
      return FALSE;
    }
  return rc == SQLITE_OK;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *runs,
        gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs->len; i++)
    g_array_append_val (values, G_STRUCT_MEMBER (double, &g_array_index (runs, Run, i), offset));
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) + g_array_index (values, double, values->len / 2)) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *ledger = NULL;
  g_autofree char *config = NULL;
  g_auto(GStrv) env = NULL;
  g_auto(GStrv) bare_env = NULL;
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GError) error = NULL;
  const char *today = "2025-12-31";
  g_autofree char *day = NULL;
  gboolean first_open = FALSE;
  gboolean bare_cairo = FALSE;
  int runs = 7;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else if (g_str_equal (argv[i], "--today") && i + 1 < argc)
        today = argv[++i];
      else if (g_str_equal (argv[i], "--first-open-of-day"))
        first_open = TRUE;
      else if (g_str_equal (argv[i], "--bare-cairo"))
        bare_cairo = TRUE;
      else if (argv[i][0] != '-' && ledger == NULL)
        ledger = g_canonicalize_filename (argv[i], NULL);
      else
        {
          g_printerr ("usage: %s [--runs N] [--today YYYY-MM-DD|now] [--first-open-of-day] [--bare-cairo] [LEDGER.db]\n",
                      argv[0]);
          return 2;
        }
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: run it in a desktop session, or under xvfb-run -a dbus-run-session --\n");
      return 2;
    }
  if (ledger == NULL)
    ledger = bl_bench_ledger_default_path ();
  {
    g_autoptr(BlStore) store = bl_bench_ledger_open (ledger, &error);

    if (store == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  /* Settings in memory and a configuration folder of its own: the
   * program's autostart entry and window size stay out of the user's. */
  config = bl_test_make_dir ();
  env = g_get_environ ();
  env = g_environ_setenv (env, "BRANCH_LEDGER_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  if (g_str_equal (today, "now"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      env = g_environ_unsetenv (env, "BRANCH_LEDGER_TODAY");
      day = g_date_time_format (now, "%Y-%m-%d");
    }
  else
    {
      env = g_environ_setenv (env, "BRANCH_LEDGER_TODAY", today, TRUE);
      day = g_strdup (today);
    }

  bare_env = g_strdupv (env);
  if (bare_cairo)
    {
      const char *person = g_environ_getenv (env, BENCH_GL_OFF_VARIABLE);
      g_autofree char *gl_off = person != NULL && *person != '\0'
                                ? g_strconcat (person, ",", BENCH_GL_OFF_FLAG, NULL)
                                : g_strdup (BENCH_GL_OFF_FLAG);

      bare_env = g_environ_setenv (bare_env, "GSK_RENDERER", "cairo", TRUE);
      bare_env = g_environ_setenv (bare_env, BENCH_GL_OFF_VARIABLE, gl_off, TRUE);
    }

  {
    const char *bare_argv[] = { BENCH_BARE_WINDOW, NULL };
    const char *program = g_getenv ("BRANCH_LEDGER_BIN") != NULL ? g_getenv ("BRANCH_LEDGER_BIN") : BENCH_APP;
    const char *app_argv[] = { program, "--database", ledger, NULL };

    g_print ("program: %s\nledger: %s, as of %s%s\nbare window: %s\n"
             "runs: %d of each, alternately, after one of each to warm the caches\n",
             program, ledger, today, first_open ? ", each the day's first open" : "",
             bare_cairo ? "GTK's cairo renderer, no GL context" : "GTK's default renderer", runs);
    for (int i = -1; i < runs; i++)
      {
        Run b, a;

        if (!run_once (bare_argv, bare_env, &b) || (first_open && !forget_day (ledger, day)) ||
            !run_once (app_argv, env, &a))
          return 1;
        if (i < 0)
          continue;
        g_array_append_val (bare, b);
        g_array_append_val (app, a);
        g_print ("run %d: bare window %5.0f ms (CPU %4.0f ms), %5.1f MB (%5.1f MB settled); "
                 "Branch Ledger %5.0f ms (CPU %4.0f ms), %5.1f MB (%5.1f MB settled), ledger checked at %5.0f ms\n",
                 i + 1, b.ms, b.cpu_ms, b.rss_frame, b.rss_settled, a.ms, a.cpu_ms, a.rss_frame, a.rss_settled,
                 a.checked_ms);
      }
  }

  {
    double bare_ms = median (bare, G_STRUCT_OFFSET (Run, ms));
    double app_ms = median (app, G_STRUCT_OFFSET (Run, ms));
    double bare_rss = median (bare, G_STRUCT_OFFSET (Run, rss_frame));
    double app_rss = median (app, G_STRUCT_OFFSET (Run, rss_frame));
    double bare_settled = median (bare, G_STRUCT_OFFSET (Run, rss_settled));
    double app_settled = median (app, G_STRUCT_OFFSET (Run, rss_settled));

    double bare_cpu = median (bare, G_STRUCT_OFFSET (Run, cpu_ms));
    double app_cpu = median (app, G_STRUCT_OFFSET (Run, cpu_ms));
    double app_checked = median (app, G_STRUCT_OFFSET (Run, checked_ms));

    g_print ("median exec → first frame: bare window %.0f ms, Branch Ledger %.0f ms: %.2f× (target ≤ 1.25×)\n",
             bare_ms, app_ms, app_ms / bare_ms);
    g_print ("median exec → the ledger's checks over (saves no longer wait): Branch Ledger %.0f ms\n",
             app_checked);
    g_print ("median processor time by the first frame: bare window %.0f ms, Branch Ledger %.0f ms: %.2f×\n",
             bare_cpu, app_cpu, app_cpu / bare_cpu);
    g_print ("median resident memory at the first frame: bare window %.1f MB, Branch Ledger %.1f MB: %.2f× (target ≤ 1.3×)\n",
             bare_rss, app_rss, app_rss / bare_rss);
    g_print ("median resident memory %d s later: bare window %.1f MB, Branch Ledger %.1f MB: %.2f×\n",
             SETTLE_SECONDS, bare_settled, app_settled, app_settled / bare_settled);
  }
  return 0;
}
