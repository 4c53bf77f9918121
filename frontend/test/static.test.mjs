import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { el, load, STATIC, text } from './load.mjs';

test('safeHref keeps site paths and http(s) links, refuses scripts and other hosts without scheme', async () => {
  const { safeHref } = await load('util.js');
  assert.equal(safeHref('/records/12'), '/records/12');
  assert.equal(safeHref('?page=2'), '?page=2');
  assert.equal(safeHref('https://example.org/a'), 'https://example.org/a');
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref(' JavaScript:alert(1)'), null);
  assert.equal(safeHref('data:text/html,x'), null);
  assert.equal(safeHref('//evil.example/x'), null);
  assert.equal(safeHref('/\\evil.example'), null);
  assert.equal(safeHref(''), null);
  assert.equal(safeHref(42), null);
});

test('withQuery appends non-empty filters to a URL that may already have a query', async () => {
  const { withQuery } = await load('util.js');
  assert.equal(withQuery('/api/v1/map/features', []), '/api/v1/map/features');
  assert.equal(
    withQuery('/api/v1/map/features?lang=zh', [['from', '2022-01-01'], ['agency', ''], ['status', '已证实']]),
    '/api/v1/map/features?lang=zh&from=2022-01-01&status=%E5%B7%B2%E8%AF%81%E5%AE%9E',
  );
  assert.equal(
    withQuery('/f?status=alleged&layer=station', [['status', 'confirmed'], ['status', 'disputed'], ['layer', '']]),
    '/f?status=confirmed&status=disputed',
  );
});

test('msg prefers the element data-msg-* text over the English default', async () => {
  const { msg } = await load('util.js');
  assert.equal(msg({ dataset: { msgError: '无法加载数据' } }, 'error'), '无法加载数据');
  assert.equal(msg({ dataset: {} }, 'error'), 'Could not load the data for this view.');
  assert.equal(msg(null, 'empty'), 'Nothing to show.');
});

test('text offsets walk text nodes in order across marks', async () => {
  const { textOffset, fullText, spanOf } = await load('review.js');
  // "海外警务服务站 in <mark>Rotterdam</mark> was <mark>closed</mark> in 2022."
  const t0 = text('海外警务服务站 in ');
  const rot = text('Rotterdam');
  const t1 = text(' was ');
  const closed = text('closed');
  const t2 = text(' in 2022.');
  const root = el(t0, el(rot), t1, el(closed), t2);
  const clean = '海外警务服务站 in Rotterdam was closed in 2022.';
  assert.equal(fullText(root), clean);
  assert.equal(textOffset(root, t0, 0), 0);
  assert.equal(textOffset(root, rot, 4), 15);
  assert.equal(textOffset(root, closed, 0), 25);
  // element boundaries: before child 3 (the second mark) and at the end of root
  assert.equal(textOffset(root, root, 3), 25);
  assert.equal(textOffset(root, root, 5), clean.length);
  assert.equal(textOffset(root, root.childNodes[1], 1), 20);
  // a node outside root
  assert.equal(textOffset(root, text('elsewhere'), 0), null);
  assert.deepEqual(spanOf(clean, 31, 20), { start: 21, end: 31, quote: 'was closed' });
  assert.equal(spanOf(clean, 20, 21), null);
  const s = spanOf(clean, 6, 15);
  assert.equal(clean.slice(s.start, s.end), '站 in Rott');
});

test('offsets count UTF-16 units like Java strings (astral characters count two)', async () => {
  const { textOffset } = await load('review.js');
  const a = text('𠀀x');
  const b = text('y');
  const root = el(a, el(b));
  assert.equal(textOffset(root, b, 0), 3);
});

test('map features are split by layer; bad points and unknown layers are skipped', async () => {
  const { partition, pointOf } = await load('map.js');
  const fc = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [4.48, 51.92] }, properties: { layer: 'station' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [-79.4, 43.7] }, properties: { layer: 'incident' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [200, 10] }, properties: { layer: 'incident' } },
      { type: 'Feature', geometry: null, properties: { layer: 'station' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] }, properties: { layer: 'person' } },
      null,
    ],
  };
  const p = partition(fc);
  assert.equal(p.station.length, 1);
  assert.deepEqual(p.station[0].latlng, [51.92, 4.48]);
  assert.equal(p.incident.length, 1);
  assert.equal(p.skipped, 4);
  assert.deepEqual(partition(null), { station: [], incident: [], skipped: 0 });
  assert.equal(pointOf({ geometry: { type: 'Point', coordinates: ['1', 2] } }), null);
});

test('map filters come from the named fields only, empty and unchecked ones left out', async () => {
  const { filterParams } = await load('map.js');
  const fields = {
    from: [{ type: 'date', value: '2022-01-01' }],
    to: [{ type: 'date', value: '' }],
    status: [
      { type: 'checkbox', value: 'alleged', checked: true },
      { type: 'checkbox', value: 'retracted', checked: false },
    ],
    layer: [{ type: 'select-one', value: ' station ' }],
    other: [{ type: 'text', value: 'x' }],
  };
  const form = { querySelectorAll: (sel) => fields[/name="([^"]+)"/.exec(sel)[1]] || [] };
  assert.deepEqual(filterParams(form), [
    ['from', '2022-01-01'],
    ['status', 'alleged'],
    ['layer', 'station'],
  ]);
  assert.deepEqual(filterParams(null), []);
});

