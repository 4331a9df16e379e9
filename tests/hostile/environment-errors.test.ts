/**
 * The user's environment (permissions, read-only or full disks, no git) is reported as what and
 * where, exit 2, no stack trace: "internal error, please report it" is for our bugs only.
 */
import { chmodSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../tools/cli/report-error.js';
import { makeProject, type Project } from './project.js';

let p: Project | undefined;
afterEach(() => {
  if (p) chmodTree(p.dir, true);
  p?.cleanup();
  p = undefined;
});

function chmodTree(dir: string, writable: boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) chmodTree(path, writable);
    chmodSync(path, entry.isDirectory() ? (writable ? 0o755 : 0o555) : writable ? 0o644 : 0o444);
  }
  chmodSync(dir, writable ? 0o755 : 0o555);
}

describe('a read-only checkout', () => {
  it.each([
    ['check --no-cache', ['check', '--no-cache']],
    ['check', ['check']],
  ])('%s works and writes nothing', (_name, args) => {
    p = makeProject();
    expect(p.specmap('sync').code).toBe(0);
    p.specmap('check');
    chmodTree(p.dir, false);
    const check = p.specmapUnprivileged(...args);
    expect(check.stderr).not.toContain('internal error');
    expect(check.stdout).toContain('clean');
    expect(check.code).toBe(0);
  });

  it('sync says it cannot write, and where, without a stack trace', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    p.write('src/events.ts', "export interface ResponseCompletedEvent { type: 'response.completed' }\n");
    chmodTree(p.dir, false);
    const sync = p.specmapUnprivileged('sync');
    expect(sync.code).toBe(2);
    expect(sync.stderr).not.toContain('internal error');
    expect(sync.stderr).not.toMatch(/\n\s+at /);
    expect(sync.stderr).toMatch(/read-only|permission denied/);
  });
});

describe('check --staged outside a git repository', () => {
  it('exits 2 saying git is needed, no stack', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    const check = p.specmapEnv({ GIT_CEILING_DIRECTORIES: p.dir.replace(/\/[^/]+$/, '') }, 'check', '--staged');
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/error Found `git rev-parse --show-toplevel` failing in `.*`.*expected a git working tree/);
    expect(check.stderr).not.toContain('internal error');
  });
});

describe('file-system errors reaching the CLI', () => {
  it.each([
    ['EACCES', 'open', 'permission denied'],
    ['EPERM', 'rename', 'operation not permitted'],
    ['ENOSPC', 'write', 'no space left on the device'],
    ['EROFS', 'open', 'the file system is read-only'],
  ])('%s says what and where, exit 2, no stack', (code, syscall, what) => {
    const error = Object.assign(new Error(`${code}: ${what}, ${syscall} '/p/generated/x.ts'`), {
      code,
      syscall,
      path: '/p/generated/x.ts',
    });
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(reportError(error, false)).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain(`/p/generated/x.ts:1:1: error Cannot ${syscall} /p/generated/x.ts: ${what} (${code})`);
    expect(stderr).not.toContain('internal error');
    expect(stderr).not.toContain(error.stack!.split('\n')[1]!);
  });

  it('anything else is still a bug: stack trace and "please report it"', () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(reportError(new TypeError('x is undefined'), false)).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain('internal error, please report it');
  });
});
