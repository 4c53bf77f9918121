// Charts drawn with Chart.js from data embedded in the page.
//
// Page: <canvas data-chart="bar|line|doughnut" data-source="ID" aria-label="..."></canvas>
//       <script type="application/json" id="ID">{"labels": [...], "datasets": [{"label": "...", "data": [...]}]}</script>
// Needs (before this module): vendor/chart.js/chart.umd.js.
import { h, msg, onReady, readJsonScript } from './util.js';

export const TYPES = ['bar', 'line', 'doughnut'];
const PALETTE = ['#3182bd', '#d7301f', '#31a354', '#e6550d', '#756bb1', '#636363', '#fdae6b', '#9ecae1'];

/**
 * Chart.js data from the embedded JSON, or null when it has no labels or no numbers.
 * Non-numeric values become null (a gap), so a bad cell does not break the chart.
 */
export function chartData(raw, type) {
  if (!raw || !Array.isArray(raw.labels) || !Array.isArray(raw.datasets)) return null;
  const labels = raw.labels.map((l) => String(l));
  if (labels.length === 0) return null;
  let numbers = 0;
  const datasets = raw.datasets
    .filter((d) => d && Array.isArray(d.data))
    .map((d, i) => {
      const data = d.data.map((v) => {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (Number.isFinite(n)) {
          numbers++;
          return n;
        }
        return null;
      });
      const colour = PALETTE[i % PALETTE.length];
      const ds = { label: d.label ? String(d.label) : '', data };
      if (type === 'doughnut') {
        ds.backgroundColor = labels.map((_, j) => PALETTE[j % PALETTE.length]);
      } else {
        ds.backgroundColor = colour;
        ds.borderColor = colour;
      }
      return ds;
    });
  if (numbers === 0) return null;
  return { labels, datasets };
}

function replaceWithMessage(canvas, text, kind) {
  const p = h('p', { class: `js-message js-message-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  canvas.replaceWith(p);
}

export function drawChart(canvas) {
  const type = canvas.dataset.chart;
  if (typeof window.Chart !== 'function') {
    replaceWithMessage(canvas, msg(canvas, 'noLibrary'), 'error');
    return null;
  }
  if (!TYPES.includes(type)) {
    replaceWithMessage(canvas, `Unknown chart type "${type}".`, 'error');
    return null;
  }
  const data = chartData(readJsonScript(canvas.dataset.source), type);
  if (!data) {
    replaceWithMessage(canvas, msg(canvas, 'empty'), 'empty');
    return null;
  }
  const many = data.datasets.length > 1;
  try {
    return new window.Chart(canvas, {
      type,
      data,
      options: {
        responsive: true,
        maintainAspectRatio: true,
        animation: false,
        plugins: { legend: { display: many || type === 'doughnut' } },
        scales: type === 'doughnut' ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  } catch (e) {
    replaceWithMessage(canvas, msg(canvas, 'error'), 'error');
    return null;
  }
}

onReady(() => {
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) drawChart(canvas);
});
