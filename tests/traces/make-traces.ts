/**
 * Writes the trace library (tests/traces/clean, tests/traces/broken): small streams in our own words,
 * built here so every broken trace is a visible edit of a clean one. Run by hand after a change:
 *   npx tsx tests/traces/make-traces.ts
 * The files are committed; tests read the files, never this script.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Ev = Record<string, unknown>;
const here = new URL('.', import.meta.url).pathname;

const REQUEST = { model: 'gpt-test', input: 'Say hello', stream: true };

function response(status: string, output: unknown[]): Ev {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 1760000000,
    status,
    model: 'gpt-test',
    output,
    error: null,
    incomplete_details: null,
    usage: null,
  };
}

/** Numbers events 0, 1, 2… unless an event already says otherwise (`sequence_number` in it, or `$noseq`). */
function numbered(events: Ev[]): Ev[] {
  let n = 0;
  return events.map((e) => {
    if (e.$noseq) {
      const { $noseq: _, ...rest } = e;
      return rest;
    }
    if (typeof e.sequence_number === 'number') {
      n = e.sequence_number + 1;
      return e;
    }
    return { type: e.type, sequence_number: n++, ...e };
  });
}

function sse(events: Ev[], header: string[] = []): string {
  const frames = numbered(events).map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`);
  return header.join('') + frames.join('') + 'data: [DONE]\n\n';
}

function jsonl(events: Ev[], header: string[] = []): string {
  return (
    header.join('') +
    numbered(events)
      .map((e) => JSON.stringify(e) + '\n')
      .join('')
  );
}

function write(rel: string, text: string): void {
  writeFileSync(join(here, rel), text);
}

// Building blocks ------------------------------------------------------------------------------
const start = (): Ev[] => [
  { type: 'response.created', response: response('in_progress', []) },
  { type: 'response.in_progress', response: response('in_progress', []) },
];
const done = (output: unknown[]): Ev => ({ type: 'response.completed', response: response('completed', output) });

function message(id: string, oi: number, deltas: string[], opts: { itemIdFor?: (i: number) => string } = {}): { events: Ev[]; item: Ev } {
  const text = deltas.join('');
  const part = { type: 'output_text', text, annotations: [] };
  const item = { id, type: 'message', status: 'completed', role: 'assistant', content: [part] };
  const base = { item_id: id, output_index: oi, content_index: 0 };
  return {
    item,
    events: [
      { type: 'response.output_item.added', output_index: oi, item: { ...item, status: 'in_progress', content: [] } },
      { type: 'response.content_part.added', ...base, part: { ...part, text: '' } },
      ...deltas.map((delta, i) => ({
        type: 'response.output_text.delta',
        ...base,
        item_id: opts.itemIdFor?.(i) ?? id,
        delta,
        logprobs: [],
      })),
      { type: 'response.output_text.done', ...base, text, logprobs: [] },
      { type: 'response.content_part.done', ...base, part },
      { type: 'response.output_item.done', output_index: oi, item },
    ],
  };
}

function functionCall(id: string, oi: number, name: string, deltas: string[]): { added: Ev; body: Ev[]; doneEv: Ev; item: Ev } {
  const args = deltas.join('');
  const item = { id, type: 'function_call', status: 'completed', call_id: `call_${id}`, name, arguments: args };
  const base = { item_id: id, output_index: oi };
  return {
    item,
    added: { type: 'response.output_item.added', output_index: oi, item: { ...item, status: 'in_progress', arguments: '' } },
    body: [
      ...deltas.map((delta) => ({ type: 'response.function_call_arguments.delta', ...base, delta })),
      { type: 'response.function_call_arguments.done', ...base, name, arguments: args },
    ],
    doneEv: { type: 'response.output_item.done', output_index: oi, item },
  };
}

function tool(kind: 'web_search_call' | 'file_search_call', id: string, oi: number): { events: Ev[]; item: Ev } {
  const item: Ev =
    kind === 'web_search_call'
      ? { id, type: kind, status: 'completed', action: { type: 'search', query: 'weather in Lisbon' } }
      : { id, type: kind, status: 'completed', queries: ['release notes'], results: null };
  const base = { item_id: id, output_index: oi };
  return {
    item,
    events: [
      { type: 'response.output_item.added', output_index: oi, item: { ...item, status: 'in_progress' } },
      { type: `response.${kind}.in_progress`, ...base },
      { type: `response.${kind}.searching`, ...base },
      { type: `response.${kind}.completed`, ...base },
      { type: 'response.output_item.done', output_index: oi, item },
    ],
  };
}

// Clean traces ----------------------------------------------------------------------------------
{
  const m = message('msg_1', 0, ['Hel', 'lo, ', 'world']);
  const events = numbered([...start(), ...m.events, done([m.item])]);
  // One frame splits its JSON over two data lines, and a keep-alive comment sits between frames.
  const frames = events.map((e, i) => {
    const json = JSON.stringify(e);
    if (e.type === 'response.content_part.added') {
      const cut = json.indexOf(',"part"');
      return `event: ${String(e.type)}\ndata: ${json.slice(0, cut + 1)}\ndata: ${json.slice(cut + 1)}\n\n`;
    }
    return (i === 2 ? ': keep-alive\n\n' : '') + `event: ${String(e.type)}\ndata: ${json}\n\n`;
  });
  write('clean/message.sse', `: request ${JSON.stringify(REQUEST)}\n\n` + frames.join('') + 'data: [DONE]\n\n');
}
{
  const id = 'rs_1';
  const summary = 'Counting the letters first.';
  const item = { id, type: 'reasoning', summary: [{ type: 'summary_text', text: summary }] };
  const base = { item_id: id, output_index: 0, summary_index: 0 };
  const m = message('msg_2', 1, ['There are ', 'three.']);
  write(
    'clean/reasoning.jsonl',
    jsonl(
      [
        ...start(),
        { type: 'response.output_item.added', output_index: 0, item: { ...item, summary: [] } },
        { type: 'response.reasoning_summary_part.added', ...base, part: { type: 'summary_text', text: '' } },
        { type: 'response.reasoning_summary_text.delta', ...base, delta: 'Counting the ' },
        { type: 'response.reasoning_summary_text.delta', ...base, delta: 'letters first.' },
        { type: 'response.reasoning_summary_text.done', ...base, text: summary },
        { type: 'response.reasoning_summary_part.done', ...base, part: { type: 'summary_text', text: summary } },
        { type: 'response.output_item.done', output_index: 0, item },
        ...m.events,
        done([item, m.item]),
      ],
      [`# request ${JSON.stringify({ ...REQUEST, reasoning: { summary: 'auto' } })}\n`],
    ),
  );
}
{
  const f = functionCall('fc_1', 0, 'get_weather', ['{"city":', '"Lisbon"}']);
  write('clean/function-call.sse', sse([...start(), f.added, ...f.body, f.doneEv, done([f.item])]));
  write(
    'clean/function-call.sse.request.json',
    JSON.stringify({ ...REQUEST, tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }] }, null, 2) + '\n',
  );
}
{
  const w = tool('web_search_call', 'ws_1', 0);
  const m = message('msg_3', 1, ['Sunny ', 'today.']);
  write('clean/web-search.ndjson', jsonl([...start(), ...w.events, ...m.events, done([w.item, m.item])]));
}
{
  const f = tool('file_search_call', 'fs_1', 0);
  write('clean/file-search.jsonl', jsonl([...start(), ...f.events, done([f.item])]));
}
{
  const id = 'ig_1';
  const item = { id, type: 'image_generation_call', status: 'completed', result: 'aW1hZ2U=' };
  const base = { item_id: id, output_index: 0 };
  write(
    'clean/image-generation.sse',
    sse([
      ...start(),
      { type: 'response.output_item.added', output_index: 0, item: { ...item, status: 'in_progress', result: null } },
      { type: 'response.image_generation_call.in_progress', ...base },
      { type: 'response.image_generation_call.generating', ...base },
      { type: 'response.image_generation_call.partial_image', ...base, partial_image_index: 0, partial_image_b64: 'cGFydA==' },
      { type: 'response.image_generation_call.completed', ...base },
      { type: 'response.output_item.done', output_index: 0, item },
      done([item]),
    ]),
  );
}
{
  const list = { id: 'mcpl_1', type: 'mcp_list_tools', server_label: 'notes', tools: [{ name: 'search_notes', input_schema: {} }] };
  const call = {
    id: 'mcp_1',
    type: 'mcp_call',
    server_label: 'notes',
    name: 'search_notes',
    arguments: '{"q":"plans"}',
    output: 'two notes',
    error: null,
  };
  const lb = { item_id: 'mcpl_1', output_index: 0 };
  const cb = { item_id: 'mcp_1', output_index: 1 };
  write(
    'clean/mcp-call.jsonl',
    jsonl([
      ...start(),
      { type: 'response.output_item.added', output_index: 0, item: { ...list, tools: [] } },
      { type: 'response.mcp_list_tools.in_progress', ...lb },
      { type: 'response.mcp_list_tools.completed', ...lb },
      { type: 'response.output_item.done', output_index: 0, item: list },
      { type: 'response.output_item.added', output_index: 1, item: { ...call, arguments: '', output: null } },
      { type: 'response.mcp_call.in_progress', ...cb },
      { type: 'response.mcp_call_arguments.delta', ...cb, delta: '{"q":' },
      { type: 'response.mcp_call_arguments.delta', ...cb, delta: '"plans"}' },
      { type: 'response.mcp_call_arguments.done', ...cb, arguments: '{"q":"plans"}' },
      { type: 'response.mcp_call.completed', ...cb },
      { type: 'response.output_item.done', output_index: 1, item: call },
      done([list, call]),
    ]),
  );
}
// A stream that ends with a well-formed `error` event: no terminal response is needed after it.
write(
  'clean/error-ends-stream.jsonl',
  jsonl([...start(), { type: 'error', code: 'server_error', message: 'The backend went away.', param: 'input' }]),
);

