/**
 * The vocabulary of `specmap verify`: what a trace reader yields, what a check reports, and what one
 * verified trace sums up to. Readers, checks and formatters meet only here.
 */
import type { JsonValue } from '../model/schema.js';

/** The checks of issue 7, in the order the issue lists them. Ids are API: configs and reports use them. */
export const CHECK_IDS = ['framing', 'schema', 'lifecycle', 'sequence', 'indices', 'identity', 'accumulation', 'family', 'closure'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_TITLES: Record<CheckId, string> = {
  framing: 'valid SSE / JSON Lines framing; `event:` name equals the payload type; JSON parses',
  schema: 'every event validates against the schema for its type; unknown types',
  lifecycle: 'created/in_progress first, items and parts open before use, one terminal event, nothing after it',
  sequence: '`sequence_number` present and increasing by one',
  indices: '`output_index` zero-based, contiguous, stable per item; `content_index`/`summary_index` contiguous',
  identity: 'an item keeps its id in added, delta and done events and in the terminal response',
  accumulation: 'deltas concatenate to the `.done` text, the part text, the item text and the terminal text',
  family: 'an item only receives the event families of its type',
  closure: 'every opened item and part is closed; every output item was streamed',
};

export type VerifySeverity = 'error' | 'warn';

/** One event as read from a trace, before any check looked at it. */
export interface TraceRecord {
  /** 1-based line where the event starts (the SSE frame's first field line, or the JSON line). */
  line: number;
  /** SSE `event:` field, when the frame had one. */
  eventName?: string;
  /** The raw `data` text (SSE data lines joined by `\n`, or the JSON line). */
  data: string;
  /** Framing problems the reader found in this frame, each at its own line. */
  framing: { line: number; message: string }[];
}

/** A record whose payload parsed to an object with a string `type`. */
export interface TraceEvent {
  line: number;
  type: string;
  payload: Record<string, JsonValue>;
}

export interface Violation {
  check: CheckId;
  severity: VerifySeverity;
  /** The trace file (as given on the command line; `-` for stdin). */
  file: string;
  line: number;
  /** The event's type, when known. */
  event?: string;
  /** What was found, what was expected. */
  message: string;
}

/** A violation before the trace file and configured severity are attached. */
export type RawViolation = Omit<Violation, 'file' | 'severity'>;

export interface SdkOpinion {
  /** false when the `openai` package could not be loaded. */
  available: boolean;
  accepted: boolean;
  /** The SDK's error message when it rejected the trace, or why it could not run. */
  message?: string;
  /** The stream's own error as the SDK raised it (an `error` event, a payload with `error`): still accepted. */
  surfaced?: string;
  /** Events the SDK yielded before it stopped. */
  events: number;
}

export interface TraceReport {
  file: string;
  format: TraceFormat;
  events: number;
  lines: number;
  /** The request this trace answered, from its header comment or sidecar file. */
  request?: { from: string; value: JsonValue };
  violations: Violation[];
  sdk?: SdkOpinion;
}

export type TraceFormat = 'sse' | 'jsonl';

export interface VerifyReport {
  traces: TraceReport[];
  /** Which schema set check 2 used (the generators' runtime schemas, or the model-field fallback). */
  schemaSource: string;
  summary: { traces: number; events: number; errors: number; warnings: number; sdkRejected: number };
}
