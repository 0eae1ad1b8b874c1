#!/usr/bin/env bash
# Measures the API's memory under a small mixed parse load, to size containers (ecs-task-definition.json, compose,
# Cloud Run). Runs a Release publish in Production mode, sends ROUNDS x the mixed set with CONCURRENCY parallel
# uploads, and samples the RSS of the service and of its child tools (pdftotext, tesseract, soffice, ...) every 0.5 s.
#   deploy/tools/measure-rss.sh [ROUNDS=5] [CONCURRENCY=4]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}; conc=${2:-4}
corpus=${ATS_CORPUS_DIR:-$(cd .. && pwd)/shared/corpus}
out=$(mktemp -d); trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet publish src/AtsParser.Api -c Release -o "$out/app" -p:UseAppHost=false >/dev/null
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
ASPNETCORE_ENVIRONMENT=Production AUTH_DISABLED=true OMP_THREAD_LIMIT=1 ASPNETCORE_HTTP_PORTS= \
  dotnet "$out/app/AtsParser.Api.dll" --urls "http://127.0.0.1:$port" >"$out/log" 2>&1 &
pid=$!
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
idle=$(ps -o rss= -p "$pid")

files=("$corpus"/pdf/*.pdf "$corpus"/docx/*.docx "$corpus"/doc/*.doc "$corpus"/odt/*.odt "$corpus"/image/*.png)
# RSS of every descendant (soffice forks soffice.bin, so direct children are not enough).
tree_rss() { ps -eo pid=,ppid=,rss= | awk -v root="$pid" '{p[$1]=$2; r[$1]=$3} END {for (i in p) {j=p[i]; while (j>1) {if (j==root) {s+=r[i]; break} j=p[j]}} print s+0}'; }
peak_self=0; peak_tree=0
( while kill -0 "$pid" 2>/dev/null; do echo "$(ps -o rss= -p "$pid") $(tree_rss)"; sleep 0.5; done ) >"$out/samples" &
sampler=$!
start=$(date +%s.%N)
for _ in $(seq "$rounds"); do printf '%s\n' "${files[@]}"; done \
  | xargs -P "$conc" -I{} curl -s -o /dev/null -w '%{http_code}\n' -F "file=@{}" "http://127.0.0.1:$port/api/v1/parse" >"$out/codes"
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
read -r peak_self peak_tree < <(awk '{ if ($1>a) a=$1; if ($1+$2>b) b=$1+$2 } END {print a, b}' "$out/samples")
after=$(ps -o rss= -p "$pid")
n=$(wc -l <"$out/codes"); ok=$(grep -c '^200$' "$out/codes" || true)
printf 'documents=%s ok=%s concurrency=%s seconds=%.1f load=%s\n' "$n" "$ok" "$conc" "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'status codes: %s\n' "$(sort "$out/codes" | uniq -c | tr -s ' ' | tr '\n' ';')"
printf 'rss_idle_mb=%d rss_peak_service_mb=%d rss_peak_with_tools_mb=%d rss_after_mb=%d\n' \
  $((idle/1024)) $((peak_self/1024)) $((peak_tree/1024)) $((after/1024))
