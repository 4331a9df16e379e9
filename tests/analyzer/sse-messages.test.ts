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

  it('TypeScript: each branch of a choice written as the type or the event emits that event, in parentheses or narrowed too; not one compared', async () => {
    expect(
      await facts({
        'web/finish.mts': [
          'export function finish(res: { status: string }, send: (e: string, d: object) => void) {',
          "  send(res.status === 'failed' ? 'response.failed' : 'response.completed', {",
          "    type: res.status === 'failed' ? 'response.failed' : 'response.completed',",
          '  });',
          // In parentheses or narrowed, a branch or the whole value.
          "  send('x', { type: res.status ? ('response.in_progress' as 'x') : 'response.queued' });",
          "  send('x', { type: ('response.incomplete' as const) });",
          "  return res.status === (res.status ? 'response.queued' : 'x');",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '2 emitter response.failed (argument of send())',
      '2 emitter response.completed (argument of send())',
      '3 emitter response.failed (type property in object literal)',
      '3 emitter response.completed (type property in object literal)',
      '5 emitter response.in_progress (type property in object literal)',
      '5 emitter response.queued (type property in object literal)',
      '6 emitter response.incomplete (type property in object literal) fields: type',
    ]);
  });
});

describe('a helper of the file that types the event it is given', () => {
  it('Python: its argument, by position past `self` or by keyword, is the event built; not an argument it does not type', async () => {
    expect(
      await facts({
        'server/frames.py': [
          'def _ev(type_, *, seq, **fields):',
          '    payload = {"type": type_, "sequence_number": seq}',
          '    payload.update(fields)',
          '    return payload',
          '',
          'def _line(name, data):',
          '    return f"event: {name}\\ndata: {data}\\n\\n"',
          '',
          'def _log(kind, message):',
          '    return {"kind": kind, "message": message}',
          '',
          'class Stream:',
          '    def _frame(self, event_type, body):',
          '        return dict(type=event_type, **body)',
          '',
          '    def run(self):',
          '        yield _ev("response.created", seq=0)',
          '        yield _line("response.in_progress", "{}")',
          '        yield self._frame("response.completed", {})',
          '        yield _ev(type_="error", seq=3)',
          '        yield _log("response.failed", "x")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '17 emitter response.created (argument of _ev() that types the event)',
      '18 emitter response.in_progress (argument of _line() that types the event)',
      '19 emitter response.completed (argument of _frame() that types the event)',
      '20 emitter error (argument of _ev() that types the event)',
    ]);
  });

  it('Python: a choice of two types given to it, in place or through a local name', async () => {
    expect(
      await facts({
        'server/choice.py': [
          'def _ev(type_, **fields):',
          '    return {"type": type_, **fields}',
          '',
          'def _log(kind, message):',
          '    return {"kind": kind, "message": message}',
          '',
          'def run(truncated, kind):',
          '    yield _ev("response.incomplete" if truncated else "response.completed", response={})',
          '    name = (',
          '        "response.reasoning_text.delta"',
          '        if kind == "reasoning"',
          '        else "response.output_text.delta"',
          '    )',
          '    yield _ev(name, delta="d")',
          '    # Not typed by the helper it is given to.',
          '    yield _log("response.failed" if truncated else "response.cancelled", "x")',
          '    other = "response.queued" if truncated else "response.in_progress"',
          '    yield _log(other, "x")',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '8 emitter response.incomplete (argument of _ev() that types the event)',
      '8 emitter response.completed (argument of _ev() that types the event)',
      '10 emitter response.reasoning_text.delta (type of name)',
      '12 emitter response.output_text.delta (type of name)',
    ]);
  });

  it('Python: a choice of two types handed to a helper named for what it does, in place or through a local name', async () => {
    expect(
      await facts({
        'server/journal.py': [
          'class Orchestrator:',
          '    def _emit(self, rid, event_type, payload):',
          '        return self.db.append_event(rid, event_type, payload)',
          '',
          '    def finish(self, rid, ok):',
          '        self._emit(rid, "response.completed" if ok else "response.failed", {})',
          '        et = "response.incomplete" if not ok else "response.in_progress"',
          '        self._emit(rid, et, {})',
          '        label = "response.queued" if ok else "error"',
          '        return self.render(label)',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '6 emitter response.completed (argument of _emit())',
      '6 emitter response.failed (argument of _emit())',
      '7 emitter response.incomplete (argument of _emit())',
      '7 emitter response.in_progress (argument of _emit())',
    ]);
  });

  it('TypeScript: its argument is the event built when the function writes it as the type or after `event:`; not otherwise', async () => {
    expect(
      await facts({
        'web/frames.mts': [
          'function frame(kind: string, payload: object) {',
          '  return { type: kind, ...payload };',
          '}',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          'const line = (name: string, data: string) => `id: 1\\nevent: ${name}\\ndata: ${data}\\n\\n`;',
          'function build(type: string) {',
          '  return { type, sequence_number: 0 };',
          '}',
          'function log(kind: string, message: string) {',
          '  return { kind, message };',
          '}',
          'export function* run() {',
          "  yield frame('response.created', {});",
          "  yield line('response.in_progress', '{}');",
          "  yield build('response.completed');",
          "  yield frame('error', {});",
          "  yield log('response.failed', 'x');",
          "  yield log('error', 'x');",
          '}',
          'export class Relay {',
          '  private make(kind: string) {',
          '    return { type: kind, sequence_number: 0 };',
          '  }',
          '  *run() {',
          "    yield this.make('response.failed');",
          "    yield other.make('response.incomplete');",
          "    yield this.#frame(this.done ? 'response.completed' : 'response.in_progress');",
          '  }',
          '  #frame(type: string) {',
          '    return { event: type, data: { type } };',
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '12 emitter response.created (argument of frame() that types the event)',
      '13 emitter response.in_progress (argument of line() that types the event)',
      '14 emitter response.completed (argument of build() that types the event)',
      '15 emitter error (argument of frame() that types the event)',
      '24 emitter response.failed (argument of make() that types the event)',
      '26 emitter response.completed (argument of #frame() that types the event)',
      '26 emitter response.in_progress (argument of #frame() that types the event)',
    ]);
  });

  it('TypeScript: an event made again from the value a switch is on, of the type of its case and of the labels that fall through to it', async () => {
    expect(
      await facts({
        'web/adapt.mts': [
          'export function adapt(raw: { type?: unknown; item?: unknown }) {',
          "  const type = typeof raw.type === 'string' ? raw.type : '';",
          '  switch (type) {',
          "    case 'response.output_item.added':",
          "    case 'response.output_item.done':",
          '      return { type, item: raw.item };',
          "    case 'response.completed': {",
          '      const done = { type, response: raw };',
          '      return done;',
          '    }',
          "    case 'error':",
          '      return { type };',
          '  }',
          '  return null;',
          '}',
          'export function other(kind: string) {',
          '  switch (kind) {',
          "    case 'response.failed':",
          '      return { type: kind, kind };',
          '  }',
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '4 handler response.output_item.added (case label)',
      '5 handler response.output_item.done (case label)',
      '6 emitter response.output_item.added (type of the case, made again) fields: type, item',
      '6 emitter response.output_item.done (type of the case, made again) fields: type, item',
      '7 handler response.completed (case label)',
      '8 emitter response.completed (type of the case, made again) fields: type, response',
      '11 handler error (case label)',
      '18 handler response.failed (case label)',
    ]);
  });

  it('TypeScript: a type written as a template of a choice, in place or through a constant', async () => {
    expect(
      await facts({
        'web/choice.mts': [
          'function frame(kind: string, payload: object) {',
          '  return { type: kind, ...payload };',
          '}',
          'export function* run(finish: string, delta: boolean) {',
          "  yield frame('response.created', {});",
          "  const terminal = finish === 'length' ? 'incomplete' : 'completed';",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  yield frame(`response.${terminal}`, {});',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  yield { type: `response.output_text.${delta ? 'delta' : 'done'}` };",
          // A hole that is not a choice of written strings names nothing; nor does a text with no event.
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          '  yield frame(`response.${finish}`, {});',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template, analyzed
          "  yield frame(`nothing.${delta ? 'a' : 'b'}`, {});",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '5 emitter response.created (argument of frame() that types the event)',
      '7 emitter response.completed (argument of frame() that types the event)',
      '7 emitter response.incomplete (argument of frame() that types the event)',
      '8 emitter response.output_text.delta (type property in object literal)',
      '8 emitter response.output_text.done (type property in object literal)',
    ]);
  });

  it('Python: an undotted type built by a call carries the keywords it is built with, and none past a spread', async () => {
    expect(
      await facts({
        'server/chunks.py': [
          'def gen(e, extra):',
          '    yield StreamChunk(type="response.created", response=e)',
          '    yield StreamChunk(type="error", error=str(e))',
          '    yield StreamChunk(type="error", **extra)',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      '2 emitter response.created (type= keyword)',
      '3 emitter error (type= keyword) fields: type, error',
      '4 emitter error (type= keyword)',
    ]);
  });
});

describe('an SSE event line looked for in what was read', () => {
  it('handles the events of a line compared or searched for, tests them in a test, and emits those of a line written', async () => {
    const { facts: found } = await analyzeFiles({
      'server/consume.py': [
        'def read(line, out):',
        '    if "event: response.completed" in line:',
        '        return 1',
        '    if line.startswith("event: response.failed"):',
        '        return 2',
        '    out.write("event: response.created\\ndata: {}\\n\\n")',
        '',
      ].join('\n'),
      'tests/test_stream.py': [
        'def test_stream(body):',
        '    assert "event: response.created" in body',
        '    assert "event: response.failed" not in body',
        '',
      ].join('\n'),
      'web/consume.mts': [
        'export function read(line: string, out: { write(s: string): void }) {',
        "  if (line.includes('event: response.completed')) return 1;",
        "  if (line === 'event: response.failed') return 2;",
        "  out.write('event: response.created\\ndata: {}\\n\\n');",
        '}',
        '',
      ].join('\n'),
      'web/stream.test.mts': "it('streams', () => {\n  expect(body).toContain('event: response.created');\n});\n",
    });
    expect(found.filter((f) => f.kind !== 'literal').map((f) => `${f.file}:${f.line} ${f.kind} ${f.literal}`)).toEqual([
      'server/consume.py:2 handler response.completed',
      'server/consume.py:4 handler response.failed',
      'server/consume.py:6 emitter response.created',
      'tests/test_stream.py:2 test response.created',
      'tests/test_stream.py:3 test response.failed',
      'web/consume.mts:2 handler response.completed',
      'web/consume.mts:3 handler response.failed',
      'web/consume.mts:4 emitter response.created',
      'web/stream.test.mts:2 test response.created',
    ]);
  });
});

describe('a recorded stream line split over literals Python joins', () => {
  it('is read whole, at its first part', async () => {
    const { facts: found } = await analyzeFiles({
      'tests/test_recorded.py': [
        'def test_split():',
        '    lines = [',
        '        \'data: {"type": "response.completed", "response": {"usage": \'',
        '        \'{"input_tokens": 5}}}\',',
        '    ]',
        '    line = (\'data: {"type": "response.output_text.done", \'',
        '            \'"text": "hi"}\')',
        '    assert lines and line',
        '',
      ].join('\n'),
    });
    expect(found.filter((f) => f.kind !== 'literal').map((f) => `${f.file}:${f.line} ${f.kind} ${f.literal}`)).toEqual([
      'tests/test_recorded.py:3 test response.completed',
      'tests/test_recorded.py:6 test response.output_text.done',
    ]);
  });
});
