import { describe, expect, it } from 'vitest';
import type { TypeExpr } from '../../model/schema.js';
import { looksLikeTypeLine, parseTypeWords } from './type-expr.js';

describe('parseTypeWords', () => {
  const cases: [string, { type: TypeExpr; nullable: boolean; unknown: string[] }][] = [
    ['string', { type: { kind: 'string' }, nullable: false, unknown: [] }],
    ['integer', { type: { kind: 'integer' }, nullable: false, unknown: [] }],
    ['number', { type: { kind: 'number' }, nullable: false, unknown: [] }],
    ['boolean', { type: { kind: 'boolean' }, nullable: false, unknown: [] }],
    ['array', { type: { kind: 'array' }, nullable: false, unknown: [] }],
    ['map', { type: { kind: 'map' }, nullable: false, unknown: [] }],
    ['object', { type: { kind: 'object' }, nullable: false, unknown: [] }],
    ['null', { type: { kind: 'null' }, nullable: true, unknown: [] }],
    ['string or object', { type: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'object' }] }, nullable: false, unknown: [] }],
    ['integer or null', { type: { kind: 'integer' }, nullable: true, unknown: [] }],
    [
      'string or array or null',
      { type: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'array' }] }, nullable: true, unknown: [] },
    ],
    ['array of string', { type: { kind: 'array', items: { kind: 'string' } }, nullable: false, unknown: [] }],
    ['  String  ', { type: { kind: 'string' }, nullable: false, unknown: [] }],
    ['string, number', { type: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'number' }] }, nullable: false, unknown: [] }],
    ['strng', { type: { kind: 'unknown' }, nullable: false, unknown: ['strng'] }],
    [
      'string or widget',
      { type: { kind: 'union', variants: [{ kind: 'string' }, { kind: 'unknown' }] }, nullable: false, unknown: ['widget'] },
    ],
    ['array of gizmo', { type: { kind: 'array', items: { kind: 'unknown' } }, nullable: false, unknown: ['gizmo'] }],
  ];
  it.each(cases)('%j', (given, want) => {
    expect(parseTypeWords(given)).toEqual(want);
  });

  it('returns a fresh object each time (callers may mutate it)', () => {
    const a = parseTypeWords('string').type;
    (a as { format?: string }).format = 'uri';
    expect(parseTypeWords('string').type).toEqual({ kind: 'string' });
  });
});

describe('looksLikeTypeLine', () => {
  const cases: [string, boolean][] = [
    ['string', true],
    ['string or object', true],
    ['integer or null', true],
    ['array', true],
    ['strng', true], // reads like a type line, so the parser reports the word instead of skipping the field
    ['String', false],
    ['The id of the thing.', false],
    ['an item id that the thing carries and that goes on and on beyond the limit', false],
    ['Optional', false],
    ['`code`', false],
    ['', false],
  ];
  it.each(cases)('%j → %s', (given, want) => {
    expect(looksLikeTypeLine(given)).toBe(want);
  });
});
