import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyVendor, VENDOR_FILES } from '../copy-vendor.mjs';

const nodeModules = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules');

test('every vendor file is copied, and a second run copies nothing', { skip: !existsSync(nodeModules) && 'npm ci has not run' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'vigil-vendor-'));
  assert.equal(copyVendor(nodeModules, out), VENDOR_FILES.length);
  for (const [, , dest] of VENDOR_FILES) assert.ok(existsSync(join(out, dest)), dest);
  assert.equal(copyVendor(nodeModules, out), 0);
  const topo = JSON.parse(readFileSync(join(out, 'world-atlas/countries-110m.json'), 'utf8'));
  assert.equal(topo.type, 'Topology');
  assert.ok(topo.objects.countries.geometries.length > 150);
});

test('a missing package file fails with its name', () => {
  const fake = mkdtempSync(join(tmpdir(), 'vigil-nm-'));
  writeFileSync(join(fake, 'placeholder'), '');
  assert.throws(() => copyVendor(fake, mkdtempSync(join(tmpdir(), 'vigil-out-'))), /leaflet\/dist\/leaflet\.js/);
  assert.throws(() => copyVendor(join(fake, 'nope'), fake), /npm ci/);
});
