// Map of stations and incidents, drawn without any tile server: the base map is Natural Earth
// country outlines (world-atlas TopoJSON bundled in the jar), points are clustered with
// Leaflet.markercluster so 100,000 of them stay smooth.
//
// Page: <div id="map" data-features="/api/v1/map/features"
//            [data-basemap="/static/vendor/world-atlas/countries-110m.json"]></div>
//       optional <form id="map-filters"> with inputs named from, to, agency, tactic, status, layer.
// Needs (before this module): vendor/leaflet/leaflet.js, vendor/leaflet.markercluster/
// leaflet.markercluster.js, vendor/topojson-client/topojson-client.min.js.
// Endpoint: GeoJSON FeatureCollection of Point features whose properties are
//   {layer: "station"|"incident", name, status, agency?, tactic?, date?, url}.
import { fetchJson, h, msg, onReady, safeHref, showMessage, withQuery } from './util.js';

export const FILTER_NAMES = ['from', 'to', 'agency', 'tactic', 'status', 'layer'];
const DEFAULT_BASEMAP = '/static/vendor/world-atlas/countries-110m.json';
const LAYER_STYLE = {
  station: { color: '#8c1c13', fillColor: '#d7301f' },
  incident: { color: '#08519c', fillColor: '#3182bd' },
};

/** The filter values of form as [name, value] pairs, empty ones left out. */
export function filterParams(form) {
  const out = [];
  if (!form) return out;
  for (const name of FILTER_NAMES) {
    for (const field of form.querySelectorAll(`[name="${name}"]`)) {
      if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) continue;
      const v = (field.value || '').trim();
      if (v) out.push([name, v]);
    }
  }
  return out;
}

/** [lat, lng] of a GeoJSON Point feature, or null when it is not a usable point. */
export function pointOf(feature) {
  const g = feature && feature.geometry;
  if (!g || g.type !== 'Point' || !Array.isArray(g.coordinates)) return null;
  const [lng, lat] = g.coordinates;
  if (typeof lat !== 'number' || typeof lng !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return null;
  }
  return [lat, lng];
}

/** Splits features into {station: [...], incident: [...]} of {latlng, props}; bad ones counted. */
export function partition(collection) {
  const out = { station: [], incident: [], skipped: 0 };
  const features = collection && Array.isArray(collection.features) ? collection.features : [];
  for (const f of features) {
    const latlng = pointOf(f);
    const props = (f && f.properties) || {};
    const layer = props.layer === 'station' || props.layer === 'incident' ? props.layer : null;
    if (!latlng || !layer) {
      out.skipped++;
      continue;
    }
    out[layer].push({ latlng, props });
  }
  return out;
}

/** The popup of one feature, built from text nodes; t(name) gives a label (see util.msg). */
export function popupContent(props, t = (name) => msg(null, name)) {
  const rows = [];
  const add = (label, value) => {
    if (value !== null && value !== undefined && String(value) !== '') {
      rows.push(h('div', { class: 'popup-row' }, h('dt', null, label), h('dd', null, String(value))));
    }
  };
  add(t('status'), props.status);
  add(t('agency'), props.agency);
  add(t('tactic'), props.tactic);
  add(t('date'), props.date);
  const href = safeHref(props.url);
  const title = props.name ? String(props.name) : t('unnamed');
  return h(
    'div',
    { class: 'map-popup map-popup-' + (props.layer || 'other') },
    h('strong', { class: 'popup-title' }, title),
    rows.length ? h('dl', null, ...rows) : null,
    href ? h('a', { href }, t('openRecord')) : null,
  );
}

/**
 * A ring that crosses the antimeridian (Fiji, Russia) jumps from 180 to -180 and Leaflet would
 * draw a line across the whole map: continue its longitudes past ±180 instead. A ring with an
 * odd number of jumps goes round a pole (Antarctica) and is left alone.
 */
export function unwrapRing(ring) {
  let jumps = 0;
  for (let i = 1; i < ring.length; i++) if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) jumps++;
  if (jumps === 0 || jumps % 2 === 1) return ring;
  let shift = 0;
  const out = [ring[0]];
  for (let i = 1; i < ring.length; i++) {
    const d = ring[i][0] - ring[i - 1][0];
    if (d > 180) shift -= 360;
    else if (d < -180) shift += 360;
    out.push([ring[i][0] + shift, ring[i][1]]);
  }
  return out;
}

function unwrapGeometry(g) {
  if (!g) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') {
    return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  }
  return g;
}

