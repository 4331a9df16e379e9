/**
 * `specmap init`: writes a starter specmap.config.json (DESIGN.md "Commands"). It never
 * overwrites a config: that file holds a human's choices.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { DEFAULT_CONFIG_FILE } from '../config/load.js';
import { EXIT, UsageError } from '../diagnostics/errors.js';
import { toJsonText } from '../io/json.js';
import { applyPlan, planWrites } from '../io/write-plan.js';

export interface InitOptions {
  config?: string;
  /** Source paths or globs; found `DOC_*.md` pages (two folders deep) when omitted. */
  source?: string[];
  json?: boolean;
  cwd?: string;
}

/** Where editors find the config schema: the one this package ships. */
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/config.schema.json', import.meta.url));

const toPosix = (p: string): string => p.split('\\').join('/');

/** The reference pages users keep in their repo, found shallowly (never under node_modules). */
async function findPages(root: string): Promise<string[]> {
  const found = await glob(['DOC_*.md', '*/DOC_*.md', '*/*/DOC_*.md'], { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'] });
  return found.map(toPosix).sort();
}

export function starterConfig(sources: readonly string[], schemaRef: string): string {
  return toJsonText({ $schema: schemaRef, sources: sources.map((path) => ({ path })), model: 'spec/model.json' });
}

export async function runInit(opts: InitOptions): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const file = opts.config ?? DEFAULT_CONFIG_FILE;
  const path = resolve(cwd, file);
  if (existsSync(path)) {
    throw new UsageError(`${file} exists`, [
      {
        severity: 'error',
        code: 'config-exists',
        file,
        line: 1,
        column: 1,
        message: `Found an existing config \`${file}\`, expected no file there: init never overwrites a config`,
        hint: 'edit the file, or pass --config <new-file> to write a starter config elsewhere',
      },
    ]);
  }
  const root = dirname(path);
  const detected = opts.source?.length ? [] : await findPages(root);
  const sources = opts.source?.length ? opts.source : detected.length ? detected : ['docs/DOC_*.md'];
  const schemaRef = toPosix(relative(root, SCHEMA_FILE));
  const content = starterConfig(sources, schemaRef.startsWith('.') ? schemaRef : `./${schemaRef}`);
  applyPlan(planWrites(root, [{ path: toPosix(relative(root, path)), content, producedBy: 'specmap init' }]));
  if (opts.json) {
    process.stdout.write(toJsonText({ config: file, written: true, sources }));
  } else {
    const note = opts.source?.length ? '' : detected.length ? ` (found ${detected.length} reference page${detected.length === 1 ? '' : 's'})` : ' (no DOC_*.md found: edit `sources`)';
    process.stdout.write(`wrote ${file}${note}\nnext: npx specmap extract\n`);
  }
  return EXIT.clean;
}
