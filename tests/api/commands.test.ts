/**
 * Every command through the package's programmatic API (`tools/index.ts`), on a small project of
 * our own: each returns its result as data and prints nothing (the CLI alone prints). The commands
 * run in the order a user runs them, so later ones see what earlier ones wrote.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildMatrixFromConfig,
  checkCommand,
  compareFromConfig,
  crosscheckSources,
  diffFiles,
  extractCommand,
  generateCommand,
  importLegacy,
  InputError,
  mapCommand,
  planInit,
  reportCommand,
  runInit,
  syncCommand,
  verifyCommand,
  whereCommand,
} from '../../tools/index.js';
import type { ProgressSink } from '../../tools/io/progress-sink.js';
import { DOCS, makeProject, tempDir, type Project } from '../hostile/project.js';

/** Runs a command and fails if it wrote anything to stdout, stderr or the console. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const spies = [
    vi.spyOn(process.stdout, 'write'),
    vi.spyOn(process.stderr, 'write'),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level)),
  ];
  try {
    const result = await run();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    return result;
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** A progress sink that keeps what it was told. */
function recorder(): ProgressSink & { steps: string[] } {
  const steps: string[] = [];
  return { steps, step: (label) => steps.push(label), done: () => {} };
}

/** The project's OpenAPI twin of the docs: it streams one event the docs do not have. */
const OPENAPI = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /responses:
    post:
      operationId: createResponse
      responses:
        '200':
          description: ok
          content:
            text/event-stream:
              schema:
                oneOf:
                  - $ref: '#/components/schemas/ResponseCreatedEvent'
                  - $ref: '#/components/schemas/ResponseCompletedEvent'
                  - $ref: '#/components/schemas/ResponseFailedEvent'
components:
  schemas:
    ResponseCreatedEvent:
      type: object
      required: [type, sequence_number]
      properties:
        type: { type: string, enum: [response.created] }
        sequence_number: { type: integer }
    ResponseCompletedEvent:
      type: object
      required: [type, sequence_number]
      properties:
        type: { type: string, enum: [response.completed] }
        sequence_number: { type: integer }
    ResponseFailedEvent:
      type: object
      required: [type, sequence_number]
      properties:
        type: { type: string, enum: [response.failed] }
        sequence_number: { type: integer }
