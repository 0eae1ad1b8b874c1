// The Node client's own CPU per request (process.cpuUsage) while it posts LISTFILE's files in turn for SECONDS at
// CONCURRENCY, after 2 s untimed, as bench.mjs posts them (FormData, fetch, answer read as JSON).
//   node client-cpu.mjs URL LISTFILE [SECONDS] [CONCURRENCY]
import fs from 'node:fs';
import path from 'node:path';
const [url, listFile, secsArg, concArg] = process.argv.slice(2);
const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const bodies = files.map((f) => [path.basename(f), fs.readFileSync(f)]);
const secs = Number(secsArg || 10), conc = Number(concArg || 2);
async function one(i) {
  const [name, bytes] = bodies[i];
  const fd = new FormData();
  fd.append('file', new Blob([bytes]), name);
  const r = await fetch(url, { method: 'POST', body: fd });
  await r.text().then((t) => { try { JSON.parse(t); } catch { /* a 405 page or an empty body */ } });
}
async function run(ms) {
  let next = 0, n = 0;
  const end = performance.now() + ms;
  async function worker() { while (performance.now() < end) { await one(next++ % files.length); n++; } }
  await Promise.all(Array.from({ length: conc }, worker));
  return n;
}
await run(2000);
const c0 = process.cpuUsage(), t0 = performance.now();
const n = await run(secs * 1000);
const c = process.cpuUsage(c0), t = performance.now() - t0;
console.log(JSON.stringify({ url, requests: n, docsPerSec: +(n / (t / 1000)).toFixed(1), clientCpuMsPerRequest: +((c.user + c.system) / 1000 / n).toFixed(3) }));
