import { describe, expect, it } from 'vitest';
import type { Conflict, Field } from '../model/schema.js';
import { SourceConflicts } from './source-conflicts.js';

const field = (name: string, conflicts: Conflict[], type: Field['type'] = { kind: 'string' }): Field => ({
  name,
  type,
  required: true,
  nullable: false,
  deprecated: false,
  description: '',
  collapsed: false,
  sources: ['DOC.md', 'api.yaml'],
  anchors: [],
  conflicts,
});
const says = (property: Conflict['property'], doc: unknown, api: unknown): Conflict => ({
  property,
  values: [
    { source: 'DOC.md', value: doc as never },
    { source: 'api.yaml', value: api as never },
  ],
});

const conflicts = new SourceConflicts({
  events: [
    {
      id: 'event:e',
      kind: 'event',
      type: 'e',
      category: 'errors',
      description: '',
      anchors: [],
      sources: [],
      correlationKeys: [],
      classNames: [],
      fields: [
        field('code', [says('nullable', false, true)]),
        field('count', [says('type', ['string'], ['integer'])]),
        field('mode', [says('enum', ['a', 'b'], ['a', 'c'])]),
        field('hint', [says('required', true, false)]),
        field('nested', [], { kind: 'ref', name: 'Nested' }),
      ],
    },
  ],
  schemas: { Nested: { kind: 'object', fields: [field('deep', [says('nullable', true, false)])] } },
});

describe('SourceConflicts.explain: accepted only when one source allows what the trace has', () => {
  const cases: [string, { segments: PropertyKey[]; kind: string; value: unknown; accepted: boolean }][] = [
    ['null where one source says nullable', { segments: ['code'], kind: 'null', value: null, accepted: true }],
    ['a number where one source says integer', { segments: ['count'], kind: 'type', value: 5, accepted: true }],
    ['a boolean neither source allows', { segments: ['count'], kind: 'type', value: true, accepted: false }],
    ['an enum value one source lists', { segments: ['mode'], kind: 'value', value: 'c', accepted: true }],
    ['an enum value no source lists', { segments: ['mode'], kind: 'value', value: 'z', accepted: false }],
    ['absent where one source says optional', { segments: ['hint'], kind: 'missing', value: undefined, accepted: true }],
    ['a nested field through a ref', { segments: ['nested', 'deep'], kind: 'null', value: null, accepted: true }],
    ['a field with no conflict', { segments: ['nested'], kind: 'missing', value: undefined, accepted: false }],
    ['a prototype name is no field', { segments: ['__proto__'], kind: 'missing', value: undefined, accepted: false }],
  ];
  it.each(cases)('%s', (_name, { segments, kind, value, accepted }) => {
    const note = conflicts.explain('e', segments, kind, value);
    expect(Boolean(note)).toBe(accepted);
    if (note) expect(note).toMatch(/DOC\.md says .*, api\.yaml says /);
  });

  it('watch: notes null and absent top-level values one source forbids', () => {
    expect(conflicts.watch('e', { code: null, count: 1, mode: 'a' }).map((w) => [w.field, w.kind])).toEqual([
      ['code', 'null'],
      ['hint', 'missing'],
    ]);
    expect(conflicts.watch('constructor', {})).toEqual([]);
  });
});
