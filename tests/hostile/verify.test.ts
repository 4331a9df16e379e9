/**
 * `specmap verify` on input a careless or hostile user gives it (end to end: in-process, and
 * `node dist/cli.js` for stdin; run `npm run build` first): a BOM, binary bytes, an over-long line, control characters, 200 findings,
 * prototype names as event types, and Ctrl-C while stdin is being spooled.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-in-process.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
let dir: string;
/** The built binary, for stdin. */
const runBinary = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [cli, 'verify', '--no-sdk', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, CI: '1' },
  });
/** The same program in this process (tests/helpers/run-in-process.ts), for traces in files. */
const run = async (args: string[]) => {
  const r = await runInProcess(root, ['verify', '--no-sdk', ...args]);
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};
const clean = readFileSync(join(root, 'tests/traces/clean/reasoning.jsonl'), 'utf8');
const cleanSse = readFileSync(join(root, 'tests/traces/clean/message.sse'), 'utf8');

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'specmap-verify-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('framing of what is not a clean text trace', () => {
  it('ignores a leading BOM (JSON Lines, SSE, sniffed stdin)', async () => {
    for (const [name, text] of [
      ['bom.jsonl', clean],
      ['bom.sse', cleanSse],
    ] as const) {
      const r = await run([write(name, '\ufeff' + text)]);
      expect(r.stdout, name).toContain('): ok\n');
      expect(r.status).toBe(0);
    }
    const r = runBinary(['--format', 'json', '-'], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean)]));
    expect(JSON.parse(r.stdout).traces[0]).toMatchObject({ format: 'jsonl', violations: [] });
    expect(r.status).toBe(0);
  });

  it('a binary file is a framing error and unreadable: exit 2', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const r = await run([write('image.jsonl', png)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(
      /image\.jsonl \(jsonl, 0 events\): unreadable; 1 error\n.*image\.jsonl:1: error Found bytes that are not UTF-8 within bytes 0-15, .* \[framing\]\n/,
    );
    const nul = await run([write('nul.jsonl', '{"type":"response.created"}\n\u0000\u0001\u0002')]);
    expect(nul.status).toBe(2);
    expect(nul.stdout).toMatch(/nul\.jsonl:2: error Found a NUL character: this is a binary file.* \[framing\]\n/);
  });

  it('a line over --max-line-length is a framing error, the rest is still checked, exit 2', async () => {
    const lines = clean.split('\n');
    const long = { type: 'response.output_text.delta', padding: 'x'.repeat(5000) };
    lines.splice(3, 0, JSON.stringify(long));
    const r = await run(['--format', 'json', '--max-line-length', '4000', write('long.jsonl', lines.join('\n'))]);
    expect(r.status).toBe(2);
    const trace = JSON.parse(r.stdout).traces[0];
    // Skipped, not read: the events around it are checked as if it were not there.
    expect(trace).toMatchObject({ unreadable: true, events: clean.split('\n').filter((l) => l.startsWith('{')).length });
    expect(trace.violations.map((v: { line: number; message: string }) => `${v.line}: ${v.message}`)).toEqual([
      '4: Found a line of 5050 characters, expected at most 4000 (verify.maxLineLength / --max-line-length)',
    ]);
    expect((await run(['--max-line-length', '0', write('any.jsonl', clean)])).status).toBe(2);
  });

  it('an SSE frame that lost a line is dropped whole, and the sequence takes up again after it', async () => {
    const lines = cleanSse.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('data: "part"'));
    lines[cut] = `data: "pad":"${'x'.repeat(5000)}",` + lines[cut]!.slice('data: '.length);
    const r = await run(['--format', 'json', '--max-line-length', '4000', write('long.sse', lines.join('\n'))]);
    expect(r.status).toBe(2);
    const found = JSON.parse(r.stdout).traces[0].violations.map((v: { check: string; line: number }) => `${v.check}:${v.line}`);
    // Not the frame's first half as a broken event (framing at the line before), not a sequence gap.
    expect(found[0]).toBe(`framing:${cut + 1}`);
    expect(found).not.toContain(`framing:${cut}`);
    expect(found.filter((f: string) => f.startsWith('sequence'))).toEqual([]);
  });
});

