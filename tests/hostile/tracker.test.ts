/**
 * The tracker's human cells live in mapping.json (committed); the tracker in `generated/`
 * (git-ignored) is rendered from it, and edits made in the tracker are read back by `sync`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, type Project } from './project.js';

let p: Project | undefined;
afterEach(() => {
  p?.cleanup();
  p = undefined;
});

const TRACKER = 'generated/tracker.md';

/** The tracker row of an event, its cells as a human sees them (code columns included). */
function row(text: string, type: string): string {
  return text.split('\n').find((l) => l.startsWith(`| \`${type}\` |`))!;
}

/** Replaces the Used?, Mode, Status and Notes cells of a row as a human would type them (no escaping). */
function editRow(text: string, type: string, cells: { used?: string; mode?: string; status?: string; notes?: string }): string {
  const line = row(text, type);
  const parts = line.slice(2, -2).split(' | ');
  // Columns: event, keys, what, used, mode, one code column per lane, status, notes.
  if (cells.used !== undefined) parts[3] = cells.used;
  if (cells.mode !== undefined) parts[4] = cells.mode;
  if (cells.status !== undefined) parts[parts.length - 2] = cells.status;
  if (cells.notes !== undefined) parts[parts.length - 1] = cells.notes;
  return text.replace(line, `| ${parts.join(' | ')} |`);
}

const manualOf = (p: Project, id: string) => JSON.parse(p.read('mapping.json')).items[id].manual;

async function synced(): Promise<Project> {
  const project = makeProject();
  const sync = await project.run('sync');
  expect(sync.code, sync.stderr).toBe(0);
  return project;
}

describe('tracker cells are stored in mapping.json', () => {
  it('an edit in the tracker survives a fresh clone (generated/ deleted)', async () => {
    p = await synced();
    p.write(TRACKER, editRow(p.read(TRACKER), 'response.completed', { used: 'yes', mode: 'stream', notes: 'reducer drops it' }));
    expect((await p.run('sync')).code).toBe(0);
    expect(manualOf(p, 'event:response.completed')).toEqual({ used: 'yes', mode: 'stream', notes: 'reducer drops it' });
    rmSync(join(p.dir, 'generated'), { recursive: true });
    expect((await p.run('sync')).code).toBe(0);
    expect(row(p.read(TRACKER), 'response.completed')).toMatch(/\| yes \| stream \|.*\| reducer drops it \|$/);
  });

  it('a `|` typed into a Notes cell is read back intact and written escaped', async () => {
    p = await synced();
    p.write(TRACKER, editRow(p.read(TRACKER), 'response.completed', { notes: 'either a | b, see PR' }));
    expect((await p.run('sync')).code).toBe(0);
    expect(manualOf(p, 'event:response.completed')).toEqual({ notes: 'either a | b, see PR' });
    expect(row(p.read(TRACKER), 'response.completed')).toMatch(/\| either a \\\| b, see PR \|$/);
    const again = await p.run('sync');
    expect(again.stdout).toContain('0 files written');
  });

  it('a `|` in a mapping.json note is escaped in the tracker and comes back unchanged', async () => {
    p = await synced();
    const mapping = JSON.parse(p.read('mapping.json'));
    mapping.items['event:response.created'].manual = { notes: 'a | b \\ c', used: 'x|y' };
    p.write('mapping.json', JSON.stringify(mapping, null, 2) + '\n');
    expect((await p.run('sync')).code).toBe(0);
    expect(row(p.read(TRACKER), 'response.created')).toMatch(/\| x\\\|y \|.*\| a \\\| b \\\\ c \|$/);
    expect((await p.run('sync')).stdout).toContain('0 files written');
    expect(manualOf(p, 'event:response.created')).toEqual({ notes: 'a | b \\ c', used: 'x|y' });
  });

  it('a note changed in mapping.json (a pull) wins over the tracker as it was rendered', async () => {
    p = await synced();
    p.write(TRACKER, editRow(p.read(TRACKER), 'response.completed', { notes: 'mine' }));
    expect((await p.run('sync')).code).toBe(0);
    const mapping = JSON.parse(p.read('mapping.json'));
    mapping.items['event:response.completed'].manual.notes = 'teammate’s newer note';
    p.write('mapping.json', JSON.stringify(mapping, null, 2) + '\n');
    expect((await p.run('sync')).code).toBe(0);
    expect(manualOf(p, 'event:response.completed')).toEqual({ notes: 'teammate’s newer note' });
    expect(row(p.read(TRACKER), 'response.completed')).toMatch(/teammate’s newer note \|$/);
  });

  it('a cell edited on both sides stops sync with exit 2 and writes nothing', async () => {
    p = await synced();
    const mapping = JSON.parse(p.read('mapping.json'));
    mapping.items['event:response.completed'].manual = { notes: 'in mapping' };
    const mappingText = JSON.stringify(mapping, null, 2) + '\n';
    p.write('mapping.json', mappingText);
    const tracker = editRow(p.read(TRACKER), 'response.completed', { notes: 'in tracker' });
    p.write(TRACKER, tracker);
    const sync = await p.run('sync');
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(
      /generated\/tracker\.md:\d+:1: error Found `response\.completed` notes edited both in the tracker \(`in tracker`\) and in mapping\.json \(`in mapping`\)/,
    );
    expect(p.read('mapping.json')).toBe(mappingText);
    expect(p.read(TRACKER)).toBe(tracker);
  });

  it('a (manual) status typed in the tracker becomes a statusOverride; `generate` alone keeps tracker edits', async () => {
    p = await synced();
    p.write(TRACKER, editRow(p.read(TRACKER), 'response.completed', { status: '⛔ Ignored (manual)', notes: 'not ours' }));
    expect((await p.run('generate')).code).toBe(0);
    expect(row(p.read(TRACKER), 'response.completed')).toMatch(/⛔ Ignored \(manual\) \| not ours \|$/);
    expect((await p.run('sync')).code).toBe(0);
    expect(manualOf(p, 'event:response.completed')).toEqual({ statusOverride: 'ignored', notes: 'not ours' });
    expect(row(p.read(TRACKER), 'response.completed')).toMatch(/⛔ Ignored \(manual\) \| not ours \|$/);
  });
});

describe('tracker edits not yet stored', () => {
  it('check reports them (the tracker is not committed) until sync stores them', async () => {
    p = await synced();
    p.write(TRACKER, editRow(p.read(TRACKER), 'response.completed', { notes: 'only in the tracker' }));
    const check = await p.run('check', '--no-cache', '--format', 'json');
    expect(check.code).toBe(1);
    const findings = JSON.parse(check.stdout).findings as { kind: string; id?: string; message: string }[];
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'mapping-tracker-edit',
        id: 'event:response.completed',
        message: expect.stringContaining('notes edited in the tracker'),
      }),
    ]);
    expect((await p.run('sync')).code).toBe(0);
    expect((await p.run('check', '--no-cache')).code).toBe(0);
  });

  it('an edit on the row of an event that left the sources is kept as an orphan', async () => {
    p = await synced();
    p.write(TRACKER, editRow(p.read(TRACKER), 'response.completed', { notes: 'written before the event went away' }));
    p.write('docs/DOC_streaming_events.md', p.read('docs/DOC_streaming_events.md').replace(/## response\.completed[\s\S]*$/, ''));
    expect((await p.run('sync')).code).toBe(0);
    const mapping = JSON.parse(p.read('mapping.json'));
    expect(mapping.items['event:response.completed']).toBeUndefined();
    expect(mapping.orphans['event:response.completed'].manual).toEqual({ notes: 'written before the event went away' });
  });
});
