#!/usr/bin/env python3
"""Two builds side by side in one run, path by path: extraction (each format's chain, and each subprocess or reader
path on its own), the cache layer in-process (Redis and memory store with identical payloads, ParseCache), and HTTP
without the parser (GET /health, POST /parse answered from the cache). Rounds alternate old/new, the order flipping
every round; a row's ratio is the median over rounds of that round's new/old (sum over the row's files), so both
builds share each round's load.

  bench/scripts/side-by-side.py setup DIR old=REV new=REV [name=REV...]   # git archive each revision, build bench/SideBySide in each
  bench/scripts/side-by-side.py run DIR --redis URL [--rounds 6] [--heavy]   # writes DIR/results.jsonl, prints markdown
  bench/scripts/side-by-side.py report DIR                        # markdown again from DIR/results.jsonl

Needs ATS_CORPUS_DIR. --heavy adds OCR (image, scanned PDF) and cold LibreOffice, one run each per round."""
import argparse
import collections
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
EXE = "bench/SideBySide/bin/Release/net10.0/SideBySide"


def setup(a):
    for side, rev in (x.split("=", 1) for x in a.sides):
        tree = os.path.join(a.dir, side)
        shutil.rmtree(tree, ignore_errors=True)
        os.makedirs(tree)
        subprocess.run(f"git -C {REPO} archive {rev} | tar -x -C {tree}", shell=True, check=True)
        shutil.rmtree(os.path.join(tree, "bench/SideBySide"), ignore_errors=True)
        shutil.copytree(os.path.join(REPO, "bench/SideBySide"), os.path.join(tree, "bench/SideBySide"),
                        ignore=shutil.ignore_patterns("bin", "obj"))
        subprocess.run(["dotnet", "build", "bench/SideBySide", "-c", "Release", "-nologo", "-v", "q"], cwd=tree, check=True)
        with open(os.path.join(tree, "REVISION"), "w") as f:
            f.write(subprocess.run(["git", "-C", REPO, "rev-parse", "--short", rev], capture_output=True, text=True).stdout)


def specs(corpus, html_dir, heavy):
    def files(fmt, pred=lambda f: True):
        return sorted(f for f in glob.glob(os.path.join(corpus, fmt, "*")) if pred(os.path.basename(f)))
    text_pdf = files("pdf", lambda f: not f.startswith("gen_scan"))
    out = []
    for fmt in ("docx", "rtf", "odt", "txt"):
        out += [f"chain|{f}|40|30" for f in files(fmt)]
    # A DOC's chain may end in a cold LibreOffice conversion (seconds) in one build and an in-process reader in the other.
    out += [f"chain|{f}|1|2" for f in files("doc")]
    out += [f"chain|{f}|40|30" for f in sorted(glob.glob(os.path.join(html_dir, "*.html")))]
    out += [f"OpenXmlExtractor|{f}|40|30" for f in files("docx")]
    out += [f"RtfExtractor|{f}|40|30" for f in files("rtf")]
    out += [f"OdtExtractor|{f}|40|30" for f in files("odt")]
    out += [f"AntiwordExtractor|{f}|1|5" for f in files("doc")]
    out += [f"PdfTextExtractor|{f}|1|3" for f in text_pdf]
    out += [f"chain|{f}|1|3" for f in text_pdf]
    out += [f"PandocExtractor|{f}|1|2" for fmt in ("docx", "rtf", "odt") for f in files(fmt)[:2]]
    if heavy:
        out += [f"chain|{f}|0|1" for f in files("image")[:2]]
        out += [f"PdfOcrExtractor|{f}|0|1" for f in files("pdf", lambda f: f.startswith("gen_scan"))]
        out += [f"LibreOfficeTextExtractor|{f}|0|1" for f in files("doc")[:1]]
    return out


