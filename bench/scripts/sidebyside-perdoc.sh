#!/usr/bin/env bash
# Per document, one at a time, warm: the service's whole parse over HTTP (a long-lived Node client) against Kreuzberg's
# extraction alone (in-process, in the sidebyside chroot), rounds alternating, each file REPS times a round. Unlike
# run.sh, neither a new client process nor concurrency on 2 cores is in the time: it asks which system is faster on
# each document. Prints a table per format and the sums; the ratio is Kreuzberg's time over ours (> 1: we are faster).
#   sudo bash bench/scripts/sidebyside-perdoc.sh URL LISTFILE [ROUNDS] [REPS]
# FLOOR=http://127.0.0.1:5080/health adds a column: the same uploads POSTed to an endpoint that answers 405 at once, the
# part of our time that is the HTTP round trip from this client whatever the service does.
set -uo pipefail
URL=$1; LIST=$2; ROUNDS=${3:-3}; REPS=${4:-5}
here=$(cd "$(dirname "$0")" && pwd); source "$here/sidebyside-lib.sh"
sbs_mount "$LIST"
cp "$here/perdoc.mjs" "$SBS/perdoc.mjs"; cp "$here/perdoc.mjs" "$T/sbs/perdoc.mjs"
out=$(mktemp -d); trap 'umount "$T/data" 2>/dev/null; rm -rf "$out"' EXIT
for r in $(seq 1 "$ROUNDS"); do
  (cd "$SBS" && node perdoc.mjs "ats=$URL" "$LIST" "$REPS") > "$out/ats.$r"
  [ -n "${FLOOR:-}" ] && (cd "$SBS" && node perdoc.mjs "ats=$FLOOR" "$LIST" "$REPS") > "$out/floor.$r"
  chroot "$T" sh -c "cd /sbs && node perdoc.mjs kreuzberg run.list $REPS" > "$out/kreuzberg.$r"
done
python3 - "$out" "$ROUNDS" <<'PY'
import json, os, statistics, sys
d, rounds = sys.argv[1], int(sys.argv[2])
def load(system):
    per = {}
    for r in range(1, rounds + 1):
        for line in open(os.path.join(d, f"{system}.{r}")):
            j = json.loads(line); per.setdefault(j["file"], []).append(j["ms"])
    return {f: statistics.median(v) for f, v in per.items()}
a, k = load("ats"), load("kreuzberg")
fl = load("floor") if os.path.exists(os.path.join(d, "floor.1")) else {}
by = {}
for f in a:
    ext = os.path.splitext(f)[1].lower() or "(none)"
    by.setdefault(ext, []).append((f, a[f], k.get(f, float("nan"))))
print("| format | docs | ours: median ms (whole parse, HTTP) | Kreuzberg: median ms (extraction) | sum ours | sum Kreuzberg | Kreuzberg / ours |" + (" sum HTTP floor |" if fl else ""))
print("|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if fl else ""))
ta = tk = tf = 0
for ext, rows in sorted(by.items()):
    sa, sk = sum(r[1] for r in rows), sum(r[2] for r in rows); ta += sa; tk += sk
    sf = sum(fl.get(r[0], 0) for r in rows); tf += sf
    print(f"| {ext} | {len(rows)} | {statistics.median(r[1] for r in rows):.1f} | {statistics.median(r[2] for r in rows):.1f} | {sa:.0f} | {sk:.0f} | {sk / sa:.2f}× |" + (f" {sf:.0f} |" if fl else ""))
print(f"| all | {len(a)} | {statistics.median(a.values()):.1f} | {statistics.median(k.values()):.1f} | {ta:.0f} | {tk:.0f} | **{tk / ta:.2f}×** |" + (f" {tf:.0f} |" if fl else ""))
slower = [f for f in a if k.get(f, 0) < a[f]]
print(f"\nDocuments where Kreuzberg's extraction alone was faster than our whole parse: {len(slower)} of {len(a)}" + (": " + ", ".join(sorted(slower)) if slower else ""))
PY