function clusterIcon(kind) {
  return (cluster) => {
    const n = cluster.getChildCount();
    const size = n < 100 ? 'small' : n < 1000 ? 'medium' : 'large';
    const label = n >= 10000 ? Math.round(n / 1000) + 'k' : String(n);
    return window.L.divIcon({
      html: h('div', null, h('span', null, label)),
      className: `marker-cluster marker-cluster-${size} cluster-${kind}`,
      iconSize: new window.L.Point(40, 40),
    });
  };
}

function makeMarkers(items, kind, t) {
  const L = window.L;
  const style = LAYER_STYLE[kind];
  const markers = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const { latlng, props } = items[i];
    const m = L.circleMarker(latlng, { radius: 6, weight: 1, fillOpacity: 0.8, ...style });
    m.bindPopup(() => popupContent(props, t));
    if (props.name) m.bindTooltip(String(props.name));
    markers[i] = m;
  }
  return markers;
}

async function drawBasemap(map, url, status) {
  try {
    const topo = await fetchJson(url);
    const countries = window.topojson.feature(topo, topo.objects.countries);
    countries.features = countries.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
    window.L.geoJSON(countries, {
      interactive: false,
      pane: 'basemap',
      style: { color: '#8a8a8a', weight: 0.6, fillColor: '#f2efe6', fillOpacity: 1 },
    }).addTo(map);
  } catch (e) {
    // points still work without outlines
    showMessage(status, msg(map.getContainer(), 'noBasemap'), 'error');
  }
}

export function initMap(el) {
  const L = window.L;
  if (!L || !L.markerClusterGroup || !window.topojson) {
    showMessage(el, msg(el, 'noLibrary'), 'error');
    return null;
  }
  const status = h('div', { class: 'map-status', 'aria-live': 'polite' });
  el.insertAdjacentElement('afterend', status);

  const map = L.map(el, { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 12 });
  map.setView([25, 60], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Outlines: Natural Earth');
  map.createPane('basemap').style.zIndex = 250;

  drawBasemap(map, el.dataset.basemap || DEFAULT_BASEMAP, status);

  const groups = {
    station: L.markerClusterGroup({ chunkedLoading: true, iconCreateFunction: clusterIcon('station') }),
    incident: L.markerClusterGroup({ chunkedLoading: true, iconCreateFunction: clusterIcon('incident') }),
  };
  groups.station.addTo(map);
  groups.incident.addTo(map);
  L.control
    .layers(
      null,
      { [msg(el, 'stations')]: groups.station, [msg(el, 'incidents')]: groups.incident },
      { collapsed: false },
    )
    .addTo(map);

  const t = (name) => msg(el, name);
  const form = document.getElementById('map-filters');
  let controller = null;
  let first = true;

  async function load() {
    if (controller) controller.abort();
    controller = new AbortController();
    const mine = controller;
    const params = filterParams(form);
    showMessage(status, msg(el, 'loading'), 'info');
    let data;
    try {
      data = await fetchJson(withQuery(el.dataset.features || '', params), { signal: mine.signal });
    } catch (e) {
      if (mine.signal.aborted) return;
      groups.station.clearLayers();
      groups.incident.clearLayers();
      showMessage(status, msg(el, 'error'), 'error');
      return;
    }
    if (mine.signal.aborted) return;
    const parts = partition(data);
    groups.station.clearLayers();
    groups.incident.clearLayers();
    const total = parts.station.length + parts.incident.length;
    if (total === 0) {
      showMessage(status, msg(el, 'empty'), 'empty');
      return;
    }
    groups.station.addLayers(makeMarkers(parts.station, 'station', t));
    groups.incident.addLayers(makeMarkers(parts.incident, 'incident', t));
    showMessage(
      status,
      `${msg(el, 'stations')}: ${parts.station.length} · ${msg(el, 'incidents')}: ${parts.incident.length}`,
      'info',
    );
    if (first) {
      first = false;
      const all = parts.station.concat(parts.incident).map((x) => x.latlng);
      map.fitBounds(L.latLngBounds(all).pad(0.1), { maxZoom: 6 });
    }
  }

  if (form) {
    const refilter = (e) => {
      if (e.type === 'submit') e.preventDefault();
      load();
      // the address keeps the filters, so the view can be bookmarked or shared
      const url = withQuery(window.location.pathname, filterParams(form));
      window.history.replaceState(null, '', url);
    };
    form.addEventListener('change', refilter);
    form.addEventListener('submit', refilter);
  }
  load();
  el.vigilMap = map; // for browser tests and the console
  return map;
}

onReady(() => {
  const el = document.getElementById('map');
  if (el) initMap(el);
});