def run(a):
    corpus = os.environ["ATS_CORPUS_DIR"]
    html_dir = os.path.join(a.dir, "html")
    if not glob.glob(os.path.join(html_dir, "*.html")):
        # The corpus has no HTML: two DOCX converted by pandoc stand in (synthetic, outside the repo).
        os.makedirs(html_dir, exist_ok=True)
        for f in sorted(glob.glob(os.path.join(corpus, "docx", "*.docx")))[:2]:
            subprocess.run(["pandoc", "-s", "-f", "docx", "-t", "html", f, "-o",
                            os.path.join(html_dir, os.path.basename(f)[:-5] + ".html")], check=True)
    spec = specs(corpus, html_dir, a.heavy)
    http_files = [os.path.join(corpus, d) for d in ("pdf/soupboss_01-Accountant.pdf", "docx/soupboss_02-Desktop_Support.docx",
                                                    "pdf/awesomecv_resume.pdf", "doc/klair_resume.doc")]
    results = os.path.join(a.dir, "results.jsonl")
    loads = []
    sides = sides_of(a.dir)
    for r in range(a.rounds):
        order = sides[r % len(sides):] + sides[:r % len(sides)]
        if r // len(sides) % 2: order.reverse()
        for side in order:
            exe = os.path.join(a.dir, side, EXE)
            out = os.path.join(a.dir, f"round{r}-{side}.jsonl")
            if os.path.exists(out):
                os.remove(out)
            with open("/proc/loadavg") as f:
                loads.append(float(f.read().split()[0]))
            with open(os.path.join(a.dir, "loads.json"), "w") as f:
                json.dump(loads, f)
            started = time.monotonic()
            env = dict(os.environ)
            env.pop("OMP_THREAD_LIMIT", None)
            # In-process paths run without tiered compilation: at this machine's load a method's tier at measurement
            # time varied more between runs than the builds did. The service (HTTP) keeps its defaults and warms up.
            static = dict(env, DOTNET_TieredCompilation="0")
            for args, e in ((["extract", out, *spec], static),
                            (["cache", out, a.redis, os.path.join(corpus, "pdf/awesomecv_resume.pdf"), "15"], static),
                            (["http", out, a.redis, "100", *http_files], env),
                            (["http", out, "-", "100", *http_files], env)):
                subprocess.run([exe, *args], cwd=os.path.join(a.dir, side), env=e, check=True, stdout=subprocess.DEVNULL)
            print(f"[{time.strftime('%H:%M:%S')}] round {r + 1}/{a.rounds} {side}: {time.monotonic() - started:.0f} s, load {loads[-1]}", file=sys.stderr, flush=True)
            with open(out) as f, open(results, "a") as all_:
                for line in f:
                    row = json.loads(line)
                    row.update(round=r, side=side)
                    all_.write(json.dumps(row) + "\n")
    with open(os.path.join(a.dir, "loads.json"), "w") as f:
        json.dump(loads, f)
    report(a)


def sides_of(d):
    """"old" first, then the other built trees in the order they were set up."""
    built = [s for s in os.listdir(d) if os.path.exists(os.path.join(d, s, "REVISION"))]
    built.sort(key=lambda s: os.path.getmtime(os.path.join(d, s, "REVISION")))
    return ["old"] + [s for s in built if s != "old"]


def fmt_of(item):
    base = os.path.basename(item)
    if base.startswith("gen_scan"):
        return "pdf (scanned)"
    ext = os.path.splitext(base)[1].lstrip(".").lower()
    return {"png": "image", "jpg": "image", "jpeg": "image", "tif": "image", "tiff": "image"}.get(ext, ext)


def report(a):
    rows = [json.loads(l) for l in open(os.path.join(a.dir, "results.jsonl"))]
    loads = json.load(open(os.path.join(a.dir, "loads.json"))) if os.path.exists(os.path.join(a.dir, "loads.json")) else []
    sides = sides_of(a.dir)
    revs = {s: open(os.path.join(a.dir, s, "REVISION")).read().strip() for s in sides}
    for other in sides[1:]:
        report_pair(rows, loads, revs, "old", other)


