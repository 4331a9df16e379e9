/** End to end: `specmap crosscheck` (the built binary first, the same program in-process after): exit codes, --source, formats. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, CORPUS, runBinary } from '../helpers/temp-workspace.js';
import { runInProcess } from '../helpers/run-in-process.js';

let dir: string;
const EVENTS = join(CORPUS, 'openai-docs', 'DOC_streaming_events.md');
const SPEC = join(CORPUS, 'openapi', 'openai-openapi-2026-08-21.yaml');

/** The same run in this process (tests/helpers/run-in-process.ts). */
const run = (...args: string[]) => runInProcess(dir, args);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'specmap-crosscheck-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('specmap crosscheck', () => {
  it('--source docs page + spec: findings, exit 1; github annotations point at both files', async () => {
    const r = runBinary(dir, ['crosscheck', '-s', EVENTS, '-s', SPEC, '--format', 'github', '--no-cache']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // 9 spec-only events, 5 spec-only fields, 3 nullability differences (the events page only).
    expect(lines).toHaveLength(17);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(14);
    expect(lines.find((l) => l.includes('::event:error#code: nullable differs'))).toMatch(
      /^::error file=.*DOC_streaming_events\.md,line=\d+,endLine=\d+,title=specmap crosscheck \[nullable\]::/,
    );
  }, 60_000);

  it("the config's sources; one kind of source only: nothing to compare, exit 0", async () => {
    writeFileSync(join(dir, 'specmap.config.json'), JSON.stringify({ sources: [{ path: EVENTS }] }));
    const r = await run('crosscheck', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ scope: 'responses', findings: [] });
    rmSync(join(dir, 'specmap.config.json'));
  }, 60_000);

  it('a missing source or a bad flag exits 2', async () => {
    const r = await run('crosscheck', '-s', 'missing.yaml', '-s', EVENTS);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.yaml');
    expect((await run('crosscheck', '-s', EVENTS, '--format', 'xml')).code).toBe(2);
  }, 60_000);
});
