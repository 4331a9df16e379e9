/**
 * Check 2 against the real reference models: a failed union names the discriminator value, the member
 * it picked and the first failing field; where the docs and the OpenAPI document disagree, a trace
 * following either passes with a note, and a model from one kind of source (`--strict-source`) judges
 * by that source alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../tools/model/schema.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import { verifyTraces } from '../../tools/verify/verify.js';
import { referenceModel, type SourceSet } from './reference-models.js';

const severities = resolveSeverities({});
const models = new Map<SourceSet, Model>();
let dir: string;

beforeAll(async () => {
  for (const set of ['docs', 'openapi', 'merged'] as const) models.set(set, await referenceModel(set));
  dir = mkdtempSync(join(tmpdir(), 'specmap-verify-sources-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The schema findings of one event, alone in a trace (the structural findings around it are not the point). */
async function schemaFindings(set: SourceSet, event: object) {
  const path = join(dir, `e${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, JSON.stringify({ sequence_number: 0, ...event }) + '\n');
  const r = await verifyTraces([path], models.get(set)!, { severities, sdk: false });
  return r.traces[0]!.violations.filter((v) => v.check === 'schema').map((v) => ({
    severity: v.severity,
    message: v.message,
    ...(v.verdict && { verdict: v.verdict, note: v.note }),
  }));
}

const done = (item: object) => ({ type: 'response.output_item.done', output_index: 0, item });
const prefix = 'Found an event that does not match the `response.output_item.done` schema: ';

describe('union diagnostics', () => {
  const cases: [string, { item: object; want: string }][] = [
    [
      'missing member field',
      {
        item: { type: 'web_search_call', id: 'ws_1', status: 'completed' },
        want: 'item (type "web_search_call", member WebSearchToolCall): action: expected object (WebSearchActionSearch | WebSearchActionOpenPage | WebSearchActionFind), received nothing (absent)',
      },
    ],
    [
      'nested union, first failing field',
      {
        item: { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'q', sources: 'x' } },
        want: 'item (type "web_search_call", member WebSearchToolCall): action (type "search", member WebSearchActionSearch): sources: expected array, received string',
      },
    ],
    [
      'no member has the type',
      {
        item: { type: 'nope', id: 'x' },
        want: 'item.type: no member has type "nope", expected one of "message", "file_search_call", "function_call", "function_call_output", "web_search_call", "computer_call", "computer_call_output", "reasoning", … (28)',
      },
    ],
    [
      'no type at all',
      {
        item: { id: 'x' },
        want: 'item.type: expected one of "message", "file_search_call", "function_call", "function_call_output", "web_search_call", "computer_call", "computer_call_output", "reasoning", … (28), received nothing (absent)',
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { item, want }) => {
    expect(await schemaFindings('openapi', done(item))).toEqual([{ severity: 'error', message: prefix + want }]);
  });

  it('accepts an in-progress item in `output_item.added` without the fields only a finished item has', async () => {
    expect(
      await schemaFindings('openapi', {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'web_search_call', id: 'ws_1', status: 'in_progress' },
      }),
    ).toEqual([]);
    // A wrong type is still wrong there.
    expect(
      await schemaFindings('openapi', {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'web_search_call', id: 7, status: 'in_progress' },
      }),
    ).toHaveLength(1);
  });
});

describe('docs and OpenAPI disagree', () => {
  const error = { type: 'error', code: null, message: 'The backend went away.', param: null };

  it('merged: either is accepted, and the note names both sources', async () => {
    expect(await schemaFindings('merged', error)).toEqual([
      {
        severity: 'info',
        verdict: 'sources-disagree',
        message: 'Found `code` null, `param` null, which one source allows and another does not',
        note: 'sources disagree on `code` nullable: DOC_streaming_events.md says false, openai-openapi-2026-08-21.yaml says true; `param` nullable: DOC_streaming_events.md says false, openai-openapi-2026-08-21.yaml says true; either is accepted (--strict-source docs|openapi picks one)',
      },
    ]);
  });

  it('one kind of source only: the docs reject what OpenAPI allows, OpenAPI is silent', async () => {
    expect(await schemaFindings('docs', error)).toEqual([
      { severity: 'error', message: 'Found an event that does not match the `error` schema: code: expected string, received null' },
    ]);
    expect(await schemaFindings('openapi', error)).toEqual([]);
  });
});

describe('response-level events in the real models', () => {
  it.each([['openapi'], ['merged']] as const)(
    '%s: response.audio.* never need an open item, and no message says undefined',
    async (set) => {
      const response = (status: string) => ({ id: 'resp_1', object: 'response', created_at: 1, status, model: 'm', output: [] });
      const events = [
        { type: 'response.created', response: response('in_progress') },
        { type: 'response.in_progress', response: response('in_progress') },
        { type: 'response.audio.delta', delta: 'AAAA' },
        { type: 'response.audio.transcript.delta', delta: 'hi' },
        { type: 'response.audio.transcript.done' },
        { type: 'response.audio.done' },
        { type: 'response.completed', response: response('completed') },
      ].map((e, i) => JSON.stringify({ ...e, sequence_number: i }));
      const path = join(dir, `audio-${set}.jsonl`);
      writeFileSync(path, events.join('\n') + '\n');
      const r = await verifyTraces([path], models.get(set)!, { severities, sdk: false });
      const structural = r.traces[0]!.violations.filter((v) => v.check !== 'schema');
      expect(structural).toEqual([]);
      for (const v of r.traces[0]!.violations) expect(v.message).not.toMatch(/\bundefined\b/);
    },
  );
});
