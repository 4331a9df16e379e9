/** E2E: `node dist/cli.js verify` (run `npm run build` first): exit codes, stdin, formats. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, 'verify', ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, CI: '1' } });

describe('specmap verify', () => {
  it('exits 0 on clean traces, several per run, with the SDK opinion', () => {
    const r = run(['tests/traces/clean/message.sse', 'tests/traces/clean/reasoning.jsonl']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tests/traces/clean/message.sse (sse, 11 events): ok\n  openai SDK: accepted (11 events)\n');
    expect(r.stdout).toMatch(/2 traces, 28 events: 0 errors, 0 warnings; SDK rejected 0/);
  });

  it('exits 1 on violations and prints file:line, check and event', () => {
    const r = run(['--no-sdk', 'tests/traces/broken/output-index-from-1.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('tests/traces/broken/output-index-from-1.jsonl:3: error [indices] response.output_item.added: Found `output_index` 1, expected 0');
  });

  it('reads stdin (`-`), sniffing the format', () => {
    const r = run(['--no-sdk', '--format', 'json', '-'], readFileSync(join(root, 'tests/traces/broken/sequence.jsonl'), 'utf8'));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.traces[0]).toMatchObject({ file: '-', format: 'jsonl', events: 11 });
    expect(report.traces[0].violations.map((v: { check: string; line: number }) => `${v.check}:${v.line}`)).toEqual(['sequence:4', 'sequence:5', 'sequence:6', 'sequence:8']);
  });

  it('writes GitHub annotations', () => {
    const r = run(['--no-sdk', '--format', 'github', 'tests/traces/broken/terminal-id.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=tests\/traces\/broken\/terminal-id.jsonl,line=9,title=specmap verify \[identity\]::response.completed: Found output\[0\]/);
  });

  it('exits 2 on a missing trace and on a bad --severity', () => {
    expect(run(['tests/traces/nope.jsonl']).status).toBe(2);
    const r = run(['--severity', 'nonsense=warn', 'tests/traces/clean/message.sse']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected <check>=error|warn|off');
  });
});
