/** TypeScript definitions carry the fields their interface, type or Zod object declares (facts.ts `fields`). */
import { describe, expect, it } from 'vitest';
import { definitionsIn } from './adapter-case.js';

describe('TypeScript definition fields', () => {
  it.each([
    [
      'interface properties (methods are not fields, quoted names are)',
      `export interface Done {
  type: 'response.output_text.done';
  'item_id': string;
  text?: string;
  toString(): string;
}`,
      ['Done response.output_text.done [type, item_id, text]'],
    ],
    [
      'extends of local interfaces, two levels deep, base fields first',
      `interface StreamEvent { sequence_number: number }
interface ItemEvent extends StreamEvent { item_id: string }
export interface Done extends ItemEvent {
  type: 'response.output_text.done';
  text: string;
}`,
      // A fact through a base is listed before assign-items drops those that define no event type.
      ['ItemEvent via StreamEvent [sequence_number, item_id]', 'Done response.output_text.done [sequence_number, item_id, type, text]'],
    ],
    [
      'extends of an imported interface: unknown',
      `import type { EventBase } from './base';
export interface Done extends EventBase { type: 'response.output_text.done'; text: string }`,
      ['Done response.output_text.done (fields unknown)'],
    ],
    [
      'a type literal, and an intersection with a local type',
      `type Base = { sequence_number: number };
export type Created = { type: 'response.created'; response: unknown };
export type Done = Base & { type: 'response.output_text.done'; text: string };`,
      ['Created response.created [type, response]', 'Done response.output_text.done [sequence_number, type, text]'],
    ],
    [
      'an intersection with a utility type: unknown',
      `type Base = { sequence_number: number; extra: string };
export type Done = Omit<Base, 'extra'> & { type: 'response.output_text.done'; text: string };`,
      ['Done response.output_text.done (fields unknown)'],
    ],
    [
      'a nested object type is not the declaration: it defines nothing',
      `export interface Created {
  type: 'response.created';
  item: { type: 'response.output_text.done'; text: string };
}`,
      ['Created response.created [type, item]'],
    ],
    [
      'Zod object keys, with a spread of a local object of schemas',
      `import { z } from 'zod';
const base = { sequence_number: z.number().int() };
export const Done = z.object({
  ...base,
  type: z.literal('response.output_text.done'),
  text: z.string(),
}).passthrough();`,
      ['Done response.output_text.done [sequence_number, type, text]'],
    ],
    [
      'Zod .extend() and .merge() of local schemas, .shape spreads, .omit()',
      `import { z } from 'zod';
const Stream = z.object({ sequence_number: z.number(), internal: z.string() });
const Item = z.object({ item_id: z.string() });
export const Created = Stream.omit({ internal: true }).extend({ type: z.literal('response.created'), response: z.unknown() });
export const Done = z.object({ type: z.literal('response.output_text.done'), text: z.string() }).merge(Item).strict();
export const Failed = z.object({ ...Item.shape, type: z.literal('response.failed') });`,
      [
        'Created response.created [sequence_number, type, response]',
        'Done response.output_text.done [type, text, item_id]',
        'Failed response.failed [item_id, type]',
      ],
    ],
    [
      'Zod .extend() of an imported schema: unknown',
      `import { z } from 'zod';
import { StreamBase } from './base';
export const Done = StreamBase.extend({ type: z.literal('response.output_text.done'), text: z.string() });`,
      ['Done response.output_text.done (fields unknown)'],
    ],
    [
      'class properties (not static) and parameter properties, with a local base class',
      `class StreamEvent { constructor(readonly sequence_number: number) {} }
export class Done extends StreamEvent {
  static kind = 'event';
  readonly type = 'response.output_text.done';
  text = '';
  render(): string { return this.text; }
}`,
      ['Done response.output_text.done [sequence_number, type, text]'],
    ],
    [
      'an interface without its own type, through a local definition: complete',
      `export interface Created { type: 'response.created'; response: unknown }
export interface LoudCreated extends Created { volume: number }`,
      ['Created response.created [type, response]', 'LoudCreated via Created [type, response, volume]'],
    ],
    [
      'an interface through an SDK class: what it sees, for assign-items to complete or drop',
      `import type { ResponseCreatedEvent } from 'openai/resources/responses/responses';
export interface Mine extends ResponseCreatedEvent { volume: number }`,
      ['Mine via ResponseCreatedEvent [volume]'],
    ],
  ])('%s', async (_name, text, want) => {
    expect(await definitionsIn('typescript', text)).toEqual(want);
  });
});
