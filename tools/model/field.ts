import type { Field } from './schema.js';

/**
 * A field with nothing said about it beyond its name: a string, requirement unknown, no sources.
 * Generators add fields the sources lack (an event's `type`) this way; overrides say the rest.
 */
export function plainField(name: string, overrides: Partial<Field> = {}): Field {
  return {
    name,
    type: { kind: 'string' },
    required: null,
    nullable: false,
    deprecated: false,
    description: '',
    collapsed: false,
    sources: [],
    anchors: [],
    ...overrides,
  };
}
