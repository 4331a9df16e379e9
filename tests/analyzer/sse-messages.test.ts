/**
 * An SSE message built as a value rather than framed by hand: `{"event": "response.created",
 * "data": …}` for sse-starlette, `ServerSentEvent(event=…, data=…)`, Hono's `writeSSE({ event, data })`.
 * Its `event` emits that event; without a `data` beside it, `event` is any key, and an undotted
 * name (`error`) is every streaming API's, as in an `event:` line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFiles, removeAnalyzedFiles } from './analyze-files.js';

afterAll(removeAnalyzedFiles);

/** `line kind literal (evidence)` of every event fact but bare literals. */
async function facts(files: Record<string, string>): Promise<string[]> {
  const result = await analyzeFiles(files);
  return result.facts
    .filter((f) => f.kind !== 'literal')
    .map((f) => `${f.line} ${f.kind} ${f.literal} (${f.evidence})${f.fields ? ` fields: ${f.fields.join(', ')}` : ''}`);
}

describe('SSE messages built as values', () => {
  it('Python: a dict with `event` and `data`, and `event=` beside `data=` in a call', async () => {
    expect(
      await facts({
        'server/stream.py': [
          'async def gen(payload):',
          '    yield {"event": "response.created", "data": payload}',
          '    yield ServerSentEvent(event="response.in_progress", data=payload)',
          '    yield dict(data=payload, event="response.completed")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '2 emitter response.created (event of an SSE message)',
      '3 emitter response.in_progress (event of an SSE message)',
      '4 emitter response.completed (event of an SSE message)',
    ]);
  });

  it('Python: not without `data`, not an undotted name, not a dict key', async () => {
    expect(
      await facts({
        'server/log.py': [
          'def log(user):',
          '    track({"event": "response.created", "user": user})',
          '    track(event="response.failed", user=user)',
          '    send({"event": "error", "data": "{}"})',
          '    table = {"response.completed": 1, "data": 2}',
          '',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('TypeScript: an object literal with `event` and `data` (or shorthand `data`), its keys not taken for the event’s', async () => {
    expect(
      await facts({
        'web/stream.mts': [
          'export async function run(stream: { writeSSE(m: object): Promise<void> }, data: string) {',
          "  await stream.writeSSE({ event: 'response.created', data: JSON.stringify({}) });",
          "  await stream.writeSSE({ data, event: 'response.in_progress', id: '1' });",
          "  track({ event: 'response.failed', user: 'u' });",
          "  await stream.writeSSE({ event: 'error', data });",
          '}',
          'declare function track(o: object): void;',
          '',
        ].join('\n'),
      }),
    ).toEqual(['2 emitter response.created (event of an SSE message)', '3 emitter response.in_progress (event of an SSE message)']);
  });
});
