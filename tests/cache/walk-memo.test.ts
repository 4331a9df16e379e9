/**
 * The walks a run remembers by their folders (cache/walk-cache.ts), through the CLI in this process:
 * once the project's folders are older than the two seconds a folder's stat is not trusted for, a
 * check lists the workspace from the folders' stats, and a file added deep in a lane is still found.
 * The folders here are made moments before; the clock is moved on so that they read as old ones do.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { timingsSoFar } from '../../tools/cache/timings.js';
import { runInProcess } from '../helpers/run-in-process.js';
import { CONFIG, DOCS } from '../hostile/project.js';

let project: string;

/** `specmap check` after its memo is gone (so it analyzes), with the notes of its listing phases. */
async function checkAfterEdit() {
  rmSync(join(project, '.specmap/cache/check-state.json'), { force: true });
  const before = timingsSoFar().phases.length;
  const r = await runInProcess(project, ['check'], { SPECMAP_TIMING: '1' });
  const phases = timingsSoFar().phases.slice(before);
  const note = (start: string) => phases.find((p) => p.label.startsWith(start))?.note;
  return { ...r, fingerprint: note('check: fingerprint of every input'), lanes: note("list the lanes' files") };
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'specmap-walk-memo-'));
  mkdirSync(join(project, 'docs'));
  mkdirSync(join(project, 'src/nested/deeper'), { recursive: true });
  writeFileSync(join(project, 'docs/DOC_streaming_events.md'), DOCS);
  writeFileSync(join(project, 'src/app.ts'), "export const created = { type: 'response.created' as const };\n");
  writeFileSync(join(project, 'src/nested/deeper/util.ts'), 'export const id = (x: unknown) => x;\n');
  writeFileSync(join(project, 'specmap.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
  expect((await runInProcess(project, ['sync'])).code).toBe(0);
  // Every folder older than the two seconds a change could hide in.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000);
}, 30_000);

afterAll(() => {
  vi.useRealTimers();
  rmSync(project, { recursive: true, force: true });
});

describe('walks remembered by their folders', () => {
  it('list the workspace from the folders’ stats once the folders are old enough, and keep the answer', async () => {
    // The first walks of folders this old are stored; the next run takes them.
    const first = await checkAfterEdit();
    expect(first.code).toBe(0);
    const second = await checkAfterEdit();
    expect(second.code).toBe(0);
    expect(second.fingerprint).toMatch(/^\d+ code files?, listed from the folders' stats$/);
    expect(second.lanes).toBe("1 walk, 1 from the folders' stats");
    expect(second.stdout).toBe(first.stdout);
  });

  it('find a file added deep in a lane: the check reports the drift it makes', async () => {
    await checkAfterEdit();
    // A few ticks of the file system's own clock, which the fake one does not move.
    await new Promise((r) => setTimeout(r, 30));
    writeFileSync(join(project, 'src/nested/deeper/done.ts'), 'export interface CompletedEvent {\n  type: "response.completed";\n}\n');
    const after = await checkAfterEdit();
    expect(after.fingerprint).toMatch(/, walked$/);
    expect(after.lanes).toBe("1 walk, 0 from the folders' stats");
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('new definition `CompletedEvent` in src/nested/deeper/done.ts');
    // With the mapping brought up to date, the check is clean again.
    expect((await runInProcess(project, ['sync'])).code).toBe(0);
    expect((await checkAfterEdit()).code).toBe(0);
  });
});
