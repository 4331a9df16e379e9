/**
 * `--format sarif` from real runs (the built binary, `node dist/cli.js`, for the first; the CLI's
 * program in process for the rest) validates against the
 * official SARIF 2.1.0 schema, the one `@microsoft/jest-sarif` ships, read at run time. The schema is
 * draft-04; ajv (draft-07) reads it once its `$schema` is dropped and its `id` is named `$id` (the two
 * drafts agree on every keyword it uses). Its formats are checked too: artifact URIs as relative references.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';
import { addEventToPage, CORPUS, makeTempWorkspace, REPO, runBinary, type TempWorkspace } from '../helpers/temp-workspace.js';

const SCHEMA = resolve(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  // The schema's language-tag pattern (`[a-zA-Z]{2}]?`) is not valid with the `u` flag ajv uses by default.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  // A relative reference: no scheme-less backslashes, spaces or raw `%` that is not an escape.
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///root/') && !/[\s\\]|%(?![0-9A-Fa-f]{2})/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...schema, $id: String(id) });
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      locations?: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine?: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const validate = sarifValidator();
const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

const run = (cwd: string, ...args: string[]) => runBinary(cwd, args);
const runHere = (cwd: string, ...args: string[]) => runInProcess(cwd, args);

/** Valid against the schema, one run by specmap, rules for exactly the codes used, URIs relative. */
function expectSarif(stdout: string): SarifLog {
  const log = JSON.parse(stdout) as SarifLog;
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
  const [run0] = log.runs;
  expect(log.runs).toHaveLength(1);
  expect(run0!.tool.driver).toMatchObject({ name: 'specmap', version });
  expect(run0!.tool.driver.rules.map((r) => r.id)).toEqual([...new Set(run0!.results.map((r) => r.ruleId))].sort());
  for (const r of run0!.results)
    for (const l of r.locations ?? []) {
      const uri = l.physicalLocation?.artifactLocation.uri;
      if (uri === undefined) continue;
      expect(uri).not.toMatch(/^\/|^[a-z]+:|\\/i);
      expect(l.physicalLocation!.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
  return log;
}

describe('--format sarif validates against SARIF 2.1.0', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'specmap-sarif-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the schema check catches a broken log', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
    expect(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }),
    ).toBe(false);
  });

  it('verify: each finding at its trace line, errors as error; the same traces give the same bytes (binary, then in process)', async () => {
    const args = [
      'verify',
      '--no-sdk',
      '--format',
      'sarif',
      'tests/traces/broken/output-index-from-1.jsonl',
      'tests/traces/broken/sequence.jsonl',
    ];
    const r = run(REPO, ...args);
    expect(r.code).toBe(1);
    const log = expectSarif(r.stdout);
    const results = log.runs[0]!.results;
    expect(results.map((x) => x.ruleId)).toContain('indices');
    expect(results.map((x) => x.ruleId)).toContain('sequence');
    expect(results.every((x) => x.level === 'error')).toBe(true);
    expect(results[0]!.locations![0]!.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'tests/traces/broken/output-index-from-1.jsonl' },
      region: { startLine: 3 },
    });
    expect((await runHere(REPO, ...args)).stdout).toBe(r.stdout);
  });

  it('verify: findings left out past --max-findings are a notification of the run', async () => {
    const r = await runHere(REPO, 'verify', '--no-sdk', '--format', 'sarif', '--max-findings', '1', 'tests/traces/broken/sequence.jsonl');
    const log = expectSarif(r.stdout) as SarifLog & {
      runs: { invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[] }[];
    };
    expect(log.runs[0]!.results).toHaveLength(1);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications.map((n) => n.message.text)).toEqual([
      'specmap verify [sequence]: 3 more findings not shown (--max-findings)',
    ]);
  });

  it('diff: a breaking change is an error, an added event a note, on the files compared', async () => {
    const page = 'DOC_streaming_events.md';
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    cpSync(join(CORPUS, 'openai-docs', page), join(dir, 'a', page));
    const text = readFileSync(join(dir, 'a', page), 'utf8');
    const at = text.indexOf('## response.in\\_progress');
    writeFileSync(
      join(dir, 'b', page),
      `${text.slice(0, at)}## response.nap.started\n\nSent when it pauses.\n\nnap\\_ms\n\ninteger\n\nHow long.\n\n${text.slice(at)}`,
    );
    const r = await runHere(dir, 'diff', `a/${page}`, `b/${page}`, '--format', 'sarif', '--fail-on', 'non-breaking');
    expect(r.code).toBe(1);
    const results = expectSarif(r.stdout).runs[0]!.results;
    expect(results.map((x) => [x.ruleId, x.level, x.locations?.[0]?.physicalLocation?.artifactLocation.uri])).toContainEqual([
      'item-added',
      'note',
      `b/${page}`,
    ]);
    const removed = await runHere(dir, 'diff', `b/${page}`, `a/${page}`, '--format', 'sarif');
    expect(removed.code).toBe(1);
    expect(expectSarif(removed.stdout).runs[0]!.results.map((x) => [x.ruleId, x.level])).toContainEqual(['item-removed', 'error']);
  }, 60_000);
});

