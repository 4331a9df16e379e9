import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { Field, TypeExpr } from '../../model/schema.js';
import type { OpenApiContext } from './context.js';
import { LineLocator } from './line-locator.js';
import { convert, fieldOf, type Converted } from './to-type.js';

/** A context over a document whose only content is `components.schemas`. */
function context(schemas: Record<string, unknown>): OpenApiContext {
  const doc = { openapi: '3.1.0', components: { schemas } };
  return {
    doc,
    file: 'spec.yaml',
    locator: new LineLocator(JSON.stringify(doc, null, 2)),
    bag: new DiagnosticBag(),
    schemas: new Map(),
    reported: new Set(),
  };
}

const convertOne = (schema: Record<string, unknown>, others: Record<string, unknown> = {}) => {
  const ctx = context({ ...others, Subject: schema });
  return { out: convert(ctx, { value: schema, pointer: ['components', 'schemas', 'Subject'] }), ctx };
};

const str: TypeExpr = { kind: 'string' };

describe('convert: OpenAPI schema → TypeExpr + nullable', () => {
  it.each<[string, Record<string, unknown>, Converted]>([
    ['string with format', { type: 'string', format: 'uri' }, { type: { kind: 'string', format: 'uri' }, nullable: false }],
    ['3.0 nullable', { type: 'integer', nullable: true }, { type: { kind: 'integer' }, nullable: true }],
    ['3.1 type array with null', { type: ['string', 'null'] }, { type: str, nullable: true }],
    [
      '3.1 type array, two types',
      { type: ['string', 'number'] },
      { type: { kind: 'union', variants: [str, { kind: 'number' }] }, nullable: false },
    ],
    ['const', { const: 'done' }, { type: { kind: 'literal', value: 'done' }, nullable: false }],
    ['one-value enum is a literal', { type: 'string', enum: ['x'] }, { type: { kind: 'literal', value: 'x' }, nullable: false }],
    ['enum with null', { enum: ['a', 'b', null] }, { type: { kind: 'enum', values: ['a', 'b'] }, nullable: true }],
    ['anyOf with a null member', { anyOf: [{ type: 'string' }, { type: 'null' }] }, { type: str, nullable: true }],
    [
      'oneOf with a discriminator',
      { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }], discriminator: { propertyName: 'type' } },
      {
        type: {
          kind: 'union',
          variants: [
            { kind: 'ref', name: 'A' },
            { kind: 'ref', name: 'B' },
          ],
          discriminator: 'type',
        },
        nullable: false,
      },
    ],
    [
      'array of nullable items',
      { type: 'array', items: { type: 'string', nullable: true } },
      { type: { kind: 'array', items: { kind: 'union', variants: [str, { kind: 'null' }] } }, nullable: false },
    ],
    [
      'map',
      { type: 'object', additionalProperties: { type: 'integer' } },
      { type: { kind: 'map', values: { kind: 'integer' } }, nullable: false },
    ],
    ['open object', { type: 'object' }, { type: { kind: 'object' }, nullable: false }],
    ['closed empty object', { type: 'object', additionalProperties: false }, { type: { kind: 'object', fields: [] }, nullable: false }],
    ['no type at all', { description: 'anything' }, { type: { kind: 'unknown' }, nullable: false }],
    [
      'allOf alias keeps the ref',
      { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true },
      { type: { kind: 'ref', name: 'A' }, nullable: true },
    ],
  ])('%s', (_name, schema, want) => {
    const others = { A: { type: 'object', properties: { a: { type: 'string' } } }, B: { type: 'string' } };
    expect(convertOne(schema, others).out).toEqual(want);
  });

  it('allOf merges properties and required of every member, later members refining earlier ones', () => {
    const { out } = convertOne(
      {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', properties: { b: { type: 'integer' }, a: { type: 'string', description: 'refined' } }, required: ['b'] },
        ],
      },
      { Base: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } },
    );
    expect(out.type.kind).toBe('object');
    const fields = out.type.kind === 'object' ? out.type.fields! : [];
    expect(fields.map((f) => [f.name, f.required, f.description])).toEqual([
      ['a', true, 'refined'],
      ['b', true, ''],
    ]);
  });

  it('a recursive schema becomes a ref and terminates', () => {
    const { out, ctx } = convertOne(
      { $ref: '#/components/schemas/Node' },
      { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
    );
    expect(out.type).toEqual({ kind: 'ref', name: 'Node' });
    const node = ctx.schemas.get('Node');
    expect(node?.kind === 'object' && node.fields?.[0]?.type).toEqual({ kind: 'ref', name: 'Node' });
  });

  it('a dangling ref is an error at the `$ref` line and converts to unknown', () => {
    const { out, ctx } = convertOne({ type: 'object', properties: { x: { $ref: '#/components/schemas/Missing' } } });
    const x = out.type.kind === 'object' ? out.type.fields![0]! : undefined;
    expect(x?.type).toEqual({ kind: 'unknown' });
    expect(ctx.bag.items.map((d) => [d.code, d.severity])).toEqual([['openapi-bad-ref', 'error']]);
    expect(ctx.bag.items[0]!.message).toMatch(/^Found `\$ref: #\/components\/schemas\/Missing` that points to nothing/);
    expect(ctx.bag.items[0]!.line).toBeGreaterThan(1);
  });
});

