/* make-bench-ledger.c: writes the 20-year ledger of the benchmarks to a
 * path, for a person to try the program on, or for a benchmark to reuse.
 *   ninja -C build tests/bench/make-bench-ledger && build/tests/bench/make-bench-ledger /tmp/ledger20.db */
#include "config.h"

#include <locale.h>

#include "bench-ledger.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlStore) store = NULL;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s LEDGER.db (written when it has no activities yet)\n", argv[0]);
      return 2;
    }
  store = bl_bench_ledger_open (argv[1]);
  g_print ("%s\n", bl_store_get_path (store));
  return 0;
}
