#!/usr/bin/env python3
"""Storage-backed HTTP paths of several running services, interleaved request by request (issue 11's read-by-id,
list and search after the EF Core swap): each service first stores FILEs with POST /api/v1/parse?store=true, then
GET /api/v1/resumes/{its own id}, GET /api/v1/resumes (a page of 20) and POST /api/v1/search are sent to every service
in turn, the order rotating. Per service and path: median client wall ms and the service's CPU ms per request (from
/proc, read around each interleaved block). GET /health is the control row: no service change touches it.

  bench/scripts/store-side-by-side.py --rounds 6 --block 100 name=PORT:PID ... -- FILE...

Start each service with its own database (DATABASE_URL=.../db_NAME, MIGRATE_ON_STARTUP=true) and the same settings
otherwise; PostgreSQL's own CPU is not in the figures (its backends are separate processes), the wall time includes it.
"""
import argparse
import http.client
import json
import statistics
import time
import uuid

from sbs_common import cpu_ms, services_and_files


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--block", type=int, default=100)
    ap.add_argument("--warm", type=int, default=300)
    ap.add_argument("--no-search", action="store_true")
    ap.add_argument("--store", action="store_true",
                    help="also POST /api/v1/parse?store=true of the first FILE: again (the stored result, deduped by sha256) "
                         "and with force=true (parsed and written again: row, text and vector upserts in one transaction)")
    ap.add_argument("--only", default="", help="comma-separated substrings: keep only the paths whose label has one (GET /health stays)")
    ap.add_argument("services", nargs="+")
    a, files = ap.parse_known_args()
    services = services_and_files(a.services, files)
    conns = {s[0]: http.client.HTTPConnection("127.0.0.1", s[1], timeout=300) for s in services}
    boundary = uuid.uuid4().hex

    def call(svc, method, url, body=None, headers=None):
        c = conns[svc]
        t = time.perf_counter()
        c.request(method, url, body, headers or {})
        r = c.getresponse()
        data = r.read()
        if r.status != 200:
            raise SystemExit(f"{svc} {method} {url}: {r.status} {data[:300]!r}")
        return (time.perf_counter() - t) * 1000, data

    # Every service stores the same files; each answers with its own ids.
    ids = {s[0]: {} for s in services}
    uploads = {}
    for f in files:
        blob = open(f, "rb").read()
        name = f.rsplit("/", 1)[-1]
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f'Content-Type: application/octet-stream\r\n\r\n').encode() + blob + f"\r\n--{boundary}--\r\n".encode()
        uploads[name] = body
        for svc, _, _ in services:
            _, data = call(svc, "POST", "/api/v1/parse?store=true", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
            ids[svc][name] = json.loads(data)["id"]
    search = json.dumps({"text": "accountant with excel and customer support experience", "topK": 10}).encode()
    paths = [("GET /health", lambda svc: ("GET", "/health", None, None))]
    for name in ids[services[0][0]]:
        paths.append((f"GET /api/v1/resumes/{{id}} {name}", lambda svc, n=name: ("GET", f"/api/v1/resumes/{ids[svc][n]}", None, None)))
    paths.append(("GET /api/v1/resumes (page of 20)", lambda svc: ("GET", "/api/v1/resumes?pageSize=20", None, None)))
    if not a.no_search:
        paths.append(("POST /api/v1/search (top 10)", lambda svc: ("POST", "/api/v1/search", search, {"Content-Type": "application/json"})))
    if a.store:
        first, body = next(iter(uploads.items()))
        form = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        paths.append((f"POST /api/v1/parse?store=true {first} (stored: dedupe)", lambda svc: ("POST", "/api/v1/parse?store=true", body, form)))
        paths.append((f"POST /api/v1/parse?store=true&force=true {first}", lambda svc: ("POST", "/api/v1/parse?store=true&force=true", body, form)))
    if a.only:
        keep = [k for k in a.only.split(",") if k]
        paths = [p for p in paths if p[0] == "GET /health" or any(k in p[0] for k in keep)]

    for svc, _, _ in services:
        for _, req in paths:
            for _ in range(a.warm):
                call(svc, *req(svc))
    time.sleep(0.5)
    wall = {(s[0], p[0]): [] for s in services for p in paths}
    cpu = {(s[0], p[0]): 0.0 for s in services for p in paths}
    load0 = load()
    for _ in range(a.rounds):
        for label, req in paths:
            c0 = {name: cpu_ms(pid) for name, _, pid in services}
            for i in range(a.block):
                k = i % len(services)
                for name, _, _ in services[k:] + services[:k]:
                    wall[(name, label)].append(call(name, *req(name))[0])
            for name, _, pid in services:
                cpu[(name, label)] += cpu_ms(pid) - c0[name]
    load1 = load()
    n = a.rounds * a.block
    base = services[0][0]
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: {a.rounds} rounds of {a.block} requests per service and path, "
          f"after {a.warm} warm-up requests; load average {load0} at start, {load1} at end.\n")
    print("| path | " + " | ".join(f"{s[0]} wall ms / CPU ms" for s in services) + " | " +
          " | ".join(f"{s[0]}/{base} CPU | {s[0]}/{base} wall" for s in services[1:]) + " |")
    print("|---|" + "---:|" * (3 * len(services) - 2))
    for label, _ in paths:
        cells = [f"{statistics.median(wall[(s[0], label)]):.2f} / {cpu[(s[0], label)] / n:.2f}" for s in services]
        ratios = [f"{cpu[(s[0], label)] / max(cpu[(base, label)], 1e-9):.2f}x | "
                  f"{statistics.median(wall[(s[0], label)]) / statistics.median(wall[(base, label)]):.2f}x" for s in services[1:]]
        print(f"| {label} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    main()
