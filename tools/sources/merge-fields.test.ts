import { describe, expect, it } from 'vitest';
import type { Field } from '../model/schema.js';
import { mergeFieldDefs, mergeFieldLists, shapeOf } from './merge-fields.js';
import { plainField } from '../model/field.js';

const DOC = 'DOC.md';
const SPEC = 'spec.yaml';

function field(source: string, over: Partial<Field> = {}): Field {
  return plainField('f', { sources: [source], anchors: [`${source}:1`], ...over });
}

const merge = (doc: Partial<Field>, spec: Partial<Field>) =>
  mergeFieldDefs(
    [
      { source: DOC, kind: 'openai-docs', field: field(DOC, doc) },
      { source: SPEC, kind: 'openapi', field: field(SPEC, spec) },
    ],
    [DOC, SPEC],
    { Obj: { kind: 'object', fields: [] }, Choice: { kind: 'enum', values: ['a', 'b'] } },
  );

describe('mergeFieldDefs: conflicts', () => {
  it.each<[string, Partial<Field>, Partial<Field>, string[]]>([
    ['agreeing sources: none', {}, {}, []],
    ['docs object vs a ref to an object schema: same shape', { type: { kind: 'object' } }, { type: { kind: 'ref', name: 'Obj' } }, []],
    ['string vs a literal string: same shape', {}, { type: { kind: 'literal', value: 'x' } }, []],
    ['string vs integer', {}, { type: { kind: 'integer' } }, ['type']],
    ['unknown never conflicts', { type: { kind: 'unknown' } }, { type: { kind: 'integer' } }, []],
    ['required null (docs say nothing) never conflicts', { required: null }, { required: true }, []],
    ['required false vs true', { required: false }, { required: true }, ['required']],
    ['nullable', {}, { nullable: true }, ['nullable']],
    ['enum sets differ', { enum: ['a'] }, { enum: ['a', 'b'] }, ['enum']],
    ['enum order alone does not', { enum: ['b', 'a'] }, { enum: ['a', 'b'] }, []],
    ['only one has an enum', {}, { enum: ['a', 'b'] }, []],
    ['defaults differ', { default: 1 }, { default: 2 }, ['default']],
    ['deprecated', { deprecated: true }, {}, ['deprecated']],
  ])('%s', (_name, doc, spec, properties) => {
    expect((merge(doc, spec).conflicts ?? []).map((c) => c.property)).toEqual(properties);
  });

  it('records every source value of a conflict', () => {
    expect(merge({}, { nullable: true }).conflicts).toEqual([
      {
        property: 'nullable',
        values: [
          { source: DOC, value: false },
          { source: SPEC, value: true },
        ],
      },
    ]);
  });
});

describe('mergeFieldDefs: the merged field', () => {
  it('docs prose, typeText and anchors first; OpenAPI structure; permissive nullable; enum union', () => {
    const m = merge(
      { typeText: 'object', type: { kind: 'object' }, collapsed: true, description: 'from docs', enum: ['a'] },
      { type: { kind: 'ref', name: 'Obj' }, required: true, nullable: true, description: 'from spec', enum: ['a', 'b'] },
    );
    expect(m).toMatchObject({
      typeText: 'object',
      type: { kind: 'ref', name: 'Obj' },
      collapsed: false,
      required: true,
      nullable: true,
      enum: ['a', 'b'],
      description: 'from docs',
      sources: [DOC, SPEC],
      anchors: [`${DOC}:1`, `${SPEC}:1`],
    });
  });
});

describe('mergeFieldLists', () => {
  it('keeps the first list order, appends fields only later sources have, with a presence conflict', () => {
    const merged = mergeFieldLists(
      [
        { source: DOC, kind: 'openai-docs', fields: [field(DOC, { name: 'b' }), field(DOC, { name: 'a' })] },
        { source: SPEC, kind: 'openapi', fields: [field(SPEC, { name: 'a' }), field(SPEC, { name: 'c' })] },
      ],
      [DOC, SPEC],
      {},
    );
    expect(merged.map((f) => [f.name, f.sources, f.conflicts?.map((c) => c.property) ?? []])).toEqual([
      ['b', [DOC], ['presence']],
      ['a', [DOC, SPEC], []],
      ['c', [SPEC], ['presence']],
    ]);
    expect(merged[2]!.conflicts![0]!.values).toEqual([
      { source: DOC, value: false },
      { source: SPEC, value: true },
    ]);
  });
});

describe('shapeOf', () => {
  it.each<[string, Parameters<typeof shapeOf>[0], string[] | undefined]>([
    ['union of string and object', { kind: 'union', variants: [{ kind: 'string' }, { kind: 'map' }] }, ['object', 'string']],
    ['enum of strings', { kind: 'enum', values: ['a', 'b'] }, ['string']],
    ['ref to an enum schema', { kind: 'ref', name: 'Choice' }, ['string']],
    ['unknown', { kind: 'unknown' }, undefined],
    ['null is left to `nullable`', { kind: 'union', variants: [{ kind: 'string' }, { kind: 'null' }] }, ['string']],
    ['null alone stays null', { kind: 'null' }, ['null']],
  ])('%s', (_name, type, want) => {
    expect(shapeOf(type, { Choice: { kind: 'enum', values: ['a'] } })).toEqual(want);
  });
});
