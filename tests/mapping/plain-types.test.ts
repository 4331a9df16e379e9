/**
 * A plain-word event type (`error`) in a stream whose other types are dotted counts only in a file
 * that deals with that stream: one with a dotted type of it (in any role, a bare string too) or a
 * route the spec has, or that carries the stream's envelope (`sequence_number`) in what it declares.
 * Every API and library has an `error` of its own. A source whose types are all
 * plain words (an agents catalog) is not held to it.
 */
import { describe, expect, it } from 'vitest';
import { computeMapping } from '../../tools/mapping/compute.js';
import type { Event } from '../../tools/model/schema.js';
import { fact, smallConfig, smallModel } from './fixture.js';

function model() {
  const m = smallModel();
  const plain = (type: string, source: string): Event => ({
    ...m.events[0]!,
    id: `event:${type}`,
    type,
    sources: [source],
    anchors: [`${source}:1-2`],
    fields: [],
    classNames: [],
  });
  const error = plain('error', 'events.md');
  error.fields = m.events[0]!.fields.filter((f) => f.name === 'type' || f.name === 'sequence_number');
  m.events.push(error, plain('tool_called', 'catalog.json'), plain('agent_updated', 'catalog.json'));
  return m;
}

const located = (m: ReturnType<typeof computeMapping>, id: string) =>
  Object.values(m.items[id]?.lanes ?? {})
    .flat()
    .map((l) => `${l.file}:${l.line}`)
    .sort();

describe('plain-word event types', () => {
  const m = computeMapping(
    model(),
    [
      // A library's own stream: nothing else of the spec's stream in the file.
      fact({ file: 'web/other-sdk.ts', line: 3, kind: 'handler', symbol: 'onPart', literal: 'error' }),
      // The spec's stream handled: a dotted type beside it.
      fact({ file: 'web/responses.ts', line: 5, kind: 'handler', symbol: 'onEvent', literal: 'error' }),
      fact({ file: 'web/responses.ts', line: 9, kind: 'handler', symbol: 'onEvent', literal: 'response.created' }),
      // A dotted type only as a bare string is enough to say what the file is about.
      fact({ file: 'web/mixed.ts', line: 2, kind: 'literal', symbol: '<module>', literal: 'response.completed' }),
      fact({ file: 'web/mixed.ts', line: 7, kind: 'handler', symbol: 'consume', literal: 'error' }),
      // A route of the spec's, framing its own error event.
      fact({ file: 'backend/server.py', line: 4, kind: 'route', symbol: 'create', method: 'POST', path: '/v1/responses' }),
      fact({ file: 'backend/server.py', line: 12, kind: 'emitter', symbol: 'create', literal: 'error' }),
      // A declaration of its own that carries the stream's envelope is the stream's, wherever it is.
      fact({
        file: 'backend/error_event.py',
        line: 6,
        kind: 'definition',
        symbol: 'ErrorEvent',
        literal: 'error',
        fields: ['type', 'message', 'sequence_number'],
      }),
      fact({
        file: 'backend/moderation.py',
        line: 3,
        kind: 'definition',
        symbol: 'ModerationError',
        literal: 'error',
        fields: ['type', 'message'],
      }),
      // A catalog of plain words is not held to the rule.
      fact({ file: 'web/agents.ts', line: 8, kind: 'handler', symbol: 'onItem', literal: 'tool_called' }),
    ],
    smallConfig(),
  );

  it('counts `error` beside the stream (a dotted type, a bare dotted string, a spec route) or with its envelope, not alone', () => {
    expect(located(m, 'event:error')).toEqual([
      'ws/backend/error_event.py:6',
      'ws/backend/server.py:12',
      'ws/web/mixed.ts:7',
      'ws/web/responses.ts:5',
    ]);
  });

  it("leaves a catalog's plain names alone", () => {
    expect(located(m, 'event:tool_called')).toEqual(['ws/web/agents.ts:8']);
  });
});

describe('a project’s own chunk named `error`', () => {
  it('is no emitter where it is built with what the stream’s error lacks, and one where its keys are the error’s', () => {
    const m = smallModel();
    const error: Event = { ...m.events[0]!, id: 'event:error', type: 'error', anchors: ['events.md:1-2'], classNames: [] };
    error.fields = ['type', 'code', 'message', 'sequence_number'].map((name) => ({ ...m.events[0]!.fields[0]!, name }));
    m.events.push(error);
    const built = (line: number, fields: string[]) =>
      fact({ file: 'backend/server.py', line, kind: 'emitter', symbol: 'stream', literal: 'error', fields });
    const mapping = computeMapping(
      m,
      [
        fact({ file: 'backend/server.py', line: 4, kind: 'emitter', symbol: 'stream', literal: 'response.created' }),
        // `StreamChunk(type="error", error=str(e))`: the project's chunk.
        built(9, ['type', 'error']),
        // `StreamChunk(type="error", code=…, message=…)`: the error event's keys.
        built(12, ['type', 'code', 'message']),
      ],
      smallConfig(),
    );
    expect(located(mapping, 'event:error')).toEqual(['ws/backend/server.py:12']);
  });
});
