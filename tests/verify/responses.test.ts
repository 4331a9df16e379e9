/**
 * Streams as the reference server really sends them: several responses in one recording, each checked
 * on its own; `response.failed` after `error` (an order deviation a baseline can vouch for); events
 * that belong to the response rather than to an item; and messages that never print `undefined`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event, Model } from '../../tools/model/schema.js';
import { Baseline } from '../../tools/verify/baseline.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import { learnBaseline, verifyTraces } from '../../tools/verify/verify.js';
import { loadRootModel } from '../helpers/root-model.js';
import { plainField } from '../../tools/model/field.js';

const severities = resolveSeverities({});
let model: Model;
let dir: string;

const response = (id: string, status: string) => ({
  id,
  object: 'response',
  created_at: 1760000000,
  status,
  model: 'gpt-test',
  output: [],
  error: null,
  incomplete_details: null,
  usage: null,
});
const jsonl = (events: object[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
const stream = (id: string, end: object[], seq0 = 0) => [
  { type: 'response.created', sequence_number: seq0, response: response(id, 'in_progress') },
  { type: 'response.in_progress', sequence_number: seq0 + 1, response: response(id, 'in_progress') },
  ...end.map((e, i) => ({ ...e, sequence_number: seq0 + 2 + i })),
];
const failedAfterError = (id: string) =>
  stream(id, [
    { type: 'error', code: 'server_error', message: 'The backend went away.', param: null },
    { type: 'response.failed', response: response(id, 'failed') },
  ]);
const completed = (id: string) => stream(id, [{ type: 'response.completed', response: response(id, 'completed') }]);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  model = await loadRootModel();
  dir = mkdtempSync(join(tmpdir(), 'specmap-verify-responses-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('several responses in one trace', () => {
  it('checks each response on its own, sequence numbers restarting at 0', async () => {
    const path = write('two.jsonl', jsonl([...completed('resp_a'), ...completed('resp_b')]));
    const r = await verifyTraces([path], model, { severities });
    expect(r.traces[0]).toMatchObject({ responses: 2, events: 6, violations: [] });
    expect(r.traces[0]!.sdk).toEqual({
      available: false,
      accepted: false,
      events: 0,
      message: "the trace holds 2 responses; the SDK's stream helper reads one per request",
    });
  });

  it('names the response a finding is in', async () => {
    const second = completed('resp_b');
    second.splice(2, 0, {
      type: 'response.output_text.delta',
      sequence_number: 2,
      item_id: 'msg_x',
      output_index: 0,
      content_index: 0,
      delta: 'x',
      logprobs: [],
    } as never);
    second[3]!.sequence_number = 3;
    const path = write('second-broken.jsonl', jsonl([...completed('resp_a'), ...second]));
    const r = await verifyTraces([path], model, { severities, sdk: false });
    expect(r.traces[0]!.violations.map((v) => [v.check, v.line, v.response])).toEqual([['lifecycle', 6, { index: 2, id: 'resp_b' }]]);
  });

  it('still reports an event after the end that does not start a response', async () => {
    const path = write(
      'after-end.jsonl',
      jsonl([...completed('resp_a'), { type: 'response.in_progress', sequence_number: 3, response: response('resp_a', 'in_progress') }]),
    );
    const r = await verifyTraces([path], model, { severities, sdk: false });
    expect(r.traces[0]!.violations.map((v) => [v.check, v.line])).toEqual([['lifecycle', 4]]);
    expect(r.traces[0]!.responses).toBe(1);
  });
});

describe('`response.failed` after `error`', () => {
  it('is an order finding without a baseline, naming what ended the stream', async () => {
    const path = write('failed-after-error.jsonl', jsonl(failedAfterError('resp_a')));
    const r = await verifyTraces([path], model, { severities, sdk: false });
    expect(r.traces[0]!.violations).toMatchObject([
      { check: 'lifecycle', line: 4, severity: 'error', message: expect.stringContaining('after the stream ended with `error` at line 3') },
    ]);
  });

  it('is reference-does-too when the reference does it, and other order deviations stay errors', async () => {
    const reference = write('reference.jsonl', jsonl([...failedAfterError('resp_r'), ...completed('resp_s')]));
    const profile = await learnBaseline([reference], model);
    expect(profile.deviations).toEqual([{ event: 'response.failed', path: 'after error', kind: 'order', count: 1 }]);
    const baseline = new Baseline(profile, { from: 'reference', kind: 'recordings', recordings: 1, deviations: 1 });
    const tested = write(
      'tested.jsonl',
      jsonl([
        ...failedAfterError('resp_a'),
        ...stream('resp_b', [
          { type: 'response.completed', response: response('resp_b', 'completed') },
          { type: 'response.completed', response: response('resp_b', 'completed') },
        ]),
      ]),
    );
    const r = await verifyTraces([tested], model, { severities, sdk: false, baseline });
    expect(r.traces[0]!.violations.map((v) => [v.line, v.severity, v.verdict, v.response?.index])).toEqual([
      [4, 'info', 'reference-does-too', 1],
      [8, 'error', undefined, 2],
    ]);
    expect(r.traces[0]!.violations[0]!.note).toContain('reference server does this too');
    expect(r.summary).toMatchObject({ errors: 1, infos: 1 });
  });
});

describe('what the real service sends that the docs do not say', () => {
  it('a nested `error` object and event types newer than the model: learned, then vouched for', async () => {
    const nested = stream('resp_r', [
      { type: 'error', error: { type: 'server_error', code: 'server_error', message: 'The backend went away.', param: null } },
      { type: 'response.failed', response: response('resp_r', 'failed') },
    ]);
    const newer = stream('resp_s', [
      { type: 'response.shell_call_command.added', item_id: 'sh_1', output_index: 0 },
      { type: 'response.completed', response: response('resp_s', 'completed') },
    ]);
    const reference = write('reference-real.jsonl', jsonl([...nested, ...newer]));
    const profile = await learnBaseline([reference], model);
    expect(profile.deviations.map((d) => `${d.event} ${d.path} ${d.kind}`)).toEqual([
      'error code missing',
      'error message missing',
      'error param missing',
      'response.failed after error order',
      'response.shell_call_command.added  unknown-event',
    ]);
    const baseline = new Baseline(profile, { from: 'reference', kind: 'recordings', recordings: 1, deviations: profile.deviations.length });
    const r = await verifyTraces([join(import.meta.dirname, '../traces/broken/error-shape.jsonl'), reference], model, {
      severities,
      sdk: false,
      baseline,
    });
    expect(r.traces.map((t) => t.violations.map((v) => [v.line, v.severity, v.verdict]))).toEqual([
      [[3, 'info', 'reference-does-too']],
      [
        [3, 'info', 'reference-does-too'],
        [4, 'info', 'reference-does-too'],
        [7, 'info', 'reference-does-too'],
      ],
    ]);
    // Another kind of deviation on the same field (`message` a number, not missing) is not vouched for.
    const other = write('other.jsonl', jsonl(stream('resp_t', [{ type: 'error', code: 'x', message: 7, param: null }])));
    const o = await verifyTraces([other], model, { severities, sdk: false, baseline });
    expect(o.traces[0]!.violations.map((v) => [v.line, v.severity, v.message])).toEqual([
      [3, 'error', 'Found an event that does not match the `error` schema: message: expected string, received number'],
    ]);
  });
});

describe('events that belong to the response, not to an item', () => {
  const audio = (type: string, fields: string[]): Event => ({
    id: `event:${type}`,
    kind: 'event',
    type,
    category: 'output',
    description: '',
    anchors: [],
    sources: [],
    correlationKeys: [],
    classNames: [],
    fields: fields.map((name) =>
      plainField(name, {
        type: name === 'type' ? { kind: 'literal', value: type } : name === 'sequence_number' ? { kind: 'integer' } : { kind: 'string' },
        required: true,
      }),
    ),
  });

  it('never need an open item (response.audio.*)', async () => {
    const withAudio = {
      ...model,
      events: [
        ...model.events,
        audio('response.audio.delta', ['type', 'sequence_number', 'delta', 'response_id']),
        audio('response.audio.done', ['type', 'sequence_number', 'response_id']),
      ],
    };
    const path = write(
      'audio.jsonl',
      jsonl(
        stream('resp_a', [
          { type: 'response.audio.delta', delta: 'AAA', response_id: 'resp_a' },
          { type: 'response.audio.done', response_id: 'resp_a' },
          { type: 'response.completed', response: response('resp_a', 'completed') },
        ]),
      ),
    );
    const r = await verifyTraces([path], withAudio, { severities, sdk: false });
    expect(r.traces[0]!.violations).toEqual([]);
  });

  it('messages name an absent field as absent, never `undefined`', async () => {
    const path = write(
      'no-ids.jsonl',
      jsonl(
        stream('resp_a', [
          { type: 'response.output_text.delta', delta: 'x', logprobs: [] },
          { type: 'response.content_part.added', part: { type: 'output_text', text: '', annotations: [] } },
          { type: 'response.completed', response: response('resp_a', 'completed') },
        ]),
      ),
    );
    const r = await verifyTraces([path], model, { severities, sdk: false });
    const messages = r.traces[0]!.violations.map((v) => v.message);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m).not.toMatch(/undefined/);
    expect(messages.join('\n')).toContain('(absent)');
  });
});
