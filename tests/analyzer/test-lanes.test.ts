/**
 * A file is a test by its name (`*.test.ts`, `tests/`) or by the lanes that hold it: one a lane
 * that counts tests holds, and no lane that counts the stream's other kinds, is a test whatever it
 * is called (`checks/stream.mts`). Its cached facts follow the lanes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AnalyzeOptions, analyzeWorkspace } from '../../tools/analyzer/analyze-workspace.js';
import { fixtureModel, PATTERNS } from './fixture-model.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'specmap-test-lanes-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const STREAM = { name: 'stream', include: ['src/**/*.mts'], exclude: [], language: 'typescript' as const, kinds: ['emitter' as const] };
const CHECKS = { name: 'checks', include: ['checks/**/*.mts'], exclude: [], language: 'typescript' as const, kinds: ['test' as const] };

async function kinds(root: string, lanes: AnalyzeOptions['lanes'], cacheDir?: string): Promise<string[]> {
  const { facts } = await analyzeWorkspace({ root, lanes, model: fixtureModel, unknownLiteralPatterns: PATTERNS, cacheDir });
  return facts.filter((f) => f.literal === 'response.created').map((f) => `${f.file}:${f.line} ${f.kind}`);
}

const FILES = {
  'src/emit.mts': "export const created = () => ({ type: 'response.created' });\n",
  'checks/stream.mts': "export const sent = [{ type: 'response.created' }];\n",
};

describe('tests by their lanes', () => {
  it('takes a file only a lane of tests holds for a test, and one a lane of the stream holds too for what it is', async () => {
    const root = workspace(FILES);
    expect(await kinds(root, [STREAM, CHECKS])).toEqual(['checks/stream.mts:1 test', 'src/emit.mts:1 emitter']);
    // The same file in a lane of emitters as well: its facts are emitters, which that lane counts.
    const both = { ...STREAM, include: ['src/**/*.mts', 'checks/**/*.mts'] };
    expect(await kinds(root, [both, CHECKS])).toEqual(['checks/stream.mts:1 emitter', 'src/emit.mts:1 emitter']);
  });

  it('does not answer from facts cached while the lanes said otherwise', async () => {
    const root = workspace(FILES);
    const cacheDir = join(root, '.cache');
    const both = { ...STREAM, include: ['src/**/*.mts', 'checks/**/*.mts'] };
    expect(await kinds(root, [both], cacheDir)).toEqual(['checks/stream.mts:1 emitter', 'src/emit.mts:1 emitter']);
    expect(await kinds(root, [STREAM, CHECKS], cacheDir)).toEqual(['checks/stream.mts:1 test', 'src/emit.mts:1 emitter']);
    expect(await kinds(root, [both], cacheDir)).toEqual(['checks/stream.mts:1 emitter', 'src/emit.mts:1 emitter']);
  });
});