describe('control characters never reach the terminal raw', () => {
  const evil = { type: 'response.\u001b[2J\u001b]0;pwned\u0007\r\nfake: ok\u009b31m\u2028', sequence_number: 0 };
  const path = () => write('evil.jsonl', JSON.stringify(evil) + '\n');
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

  it('in usage errors that echo a flag', async () => {
    for (const args of [
      ['--format', 'x\u001b[2J'],
      ['--severity', 'schema=\u001b[2J'],
      ['--max-findings', '\u001b[2J'],
      ['--strict-source', '\u001b[2J'],
    ]) {
      const r = await run([...args, 'tests/traces/clean/message.sse']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('\\x1b[2J');
      expect(r.stderr).not.toMatch(RAW);
    }
  });

  it.each([['pretty'], ['github'], ['json']])('%s', async (format) => {
    const r = await run(['--format', format, path()]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(RAW);
    // No line a finding did not start: the CR/LF inside the type stays inside its finding.
    if (format !== 'json') expect(r.stdout.split('\n').some((l) => l.startsWith('fake: ok'))).toBe(false);
    if (format === 'pretty') expect(r.stdout).toContain('response.\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x0afake: ok\\x9b31m\\u2028');
  });
});

describe('--max-findings', () => {
  const events = Array.from({ length: 120 }, (_, i) => JSON.stringify({ type: 'response.created', sequence_number: i * 2 }));

  it('prints 50 per check by default and counts the rest; the summary counts all', async () => {
    const r = await run([write('many.jsonl', events.join('\n') + '\n')]);
    expect(r.status).toBe(1);
    expect(r.stdout.match(/^ {2}\S+:\d+: error .* \[sequence\]$/gm)).toHaveLength(50);
    expect(r.stdout).toContain('  … and 69 more error [sequence] findings (--max-findings)\n');
    expect(r.stdout).toMatch(/1 trace, 120 events: \d+ errors/);
    const json = JSON.parse((await run(['--format', 'json', '--max-findings', '5', join(dir, 'many.jsonl')])).stdout);
    const trace = json.traces[0];
    expect(trace.violations.filter((v: { check: string }) => v.check === 'sequence')).toHaveLength(5);
    expect(trace.omitted).toContainEqual({ check: 'sequence', severity: 'error', count: 114 });
    expect(trace.counts.errors).toBe(json.summary.errors);
  });
});

describe('prototype names as event and item types', () => {
  it.each([['__proto__'], ['constructor'], ['toString'], ['response.__proto__'], ['response.output_item.constructor'], ['hasOwnProperty']])(
    '%s: the printed count and the exit code agree',
    async (type) => {
      const head = clean.split('\n').slice(0, 2);
      const item = JSON.stringify({ type: 'response.output_item.added', sequence_number: 2, output_index: 0, item: { id: 'x', type } });
      const r = await run([write(`proto-${type}.jsonl`, [...head, JSON.stringify({ type, sequence_number: 3 }), item].join('\n') + '\n')]);
      const errors = Number(/: (\d+) errors?,/.exec(r.stdout)![1]);
      expect(errors).toBeGreaterThan(0);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`Found unknown event type \`${type}\``);
    },
  );
});

describe('Ctrl-C while stdin is spooled', () => {
  it.each([['SIGINT'], ['SIGTERM']] as const)(
    '%s removes the spool folder',
    async (signal) => {
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(tmp);
      const child = spawn(process.execPath, [cli, 'verify', '--no-sdk', '-'], {
        cwd: root,
        env: { ...process.env, CI: '1', TMPDIR: tmp },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdin.write(clean.split('\n')[0] + '\n');
      // The spool exists once the command is reading stdin; the child waits for more input meanwhile.
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      while (!readdirSync(tmp).some((n) => n.startsWith('specmap-verify-') && existsSync(join(tmp, n, 'stdin')))) {
        if (child.exitCode !== null) throw new Error(`verify exited before spooling: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const exited = new Promise<string>((r) => child.on('exit', (code, sig) => r(sig ?? String(code))));
      child.kill(signal);
      // Killed by the signal, or (when started with it ignored) exiting as a shell reports it.
      expect([signal, String(128 + (signal === 'SIGINT' ? 2 : 15))]).toContain(await exited);
      expect(readdirSync(tmp)).toEqual([]);
    },
    20_000,
  );
});
