/**
 * The analyzer takes the stat the run's start took of each lane file (a memo's start fingerprint
 * looks at every one of them moments before) instead of looking again; a file the start did not
 * look at is looked at now. What it analyzes is then the workspace as the start saw it: a file
 * written since, whose facts the cache holds for the stat the start saw, is answered from the cache.
 */
import { mkdirSync, mkdtempSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../tools/analyzer/index.js';
import { fixtureModel, PATTERNS } from './fixture-model.js';

const root = mkdtempSync(join(tmpdir(), 'specmap-start-stats-'));
mkdirSync(join(root, 'src'));
const created = "export const isCreated = (e: { type: string }) => e.type === 'response.created';\n";
const completed = "export const isDone = (e: { type: string }) => e.type === 'response.completed';\n";
writeFileSync(join(root, 'src/events.ts'), created);
writeFileSync(join(root, 'src/other.ts'), completed);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const lanes = [{ name: 'code', include: ['src/**/*.ts'], exclude: [], language: 'typescript' as const }];
const run = (statAt?: (abs: string) => Stats | undefined, cacheDir?: string) =>
  analyzeWorkspace({
    root,
    lanes,
    model: fixtureModel,
    unknownLiteralPatterns: PATTERNS,
    ...(statAt ? { statAt } : {}),
    ...(cacheDir ? { cacheDir } : {}),
  });
const literals = (facts: { file: string; literal?: string }[]) => facts.map((f) => `${f.file} ${f.literal}`).sort();

describe('the stats of the run start', () => {
  it('are asked for each lane file; a file they lack is looked at by the analyzer itself', async () => {
    const asked: string[] = [];
    const events = join(root, 'src/events.ts');
    const withStats = await run((abs) => {
      asked.push(abs);
      return abs === events ? statSync(abs) : undefined;
    });
    expect(asked.sort()).toEqual([events, join(root, 'src/other.ts')]);
    expect(literals(withStats.facts)).toEqual(literals((await run()).facts));
    expect(literals(withStats.facts)).toEqual(
      expect.arrayContaining(['src/events.ts response.created', 'src/other.ts response.completed']),
    );
  });

  it('stand for the file as the start saw it: one written since is answered from the cache', async () => {
    const cacheDir = join(root, '.cache');
    const path = join(root, 'src/events.ts');
    expect((await run(undefined, cacheDir)).stats.parsed).toBe(2);
    const atStart = statSync(path);
    writeFileSync(path, `${created}// written after the start\n${completed}`);
    const asStarted = await run((abs) => (abs === path ? atStart : statSync(abs)), cacheDir);
    expect(asStarted.stats.cached).toBe(2);
    expect(literals(asStarted.facts).filter((l) => l.startsWith('src/events.ts'))).toEqual(['src/events.ts response.created']);
    // Looked at now, the file is what was written.
    const now = await run(undefined, cacheDir);
    expect(literals(now.facts).filter((l) => l.startsWith('src/events.ts'))).toEqual([
      'src/events.ts response.completed',
      'src/events.ts response.created',
    ]);
  });
});
