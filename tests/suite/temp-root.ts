/**
 * Vitest's global setup: every temporary folder of the run, the tests' own and those of the
 * processes they start (git, npm, python, Chromium), goes under one folder of the system's, which
 * the run removes when it ends. The tests make their folders with `mkdtemp(tmpdir())`, and a test
 * that fails, or a file that forgets its `afterAll`, would otherwise leave them behind: before this,
 * each run left about seventy. The workers are forked after this runs, so they inherit TMPDIR.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'specmap-tests-'));
  // As open as the system's own: some tests run the binary as another user, in a folder made here.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (!process.env.SPECMAP_KEEP) rmSync(root, { recursive: true, force: true });
  };
}
