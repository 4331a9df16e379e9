import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from './env-error.js';
import { acquireLock, withLock } from './lock.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'specmap-lock-'));
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('the project lock', () => {
  it('holds our pid while the body runs and is gone after, also when the body throws', async () => {
    const dir = fresh();
    await withLock(dir, async () => expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(`${process.pid}\n`));
    expect(existsSync(join(dir, 'lock'))).toBe(false);
    await expect(withLock(dir, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });

  it('a lock held by a running process is refused once the wait is over', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'lock'), `${process.ppid}\n`);
    await expect(acquireLock(dir, { waitMs: 0 })).rejects.toBeInstanceOf(EnvironmentError);
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('a lock whose pid no longer runs is stale and taken over', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'lock'), `${deadPid()}\n`);
    const lock = await acquireLock(dir, { waitMs: 0 });
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });
});
