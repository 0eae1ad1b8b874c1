#!/usr/bin/env python3
# /metrics of two running builds side by side (issue 11, "Observability"): N scrapes of each over one keep-alive
# connection per build, alternating which goes first, after 20 warm-up scrapes each; prints median, p95, mean and min
# milliseconds and the response size.
#   bench/scripts/scrape-side-by-side.py BEFORE_PORT AFTER_PORT [N=200] [GAP_SECONDS=0]
# Start both builds with ASPNETCORE_ENVIRONMENT=Development (no key needed) and the same requests first, e.g. one parse.
# GAP_SECONDS sleeps between rounds (0.6 defeats a sampler that caches process figures for 500 ms).
import http.client, statistics, sys, time

before, after = int(sys.argv[1]), int(sys.argv[2])
n = int(sys.argv[3]) if len(sys.argv) > 3 else 200
gap = float(sys.argv[4]) if len(sys.argv) > 4 else 0
targets = {"before": before, "after": after}
conns = {k: http.client.HTTPConnection("127.0.0.1", p) for k, p in targets.items()}


def scrape(k):
    c = conns[k]
    t = time.perf_counter()
    c.request("GET", "/metrics")
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit(f"{k}: HTTP {r.status}")
    return (time.perf_counter() - t) * 1000, len(body)


for _ in range(20):
    for k in targets:
        scrape(k)
times = {k: [] for k in targets}
size = {}
for i in range(n):
    for k in (list(targets) if i % 2 == 0 else list(reversed(targets))):
        ms, size[k] = scrape(k)
        times[k].append(ms)
    if gap:
        time.sleep(gap)
for k, v in times.items():
    v.sort()
    print(f"{k:6} n={n} median={statistics.median(v):.3f} ms p95={v[int(0.95 * len(v)) - 1]:.3f} ms "
          f"mean={statistics.mean(v):.3f} ms min={v[0]:.3f} ms bytes={size[k]}")
