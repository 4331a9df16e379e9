/** Symlinks must not lead specmap outside the project, neither when it reads code nor when it writes. */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandLanes } from '../../tools/analyzer/expand-lanes.js';
import type { AnalyzerWarning } from '../../tools/analyzer/facts.js';
import { makeProject, tempDir, type Project } from './project.js';

let p: Project | undefined;
afterEach(() => {
  p?.cleanup();
  p = undefined;
});

describe('reading: lane files whose real path leaves the workspace', () => {
  it('are not analyzed: their content reaches neither mapping.json nor the report, and a warning names them', async () => {
    p = makeProject();
    const outside = tempDir('specmap-outside-');
    writeFileSync(join(outside, 'secret.ts'), "export interface LeakedSecretEvent { type: 'response.completed' }\n");
    symlinkSync(join(outside, 'secret.ts'), join(p.dir, 'src/linked.ts'));
    const sync = await p.run('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/src\/linked\.ts.*outside the workspace/);
    expect(p.read('mapping.json')).not.toContain('LeakedSecretEvent');
    expect(p.read('reports/report.json')).not.toContain('LeakedSecretEvent');
    expect(p.read('generated/tracker.md')).not.toContain('LeakedSecretEvent');
  });

  it.each([
    ['the lane folder itself is the link (the walk starts inside it)', ['src/**/*.ts']],
    ['a fixed file under the linked folder', ['src/secret.ts']],
    ['the link is met on the walk', ['**/*.ts']],
  ])('a linked folder leading outside: %s', async (_name, include) => {
    p = makeProject();
    const outside = tempDir('specmap-outside-');
    writeFileSync(join(outside, 'secret.ts'), "export interface LeakedSecretEvent { type: 'response.completed' }\n");
    rmSync(join(p.dir, 'src'), { recursive: true });
    symlinkSync(outside, join(p.dir, 'src'));
    const warnings: AnalyzerWarning[] = [];
    const { files } = await expandLanes(p.dir, [{ name: 'frontend', include, exclude: [], language: 'auto' }], warnings);
    expect(files.frontend).toEqual([]);
    expect(warnings.map((w) => w.file)).toContain('src/secret.ts');
    rmSync(outside, { recursive: true, force: true });
  });

  it('a linked folder two levels above where the walk starts, leading outside', async () => {
    p = makeProject();
    const outside = tempDir('specmap-outside-');
    mkdirSync(join(outside, 'src'));
    writeFileSync(join(outside, 'src/secret.ts'), "export interface LeakedSecretEvent { type: 'response.completed' }\n");
    symlinkSync(outside, join(p.dir, 'deep'));
    const warnings: AnalyzerWarning[] = [];
    const { files } = await expandLanes(
      p.dir,
      [{ name: 'frontend', include: ['deep/src/**/*.ts'], exclude: [], language: 'auto' }],
      warnings,
    );
    expect(files.frontend).toEqual([]);
    expect(warnings.map((w) => w.file)).toContain('deep/src/secret.ts');
    rmSync(outside, { recursive: true, force: true });
  });

  it('a folder linked inside the workspace, where the walk starts: its files are taken by their shorter real path', async () => {
    p = makeProject();
    symlinkSync(join(p.dir, 'src'), join(p.dir, 'alias'));
    const warnings: AnalyzerWarning[] = [];
    const { files } = await expandLanes(
      p.dir,
      [{ name: 'frontend', include: ['alias/**/*.ts', 'src/**/*.ts'], exclude: [], language: 'auto' }],
      warnings,
    );
    expect(files.frontend).toEqual(['alias/events.ts']);
    expect(warnings).toEqual([]);
  });

  it('a link loop is visited once: each file is analyzed by one path', async () => {
    p = makeProject();
    symlinkSync('..', join(p.dir, 'src/loop'));
    const warnings: AnalyzerWarning[] = [];
    const { files } = await expandLanes(p.dir, [{ name: 'frontend', include: ['src/**/*.ts'], exclude: [], language: 'auto' }], warnings);
    expect(files.frontend).toEqual(['src/events.ts']);
    const sync = await p.run('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(p.read('mapping.json').match(/"file": "src\/[^"]*events\.ts"/g)).toEqual(['"file": "src/events.ts"']);
  });

  it('a workspace whose globs match more files than the limit fails with a clear error', async () => {
    p = makeProject();
    for (let i = 0; i < 5; i++) writeFileSync(join(p.dir, `src/f${i}.ts`), '');
    await expect(
      expandLanes(p.dir, [{ name: 'frontend', include: ['src/**/*.ts'], exclude: [], language: 'auto' }], [], { maxFiles: 3 }),
    ).rejects.toThrow(/more than 3 files/);
  });
});

describe('writing through symlinks', () => {
  it('sync refuses a generated/ folder linked outside the project and writes nothing there', async () => {
    p = makeProject();
    const outside = tempDir('specmap-outside-');
    symlinkSync(outside, join(p.dir, 'generated'));
    const sync = await p.run('sync');
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/generated\/tracker\.md.*symlink/);
    expect(sync.stderr).not.toContain('internal error');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(p.dir, 'mapping.json'))).toBe(false);
  });

  it('a symlinked mapping.json inside the project is written through, and stays a link', async () => {
    p = makeProject();
    mkdirSync(join(p.dir, 'data'));
    writeFileSync(join(p.dir, 'data/mapping.json'), '');
    expect((await p.run('sync')).code).toBe(0);
    const real = readFileSync(join(p.dir, 'mapping.json'), 'utf8');
    // Replace the file by a link to a copy inside the project, then change what sync must write.
    writeFileSync(join(p.dir, 'data/mapping.json'), real);
    rmSync(join(p.dir, 'mapping.json'));
    symlinkSync('data/mapping.json', join(p.dir, 'mapping.json'));
    p.write('src/events.ts', "export interface ResponseCompletedEvent { type: 'response.completed' }\n");
    const sync = await p.run('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(lstatSync(join(p.dir, 'mapping.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(p.dir, 'data/mapping.json'), 'utf8')).toContain('ResponseCompletedEvent');
  });

  it('a mapping.json linked to a file outside the project is refused, and the outside file is untouched', async () => {
    p = makeProject();
    const outside = tempDir('specmap-outside-');
    writeFileSync(join(outside, 'mapping.json'), '');
    symlinkSync(join(outside, 'mapping.json'), join(p.dir, 'mapping.json'));
    const sync = await p.run('sync');
    expect(sync.code).toBe(2);
    expect(sync.stderr).toMatch(/mapping\.json.*outside the project/);
    expect(readFileSync(join(outside, 'mapping.json'), 'utf8')).toBe('');
  });
});
