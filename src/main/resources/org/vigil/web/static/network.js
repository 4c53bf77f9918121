// Network of agencies, organizations, stations and places, drawn with Cytoscape.
//
// Page: <div id="network" data-graph="/api/v1/network"></div>
// Needs (before this module): vendor/cytoscape/cytoscape.min.js.
// Endpoint: {nodes: [{id, label, kind: "agency"|"organization"|"station"|"place", url}],
//            edges: [{source, target, label}]}
// Clicking a node opens its url; the search box highlights nodes whose label contains the text.
import { fetchJson, h, msg, onReady, safeHref, showMessage } from './util.js';

export const KINDS = {
  agency: { color: '#b2182b', shape: 'diamond' },
  organization: { color: '#2166ac', shape: 'round-rectangle' },
  station: { color: '#e08214', shape: 'ellipse' },
  place: { color: '#1b7837', shape: 'triangle' },
};
const OTHER = { color: '#777777', shape: 'ellipse' };

/** Cytoscape elements from the endpoint's JSON; edges to unknown nodes and duplicates dropped. */
export function toElements(graph) {
  const nodes = graph && Array.isArray(graph.nodes) ? graph.nodes : [];
  const edges = graph && Array.isArray(graph.edges) ? graph.edges : [];
  const ids = new Set();
  const out = [];
  for (const n of nodes) {
    if (!n || n.id === undefined || n.id === null) continue;
    const id = String(n.id);
    if (ids.has(id)) continue;
    ids.add(id);
    const kind = Object.prototype.hasOwnProperty.call(KINDS, n.kind) ? n.kind : 'other';
    out.push({
      group: 'nodes',
      data: { id, label: n.label ? String(n.label) : id, kind, url: safeHref(n.url) || '' },
    });
  }
  let i = 0;
  for (const e of edges) {
    if (!e) continue;
    const source = String(e.source);
    const target = String(e.target);
    if (!ids.has(source) || !ids.has(target)) continue;
    out.push({
      group: 'edges',
      data: { id: `e${i++}`, source, target, label: e.label ? String(e.label) : '' },
    });
  }
  return out;
}

function style(showEdgeLabels) {
  const s = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'background-color': OTHER.color,
        shape: OTHER.shape,
        width: 22,
        height: 22,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(KINDS).map(([kind, k]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': k.color, shape: k.shape },
    })),
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#9a9a9a',
        'target-arrow-color': '#9a9a9a',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'arrow-scale': 0.8,
      },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.hit', style: { 'border-width': 4, 'border-color': '#ffd400', 'z-index': 10 } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#222222' } },
  ];
  if (showEdgeLabels) {
    s.push({
      selector: 'edge[label]',
      style: { label: 'data(label)', 'font-size': 9, color: '#555555', 'text-rotation': 'autorotate' },
    });
  }
  return s;
}

function legend(el) {
  const items = Object.entries(KINDS).map(([kind, k]) => {
    const swatch = h('span', { class: `legend-swatch legend-${k.shape}` });
    swatch.style.backgroundColor = k.color;
    return h('li', null, swatch, msg(el, kind));
  });
  return h('ul', { class: 'network-legend', 'aria-label': msg(el, 'legend') }, ...items);
}

/** Marks nodes whose label contains query (case-insensitive); returns how many matched. */
export function highlight(cy, query) {
  const q = query.trim().toLocaleLowerCase();
  cy.elements().removeClass('faded hit');
  if (!q) return 0;
  const hits = cy.nodes().filter((n) => n.data('label').toLocaleLowerCase().includes(q));
  if (hits.length === 0) return 0;
  cy.elements().addClass('faded');
  const around = hits.closedNeighborhood();
  around.removeClass('faded');
  hits.addClass('hit');
  cy.animate({ fit: { eles: around, padding: 40 } }, { duration: 300 });
  return hits.length;
}

/**
 * Cytoscape adds a <style> element (position: relative for its container) unless one with its id
 * exists; the Content-Security-Policy would block it, so app.css carries that rule and an empty
 * element with the id stops the attempt.
 */
function preventStylesheetInjection() {
  const id = '__________cytoscape_stylesheet';
  if (!document.getElementById(id)) {
    const marker = document.createElement('meta');
    marker.id = id;
    document.head.appendChild(marker);
  }
}

export async function initNetwork(el) {
  if (typeof window.cytoscape !== 'function') {
    showMessage(el, msg(el, 'noLibrary'), 'error');
    return null;
  }
  const canvas = h('div', { class: 'network-canvas' });
  const search = h('input', { type: 'search', class: 'network-search', placeholder: msg(el, 'findNode') });
  const found = h('span', { class: 'network-found', 'aria-live': 'polite' });
  const tools = h('div', { class: 'network-tools' }, h('label', null, msg(el, 'findNode'), ' ', search), found);
  showMessage(el, msg(el, 'loading'));

  let graph;
  try {
    graph = await fetchJson(el.dataset.graph || '');
  } catch (e) {
    showMessage(el, msg(el, 'error'), 'error');
    return null;
  }
  const elements = toElements(graph);
  const edgeCount = elements.filter((x) => x.group === 'edges').length;
  if (elements.length === 0) {
    showMessage(el, msg(el, 'empty'), 'empty');
    return null;
  }
  showMessage(el, '');
  el.append(tools, canvas, legend(el)); // only now: the canvas needs its size for the layout
  preventStylesheetInjection();
  const cy = window.cytoscape({
    container: canvas,
    elements,
    style: style(edgeCount <= 300),
    layout: { name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: true },
    minZoom: 0.1,
    maxZoom: 4,
  });
  cy.on('tap', 'node', (evt) => {
    const url = evt.target.data('url');
    if (url) window.location.assign(url);
  });
  cy.on('mouseover', 'node', (evt) => {
    canvas.style.cursor = evt.target.data('url') ? 'pointer' : 'default';
  });
  cy.on('mouseout', 'node', () => {
    canvas.style.cursor = 'default';
  });
  search.addEventListener('input', () => {
    const n = highlight(cy, search.value);
    found.textContent = search.value.trim() ? `${n} ${msg(el, 'matches')}` : '';
  });
  return cy;
}

onReady(() => {
  const el = document.getElementById('network');
  if (el) initNetwork(el);
});
