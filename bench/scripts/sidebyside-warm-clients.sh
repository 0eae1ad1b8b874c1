#!/usr/bin/env bash
# ../shared/tools/sidebyside/run.sh with one change: every system's client does one untimed document before its
# clock starts (bench.mjs times from the first request, so the service's rounds include Node's own first fetch and
# FormData, 40-60 ms a process measured against python's http.server too, while Kreuzberg's module is loaded before
# its clock). The shared harness is not modified: a patched copy of its bench.mjs is written next to it.
#   sudo bash bench/scripts/sidebyside-warm-clients.sh URL LISTFILE [ROUNDS] [CONCURRENCY]
# Prints the same JSON lines as run.sh, one per system and round.
set -uo pipefail
URL=$1; LIST=$2; ROUNDS=${3:-3}; C=${4:-2}
source "$(dirname "$0")/sidebyside-lib.sh"; SBS=${SBS:-/tmp/sbs}; T=$SBS/trixie
[ -x "$T/usr/bin/node" ] || { echo "run ../shared/tools/sidebyside/setup.sh first" >&2; exit 2; }
grep -q '^const lat = \[\]' "$SBS/bench.mjs" || { echo "bench.mjs changed: cannot patch it" >&2; exit 2; }
sed 's#^const lat = \[\]#await one(files[0]).catch(() => {}); // untimed: the client warms up\nconst lat = []#' "$SBS/bench.mjs" > "$SBS/bench-warm.mjs"
cp "$SBS/bench-warm.mjs" "$T/sbs/bench-warm.mjs"
sbs_mount "$LIST"
(cd "$SBS" && node bench-warm.mjs "ats=$URL" "$LIST" "$C" >/dev/null)   # warm-up pass, not reported (as run.sh)
for r in $(seq 1 "$ROUNDS"); do
  (cd "$SBS" && node bench-warm.mjs "ats=$URL" "$LIST" "$C")
  (cd "$SBS" && node bench-warm.mjs textract "$LIST" "$C" 2>/dev/null)
  chroot "$T" sh -c "cd /sbs && node bench-warm.mjs kreuzberg run.list $C"
done