// Spec-valid, yet the SDK disagrees ------------------------------------------------------------
{
  // `response.queued` before `response.created` is allowed by the spec; openai@6's stream helper
  // expects `response.created` first and rejects it. Kept apart: specmap passes it, the SDK does not.
  const m = message('msg_1', 0, ['Hi']);
  write(
    'sdk-disagrees/queued-first.jsonl',
    jsonl([{ type: 'response.queued', response: response('queued', []) }, ...start(), ...m.events, done([m.item])]),
  );
}

// Broken traces ---------------------------------------------------------------------------------
{
  // framing: an event name that is not the payload's type, an unknown field, and a frame that is not JSON.
  const m = message('msg_1', 0, ['Hi']);
  const frames = numbered([...start(), ...m.events, done([m.item])]).map((e) => {
    const json = JSON.stringify(e);
    if (e.type === 'response.output_text.delta') return `event: response.output_text.added\ndata: ${json}\n\n`;
    if (e.type === 'response.output_text.done') return `event: ${String(e.type)}\nretry-after: 5\ndata: ${json}\n\n`;
    if (e.type === 'response.content_part.done')
      return `event: ping\ndata: {"type":"ping",\n\n` + `event: ${String(e.type)}\ndata: ${json}\n\n`;
    return `event: ${String(e.type)}\ndata: ${json}\n\n`;
  });
  write('broken/framing.sse', frames.join('') + 'data: [DONE]\n\n');
}
{
  // schema: an event type no spec has, and a known event whose field has the wrong type.
  const m = message('msg_1', 0, ['Hi', ' there']);
  const events = [...start(), ...m.events, done([m.item])];
  events.splice(5, 0, { type: 'response.tool_call.delta', item_id: 'msg_1', output_index: 0, delta: 'x' });
  (events[4] as Ev).logprobs = 'none';
  write('broken/schema.jsonl', jsonl(events));
}
// schema: the `error` event nests its fields under `error` (the HTTP error body) instead of top level.
write(
  'broken/error-shape.jsonl',
  jsonl([
    ...start(),
    { type: 'error', error: { type: 'server_error', code: 'server_error', message: 'The backend went away.', param: null } },
  ]),
);
{
  // lifecycle: no terminal event at all.
  const m = message('msg_1', 0, ['Hi']);
  write('broken/no-terminal.jsonl', jsonl([...start(), ...m.events]));
}
{
  // lifecycle: no response.created, a delta before its part opens, and a second terminal event.
  const m = message('msg_1', 0, ['Hi']);
  const early = { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: '', logprobs: [] };
  const events = [start()[1]!, m.events[0]!, early, ...m.events.slice(1), done([m.item]), done([m.item])];
  write('broken/lifecycle.jsonl', jsonl(events));
}
{
  // lifecycle: an event after the `error` that ended the stream.
  const m = message('msg_1', 0, ['Hi']);
  write(
    'broken/after-error.jsonl',
    jsonl([...start(), { type: 'error', code: 'server_error', message: 'Gone.', param: 'input' }, m.events[0]!]),
  );
}
{
  // lifecycle: items finished out of order (the second call is done before the first).
  const a = functionCall('fc_1', 0, 'get_weather', ['{"city":"Lisbon"}']);
  const b = functionCall('fc_2', 1, 'get_time', ['{"tz":"UTC"}']);
  write(
    'broken/items-out-of-order.jsonl',
    jsonl([...start(), a.added, b.added, ...a.body, ...b.body, b.doneEv, a.doneEv, done([a.item, b.item])]),
  );
}
{
  // sequence: two numbers swapped, then one event without a number.
  const m = message('msg_1', 0, ['a', 'b', 'c']);
  const events = numbered([...start(), ...m.events, done([m.item])]);
  events[3]!.sequence_number = 4;
  events[4]!.sequence_number = 3;
  delete events[7]!.sequence_number;
  write('broken/sequence.jsonl', events.map((e) => JSON.stringify(e) + '\n').join(''));
}
{
  // indices: output_index starts at 1 (and stays 1 for the item, consistently).
  const m = message('msg_1', 1, ['Hi']);
  write('broken/output-index-from-1.jsonl', jsonl([...start(), ...m.events, done([m.item])]));
}
{
  // indices: content_index starts at 1; and a delta that names the wrong output_index for its item.
  const m = message('msg_1', 0, ['Hi', '!']);
  const events = m.events.map((e) => ('content_index' in e ? { ...e, content_index: 1 } : e));
  (events[3] as Ev).output_index = 5;
  write('broken/content-index.jsonl', jsonl([...start(), ...events, done([m.item])]));
}
{
  // identity: the item id changes on every delta.
  const m = message('msg_1', 0, ['a', 'b', 'c'], { itemIdFor: (i) => `msg_1_${i}` });
  write('broken/ids-change-per-delta.jsonl', jsonl([...start(), ...m.events, done([m.item])]));
}
{
  // identity: the terminal response names the item differently.
  const m = message('msg_1', 0, ['Hi']);
  write('broken/terminal-id.jsonl', jsonl([...start(), ...m.events, done([{ ...m.item, id: 'msg_final' }])]));
}
{
  // accumulation: deltas do not add up to the .done text; a call's arguments differ in output_item.done.
  const m = message('msg_1', 0, ['Hel', 'lo']);
  (m.events[4] as Ev).text = 'Hello!';
  const part = { type: 'output_text', text: 'Hello!', annotations: [] };
  (m.events[5] as Ev).part = part;
  const item = { ...m.item, content: [part] };
  (m.events[6] as Ev).item = item;
  const f = functionCall('fc_1', 1, 'get_weather', ['{"city":', '"Porto"}']);
  const wrong = { ...f.item, arguments: '{"city":"Braga"}' };
  write(
    'broken/accumulation.jsonl',
    jsonl([...start(), ...m.events, f.added, ...f.body, { ...f.doneEv, item: wrong }, done([item, wrong])]),
  );
}
{
  // family: a tool call streamed as text deltas.
  const f = functionCall('fc_1', 0, 'get_weather', ['{"city":"Lisbon"}']);
  const base = { item_id: 'fc_1', output_index: 0, content_index: 0 };
  const args = '{"city":"Lisbon"}';
  write(
    'broken/tool-call-as-text.jsonl',
    jsonl([
      ...start(),
      f.added,
      { type: 'response.content_part.added', ...base, part: { type: 'output_text', text: '', annotations: [] } },
      { type: 'response.output_text.delta', ...base, delta: '{"city":', logprobs: [] },
      { type: 'response.output_text.delta', ...base, delta: '"Lisbon"}', logprobs: [] },
      { type: 'response.output_text.done', ...base, text: args, logprobs: [] },
      { type: 'response.content_part.done', ...base, part: { type: 'output_text', text: args, annotations: [] } },
      f.doneEv,
      done([f.item]),
    ]),
  );
}
{
  // closure: a zero-delta item that is never opened nor closed, only present in the final response.
  const m = message('msg_1', 0, ['Hi']);
  const silent = { id: 'fc_9', type: 'function_call', status: 'completed', call_id: 'call_9', name: 'noop', arguments: '{}' };
  write('broken/zero-delta-never-opened.jsonl', jsonl([...start(), ...m.events, done([m.item, silent])]));
}
{
  // closure: a zero-delta search opened but never closed, and a content part never closed.
  const w = tool('web_search_call', 'ws_1', 0);
  const m = message('msg_1', 1, ['Hi']);
  const withoutPartDone = m.events.filter((e) => e.type !== 'response.content_part.done');
  write('broken/never-closed.jsonl', jsonl([...start(), ...w.events.slice(0, 4), ...withoutPartDone, done([w.item, m.item])]));
}
