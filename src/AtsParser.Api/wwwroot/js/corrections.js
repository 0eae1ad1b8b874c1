// Correcting a stored resume: a form over the fields answer keys score; saving turns the edits into an RFC 6902
// JSON Patch against GET /api/v1/resumes/{id} (paths under /resume) and sends it with PATCH. The original parse stays.
import { json } from './api.js';

let uid = 0;
const linesOf = s => s.split('\n').map(x => x.trim()).filter(Boolean);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function field(grid, label, value, multiline = false) {
  const id = `ed-${++uid}`;
  const input = Object.assign(document.createElement(multiline ? 'textarea' : 'input'), { id, value: value ?? '' });
  if (!multiline) input.type = 'text'; else input.rows = Math.min(8, Math.max(2, (value ?? '').split('\n').length + 1));
  grid.append(Object.assign(document.createElement('label'), { htmlFor: id, textContent: label }), input);
  return input;
}

function group(legend) {
  const fs = document.createElement('fieldset');
  fs.append(Object.assign(document.createElement('legend'), { textContent: legend }));
  const grid = Object.assign(document.createElement('div'), { className: 'grid' });
  fs.append(grid);
  return { fs, grid };
}

const JOB = [['title', 'Title'], ['employer', 'Employer'], ['location', 'Location'], ['start', 'Start', true], ['end', 'End', true]];
const SCHOOL = [['degree', 'Degree'], ['institution', 'Institution'], ['start', 'Start', true], ['end', 'End', true]];

function entryGroup(legend, spec, item, removable) {
  const { fs, grid } = group(legend);
  const inputs = Object.fromEntries(spec.map(([k, label, isDate]) => [k, field(grid, label, isDate ? item?.[k]?.raw : item?.[k])]));
  if (removable) {
    const id = `ed-${++uid}`;
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', id });
    grid.append(Object.assign(document.createElement('label'), { htmlFor: id, textContent: 'Remove' }), box);
    inputs.remove = box;
  }
  return { fs, inputs };
}

/** Operations for a list of entries (jobs or schools): field edits first, then removals from the end, then additions. */
function listOps(ops, base, spec, originals, edited, added, extra) {
  const removals = [];
  originals.forEach((orig, i) => {
    const inp = edited[i];
    if (inp.remove.checked) { removals.push(i); return; }
    for (const [k, , isDate] of spec) {
      const now = inp[k].value.trim(), before = (isDate ? orig[k]?.raw : orig[k]) ?? '';
      if (now === before) continue;
      const path = `${base}/${i}/${k}`;
      if (!now) ops.push({ op: 'remove', path });
      else ops.push({ op: orig[k] == null ? 'add' : 'replace', path, value: isDate ? { raw: now } : now });
    }
  });
  removals.reverse().forEach(i => ops.push({ op: 'remove', path: `${base}/${i}` }));
  for (const inp of added) {
    const value = { ...extra };
    for (const [k, , isDate] of spec) { const v = inp[k].value.trim(); if (v) value[k] = isDate ? { raw: v } : v; }
    if (spec.some(([k]) => value[k])) ops.push({ op: 'add', path: `${base}/-`, value });
  }
}

function listReplace(ops, path, before, after) { if (!same(before, after)) ops.push({ op: 'replace', path, value: after }); }

