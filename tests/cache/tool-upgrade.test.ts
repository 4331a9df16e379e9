/**
 * Every cache entry is keyed by the tool's own code: a specmap that differs by one byte (an
 * upgrade, a rebuild with a fix) never answers from what another one stored. The tool runs from a
 * copy of `dist/` in a temp folder so the test can change its code, as an upgrade would.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-workspace.js';
import { CONFIG, DOCS } from '../hostile/project.js';

let base: string;
let project: string;
let tool: string;

function specmap(...args: string[]) {
  const r = spawnSync(process.execPath, [join(tool, 'dist/cli.js'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const slotKey = (slot: string): string =>
  (JSON.parse(readFileSync(join(project, '.specmap/cache', `${slot}.json`), 'utf8')) as { key: string }).key;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'specmap-upgrade-'));
  tool = join(base, 'tool');
  mkdirSync(tool);
  // What an install holds: the code and the data folders beside it.
  for (const part of ['dist', 'templates', 'profiles', 'schema', 'package.json'])
    if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(tool, part), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(tool, 'node_modules'), 'dir');
  project = join(base, 'project');
  mkdirSync(join(project, 'docs'), { recursive: true });
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS);
  writeFileSync(join(project, 'src/app.ts'), "export const created = { type: 'response.created' as const };\n");
  writeFileSync(join(project, 'specmap.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the cache after an upgrade of the tool', () => {
  it('answers a second check from the memo, and not after the tool changed', () => {
    expect(specmap('sync').code).toBe(0);
    expect(specmap('check').stdout).toContain('clean (sources, generated, mapping)');
    expect(specmap('check').stdout).toContain('nothing changed since the last clean check');
    const before = { check: slotKey('check-state'), model: slotKey('model'), config: slotKey('config') };

    // The same version number, one more byte of code: what a rebuild with a fix looks like.
    appendFileSync(join(tool, 'dist/check/findings.js'), '\n// a later build\n');
    const upgraded = specmap('--timings', 'check');
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout).toContain('clean (sources, generated, mapping)');
    expect(upgraded.stdout).not.toContain('nothing changed');
    // Nothing stored by the old code was used: the model was built again, each memo rewritten under a new key.
    expect(upgraded.stderr).toMatch(/model \(built\)/);
    expect(upgraded.stderr).toMatch(/source DOC_streaming_events\.md \(parsed\)/);
    expect(slotKey('check-state')).not.toBe(before.check);
    expect(slotKey('model')).not.toBe(before.model);
    expect(slotKey('config')).not.toBe(before.config);
    expect(specmap('check').stdout).toContain('nothing changed since the last clean check');
  });

  it('--no-cache neither reads nor writes the cache folder', () => {
    rmSync(join(project, '.specmap'), { recursive: true, force: true });
    const check = specmap('--no-cache', '--timings', 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('clean (sources, generated, mapping)');
    expect(existsSync(join(project, '.specmap/cache'))).toBe(false);
    const map = specmap('map', '--no-cache');
    expect(map.code).toBe(0);
    // Writing commands hold their lock there while they run; nothing else is left.
    expect(existsSync(join(project, '.specmap/cache')) ? readdirSync(join(project, '.specmap/cache')) : []).toEqual([]);
  });
});
