#!/usr/bin/env bash
# The held-out-style mixed list for ../shared/tools/sidebyside (issue 14): the synthetic generator's PDF and DOCX
# output with a seed the eval floors never saw (seed 7, 60 documents: 17 PDF + 23 DOCX), one absolute path a line.
#   bench/scripts/sidebyside-synth-list.sh [DIR]        default DIR: /tmp/synth-heldout; writes DIR/mixed.list
# Then (service started with AUTH_DISABLED=true RATE_LIMIT_PER_MINUTE=0, cache bypassed by force=true):
#   sudo bash ../shared/tools/sidebyside/run.sh 'http://127.0.0.1:5080/api/v1/parse?force=true' DIR/mixed.list 3 2
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(realpath -m "${1:-/tmp/synth-heldout}")
[ -f "$dir/synth.json" ] || bash scripts/synth.sh "$dir" 7 60
find "$dir/pdf" "$dir/docx" -type f \( -name '*.pdf' -o -name '*.docx' \) | sort > "$dir/mixed.list"
echo "$(wc -l < "$dir/mixed.list") documents in $dir/mixed.list"
