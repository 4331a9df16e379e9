import { describe, expect, it } from 'vitest';
import type { Field } from '../model/schema.js';
import { correlationKeys } from './correlation.js';
import { plainField } from '../model/field.js';

const fields = (...names: string[]): Field[] => names.map((name) => plainField(name));

describe('correlationKeys', () => {
  const cases: [string, { given: string[]; extra?: string[]; want: string[] }][] = [
    ['a response carrier', { given: ['type', 'response', 'sequence_number'], want: ['response.id'] }],
    ['an item carrier and its index', { given: ['item', 'output_index', 'type'], want: ['item.id', 'output_index'] }],
    [
      'part keys in a fixed order',
      { given: ['content_index', 'delta', 'item_id', 'output_index'], want: ['item_id', 'output_index', 'content_index'] },
    ],
    [
      'annotation and partial image indexes',
      { given: ['annotation_index', 'partial_image_index', 'item_id'], want: ['item_id', 'annotation_index', 'partial_image_index'] },
    ],
    ['nothing to correlate', { given: ['type', 'message', 'code'], want: [] }],
    ['configured extra keys', { given: ['type', 'thread_id'], extra: ['thread_id'], want: ['thread_id'] }],
  ];
  it.each(cases)('%s', (_name, { given, extra, want }) => {
    expect(correlationKeys(fields(...given), extra)).toEqual(want);
  });
});
