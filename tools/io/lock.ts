/**
 * One writing specmap run per project at a time: `lock` in the cache folder (`.specmap/cache/lock`
 * by default) holds the pid of the run that writes. It lives there because `sync --watch` ignores
 * that folder; anywhere else taking the lock would trigger the next run. A lock whose pid no longer runs (a killed run) is stale and taken over. Runs that only
 * read (`check`) take no lock, so a read-only checkout still works.
 */
import { mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentError } from './env-error.js';
import { isProcessAlive } from './atomic.js';

const LOCK_NAME = 'lock';

export interface Lock {
  path: string;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another run to finish; default 60 s, `SPECMAP_LOCK_WAIT_MS` overrides. */
  waitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isFinite(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the stale lock away under a private name first, so two runs cannot both remove one lock. */
function removeStale(path: string, pid: number | undefined): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readPid(aside);
  if (moved !== pid && moved !== undefined && isProcessAlive(moved)) {
    // Another run took the lock between our read and our rename: give it back.
    try {
      renameSync(aside, path);
    } catch {
      // It cannot be restored only if a third run holds the lock now; that one is valid.
    }
    return;
  }
  rmSync(aside, { force: true });
}

/** `dir` is the (confined) cache folder; `display` names it in messages. */
export async function acquireLock(dir: string, options: LockOptions & { display?: string } = {}): Promise<Lock> {
  const path = join(dir, LOCK_NAME);
  const LOCK_FILE = options.display ?? path;
  mkdirSync(dir, { recursive: true });
  const envWait = Number(process.env.SPECMAP_LOCK_WAIT_MS);
  const waitMs = options.waitMs ?? (Number.isFinite(envWait) && process.env.SPECMAP_LOCK_WAIT_MS !== '' ? envWait : 60_000);
  const deadline = Date.now() + waitMs;
  let holder: number | undefined;
  for (;;) {
    if (tryCreate(path)) break;
    holder = readPid(path);
    // An empty lock is one being written this instant; only a pid that does not run is stale.
    if (holder !== undefined && !isProcessAlive(holder)) {
      removeStale(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new EnvironmentError(`another specmap run${holder ? ` (pid ${holder})` : ''} is writing this project`, [
        {
          severity: 'error',
          code: 'lock-held',
          file: LOCK_FILE,
          line: 1,
          column: 1,
          message: `Found the lock \`${LOCK_FILE}\` held by ${holder ? `running process ${holder}` : 'another run'}, expected no other writing specmap run`,
          hint: `wait for that run to finish, or delete ${LOCK_FILE} if no specmap is running`,
        },
      ]);
    }
    await sleep(50);
  }
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      if (readPid(path) === process.pid) rmSync(path, { force: true });
    },
  };
}

/** Runs `body` holding the project lock; the lock is released however `body` ends. */
export async function withLock<T>(dir: string, body: () => Promise<T>, options?: LockOptions & { display?: string }): Promise<T> {
  const lock = await acquireLock(dir, options);
  const onExit = () => lock.release();
  process.once('exit', onExit);
  try {
    return await body();
  } finally {
    process.off('exit', onExit);
    lock.release();
  }
}
