// Uploads with one progress bar per file, then follows the server's processing.
//
// Page: <form id="upload-form" method="post" action="/upload" enctype="multipart/form-data"
//             data-status-url="/api/v1/uploads/status">
//         <input type="file" name="files" multiple> ... <button>Upload</button></form>
//       <meta name="csrf-token" content="..."> in <head>.
// Each file is POSTed on its own (same action, same field name, the form's other fields, _csrf
// field and X-CSRF-Token header). A 2xx answer may be JSON {statusUrl}: the last one given is
// polled instead of data-status-url. Any other answer marks that file failed, showing the
// answer's JSON {error} or {message} when there is one.
// Status endpoint: {done, total, items: [{name, status, error}]}; polled until done >= total.
import { csrfToken, fetchJson, h, msg, onReady, showMessage } from './util.js';

const POLL_MS = 1000;
const MAX_POLL_FAILURES = 3;

/** Error text from a failed upload's response body (JSON {error}/{message}, or short text). */
export function errorText(status, body) {
  if (body) {
    try {
      const j = JSON.parse(body);
      if (j && typeof j.error === 'string') return j.error;
      if (j && j.error && typeof j.error.message === 'string') return j.error.message;
      if (j && typeof j.message === 'string') return j.message;
    } catch (e) {
      const t = body.trim();
      if (t && t.length <= 200 && !t.startsWith('<')) return t;
    }
  }
  return status === 0 ? 'network error' : `HTTP ${status}`;
}

/** The status JSON checked and normalised: {done, total, items}; null when it is not usable. */
export function normaliseStatus(s) {
  if (!s || typeof s !== 'object') return null;
  const done = Number(s.done);
  const total = Number(s.total);
  if (!Number.isFinite(done) || !Number.isFinite(total)) return null;
  const items = Array.isArray(s.items)
    ? s.items
        .filter((i) => i && typeof i === 'object')
        .map((i) => ({ name: String(i.name ?? ''), status: String(i.status ?? ''), error: i.error ? String(i.error) : '' }))
    : [];
  return { done, total, items, finished: done >= total };
}

function sendOne(form, fieldName, file, token, onProgress) {
  return new Promise((resolve) => {
    const data = new FormData();
    for (const [k, v] of new FormData(form)) {
      if (k !== fieldName && k !== '_csrf') data.append(k, v);
    }
    data.append('_csrf', token);
    data.append(fieldName, file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        let statusUrl = null;
        try {
          const j = JSON.parse(xhr.responseText);
          if (j && typeof j.statusUrl === 'string' && j.statusUrl.startsWith('/')) statusUrl = j.statusUrl;
        } catch (e) {
          // a non-JSON success answer is fine
        }
        resolve({ ok: true, statusUrl });
      } else {
        resolve({ ok: false, error: errorText(xhr.status, xhr.responseText) });
      }
    });
    xhr.addEventListener('error', () => resolve({ ok: false, error: errorText(0, '') }));
    xhr.addEventListener('abort', () => resolve({ ok: false, error: 'aborted' }));
    xhr.send(data);
  });
}

function renderStatus(box, status, el) {
  box.replaceChildren();
  box.appendChild(h('p', { class: 'upload-summary' }, `${msg(el, 'processed')}: ${status.done} / ${status.total}`));
  if (status.items.length === 0) return;
  const rows = status.items.map((i) =>
    h(
      'tr',
      { class: i.error ? 'upload-failed' : '' },
      h('td', null, i.name),
      h('td', null, h('span', { class: `badge badge-${i.status.replace(/[^a-z0-9_-]/gi, '')}` }, i.status)),
      h('td', null, i.error),
    ),
  );
  box.appendChild(
    h(
      'table',
      { class: 'upload-status' },
      h('thead', null, h('tr', null, h('th', null, msg(el, 'file')), h('th', null, msg(el, 'status')), h('th', null, ''))),
      h('tbody', null, ...rows),
    ),
  );
}

async function poll(url, box, el) {
  let failures = 0;
  for (;;) {
    let status = null;
    try {
      status = normaliseStatus(await fetchJson(url));
    } catch (e) {
      status = null;
    }
    if (status) {
      failures = 0;
      showMessage(el, '');
      renderStatus(box, status, el);
      if (status.finished) return status;
    } else if (++failures >= MAX_POLL_FAILURES) {
      showMessage(el, msg(el, 'statusError'), 'error');
      return null;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export function initUpload(form) {
  const input = form.querySelector('input[type="file"]');
  if (!input) return;
  const list = h('ul', { class: 'upload-list' });
  const box = h('div', { class: 'upload-status-box', 'aria-live': 'polite' });
  const el = h('div', { class: 'upload-progress' }, list, box);
  Object.assign(el.dataset, form.dataset); // data-msg-* on the form apply here too
  form.insertAdjacentElement('afterend', el);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const files = Array.from(input.files || []);
    showMessage(el, '');
    if (files.length === 0) {
      showMessage(el, msg(el, 'noFiles'), 'error');
      return;
    }
    const button = form.querySelector('[type="submit"], button:not([type])');
    if (button) button.disabled = true;
    const token = csrfToken();
    list.replaceChildren();
    box.replaceChildren();
    let statusUrl = form.dataset.statusUrl || null;
    let failed = 0;
    for (const file of files) {
      const bar = h('progress', { max: '100', value: '0' });
      const note = h('span', { class: 'upload-note' });
      list.appendChild(h('li', null, h('span', { class: 'upload-name' }, file.name), ' ', bar, ' ', note));
      const result = await sendOne(form, input.name || 'files', file, token, (f) => {
        bar.value = Math.round(f * 100);
      });
      if (result.ok) {
        bar.value = 100;
        note.textContent = msg(el, 'sent');
        if (result.statusUrl) statusUrl = result.statusUrl;
      } else {
        failed++;
        note.textContent = result.error;
        note.classList.add('upload-error');
      }
    }
    if (button) button.disabled = false;
    input.value = '';
    if (failed === files.length) {
      showMessage(el, msg(el, 'uploadFailed'), 'error');
      return;
    }
    if (statusUrl) await poll(statusUrl, box, el);
  });
}

onReady(() => {
  const form = document.getElementById('upload-form');
  if (form) initUpload(form);
});
