// The batch table: one row per file, sortable by every column, exported as CSV (one row per file) or JSONL (one
// parse result per line).
import { months } from './resumepane.js';

const resumeOf = e => (e.corrected ?? e.result)?.resume;
const lowest = r => {
  const values = [...(r?.workExperience ?? []), ...(r?.education ?? [])].map(x => x.confidence).filter(c => typeof c === 'number');
  return values.length ? Math.min(...values) : null;
};
const rank = { high_school: 1, associate: 2, bachelor: 3, master: 4, doctorate: 5, other: 0 };
const highestDegree = r => {
  const best = [...(r?.education ?? [])].filter(e => e.degree).sort((a, b) => (rank[b.degreeLevel] ?? -1) - (rank[a.degreeLevel] ?? -1))[0];
  return best?.degree ?? r?.derived?.highestEducationLevel ?? null;
};

export const columns = [
  { id: 'file', label: 'File', value: e => e.name },
  { id: 'name', label: 'Name', value: e => resumeOf(e)?.candidate?.name?.raw },
  { id: 'email', label: 'E-mail', value: e => resumeOf(e)?.candidate?.emails?.[0] },
  { id: 'current_title', label: 'Current title', value: e => resumeOf(e)?.derived?.currentTitle },
  { id: 'current_employer', label: 'Current employer', value: e => resumeOf(e)?.derived?.currentEmployer },
  { id: 'total_experience_months', label: 'Total experience', value: e => resumeOf(e)?.derived?.totalExperienceMonths, show: months, numeric: true },
  { id: 'highest_degree', label: 'Highest degree', value: e => highestDegree(resumeOf(e)) },
  { id: 'warnings', label: 'Warnings', value: e => resumeOf(e) ? (resumeOf(e).quality?.warnings ?? []).length : null, numeric: true },
  { id: 'lowest_confidence', label: 'Lowest confidence', value: e => lowest(resumeOf(e)), show: v => v.toFixed(2), numeric: true },
  { id: 'status', label: 'Status', value: e => e.error ? `${e.status}: ${e.error.code}` : e.status },
];

let sortBy = null;
let direction = 1;

function sorted(entries) {
  if (!sortBy) return entries;
  const col = columns.find(c => c.id === sortBy);
  return [...entries].sort((a, b) => {
    const x = col.value(a), y = col.value(b);
    if (x == null || x === '') return 1;
    if (y == null || y === '') return -1;
    return direction * (col.numeric ? x - y : String(x).localeCompare(String(y), undefined, { sensitivity: 'base' }));
  });
}

export function renderTable(table, entries, open) {
  const head = table.tHead.rows[0];
  head.replaceChildren(...columns.map(col => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.setAttribute('aria-sort', sortBy === col.id ? (direction > 0 ? 'ascending' : 'descending') : 'none');
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: col.label });
    b.addEventListener('click', () => {
      direction = sortBy === col.id ? -direction : 1;
      sortBy = col.id;
      renderTable(table, entries, open);
      table.querySelector(`th:nth-child(${columns.indexOf(col) + 1}) button`).focus();
    });
    th.append(b);
    return th;
  }));
  table.tBodies[0].replaceChildren(...sorted(entries).map(e => {
    const tr = document.createElement('tr');
    columns.forEach((col, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      const v = col.value(e);
      const text = v == null || v === '' ? '' : (col.show ? col.show(v) : String(v));
      if (i === 0 && e.result) {
        const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text, title: 'Open this file' });
        b.addEventListener('click', () => open(e));
        cell.append(b);
      } else cell.textContent = text;
      tr.append(cell);
    });
    return tr;
  }));
}

// Spreadsheet formula injection: a cell starting with = + - @ (or tab/CR) is prefixed with ' so it stays text.
const csvCell = v => {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(entries) {
  const header = columns.map(c => c.id).join(',');
  const rows = sorted(entries).map(e => columns.map(c => csvCell(c.value(e))).join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}

export function toJsonl(entries) {
  return sorted(entries).map(e => JSON.stringify({ file: e.name, status: e.status, id: (e.corrected ?? e.result)?.id ?? null,
    error: e.error ?? null, result: e.corrected ?? e.result ?? null })).join('\n') + '\n';
}
