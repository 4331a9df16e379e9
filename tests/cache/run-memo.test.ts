/**
 * A plain `map` answers from its memo only when every input is as the last `map` left it: the
 * lanes' files, any other module file of the workspace (imports reach beyond the lanes) and the
 * files that say where a TypeScript import leads (`tsconfig.json`, `package.json`), the
 * mapping's human blocks, the sources and the config. The runs are the CLI's, in this process; the
 * timings the library collects (what `--timings` prints) show whether the analyzer ran.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timingsSoFar } from '../../tools/cache/timings.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { CONFIG, DOCS } from '../hostile/project.js';

let project: string;

/** `specmap <args>`, and whether it analyzed the workspace (a phase `--timings` would print). */
async function specmap(...args: string[]) {
  const before = timingsSoFar().phases.length;
  const r = await runInProcess(project, args, { SPECMAP_TIMING: '1' });
  const analyzed = timingsSoFar()
    .phases.slice(before)
    .some((p) => p.label === 'analyze the workspace');
  return { ...r, analyzed };
}

const map = (...args: string[]) => specmap('map', ...args);

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'specmap-run-memo-'));
  mkdirSync(join(project, 'docs'));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS);
  writeFileSync(join(project, 'src/app.ts'), "export const created = { type: 'response.created' as const };\n");
  writeFileSync(join(project, 'specmap.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the memo of the last map', () => {
  it('answers an unchanged project with the same words, without analyzing', async () => {
    const first = await map();
    expect(first.code).toBe(0);
    expect(first.analyzed).toBe(true);
    const again = await map();
    expect(again.code).toBe(0);
    expect(again.analyzed).toBe(false);
    expect(again.stdout).toBe(first.stdout.replace(/^wrote /, 'unchanged '));
  });

  it.each([
    [
      'a lane file changes',
      () => writeFileSync(join(project, 'src/app.ts'), "export const done = { type: 'response.completed' as const };\n"),
    ],
    [
      'a module outside the lanes appears',
      () => {
        mkdirSync(join(project, 'lib'), { recursive: true });
        writeFileSync(join(project, 'lib/extra.ts'), 'export {};\n');
      },
    ],
    [
      'a file that says where a TypeScript import leads changes',
      () => writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { paths: { '@app/*': ['./src/*'] } } })),
    ],
    ['a workspace package manifest appears', () => writeFileSync(join(project, 'src/package.json'), JSON.stringify({ name: '@acme/app' }))],
    [
      'a human note is saved in mapping.json',
      () => {
        const mapping = JSON.parse(readFileSync(join(project, 'mapping.json'), 'utf8')) as {
          items: Record<string, { manual?: Record<string, unknown> }>;
        };
        const id = Object.keys(mapping.items)[0]!;
        mapping.items[id]!.manual = { ...mapping.items[id]!.manual, notes: 'checked by hand' };
        writeFileSync(join(project, 'mapping.json'), JSON.stringify(mapping, null, 2) + '\n');
      },
    ],
    [
      'a source changes',
      () =>
        writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS.replace('accepted the request.', 'accepted the request, first.')),
    ],
    [
      'the config changes',
      () =>
        writeFileSync(join(project, 'specmap.config.json'), JSON.stringify({ ...CONFIG, correlationKeys: ['trace_id'] }, null, 2) + '\n'),
    ],
  ])('does not answer when %s; the next run does', async (_name, change) => {
    await map();
    expect((await map()).analyzed).toBe(false);
    change();
    const changed = await map();
    expect(changed.code).toBe(0);
    expect(changed.analyzed).toBe(true);
    expect((await map()).analyzed).toBe(false);
  });

  it('is not used with --no-cache', async () => {
    await map();
    const r = await specmap('--no-cache', 'map');
    expect(r.code).toBe(0);
    expect(r.analyzed).toBe(true);
  });
});

