#!/usr/bin/env bash
# CPU per request of running services side by side: rounds alternating between the services on PORTs, each round one
# long-lived client (steady-loop.mjs, concurrency 2) posting LIST for SECS; prints docs/s, p50, the service's own CPU
# and its child processes' (pdfwords workers) per request, and GC counts per 1000 requests (from /metrics).
#   bash bench/scripts/cpu-pairs.sh LIST SECS ROUNDS PORT...    (SBS=/tmp/sbs: the sidebyside setup, for node)
set -uo pipefail
SBS=${SBS:-/tmp/sbs}; here=$(cd "$(dirname "$0")" && pwd); cp "$here/steady-loop.mjs" "$SBS/steady-loop.mjs"
LIST=$1; SECS=$2; ROUNDS=$3; shift 3
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$1/stat 2>/dev/null || echo 0; }
for r in $(seq 1 $ROUNDS); do for PORT in "$@"; do
  pid=$(ss -ltnp | grep ":$PORT " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  kids() { pgrep -P $pid; }
  s0=$(cpu $pid); k0=0; for k in $(kids); do k0=$((k0+$(cpu $k))); done
  g0=$(curl -s http://127.0.0.1:$PORT/metrics | awk '/^dotnet_collection_count_total/{s=s" "$2}END{print s}')
  out=$(cd "$SBS" && node steady-loop.mjs "ats=http://127.0.0.1:$PORT/api/v1/parse?force=true" $LIST $SECS 2)
  s1=$(cpu $pid); k1=0; for k in $(kids); do k1=$((k1+$(cpu $k))); done
  g1=$(curl -s http://127.0.0.1:$PORT/metrics | awk '/^dotnet_collection_count_total/{s=s" "$2}END{print s}')
  python3 -c "
import json,sys; d=json.loads('$out'); tot=d['requests']+d['docsPerSec']*2
g0='$g0'.split(); g1='$g1'.split()
print('round $r port $PORT docs/s %6.1f p50 %5.1f  svc ms/req %.2f  workers %.2f  gc0/1/2 per 1000 req %s' % (d['docsPerSec'], d['p50'], ($s1-$s0)*1000/$tick/tot, ($k1-$k0)*1000/$tick/tot, '/'.join('%.0f'%((float(b)-float(a))*1000/tot) for a,b in zip(g0,g1))))"
done; done
