/** The in-process runner answers as the binary does and leaves the test process as it found it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheEnabled } from '../../tools/cache/settings.js';
import { runInProcess } from './run-in-process.js';
import { REPO } from './temp-workspace.js';

describe('runInProcess', () => {
  it('captures both streams and the exit code, then puts back the streams, exitCode and the switches flags set', async () => {
    const write = process.stdout.write;
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(await runInProcess(REPO, ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const usage = await runInProcess(REPO, ['nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'nope'");
    const where = await runInProcess(REPO, ['--no-cache', 'where', 'response.created']);
    expect(where.code).toBe(0);
    expect(where.stdout).toMatch(/^event:response\.created /);
    expect(process.stdout.write).toBe(write);
    expect(process.exitCode).toBeUndefined();
    expect(cacheEnabled()).toBe(true);
  });

  it('refuses what is about the process itself: stdin, a watch, timings printed at exit', () => {
    for (const args of [
      ['verify', '-'],
      ['sync', '--watch'],
      ['--timings', 'map'],
    ])
      expect(() => runInProcess(REPO, args), args.join(' ')).toThrow(/spawn the binary/);
  });
});
