import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { TypeExpr } from '../model/schema.js';
import { checkModelNesting, deepestNesting } from './limits.js';
import { emptyExtract, type SourceExtract } from './source-extract.js';

describe('deepestNesting', () => {
  it.each([
    ['prose', 'a\nb\n', 0],
    ['one list', '- a\n- b\n', 1],
    ['a nested list by indentation', '- a\n  - b\n    - c\n', 3],
    ['markers on one line', '- > 1. x\n', 3],
    ['fenced code does not count', '```\n- - - - -\n```\n', 0],
    ['a tab is four columns', '\t- x\n', 3],
  ])('%s', (_n, text, depth) => expect(deepestNesting(text).depth).toBe(depth));
});

describe('checkModelNesting', () => {
  const extract = (schemas: Record<string, TypeExpr>): SourceExtract => ({
    ...emptyExtract({ id: 'a.yaml', kind: 'openapi', path: 'a.yaml', sha256: '0'.repeat(64) }),
    schemas,
  });
  const arrays = (n: number): TypeExpr => (n === 0 ? { kind: 'string' } : { kind: 'array', items: arrays(n - 1) });
  it.each([
    [63, true],
    [64, false],
  ])('%i arrays around a string: within the limit = %s', (n, ok) => {
    const bag = new DiagnosticBag();
    expect(checkModelNesting(extract({ Deep: arrays(n) }), bag)).toBe(ok);
    expect(bag.items.map((d) => d.code)).toEqual(ok ? [] : ['source-too-deep']);
  });
});
