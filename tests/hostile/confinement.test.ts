/** `cacheDir` and `workspace` are confined to the project like every other path. */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, tempDir, type Project } from './project.js';

let p: Project | undefined;
afterEach(() => {
  p?.cleanup();
  p = undefined;
});

describe('config paths outside the project', () => {
  it.each([
    ['an absolute cacheDir', () => join(tempDir('specmap-outside-'), 'cache')],
    ['a ../ cacheDir', (dir: string) => `../${basename(dir)}-escaped-cache`],
  ])('%s is refused with its position, and nothing is written there', async (_name, make) => {
    p = makeProject();
    const cacheDir = make(p.dir);
    p.config({ cacheDir });
    const sync = await p.run('sync');
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/specmap\.config\.json:\d+:\d+: error Found `cacheDir`.*expected a folder inside the project/);
    expect(sync.stderr).not.toContain('internal error');
    expect(existsSync(join(p.dir, cacheDir))).toBe(false);
    expect(existsSync(join(p.dir, 'mapping.json'))).toBe(false);
  });

  it('workspace "/" is refused without --allow-outside, naming the flag', async () => {
    p = makeProject();
    p.config({ workspace: '/', lanes: [{ name: 'py', title: 'Py', include: ['**/*.py'], kinds: ['definition'] }] });
    const started = await p.run('sync');
    expect(started.code).toBe(2);
    expect(started.stderr).toMatch(/specmap\.config\.json:\d+:\d+: error Found `workspace` `\/`.*inside the project/);
    expect(started.stderr).toContain('--allow-outside');
    expect(existsSync(join(p.dir, 'mapping.json'))).toBe(false);
  });

  it('a workspace outside the project is analyzed with --allow-outside', async () => {
    p = makeProject();
    const outside = tempDir('specmap-outside-ws-');
    writeFileSync(join(outside, 'events.ts'), "export interface ResponseCompletedEvent { type: 'response.completed' }\n");
    p.config({ workspace: outside, lanes: [{ name: 'frontend', title: 'Frontend', include: ['*.ts'], kinds: ['definition'] }] });
    expect((await p.run('map')).code).toBe(2);
    const allowed = await p.run('map', '--allow-outside');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(p.read('mapping.json')).toContain('ResponseCompletedEvent');
  });
});
