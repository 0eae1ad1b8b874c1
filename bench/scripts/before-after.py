#!/usr/bin/env python3
"""Two builds of the bench side by side in one run: `extraction --only formats` and `storage-cache`, alternating
old/new (order flipped every round) so both see the same machine load. Prints markdown: per row the median over
rounds of each build's own median, and the median of the per-round new/old ratios (plus, for extraction, new/old of
each build's ours/raw ratio, which cancels the load both builds shared with the raw tool).

  bench/scripts/before-after.py OLD_DIR NEW_DIR [--rounds 3] [--ext-rounds 2] [--cache-rounds 15] [--raw DIR]

OLD_DIR and NEW_DIR are source trees with `dotnet build bench/AtsParser.Bench -c Release` done. Needs ATS_CORPUS_DIR
and REDIS_URL (a Redis both builds may use; each run takes its own key prefix)."""
import argparse
import os
import statistics
import subprocess
import sys
import time

BENCH = "bench/AtsParser.Bench/bin/Release/net10.0/AtsParser.Bench"


def run(tree, args, timeout, raw=None):
    env = dict(os.environ)
    env.pop("OMP_THREAD_LIMIT", None)
    started = time.monotonic()
    p = subprocess.run([os.path.join(tree, BENCH), *args], cwd=tree, env=env, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        sys.exit(f"{tree}: {' '.join(args)} exited {p.returncode}\n{p.stderr[-2000:]}")
    print(f"[{time.strftime('%H:%M:%S')}] {os.path.basename(tree)} {args[0]}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    if raw:
        with open(os.path.join(raw, f"{time.strftime('%H%M%S')}-{os.path.basename(tree)}-{args[0]}.md"), "w") as f:
            f.write(p.stdout)
    return p.stdout


def rows(markdown, key_cols):
    """Table rows as {key: [cells]} (cells stripped), skipping headers and separators."""
    out = {}
    for line in markdown.splitlines():
        if not line.startswith("| ") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in ("format", "backend"):
            continue
        out[" / ".join(cells[:key_cols])] = cells
    return out


def num(cell):
    return float(cell.replace("×", "").replace("x", "").replace(",", ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--ext-rounds", type=int, default=2)
    ap.add_argument("--cache-rounds", type=int, default=15)
    ap.add_argument("--raw", help="also write every run's own report to this directory")
    a = ap.parse_args()
    trees = {"old": os.path.abspath(a.old), "new": os.path.abspath(a.new)}
    ext = {"old": [], "new": []}
    cache = {"old": [], "new": []}
    with open("/proc/loadavg") as f:
        load_start = f.read().split()[0]
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for r in range(a.rounds):
        order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
        for side in order:
            out = run(trees[side], ["extraction", "--only", "formats", "--rounds", str(a.ext_rounds), "--ocr-rounds", "1"], 3600, a.raw)
            ext[side].append(rows(out, 1))
        for side in order:
            out = run(trees[side], ["storage-cache", str(a.cache_rounds)], 3600, a.raw)
            cache[side].append(rows(out, 2))
    with open("/proc/loadavg") as f:
        load_end = f.read().split()[0]

    print(f"Run {started}, {a.rounds} rounds (old/new order flipped each round), load average {load_start} at start, {load_end} at end.\n")
    print("| extraction format | old ours median ms | new ours median ms | new/old (median of rounds) | new/old of ours/raw | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    for key in ext["old"][0]:
        old_ms = [num(t[key][3]) for t in ext["old"]]
        new_ms = [num(t[key][3]) for t in ext["new"]]
        ratio = statistics.median(n / o for n, o in zip(new_ms, old_ms))
        norm = statistics.median(num(n[key][10]) / num(o[key][10]) for n, o in zip(ext["new"], ext["old"]))
        verdict = "ok" if min(ratio, norm) <= 1.10 else "SLOWER"
        print(f"| {key} | {statistics.median(old_ms):.1f} | {statistics.median(new_ms):.1f} | {ratio:.2f}x | {norm:.2f}x | {verdict} |")
    print()
    print("| cache backend / document | old miss p50 ms | new miss p50 ms | miss new/old | old hit p50 ms | new hit p50 ms | hit new/old | verdict |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for key in cache["old"][0]:
        cols = {}
        for name, col in (("miss", 2), ("hit", 3)):
            o = [num(t[key][col]) for t in cache["old"]]
            n = [num(t[key][col]) for t in cache["new"]]
            cols[name] = (statistics.median(o), statistics.median(n), statistics.median(x / y for x, y in zip(n, o)))
        verdict = "ok" if max(cols["miss"][2], cols["hit"][2]) <= 1.10 else "SLOWER"
        (om, nm, rm), (oh, nh, rh) = cols["miss"], cols["hit"]
        print(f"| {key} | {om:.1f} | {nm:.1f} | {rm:.2f}x | {oh:.2f} | {nh:.2f} | {rh:.2f}x | {verdict} |")


if __name__ == "__main__":
    main()