describe('check --format sarif validates against SARIF 2.1.0', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = makeTempWorkspace();
    const sync = await ws.run('sync');
    expect(sync.code, sync.stderr).toBe(0);
  }, 300_000);
  afterAll(() => ws?.cleanup());

  it('a clean check is a log with no results', async () => {
    const r = await ws.run('check', '--format', 'sarif');
    expect(r.code).toBe(0);
    expect(expectSarif(r.stdout).runs[0]!.results).toEqual([]);
  });

  it('drift: a hand-edited generated file, a deleted emitter and a changed source, each on its file', async () => {
    ws.write('generated/types.ts', `${ws.read('generated/types.ts')}\nexport const handEdit = 1;\n`);
    const stream = 'examples/workspace/backend/app/stream.py';
    const text = ws.read(stream);
    const start = text.indexOf('def build_text_done');
    ws.write(stream, text.slice(0, start) + text.slice(text.indexOf('\ndef ', start + 1) + 1));
    const page = addEventToPage(ws);
    const r = await ws.run('check', '--no-cache', '--format', 'sarif');
    expect(r.code).toBe(1);
    const results = expectSarif(r.stdout).runs[0]!.results;
    const at = (rule: string) =>
      results.filter((x) => x.ruleId === rule).map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation.uri);
    expect(at('generated-stale')).toContain('generated/types.ts');
    expect(at('mapping-location-lost')).toContain(stream);
    expect(at('source-changed')).toContain(page);
    expect(results.every((x) => x.level === 'error' || x.level === 'warning')).toBe(true);
    // The same tree, the same log: fingerprints and all.
    expect((await ws.run('check', '--no-cache', '--format', 'sarif')).stdout).toBe(r.stdout);
  }, 120_000);

  it('run from another folder with --config (a monorepo in CI): paths are relative to where it ran, json keeps the config folder', async () => {
    ws.write(
      'generated/schemas.ts',
      `${ws.read('generated/schemas.ts')}
export const handEdit = 2;
`,
    );
    const parent = dirname(ws.dir);
    const config = `${basename(ws.dir)}/specmap.config.json`;
    const from = (format: string) => runInProcess(parent, ['check', '--no-cache', '--config', config, '--format', format]);
    const sarif = await from('sarif');
    expect(sarif.code).toBe(1);
    const uris = expectSarif(sarif.stdout).runs[0]!.results.map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation.uri);
    expect(uris).toContain(`${basename(ws.dir)}/generated/schemas.ts`);
    expect(uris.filter((u) => u !== undefined && !u.startsWith(`${basename(ws.dir)}/`))).toEqual([]);
    expect((await from('github')).stdout).toContain(`::error file=${basename(ws.dir)}/generated/schemas.ts,`);
    expect((await from('pretty')).stdout).toContain(`${basename(ws.dir)}/generated/schemas.ts: error`);
    const json = JSON.parse((await from('json')).stdout) as { problems: { location?: { file: string } }[] };
    expect(json.problems.map((p) => p.location?.file)).toContain('generated/schemas.ts');
    // Run in the config's own folder, the same problems carry the same paths as before.
    const here = await ws.run('check', '--no-cache', '--format', 'github');
    expect(here.stdout).toContain('::error file=generated/schemas.ts,');
  }, 120_000);
});
