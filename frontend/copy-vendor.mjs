// Copies the browser files Vigil serves from the npm packages in node_modules into the
// class-path folder the web server maps to /static/vendor/. Run by Maven in generate-resources:
//   node copy-vendor.mjs <target/classes/org/vigil/web/static/vendor>
// Every file listed here must exist, so a package upgrade that moves a file fails the build
// instead of shipping a page with a missing script.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** [package folder, file inside the package, path under vendor/]. */
export const VENDOR_FILES = [
  ['leaflet', 'dist/leaflet.js', 'leaflet/leaflet.js'],
  ['leaflet', 'dist/leaflet.css', 'leaflet/leaflet.css'],
  ['leaflet', 'dist/images/layers.png', 'leaflet/images/layers.png'],
  ['leaflet', 'dist/images/layers-2x.png', 'leaflet/images/layers-2x.png'],
  ['leaflet', 'dist/images/marker-icon.png', 'leaflet/images/marker-icon.png'],
  ['leaflet', 'dist/images/marker-icon-2x.png', 'leaflet/images/marker-icon-2x.png'],
  ['leaflet', 'dist/images/marker-shadow.png', 'leaflet/images/marker-shadow.png'],
  ['leaflet', 'LICENSE', 'leaflet/LICENSE'],
  ['leaflet.markercluster', 'dist/leaflet.markercluster.js', 'leaflet.markercluster/leaflet.markercluster.js'],
  ['leaflet.markercluster', 'dist/MarkerCluster.css', 'leaflet.markercluster/MarkerCluster.css'],
  ['leaflet.markercluster', 'dist/MarkerCluster.Default.css', 'leaflet.markercluster/MarkerCluster.Default.css'],
  ['leaflet.markercluster', 'MIT-LICENCE.txt', 'leaflet.markercluster/LICENSE'],
  ['world-atlas', 'countries-110m.json', 'world-atlas/countries-110m.json'],
  ['world-atlas', 'countries-50m.json', 'world-atlas/countries-50m.json'],
  ['world-atlas', 'LICENSE', 'world-atlas/LICENSE'],
  ['topojson-client', 'dist/topojson-client.min.js', 'topojson-client/topojson-client.min.js'],
  ['topojson-client', 'LICENSE', 'topojson-client/LICENSE'],
  ['cytoscape', 'dist/cytoscape.min.js', 'cytoscape/cytoscape.min.js'],
  ['cytoscape', 'LICENSE', 'cytoscape/LICENSE'],
  ['chart.js', 'dist/chart.umd.js', 'chart.js/chart.umd.js'],
  ['chart.js', 'LICENSE.md', 'chart.js/LICENSE.md'],
  ['htmx.org', 'dist/htmx.min.js', 'htmx/htmx.min.js'],
  ['htmx.org', 'LICENSE', 'htmx/LICENSE'],
];

/** Copies every listed file; returns how many were copied (unchanged ones are left alone). */
export function copyVendor(nodeModules, outDir) {
  if (!existsSync(nodeModules)) {
    throw new Error(`${nodeModules} does not exist: run "npm ci" in ${dirname(nodeModules)} first`);
  }
  const missing = [];
  let copied = 0;
  for (const [pkg, file, dest] of VENDOR_FILES) {
    const from = join(nodeModules, pkg, file);
    const to = join(outDir, dest);
    if (!existsSync(from)) {
      missing.push(`${pkg}/${file}`);
      continue;
    }
    const src = statSync(from);
    if (existsSync(to)) {
      const dst = statSync(to);
      if (dst.size === src.size && dst.mtimeMs >= src.mtimeMs) continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
  if (missing.length > 0) {
    throw new Error(
      `these vendor files are missing from node_modules (was a package upgraded?): ${missing.join(', ')}`,
    );
  }
  return copied;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node copy-vendor.mjs <output folder>');
    process.exit(2);
  }
  try {
    const copied = copyVendor(join(here, 'node_modules'), outDir);
    console.log(`vendor files: ${copied} copied, ${VENDOR_FILES.length - copied} up to date in ${outDir}`);
  } catch (e) {
    console.error(`copy-vendor: ${e.message}`);
    process.exit(1);
  }
}
