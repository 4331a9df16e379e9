/**
 * `specmap init` on the three kinds of repository (in-process; on a terminal, dist/cli.js built by
 * `npm test`): what it finds, the lanes it proposes (every include glob matches files), the targets
 * per language, the .gitignore entries, and that it writes only with --yes (the tests run without a
 * terminal).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchRepos, type RepoKind } from './repos.js';
import { CLI, specmapInProcess } from './run.js';

const repo = scratchRepos({ beforeAll, afterAll }, CLI);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

interface InitJson {
  written: string[];
  found: { python: number; typescript: number; tests: number; traces: number; frameworks: { id: string; file: string }[] };
  sources: string[];
  lanes: { name: string; include: string[]; exclude?: string[]; kinds: string[]; files: number }[];
  targets: string[];
  implemented: string[];
  gitignore: string[];
  next: string;
}

/** util-linux `script` gives the CLI a terminal, so init asks; elsewhere the case is skipped. */
const HAS_SCRIPT = process.platform === 'linux' && spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function initOnTerminal(dir: string, answer: string): string {
  const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} init`, '/dev/null'], {
    cwd: dir,
    input: `${answer}\n`,
    encoding: 'utf8',
  });
  return r.stdout;
}

const PAGES = ['docs/DOC_conversations.md', 'docs/DOC_responses.md', 'docs/DOC_streaming_events.md'];
const PRODUCTS = ['spec/model.json', 'generated/', 'reports/', '.specmap/'];

describe('specmap init proposes a config from what the repository holds', () => {
  it.each<[RepoKind, { frameworks: string[]; lanes: [string, string[], string[]][]; targets: string[] }]>([
    ['empty', { frameworks: [], lanes: [], targets: ['tracker'] }],
    [
      'python',
      {
        frameworks: ['pydantic', 'fastapi', 'decorator-routes'],
        lanes: [
          ['inbound', ['app/**/*.py'], ['definition']],
          ['outbound', ['app/**/*.py'], ['emitter']],
          ['server', ['app/**/*.py'], ['route', 'param']],
          ['golden', ['tests/**/*.py', 'traces/**/*.sse'], ['test']],
        ],
        targets: ['tracker', 'pydantic'],
      },
    ],
    [
      'ts',
      {
        frameworks: ['zod', 'ts-types', 'switch-handlers', 'nextjs'],
        lanes: [
          ['frontend', ['app/**/*.ts', 'src/**/*.ts'], ['definition']],
          ['handler', ['app/**/*.ts', 'src/**/*.ts'], ['handler']],
          ['outbound', ['app/**/*.ts', 'src/**/*.ts'], ['emitter']],
          ['server', ['app/**/*.ts', 'src/**/*.ts'], ['route', 'param']],
          ['golden', ['**/*.test.ts'], ['test']],
        ],
        targets: ['zod', 'types', 'tracker'],
      },
    ],
  ])('%s repository', async (kind, want) => {
    const dir = repo(kind);
    const r = await specmapInProcess(dir, '--json', 'init');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as InitJson;
    expect(plan.written).toEqual([]);
    expect(plan.sources).toEqual(PAGES);
    expect(plan.found.frameworks.map((f) => f.id)).toEqual(want.frameworks);
    expect(plan.lanes.map((l) => [l.name, l.include, l.kinds])).toEqual(want.lanes);
    // Every proposed lane matches real files.
    for (const l of plan.lanes) expect(l.files, l.name).toBeGreaterThan(0);
    expect(plan.targets).toEqual(want.targets);
    expect(plan.gitignore).toEqual(PRODUCTS);
    expect(plan.next).toBe('npx specmap sync');
    expect(existsSync(join(dir, 'specmap.config.json'))).toBe(false);
  });

  it('the TS app keeps its test file out of the code lanes, and route lanes out of Implemented', async () => {
    const plan = JSON.parse((await specmapInProcess(repo('ts'), '--json', 'init')).stdout) as InitJson;
    expect(plan.lanes.find((l) => l.name === 'frontend')?.exclude).toEqual(['**/*.test.ts']);
    expect(plan.implemented).toEqual(['frontend', 'handler', 'outbound', 'golden']);
  });

  it('prints what it found and, without a terminal and without --yes, writes nothing', async () => {
    const dir = repo('python');
    const r = await specmapInProcess(dir, 'init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  python: 3 files (Pydantic models in app/events.py; FastAPI routes in app/main.py; decorator routes in app/main.py)\n',
    );
    expect(r.stdout).toContain('  tests: 1 file; recorded traces: 1 file\n');
    expect(r.stdout).toContain('  outbound  emitter: app/**/*.py (3 files)\n');
    expect(r.stdout).toContain('generate: tracker, pydantic\n');
    expect(r.stdout).toContain('.gitignore: add spec/model.json, generated/, reports/, .specmap/\n');
    expect(r.stdout).toMatch(
      /nothing written \(not a terminal, so not asked\): run `specmap init --yes` to write specmap\.config\.json and \.gitignore\n$/,
    );
    expect(existsSync(join(dir, 'specmap.config.json'))).toBe(false);
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
  });

  it('--yes writes the config and .gitignore, keeps existing ignore lines, and names sync as the next step', async () => {
    const dir = repo('python');
    writeFileSync(join(dir, '.gitignore'), '__pycache__/\n/reports\n');
    const r = await specmapInProcess(dir, 'init', '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nwrote specmap\.config\.json, \.gitignore\nnext: npx specmap sync\n$/);
    expect(read(dir, '.gitignore')).toBe(
      '__pycache__/\n/reports\n\n# specmap build products (`specmap sync` writes them; mapping.json is committed)\nspec/model.json\ngenerated/\n.specmap/\n',
    );
    const config = JSON.parse(read(dir, 'specmap.config.json'));
    expect(config.workspace).toBe('.');
    expect(config.generate).toEqual({ targets: ['tracker', 'pydantic'] });
    expect(existsSync(join(dir, config.$schema))).toBe(true);
  });

  it.skipIf(!HAS_SCRIPT)('on a terminal it asks, writes on yes and writes nothing on no', () => {
    const yes = repo('python');
    expect(initOnTerminal(yes, 'y')).toMatch(
      /write specmap\.config\.json and \.gitignore\? \[Y\/n\][\s\S]*wrote specmap\.config\.json, \.gitignore\r?\nnext: npx specmap sync/,
    );
    expect(existsSync(join(yes, 'specmap.config.json'))).toBe(true);
    const no = repo('python');
    expect(initOnTerminal(no, 'n')).toMatch(/nothing written\r?\n$/);
    expect(existsSync(join(no, 'specmap.config.json'))).toBe(false);
    expect(existsSync(join(no, '.gitignore'))).toBe(false);
  });

  it('the same repository gives the same bytes', async () => {
    const a = repo('ts');
    const b = repo('ts');
    await specmapInProcess(a, 'init', '--yes');
    await specmapInProcess(b, 'init', '--yes');
    expect(read(a, 'specmap.config.json')).toBe(read(b, 'specmap.config.json'));
  });

  it('refuses to overwrite an existing config: exit 2 with a hint, file unchanged', async () => {
    const dir = repo('empty');
    writeFileSync(join(dir, 'specmap.config.json'), '{}\n');
    const r = await specmapInProcess(dir, 'init', '--yes');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('specmap.config.json:1:1: error Found an existing config `specmap.config.json`, expected no file there');
    expect(r.stderr).toContain('fix: edit the file, or pass --config <new-file>');
    expect(read(dir, 'specmap.config.json')).toBe('{}\n');
  });

  it('--source and --config choose the pages and the file; the next step names that config', async () => {
    const dir = repo('empty');
    const r = await specmapInProcess(dir, '--config', 'cfg.json', 'init', '--yes', '--source', 'docs/DOC_streaming_events.md');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/next: npx specmap --config cfg\.json sync\n$/);
    expect(JSON.parse(read(dir, 'cfg.json')).sources).toEqual([{ path: 'docs/DOC_streaming_events.md' }]);
  });

  it('with no reference pages, says so and writes a placeholder source', async () => {
    const dir = repo('empty');
    rmSync(join(dir, 'docs'), { recursive: true });
    const r = await specmapInProcess(dir, '--json', 'init');
    expect((JSON.parse(r.stdout) as InitJson & { placeholderSources: boolean }).placeholderSources).toBe(true);
    expect((await specmapInProcess(dir, 'init')).stdout).toContain(
      '  sources: none found (no DOC_*.md or openapi*.yaml); placeholder docs/DOC_*.md: put the reference pages there or edit `sources`\n',
    );
  });
});
