// One long-lived client: SYSTEM (ats=<url> | kreuzberg) over LISTFILE's files in turn for SECONDS at CONCURRENCY,
// after 2 s untimed (client and server warm). Prints {system, requests, ok, docsPerSec, p50, p95}.
//   node steady-loop.mjs SYSTEM LISTFILE SECONDS CONCURRENCY
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const [sys, listFile, secsArg, concArg] = process.argv.slice(2);
const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const secs = Number(secsArg || 10), conc = Number(concArg || 2);
let one;
if (sys.startsWith('ats=')) {
  const url = sys.slice(4);
  const bodies = files.map((f) => [path.basename(f), fs.readFileSync(f)]);
  one = async (i) => {
    const [name, bytes] = bodies[i];
    const fd = new FormData();
    fd.append('file', new Blob([bytes]), name);
    const r = await fetch(url, { method: 'POST', body: fd });
    const j = await r.json();
    return r.ok ? (j.extraction?.chars ?? 0) : -1;
  };
} else if (sys === 'kreuzberg') {
  const k = require('@kreuzberg/node');
  one = async (i) => { try { const r = await k.extractFile(files[i]); return (r.content || '').length; } catch { return -1; } };
} else throw new Error('unknown system ' + sys);
async function run(ms, lat) {
  let next = 0, ok = 0, n = 0;
  const end = performance.now() + ms;
  async function worker() {
    while (performance.now() < end) {
      const i = next++ % files.length; const s = performance.now();
      let c = -1; try { c = await one(i); } catch { c = -1; }
      if (lat) lat.push(performance.now() - s);
      n++; if (c > 0) ok++;
    }
  }
  await Promise.all(Array.from({ length: conc }, worker));
  return { n, ok };
}
await run(2000, null);
const lat = [];
const t0 = performance.now();
const { n, ok } = await run(secs * 1000, lat);
const took = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
console.log(JSON.stringify({ system: sys.split('=')[0], requests: n, ok, docsPerSec: +(n / took).toFixed(1), p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1) }));
