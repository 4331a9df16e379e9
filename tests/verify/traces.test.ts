/**
 * The trace library (tests/traces) against the real model built from the reference corpus: each broken
 * trace is caught by exactly the checks it violates, at the right lines; clean traces pass specmap and
 * the openai SDK.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../tools/model/schema.js';
import { loadRootModel } from '../helpers/root-model.js';
import { resolveSeverities } from '../../tools/verify/severity.js';
import type { CheckId } from '../../tools/verify/types.js';
import { loadBaseline, verifyTraces } from '../../tools/verify/verify.js';

const root = resolve(import.meta.dirname, '../..');
const traces = join(root, 'tests/traces');
let model: Model;

beforeAll(async () => {
  model = await loadRootModel();
});

const severities = resolveSeverities({});

/** [file, [check, line][]]: every violation the trace must produce, and nothing else. */
const BROKEN: [string, [CheckId, number][]][] = [
  [
    'framing.sse',
    [
      ['framing', 13],
      ['framing', 17],
      ['framing', 20],
    ],
  ],
  [
    'schema.jsonl',
    [
      ['schema', 5],
      ['schema', 6],
    ],
  ],
  ['error-shape.jsonl', [['schema', 3]]],
  ['no-terminal.jsonl', [['lifecycle', 8]]],
  [
    'lifecycle.jsonl',
    [
      ['lifecycle', 1],
      ['lifecycle', 3],
      ['lifecycle', 10],
    ],
  ],
  ['after-error.jsonl', [['lifecycle', 4]]],
  ['items-out-of-order.jsonl', [['lifecycle', 9]]],
  [
    'sequence.jsonl',
    [
      ['sequence', 4],
      ['sequence', 5],
      ['sequence', 6],
      ['sequence', 8],
    ],
  ],
  ['output-index-from-1.jsonl', [['indices', 3]]],
  [
    'content-index.jsonl',
    [
      ['indices', 4],
      ['indices', 6],
    ],
  ],
  [
    'ids-change-per-delta.jsonl',
    [
      ['identity', 5],
      ['identity', 6],
      ['identity', 7],
    ],
  ],
  ['terminal-id.jsonl', [['identity', 9]]],
  [
    'accumulation.jsonl',
    [
      ['accumulation', 7],
      ['accumulation', 14],
      ['accumulation', 15],
    ],
  ],
  [
    'tool-call-as-text.jsonl',
    [
      ['family', 4],
      ['family', 5],
      ['family', 6],
      ['family', 7],
      ['family', 8],
    ],
  ],
  ['zero-delta-never-opened.jsonl', [['closure', 9]]],
  [
    'never-closed.jsonl',
    [
      ['closure', 3],
      ['closure', 8],
    ],
  ],
];

describe('broken traces: exactly the checks they violate, at the right lines', () => {
  it('covers every check and every file in tests/traces/broken', () => {
    expect(BROKEN.map(([f]) => f).sort()).toEqual(readdirSync(join(traces, 'broken')).sort());
    const covered = new Set(BROKEN.flatMap(([, v]) => v.map(([c]) => c)));
    expect([...covered].sort()).toEqual([
      'accumulation',
      'closure',
      'family',
      'framing',
      'identity',
      'indices',
      'lifecycle',
      'schema',
      'sequence',
    ]);
  });

  it.each(BROKEN)('%s', async (file, expected) => {
    const report = await verifyTraces([join(traces, 'broken', file)], model, { severities, sdk: false });
    const found = report.traces[0]!.violations.map((v) => [v.check, v.line]);
    expect(found).toEqual(expected);
  });

  it('each still gets exactly its findings, as errors, with the reference baseline loaded', async () => {
    const baseline = await loadBaseline(join(root, '../shared/recordings/openai'), model);
    for (const [file, expected] of BROKEN) {
      const report = await verifyTraces([join(traces, 'broken', file)], model, { severities, sdk: false, baseline });
      expect(
        report.traces[0]!.violations.map((v) => [v.check, v.line, v.severity]),
        file,
      ).toEqual(expected.map(([c, l]) => [c, l, 'error']));
    }
  });
});

const CLEAN = readdirSync(join(traces, 'clean')).filter((f) => !f.endsWith('.request.json'));

describe('clean traces pass specmap and the openai SDK', () => {
  it('has a clean stream for each output item kind', () => {
    expect(CLEAN.sort()).toEqual([
      'error-ends-stream.jsonl',
      'file-search.jsonl',
      'function-call.sse',
      'image-generation.sse',
      'mcp-call.jsonl',
      'message.sse',
      'reasoning.jsonl',
      'web-search.ndjson',
    ]);
  });

  it.each(CLEAN)('%s', async (file) => {
    const report = await verifyTraces([join(traces, 'clean', file)], model, { severities });
    const trace = report.traces[0]!;
    expect(trace.violations).toEqual([]);
    expect(trace.events).toBeGreaterThan(2);
    expect(trace.sdk).toMatchObject({ available: true, accepted: true });
  });

  it('reads the request from a header comment or a sidecar file', async () => {
    const report = await verifyTraces(
      ['message.sse', 'reasoning.jsonl', 'function-call.sse', 'file-search.jsonl'].map((f) => join(traces, 'clean', f)),
      model,
      { severities, sdk: false },
    );
    const from = report.traces.map((t) => t.request?.from.replace(traces + '/', ''));
    expect(from).toEqual(['clean/message.sse:1', 'clean/reasoning.jsonl:1', 'clean/function-call.sse.request.json', undefined]);
  });
});

describe('second opinion', () => {
  it('reports the SDK rejecting a spec-valid stream that starts with response.queued', async () => {
    const report = await verifyTraces([join(traces, 'sdk-disagrees/queued-first.jsonl')], model, { severities });
    const trace = report.traces[0]!;
    expect(trace.violations).toEqual([]);
    expect(trace.sdk?.accepted).toBe(false);
    expect(trace.sdk?.message).toMatch(/expected 'response.created' event, got response.queued/);
  });

  it('says what the SDK makes of broken traces, beside specmap', async () => {
    const files = ['output-index-from-1.jsonl', 'framing.sse', 'error-shape.jsonl'].map((f) => join(traces, 'broken', f));
    const report = await verifyTraces(files, model, { severities });
    expect(report.traces.map((t) => [t.sdk?.accepted, t.sdk?.message ?? t.sdk?.surfaced])).toEqual([
      [false, 'OpenAIError: missing output at index 1'],
      [false, expect.stringMatching(/^SyntaxError|^OpenAIError/)],
      [true, 'APIError: The backend went away.'],
    ]);
  });
});

describe('severities', () => {
  it('drops checks turned off and downgrades warn', async () => {
    const sev = resolveSeverities({ 'verify-family': 'warn' }, ['accumulation=off']);
    const report = await verifyTraces(
      ['tool-call-as-text.jsonl', 'accumulation.jsonl'].map((f) => join(traces, 'broken', f)),
      model,
      { severities: sev, sdk: false },
    );
    expect(report.summary).toMatchObject({ errors: 0, warnings: 5 });
  });
});
