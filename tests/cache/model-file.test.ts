/**
 * A run with no cache (a fresh CI checkout) takes the model file as the model when its build
 * record names the inputs of this run and nothing in the file changed since it was written, and
 * parses the sources otherwise: a changed source, a hand's edit to the model or to its record,
 * `--no-cache`. Whichever way the model came, the run answers and prints the same.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timingsSoFar } from '../../tools/cache/timings.js';
import { REPO } from '../extract/helpers.js';
import { runInProcess, type RunResult } from '../helpers/run-in-process.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A synced copy of a project whose one page has a doc defect (a warning the build reports). */
async function synced(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-model-file-'));
  temps.push(dir);
  cpSync(join(REPO, 'tests/extract/fixtures/warn'), dir, { recursive: true });
  expect((await run(dir, 'sync')).code).toBe(0);
  return dir;
}

const noCacheFolder = (dir: string) => rmSync(join(dir, '.specmap/cache'), { recursive: true, force: true });
const modelPath = (dir: string) => join(dir, 'spec/model.json');
/**
 * A run in this process, and how it came by its model, as `--timings` says it (`built`, `from the
 * model file`): the phases it recorded, with timings on for this run alone.
 */
async function run(dir: string, ...args: string[]): Promise<RunResult & { model?: string; parsed: boolean }> {
  const from = timingsSoFar().phases.length;
  const result = await runInProcess(dir, args, { SPECMAP_TIMING: '1' });
  const phases = timingsSoFar().phases.slice(from);
  return { ...result, model: phases.find((p) => p.label === 'model')?.note, parsed: phases.some((p) => p.note === 'parsed') };
}

describe('the model file as the model of a run with no cache', () => {
  it('is taken when it was built from these inputs, with the build warnings printed as a build prints them', async () => {
    const dir = await synced();
    const before = readFileSync(modelPath(dir), 'utf8');
    noCacheFolder(dir);
    const taken = await run(dir, 'sync');
    expect(taken.model).toBe('from the model file');
    expect(taken.parsed).toBe(false);
    expect(taken.code).toBe(0);
    expect(taken.stdout).toContain('0 files written');
    expect(taken.stderr).toMatch(/gadgets\.md:19:1: warning Found an example of `gadget\.built`/);
    expect(readFileSync(modelPath(dir), 'utf8')).toBe(before);
    const built = await run(dir, '--no-cache', 'sync');
    expect(built.model).toBe('built');
    expect(taken.stdout).toBe(built.stdout);
    expect(taken.stderr).toBe(built.stderr);
    // --strict counts the replayed warning as it counts a parsed one.
    noCacheFolder(dir);
    const strict = await run(dir, 'sync', '--strict');
    expect(strict.model).toBe('from the model file');
    const strictBuilt = await run(dir, '--no-cache', 'sync', '--strict');
    expect(strict.code).toBe(2);
    expect(strictBuilt.code).toBe(2);
    expect(strict.stderr).toBe(strictBuilt.stderr);
    noCacheFolder(dir);
    const check = await run(dir, 'check');
    expect(check.model).toBe('from the model file');
    expect(check.stdout).toBe('specmap check: clean (sources, generated, mapping)\n');
  });

  it('is not taken once a source changed: the sources are parsed and the change reported', async () => {
    const dir = await synced();
    noCacheFolder(dir);
    const page = join(dir, 'gadgets.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('gadget\\_id', 'gadget\\_key'));
    const run_ = await run(dir, 'check');
    expect(run_.model).toBe('built');
    expect(run_.code).toBe(1);
    expect(run_.stdout).toContain('gadget_key');
  });

  it('is not taken after a hand edited the model: check reports the edit as drift', async () => {
    const dir = await synced();
    noCacheFolder(dir);
    const text = readFileSync(modelPath(dir), 'utf8');
    const edited = text.replace('"gadget_id"', '"gadget_ident"');
    expect(edited).not.toBe(text);
    writeFileSync(modelPath(dir), edited);
    const run_ = await run(dir, 'check');
    expect(run_.model).toBe('built');
    expect(run_.code).toBe(1);
    expect(run_.stdout).toContain('gadget_id');
    // sync puts the file back as the build writes it, and a run with no cache takes it again.
    expect((await run(dir, 'sync')).code).toBe(0);
    expect(readFileSync(modelPath(dir), 'utf8')).toBe(text);
    noCacheFolder(dir);
    expect((await run(dir, 'map')).model).toBe('from the model file');
  });

  it('is not taken when its record was edited: the warnings printed are the build’s own', async () => {
    const dir = await synced();
    noCacheFolder(dir);
    const text = readFileSync(modelPath(dir), 'utf8');
    writeFileSync(modelPath(dir), text.replace('Found an example of `gadget.built`', 'Found nothing wrong with `gadget.built`'));
    const run_ = await run(dir, 'sync');
    expect(run_.model).toBe('built');
    expect(run_.stderr).toMatch(/warning Found an example of `gadget\.built`/);
    expect(run_.stderr).not.toContain('Found nothing wrong');
    expect(readFileSync(modelPath(dir), 'utf8')).toBe(text);
  });

  it('is not taken with --no-cache, and is written the same by extract and sync', async () => {
    const dir = await synced();
    const synced_ = readFileSync(modelPath(dir), 'utf8');
    rmSync(modelPath(dir));
    noCacheFolder(dir);
    expect((await run(dir, 'extract')).code).toBe(0);
    expect(readFileSync(modelPath(dir), 'utf8')).toBe(synced_);
    expect((await run(dir, '--no-cache', 'map')).model).toBe('built');
  });
});

describe('the cache’s model against the model file', () => {
  it('is current only for the build record it was written with: an entry another build of the same code wrote is checked anew', async () => {
    const dir = await synced();
    const slot = join(dir, '.specmap/cache/model.json');
    // The entry as another build would have left it: the same code (the same key), another record.
    const entry = JSON.parse(readFileSync(slot, 'utf8')) as { value: { inputs: string; textHash: string } };
    entry.value.inputs = 'another build of this code';
    entry.value.textHash = '0'.repeat(64);
    writeFileSync(slot, JSON.stringify(entry));
    const { loadConfig } = await import('../../tools/config/load.js');
    const { loadModelState } = await import('../../tools/pipeline/model.js');
    const { config, root } = await loadConfig(undefined, dir);
    const state = await loadModelState(config, root);
    expect(state.upToDate).toBe(true);
    expect(state.fileText()).toBe(readFileSync(modelPath(dir), 'utf8'));
    // And the entry is written anew for this build.
    expect((JSON.parse(readFileSync(slot, 'utf8')) as typeof entry).value.inputs).not.toBe('another build of this code');
  });
});
