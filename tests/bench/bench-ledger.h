/* bench-ledger.h: the 20-year ledger the benchmarks share (and a person can
 * write with tests/bench/bench-ledger PATH) */
#pragma once

#include "bl-store.h"

G_BEGIN_DECLS

#define BL_BENCH_YEARS       20
#define BL_BENCH_FIRST_YEAR  2006
#define BL_BENCH_MEMBERS     300
#define BL_BENCH_PER_MONTH   25   /* 20 × 12 × 25 = 6,000 activities */

/* The ledger at @path, the 20-year ledger written into it first when it
 * has no activities yet (a minute or so). */
BlStore *bl_bench_ledger_open (const char *path);

G_END_DECLS
