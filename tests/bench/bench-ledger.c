/* bench-ledger.c: writes the benchmarks' 20-year ledger (6,000 activities,
 * 300 members, about a million attendance rows) to a path, for a person to
 * try the program on, or reuses it when it is already there:
 *   ninja -C build tests/bench/bench-ledger && build/tests/bench/bench-ledger [LEDGER.db]
 *   build/src/branch-ledger --database LEDGER.db
 * Without a path: $XDG_CACHE_HOME/branch-ledger/bench/ledger-20-years.db,
 * the one the other benchmarks use. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bl-bench-ledger.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(BlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  setlocale (LC_ALL, "");
  if (argc > 2)
    {
      g_printerr ("usage: %s [LEDGER.db]\n", argv[0]);
      return 2;
    }
  path = argc > 1 ? g_canonicalize_filename (argv[1], NULL) : bl_bench_ledger_default_path ();
  store = bl_bench_ledger_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&store);
  if (g_stat (path, &info) == 0)
    g_print ("%s (%.1f MB)\n", path, info.st_size / 1e6);
  return 0;
}