export function openEditor(container, entry, { onSaved, onCancel, onError }) {
  const result = entry.corrected ?? entry.result;
  const r = result.resume;
  const c = r.candidate ?? {};
  const form = Object.assign(document.createElement('form'), { className: 'editor' });
  form.setAttribute('aria-label', 'Correct this resume');
  const who = group('Reviewer');
  const reviewer = field(who.grid, 'Your name (recorded with the correction)', sessionStorage.getItem('ats.reviewer') ?? '');
  const cand = group('Candidate');
  const name = field(cand.grid, 'Name', c.name?.raw);
  const emails = field(cand.grid, 'E-mails (one per line)', (c.emails ?? []).join('\n'), true);
  const phones = field(cand.grid, 'Phones (one per line)', (c.phones ?? []).map(p => p.raw).join('\n'), true);
  const loc = field(cand.grid, 'Location', c.location?.raw);
  const links = field(cand.grid, 'Links (one per line)', (c.links ?? []).map(l => l.url).join('\n'), true);
  form.append(who.fs, cand.fs);

  const jobs = (r.workExperience ?? []).map((j, i) => entryGroup(`Job ${i + 1}`, JOB, j, true));
  const schools = (r.education ?? []).map((e, i) => entryGroup(`Education ${i + 1}`, SCHOOL, e, true));
  const newJobs = [], newSchools = [];
  const adder = (label, list, spec, target) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    b.addEventListener('click', () => { const g = entryGroup(`New ${label.replace('Add ', '')}`, spec, null, false); target.push(g.inputs); b.before(g.fs); g.fs.querySelector('input').focus(); });
    return b;
  };
  form.append(...jobs.map(g => g.fs), adder('Add a job', jobs, JOB, newJobs), ...schools.map(g => g.fs), adder('Add an education entry', schools, SCHOOL, newSchools));

  const rest = group('Lists');
  const sectionSkills = (r.skills ?? []).filter(s => s.sources?.includes('skills'));
  const skills = field(rest.grid, 'Skills section (one per line)', sectionSkills.map(s => s.raw).join('\n'), true);
  const certs = field(rest.grid, 'Certifications (one per line)', (r.certifications ?? []).map(x => x.name).join('\n'), true);
  const langs = field(rest.grid, 'Languages (one per line, as printed)', (r.languages ?? []).map(l => l.raw ?? l.name).join('\n'), true);
  const save = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Save corrections' });
  const cancel = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Cancel' });
  cancel.addEventListener('click', onCancel);
  form.append(rest.fs, save, ' ', cancel);

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const ops = [];
    const n = name.value.trim(), l = loc.value.trim();
    if (n !== (c.name?.raw ?? '')) ops.push(n ? { op: c.name ? 'replace' : 'add', path: '/resume/candidate/name', value: { raw: n } } : { op: 'remove', path: '/resume/candidate/name' });
    if (l !== (c.location?.raw ?? '')) ops.push(l ? { op: c.location ? 'replace' : 'add', path: '/resume/candidate/location', value: { raw: l } } : { op: 'remove', path: '/resume/candidate/location' });
    listReplace(ops, '/resume/candidate/emails', c.emails ?? [], linesOf(emails.value));
    listReplace(ops, '/resume/candidate/phones', c.phones ?? [], linesOf(phones.value).map(raw => (c.phones ?? []).find(p => p.raw === raw) ?? { raw }));
    listReplace(ops, '/resume/candidate/links', c.links ?? [], linesOf(links.value).map(url => (c.links ?? []).find(x => x.url === url) ?? { url, type: 'other' }));
    listOps(ops, '/resume/workExperience', JOB, r.workExperience ?? [], jobs.map(g => g.inputs), newJobs, { isCurrent: false, highlights: [], confidence: 1 });
    listOps(ops, '/resume/education', SCHOOL, r.education ?? [], schools.map(g => g.inputs), newSchools, { confidence: 1 });
    const wanted = linesOf(skills.value);
    const kept = (r.skills ?? []).flatMap(s => !s.sources?.includes('skills') ? [s]
      : wanted.includes(s.raw) ? [s] : s.sources.length > 1 ? [{ ...s, sources: s.sources.filter(x => x !== 'skills') }] : []);
    const added = wanted.filter(w => !sectionSkills.some(s => s.raw === w)).map(raw => ({ raw, name: raw, sources: ['skills'] }));
    listReplace(ops, '/resume/skills', r.skills ?? [], [...kept, ...added]);
    listReplace(ops, '/resume/certifications', r.certifications ?? [], linesOf(certs.value).map(name => (r.certifications ?? []).find(x => x.name === name) ?? { name }));
    listReplace(ops, '/resume/languages', r.languages ?? [], linesOf(langs.value).map(v => (r.languages ?? []).find(x => (x.raw ?? x.name) === v) ?? { name: v, raw: v }));
    if (!ops.length) { onError('Nothing was changed, so nothing was saved.'); return; }
    sessionStorage.setItem('ats.reviewer', reviewer.value.trim());
    save.disabled = true;
    try {
      const history = await json(`/api/v1/resumes/${result.id}`, { method: 'PATCH', body: JSON.stringify(ops),
        headers: { 'Content-Type': 'application/json-patch+json', 'X-Reviewer': encodeURIComponent(reviewer.value.trim()) } });
      onSaved(history, ops.length);
    } catch (e) { onError(e.text ?? e.message); save.disabled = false; }
  });
  container.replaceChildren(form);
  name.focus();
}