`;

let p: Project;
const others: string[] = [];
/** Another throw-away folder, removed with the project. */
const otherDir = (prefix: string): string => others[others.push(tempDir(prefix)) - 1]!;
beforeAll(() => {
  p = makeProject();
});
afterAll(() => {
  p?.cleanup();
  for (const dir of others) rmSync(dir, { recursive: true, force: true });
});

describe('the programmatic API: one function per command, data out, nothing printed', () => {
  it('init: plans a config from the pages it finds and writes it', async () => {
    const dir = otherDir('specmap-api-init-');
    writeFileSync(join(dir, 'DOC_streaming_events.md'), DOCS);
    const plan = await quietly(() => planInit({ cwd: dir }));
    expect(plan.files.map((f) => f.path)).toContain('specmap.config.json');
    expect(existsSync(join(dir, 'specmap.config.json'))).toBe(false);
    const r = await quietly(() => runInit({ cwd: dir }));
    expect(r.written).toContain('specmap.config.json');
    expect(existsSync(join(dir, 'specmap.config.json'))).toBe(true);
  });

  it('extract: the model, where it went, the counts; the same run again writes nothing', async () => {
    const r = await quietly(() => extractCommand({ cwd: p.dir }));
    expect(r).toMatchObject({ path: 'spec/model.json', written: true, sources: 1, diagnostics: [] });
    expect(r.counts.events).toBe(2);
    expect(r.model.events.map((e) => e.id).sort()).toEqual(['event:response.completed', 'event:response.created']);
    expect(p.read('spec/model.json')).toBe(r.text);
    expect((await quietly(() => extractCommand({ cwd: p.dir }))).written).toBe(false);
    const printed = await quietly(() => extractCommand({ cwd: p.dir, stdout: true }));
    expect(printed.path).toBeUndefined();
    expect(printed.text).toBe(r.text);
  });

  it('extract: a broken source throws an InputError with its diagnostics, and prints nothing', async () => {
    const broken = otherDir('specmap-api-broken-');
    writeFileSync(join(broken, 'specmap.config.json'), JSON.stringify({ sources: [{ path: 'missing.md' }] }));
    const thrown = await quietly(() => extractCommand({ cwd: broken }).catch((e: unknown) => e));
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).diagnostics.map((d) => d.file)).toContain('missing.md');
  });

  it('map and sync: warnings come back as diagnostics and as the one problem type, located', async () => {
    const bare = otherDir('specmap-api-no-lanes-');
    writeFileSync(join(bare, 'DOC_streaming_events.md'), DOCS);
    writeFileSync(join(bare, 'specmap.config.json'), JSON.stringify({ sources: [{ path: 'DOC_streaming_events.md' }] }));
    const mapped = await quietly(() => mapCommand({ cwd: bare }));
    expect(mapped.diagnostics.map((d) => d.code)).toEqual(['no-lanes']);
    expect(mapped.problems).toEqual([
      expect.objectContaining({ code: 'no-lanes', severity: 'warning', location: { file: 'specmap.config.json', line: 1, column: 1 } }),
    ]);
    expect(mapped.problems[0]!.fix).toContain('specmap init');
    const synced = await quietly(() => syncCommand({ cwd: bare }));
    expect(synced.problems.map((x) => [x.code, x.location?.file])).toEqual([['no-lanes', 'specmap.config.json']]);
  });

  it('generate: one status per file, progress to the sink; a dry run after an edit says what would change', async () => {
    const progress = recorder();
    const r = await quietly(() => generateCommand({ cwd: p.dir, progress }));
    expect(r.dryRun).toBe(false);
    expect(r.files.length).toBeGreaterThan(0);
    expect(r.files.every((f) => f.status === 'written')).toBe(true);
    expect(progress.steps.length).toBeGreaterThan(0);
    const again = await quietly(() => generateCommand({ cwd: p.dir }));
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
    const first = r.files[0]!.path;
    p.write(first, 'edited\n');
    const dry = await quietly(() => generateCommand({ cwd: p.dir, dryRun: true }));
    expect(dry.files.find((f) => f.path === first)?.status).toBe('would-write');
    expect(p.read(first)).toBe('edited\n');
  });

  it('map: the mapping and its summary; an unchanged project is answered from the memo', async () => {
    const r = await quietly(() => mapCommand({ cwd: p.dir, progress: recorder() }));
    expect(r).toMatchObject({ path: 'mapping.json', written: true, memo: false, diagnostics: [] });
    expect(r.mapping?.items['event:response.created']?.lanes.frontend?.[0]?.file).toBe('src/events.ts');
    expect(r.summary).toMatch(/^2 items: /);
    const again = await quietly(() => mapCommand({ cwd: p.dir }));
    expect(again).toMatchObject({ path: 'mapping.json', written: false, memo: true, summary: r.summary });
    expect(again.mapping).toBeUndefined();
    const printed = await quietly(() => mapCommand({ cwd: p.dir, stdout: true }));
    expect(printed.text).toBe(p.read('mapping.json'));
  });

  it('sync: what it wrote and left unchanged; the same sync again is answered from the memo', async () => {
    const r = await quietly(() => syncCommand({ cwd: p.dir, progress: recorder() }));
    expect(r.memo).toBe(false);
    expect(r.written).toContain('reports/report.json');
    expect(r.diagnostics).toEqual([]);
    const again = await quietly(() => syncCommand({ cwd: p.dir }));
    expect(again).toMatchObject({ written: [], memo: true, unchanged: r.written.length + r.unchanged });
  });

  it('check: findings as data; drift is an error finding; `fix` syncs first and returns what sync wrote', async () => {
    expect((await quietly(() => checkCommand({ cwd: p.dir }))).findings).toEqual([]);
    p.write('src/events.ts', '// the event moved away\n');
    const drift = await quietly(() => checkCommand({ cwd: p.dir, cache: false }));
    expect(drift.findings.filter((f) => f.severity === 'error').map((f) => f.kind)).toContain('mapping-location-lost');
    expect(drift.sync).toBeUndefined();
    // A hook's paths are relative to where it runs (here the project, not this process's folder).
    const hooked = await quietly(() => checkCommand({ cwd: p.dir, cache: false, files: ['src/events.ts'] }));
    expect(hooked.findings.map((f) => f.kind)).toContain('mapping-location-lost');
    const fixed = await quietly(() => checkCommand({ cwd: p.dir, fix: true }));
    expect(fixed.sync?.written).toContain('mapping.json');
    expect(fixed.findings).toEqual([]);
    p.write('src/events.ts', "export interface ResponseCreatedEvent { type: 'response.created'; sequence_number: number }\n");
    await quietly(() => syncCommand({ cwd: p.dir }));
  });

  it('where: the locations of an item, from mapping.json', async () => {
    const r = await quietly(() => whereCommand('response.created', { cwd: p.dir }));
    expect(r.found).toBe(true);
    expect(r.result.matches[0]!.entry.lanes.frontend?.[0]?.file).toBe('src/events.ts');
  });

  it('report: the coverage report and the files written', async () => {
    p.write('reports/report.json', '{}\n');
    const r = await quietly(() => reportCommand({ cwd: p.dir }));
    expect(r.written).toEqual(['reports/report.json']);
    expect(r.report.summary.overall.total).toBe(2);
    expect(r.report.summary.mapped).toBe(true);
  });

  it('crosscheck: where the docs and the OpenAPI spec disagree', async () => {
    p.write('openapi.yaml', OPENAPI);
    const { result } = await quietly(() =>
      crosscheckSources({ cwd: p.dir, source: ['docs/DOC_streaming_events.md', 'openapi.yaml'], cache: false }),
    );
    expect(result.findings.map((f) => [f.kind, f.item])).toEqual([['item-only-in', 'event:response.failed']]);
  });

  it('diff: the changes between two versions of a page, classed', async () => {
    p.write('old/DOC_streaming_events.md', DOCS);
    const { result } = await quietly(() => diffFiles('old/DOC_streaming_events.md', 'docs/DOC_streaming_events.md', { cwd: p.dir }));
    expect(result.changes).toEqual([]);
    p.write('new/DOC_streaming_events.md', DOCS.slice(0, DOCS.indexOf('## response.completed')));
    const removed = await quietly(() => diffFiles('old/DOC_streaming_events.md', 'new/DOC_streaming_events.md', { cwd: p.dir }));
    expect(removed.result.changes.map((c) => [c.kind, c.item, c.class])).toEqual([
      ['item-removed', 'event:response.completed', 'breaking'],
    ]);
  });

  it('verify: a recorded stream judged against the model', async () => {
    p.write('traces/two.jsonl', '{"type":"response.created","sequence_number":0}\n{"type":"response.nope","sequence_number":1}\n');
    const outcome = await quietly(() => verifyCommand([join(p.dir, 'traces/two.jsonl')], { cwd: p.dir, sdk: false }));
    if (outcome.kind !== 'report') throw new Error(`expected a report, got ${outcome.kind}`);
    expect(outcome.report.summary.unreadable).toBe(0);
    expect(outcome.report.summary.errors).toBeGreaterThan(0);
    // Relative trace paths and folders are read from `cwd`, and findings name them as given.
    for (const arg of ['traces/two.jsonl', 'traces']) {
      const relative = await quietly(() => verifyCommand([arg], { cwd: p.dir, sdk: false }));
      if (relative.kind !== 'report') throw new Error(`expected a report, got ${relative.kind}`);
      expect(relative.report.traces.map((t) => [t.file, t.unreadable ?? false])).toEqual([['traces/two.jsonl', false]]);
      expect(relative.report.summary.errors).toBe(outcome.report.summary.errors);
    }
  });

  it('import: a legacy mapping lands in the manual blocks', async () => {
    p.write(
      'legacy.json',
      JSON.stringify({ streaming_events: { 'response.created': { status: 'done', note: 'kept from the old sheet' } } }),
    );
    const r = await quietly(() => importLegacy('legacy.json', { cwd: p.dir }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const mapping = JSON.parse(p.read('mapping.json')) as { items: Record<string, { manual?: Record<string, unknown> }> };
    expect(JSON.stringify(mapping.items['event:response.created']!.manual)).toContain('kept from the old sheet');
  });

  it('matrix and compare: one model across two implementations', async () => {
    mkdirSync(join(p.dir, 'fork/src'), { recursive: true });
    p.write(
      'fork/src/events.ts',
      [
        "export interface Created { type: 'response.created'; sequence_number: number }",
        "export interface Completed { type: 'response.completed'; sequence_number: number }",
        '',
      ].join('\n'),
    );
    const lane = { name: 'frontend', title: 'Frontend', include: ['src/**/*.ts'], kinds: ['definition'] };
    p.config({
      implementations: [
        { name: 'upstream', workspace: '.', lanes: [lane], implemented: ['frontend'] },
        { name: 'fork', workspace: 'fork', lanes: [lane], implemented: ['frontend'] },
      ],
    });
    const { matrix } = await quietly(() => buildMatrixFromConfig({ cwd: p.dir }));
    expect(matrix.implementations.map((i) => i.name)).toEqual(['upstream', 'fork']);
    const completed = matrix.rows.find((r) => r.id === 'event:response.completed')!;
    expect([completed.cells.upstream?.status, completed.cells.fork?.status]).toEqual(['missing', 'implemented']);
    const { comparison, failed } = await quietly(() => compareFromConfig('fork', 'upstream', { cwd: p.dir }));
    expect(comparison.counts.behind).toBe(1);
    expect(failed).toBe(true);
    p.config({});
  });
});
