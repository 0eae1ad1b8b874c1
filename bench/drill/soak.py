#!/usr/bin/env python3
"""Issue 12 item 15: soak and fault drill, loopback only.
N minutes of mixed-format parsing (the corpus, ~1% hostile files) at concurrency 8 against the published service,
with a private PostgreSQL and Redis. Half the parses force a re-parse (a cache hit exercises nothing), 10% store;
a job with three files (store=true) every 20 s. During the run: Redis killed (-9) and restarted, PostgreSQL stopped
and restarted, a tool the chains call first made to hang (pdftotext by default: a shim on the service's PATH). Then:
every stored result and job read back. Every 5 s the service's managed heap (dotnet_total_memory_bytes from /metrics)
is sampled next to its RSS, so RSS growth can be told apart from managed-heap growth.
    python3 bench/drill/soak.py [--minutes 10] [--concurrency 8] [--hostile 0.01] [--hang-tool pdftotext] [--cycles 1] [--json out.json]
Criteria (printed PASS/FAIL each): no 5xx (designed 503 storage_unavailable while PostgreSQL is down reported apart),
RSS flat (last minute's max within 10% of the second minute's), no tool process or temp entry left, recovery from
each fault without a restart, no stored result or job lost."""
import argparse, json, os, pathlib, random, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid
import harness

ap = argparse.ArgumentParser()
ap.add_argument("--minutes", type=float, default=10)
ap.add_argument("--concurrency", type=int, default=8)
ap.add_argument("--hostile", type=float, default=0.01)
ap.add_argument("--hang-tool", default="pdftotext", choices=["pdftotext", "tesseract", "pandoc"],
                help="the tool made to hang; it must be one the chains call first for some format of the corpus")
ap.add_argument("--cycles", type=int, default=1,
                help="run the fault plan this many times, each in its own equal share of the run: RSS that grows only in "
                     "the first cycle is code and buffers used for the first time, RSS that grows in every cycle is a leak")
ap.add_argument("--json")
args = ap.parse_args()
corpus = pathlib.Path(os.environ.get("ATS_CORPUS_DIR", harness.REPO.parent / "shared/corpus"))
good = [p for d in ["pdf", "docx", "doc", "odt", "rtf", "txt", "image"] for p in sorted((corpus / d).glob("*")) if p.is_file()]
hostile = [p for p in sorted((corpus / "hostile").rglob("*")) if p.is_file() and p.suffix != ".tsv"]
duration = args.minutes * 60
rng = random.Random(12)

work = pathlib.Path(tempfile.mkdtemp(prefix="ats-soak-"))
shim = work / "shim"
shim.mkdir()
tool = args.hang_tool
hang_flag = work / f"hang-{tool}"
real_tool = subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
(shim / tool).write_text(f"#!/bin/sh\nif [ -e '{hang_flag}' ]; then exec sleep 3600; fi\nexec '{real_tool}' \"$@\"\n")
os.chmod(shim / tool, 0o755)
# The files whose chain calls the hanging tool first, and the probe that shows it extracting again.
hang_dir = {"pdftotext": "pdf", "tesseract": "image", "pandoc": "rtf"}[tool]

dll = harness.publish(work)
pg, redis = harness.Postgres(work), harness.Redis(work)
svc = harness.Service(dll, work, {"DATABASE_URL": pg.url, "REDIS_URL": redis.url, "MIGRATE_ON_STARTUP": "true",
                                  "PATH": f"{shim}:{os.environ['PATH']}", "RETRY_DELAYS": "5,10,20"})
lock = threading.Lock()
records, stored_ids, jobs, rss, ready, events, heap = [], [], [], [], [], [], []
smaps = {}  # RSS by kind of mapping at minute 2 and at the end (harness.smaps)
t0 = time.time()
stop = threading.Event()


def now():
    return time.time() - t0


def multipart(field, paths):
    boundary = uuid.uuid4().hex
    body = b""
    for p in paths:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{p.name}\"\r\n"
                 f"Content-Type: application/octet-stream\r\n\r\n").encode() + p.read_bytes() + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def call(method, path, body=None, ctype=None, timeout=600):
    req = urllib.request.Request(svc.url + path, data=body, method=method, headers={"Content-Type": ctype} if ctype else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)
    except OSError as e:
        return 0, str(e).encode(), {}