describe('the memo of the last sync', () => {
  const sync = (...args: string[]) => specmap('sync', ...args);

  it('answers an unchanged project without analyzing, and rewrites an output deleted since', async () => {
    expect((await sync()).code).toBe(0);
    const again = await sync();
    expect(again.analyzed).toBe(false);
    expect(again.stdout).toMatch(/^sync: 0 files written, \d+ unchanged\n$/);
    rmSync(join(project, 'reports/report.json'));
    const after = await sync();
    expect(after.analyzed).toBe(true);
    expect(after.stdout).toContain('wrote reports/report.json');
  });

  it('replays the warnings, and does not answer a --strict run from a lenient one', async () => {
    // A field followed by prose instead of its type: a warning, kept with an unknown type.
    writeFileSync(
      join(project, 'docs/DOC_streaming_events.md'),
      DOCS.replace(
        'type\n\nstring\n\nNames this event: `response.completed`.',
        'type\n\nstring\n\nNames this event: `response.completed`.\n\nmetadata\n\nLabels a caller attached.',
      ),
    );
    const lenient = await sync();
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/warning/);
    const replayed = await sync();
    expect(replayed.analyzed).toBe(false);
    expect(replayed.stderr).toBe(lenient.stderr);
    expect((await sync('--strict')).code).toBe(2);
    writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS);
  });
});

describe('the memo of the last clean check', () => {
  const check = () => runInProcess(project, ['check']);

  it('does not answer when a module outside the lanes changes (imports reach it)', async () => {
    expect((await runInProcess(project, ['sync'])).code).toBe(0);
    await check();
    expect((await check()).stdout).toContain('nothing changed since the last clean check');
    mkdirSync(join(project, 'lib'), { recursive: true });
    writeFileSync(join(project, 'lib/other.py'), 'x = 1\n');
    const after = await check();
    expect(after.stdout).not.toContain('nothing changed');
    expect(after.code).toBe(0);
  });
});

describe('the timings of a sync that runs', () => {
  it('say where its time went after the analysis: the mapping, the generators, the report and the writes', async () => {
    // Outputs gone: the run writes them again.
    rmSync(join(project, 'generated'), { recursive: true, force: true });
    rmSync(join(project, 'reports'), { recursive: true, force: true });
    const before = timingsSoFar().phases.length;
    expect((await runInProcess(project, ['sync'], { SPECMAP_TIMING: '1' })).code).toBe(0);
    const phases = timingsSoFar().phases.slice(before);
    const note = (label: string) => phases.find((p) => p.label === label)?.note;
    expect(phases.map((p) => p.label)).toEqual(expect.arrayContaining(['analyze the workspace', 'mapping']));
    expect(note('generate')).toMatch(/^[1-9]\d* files?$/);
    expect(note('report')).toBe('1 file');
    expect(note('sync: write outputs')).toMatch(/^[1-9]\d* written, \d+ unchanged$/);
    // The analysis's own phases agree with its summary line.
    const [, files, parsed, cached] = /^(\d+) files, (\d+) parsed, (\d+) from cache$/
      .exec(note('analyze the workspace') ?? '')!
      .map(Number);
    const [, read, fromCache] = /^(\d+) read, (\d+) from the fact cache$/.exec(note('analyze: read the lane files') ?? '')!.map(Number);
    expect(fromCache).toBe(cached);
    expect(read).toBeLessThanOrEqual(files!);
    // The bindings may parse modules of their own after the passes.
    const [, picked] = /^(\d+) parsed in \d+ ms$/.exec(note('analyze: pick and parse') ?? '')!.map(Number);
    expect(picked).toBeLessThanOrEqual(parsed!);
    expect(phases.map((p) => p.label)).toEqual(expect.arrayContaining(['analyze: bindings', 'analyze: save the fact cache']));
    // Its memo's two fingerprints, each under its own name: the start first, the end last; each says
    // how many code files it took and how it listed them (this project's folders are too new to trust).
    const prints = phases.filter((p) => p.label.startsWith('sync: fingerprint'));
    expect(prints.map((p) => p.label)).toEqual([
      'sync: fingerprint of every input at the start',
      'sync: fingerprint of every input after the writes',
    ]);
    expect(phases.at(-1)).toBe(prints[1]);
    for (const p of prints) expect(p.note).toMatch(/^[1-9]\d* code files?, walked$/);
    expect(note("list the lanes' files")).toMatch(/^[1-9]\d* walks?, 0 from the folders' stats$/);
  });
});
