// The right pane: the structured resume. Every item is a button: hovering or focusing it previews its source lines on
// the left, clicking (or Enter/Space) selects it and keeps them highlighted. Confidence under LOW is flagged in words too.
import { highlight, clearHighlight } from './textpane.js';

export const LOW = 0.6;
let selected = null;

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter(c => c !== null && c !== undefined && c !== ''));
  return e;
};
const date = d => d?.raw ?? '';
const range = (s, e, current) => [date(s), current && !e ? 'present' : date(e)].filter(Boolean).join(' – ');
export const months = m => m == null ? '' : `${Math.floor(m / 12)} y ${m % 12} m`;

function confidence(c) {
  if (typeof c !== 'number') return null;
  const low = c < LOW;
  return el('span', { className: 'badge' + (low ? ' low' : ''), textContent: `confidence ${c.toFixed(2)}${low ? ' · low' : ''}` });
}

function item(target, ...content) {
  const b = el('button', { type: 'button', className: 'item' }, ...content);
  b.setAttribute('aria-pressed', 'false');
  if (typeof target.confidence === 'number' && target.confidence < LOW) b.classList.add('low');
  b.addEventListener('mouseenter', () => highlight(target));
  b.addEventListener('focus', () => highlight(target));
  b.addEventListener('mouseleave', () => selected ? highlight(selected.target) : clearHighlight());
  b.addEventListener('click', () => {
    if (selected) selected.button.setAttribute('aria-pressed', 'false');
    selected = selected?.button === b ? null : { button: b, target };
    if (selected) { b.setAttribute('aria-pressed', 'true'); highlight(target); } else clearHighlight();
  });
  return b;
}

function section(title, body) {
  return body ? el('section', {}, el('h4', { textContent: title }), body) : null;
}

function list(values, render, className = 'items') {
  if (!values?.length) return null;
  return el('ul', { className }, ...values.map((v, i) => el('li', {}, render(v, i))));
}

export function renderResume(container, resume) {
  selected = null;
  container.replaceChildren();
  if (!resume) { container.append(el('p', { textContent: 'No structured resume in this result.' })); return; }
  const c = resume.candidate ?? {};
  const facts = el('dl', { className: 'facts' });
  const fact = (label, value, needles) => {
    if (!value) return;
    facts.append(el('dt', { textContent: label }), el('dd', {}, item({ needles: needles ?? [value] }, value)));
  };
  fact('Name', c.name?.raw);
  (c.emails ?? []).forEach(e => fact('E-mail', e));
  (c.phones ?? []).forEach(p => fact('Phone', p.raw + (p.e164 && p.e164 !== p.raw ? ` (${p.e164})` : ''), [p.raw]));
  fact('Location', c.location?.raw);
  (c.links ?? []).forEach(l => fact(l.type === 'other' ? 'Link' : l.type, l.url, [l.url.replace(/^https?:\/\/(www\.)?/, '')]));
  fact('Headline', c.headline);
  const d = resume.derived ?? {};
  const derived = el('dl', { className: 'facts' },
    el('dt', { textContent: 'Total experience' }), el('dd', { textContent: months(d.totalExperienceMonths) || '–' }),
    el('dt', { textContent: 'Current' }), el('dd', { textContent: [d.currentTitle, d.currentEmployer].filter(Boolean).join(' at ') || '–' }),
    el('dt', { textContent: 'Highest education' }), el('dd', { textContent: d.highestEducationLevel ?? '–' }),
    el('dt', { textContent: 'Gaps' }), el('dd', { textContent: (d.gaps ?? []).map(g => `${g.start} → ${g.end} (${g.months} m)`).join('; ') || 'none' }));

  container.append(...[
    section('Candidate', facts),
    section('Summary', resume.summary ? item({ needles: [resume.summary.split('\n')[0].slice(0, 60)] }, resume.summary) : null),
    section('Work experience', list(resume.workExperience, j => item(j,
      el('strong', { textContent: j.title ?? '(no title)' }), j.employer ? ` at ${j.employer}` : '',
      el('span', { className: 'sub', textContent: [range(j.start, j.end, j.isCurrent), j.location].filter(Boolean).join(' · ') }),
      confidence(j.confidence)))),
    section('Education', list(resume.education, e => item(e,
      el('strong', { textContent: e.degree ?? '(no degree)' }), e.institution ? `, ${e.institution}` : '',
      el('span', { className: 'sub', textContent: [range(e.start, e.end), e.degreeLevel, e.fieldOfStudy, e.grade].filter(Boolean).join(' · ') }),
      confidence(e.confidence)))),
    section('Skills', list(resume.skills, s => item({ needles: [s.raw] }, s.raw, s.name && s.name !== s.raw ? ` → ${s.name}` : '',
      el('span', { className: 'sub', textContent: (s.sources ?? []).join(', ') })), 'chips')),
    section('Languages', list(resume.languages, l => item({ needles: [l.raw ?? l.name] }, l.raw ?? l.name, l.cefr ? ` (${l.cefr})` : ''), 'chips')),
    section('Certifications', list(resume.certifications, x => item({ needles: [x.name] }, x.name, x.issuer ? ` · ${x.issuer}` : ''))),
    section('Projects', list(resume.projects, p => item({ needles: [p.name] }, p.name))),
    section('Awards', list(resume.awards, a => item({ needles: [a.title] }, a.title))),
    section('Derived', derived),
    section('Warnings', list(resume.quality?.warnings, w => el('span', { className: 'warn', textContent: `${w.severity} ${w.code}${w.path ? ' at ' + w.path : ''}${w.message ? ': ' + w.message : ''}` }))),
  ].filter(Boolean));
}
