/**
 * Whatever a stream holds — events out of order, fields missing or of the wrong type, unknown types —
 * no finding prints JavaScript's `undefined`, values quoted from the stream stay JSON-escaped (the
 * formatters escape the rest, see hostile.test.ts), and the same stream always gives the same findings.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { Model } from '../../tools/model/schema.js';
import type { TraceItem } from '../../tools/verify/input/trace-item.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import { createVerifyContext } from '../../tools/verify/verify.js';
import { verifyStream, type VerifyContext } from '../../tools/verify/verify-stream.js';
import { loadRootModel } from '../helpers/root-model.js';

let ctx: VerifyContext;
beforeAll(async () => {
  const model: Model = await loadRootModel();
  ctx = await createVerifyContext(model);
});

const TYPES = [
  'response.created',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'error',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.function_call_arguments.delta',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_text.delta',
  'response.web_search_call.searching',
  '__proto__',
  'constructor',
  'response.\u001b[31m',
];
const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -1, max: 3 }),
  fc.constantFrom('msg_1', 'msg_2', 'x\u0007'),
  fc.constant([]),
  fc.constant({}),
);
const item = fc.record(
  { id: value, type: fc.constantFrom('message', 'reasoning', 'function_call', '__proto__', undefined) },
  { requiredKeys: [] },
);
const event = fc.record(
  {
    type: fc.constantFrom(...TYPES),
    sequence_number: value,
    item_id: value,
    output_index: value,
    content_index: value,
    summary_index: value,
    delta: value,
    text: value,
    item,
    part: fc.constant({ type: 'output_text', text: '', annotations: [] }),
    response: fc.constant({ id: 'resp_1', object: 'response', created_at: 1, status: 'completed', model: 'm', output: [] }),
  },
  { requiredKeys: ['type'] },
);

async function findings(events: object[]) {
  const items: TraceItem[] = events.map((e, i) => ({ kind: 'record', record: { line: i + 1, data: JSON.stringify(e), framing: [] } }));
  items.push({ kind: 'end', lines: events.length });
  return verifyStream(
    (async function* () {
      yield items;
    })(),
    ctx,
    { severities: resolveSeverities({}) },
  );
}

it('no finding says `undefined`; quoted values stay escaped; same stream, same findings', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(event, { maxLength: 25 }), async (events) => {
      const first = await findings(events);
      for (const v of first.violations) {
        expect(v.message).not.toMatch(/\bundefined\b/);
        expect(v.message).not.toMatch(/\u0007/);
      }
      expect(await findings(events)).toEqual(first);
    }),
    { numRuns: 300 },
  );
});
