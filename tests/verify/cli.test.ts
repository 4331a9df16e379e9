/** E2E: `specmap verify` (in-process; the built binary for stdin): exit codes, stdin, formats. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
/** The built binary, for stdin. */
const runBinary = (args: string[], input?: string) =>
  spawnSync(process.execPath, [cli, 'verify', ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, CI: '1' } });
/** The same program in this process (tests/helpers/run-in-process.ts), for the rest. */
const run = async (args: string[]) => {
  const r = await runInProcess(root, ['verify', ...args]);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('specmap verify', () => {
  it('exits 0 on clean traces, several per run, with the SDK opinion', async () => {
    const r = await run(['tests/traces/clean/message.sse', 'tests/traces/clean/reasoning.jsonl']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('tests/traces/clean/message.sse (sse, 11 events): ok\n  openai SDK: accepted (11 events)\n');
    expect(r.stdout).toMatch(/2 traces, 28 events: 0 errors, 0 warnings; SDK rejected 0/);
  });

  it('exits 1 on violations and prints file:line, check and event', async () => {
    const r = await run(['--no-sdk', 'tests/traces/broken/output-index-from-1.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '  tests/traces/broken/output-index-from-1.jsonl:3: error response.output_item.added: Found `output_index` 1, expected 0 (zero-based and contiguous in the order items are added) [indices]\n',
    );
  });

  it('reads stdin (`-`), sniffing the format', () => {
    const r = runBinary(['--no-sdk', '--format', 'json', '-'], readFileSync(join(root, 'tests/traces/broken/sequence.jsonl'), 'utf8'));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.traces[0]).toMatchObject({ file: '-', format: 'jsonl', events: 11 });
    expect(report.traces[0].violations.map((v: { check: string; line: number }) => `${v.check}:${v.line}`)).toEqual([
      'sequence:4',
      'sequence:5',
      'sequence:6',
      'sequence:8',
    ]);
  });

  it('writes GitHub annotations', async () => {
    const r = await run(['--no-sdk', '--format', 'github', 'tests/traces/broken/terminal-id.jsonl']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=tests\/traces\/broken\/terminal-id.jsonl,line=9,title=specmap verify \[identity\]::response.completed: Found output\[0\]/,
    );
  });

  it('exits 2 on a missing trace and on a bad --severity', async () => {
    expect((await run(['tests/traces/nope.jsonl'])).status).toBe(2);
    const r = await run(['--severity', 'nonsense=warn', 'tests/traces/clean/message.sse']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected <check>=error|warn|off');
  });

  it('judges against a baseline learned from a folder of recordings, and says which', async () => {
    const r = await run(['--no-sdk', '--baseline', '../shared/recordings/openai', '../shared/recordings/openai/tool-search.1.jsonl']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^baseline: \.\.\/shared\/recordings\/openai \(learned from recordings: 1 deviation of the reference server, from 13 recordings\)\n/,
    );
    expect(r.stdout).toContain(
      'tool-search.1.jsonl:21: info response.function_call_arguments.done: reference-does-too: Found an event that does not match the `response.function_call_arguments.done` schema: name: expected string, received nothing (absent) — the reference server does this too (2× in the baseline ../shared/recordings/openai) [schema]\n',
    );
    expect(r.stdout).toMatch(/0 errors, 0 warnings, 1 info;/);
    expect((await run(['--no-sdk', '../shared/recordings/openai/tool-search.1.jsonl'])).status).toBe(1);
    const gh = await run([
      '--no-sdk',
      '--format',
      'github',
      '--baseline',
      '../shared/recordings/openai',
      '../shared/recordings/openai/tool-search.1.jsonl',
    ]);
    expect(gh.stdout.split('\n').slice(0, 2)).toEqual([
      '::notice title=specmap verify baseline::../shared/recordings/openai: 1 deviation of the reference server from 13 recordings',
      expect.stringMatching(
        /^::notice file=\.\.\/shared\/recordings\/openai\/tool-search\.1\.jsonl,line=21,title=specmap verify \[schema\]::response\.function_call_arguments\.done: reference-does-too: /,
      ),
    ]);
  });

  it('--learn-baseline writes a profile that gives the same bytes every time, and --baseline reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specmap-verify-cli-'));
    try {
      const out = join(dir, 'baseline.json');
      const learn = await run(['--learn-baseline', out, '../shared/recordings/openai']);
      expect(learn.status).toBe(0);
      expect(learn.stdout).toBe(`baseline: learned 1 deviation of the reference server from 13 recordings → ${out}\n`);
      const first = readFileSync(out, 'utf8');
      expect((await run(['--learn-baseline', out, '../shared/recordings/openai'])).status).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(first);
      expect(JSON.parse(first).deviations).toEqual([
        { event: 'response.function_call_arguments.done', path: 'name', kind: 'missing', count: 2 },
      ]);
      const r = await run(['--no-sdk', '--baseline', out, '../shared/recordings/openai']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^baseline: \S+baseline\.json \(profile: 1 deviation of the reference server, from 13 recordings\)\n/);
      expect(r.stdout).toMatch(/13 traces, \d+ events: 0 errors, 0 warnings, 2 info;/);
      writeFileSync(out, '{"specmapBaseline":1}');
      const bad = await run(['--no-sdk', '--baseline', out, 'tests/traces/clean/message.sse']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('cannot read the baseline');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--strict-source needs a source of that kind; bad limits are usage errors', async () => {
    const r = await run(['--no-sdk', '--strict-source', 'openapi', 'tests/traces/clean/message.sse']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Found --strict-source openapi but no openapi source in the config');
    expect((await run(['--no-sdk', '--strict-source', 'docs', 'tests/traces/clean/message.sse'])).status).toBe(0);
    expect((await run(['--no-sdk', '--strict-source', 'yaml', 'tests/traces/clean/message.sse'])).status).toBe(2);
    expect((await run(['--no-sdk', '--max-findings', 'lots', 'tests/traces/clean/message.sse'])).stderr).toContain(
      'Found --max-findings lots, expected a positive integer',
    );
  });

  it('uses verify.baseline from the config (relative to the config file); --no-baseline turns it off', async () => {
    const dir = mkdtempSync(join(root, 'tests/verify/tmp-config-'));
    try {
      const config = join(dir, 'specmap.config.json');
      const docs = ['DOC_streaming_events.md', 'DOC_responses.md', 'DOC_conversations.md'].map((f) => ({
        path: `../../../../shared/reference/openai-docs/${f}`,
      }));
      writeFileSync(
        config,
        JSON.stringify({
          sources: docs,
          cacheDir: '.cache',
          model: 'model.json',
          verify: { baseline: '../../../../shared/recordings/openai', maxFindings: 1 },
        }),
      );
      const trace = '../shared/recordings/openai/tool-search.1.jsonl';
      const r = await run(['--config', config, '--no-sdk', trace]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^baseline: \.\.\/\.\.\/\.\.\/\.\.\/shared\/recordings\/openai \(learned from recordings/);
      const off = await run(['--config', config, '--no-sdk', '--no-baseline', trace]);
      expect(off.status).toBe(1);
      expect(off.stdout).not.toContain('baseline:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns when the profile was learned against other sources than the model', async () => {
    const r = await run([
      '--no-sdk',
      '--baseline',
      'tests/verify/fixtures/openai-recordings.merged.baseline.json',
      'tests/traces/clean/message.sse',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '  warning: the baseline was learned against other sources (DOC_streaming_events.md, DOC_responses.md, DOC_conversations.md, openai-openapi-2026-08-21.yaml) than this model (DOC_streaming_events.md, DOC_responses.md, DOC_conversations.md, agent-events.md); relearn it with --learn-baseline\n',
    );
  });
});
