import { describe, expect, it } from 'vitest';
import { readLineBatches } from './lines.js';
import { readJsonl } from './jsonl.js';
import { readSse } from './sse.js';
import type { TraceItem } from './trace-item.js';

async function collect(gen: AsyncIterable<TraceItem[]>): Promise<TraceItem[]> {
  const out: TraceItem[] = [];
  for await (const batch of gen) out.push(...batch);
  return out;
}

const sse = (text: string, chunks = 1) => {
  const size = Math.ceil(text.length / chunks);
  const parts = Array.from({ length: chunks }, (_, i) => text.slice(i * size, (i + 1) * size));
  return collect(
    readSse(
      readLineBatches(
        (async function* () {
          yield* parts;
        })(),
      ),
      new Set(['response.created', 'response.queued']),
    ),
  );
};

describe('readSse', () => {
  const cases: [string, { given: string; chunks?: number; want: unknown[] }][] = [
    [
      'one frame and the sentinel',
      {
        given: 'event: a\ndata: {"type":"a"}\n\ndata: [DONE]\n\n',
        want: [
          { kind: 'record', record: { line: 1, eventName: 'a', data: '{"type":"a"}', framing: [] } },
          { kind: 'end', lines: 5 },
        ],
      },
    ],
    [
      'multi-line data joins with \\n',
      {
        given: 'data: {"type":\ndata: "a"}\n\n',
        want: [
          { kind: 'record', record: { line: 1, data: '{"type":\n"a"}', framing: [] } },
          { kind: 'end', lines: 3 },
        ],
      },
    ],
    [
      'comments and the request header',
      {
        given: ': request {"model":"m"}\n: ping\n\ndata:x\n\n',
        want: [
          { kind: 'request', line: 1, value: { model: 'm' } },
          { kind: 'record', record: { line: 4, data: 'x', framing: [] } },
          { kind: 'end', lines: 5 },
        ],
      },
    ],
    [
      'CRLF split across chunks',
      {
        given: 'data: 1\r\n\r\ndata: 2\r\n\r\n',
        chunks: 5,
        want: [
          { kind: 'record', record: { line: 1, data: '1', framing: [] } },
          { kind: 'record', record: { line: 3, data: '2', framing: [] } },
          { kind: 'end', lines: 4 },
        ],
      },
    ],
    [
      'unknown field, unterminated last frame',
      {
        given: 'foo: 1\ndata: 2',
        want: [
          {
            kind: 'record',
            record: {
              line: 1,
              data: '2',
              framing: [
                { line: 1, message: expect.stringContaining('unknown SSE field `foo`') },
                { line: 2, message: expect.stringContaining('terminating blank line') },
              ],
            },
          },
          { kind: 'end', lines: 2 },
        ],
      },
    ],
    [
      'a new response after [DONE] starts over',
      {
        given: 'data: [DONE]\n\nevent: response.created\ndata: 1\n\ndata: 2\n\ndata: [DONE]\n\ndata: {"type":"response.queued"}\n\n',
        want: [
          { kind: 'record', record: { line: 3, eventName: 'response.created', data: '1', framing: [] } },
          { kind: 'record', record: { line: 6, data: '2', framing: [] } },
          { kind: 'record', record: { line: 10, data: '{"type":"response.queued"}', framing: [] } },
          { kind: 'end', lines: 11 },
        ],
      },
    ],
    [
      'event after [DONE]',
      {
        given: 'data: [DONE]\n\ndata: 1\n\n',
        want: [
          {
            kind: 'record',
            record: { line: 3, data: '1', framing: [{ line: 3, message: expect.stringContaining('after `data: [DONE]`') }] },
          },
          { kind: 'end', lines: 4 },
        ],
      },
    ],
  ];
  it.each(cases)('%s', async (_name, { given, chunks, want }) => {
    expect(await sse(given, chunks)).toEqual(want);
  });
});

describe('lines that could not be read', () => {
  it('become unreadable strays in both formats; a fatal one says the reading stopped', async () => {
    const lines = async function* () {
      yield [
        { number: 1, text: 'data: 1' },
        { number: 2, text: '', problem: { message: 'too long', fatal: false } },
        { number: 3, text: '' },
        { number: 4, text: '', problem: { message: 'binary', fatal: true } },
      ];
    };
    expect(await collect(readSse(lines()))).toEqual([
      // The frame that lost its line is not passed on as an event: what is left of it is another event.
      { kind: 'stray', line: 2, message: 'too long', unreadable: true },
      { kind: 'stray', line: 4, message: 'binary', unreadable: true, fatal: true },
      { kind: 'end', lines: 4 },
    ]);
    expect((await collect(readJsonl(lines()))).filter((i) => i.kind === 'stray')).toEqual([
      { kind: 'stray', line: 2, message: 'too long', unreadable: true },
      { kind: 'stray', line: 4, message: 'binary', unreadable: true, fatal: true },
    ]);
  });
});

describe('readJsonl', () => {
  it('skips blank lines, reads `#` header comments before the first event only', async () => {
    const lines = readLineBatches(
      (async function* () {
        yield '# request {"model":"m"}\n\n{"type":"a"}\n# not a header\n';
      })(),
    );
    expect(await collect(readJsonl(lines))).toEqual([
      { kind: 'request', line: 1, value: { model: 'm' } },
      { kind: 'record', record: { line: 3, data: '{"type":"a"}', framing: [] } },
      { kind: 'record', record: { line: 4, data: '# not a header', framing: [] } },
      { kind: 'end', lines: 4 },
    ]);
  });
});