describe('fieldOf', () => {
  it('a ref to a schema that admits null makes the field nullable', () => {
    const ctx = context({ Meta: { anyOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'null' }] } });
    const f = fieldOf(ctx, 'metadata', { value: { $ref: '#/components/schemas/Meta' }, pointer: ['x'] }, false);
    expect(f.type).toEqual({ kind: 'ref', name: 'Meta' });
    expect(f.nullable).toBe(true);
  });

  it('keeps required, nullable, default, deprecated, enum values (through array items and refs), description and anchor', () => {
    const ctx = context({ Colour: { type: 'string', enum: ['red', 'blue'], description: 'A colour.' } });
    const f = fieldOf(
      ctx,
      'colours',
      {
        value: { type: ['array', 'null'], items: { $ref: '#/components/schemas/Colour' }, default: ['red'], deprecated: true },
        pointer: ['components', 'schemas', 'Colour'],
      },
      false,
    );
    expect(f).toMatchObject({
      name: 'colours',
      type: { kind: 'array', items: { kind: 'ref', name: 'Colour' } },
      required: false,
      nullable: true,
      deprecated: true,
      default: ['red'],
      enum: ['red', 'blue'],
      collapsed: false,
      sources: ['spec.yaml'],
    });
    expect(f.anchors[0]).toMatch(/^spec\.yaml:\d+$/);
  });
});

