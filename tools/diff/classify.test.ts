import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import type { ChangeKind, Direction } from './change.js';

const table: [ChangeKind, Direction, unknown, unknown, string][] = [
  ['item-removed', 'response', undefined, undefined, 'breaking'],
  ['item-added', 'response', undefined, undefined, 'non-breaking'],
  ['field-removed', 'request', undefined, undefined, 'breaking'],
  ['field-added', 'request', undefined, false, 'non-breaking'],
  ['field-added', 'request', undefined, 'required', 'breaking'],
  ['field-added', 'response', undefined, 'required', 'non-breaking'],
  ['type', 'response', 'string', 'integer', 'breaking'],
  ['type', 'request', 'string', 'integer', 'breaking'],
  ['type', 'request', 'string', 'integer | string', 'non-breaking'],
  ['type', 'response', 'string', 'integer | string', 'breaking'],
  ['type', 'request', 'boolean | string', 'array<number | string> | boolean | string', 'non-breaking'],
  ['type', 'request', 'integer | string', 'string', 'breaking'],
  ['type', 'response', 'integer | string', 'string', 'non-breaking'],
  ['type', 'request', 'any value', 'one of a, b', 'breaking'],
  ['type', 'response', 'any value', 'one of a, b', 'non-breaking'],
  ['type', 'request', 'one of a, b', 'any value', 'non-breaking'],
  ['required', 'request', false, true, 'breaking'],
  ['required', 'request', true, false, 'non-breaking'],
  ['required', 'response', false, true, 'non-breaking'],
  ['required', 'response', true, false, 'breaking'],
  ['nullable', 'request', false, true, 'non-breaking'],
  ['nullable', 'request', true, false, 'breaking'],
  ['nullable', 'response', false, true, 'breaking'],
  ['nullable', 'response', true, false, 'non-breaking'],
  ['enum-value-removed', 'request', 'a', undefined, 'breaking'],
  ['enum-value-removed', 'response', 'a', undefined, 'non-breaking'],
  ['enum-value-added', 'request', undefined, 'a', 'non-breaking'],
  ['enum-value-added', 'response', undefined, 'a', 'warning'],
  ['variant-removed', 'request', 'type=x', undefined, 'breaking'],
  ['variant-added', 'response', undefined, 'type=x', 'non-breaking'],
  ['default', 'request', 'a', 'b', 'non-breaking'],
  ['deprecated', 'request', false, true, 'deprecation'],
  ['deprecated', 'response', true, false, 'non-breaking'],
  ['description', 'response', 'a', 'b', 'docs-only'],
];

describe('classify', () => {
  it.each(table)('%s (%s) %j → %j is %s', (kind, direction, before, after, want) => {
    expect(classify(kind, direction, before as never, after as never, after === 'required')).toBe(want);
  });
});
