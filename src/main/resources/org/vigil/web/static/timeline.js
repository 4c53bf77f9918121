// Vertical timeline of incidents and responses, grouped by year, with filters by kind and country.
//
// Page: <div id="timeline" data-events="/api/v1/timeline"></div>
// Endpoint: [{date: "2022" | "2022-09" | "2022-09-15", precision: "year"|"month"|"day",
//             kind: "incident"|"response", title, url, country}]
import { fetchJson, h, msg, onReady, safeHref, showMessage } from './util.js';

const DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/;

/** The date as the precision allows ("2022", "2022-09", "2022-09-15"), or '' when unusable. */
export function shownDate(date, precision) {
  const m = DATE.exec(typeof date === 'string' ? date : '');
  if (!m) return '';
  if (precision === 'year' || !m[2]) return m[1];
  if (precision === 'month' || !m[3]) return `${m[1]}-${m[2]}`;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Events that pass the filters ('' = any), sorted by date, grouped: [{year, events}]. */
export function groupByYear(events, kind = '', country = '') {
  const list = (Array.isArray(events) ? events : []).filter(
    (e) => e && (!kind || e.kind === kind) && (!country || e.country === country),
  );
  const keyed = list.map((e, i) => ({ e, i, d: shownDate(e.date, e.precision) }));
  // undated last, otherwise by date then by original order (stable)
  keyed.sort((a, b) => {
    if (!a.d !== !b.d) return a.d ? -1 : 1;
    return a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i;
  });
  const groups = [];
  for (const { e, d } of keyed) {
    const year = d ? d.slice(0, 4) : '';
    let g = groups[groups.length - 1];
    if (!g || g.year !== year) {
      g = { year, events: [] };
      groups.push(g);
    }
    g.events.push(e);
  }
  return groups;
}

/** Distinct non-empty values of field, sorted. */
export function distinct(events, field) {
  const s = new Set();
  for (const e of Array.isArray(events) ? events : []) {
    if (e && typeof e[field] === 'string' && e[field]) s.add(e[field]);
  }
  return [...s].sort();
}

function select(name, label, allLabel, values, labelOf) {
  const sel = h('select', { name }, h('option', { value: '' }, allLabel));
  for (const v of values) sel.appendChild(h('option', { value: v }, labelOf(v)));
  return { sel, wrap: h('label', null, label, ' ', sel) };
}

function render(list, groups, el) {
  list.replaceChildren();
  for (const g of groups) {
    const items = g.events.map((e) => {
      const d = shownDate(e.date, e.precision);
      const href = safeHref(e.url);
      const title = e.title ? String(e.title) : msg(el, 'unnamed');
      return h(
        'li',
        { class: `timeline-event timeline-${e.kind === 'response' ? 'response' : 'incident'}` },
        d ? h('time', { datetime: d }, d) : null,
        h('span', { class: 'timeline-kind' }, msg(el, e.kind === 'response' ? 'response' : 'incident')),
        href ? h('a', { href }, title) : h('span', null, title),
        e.country ? h('span', { class: 'timeline-country' }, String(e.country)) : null,
      );
    });
    list.appendChild(
      h('section', { class: 'timeline-year' }, h('h3', null, g.year || msg(el, 'undated')), h('ol', null, ...items)),
    );
  }
}

export async function initTimeline(el) {
  showMessage(el, msg(el, 'loading'));
  let events;
  try {
    events = await fetchJson(el.dataset.events || '');
  } catch (e) {
    showMessage(el, msg(el, 'error'), 'error');
    return;
  }
  if (!Array.isArray(events) || events.length === 0) {
    showMessage(el, msg(el, 'empty'), 'empty');
    return;
  }
  showMessage(el, '');
  const kind = select('kind', msg(el, 'kind'), msg(el, 'all'), distinct(events, 'kind'), (v) => msg(el, v));
  const country = select('country', msg(el, 'country'), msg(el, 'all'), distinct(events, 'country'), (v) => v);
  const list = h('div', { class: 'timeline-list' });
  el.append(h('form', { class: 'timeline-filters' }, kind.wrap, ' ', country.wrap), list);
  const update = () => {
    const groups = groupByYear(events, kind.sel.value, country.sel.value);
    render(list, groups, el);
    showMessage(el, groups.length ? '' : msg(el, 'empty'), 'empty');
  };
  kind.sel.addEventListener('change', update);
  country.sel.addEventListener('change', update);
  update();
}

onReady(() => {
  const el = document.getElementById('timeline');
  if (el) initTimeline(el);
});
