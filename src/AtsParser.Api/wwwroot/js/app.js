// Entry point: the API key, the three views (parse, batch, search) and the list of files of this batch.
import { call, json, config, hasKey, setKey, keyIsRemembered, onUnauthorized, download } from './api.js';
import { initDetail, showDetail, currentEntry } from './detail.js';
import { renderTable, toCsv, toJsonl } from './batch.js';
import { submitJob, follow, savedJob, forgetJob } from './jobs.js';
import { search } from './search.js';

const $ = id => document.getElementById(id);
const entries = [];
let settings = { authRequired: false, storageEnabled: false };
let jobGeneration = 0;

function say(message, bad = false) {
  $('status').textContent = message;
  $('status').classList.toggle('bad', bad);
}

function changed() {
  renderFiles();
  renderTable($('batch-table'), entries, open);
}

function renderFiles() {
  const current = currentEntry();
  $('file-list').replaceChildren(...entries.map(e => {
    const b = Object.assign(document.createElement('button'), { type: 'button', disabled: !e.result });
    const label = e.error ? `failed: ${e.error.code}` : e.status;
    b.append(e.name, Object.assign(document.createElement('span'), { className: `badge ${e.error ? 'failed' : e.result ? 'done' : ''}`, textContent: label }));
    if (e.error) b.title = e.error.detail;
    b.setAttribute('aria-current', String(e === current));
    b.addEventListener('click', () => open(e));
    const li = document.createElement('li');
    li.append(b);
    return li;
  }));
}

function open(entry) {
  selectTab('parse');
  showDetail(entry);
  renderFiles();
  $('detail-title').focus?.();
}

async function parseOne(entry, store) {
  entry.status = 'parsing';
  changed();
  const form = new FormData();
  form.append('file', entry.file, entry.name);
  entry.query = `?includeText=true${store ? '&store=true' : ''}`;
  try {
    entry.result = await json('/api/v1/parse' + entry.query, { method: 'POST', body: form });
    // Already stored bytes come back as stored, without text unless STORE_TEXT is on; the cache still has the text.
    if (store && entry.result.extraction?.text == null) {
      const again = new FormData();
      again.append('file', entry.file, entry.name);
      const cached = await json('/api/v1/parse?includeText=true', { method: 'POST', body: again });
      entry.result.extraction.text = cached.extraction?.text;
    }
    entry.status = 'done';
  } catch (e) {
    entry.status = 'failed';
    entry.error = { code: e.code, detail: e.text ?? e.message };
  }
  changed();
}

async function addFiles(files) {
  if (!files.length) return;
  if (settings.authRequired && !hasKey()) { showKeyForm('Enter an API key first: this service needs one.'); return; }
  const store = $('opt-store').checked;
  if (settings.storageEnabled && ($('opt-job').checked || files.length > 10)) return runJob(files, store);
  const fresh = files.map(file => ({ name: file.name, file, status: 'queued' }));
  entries.push(...fresh);
  changed();
  say(`Parsing ${fresh.length} file(s)…`);
  const queue = [...fresh];
  await Promise.all([0, 1].map(async () => { for (let e; (e = queue.shift());) await parseOne(e, store); }));
  const failed = fresh.filter(e => e.error).length;
  say(`${fresh.length - failed} of ${fresh.length} file(s) parsed${failed ? `; ${failed} failed (see their status)` : ''}.`, failed > 0);
  const first = fresh.find(e => e.result);
  if (first) open(first);
}

async function runJob(files, store) {
  try {
    const id = await submitJob(files, { store });
    await track(id, Object.fromEntries(files.map((f, i) => [i, f])));
  } catch (e) { say(e.text ?? e.message, true); }
}

async function track(jobId, filesByIndex = {}) {
  const generation = ++jobGeneration;
  const byIndex = new Map();
  selectTab('batch');
  $('job-progress').hidden = false;
  const final = await follow(jobId, {
    stopped: () => generation !== jobGeneration,
    onStatus: status => {
      for (const f of status.files) {
        let e = byIndex.get(f.index);
        if (!e) { e = { name: f.fileName, file: filesByIndex[f.index] ?? null, job: jobId }; byIndex.set(f.index, e); entries.push(e); }
        if (!e.result && !e.error) e.status = f.status;
      }
      const done = status.counts.succeeded + status.counts.failed + status.counts.deadLettered + status.counts.cancelled;
      $('job-bar').max = status.total;
      $('job-bar').value = done;
      $('job-label').textContent = `Job ${jobId}: ${done} of ${status.total} files finished (${status.status})`;
      changed();
    },
    onResults: items => {
      for (const item of items) {
        const e = byIndex.get(item.index);
        if (!e) continue;
        e.status = item.status;
        if (item.result) e.result = item.result;
        if (item.error) e.error = { code: item.error.code, detail: item.error.detail };
      }
      changed();
    },
  }).catch(e => { say(e.text ?? e.message, true); return null; });
  if (final) say(`Job finished: ${final.counts.succeeded} parsed, ${final.counts.failed + final.counts.deadLettered} failed.`);
}

