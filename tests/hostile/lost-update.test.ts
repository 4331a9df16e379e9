/**
 * A note saved to mapping.json while `sync` runs is kept: sync writes only over the bytes it read,
 * re-reads and merges the manual blocks when they changed, and gives up (exit 2, nothing written)
 * when the file keeps changing. Concurrent runs are serialised by a lock file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCommand } from '../../tools/commands/sync.js';
import { makeProject, deadPid, type Project } from './project.js';

/**
 * Called when sync reports its `report` step: sync has read mapping.json and the tracker by then,
 * and writes them after. A caller's own progress sink is where a library user sees that moment too.
 */
const during = { hook: undefined as undefined | (() => void) };
const progress = {
  step: (label: string) => {
    if (label === 'report') during.hook?.();
  },
  done: () => {},
};
const syncOnce = (opts: { cwd: string; json: boolean }) => syncCommand({ ...opts, progress });

let p: Project | undefined;
afterEach(() => {
  during.hook = undefined;
  p?.cleanup();
});

function addNote(text: string, note: string): string {
  const mapping = JSON.parse(text) as { items: Record<string, { manual?: { notes?: string } }> };
  mapping.items['event:response.completed']!.manual = { notes: note };
  return JSON.stringify(mapping, null, 2) + '\n';
}

describe('a manual note saved while sync runs', () => {
  // The first sync is the built binary's: its run memo is keyed by that code, so the in-process sync
  // below (the sources' code) does not answer from it and reaches the report stage.
  it('is kept: sync re-reads the changed file and merges its manual blocks', async () => {
    p = makeProject();
    expect(p.specmap('sync').code).toBe(0);
    p.write('src/events.ts', "export interface ResponseCompletedEvent { type: 'response.completed' }\n");
    let saves = 0;
    during.hook = () => {
      if (saves++ === 0) p!.write('mapping.json', addNote(p!.read('mapping.json'), 'saved while sync ran'));
    };
    await syncOnce({ cwd: p.dir, json: true });
    const mapping = JSON.parse(p.read('mapping.json'));
    expect(mapping.items['event:response.completed'].manual).toEqual({ notes: 'saved while sync ran' });
    // The new code was mapped too: the merge kept the computed part of this run.
    expect(p.read('mapping.json')).toContain('ResponseCompletedEvent');
    expect(p.read('generated/tracker.md')).toContain('saved while sync ran');
  });

  it('a tracker cell edited while sync runs is kept too', async () => {
    p = makeProject();
    expect(p.specmap('sync').code).toBe(0);
    let saves = 0;
    during.hook = () => {
      if (saves++ === 0)
        p!.write(
          'generated/tracker.md',
          p!.read('generated/tracker.md').replace(/^(\| `response\.completed` .*\|) {2}\|$/m, '$1 typed during sync |'),
        );
    };
    await syncOnce({ cwd: p.dir, json: true });
    expect(p.read('generated/tracker.md')).toContain('typed during sync');
    expect(JSON.parse(p.read('mapping.json')).items['event:response.completed'].manual).toEqual({ notes: 'typed during sync' });
  });

  it('a file that keeps changing stops the run: exit 2, and the last human save stays as saved', async () => {
    p = makeProject();
    expect(p.specmap('sync').code).toBe(0);
    const trackerBefore = p.read('generated/tracker.md');
    let n = 0;
    during.hook = () => p!.write('mapping.json', addNote(p!.read('mapping.json'), `save ${++n}`));
    await expect(syncOnce({ cwd: p.dir, json: true })).rejects.toThrow(/mapping\.json kept changing while sync ran/);
    expect(JSON.parse(p.read('mapping.json')).items['event:response.completed'].manual).toEqual({ notes: `save ${n}` });
    expect(p.read('generated/tracker.md')).toBe(trackerBefore);
  });
});

describe('the project lock', () => {
  it('a run holding the lock makes a second writing run fail with exit 2 naming it', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(p.dir, '.specmap/cache/lock'), `${holder.pid}\n`);
      const blocked = await p.run('sync');
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toContain(`held by running process ${holder.pid}`);
      expect(blocked.stderr).not.toContain('internal error');
      expect((await p.run('map')).code).toBe(2);
      // check only reads: it takes no lock.
      expect((await p.run('check')).code).toBe(0);
    } finally {
      holder.kill();
    }
  });

  it('a stale lock (its pid no longer runs) is taken over and removed at the end', async () => {
    p = makeProject();
    p.write('.specmap/cache/lock', `${deadPid()}\n`);
    const sync = await p.run('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(existsSync(join(p.dir, '.specmap/cache/lock'))).toBe(false);
  });

  it('concurrent syncs all finish and leave a mapping.json that parses, with the note kept', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    p.write('mapping.json', addNote(p.read('mapping.json'), 'keep me'));
    const { CLI } = await import('../helpers/temp-workspace.js');
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<number>((done) => {
          const child = spawn(process.execPath, [CLI, 'sync'], { cwd: p!.dir, env: { ...process.env, CI: '1' }, stdio: 'ignore' });
          child.on('exit', (code) => done(code ?? -1));
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    expect(JSON.parse(readFileSync(join(p.dir, 'mapping.json'), 'utf8')).items['event:response.completed'].manual).toEqual({
      notes: 'keep me',
    });
    expect(existsSync(join(p.dir, '.specmap/cache/lock'))).toBe(false);
  });
});
