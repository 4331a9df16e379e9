import type { JsonValue } from '../../model/schema.js';
import type { TraceRecord } from '../types.js';

/**
 * What a reader yields: events, the request header, framing problems outside any event, and the end.
 * An `unreadable` stray is input that could not be read (binary data, an over-long line); a `fatal`
 * one also ended the reading, so what the stream lacks at its end says nothing about the server.
 */
export type TraceItem =
  | { kind: 'record'; record: TraceRecord }
  | { kind: 'request'; line: number; value: JsonValue }
  | { kind: 'stray'; line: number; message: string; unreadable?: boolean; fatal?: boolean }
  | { kind: 'end'; lines: number };