function selectTab(name) {
  for (const t of ['parse', 'batch', 'search']) {
    $(`tab-${t}`).setAttribute('aria-selected', String(t === name));
    $(`tab-${t}`).tabIndex = t === name ? 0 : -1;
    $(`view-${t}`).hidden = t !== name;
  }
}

function showKeyForm(message) {
  $('key-form').hidden = false;
  $('key-error').hidden = !message;
  $('key-error').textContent = message ?? '';
  $('api-key').focus();
}

async function openStored(id, fileName) {
  try {
    const entry = { name: fileName, file: null, status: 'stored', result: await json(`/api/v1/resumes/${id}`) };
    const history = await json(`/api/v1/resumes/${id}/corrections`);
    if (history.corrections.length) { entry.corrected = history.corrected; entry.corrections = history.corrections.length; }
    entries.push(entry);
    changed();
    open(entry);
  } catch (e) { say(e.text ?? e.message, true); }
}

function wire() {
  const tabs = ['parse', 'batch', 'search'];
  tabs.forEach((t, i) => {
    $(`tab-${t}`).addEventListener('click', () => selectTab(t));
    $(`tab-${t}`).addEventListener('keydown', ev => {
      const next = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (next) { const n = tabs[(i + next + tabs.length) % tabs.length]; selectTab(n); $(`tab-${n}`).focus(); }
    });
  });
  $('file-input').addEventListener('change', ev => { addFiles([...ev.target.files]); ev.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', ev => { ev.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', ev => { ev.preventDefault(); drop.classList.remove('over'); addFiles([...ev.dataTransfer.files]); });
  $('key-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    setKey($('api-key').value, $('remember-key').checked);
    $('api-key').value = '';
    try {
      await call('/startup-status');
      $('key-error').hidden = true;
      say('Key accepted.');
    } catch (e) { if (e.status !== 401) say(e.text, true); }
  });
  $('forget-key').addEventListener('click', () => { setKey('', false); showKeyForm(); say('Key forgotten.'); });
  onUnauthorized(e => { showKeyForm(`The service answered 401: ${e.detail}`); say(`Not authorised: ${e.text}`, true); });
  $('export-csv').addEventListener('click', () => download('batch.csv', 'text/csv', toCsv(entries)));
  $('export-jsonl').addEventListener('click', () => download('batch.jsonl', 'application/x-ndjson', toJsonl(entries)));
  $('export-keys').addEventListener('click', async () => {
    try { download('answer-keys.json', 'application/json', await (await call('/api/v1/corrections/export')).text()); say('Answer keys exported.'); }
    catch (e) { say(e.text ?? e.message, true); }
  });
  $('clear-batch').addEventListener('click', () => { jobGeneration++; forgetJob(); entries.length = 0; $('job-progress').hidden = true; $('detail').hidden = true; changed(); });
  $('search-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    try { const a = await search($('search-form'), $('search-results'), openStored); say(`${a.results.length} candidate(s), ranked by ${a.ranking}.`); }
    catch (e) { say(e.text ?? e.message, true); }
  });
  document.addEventListener('entries-changed', changed);
}

async function start() {
  wire();
  settings = await config();
  initDetail(say, settings.storageEnabled);
  if (!settings.storageEnabled) {
    for (const id of ['opt-store', 'opt-job']) { $(id).checked = false; $(id).disabled = true; }
    $('export-keys').hidden = true;
    $('tab-search').hidden = true;
  }
  if (settings.authRequired) {
    $('key-form').hidden = false;
    $('remember-key').checked = keyIsRemembered();
    if (!hasKey()) showKeyForm();
  }
  changed();
  say(settings.authRequired && !hasKey() ? 'This service needs an API key: enter it above.' : 'Ready: drop resumes to parse them.');
  const job = savedJob();
  if (job?.id && (!settings.authRequired || hasKey())) track(job.id);
}

start();
