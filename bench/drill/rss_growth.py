#!/usr/bin/env python3
"""Issue 12 item 15, "RSS flat": where a growing RSS comes from. Runs one service per variant side by side (same build,
different environment), drives each with the same mixed corpus load (concurrency C each, `?force=true`, no database
or Redis: the soak's parse path), and every 5 s samples per service: RSS, its anonymous part (smaps_rollup), the
managed heap (dotnet_total_memory_bytes from /metrics) and the thread count. At the end: requests answered and the
service's CPU seconds per request (utime+stime of the service and its reaped children), so a memory setting that
costs throughput shows. Loopback only.
    ATS_APP_DIR=/path/to/publish python3 bench/drill/rss_growth.py --minutes 6 --concurrency 4 \
        base= 'arena2=MALLOC_ARENA_MAX=2' 'wks=DOTNET_gcServer=0'
Prints, per variant: RSS in minute 2 (max), in the last minute (max), the ratio, and the same for anonymous memory and
the managed heap."""
import argparse, json, os, pathlib, random, tempfile, threading, time, urllib.error, urllib.request, uuid
import harness

ap = argparse.ArgumentParser()
ap.add_argument("--minutes", type=float, default=6)
ap.add_argument("--concurrency", type=int, default=4)
ap.add_argument("--json")
ap.add_argument("variants", nargs="+", help="name=VAR=value,VAR2=value (name= for the defaults)")
args = ap.parse_args()
corpus = pathlib.Path(os.environ.get("ATS_CORPUS_DIR", harness.REPO.parent / "shared/corpus"))
good = [p for d in ["pdf", "docx", "doc", "odt", "rtf", "txt", "image"] for p in sorted((corpus / d).glob("*")) if p.is_file()]
work = pathlib.Path(tempfile.mkdtemp(prefix="ats-rss-"))
dll = harness.publish(work)
services = {}
for v in args.variants:
    name, _, envs = v.partition("=")
    env = dict(e.split("=", 1) for e in envs.split(",") if e)
    d = work / name
    d.mkdir()
    services[name] = harness.Service(dll, d, env)
duration, t0, stop = args.minutes * 60, time.time(), threading.Event()
samples = {n: [] for n in services}
answered = {n: 0 for n in services}
count_lock = threading.Lock()


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime


def kb(pid, path, field):
    for line in open(f"/proc/{pid}/{path}"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def heap_mb(svc):
    try:
        with urllib.request.urlopen(svc.url + "/metrics", timeout=10) as r:
            for line in r.read().decode().splitlines():
                if line.startswith("dotnet_total_memory_bytes "):
                    return round(float(line.split()[1]) / 1048576)
    except OSError:
        return None


breakdown = {n: {} for n in services}


def sampler():
    while not stop.wait(5):
        t = round(time.time() - t0)
        for n, s in services.items():
            for mark in ("minute2", "last"):
                if mark not in breakdown[n] and (t >= 115 if mark == "minute2" else t >= duration - 10):
                    try:
                        breakdown[n][mark] = harness.smaps(s.pid)
                    except OSError:
                        pass
            try:
                samples[n].append({"t": t, "rss": kb(s.pid, "status", "VmRSS") // 1024, "anon": kb(s.pid, "smaps_rollup", "Anonymous") // 1024,
                                   "heap": heap_mb(s), "threads": kb(s.pid, "status", "Threads")})
            except OSError:
                pass


def worker(name, svc, seed):
    rng = random.Random(seed)  # every variant gets the same sequence of files
    while time.time() - t0 < duration:
        f = rng.choice(good)
        b = uuid.uuid4().hex
        body = (f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{f.name}\"\r\n"
                f"Content-Type: application/octet-stream\r\n\r\n").encode() + f.read_bytes() + f"\r\n--{b}--\r\n".encode()
        req = urllib.request.Request(svc.url + "/api/v1/parse?force=true", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={b}"})
        try:
            urllib.request.urlopen(req, timeout=300).read()
            with count_lock:
                answered[name] += 1
        except (urllib.error.HTTPError, OSError):
            pass


threads = [threading.Thread(target=sampler)] + [threading.Thread(target=worker, args=(n, s, i)) for n, s in services.items() for i in range(args.concurrency)]
load_start = harness.load_average()
for t in threads:
    t.start()
for t in threads[1:]:
    t.join()
stop.set()
threads[0].join()
result = {"minutes": args.minutes, "concurrency": args.concurrency, "load_start": load_start, "load_end": harness.load_average(), "variants": {}}
for n, s in services.items():
    xs = samples[n]
    m2 = [x for x in xs if 60 <= x["t"] < 120]
    last = [x for x in xs if duration - 60 <= x["t"] <= duration]
    row = {}
    for k in ("rss", "anon", "heap", "threads"):
        a, b = max((x[k] or 0) for x in m2), max((x[k] or 0) for x in last)
        row[k] = {"minute2_max": a, "last_minute_max": b, "ratio": round(b / a, 3) if a else None}
    row["smaps_mb"] = breakdown[n]
    row["requests"] = answered[n]
    row["cpu_ms_per_request"] = round(cpu_seconds(s.pid) * 1000 / max(1, answered[n]), 1)
    result["variants"][n] = row
    s.stop()
print(json.dumps(result, indent=1))
if args.json:
    pathlib.Path(args.json).write_text(json.dumps({"result": result, "samples": samples}, indent=0))
os.system(f"rm -rf '{work}'")
