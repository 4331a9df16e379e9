/**
 * Where the config stands must not change what the mapping finds: the bundled example workspace
 * mapped from this repository's config (`workspace: examples/workspace`), from a config in another
 * folder that reaches it as `../…`, and from one that names it by its absolute path gives the same
 * items, statuses and gaps once each location's path is read from the workspace.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapCommand } from '../../tools/commands/map.js';
import type { Mapping } from '../../tools/mapping/schema.js';

const repo = resolve(import.meta.dirname, '../..');
const workspace = join(repo, 'examples/workspace');
const base = JSON.parse(readFileSync(join(repo, 'specmap.config.json'), 'utf8')) as Record<string, unknown> & {
  sources: { path: string }[];
};
const temp = mkdtempSync(join(tmpdir(), 'specmap-placement-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A config in `dir` with `workspace` written as given; sources by absolute path, outputs in `dir`. */
function configIn(dir: string, workspaceAs: string): string {
  const path = join(dir, 'specmap.config.json');
  const config = {
    ...base,
    $schema: undefined,
    sources: base.sources.map((s) => ({ ...s, path: resolve(repo, s.path) })),
    workspace: workspaceAs,
    cacheDir: '.specmap/cache',
  };
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** The mapping with every location's file read from the workspace, as mapped with `config`. */
async function mappedFrom(config: string, prefix: string): Promise<Mapping> {
  const result = await mapCommand({ config, stdout: true, allowOutside: true });
  // Locations and the gaps that name a definition's file both write the path from the config.
  const text = result.text!.replaceAll(`${prefix}/`, '');
  const mapping = JSON.parse(text) as Mapping;
  // The repository's mapping.json carries notes by hand; the others start without.
  for (const item of Object.values(mapping.items)) delete item.manual;
  return mapping;
}

describe('the config’s place', () => {
  it('changes no item, status or gap, only the prefix of each location', async () => {
    const here = await mappedFrom(join(repo, 'specmap.config.json'), 'examples/workspace');
    const sibling = join(temp, 'project');
    const up = relative(sibling, workspace).split('\\').join('/');
    expect(up.startsWith('../')).toBe(true);
    const above = await mappedFrom(configIn(mkdir(sibling), up), up);
    const absolute = await mappedFrom(configIn(mkdir(join(temp, 'abs')), workspace), workspace);
    // The mapping found something to compare: definitions with their gaps, several statuses.
    const statuses = new Set(Object.values(here.items).map((i) => i.status));
    expect(statuses.has('implemented') && statuses.has('partial') && statuses.has('missing')).toBe(true);
    expect(Object.values(here.items).some((i) => i.gaps?.some((g) => g.includes(' lacks ')))).toBe(true);
    expect(above.items).toEqual(here.items);
    // Orphans are items gone from the sources that kept notes by hand: only the repository's mapping has them.
    expect(withoutOrphans(above)).toEqual(withoutOrphans(here));
    expect(absolute.items).toEqual(here.items);
    expect(withoutOrphans(absolute)).toEqual(withoutOrphans(here));
  }, 60_000);
});

function withoutOrphans(m: Mapping): unknown {
  return { ...(m.summary as Record<string, unknown>), orphans: 0 };
}

function mkdir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
