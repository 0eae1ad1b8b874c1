#!/usr/bin/env python3
"""Parser-free HTTP paths of several running services, interleaved request by request: GET /health and POST /api/v1/parse
answered from the cache. Per service and path: median client wall ms and the service's CPU ms per request (from
/proc, over all its blocks). Services must already run (the same settings each); a cache miss first fills the cache.

  bench/scripts/http-side-by-side.py --rounds 6 --block 50 name=PORT:PID ... -- FILE...
"""
import argparse
import http.client
import statistics
import sys
import time
import uuid

from sbs_common import cpu_ms, services_and_files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--block", type=int, default=50)
    ap.add_argument("--warm", type=int, default=500)
    ap.add_argument("services", nargs="+")
    a, files = ap.parse_known_args()
    services = services_and_files(a.services, files)
    boundary = uuid.uuid4().hex
    paths = [("GET /health", "GET", "/health", None, None)]
    for f in files:
        data = open(f, "rb").read()
        name = f.rsplit("/", 1)[-1]
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f'Content-Type: application/octet-stream\r\n\r\n').encode() + data + f"\r\n--{boundary}--\r\n".encode()
        paths.append((f"POST /parse (cache hit) {name}", "POST", "/api/v1/parse", body, "hit"))
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    conns = {s[0]: http.client.HTTPConnection("127.0.0.1", s[1], timeout=300) for s in services}

    def call(svc, method, url, body, expect):
        c = conns[svc]
        t = time.perf_counter()
        c.request(method, url, body, headers if body else {})
        r = c.getresponse()
        r.read()
        if r.status != 200 or (expect and r.getheader("X-Cache") != expect):
            raise SystemExit(f"{svc} {url}: {r.status} X-Cache={r.getheader('X-Cache')}")
        return (time.perf_counter() - t) * 1000

    for name, _, _ in services:
        for label, method, url, body, expect in paths:
            if body:
                call(name, "POST", url + "?force=true", body, "miss")
            for _ in range(a.warm):
                call(name, method, url, body, expect)
    time.sleep(0.5)
    wall = {(s[0], p[0]): [] for s in services for p in paths}
    cpu = {(s[0], p[0]): 0.0 for s in services for p in paths}
    with open("/proc/loadavg") as f:
        load0 = f.read().split()[0]
    for r in range(a.rounds):
        for label, method, url, body, expect in paths:
            # One request to each service in turn (order rotating), so every service sees the same moments of load;
            # each service's CPU is read around the whole interleaved block.
            c0 = {name: cpu_ms(pid) for name, _, pid in services}
            for i in range(a.block):
                k = i % len(services)
                for name, _, _ in services[k:] + services[:k]:
                    wall[(name, label)].append(call(name, method, url, body, expect))
            for name, _, pid in services:
                cpu[(name, label)] += cpu_ms(pid) - c0[name]
    with open("/proc/loadavg") as f:
        load1 = f.read().split()[0]
    n = a.rounds * a.block
    base = services[0][0]
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {a.rounds} rounds of {a.block} requests per service and path, "
          f"after {a.warm} warm-up requests; load average {load0} at start, {load1} at end.\n")
    print("| path | " + " | ".join(f"{s[0]} wall ms / CPU ms" for s in services) + " | " +
          " | ".join(f"{s[0]}/{base} CPU" for s in services[1:]) + " |")
    print("|---|" + "---:|" * (2 * len(services) - 1))
    for label, *_ in paths:
        cells = [f"{statistics.median(wall[(s[0], label)]):.2f} / {cpu[(s[0], label)] / n:.2f}" for s in services]
        ratios = [f"{cpu[(s[0], label)] / max(cpu[(base, label)], 1e-9):.2f}x" for s in services[1:]]
        print(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    main()
