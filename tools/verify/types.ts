/**
 * The vocabulary of `specmap verify`: what a trace reader yields, what a check reports, and what one
 * verified trace sums up to. Readers, checks and formatters meet only here.
 */
import type { JsonValue } from '../model/schema.js';

/** The checks, in the order a finding's line ties are broken. Ids are API: configs and reports use them. */
export const CHECK_IDS = [
  'framing',
  'schema',
  'lifecycle',
  'sequence',
  'indices',
  'identity',
  'accumulation',
  'family',
  'closure',
] as const;
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

/** `info` is never configured: it is what a finding becomes when the reference or a source vouches for it. */
export type VerifySeverity = 'error' | 'warn' | 'info';

/**
 * Why a finding is information, not an error: the reference server makes the same deviation (its
 * baseline says so), or the sources disagree and the trace follows one of them.
 */
export type Verdict = 'reference-does-too' | 'sources-disagree';

/**
 * What a baseline remembers of a finding: the event type, where in it (a field path such as
 * `response.usage` or `item[type=web_search_call].action`, an order such as `after error`), and the
 * kind of deviation (`null`, `missing`, `type`, `value`, `extra`, `order`, `unknown-event`, or a check id).
 */
export interface Deviation {
  event: string;
  path: string;
  kind: string;
}

/** Which response of a trace that holds several (a new `response.created` after the end starts one). */
export interface ResponseRef {
  /** 1-based, in the order the trace holds them. */
  index: number;
  id?: string;
}

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
  /** Set when the trace holds more than one response. */
  response?: ResponseRef;
  /** Set on `info` findings: why this is not an error. */
  verdict?: Verdict;
  /** For a verdict: who vouches for it (the baseline entry, the sources and what each says). */
  note?: string;
}

/** A violation before the trace file and severity are attached, as a check reports it. */
export interface RawViolation {
  check: CheckId;
  line: number;
  event?: string;
  message: string;
  /** The baseline keys of what was found; absent: one key from the event type and the check. */
  deviations?: Deviation[];
  /** Decided by the check itself (schema: a source or the baseline vouches for these issues). */
  verdict?: Verdict;
  note?: string;
}

/** Findings past `--max-findings` for one check and severity in one trace: counted, not kept. */
export interface Omitted {
  check: CheckId;
  severity: VerifySeverity;
  count: number;
}

export interface SdkOpinion {
  /** false when the `openai` package could not be loaded, or the trace is not one it can read (several responses). */
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
  /** How many responses the trace holds (a new `response.created` after the end starts the next). */
  responses: number;
  /** Part of the trace could not be read (binary data, an over-long line): the CLI exits 2. */
  unreadable?: boolean;
  /** The request this trace answered, from its header comment or sidecar file. */
  request?: { from: string; value: JsonValue };
  /** The first `maxFindings` findings per check and severity, by line. */
  violations: Violation[];
  /** The findings beyond them, counted. */
  omitted: Omitted[];
  /** Every finding, kept or not, by severity. */
  counts: { errors: number; warnings: number; infos: number };
  sdk?: SdkOpinion;
}

export type TraceFormat = 'sse' | 'jsonl';

export interface VerifyReport {
  traces: TraceReport[];
  /** Which schema set check 2 used (the generators' runtime schemas, or the model-field fallback). */
  schemaSource: string;
  /** The stream profile whose grammar judged the traces; absent: framing, schema and per-type checks only. */
  streamProfile?: string;
  /** The sources the model was built from (ids), e.g. the docs pages and the OpenAPI document. */
  sources: string[];
  /** The reference baseline in use, if any. */
  baseline?: BaselineUse;
  summary: { traces: number; events: number; errors: number; warnings: number; infos: number; unreadable: number; sdkRejected: number };
}

/** Which baseline a run used: where it came from and how much it holds. */
export interface BaselineUse {
  /** The profile file or recordings folder, as given. */
  from: string;
  /** A profile file read as is, or recordings learned from on the fly. */
  kind: 'profile' | 'recordings';
  recordings: number;
  deviations: number;
  /** Set when the profile was learned against other sources than this run's model: its keys may not match. */
  otherSources?: string[];
}
