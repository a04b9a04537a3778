/* bl-demo.h: a realistic sample branch, for trying the app and for screenshots */
#pragma once

#include <glib.h>

#include "bl-store.h"

G_BEGIN_DECLS

/* The demo branch's name and its secretary (the member holding 书记). */
#define BL_DEMO_BRANCH_NAME "星湖科技园区第一党支部"
#define BL_DEMO_SECRETARY   "王建国"

/* Fills an empty ledger with the demo branch: three party groups, 28 members
 * with a committee (three probationary, one transferred out), two years of
 * activities with attendance up to @today ("YYYY-MM-DD", NULL for today on
 * the store's clock), a few missed quotas, a meeting planned next week and
 * one member drifting toward six months without organisational life. Enables the
 * standard and park-2025-ideology rule packs. The same @today always gives
 * the same ledger. Everything but the packs is one transaction: on failure
 * the ledger is left empty (the packs enabled, nothing else). */
gboolean bl_demo_fill (BlStore     *store,
                       const char  *today,
                       GError     **error);

/* Creates FILE (which must not exist, or be empty) and fills it with the demo. */
gboolean bl_demo_write_file (const char  *path,
                             const char  *today,
                             GError     **error);

/* Writes the sample afresh into FILE, the app's own sample ledger, whatever
 * sample it held (its dates follow today): made in a folder of its own
 * beside FILE, then copied over FILE through SQLite in one step. A FILE
 * that is missing or empty is written as bl_demo_write_file() does. */
gboolean bl_demo_rebuild_file (const char  *path,
                               const char  *today,
                               GError     **error);

G_END_DECLS
