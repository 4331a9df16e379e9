import { describe, expect, it } from 'vitest';
import type { Event } from '../model/schema.js';
import { buildGrammar } from './grammar.js';
import { getBundledStreamProfile } from './stream-profile.js';
import { plainField } from '../model/field.js';

const responses = getBundledStreamProfile('responses')!;

const field = (name: string, kind: 'string' | 'integer' = 'string') => plainField(name, { type: { kind } });
const event = (type: string, category: string, fields: string[]): Event => ({
  id: `event:${type}`,
  kind: 'event',
  type,
  category,
  description: '',
  anchors: [],
  sources: [],
  correlationKeys: [],
  classNames: [],
  fields: fields.map((f) => field(f, f.endsWith('_index') ? 'integer' : 'string')),
});

describe('buildGrammar: rules derived from the model', () => {
  const grammar = buildGrammar(
    {
      events: [
        event('response.created', 'lifecycle', ['response']),
        event('response.incomplete', 'lifecycle', ['response']),
        event('error', 'errors', ['message']),
        event('response.output_item.added', 'output', ['item', 'output_index']),
        event('response.content_part.done', 'output', ['item_id', 'content_index', 'part']),
        event('response.output_text.delta', 'output', ['item_id', 'content_index', 'delta']),
        event('response.output_text.done', 'output', ['item_id', 'content_index', 'text']),
        event('response.reasoning_summary_text.done', 'reasoning', ['item_id', 'summary_index', 'text']),
        event('response.web_search_call.searching', 'builtin-tools', ['item_id', 'output_index']),
        event('response.function_call_arguments.done', 'function-calls', ['item_id', 'name', 'arguments']),
      ],
    },
    responses,
  );
  const cases: [string, unknown][] = [
    ['response.created', { scope: 'response', role: 'start' }],
    ['response.incomplete', { scope: 'response', role: 'terminal' }],
    ['error', { scope: 'response', role: 'abort' }],
    ['response.output_item.added', { scope: 'item', action: 'open', opens: 'item' }],
    ['response.content_part.done', { action: 'close', opens: 'content', itemTypes: ['message', 'reasoning'] }],
    ['response.output_text.delta', { action: 'delta', inPart: 'content', itemTypes: ['message'] }],
    ['response.output_text.done', { action: 'text-done', inPart: 'content', textField: 'text' }],
    ['response.reasoning_summary_text.done', { inPart: 'summary', textField: 'text', itemTypes: ['reasoning'] }],
    ['response.web_search_call.searching', { action: 'other', itemTypes: ['web_search_call'] }],
    ['response.function_call_arguments.done', { action: 'text-done', textField: 'arguments', itemTypes: ['function_call'] }],
  ];
  it.each(cases)('%s', (type, want) => {
    expect(grammar.get(type)).toMatchObject(want as object);
  });
});

describe('buildGrammar: names a plain object would answer from its prototype', () => {
  const grammar = buildGrammar(
    {
      events: [
        event('response.constructor', 'lifecycle', ['response']),
        event('response.__proto__', 'lifecycle', ['response']),
        event('response.toString.delta', 'output', ['item_id', 'delta']),
        event('response.audio.delta', 'output', ['delta', 'response_id']),
      ],
    },
    responses,
  );
  const cases: [string, unknown][] = [
    // Not a lifecycle role: an event of the response, allowed while it runs.
    ['response.constructor', { scope: 'response', role: 'item' }],
    ['response.__proto__', { scope: 'response', role: 'item' }],
    ['response.toString.delta', { scope: 'item', family: 'response.toString', action: 'other' }],
    ['response.audio.delta', { scope: 'response', role: 'item' }],
  ];
  it.each(cases)('%s', (type, want) => {
    expect(grammar.get(type)).toEqual({ type, ...(want as object) });
  });
});
