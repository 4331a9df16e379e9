/**
 * Every cache entry is keyed by the tool's own code: a specmap that differs by one byte (an
 * upgrade, a rebuild with a fix) never answers from what another one stored. The tool runs from a
 * copy of `dist/` in a temp folder so the test can change its code, as an upgrade would.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTool, type ToolInstall } from '../helpers/tool-install.js';

let install: ToolInstall;
let base: string;
let project: string;
let tool: string;
const specmap = (...args: string[]) => install.specmap(...args);

const slotKey = (slot: string): string =>
  (JSON.parse(readFileSync(join(project, '.specmap/cache', `${slot}.json`), 'utf8')) as { key: string }).key;

beforeAll(() => {
  install = installTool('specmap-upgrade-', "export const created = { type: 'response.created' as const };\n");
  ({ base, project, tool } = install);
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

const recordInputs = (modelText: string): string => (JSON.parse(modelText) as { build: { inputs: string } }).build.inputs;
const withoutRecord = (modelText: string): string => modelText.slice(0, modelText.lastIndexOf(',\n  "build": '));

describe('the cache after an upgrade of the tool', () => {
  it('answers a second check from the memo, and not after the tool changed', () => {
    expect(specmap('sync').code).toBe(0);
    expect(specmap('check').stdout).toContain('clean (sources, generated, mapping)');
    expect(specmap('check').stdout).toContain('nothing changed since the last clean check');
    const before = { check: slotKey('check-state'), model: slotKey('model'), config: slotKey('config') };
    const modelFile = readFileSync(join(project, 'spec/model.json'), 'utf8');

    // The same version number, one more byte of code: what a rebuild with a fix looks like (the
    // binary runs the bundle, so that is the code that changed).
    appendFileSync(join(tool, 'dist/cli.bundle.cjs'), '\n// a later build\n');
    const upgraded = specmap('--timings', 'check');
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout).toContain('clean (sources, generated, mapping)');
    expect(upgraded.stdout).not.toContain('nothing changed');
    // Nothing stored by the old code was used: the model was built again, each memo rewritten under a new key.
    expect(upgraded.stderr).toMatch(/model \(built\)/);
    expect(upgraded.stderr).toMatch(/source DOC_streaming_events\.md \(parsed\)/);
    // And where the compiler's compiled code came from, for a CI log to show.
    expect(upgraded.stderr).toMatch(/load the TypeScript compiler \((?:its own|the build's) code cache\)/);
    expect(slotKey('check-state')).not.toBe(before.check);
    expect(slotKey('model')).not.toBe(before.model);
    expect(slotKey('config')).not.toBe(before.config);
    expect(specmap('check').stdout).toContain('nothing changed since the last clean check');
    // The model file's build record names the tool before the change, so no run of this one took it
    // as the model (above); the next sync writes this one's record, the model itself the same.
    expect(specmap('sync').code).toBe(0);
    const rewritten = readFileSync(join(project, 'spec/model.json'), 'utf8');
    expect(recordInputs(rewritten)).not.toBe(recordInputs(modelFile));
    expect(withoutRecord(rewritten)).toBe(withoutRecord(modelFile));
  });

  it('from its modules (no bundle), the tool is as new when one of them changes', () => {
    const modules = (...args: string[]) => install.specmapWith({ SPECMAP_BUNDLE: '0' }, ...args);
    expect(modules('check').stdout).toContain('clean (sources, generated, mapping)');
    expect(modules('check').stdout).toContain('nothing changed since the last clean check');
    const before = slotKey('check-state');
    appendFileSync(join(tool, 'dist/check/findings.js'), '\n// a later build\n');
    const upgraded = modules('--timings', 'check');
    expect(upgraded.stdout).toContain('clean (sources, generated, mapping)');
    expect(upgraded.stdout).not.toContain('nothing changed');
    expect(upgraded.stderr).toMatch(/model \(built\)/);
    expect(slotKey('check-state')).not.toBe(before);
  });

  it('--no-cache neither reads nor writes the cache folder', () => {
    rmSync(join(project, '.specmap'), { recursive: true, force: true });
    const check = specmap('--no-cache', '--timings', 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('clean (sources, generated, mapping)');
    expect(check.stderr).toMatch(/load the TypeScript compiler \(no code cache: --no-cache\)/);
    expect(existsSync(join(project, '.specmap/cache'))).toBe(false);
    const map = specmap('map', '--no-cache');
    expect(map.code).toBe(0);
    // Writing commands hold their lock there while they run; nothing else is left.
    expect(existsSync(join(project, '.specmap/cache')) ? readdirSync(join(project, '.specmap/cache')) : []).toEqual([]);
  });
});
