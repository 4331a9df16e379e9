/**
 * E2E (`specmap`: its program in-process, the binary for traces): a small non-OpenAI document (`/pets` and a
 * `text/event-stream` union of `pet.added`/`pet.removed`) extracts with no profile and no API
 * configured, and a two-line trace of it verifies with framing, schema and per-type checks only.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';
import { runBinary } from '../helpers/temp-workspace.js';
import { REPO } from '../openapi/helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(source: Record<string, unknown> = {}, verify: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'specmap-pets-'));
  dirs.push(dir);
  for (const f of ['pets.yaml', 'pets.jsonl']) cpSync(join(REPO, 'tests/apis/fixtures', f), join(dir, f));
  writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: [{ path: 'pets.yaml', ...source }], verify }));
  return dir;
}
/** In this process (tests/helpers/run-in-process.ts): same arguments, output and exit code as the binary. */
const run = (dir: string, ...args: string[]) => runInProcess(dir, [...args, '--config', join(dir, 'specmap.config.json')]);
/** The built binary: `verify` reads its trace arguments from the process's working directory. */
const binary = (dir: string, ...args: string[]) => runBinary(dir, [...args, '--config', join(dir, 'specmap.config.json')]);

describe('a /pets document no profile knows', () => {
  it('extracts every path and the stream union', async () => {
    const dir = project();
    const r = await run(dir, 'extract');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'spec/model.json'), 'utf8'));
    expect(model.events.map((e: { id: string }) => e.id)).toEqual(['event:pet.added', 'event:pet.removed']);
    expect(model.endpoints.map((e: { id: string }) => e.id)).toEqual(['endpoint:GET /v1/pets', 'endpoint:GET /v1/pets/events']);
    expect(model.events.flatMap((e: { classNames: string[] }) => e.classNames)).toEqual(['PetAdded', 'PetRemoved']);
  });

  it('a two-line trace verifies clean: no lifecycle, no sequence_number, no SDK opinion', async () => {
    const r = binary(project(), 'verify', 'pets.jsonl');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^pets\.jsonl \(jsonl, 2 events\): ok\n1 trace, 2 events: 0 errors, 0 warnings/);
    expect(r.stdout).toContain('; grammar: none (framing, schema and per-type checks);');
    expect(r.stdout).not.toMatch(/SDK|sequence_number|lifecycle/);
    expect(r.code).toBe(0);
  });

  it('per-type checks still run: a pet.removed without pet_id is a schema error (exit 1)', async () => {
    const dir = project();
    writeFileSync(join(dir, 'bad.jsonl'), '{"type":"pet.added","pet":{"id":"p1","name":"Rex"}}\n{"type":"pet.removed"}\n');
    const r = binary(dir, 'verify', '--format', 'json', 'bad.jsonl');
    expect(r.code).toBe(1);
    const violations = JSON.parse(r.stdout).traces[0].violations;
    expect(violations.map((v: { check: string; line: number }) => `${v.check}:${v.line}`)).toEqual(['schema:2']);
  });

  it('an unknown verify profile is a config error (exit 2)', async () => {
    const r = await run(project({}, { profile: 'petstore' }), 'verify', 'pets.jsonl');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Found verify profile `petstore`, expected `none`, one of `responses` or a path to a `.json` stream profile',
    );
  });
});
