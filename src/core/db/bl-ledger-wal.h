/* bl-ledger-wal.h: reading a ledger's write-ahead log (its -wal file) the
 * way SQLite's recovery does, to tell beforehand whether SQLite will replay
 * all of the committed saves in it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize    size;           /* bytes in the -wal file; 0 when there is none */
  gboolean header_valid;   /* magic, format and header checksum right */
  guint    frames;         /* whole frames in the file */
  guint    replayed;       /* frames SQLite replays: the valid chain up to its last commit */
  guint    commits;        /* commits among them */
  guint    lost_commits;   /* committed saves after the first bad frame, which SQLite drops */
} BlLedgerWal;

/* Reads the -wal file at @wal_path (none is fine: size 0) and checks every
 * frame. A frame after the first bad one still counts as a lost commit when
 * it carries this log's salts and its own checksum is right from the stored
 * one before it: a stale frame left from before the log was last reset has
 * other salts, and an unfinished save ends without a commit. FALSE only when
 * the file cannot be read. */
gboolean bl_ledger_wal_scan       (const char   *wal_path,
                                   BlLedgerWal  *scan,
                                   GError      **error);

/* Whether SQLite would drop committed saves from this log: a header it does
 * not accept in front of at least one whole frame, or lost commits. */
gboolean bl_ledger_wal_is_damaged (const BlLedgerWal *scan);

G_END_DECLS
