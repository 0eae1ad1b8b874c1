#!/usr/bin/env bash
# Two builds against Kreuzberg with run.sh's own client (bench.mjs: a new Node process per round), interleaved round by
# round: each round runs every service PORT once, then Kreuzberg in the sidebyside chroot (textract left out: it does
# not overlap the others and only lengthens the run). Comparing two builds this way puts them in the same minute.
#   sudo bash bench/scripts/sidebyside-interleaved.sh LISTFILE ROUNDS PORT... > out.txt   (lines: "PORT {json}" / "kz {json}")
# A PORT may also be a whole URL, e.g. http://127.0.0.1:5080/health: POSTed to, it answers 405 at once, which measures
# the harness's floor (client start-up, first fetch, uploads) for any HTTP service. Its lines start with "url".
set -uo pipefail
LIST=$1; R=$2; shift 2
source "$(dirname "$0")/sidebyside-lib.sh"
sbs_mount "$LIST"
url() { case $1 in *://*) echo "$1" ;; *) echo "http://127.0.0.1:$1/api/v1/parse?force=true" ;; esac; }
tag() { case $1 in *://*) echo url ;; *) echo "$1" ;; esac; }
for p in "$@"; do (cd "$SBS" && node bench.mjs "ats=$(url "$p")" "$LIST" 2 >/dev/null); done
for r in $(seq 1 $R); do
  for p in "$@"; do (cd "$SBS" && node bench.mjs "ats=$(url "$p")" "$LIST" 2) | sed "s/^/$(tag "$p") /"; done
  chroot "$T" sh -c "cd /sbs && node bench.mjs kreuzberg run.list 2" | sed "s/^/kz /"
done
