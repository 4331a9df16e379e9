/**
 * E2E (`specmap extract`, the CLI's program in-process): bad OpenAPI input is reported with
 * file:line:col, exits 2 and writes nothing (no model, no cache entry); a good fixture extracts
 * and its second run is served from the parse cache.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';
import { REPO } from './helpers.js';

const FIXTURES = join(REPO, 'tests/openapi/fixtures');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(file: string, source: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-openapi-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, file), join(dir, file));
  writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: [{ path: file, kind: 'openapi', ...source }] }));
  return dir;
}

/** `specmap extract` from the repository, the config named by its absolute path (in-process: tests/helpers/run-in-process.ts). */
function extract(dir: string, ...args: string[]) {
  return runInProcess(REPO, ['extract', '--config', join(dir, 'specmap.config.json'), ...args]);
}

describe('bad input: exit 2, diagnostics with file:line:col, nothing written', () => {
  it.each([
    ['swagger2.yaml', ['swagger2.yaml:2:1: error Found Swagger `2.0`, expected OpenAPI 3.0 or 3.1 [openapi-unsupported]']],
    ['random.yaml', ['random.yaml:1:1: error Found no `openapi` field, expected an OpenAPI 3.x document [openapi-unsupported]']],
    [
      'dangling-ref.yaml',
      [
        'dangling-ref.yaml:16:1: error Found `$ref: #/components/schemas/GadgetLost` that points to nothing',
        'dangling-ref.yaml:25:1: error Found `$ref: #/components/schemas/Part` that points to nothing',
      ],
    ],
    ['malformed.yaml', ['malformed.yaml:8:14: error Found malformed YAML (']],
    // Found only when the model reads that schema (the document is parsed as far as it is read).
    ['malformed-entry.yaml', ['malformed-entry.yaml:61:19: error Found malformed YAML (bad indentation of a mapping entry)']],
    ['malformed.json', ['malformed.json:4:20: error Found malformed JSON (']],
  ])('%s', async (file, lines) => {
    const dir = project(file);
    const r = await extract(dir);
    expect(r.code).toBe(2);
    const reported = r.stderr.split('\n').filter((l) => l.startsWith(file));
    expect(reported).toHaveLength(lines.length);
    for (const [i, line] of lines.entries()) expect(reported[i]).toContain(line);
    expect(r.stderr).toMatch(/fix: /);
    expect(r.stdout).toBe('');
    // No model and no parse-cache entry (the config loader's own memo may exist).
    expect(
      readdirSync(dir)
        .filter((f) => f !== '.specmap')
        .sort(),
    ).toEqual([file, 'specmap.config.json'].sort());
    expect(existsSync(join(dir, '.specmap/cache/sources'))).toBe(false);
  });
});

describe('a good OpenAPI 3.0 fixture', () => {
  it('extracts events, the configured API scope only, /v1 ids, and caches the parse', async () => {
    const dir = project('gadgets.yaml', { apis: [{ name: 'gadgets', paths: ['/responses/**'] }] });
    const first = await extract(dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('wrote spec/model.json: 2 events, 1 endpoints, 2 params, 3 enums, 0 objects from 1 sources\n');
    const model = JSON.parse(readFileSync(join(dir, 'spec/model.json'), 'utf8'));
    expect(model.events.map((e: { id: string; anchors: string[] }) => `${e.id} ${e.anchors[0]}`)).toEqual([
      'event:gadget.built gadgets.yaml:51',
      'event:gadget.failed gadgets.yaml:61',
    ]);
    expect(model.endpoints.map((e: { id: string }) => e.id)).toEqual(['endpoint:POST /v1/responses']);
    const size = model.params.find((p: { id: string }) => p.id === 'param:POST /v1/responses#size').field;
    expect(size).toMatchObject({ required: false, nullable: true, default: 3, anchors: ['gadgets.yaml:41'] });
    const reason = model.events[1].fields.find((f: { name: string }) => f.name === 'reason');
    expect(reason).toMatchObject({ nullable: true, deprecated: true, required: false });
    expect(existsSync(join(dir, '.specmap/cache/sources'))).toBe(true);
    expect(readdirSync(join(dir, '.specmap/cache/sources'))).toHaveLength(1);
    const second = await extract(dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('unchanged spec/model.json: 2 events, 1 endpoints, 2 params, 3 enums, 0 objects from 1 sources\n');
  });

  it('with no API configured and no profile that knows the document, every path is read', async () => {
    const dir = project('gadgets.yaml');
    const model = JSON.parse((await extract(dir, '--stdout')).stdout);
    expect(model.endpoints.map((e: { id: string }) => e.id)).toEqual(['endpoint:POST /v1/responses', 'endpoint:GET /v1/elsewhere']);
    expect(model.events.map((e: { id: string }) => e.id)).toEqual(['event:gadget.built', 'event:gadget.failed']);
  });

  it('an API name no profile defines is a config error at the source (exit 2)', async () => {
    const dir = project('gadgets.yaml', { apis: ['realtime'] });
    const r = await extract(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("gadgets.yaml:1:1: error Found API `realtime` in the source's `apis`, expected a scope object");
  });

  it('pathPrefix from the source config', async () => {
    const dir = project('gadgets.yaml', { pathPrefix: '/api' });
    expect((await extract(dir, '--stdout')).stdout).toContain('"endpoint:POST /api/responses"');
  });
});