def worker():
    while not stop.is_set() and now() < duration:
        is_hostile = rng.random() < args.hostile
        f = rng.choice(hostile if is_hostile else good)
        store = not is_hostile and rng.random() < 0.10
        q = "?store=true" if store else ("?force=true" if rng.random() < 0.5 else "")
        body, ctype = multipart("file", [f])
        start = now()
        status, data, headers = call("POST", "/api/v1/parse" + q, body, ctype)
        rec = {"t": round(start, 1), "ms": round((now() - start) * 1000), "status": status, "file": f.relative_to(corpus).as_posix(),
               "kind": "hostile" if is_hostile else ("store" if store else "parse"), "cache": headers.get("X-Cache")}
        try:
            j = json.loads(data)
            rec["code"] = j.get("code")
            rec["extractedBy"] = (j.get("extraction") or {}).get("extractedBy")
            rec["timedOut"] = [a.get("tool") for a in j.get("attempts") or [] if str(a.get("outcome", "")).lower() == "timeout"]
            if status == 200 and j.get("id"):
                with lock:
                    stored_ids.append(j["id"])
        except ValueError:
            rec["code"] = data[:80].decode(errors="replace") if status != 200 else None
        with lock:
            records.append(rec)


def submitter():
    while not stop.is_set() and now() < duration:
        body, ctype = multipart("files", rng.sample(good, 3))
        status, data, _ = call("POST", "/api/v1/jobs?store=true", body, ctype)
        with lock:
            jobs.append({"t": round(now(), 1), "status": status, "id": json.loads(data).get("id") if status == 202 else None,
                         "code": None if status == 202 else json.loads(data or b"{}").get("code")})
        stop.wait(20)


def sampler():
    while not stop.is_set():
        try:
            rss.append((round(now(), 1), round(svc.rss_mb()), round(svc.tree_rss_mb())))
            for mark, at in (("minute2", 115), ("last", duration - 10)):
                if mark not in smaps and now() >= at:
                    smaps[mark] = harness.smaps(svc.pid)
        except OSError:
            pass
        status, _, _ = call("GET", "/health/ready", timeout=10)
        ready.append((round(now(), 1), status))
        if len(ready) % 5 == 0:
            status, data, _ = call("GET", "/metrics", timeout=10)
            for line in data.decode(errors="replace").splitlines() if status == 200 else []:
                if line.startswith("dotnet_total_memory_bytes "):
                    heap.append((round(now(), 1), round(float(line.split()[1]) / 1048576)))
        stop.wait(1)


def event(name, action):
    action()
    events.append((round(now(), 1), name))
    print(f"{now():6.1f}s {name} (load {harness.load_average()})", flush=True)


probe_doc = next(p for p in good if p.parent.name == hang_dir)
recovery = {}


def probe(name, ok, until):
    """After a fault is lifted: the same request every 2 s until it works again (the service is never restarted)."""
    start = now()
    while now() < until and not stop.is_set():
        try:
            if ok():
                recovery.setdefault(name, []).append(round(now() - start, 1))
                print(f"{now():6.1f}s recovered: {name} after {recovery[name][-1]} s", flush=True)
                return
        except (ValueError, KeyError):
            pass
        stop.wait(2)


def cache_hit():
    body, ctype = multipart("file", [work / "probe.txt"])
    call("POST", "/api/v1/parse", body, ctype)
    return call("POST", "/api/v1/parse", body, ctype)[2].get("X-Cache") == "hit"


def store_ok():
    (work / "probe-store.txt").write_text(f"Probe Person {uuid.uuid4().hex[:8]}\nSenior Accountant\nLedger Works, 2015 - 2022\n")
    body, ctype = multipart("file", [work / "probe-store.txt"])
    status, data, _ = call("POST", "/api/v1/parse?store=true", body, ctype)
    if status == 200:
        with lock:
            stored_ids.append(json.loads(data)["id"])
    return status == 200


def tool_ok():
    body, ctype = multipart("file", [probe_doc])
    status, data, _ = call("POST", "/api/v1/parse?force=true", body, ctype)
    return status == 200 and json.loads(data)["extraction"]["extractedBy"] == tool


def faults():
    (work / "probe.txt").write_text("Probe Person\nSenior Accountant\nLedger Works, 2015 - 2022\nSkills: audit\n")
    plan = [(0.25, "redis killed (-9)", redis.kill, None), (0.30, "redis restarted", redis.start, ("redis", cache_hit)),
            (0.45, "postgresql stopped", pg.stop, None), (0.525, "postgresql started", pg.start, ("postgresql", store_ok)),
            (0.65, f"{tool} hangs", hang_flag.touch, None), (0.75, f"{tool} answers again", lambda: hang_flag.unlink(), (tool, tool_ok))]
    cycle = duration / args.cycles
    for c in range(args.cycles):
        for i, (share, name, action, check) in enumerate(plan):
            while now() < c * cycle + share * cycle:
                if stop.wait(0.5):
                    return
            event(name, action)
            if check:
                last_one = i + 1 == len(plan)
                probe(check[0], check[1], c * cycle + (1.0 if last_one else plan[i + 1][0]) * cycle + (120 if last_one and c + 1 == args.cycles else 0))


