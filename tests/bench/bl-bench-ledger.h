/* bl-bench-ledger.h: the benchmarks' 20-year ledger: 6,000 activities over
 * 2006–2025, 300 members in three party groups, about a million attendance
 * rows. One way to write it, for every benchmark and for a person
 * (tests/bench/bench-ledger). */
#pragma once

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_BENCH_LEDGER_YEARS      20
#define BL_BENCH_LEDGER_FIRST_YEAR 2006
#define BL_BENCH_LEDGER_MEMBERS    300
#define BL_BENCH_LEDGER_PER_MONTH  25   /* 20 × 12 × 25 = 6,000 activities */

/* $XDG_CACHE_HOME/branch-ledger/bench/ledger-20-years.db: built once, kept. */
char    *bl_bench_ledger_default_path (void);
/* Opens the ledger at @path, writing the 20 years into it first when it has
 * no activities (about a minute); an existing one is used as it is. */
BlStore *bl_bench_ledger_open         (const char  *path,
                                       GError     **error);

G_END_DECLS
