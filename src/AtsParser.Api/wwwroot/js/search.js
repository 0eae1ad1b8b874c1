// Search: a job description in, ranked stored candidates out, each with the matched skills and titles behind its rank.
import { json } from './api.js';
import { months } from './resumepane.js';

const el = (tag, props = {}, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children.filter(Boolean)); return e; };

export async function search(form, list, open) {
  const text = form.querySelector('#search-text').value.trim();
  const topK = Number(form.querySelector('#search-topk').value) || 10;
  const ranking = form.querySelector('#search-ranking').value;
  const answer = await json('/api/v1/search' + (ranking ? `?ranking=${ranking}` : ''), {
    method: 'POST', body: JSON.stringify({ text, topK }), headers: { 'Content-Type': 'application/json' },
  });
  list.replaceChildren(...answer.results.map(hit => {
    const open_ = el('button', { type: 'button', textContent: hit.candidateName ?? hit.fileName });
    open_.addEventListener('click', () => open(hit.id, hit.fileName));
    const x = hit.explanation ?? {};
    return el('li', {}, open_, ` score ${hit.score.toFixed(3)}`,
      el('div', { className: 'meta', textContent: [hit.currentTitle, hit.location, months(hit.experienceMonths), hit.fileName].filter(Boolean).join(' · ') }),
      el('div', {}, 'Matched skills: ', x.matchedSkills?.length ? x.matchedSkills.join(', ') : 'none'),
      el('div', {}, 'Matched titles: ', x.matchedTitles?.length ? x.matchedTitles.join(', ') : 'none'));
  }));
  return answer;
}