threads = [threading.Thread(target=worker) for _ in range(args.concurrency)] + \
          [threading.Thread(target=f) for f in (submitter, sampler, faults)]
load_start = harness.load_average()
for t in threads:
    t.start()
for t in threads[:args.concurrency]:
    t.join()
print(f"{now():6.1f}s load finished; waiting for jobs", flush=True)

# Every job reaches an end state (retries included) and every stored result is still there.
job_ids = [j["id"] for j in jobs if j["id"]]
job_state = {}
deadline = time.time() + 600
while time.time() < deadline:
    for i in job_ids:
        s, data, _ = call("GET", f"/api/v1/jobs/{i}")
        job_state[i] = json.loads(data) if s == 200 else {"http": s}
    if all("counts" in s and s["counts"]["queued"] + s["counts"]["running"] == 0 for s in job_state.values()):
        break
    time.sleep(3)
for s in job_state.values():
    for f in s.get("files", []):
        if f.get("status") == "succeeded":
            pass
job_results = {}
for i in job_ids:
    s, data, _ = call("GET", f"/api/v1/jobs/{i}/results")
    job_results[i] = [json.loads(l) for l in data.decode().splitlines() if l.strip()] if s == 200 else []
for items in job_results.values():
    for it in items:
        if it.get("status") == "succeeded" and (it.get("result") or {}).get("id"):
            stored_ids.append(it["result"]["id"])
missing = [i for i in stored_ids if call("GET", f"/api/v1/resumes/{i}")[0] != 200]
time.sleep(20)  # killed tool trees are reaped asynchronously
stop.set()
for t in threads[args.concurrency:]:
    t.join()
left_processes = [c for _, c in svc.descendants() if "lo-pool-" not in c]
left_temp = svc.temp_entries()
load_end = harness.load_average()
unhandled = []
for line in open(work / "service.log", errors="replace"):
    if "Unhandled error on" in line:
        try:
            unhandled.append(json.loads(line).get("Exception", "")[:700])
        except ValueError:
            unhandled.append(line[:700])
svc.stop()
redis.kill()
pg.stop()


def window(a, b):
    return [r for r in records if a <= r["t"] < b]


def windows(start, end, grace=0):
    """(start, end) of each cycle's fault; an end that never came is open."""
    a = [t for t, n in events if n == start]
    b = [t for t, n in events if n == end]
    return [(x, (b[i] if i < len(b) else 1e9) + grace) for i, x in enumerate(a)]


def inside(ws, a, b):
    return any(w0 <= b and a < w1 for w0, w1 in ws)


pg_down = windows("postgresql stopped", "postgresql started", 30)
hang_windows = windows(f"{tool} hangs", f"{tool} answers again")
five = [r for r in records if r["status"] >= 500 or r["status"] == 0]
designed = [r for r in five if r["status"] == 503 and r.get("code") == "storage_unavailable" and inside(pg_down, r["t"], r["t"])]
# A hung tool is the drill's doing: a request that reached the hang and answered 504 extraction_timeout is honest when
# a step that runs the hung tool is one that timed out (a scanned PDF has no way round a hung tesseract), or when it
# is a file of the format whose chain calls the tool first.
hung_steps = {"pdftotext": ("pdftotext",), "tesseract": ("ocr", "tesseract"), "pandoc": ("pandoc",)}[tool]
hung = [r for r in five if r["status"] == 504 and r.get("code") == "extraction_timeout"
        and (r["file"].startswith(hang_dir + "/") or any(s in (t or "") for t in r.get("timedOut", []) for s in hung_steps))
        and inside(hang_windows, r["t"], r["t"] + r["ms"] / 1000)]
other5 = [r for r in five if r not in designed and r not in hung]


def first_after(t, pred):
    hits = [r["t"] + r["ms"] / 1000 for r in records if r["t"] >= t and pred(r)]
    return round(min(hits) - t, 1) if hits else None


minute2 = [m for t, m, _ in rss if 60 <= t < 120]
last = [m for t, m, _ in rss if duration - 60 <= t < duration]
rss_ok = bool(minute2 and last) and max(last) <= 1.10 * max(minute2)
recover_redis, recover_pg, recover_tool = (recovery.get(n, [None])[0] for n in ("redis", "postgresql", tool))
recovered_every_cycle = {n: len(recovery.get(n, [])) == args.cycles for n in ("redis", "postgresql", tool)}
during_hang = [r for w in hang_windows for r in window(*w) if r["file"].startswith(hang_dir + "/")]
jobs_done = [s for s in job_state.values() if "counts" in s and s["counts"]["queued"] + s["counts"]["running"] == 0]
job_items = sum(s.get("total", 0) for s in jobs_done)
job_ok = sum(s["counts"]["succeeded"] for s in jobs_done)
status_counts = {}
for r in records:
    k = f'{r["status"]} {r.get("code") or ""}'.strip()
    status_counts[k] = status_counts.get(k, 0) + 1

