/**
 * The small hand-written table behind the lifecycle grammar: data, not a tangle of ifs.
 * Everything else — which events exist, their category, which carry `content_index`/`summary_index`,
 * which field of a `.done` event holds the final text — comes from the model (see grammar.ts).
 */

/*
 * Tables keyed by names that come from the sources or a trace are Maps: a plain object would answer
 * for `constructor`, `toString` or `__proto__` with what its prototype holds.
 */

/** Lifecycle-category events: their role, by the last segment of the type. */
export const RESPONSE_ROLES: ReadonlyMap<string, Role> = new Map([
  ['queued', 'pre'],
  ['created', 'start'],
  ['in_progress', 'progress'],
  ['completed', 'terminal'],
  ['failed', 'terminal'],
  ['incomplete', 'terminal'],
]);

/**
 * The response-level grammar: phase → role → next phase. A role missing from a phase is a lifecycle
 * violation; the stream then moves to `RECOVER[role]` so one defect is reported once.
 * `abort` (an `error` event) is allowed anywhere before the end and ends the stream.
 */
export type Role = 'pre' | 'start' | 'progress' | 'item' | 'terminal' | 'abort';
export type Phase = 'initial' | 'queued' | 'created' | 'running' | 'ended';

export const RESPONSE_GRAMMAR: Record<Phase, Partial<Record<Role, Phase>>> = {
  initial: { pre: 'queued', start: 'created', abort: 'ended' },
  queued: { start: 'created', abort: 'ended' },
  created: { progress: 'running', abort: 'ended' },
  running: { item: 'running', terminal: 'ended', abort: 'ended' },
  ended: {},
};

export const RECOVER: Record<Role, Phase> = { pre: 'queued', start: 'created', progress: 'running', item: 'running', terminal: 'ended', abort: 'ended' };

export const EXPECTED_IN: Record<Phase, string> = {
  initial: '`response.created` (optionally after `response.queued`)',
  queued: '`response.created`',
  created: '`response.in_progress`',
  running: 'item events or one terminal event',
  ended: 'nothing after the terminal event',
};

/** Event families that open and close a part, and the index that names the part. */
export const PART_FAMILIES: ReadonlyMap<string, PartKind> = new Map([
  ['response.content_part', 'content'],
  ['response.reasoning_summary_part', 'summary'],
]);
export type PartKind = 'content' | 'summary';
export const PART_INDEX: Record<PartKind, 'content_index' | 'summary_index'> = { content: 'content_index', summary: 'summary_index' };

/** The family that opens and closes items. */
export const ITEM_FAMILY = 'response.output_item';

/**
 * Events that carry an item still in progress: the item's required fields that only a finished item
 * has (a web search's `action`, an image's `result`) may be absent here. The item in
 * `output_item.done` and in the terminal response is still checked in full.
 */
export const IN_PROGRESS_ITEMS: ReadonlyMap<string, string> = new Map([['response.output_item.added', 'item']]);

/**
 * Which item types may receive which event families (the `family` check). A family missing here is
 * derived: `response.<x>_call.*` belongs to item type `<x>_call`.
 */
export const FAMILY_ITEM_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['response.content_part', ['message', 'reasoning']],
  ['response.output_text', ['message']],
  ['response.output_text.annotation', ['message']],
  ['response.refusal', ['message']],
  ['response.audio', ['message']],
  ['response.audio_transcript', ['message']],
  ['response.function_call_arguments', ['function_call']],
  ['response.custom_tool_call_input', ['custom_tool_call']],
  ['response.reasoning_summary_part', ['reasoning']],
  ['response.reasoning_summary_text', ['reasoning']],
  ['response.reasoning_text', ['reasoning']],
  ['response.mcp_call_arguments', ['mcp_call']],
  ['response.code_interpreter_call_code', ['code_interpreter_call']],
]);

/**
 * Fields that tie an event to an item. An event with none of them (`response.audio.delta`,
 * `response.audio.transcript.done`: the docs give them only `response_id`) belongs to the response
 * and never needs an open item.
 */
export const ITEM_KEYS: readonly string[] = ['item_id', 'output_index', 'item'];

/**
 * Where a streamed text lands once its part or item is done (check 7). `slot` says which part index
 * the text belongs to (none: the item itself); `item` reads it back from an item object, `part` from a
 * `*.part.done` part object.
 */
export interface TextRule {
  slot: PartKind | 'item';
  item: (item: Record<string, unknown>, index: number) => unknown;
  part?: (part: Record<string, unknown>) => unknown;
}

const at = (list: unknown, index: number): Record<string, unknown> | undefined =>
  Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;

export const TEXT_RULES: ReadonlyMap<string, TextRule> = new Map<string, TextRule>([
  ['response.output_text', { slot: 'content', item: (i, n) => at(i.content, n)?.text, part: (p) => p.text }],
  ['response.refusal', { slot: 'content', item: (i, n) => at(i.content, n)?.refusal, part: (p) => p.refusal }],
  ['response.reasoning_text', { slot: 'content', item: (i, n) => at(i.content, n)?.text, part: (p) => p.text }],
  ['response.reasoning_summary_text', { slot: 'summary', item: (i, n) => at(i.summary, n)?.text, part: (p) => p.text }],
  ['response.function_call_arguments', { slot: 'item', item: (i) => i.arguments }],
  ['response.mcp_call_arguments', { slot: 'item', item: (i) => i.arguments }],
  ['response.custom_tool_call_input', { slot: 'item', item: (i) => i.input }],
  ['response.code_interpreter_call_code', { slot: 'item', item: (i) => i.code }],
]);

/** `.done` text fields the model may not name (a catalog without fields); the model wins when it does. */
export const DONE_TEXT_FALLBACK: ReadonlyMap<string, string> = new Map([
  ['response.output_text', 'text'],
  ['response.refusal', 'refusal'],
  ['response.reasoning_text', 'text'],
  ['response.reasoning_summary_text', 'text'],
  ['response.function_call_arguments', 'arguments'],
  ['response.mcp_call_arguments', 'arguments'],
  ['response.custom_tool_call_input', 'input'],
  ['response.code_interpreter_call_code', 'code'],
]);
