// Calls to the AtsParser API with the user's key. The key lives in this module's memory, and in sessionStorage only
// when the user ticks "keep for this tab" (never localStorage: it would outlive the tab and leak to other tabs).
const KEY_SLOT = 'ats.apiKey';
let apiKey = sessionStorage.getItem(KEY_SLOT) ?? '';
const unauthorizedListeners = [];

export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
  get text() { return `${this.detail} (${this.code}, HTTP ${this.status})`; }
}

export function hasKey() { return apiKey.length > 0; }
export function keyIsRemembered() { return sessionStorage.getItem(KEY_SLOT) !== null; }

export function setKey(key, remember) {
  apiKey = key.trim();
  if (remember && apiKey) sessionStorage.setItem(KEY_SLOT, apiKey);
  else sessionStorage.removeItem(KEY_SLOT);
}

export function onUnauthorized(listener) { unauthorizedListeners.push(listener); }

/** fetch with the key; non-2xx answers become an ApiError carrying the ProblemDetails code and detail. */
export async function call(path, { method = 'GET', body, headers = {} } = {}) {
  const h = { ...headers };
  if (apiKey) h['X-API-Key'] = apiKey;
  let response;
  try {
    response = await fetch(path, { method, body, headers: h, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'network_error', `The service could not be reached (${e.message}). Check that it is running.`);
  }
  if (response.ok) return response;
  let problem = {};
  try { problem = await response.json(); } catch { /* not JSON */ }
  const error = new ApiError(response.status, problem.code ?? `http_${response.status}`,
    problem.detail ?? problem.title ?? response.statusText ?? 'The request failed.');
  if (response.status === 401) unauthorizedListeners.forEach(l => l(error));
  throw error;
}

export async function json(path, options) { return (await call(path, options)).json(); }

export async function config() {
  const r = await fetch('config.json', { cache: 'no-store' });
  return r.ok ? r.json() : { authRequired: false, storageEnabled: false, bulkMaxFiles: 50 };
}

/** The shell command that does what the page did, with the key taken from $ATS_API_KEY (never the key itself). */
export function curlFor(fileName, query) {
  const quoted = s => `'${String(s).replaceAll("'", `'\\''`)}'`;
  const key = apiKey ? ` -H "X-API-Key: $ATS_API_KEY"` : '';
  return `curl -s${key} -F ${quoted('file=@' + fileName)} ${quoted(new URL('/api/v1/parse' + query, location.origin).href)}`;
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
