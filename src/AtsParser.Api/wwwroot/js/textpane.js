// The left pane: the extracted text line by line, pages separated where the extractor put a form feed, and the lines
// an item came from (its `evidence`, or lines containing its value) highlighted.
const norm = s => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

let lines = [];

export function renderText(container, text) {
  container.replaceChildren();
  lines = [];
  if (!text) {
    const p = document.createElement('p');
    p.className = 'meta';
    p.textContent = 'No text for this resume (stored resumes keep their text only with STORE_TEXT=true; parse the file again to see it).';
    container.append(p);
    return;
  }
  text.replace(/\r\n?/g, '\n').split('\f').forEach((page, i) => {
    if (i > 0) {
      if (!page.trim()) return;
      const br = document.createElement('div');
      br.className = 'page-break';
      br.setAttribute('role', 'separator');
      br.textContent = `page ${i + 1}`;
      container.append(br);
    }
    for (const line of page.split('\n')) {
      const el = document.createElement('div');
      el.className = 'line';
      el.dataset.line = String(lines.length + 1);
      el.textContent = line.length ? line : '\u00a0';
      container.append(el);
      lines.push({ el, key: norm(line) });
    }
  });
}

function matches(lineKey, wanted) {
  if (!lineKey || !wanted) return false;
  return lineKey === wanted || (wanted.length >= 4 && lineKey.includes(wanted)) || (lineKey.length >= 8 && wanted.includes(lineKey));
}

/** Evidence: the longest run of text lines matching consecutive evidence lines; needles: every line containing one. */
export function highlight({ evidence, needles }) {
  clearHighlight();
  let hit = [];
  const wanted = (evidence ?? '').split('\n').map(norm).filter(Boolean);
  if (wanted.length) {
    for (let i = 0; i < lines.length; i++) {
      if (!matches(lines[i].key, wanted[0])) continue;
      const run = [i];
      for (let j = i + 1, w = 1; j < lines.length && w < wanted.length; j++) {
        if (!lines[j].key) continue;
        if (matches(lines[j].key, wanted[w])) { run.push(j); w++; } else break;
      }
      if (run.length > hit.length) hit = run;
      if (run.length === wanted.length) break;
    }
    if (!hit.length) hit = lines.flatMap((l, i) => wanted.some(w => matches(l.key, w)) ? [i] : []);
  }
  const needleKeys = (needles ?? []).map(norm).filter(n => n.length >= 2);
  if (!hit.length && needleKeys.length) hit = lines.flatMap((l, i) => needleKeys.some(n => l.key.includes(n)) ? [i] : []);
  for (const i of hit) lines[i].el.classList.add('hl');
  if (hit.length) lines[hit[0]].el.scrollIntoView({ block: 'nearest' });
  return hit.length;
}

export function clearHighlight() {
  for (const l of lines) l.el.classList.remove('hl');
}