describe('fieldOf: a nullable wrapper `anyOf`/`oneOf: [X, {type: null}]` reads the field from X where the wrapper says nothing', () => {
  const components = {
    Tier: { type: 'string', enum: ['auto', 'flex'], description: 'Tier (component).', default: 'auto' },
    Old: { type: 'boolean', deprecated: true, description: 'Old (component).' },
    Plain: { type: 'integer' },
  };
  const NULL = { type: 'null' };
  type Want = Partial<Pick<Field, 'type' | 'nullable' | 'description' | 'default' | 'deprecated' | 'enum'>>;
  it.each<[string, Record<string, unknown>, Want]>([
    [
      'description, default and type from the member',
      { anyOf: [{ type: 'number', description: 'Sampling temperature.', default: 1 }, NULL] },
      { type: { kind: 'number' }, nullable: true, description: 'Sampling temperature.', default: 1, deprecated: false },
    ],
    [
      'oneOf, null first',
      { oneOf: [NULL, { type: 'boolean', default: false, description: 'Store it.' }] },
      { type: { kind: 'boolean' }, nullable: true, description: 'Store it.', default: false },
    ],
    [
      'outer wins when both say',
      {
        description: 'Outer.',
        default: 2,
        deprecated: false,
        anyOf: [{ type: 'number', description: 'Inner.', default: 1, deprecated: true }, NULL],
      },
      { description: 'Outer.', default: 2, deprecated: false },
    ],
    ['deprecated from the member', { anyOf: [{ type: 'string', deprecated: true }, NULL] }, { deprecated: true, description: '' }],
    [
      'enum from the member',
      { anyOf: [{ type: 'string', enum: ['in_memory', '24h'], description: 'Retention.' }, NULL] },
      { type: { kind: 'enum', values: ['in_memory', '24h'] }, enum: ['in_memory', '24h'], description: 'Retention.' },
    ],
    [
      'const from the member',
      { anyOf: [{ const: 'auto', description: 'Auto.' }, NULL] },
      { type: { kind: 'literal', value: 'auto' }, nullable: true, description: 'Auto.' },
    ],
    ['a falsy default (0) is a default', { anyOf: [{ type: 'integer', default: 0 }, NULL] }, { default: 0 }],
    [
      '$ref member: its own siblings first',
      { anyOf: [{ $ref: '#/components/schemas/Tier', description: 'Tier (sibling).', deprecated: true }, NULL] },
      { type: { kind: 'ref', name: 'Tier' }, nullable: true, description: 'Tier (sibling).', deprecated: true, enum: ['auto', 'flex'] },
    ],
    [
      '$ref member: the component description is a fallback, its default is not read (as for a plain $ref)',
      { anyOf: [{ $ref: '#/components/schemas/Tier' }, NULL] },
      { type: { kind: 'ref', name: 'Tier' }, nullable: true, description: 'Tier (component).', enum: ['auto', 'flex'] },
    ],
    [
      '$ref member: a deprecated component',
      { anyOf: [{ $ref: '#/components/schemas/Old' }, NULL] },
      { type: { kind: 'ref', name: 'Old' }, nullable: true, deprecated: true, description: 'Old (component).' },
    ],
    [
      '$ref member: outer description wins over the component',
      { description: 'Outer.', anyOf: [{ $ref: '#/components/schemas/Old' }, NULL] },
      { description: 'Outer.', deprecated: true },
    ],
  ])('%s', (_name, schema, want) => {
    const ctx = context(components);
    const f = fieldOf(ctx, 'f', { value: schema, pointer: ['x'] }, false);
    expect(f).toMatchObject(want);
    if (!('default' in want)) expect(f.default).toBeUndefined();
    if (!('enum' in want)) expect(f.enum).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['two non-null members: not a wrapper', { anyOf: [{ type: 'string', description: 'A.', default: 'a' }, { type: 'integer' }, NULL] }],
    ['no null member: not a wrapper', { anyOf: [{ type: 'string', description: 'A.', default: 'a', deprecated: true }] }],
  ])('%s: nothing is read from the members', (_name, schema) => {
    const f = fieldOf(context(components), 'f', { value: schema, pointer: ['x'] }, false);
    expect([f.description, f.default, f.deprecated]).toEqual(['', undefined, false]);
  });

  it('a ref to a nullable wrapper component reads the description through both', () => {
    const ctx = context({
      Meta: { anyOf: [{ type: 'object', additionalProperties: { type: 'string' }, description: 'Key-value pairs.' }, NULL] },
    });
    const f = fieldOf(ctx, 'metadata', { value: { $ref: '#/components/schemas/Meta' }, pointer: ['x'] }, false);
    expect([f.type, f.nullable, f.description]).toEqual([{ kind: 'ref', name: 'Meta' }, true, 'Key-value pairs.']);
  });

  it('the anchor stays on the field, not the member', () => {
    const schemas = { Subject: { type: 'object', properties: { t: { anyOf: [{ type: 'number', description: 'T.' }, NULL] } } } };
    const ctx = context(schemas);
    const f = fieldOf(
      ctx,
      't',
      { value: schemas.Subject.properties.t, pointer: ['components', 'schemas', 'Subject', 'properties', 't'] },
      false,
    );
    expect(f.anchors).toEqual([`spec.yaml:${ctx.locator.lineOf(['components', 'schemas', 'Subject', 'properties', 't'])}`]);
  });
});
