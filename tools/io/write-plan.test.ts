import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../diagnostics/errors.js';
import { writeFileAtomic } from './atomic.js';
import { toJsonText } from './json.js';
import { applyPlan, planWrites, resolveInside } from './write-plan.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'specmap-io-'));

describe('toJsonText', () => {
  it.each([
    [{ a: [1, { b: null }] }, '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}\n'],
    [[], '[]\n'],
    ['x', '"x"\n'],
  ])('%j', (value, want) => {
    expect(toJsonText(value)).toBe(want);
  });
});

describe('planWrites / applyPlan', () => {
  it('writes new and changed files, leaves identical ones alone', () => {
    const root = fresh();
    writeFileSync(join(root, 'same.json'), 'same\n');
    writeFileSync(join(root, 'old.json'), 'old\n');
    const plan = planWrites(root, [
      { path: 'same.json', content: 'same\n', producedBy: 't' },
      { path: 'old.json', content: 'new\n', producedBy: 't' },
      { path: 'deep/new.json', content: 'fresh\n', producedBy: 't' },
    ]);
    expect(plan.unchanged.map((f) => f.path)).toEqual(['same.json']);
    expect(plan.changed.map((c) => [c.file.path, c.before])).toEqual([
      ['old.json', 'old\n'],
      ['deep/new.json', undefined],
    ]);
    expect(applyPlan(plan)).toEqual(['old.json', 'deep/new.json']);
    expect(readFileSync(join(root, 'old.json'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(root, 'deep/new.json'), 'utf8')).toBe('fresh\n');
    expect(applyPlan(planWrites(root, [{ path: 'old.json', content: 'new\n', producedBy: 't' }]))).toEqual([]);
  });

  it('refuses two outputs for one path', () => {
    const root = fresh();
    const file = { path: 'a.json', content: '', producedBy: 't' };
    expect(() => planWrites(root, [file, file])).toThrow(GeneratorError);
  });

  it.each(['../outside.json', '/etc/passwd', '.', 'a/../../b'])('refuses %j outside the workspace', (path) => {
    expect(() => resolveInside(fresh(), path)).toThrow(GeneratorError);
  });

  it('writeFileAtomic leaves no temporary file behind', () => {
    const root = fresh();
    writeFileAtomic(join(root, 'x/y.txt'), 'hello');
    expect(readFileSync(join(root, 'x/y.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(join(root, 'x'))).toEqual(['y.txt']);
    expect(existsSync(join(root, 'x/.y.txt.tmp'))).toBe(false);
  });
});
