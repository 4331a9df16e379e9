import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaneConfig } from '../config/schema.js';
import { expandLanes } from './expand-lanes.js';
import type { AnalyzerWarning } from './facts.js';

type Lane = Pick<LaneConfig, 'name' | 'include' | 'exclude' | 'language'>;

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'specmap-lanes-'));
  for (const f of ['a.ts', 'b.py', 'x.test.ts', 'dir/c.ts', 'dir/deeper/d.ts', 'dir/test_e.py', 'trace.sse', 'notes.md']) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '\n');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sources: Omit<Lane, 'name'> = { include: ['**/*.ts', 'missing/**'], exclude: ['**/*.test.ts'], language: 'auto' };

describe('expandLanes', () => {
  it('gives lanes that select alike the same files and each its own warnings, as if each were expanded alone', async () => {
    const lanes: Lane[] = [
      { name: 'definition', ...sources },
      { name: 'handler', ...sources },
      { name: 'python-only', ...sources, language: 'python' },
      { name: 'tests', include: ['**/*.test.ts', '**/test_*.py'], exclude: [], language: 'auto' },
      { name: 'emitter', ...sources },
      { name: 'everything', include: ['**/*'], exclude: [], language: 'auto' },
    ];
    const warnings: AnalyzerWarning[] = [];
    const together = await expandLanes(root, lanes, warnings);
    expect(together.files.definition).toEqual(['a.ts', 'dir/c.ts', 'dir/deeper/d.ts']);
    expect(together.files['python-only']).toEqual([]);
    expect(together.files.everything).toEqual(['a.ts', 'b.py', 'dir/c.ts', 'dir/deeper/d.ts', 'dir/test_e.py', 'trace.sse', 'x.test.ts']);
    // A copy each: a caller that changes one lane's list changes no other.
    expect(together.files.handler).not.toBe(together.files.definition);
    expect(warnings.map((w) => w.message.match(/lane "([^"]+)"/)?.[1])).toEqual(['definition', 'handler', 'python-only', 'emitter']);
    for (const lane of lanes) {
      const alone: AnalyzerWarning[] = [];
      const one = await expandLanes(root, [lane], alone);
      expect(together.files[lane.name], lane.name).toEqual(one.files[lane.name]);
      expect(warnings.filter((w) => w.message.includes(`lane "${lane.name}"`))).toEqual(alone);
    }
    expect([...together.languages]).toEqual(
      expect.arrayContaining([
        ['a.ts', 'typescript'],
        ['b.py', 'python'],
        ['trace.sse', 'trace'],
      ]),
    );
    expect(together.languages.size).toBe(7);
  });
});
