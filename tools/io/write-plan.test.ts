import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../diagnostics/errors.js';
import { removeStaleTemps, writeFileAtomic } from './atomic.js';
import { toJsonText } from './json.js';
import { applyPlan, outputSha256, planWrites, resolveInside } from './write-plan.js';

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

  it.each([
    ['the same non-ASCII text', 'é — 😀\n', 'é — 😀\n', true],
    ['text one byte longer', 'abc', 'abcd', false],
    ['the same length, another character', 'é', 'è', false],
    ['a lone surrogate, written as U+FFFD', '\uFFFD', '\uD800', true],
    ['an empty file for empty content', '', '', true],
  ])('compares bytes: %s', (_name, onDisk, content, same) => {
    const root = fresh();
    writeFileSync(join(root, 'a.txt'), onDisk);
    const plan = planWrites(root, [{ path: 'a.txt', content, producedBy: 't' }]);
    expect(plan.unchanged.length === 1).toBe(same);
    if (!same) expect(plan.changed[0]?.before).toBe(onDisk);
  });

  it('an unchanged file records the hash of its bytes for the writing run', () => {
    const root = fresh();
    writeFileSync(join(root, 'a.json'), 'ünchanged\n');
    const file = { path: 'a.json', content: 'ünchanged\n', producedBy: 't' };
    planWrites(root, [file]);
    expect(outputSha256(file)).toBe(
      createHash('sha256')
        .update(readFileSync(join(root, 'a.json')))
        .digest('hex'),
    );
  });

  it('refuses existing files in a folder linked outside, and a file linked outside, without reading them', () => {
    const outside = fresh();
    writeFileSync(join(outside, 'a.json'), 'secret\n');
    const root = fresh();
    symlinkSync(outside, join(root, 'generated'));
    symlinkSync(join(outside, 'a.json'), join(root, 'b.json'));
    for (const path of ['generated/a.json', 'b.json']) {
      expect(() => planWrites(root, [{ path, content: 'x\n', producedBy: 't' }])).toThrow(/leads outside the project/);
    }
    expect(readFileSync(join(outside, 'a.json'), 'utf8')).toBe('secret\n');
  });

  it('reads through a link to a file inside the project, and a folder linked inside', () => {
    const root = fresh();
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real/a.json'), 'same\n');
    symlinkSync(join(root, 'real'), join(root, 'linked'));
    symlinkSync(join(root, 'real/a.json'), join(root, 'b.json'));
    const plan = planWrites(root, [
      { path: 'linked/a.json', content: 'same\n', producedBy: 't' },
      { path: 'b.json', content: 'same\n', producedBy: 't' },
    ]);
    expect(plan.unchanged.map((f) => f.path)).toEqual(['linked/a.json', 'b.json']);
  });

  it('writeFileAtomic leaves no temporary file behind', () => {
    const root = fresh();
    writeFileAtomic(join(root, 'x/y.txt'), 'hello');
    expect(readFileSync(join(root, 'x/y.txt'), 'utf8')).toBe('hello');
    expect(readdirSync(join(root, 'x'))).toEqual(['y.txt']);
    expect(existsSync(join(root, 'x/.y.txt.tmp'))).toBe(false);
  });

  it('is all or nothing: a refused file leaves every output as it was, and no temporary file', () => {
    const root = fresh();
    writeFileSync(join(root, 'a.json'), 'old a\n');
    writeFileSync(join(root, 'b.json'), 'old b\n');
    chmodSync(join(root, 'b.json'), 0o444);
    const plan = planWrites(root, [
      { path: 'a.json', content: 'new a\n', producedBy: 't' },
      { path: 'b.json', content: 'new b\n', producedBy: 't' },
    ]);
    expect(() => applyPlan(plan)).toThrow(/b\.json is read-only/);
    expect(readFileSync(join(root, 'a.json'), 'utf8')).toBe('old a\n');
    expect(readdirSync(root).sort()).toEqual(['a.json', 'b.json']);
  });

  it('refuses to replace a file edited after the plan read it, and writes nothing', () => {
    const root = fresh();
    writeFileSync(join(root, 'a.json'), 'old a\n');
    writeFileSync(join(root, 'b.json'), 'old b\n');
    const plan = planWrites(root, [
      { path: 'a.json', content: 'new a\n', producedBy: 't' },
      { path: 'b.json', content: 'new b\n', producedBy: 't' },
    ]);
    writeFileSync(join(root, 'b.json'), 'a human saved this\n');
    expect(() => applyPlan(plan)).toThrow(/b\.json changed while specmap ran/);
    expect(readFileSync(join(root, 'a.json'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(root, 'b.json'), 'utf8')).toBe('a human saved this\n');
    expect(readdirSync(root).sort()).toEqual(['a.json', 'b.json']);
  });

  it.each([
    ['an unrelated dotfile', '.env', true],
    ['a temp of a live run (ours)', `.x.json.${process.pid}.1.tmp`, true],
    ['a temp of a dead run', '.x.json.999999999.1.tmp', false],
    ['a file that only ends in .tmp', 'x.tmp', true],
  ])('removeStaleTemps: %s stays %s', (_name, name, stays) => {
    const root = fresh();
    writeFileSync(join(root, name), '');
    removeStaleTemps(root);
    expect(existsSync(join(root, name))).toBe(stays);
  });
});
