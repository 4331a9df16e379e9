/** mapping.json holds human words: duplicate keys, orphan names, read-only and temp files never cost one. */
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../tools/diagnostics/errors.js';
import { carryManual } from '../../tools/mapping/manual.js';
import { parseMapping } from '../../tools/mapping/read.js';
import { deadPid, makeProject, type Project } from './project.js';

let p: Project | undefined;
afterEach(() => {
  p?.cleanup();
  p = undefined;
});

/** A synced mapping.json text in which the item `event:response.completed` appears twice, each with its own note. */
function withDuplicateItem(text: string): string {
  const mapping = JSON.parse(text);
  mapping.items['event:response.completed'].manual = { notes: 'first note' };
  const json = JSON.stringify(mapping, null, 2);
  const entry = JSON.stringify({ ...mapping.items['event:response.completed'], manual: { notes: 'second note' } }, null, 2).replace(
    /\n/g,
    '\n    ',
  );
  return json.replace('"items": {', `"items": {\n    "event:response.completed": ${entry},`) + '\n';
}

describe('duplicate keys in mapping.json', () => {
  it('parseMapping names both locations', async () => {
    const text = '{\n  "items": {\n    "event:a": {},\n    "event:a": {}\n  }\n}\n';
    try {
      parseMapping(text, 'mapping.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const [d] = (error as InputError).diagnostics;
      expect(d).toMatchObject({ code: 'mapping-duplicate-key', line: 4, column: 5 });
      expect(d!.message).toContain('first at mapping.json:3:5');
    }
  });

  it('sync and check stop with exit 2, and mapping.json keeps both notes', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    const text = withDuplicateItem(p.read('mapping.json'));
    p.write('mapping.json', text);
    const check = await p.run('check', '--no-cache');
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(
      /mapping\.json:\d+:\d+: error Found key `event:response\.completed` in `items` a second time \(first at mapping\.json:\d+:\d+\)/,
    );
    expect(check.stdout + check.stderr).not.toMatch(/specmap sync/);
    const sync = await p.run('sync');
    expect(sync.code).toBe(2);
    expect(p.read('mapping.json')).toBe(text);
  });
});

describe('orphan names', () => {
  it('with `X (3)` present and `X (2)` absent, the next orphan of X takes `X (2)`', async () => {
    const orphan = (notes: string) => ({ manual: { notes }, origin: 'o' });
    const previous = {
      items: { 'event:x': { manual: { notes: 'newest' } } },
      orphans: { 'event:x': orphan('one'), 'event:x (3)': orphan('three') },
    };
    const { orphans } = carryManual(previous, new Set());
    expect(Object.keys(orphans).sort()).toEqual(['event:x', 'event:x (2)', 'event:x (3)']);
    expect(orphans['event:x (3)']!.manual).toEqual({ notes: 'three' });
    expect(orphans['event:x (2)']!.manual).toEqual({ notes: 'newest' });
  });
});

describe('a read-only mapping.json', () => {
  it('is refused with exit 2 naming it, and left as it was (also for root)', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    p.write('src/events.ts', "export interface ResponseCompletedEvent { type: 'response.completed' }\n");
    const before = p.read('mapping.json');
    chmodSync(join(p.dir, 'mapping.json'), 0o444);
    const sync = await p.run('sync');
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/mapping\.json:1:1: error Found a read-only file `mapping\.json`/);
    expect(sync.stderr).not.toContain('internal error');
    expect(p.read('mapping.json')).toBe(before);
    expect(statSync(join(p.dir, 'mapping.json')).mode & 0o777).toBe(0o444);
  });
});

describe('temporary files of a run killed between write and rename', () => {
  it('do not fail check, and sync removes ours (and only ours)', async () => {
    p = makeProject();
    expect((await p.run('sync')).code).toBe(0);
    const stale = `.tracker.md.${deadPid()}.1700000000000.tmp`;
    p.write(`generated/${stale}`, 'half');
    p.write(`.mapping.json.${deadPid()}.1700000000000.tmp`, '{');
    p.write('generated/notes.tmp', 'a user file that only looks temporary');
    const check = await p.run('check', '--no-cache');
    expect(check.stdout).not.toContain(stale);
    const sync = await p.run('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain('removed 2 temporary files');
    expect(readdirSync(join(p.dir, 'generated')).sort()).toEqual(['notes.tmp', 'tracker.md']);
    expect(readdirSync(p.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(p.dir, 'generated/notes.tmp'))).toBe(true);
  });
});
