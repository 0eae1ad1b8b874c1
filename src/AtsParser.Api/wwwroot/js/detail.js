// One file in two panes, with its buttons: raw JSON, JSON Resume (the service's own ?format=jsonresume view),
// copy as curl, and correct fields (stored resumes only).
import { call, curlFor } from './api.js';
import { renderText } from './textpane.js';
import { renderResume } from './resumepane.js';
import { openEditor } from './corrections.js';

const $ = id => document.getElementById(id);
let shown = null;
let say = () => {};

function dialog(title, text) {
  $('json-title').textContent = title;
  $('json-body').textContent = text;
  $('json-dialog').showModal();
  $('json-body').focus();
}

export function initDetail(status, storageEnabled) {
  say = status;
  $('json-close').addEventListener('click', () => $('json-dialog').close());
  $('json-copy').addEventListener('click', () => copy($('json-body').textContent, 'JSON copied.'));
  $('btn-raw').addEventListener('click', () => dialog(`Raw JSON: ${shown.name}`, JSON.stringify(shown.corrected ?? shown.result, null, 2)));
  $('btn-jsonresume').addEventListener('click', jsonResume);
  $('btn-curl').addEventListener('click', () => copy(curlFor(shown.name, shown.query ?? '?includeText=true'), 'curl command copied (it reads the key from $ATS_API_KEY).'));
  $('btn-correct').hidden = !storageEnabled;
  $('btn-correct').addEventListener('click', () => openEditor($('resume-pane'), shown, {
    onSaved: (history, count) => {
      shown.corrected = history.corrected;
      shown.corrections = history.corrections.length;
      showDetail(shown);
      say(`Saved ${count} correction${count === 1 ? '' : 's'}; the original parse is kept.`);
      document.dispatchEvent(new CustomEvent('entries-changed'));
    },
    onCancel: () => showDetail(shown),
    onError: message => say(message, true),
  }));
}

async function copy(text, done) {
  try { await navigator.clipboard.writeText(text); say(done); }
  catch { dialog('Copy this', text); }
}

async function jsonResume() {
  if (!shown.file) { say('JSON Resume needs the file itself: drop it again (the service answers from its cache).', true); return; }
  const form = new FormData();
  form.append('file', shown.file, shown.name);
  try {
    const r = await (await call('/api/v1/parse?format=jsonresume', { method: 'POST', body: form })).json();
    dialog(`JSON Resume: ${shown.name}`, JSON.stringify(r.jsonResume, null, 2));
  } catch (e) { say(e.text ?? e.message, true); }
}

export function showDetail(entry) {
  shown = entry;
  const result = entry.corrected ?? entry.result;
  $('detail').hidden = false;
  $('detail-title').textContent = entry.name;
  const x = entry.result.extraction ?? {};
  const doc = entry.result.document ?? {};
  $('text-meta').textContent = [`${doc.format ?? ''}${doc.pages ? `, ${doc.pages} page(s)` : ''}`,
    x.extractedBy ? `text and reading order from ${x.extractedBy}${x.ocrUsed ? ' (OCR)' : ''}` : '',
    x.chars ? `${x.chars} characters` : ''].filter(Boolean).join(' · ');
  renderText($('text-pane'), entry.result.extraction?.text);
  renderResume($('resume-pane'), result.resume);
  if (entry.corrections) {
    const note = Object.assign(document.createElement('p'), { className: 'meta', id: 'correction-note',
      textContent: `Showing the corrected view (${entry.corrections} correction${entry.corrections === 1 ? '' : 's'}); the original parse is kept.` });
    $('resume-pane').prepend(note);
  }
  const stored = Boolean(result.id);
  $('btn-correct').disabled = !stored;
  $('btn-correct').title = stored ? 'Correct fields of this stored resume' : 'Only stored resumes can be corrected: tick "Store results" and parse again';
  $('btn-jsonresume').disabled = !entry.file;
}

export function currentEntry() { return shown; }
