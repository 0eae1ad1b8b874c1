// Bulk through the jobs API: the job id is kept in sessionStorage, so a reload follows the same job again instead of
// losing a batch of hundreds of files.
import { call, json } from './api.js';

const SLOT = 'ats.job';
const terminal = new Set(['completed', 'cancelled']);
const sleep = ms => new Promise(r => setTimeout(r, ms));

export function savedJob() {
  try { return JSON.parse(sessionStorage.getItem(SLOT)); } catch { return null; }
}

export function forgetJob() { sessionStorage.removeItem(SLOT); }

export async function submitJob(files, { store }) {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  const query = `?includeText=true${store ? '&store=true' : ''}`;
  const accepted = await json('/api/v1/jobs' + query, { method: 'POST', body: form, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  sessionStorage.setItem(SLOT, JSON.stringify({ id: accepted.id, total: accepted.total }));
  return accepted.id;
}

/**
 * Polls the job until it is finished; onStatus gets every status, onResults every finished file once. Results come in
 * index order but files finish out of order, so each poll reads on from the last index before which every file has arrived.
 */
export async function follow(jobId, { onStatus, onResults, stopped = () => false }) {
  const received = new Set();
  let settled = -1;
  for (;;) {
    if (stopped()) return null;
    const status = await json(`/api/v1/jobs/${jobId}`);
    onStatus(status);
    let after = settled;
    for (;;) {
      const page = await json(`/api/v1/jobs/${jobId}/results?limit=100&after=${after}`);
      const fresh = page.items.filter(i => !received.has(i.index));
      fresh.forEach(i => received.add(i.index));
      if (fresh.length) onResults(fresh);
      if (page.next == null) break;
      after = page.next;
    }
    while (received.has(settled + 1)) settled++;
    if (terminal.has(status.status)) return status;
    await sleep(1000);
  }
}

export async function cancelJob(jobId) {
  await call(`/api/v1/jobs/${jobId}`, { method: 'DELETE' });
}
