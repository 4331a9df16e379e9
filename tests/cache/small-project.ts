import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG, DOCS } from '../hostile/project.js';

/** A throw-away project the cache tests fingerprint: one docs page, one source file, the config. */
export function makeSmallProject(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, 'docs'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'docs/DOC_streaming_events.md'), DOCS);
  writeFileSync(join(root, 'src/app.ts'), 'export {};\n');
  writeFileSync(join(root, 'specmap.config.json'), JSON.stringify(CONFIG));
  return root;
}
