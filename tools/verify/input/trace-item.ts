import type { JsonValue } from '../../model/schema.js';
import type { TraceRecord } from '../types.js';

/** What a reader yields: events, the request header, framing problems outside any event, and the end. */
export type TraceItem =
  | { kind: 'record'; record: TraceRecord }
  | { kind: 'request'; line: number; value: JsonValue }
  | { kind: 'stray'; line: number; message: string }
  | { kind: 'end'; lines: number };