test('timeline dates follow their precision and group by year, undated last', async () => {
  const { shownDate, groupByYear, distinct } = await load('timeline.js');
  assert.equal(shownDate('2022-09-15', 'month'), '2022-09');
  assert.equal(shownDate('2022-09', 'day'), '2022-09');
  assert.equal(shownDate('2022-09-15', 'year'), '2022');
  assert.equal(shownDate('2022-09-15', 'day'), '2022-09-15');
  assert.equal(shownDate('sometime', 'day'), '');
  const events = [
    { date: '2022-11', precision: 'month', kind: 'response', title: 'b', country: 'NL' },
    { date: '', precision: 'day', kind: 'incident', title: 'u', country: 'CA' },
    { date: '2021', precision: 'year', kind: 'incident', title: 'a', country: 'CA' },
    { date: '2022-09', precision: 'month', kind: 'incident', title: 'c', country: 'NL' },
  ];
  const g = groupByYear(events);
  assert.deepEqual(g.map((x) => x.year), ['2021', '2022', '']);
  assert.deepEqual(g[1].events.map((e) => e.title), ['c', 'b']);
  assert.deepEqual(groupByYear(events, 'incident', 'NL').map((x) => x.events.map((e) => e.title)), [['c']]);
  assert.deepEqual(groupByYear(events, 'response', 'CA'), []);
  assert.deepEqual(groupByYear(null), []);
  assert.deepEqual(distinct(events, 'country'), ['CA', 'NL']);
});

test('chart data keeps numbers, turns bad cells into gaps, and is null when there is nothing', async () => {
  const { chartData } = await load('charts.js');
  const d = chartData({ labels: [2021, 2022], datasets: [{ label: 'Incidents', data: [3, '7'] }, { data: ['x', null] }] }, 'bar');
  assert.deepEqual(d.labels, ['2021', '2022']);
  assert.deepEqual(d.datasets[0].data, [3, 7]);
  assert.deepEqual(d.datasets[1].data, [null, null]);
  assert.equal(chartData({ labels: [], datasets: [] }, 'bar'), null);
  assert.equal(chartData({ labels: ['a'], datasets: [{ data: ['n/a'] }] }, 'line'), null);
  assert.equal(chartData(null, 'bar'), null);
  assert.equal(chartData({ labels: ['a', 'b'], datasets: [{ data: [1, 2] }] }, 'doughnut').datasets[0].backgroundColor.length, 2);
});

test('network elements drop dangling edges, duplicate nodes and unsafe links', async () => {
  const { toElements } = await load('network.js');
  const els = toElements({
    nodes: [
      { id: 1, label: '公安局', kind: 'agency', url: '/agencies/1' },
      { id: 1, label: 'dup', kind: 'agency' },
      { id: 's', label: 'Station', kind: 'station', url: 'javascript:alert(1)' },
      { id: 'q', kind: 'spaceship' },
    ],
    edges: [
      { source: 1, target: 's', label: 'operates' },
      { source: 's', target: 'missing' },
    ],
  });
  const nodes = els.filter((e) => e.group === 'nodes');
  const edges = els.filter((e) => e.group === 'edges');
  assert.deepEqual(nodes.map((n) => n.data.id), ['1', 's', 'q']);
  assert.equal(nodes[1].data.url, '');
  assert.equal(nodes[2].data.kind, 'other');
  assert.equal(nodes[2].data.label, 'q');
  assert.deepEqual(edges.map((e) => [e.data.source, e.data.target, e.data.label]), [['1', 's', 'operates']]);
  assert.deepEqual(toElements({}), []);
});

test('upload errors show the server message; status JSON is checked', async () => {
  const { errorText, normaliseStatus } = await load('upload.js');
  assert.equal(errorText(403, '{"error":"bad csrf token"}'), 'bad csrf token');
  assert.equal(errorText(422, '{"error":{"code":"VALIDATION","message":"too big"}}'), 'too big');
  assert.equal(errorText(500, '<html>oops</html>'), 'HTTP 500');
  assert.equal(errorText(0, ''), 'network error');
  assert.deepEqual(normaliseStatus({ done: 1, total: 2, items: [{ name: 'a.pdf', status: 'done' }] }), {
    done: 1,
    total: 2,
    items: [{ name: 'a.pdf', status: 'done', error: '' }],
    finished: false,
  });
  assert.equal(normaliseStatus({ done: 'x', total: 1 }), null);
  assert.equal(normaliseStatus(null), null);
  assert.equal(normaliseStatus({ done: 0, total: 0 }).finished, true);
});

test('our scripts use no innerHTML, eval or inline event handlers', () => {
  for (const f of readdirSync(STATIC).filter((n) => n.endsWith('.js'))) {
    const src = readFileSync(join(STATIC, f), 'utf8');
    assert.doesNotMatch(src, /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|\beval\(|new Function\(|setAttribute\(\s*['"]on/, f);
  }
});

test('country rings crossing the antimeridian are unwrapped; rings round a pole are not', async () => {
  const { unwrapRing } = await load('map.js');
  const fiji = [[179, -16], [-179.5, -16.5], [-179.8, -17], [179.2, -17], [179, -16]];
  assert.deepEqual(unwrapRing(fiji), [[179, -16], [180.5, -16.5], [180.2, -17], [179.2, -17], [179, -16]]);
  const pole = [[-180, -80], [0, -70], [180, -80], [-180, -80]];
  assert.deepEqual(unwrapRing(pole), pole);
  const plain = [[1, 1], [2, 1], [2, 2], [1, 1]];
  assert.deepEqual(unwrapRing(plain), plain);
});
