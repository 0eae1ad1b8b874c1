#!/usr/bin/env python3
"""Issue 12 item 7: peak RSS of the service while 50 clients each upload a 10 MB file at once, to the bulk endpoint
and to the jobs endpoint (each scenario on a fresh service, so VmHWM is that scenario's peak), plus one bulk request
carrying 50 such files. Loopback only; private PostgreSQL and Redis in a temp directory.
    python3 bench/drill/upload_rss.py [--clients 50] [--mb 10] [--limit-mb 600] [--only bulk,jobs,one]
The service log of every scenario is kept in $TMPDIR/ats-upload-rss-service.log."""
import argparse, concurrent.futures, json, pathlib, subprocess, sys, tempfile, time, urllib.request
import harness

ap = argparse.ArgumentParser()
ap.add_argument("--clients", type=int, default=50)
ap.add_argument("--mb", type=float, default=10)
ap.add_argument("--limit-mb", type=float, default=600)
ap.add_argument("--only", default="bulk,jobs,one", help="which scenarios to run (comma-separated)")
args = ap.parse_args()

work = pathlib.Path(tempfile.mkdtemp(prefix="ats-upload-rss-"))
size = int(args.mb * 1_000_000)
files = []
# Text resumes padded to the size, each different (no cache hit, no dedupe): the upload path is what is measured.
for i in range(args.clients):
    head = f"Candidate {i}\nSenior Accountant\nLedger Works, 2015 - 2022\nSkills: audit, tax, payroll\n".encode()
    line = f"Responsible for reconciliations and month-end close, batch {i}.\n".encode()
    body = head + line * ((size - len(head)) // len(line) + 1)
    p = work / f"cv-{i:02}.txt"
    p.write_bytes(body[:size])
    files.append(p)

dll = harness.publish(work)
pg, redis = harness.Postgres(work), harness.Redis(work)
env = {"DATABASE_URL": pg.url, "REDIS_URL": redis.url, "MIGRATE_ON_STARTUP": "true"}


def curl(url, field, paths):
    """The HTTP status, and for a bulk answer each file's entry ("entry 200", "entry 503 server_busy"), as labels."""
    cmd = ["curl", "-s", "-w", "\n%{http_code}", "--max-time", "900"]
    for p in paths:
        cmd += ["-F", f"{field}=@{p};type=text/plain"]
    body, _, status = subprocess.run(cmd + [url], capture_output=True, text=True).stdout.rpartition("\n")
    labels = [status]
    try:
        doc = json.loads(body)
    except ValueError:
        return labels
    if status != "200":
        labels[0] += " " + str(doc.get("code"))
    for e in doc.get("results", []) if isinstance(doc, dict) else []:
        labels.append(f"entry {e['status']}" + (f" {e['error'].get('code')}" if e.get("error") else ""))
    return labels


def scenario(name, send):
    svc = harness.Service(dll, work, env)
    idle = svc.rss_mb()
    samples, done = [], [False]

    def sample():
        while not done[0]:
            samples.append((svc.rss_mb(), svc.tree_rss_mb()))
            time.sleep(0.25)

    with concurrent.futures.ThreadPoolExecutor(1) as s:
        s.submit(sample)
        t0 = time.time()
        codes = send(svc)
        elapsed = time.time() - t0
        time.sleep(2)
        done[0] = True
    row = {"scenario": name, "codes": {c: codes.count(c) for c in sorted(set(codes))}, "seconds": round(elapsed, 1),
           "rss_idle_mb": round(idle), "rss_peak_mb": round(svc.peak_rss_mb()),
           "rss_peak_with_tools_mb": round(max(t for _, t in samples)), "load": harness.load_average()}
    svc.stop()
    print(json.dumps(row), flush=True)
    return row


def concurrent_posts(path, field):
    def send(svc):
        with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
            return [label for labels in pool.map(lambda p: curl(svc.url + path, field, [p]), files) for label in labels]
    return send


def wait_for_jobs(svc, ids):
    deadline = time.time() + 900
    while time.time() < deadline:
        pending = 0
        for i in ids:
            s = json.load(urllib.request.urlopen(f"{svc.url}/api/v1/jobs/{i}"))
            pending += s["counts"]["queued"] + s["counts"]["running"]
        if pending == 0:
            return
        time.sleep(2)


def jobs(svc):
    def one(p):
        out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", "--max-time", "900", "-F", f"files=@{p};type=text/plain",
                              svc.url + "/api/v1/jobs"], capture_output=True, text=True).stdout.rsplit("\n", 1)
        doc = json.loads(out[0]) if out[0].startswith("{") else {}
        return out[1] + ("" if out[1] == "202" else " " + str(doc.get("code"))), doc.get("id") if out[1] == "202" else None
    with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
        results = list(pool.map(one, files))
    ids = [i for _, i in results if i]
    wait_for_jobs(svc, ids)  # the worker parses them too: part of the peak
    items = []
    for i in ids:
        counts = json.load(urllib.request.urlopen(f"{svc.url}/api/v1/jobs/{i}"))["counts"]
        items += [f"item {k}" for k, n in counts.items() if k not in ("queued", "running", "total") for _ in range(n)]
    return [c for c, _ in results] + items


rows = []
only = set(args.only.split(","))
try:
    if "bulk" in only:
        rows.append(scenario(f"{args.clients} concurrent bulk-parse requests, one {args.mb:g} MB file each",
                             concurrent_posts("/api/v1/bulk-parse-resumes", "files")))
    if "jobs" in only:
        rows.append(scenario(f"{args.clients} concurrent job submissions, one {args.mb:g} MB file each (until the worker finished them)", jobs))
    if "one" in only:
        rows.append(scenario(f"one bulk-parse request with {args.clients} files of {args.mb:g} MB",
                             lambda svc: curl(svc.url + "/api/v1/bulk-parse-resumes", "files", files)))
finally:
    redis.kill()
    pg.stop()
    kept = pathlib.Path(tempfile.gettempdir()) / "ats-upload-rss-service.log"
    subprocess.run(["cp", str(work / "service.log"), str(kept)])
    print(f"service log kept in {kept}", flush=True)
    subprocess.run(["rm", "-rf", str(work)])
worst = max(r["rss_peak_mb"] for r in rows)
print(f"peak RSS of the service over all scenarios: {worst} MB (limit {args.limit_mb:g} MB): {'PASS' if worst <= args.limit_mb else 'FAIL'}")
sys.exit(0 if worst <= args.limit_mb else 1)
