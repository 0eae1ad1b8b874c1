#!/usr/bin/env bash
# Steady state side by side: one long-lived client per system posting (or extracting) the list's files in turn for
# SECONDS at CONCURRENCY, rounds alternating between the service and Kreuzberg (in the sidebyside chroot). Unlike
# run.sh (a new Node process per 0.1-0.3 s round, timed from its first request), no client start-up, first fetch or
# cold V8 code is inside the clock: what an ATS holding a connection pool sees.
#   sudo bash bench/scripts/sidebyside-steady.sh URL LISTFILE [ROUNDS] [SECONDS] [CONCURRENCY]
set -uo pipefail
URL=$1; LIST=$2; ROUNDS=${3:-3}; SECS=${4:-10}; C=${5:-2}
source "$(dirname "$0")/sidebyside-lib.sh"; SBS=${SBS:-/tmp/sbs}; T=$SBS/trixie; here=$(cd "$(dirname "$0")" && pwd)
[ -x "$T/usr/bin/node" ] || { echo "run ../shared/tools/sidebyside/setup.sh first" >&2; exit 2; }
cp "$here/steady-loop.mjs" "$SBS/steady-loop.mjs"; cp "$here/steady-loop.mjs" "$T/sbs/steady-loop.mjs"
sbs_mount "$LIST"
for r in $(seq 1 "$ROUNDS"); do
  (cd "$SBS" && node steady-loop.mjs "ats=$URL" "$LIST" "$SECS" "$C")
  chroot "$T" sh -c "cd /sbs && node steady-loop.mjs kreuzberg run.list $SECS $C"
done
