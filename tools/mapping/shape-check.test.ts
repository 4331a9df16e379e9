import { describe, expect, it } from 'vitest';
import { carriesForeignEnvelope, foreignEnvelopes, isOtherObjectShape, isOtherShape } from './shape-check.js';
import { universalFields } from '../model/event-families.js';

const f = (names: string, optional = ''): { name: string; required: boolean }[] => [
  ...names.split(' ').map((name) => ({ name, required: true })),
  ...optional
    .split(' ')
    .filter(Boolean)
    .map((name) => ({ name, required: false })),
];
const ENVELOPE = new Set(['sequence_number']);

describe('isOtherShape', () => {
  it.each([
    ['another API: no envelope, its own id field', f('type response sequence_number'), ['type', 'event_id', 'response'], true],
    [
      'another API sharing most fields',
      f('type content_index delta item_id output_index sequence_number logprobs'),
      ['type', 'content_index', 'delta', 'event_id', 'item_id', 'output_index', 'response_id'],
      true,
    ],
    ['an SDK part built with other keys', f('type code message param sequence_number'), ['type', 'error'], true],
    [
      'the envelope kept, the rest nested differently',
      f('type code message param sequence_number'),
      ['type', 'sequence_number', 'error'],
      false,
    ],
    ['only lacking fields: partial, still the item', f('type response sequence_number'), ['type', 'response'], false],
    [
      'only adding fields: extended, still the item',
      f('type response sequence_number'),
      ['type', 'response', 'sequence_number', 'trace_id'],
      false,
    ],
    [
      'an older server: no envelope, one extra of many shared',
      f('type content_index delta item_id output_index sequence_number logprobs'),
      ['type', 'content_index', 'delta', 'item_id', 'output_index', 'obfuscation'],
      false,
    ],
  ])('%s', (_name, item, declared, want) => {
    expect(isOtherShape(item, declared, ENVELOPE)).toBe(want);
  });
});

describe('universalFields', () => {
  it('is what nine in ten events require, never `type`', () => {
    const events = Array.from({ length: 10 }, (_, i) => ({ fields: f(i === 0 ? 'type' : 'type sequence_number', 'note') }));
    expect([...universalFields(events)]).toEqual(['sequence_number']);
    expect([...universalFields(events.slice(0, 2))]).toEqual([]);
  });
});

describe('isOtherObjectShape', () => {
  const response = f('id object created_at status model output', 'metadata usage');
  it.each([
    ["a deletion's confirmation: says `response`, declares `deleted`", ['id', 'object', 'deleted'], true],
    ['the object, some required fields left out: partial, still the object', ['id', 'object', 'created_at', 'status'], false],
    ['the object with an extension of its own', ['id', 'object', 'created_at', 'status', 'model', 'output', 'trace_id'], false],
    ['nothing but other fields', ['object', 'name', 'size'], true],
    ['only the discriminator declared', ['object'], false],
  ])('%s', (_name, declared, want) => {
    expect(isOtherObjectShape(response, declared)).toBe(want);
  });
});

describe('foreignEnvelopes', () => {
  it('is what three in four of a folder’s clear cases declare and no spec event has, from three cases up', () => {
    const realtime = [
      ['type', 'event_id', 'response'],
      ['type', 'event_id', 'response'],
      ['type', 'event_id', 'delta', 'item_id'],
    ];
    const got = foreignEnvelopes(
      new Map([
        ['sdk/realtime/', realtime],
        ['sdk/two/', realtime.slice(0, 2)],
      ]),
      new Set(['type', 'response', 'delta', 'item_id', 'sequence_number']),
    );
    expect([...got]).toEqual([['sdk/realtime/', new Set(['event_id'])]]);
  });

  it('is found when an SDK leaves it out of one declaration in four, and not when only half carry it', () => {
    const modelFields = new Set(['type', 'response', 'delta', 'error', 'sequence_number']);
    const withId = ['type', 'event_id', 'response'];
    const error = ['type', 'error'];
    const threeOfFour = foreignEnvelopes(new Map([['sdk/', [withId, withId, withId, error]]]), modelFields);
    expect([...threeOfFour]).toEqual([['sdk/', new Set(['event_id'])]]);
    const half = foreignEnvelopes(new Map([['sdk/', [withId, withId, error, error]]]), modelFields);
    expect([...half]).toEqual([]);
    // Two of three: fewer than three declarations carrying a field is too few to call it an API's envelope.
    const fewSeen = foreignEnvelopes(new Map([['sdk/', [withId, withId, error]]]), modelFields);
    expect([...fewSeen]).toEqual([]);
  });
});

describe('carriesForeignEnvelope', () => {
  const item = f('type content_index item_id output_index part sequence_number');
  const foreign = new Set(['event_id']);
  it.each([
    ['lacks the stream’s envelope, carries the other', ['type', 'content_index', 'event_id', 'item_id', 'output_index', 'part'], true],
    ['keeps the stream’s envelope', ['type', 'content_index', 'event_id', 'item_id', 'output_index', 'part', 'sequence_number'], false],
    ['lacks the stream’s envelope only', ['type', 'content_index', 'item_id', 'output_index', 'part'], false],
  ])('%s', (_name, declared, want) => {
    expect(carriesForeignEnvelope(item, declared, ENVELOPE, foreign)).toBe(want);
  });
});
