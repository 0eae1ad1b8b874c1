// Per-document time, one document at a time, warm: SYSTEM (ats=<url> | kreuzberg) over LISTFILE, each file REPS times
// in a row after one untimed call. Prints one JSON line per file: {file, ms (median), min, chars}.
//   node perdoc.mjs SYSTEM LISTFILE [REPS]
// ats: the whole parse over HTTP from a long-lived client (multipart upload, answer read as JSON), so the client's
// own fetch cost is inside the time, as the node binding's call cost is inside Kreuzberg's.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const [sys, listFile, repsArg] = process.argv.slice(2);
const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
const reps = Number(repsArg || 5);
let one;
if (sys.startsWith('ats=')) {
  const url = sys.slice(4);
  one = async (f, bytes) => {
    const fd = new FormData();
    fd.append('file', new Blob([bytes]), path.basename(f));
    const r = await fetch(url, { method: 'POST', body: fd });
    const j = await r.json();
    return r.ok ? (j.extraction?.chars ?? 0) : -1;
  };
} else if (sys === 'kreuzberg') {
  const k = require('@kreuzberg/node');
  one = async (f) => { try { const r = await k.extractFile(f); return (r.content || '').length; } catch { return -1; } };
} else throw new Error('unknown system ' + sys);
for (const f of files) {
  const bytes = fs.readFileSync(f);
  let chars = await one(f, bytes);
  const ts = [];
  for (let i = 0; i < reps; i++) { const s = performance.now(); chars = await one(f, bytes); ts.push(performance.now() - s); }
  ts.sort((a, b) => a - b);
  console.log(JSON.stringify({ file: path.basename(f), ms: +ts[Math.floor(ts.length / 2)].toFixed(2), min: +ts[0].toFixed(2), chars }));
}