def report_pair(rows, loads, revs, base, other):
    # (group, row label) -> round -> side -> (sum wall, sum cpu, files)
    acc = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(lambda: [0.0, 0.0, set()])))
    for x in rows:
        if x["group"] == "extract":
            label = f"{fmt_of(x['item'])} / {x['path']}"
        else:
            label = f"{x['path']} / {os.path.basename(x['item'])}"
        cell = acc[(x["group"], label)][x["round"]][x["side"]]
        cell[0] += x["wall"]
        cell[1] += x["cpu"]
        cell[2].add(x["item"])
    print(f"before = {base} ({revs[base]}), after = {other} ({revs[other]}); rounds: {len({x['round'] for x in rows})}; "
          f"load average (1 min) at each build's start: median {statistics.median(loads) if loads else '?'}, "
          f"range {min(loads) if loads else '?'}-{max(loads) if loads else '?'}\n")
    for group, title in (("extract", "extraction format / path"), ("cache", "cache layer (in-process) / payload"),
                         ("http", "HTTP, no parser / document")):
        print(f"| {title} | files | before ms | after ms | after/before (wall) | after/before (CPU) | verdict |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for (g, label), by_round in sorted(acc.items()):
            if g != group:
                continue
            paired = [(v[base], v[other]) for v in by_round.values() if base in v and other in v]
            if not paired:
                print(f"| {label} | - | {'-' if not any(base in v for v in by_round.values()) else 'only before'} | "
                      f"{'only after' if any(other in v for v in by_round.values()) else '-'} | - | - | not comparable |")
                continue
            n_files = len(paired[0][0][2])
            before = statistics.median(o[0] / n_files for o, _ in paired)
            after = statistics.median(n[0] / n_files for _, n in paired)
            wall = statistics.median(n[0] / o[0] for o, n in paired)
            cpu = statistics.median(n[1] / o[1] for o, n in paired if o[1] > 0) if any(o[1] > 0 for o, _ in paired) else float("nan")
            verdict = "ok" if max(wall, cpu) <= 1.10 else "SLOWER" if min(wall, cpu) > 1.10 else "mixed"
            digits = 4 if before < 0.1 else 2
            print(f"| {label} | {n_files} | {before:.{digits}f} | {after:.{digits}f} | {wall:.2f}x | {cpu:.2f}x | {verdict} |")
        print()


def paired(a):
    """Both builds in one process (`SideBySide paired`), calls alternating per pair: the load of the moment cancels."""
    corpus = os.environ["ATS_CORPUS_DIR"]
    spec = [x.replace("|40|30", "|40|100").replace("|1|3", "|1|4") for x in specs(corpus, os.path.join(a.dir, "html"), a.heavy)]
    results = os.path.join(a.dir, "results-paired.jsonl")
    env = dict(os.environ, DOTNET_TieredCompilation="0")
    env.pop("OMP_THREAD_LIMIT", None)
    for r in range(a.rounds):
        for after in a.after:
            out = os.path.join(a.dir, f"paired{r}-{after}.jsonl")
            if os.path.exists(out):
                os.remove(out)
            with open("/proc/loadavg") as f:
                load = float(f.read().split()[0])
            started = time.monotonic()
            bins = [os.path.join(a.dir, "paired", s) for s in ("old", after)]
            subprocess.run([os.path.join(bins[1], "SideBySide"), "paired", out, *bins, *spec], env=env, check=True, stdout=subprocess.DEVNULL)
            print(f"[{time.strftime('%H:%M:%S')}] paired round {r + 1}/{a.rounds} old/{after}: {time.monotonic() - started:.0f} s, load {load}", file=sys.stderr, flush=True)
            with open(out) as f, open(results, "a") as all_:
                for line in f:
                    row = json.loads(line)
                    row.update(round=r, after=after, load=load)
                    all_.write(json.dumps(row) + "\n")
    report_paired(a)


def report_paired(a):
    rows = [json.loads(l) for l in open(os.path.join(a.dir, "results-paired.jsonl"))]
    for after in sorted({x["after"] for x in rows}, key=lambda s: s != "main"):
        mine = [x for x in rows if x["after"] == after]
        loads = [x["load"] for x in mine]
        rev = open(os.path.join(a.dir, after, "REVISION")).read().strip()
        print(f"before = old ({open(os.path.join(a.dir, 'old', 'REVISION')).read().strip()}), after = {after} ({rev}), one process, "
              f"calls alternating; rounds: {len({x['round'] for x in mine})}; load average at round start {min(loads)}-{max(loads)}\n")
        print("| extraction format / path | files | before ms (CPU) | after ms (CPU) | after/before, CPU | after/before, wall | verdict |")
        print("|---|---:|---:|---:|---:|---:|---|")
        acc = collections.defaultdict(lambda: collections.defaultdict(list))
        for x in mine:
            acc[f"{fmt_of(x['item'])} / {x['path']}"][x["round"]].append(x)
        for label, by_round in sorted(acc.items()):
            files = len(next(iter(by_round.values())))
            before = statistics.median(sum(x["before_cpu"] for x in v) / len(v) for v in by_round.values())
            after_ms = statistics.median(sum(x["after_cpu"] for x in v) / len(v) for v in by_round.values())
            # Per round: the median over the row's files of each file's median per-pair ratio; then the median over rounds.
            cpu = statistics.median(statistics.median(x["ratio_cpu"] for x in v) for v in by_round.values())
            wall = statistics.median(statistics.median(x["ratio_wall"] for x in v) for v in by_round.values())
            verdict = "ok" if max(cpu, wall) <= 1.10 else "SLOWER" if min(cpu, wall) > 1.10 else "mixed"
            digits = 3 if before < 1 else 2 if before < 100 else 0
            print(f"| {label} | {files} | {before:.{digits}f} | {after_ms:.{digits}f} | {cpu:.2f}x | {wall:.2f}x | {verdict} |")
        print()


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup"); s.add_argument("dir"); s.add_argument("sides", nargs="+", help="name=REV; the first is the baseline, name it old")
    r = sub.add_parser("run"); r.add_argument("dir"); r.add_argument("--redis", required=True)
    r.add_argument("--rounds", type=int, default=6); r.add_argument("--heavy", action="store_true")
    p = sub.add_parser("report"); p.add_argument("dir")
    q = sub.add_parser("paired", help="needs DIR/paired/<side>: each tree's bench/SideBySide built with -o there")
    q.add_argument("dir"); q.add_argument("after", nargs="+"); q.add_argument("--rounds", type=int, default=3); q.add_argument("--heavy", action="store_true")
    q2 = sub.add_parser("report-paired"); q2.add_argument("dir")
    a = ap.parse_args()
    {"setup": setup, "run": run, "report": report, "paired": paired, "report-paired": report_paired}[a.cmd](a)


if __name__ == "__main__":
    main()
