// A stand-in server for client-cost measurements: reads each upload whole, then answers after DELAY ms idle (a timer)
// or SPIN ms busy, with the bytes of ANSWER (a saved parse answer) or a 26-byte JSON when ANSWER is unset.
//   PORT=5099 DELAY=0 SPIN=0 ANSWER=/tmp/answer.json node answer-server.mjs
import http from 'node:http';
import fs from 'node:fs';
const body = process.env.ANSWER ? fs.readFileSync(process.env.ANSWER) : Buffer.from('{"extraction":{"chars":1}}');
const delay = Number(process.env.DELAY || 0), spin = Number(process.env.SPIN || 0);
function reply(res) {
  if (spin) { const end = performance.now() + spin; while (performance.now() < end) { /* busy, as a parse is */ } }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}
http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => (delay ? setTimeout(() => reply(res), delay) : reply(res)));
}).listen(Number(process.env.PORT || 5099), '127.0.0.1');
