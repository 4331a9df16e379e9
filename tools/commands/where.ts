/** `specmap where <id or literal>`: every location of an item per lane, read from mapping.json (no analysis). */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { InputError } from '../diagnostics/errors.js';
import { resolveInside } from '../io/write-plan.js';
import { readMappingFile } from '../mapping/read.js';
import { where, type WhereResult } from '../mapping/where.js';
import type { Mapping } from '../mapping/schema.js';

export interface WhereOptions {
  config?: string;
  cwd?: string;
}

export interface WhereCommandResult {
  result: WhereResult;
  /** The mapping's lanes (names and titles), for printing. */
  lanes: Mapping['lanes'];
  /** Something matched: an item, an unknown literal or an orphaned manual block. */
  found: boolean;
  /** Files shown that changed after mapping.json was written (its lines may be out of date). */
  changedSinceMapping: string[];
  /** The mapping file as the config names it. */
  mappingFile: string;
}

/** What mapping.json knows about an id or a literal; reads, never prints. */
export async function whereCommand(query: string, opts: Omit<WhereOptions, 'json'> = {}): Promise<WhereCommandResult> {
  const { config, root } = await loadConfig(opts.config, opts.cwd);
  const mapping = readMappingFile(resolveInside(root, config.mapping), config.mapping);
  if (!mapping) {
    throw new InputError(`no ${config.mapping} yet`, [
      {
        severity: 'error',
        code: 'mapping-missing',
        file: config.mapping,
        line: 1,
        column: 1,
        message: `Missing \`${config.mapping}\`, expected the output of \`specmap sync\` (or \`specmap map\`)`,
        hint: 'run `specmap sync` first',
      },
    ]);
  }
  // The query is user text and the lookup indexes plain records with it: `where constructor` would
  // find Object.prototype's. Null-prototype copies make every key the mapping's own or absent.
  const result = where({ ...mapping, items: nullPrototype(mapping.items), orphans: nullPrototype(mapping.orphans) }, query);
  const found = result.matches.length > 0 || Boolean(result.unknown) || Boolean(result.orphan);
  return {
    result,
    lanes: mapping.lanes,
    found,
    changedSinceMapping: changedSinceMapping(result, root, resolveInside(root, config.mapping)),
    mappingFile: config.mapping,
  };
}

/**
 * `where` reads mapping.json and analyzes nothing, so after an edit its lines are those of the
 * last sync: the files shown that were modified after the mapping was written, by mtime.
 */
function changedSinceMapping(result: WhereResult, root: string, mappingPath: string): string[] {
  const mtime = (path: string) => {
    try {
      return statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
  };
  const written = mtime(mappingPath);
  if (written === undefined) return [];
  const files = new Set<string>();
  for (const { entry } of result.matches) for (const locations of Object.values(entry.lanes)) for (const l of locations) files.add(l.file);
  for (const l of result.unknown?.locations ?? []) files.add(l.file);
  const newer = [...files].filter((f) => (mtime(resolve(root, f)) ?? 0) > written).sort();
  return newer.length && committedAsIs(root, [mappingPath, ...newer.map((f) => resolve(root, f))]) ? [] : newer;
}

/**
 * A checkout writes files in whatever order it likes, so in a fresh clone a mapped file can be
 * newer than mapping.json without any edit. When git says the mapping and those files are all as
 * committed, they are the snapshot that was committed together: no warning. Outside git, or with
 * git missing, the times decide.
 */
function committedAsIs(root: string, paths: string[]): boolean {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '-z', '--', ...paths], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out === '';
  } catch {
    return false;
  }
}

function nullPrototype<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}
