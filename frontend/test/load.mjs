// Loads Vigil's browser modules in Node. They are plain .js ES modules served as-is, and the
// static folder has no package.json (it would be served too), so they are copied to a temporary
// folder that declares "type": "module" and imported from there.
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const STATIC = join(
  dirname(fileURLToPath(import.meta.url)),
  '..', '..', 'src', 'main', 'resources', 'org', 'vigil', 'web', 'static',
);

let dir = null;

export async function load(name) {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'vigil-static-'));
    for (const f of readdirSync(STATIC)) {
      if (f.endsWith('.js')) cpSync(join(STATIC, f), join(dir, f));
    }
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
  }
  return import(pathToFileURL(join(dir, name)).href);
}

/** Minimal DOM stand-ins: text(s) and el(...children) with nodeType, nodeValue, childNodes. */
export const text = (s) => ({ nodeType: 3, nodeValue: s, childNodes: [] });
export const el = (...childNodes) => ({ nodeType: 1, childNodes });
