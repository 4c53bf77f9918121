// Small helpers shared by Vigil's page scripts. Everything that shows data builds DOM nodes and
// sets textContent: no innerHTML with data, no eval, no inline styles from HTML (the pages run
// under a strict Content-Security-Policy).

/** Messages shown by the scripts; a page overrides one with data-msg-NAME on the script's element. */
const DEFAULT_MESSAGES = {
  loading: 'Loading…',
  error: 'Could not load the data for this view.',
  empty: 'Nothing to show.',
  noLibrary: 'A script this view needs did not load.',
  noBasemap: 'The country outlines could not be loaded.',
  stations: 'Stations',
  incidents: 'Incidents',
  status: 'Status',
  agency: 'Agency',
  tactic: 'Tactic',
  date: 'Date',
  openRecord: 'Open record',
  unnamed: '(unnamed)',
  organization: 'Organization',
  station: 'Station',
  place: 'Place',
  legend: 'Legend',
  findNode: 'Find',
  matches: 'found',
  incident: 'Incident',
  response: 'Response',
  undated: 'Undated',
  kind: 'Kind',
  country: 'Country',
  all: 'All',
  processed: 'Processed',
  file: 'File',
  sent: 'sent',
  noFiles: 'Choose one or more files first.',
  uploadFailed: 'No file could be uploaded.',
  statusError: 'Could not get the processing status; reload the page to see it.',
};

/** The message NAME for element el: its data-msg-NAME attribute, or the English default. */
export function msg(el, name) {
  const key = 'msg' + name.charAt(0).toUpperCase() + name.slice(1);
  const own = el && el.dataset ? el.dataset[key] : undefined;
  return own || DEFAULT_MESSAGES[name] || name;
}

/**
 * Creates an element. attrs: plain attributes (className/class, dataset entries as data-*),
 * children: strings (become text nodes), nodes, or null/undefined (skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'className' || k === 'class') el.className = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * Shows a message inside container: replaces the previous script message there, keeps the rest.
 * kind: 'info' | 'error' | 'empty'. Returns the message element; an empty text removes it.
 */
export function showMessage(container, text, kind = 'info') {
  if (!container) return null;
  const old = container.querySelector(':scope > .js-message');
  if (old) old.remove();
  if (!text) return null;
  const p = h('p', { class: 'js-message js-message-' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
  container.appendChild(p);
  return p;
}

/** Parses the JSON inside <script type="application/json" id="ID">; null if absent or invalid. */
export function readJsonScript(id, doc = document) {
  const node = id ? doc.getElementById(id) : null;
  if (!node) return null;
  try {
    return JSON.parse(node.textContent || 'null');
  } catch (e) {
    return null;
  }
}

/** GETs JSON from a same-site URL; rejects with an Error on a network failure or non-2xx status. */
export async function fetchJson(url, options = {}) {
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    ...options,
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status} for ${url}`);
  }
  return response.json();
}

/**
 * A link target that is safe to put in href: a path on this site ("/records/1", "?q=x") or an
 * http(s) URL. Anything else (javascript:, data:, protocol-relative "//host") gives null.
 */
export function safeHref(url, base = 'http://localhost/') {
  if (typeof url !== 'string' || url.trim() === '') return null;
  const u = url.trim();
  if (u.startsWith('//') || u.startsWith('/\\')) return null;
  if (u.startsWith('/') || u.startsWith('?') || u.startsWith('#')) return u;
  try {
    const parsed = new URL(u, base);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch (e) {
    return null;
  }
  return null;
}

/**
 * url with params in its query: a name given in params replaces that name's values already in
 * url (so a server-rendered URL and the filter form do not repeat a filter); empty values are
 * left out; a name may repeat in params (check boxes).
 */
export function withQuery(url, params) {
  const [path, query = ''] = url.split('?', 2);
  const search = new URLSearchParams(query);
  for (const [k] of params) search.delete(k);
  for (const [k, v] of params) {
    if (v !== null && v !== undefined && String(v) !== '') search.append(k, String(v));
  }
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/** The CSRF token from <meta name="csrf-token" content="...">, or ''. */
export function csrfToken(doc = document) {
  const meta = doc.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') || '' : '';
}

/** Runs fn once the DOM is ready, in a browser only (tests import these modules in Node). */
export function onReady(fn) {
  if (typeof document === 'undefined') return;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
  else fn();
}