summary = {
    "minutes": args.minutes, "concurrency": args.concurrency, "requests": len(records),
    "hostile_requests": sum(r["kind"] == "hostile" for r in records), "store_requests": sum(r["kind"] == "store" for r in records),
    "status_counts": dict(sorted(status_counts.items())), "load_average_start": load_start, "load_average_end": load_end,
    "events": events, "5xx_total": len(five), "5xx_designed_storage_unavailable_while_pg_down": len(designed),
    "5xx_other": [{k: r.get(k) for k in ("t", "ms", "status", "code", "file", "kind", "timedOut")} for r in other5][:40],
    "5xx_hung": [{k: r.get(k) for k in ("t", "ms", "file", "timedOut")} for r in hung][:40],
    "rss_minute2_max_mb": max(minute2) if minute2 else None, "rss_last_minute_max_mb": max(last) if last else None,
    "rss_with_tools_peak_mb": max(t for _, _, t in rss) if rss else None,
    "rss_per_minute_max_mb": [max([r for t, r, _ in rss if m * 60 <= t < (m + 1) * 60], default=None) for m in range(int(args.minutes) + 1)],
    "rss_by_mapping_mb": smaps,
    "cycles": args.cycles,
    "rss_max_per_cycle_mb": [max([r for t, r, _ in rss if c * duration / args.cycles <= t < (c + 1) * duration / args.cycles], default=None)
                             for c in range(args.cycles)],
    "recovery_seconds_per_cycle": recovery,
    "recovery_seconds": {"redis_cache_hit_again": recover_redis, "postgres_store_200_again": recover_pg, f"{tool}_extracts_again": recover_tool},
    "hang_tool": tool, "5xx_504_while_tool_hung": len(hung),
    "managed_heap_mb": {"minute2_max": max([m for t, m in heap if 60 <= t < 120], default=None),
                        "last_minute_max": max([m for t, m in heap if duration - 60 <= t < duration], default=None)},
    "requests_during_hang": {f'{r["status"]} {r.get("extractedBy") or r.get("code")}': 0 for r in during_hang},
    "ready_not_200_seconds": sum(1 for _, s in ready if s != 200),
    "stored_ids": len(stored_ids), "stored_missing": len(missing),
    "jobs_submitted": len(jobs), "jobs_accepted": len(job_ids), "jobs_finished": len(jobs_done), "job_items": job_items, "job_items_succeeded": job_ok,
    "job_submissions_refused": [j for j in jobs if not j["id"]],
    "unhandled_exceptions_logged": unhandled[:5], "unhandled_count": len(unhandled),
    "leftover_processes": left_processes, "leftover_temp_entries": left_temp,
}
for r in during_hang:
    summary["requests_during_hang"][f'{r["status"]} {r.get("extractedBy") or r.get("code")}'] += 1
criteria = {
    "no 5xx at all": len(five) == 0,
    "no 5xx other than 503 storage_unavailable while PostgreSQL was down or 504 while the tool hung": len(other5) == 0,
    "RSS flat (last minute max <= 1.1 x second minute max)": rss_ok,
    "no leftover tool processes": not left_processes,
    "no leftover temp entries": not left_temp,
    "recovered from Redis kill without restart": recovered_every_cycle["redis"],
    "recovered from PostgreSQL stop without restart": recovered_every_cycle["postgresql"],
    "recovered from hung tool without restart": recovered_every_cycle[tool],
    "no stored result lost": not missing and len(stored_ids) > 0,
    "no job lost (all accepted jobs finished, readable)": len(jobs_done) == len(job_ids) and len(job_ids) > 0,
}
summary["criteria"] = {k: "PASS" if v else "FAIL" for k, v in criteria.items()}
print(json.dumps(summary, indent=1))
if args.json:
    pathlib.Path(args.json).write_text(json.dumps({"summary": summary, "records": records, "rss": rss, "heap": heap, "ready": ready}, indent=0))
kept = pathlib.Path(tempfile.gettempdir()) / "ats-soak-service.log"
subprocess.run(["cp", str(work / "service.log"), str(kept)])
print(f"service log kept in {kept}")
subprocess.run(["rm", "-rf", str(work)])
sys.exit(0 if all(criteria.values()) else 1)
