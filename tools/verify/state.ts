/**
 * What the structural checks remember while a stream goes by. Closed items keep only their id, type,
 * index and a digest of each final text, so memory grows with the number of items, never with the
 * number of events or the length of texts already closed.
 */
import { createHash } from 'node:crypto';
import type { Phase, PartKind, StreamProfile, TextRule } from './stream-profile.js';
import type { RawViolation } from './types.js';

export interface PartState {
  kind: PartKind;
  index: number;
  /** Its place among the item's parts of this kind (the index in the item's \`content\`/\`summary\`). */
  position: number;
  line: number;
  open: boolean;
}

/** Text streamed into one slot: a part (`content:0`, `summary:1`) or the item itself (`item`). */
export interface SlotState {
  family: string;
  rule: TextRule;
  text: string;
  deltas: number;
  /** Index into the item's \`content\`/\`summary\` list (0 for item-level text). */
  position: number;
  /** The `.done` text, once seen. */
  done?: string;
}

export interface ItemState {
  id: string | undefined;
  type: string;
  outputIndex: number;
  /** Where the item really is: its place in the order of \`output_item.added\` (the terminal output's index). */
  position: number;
  line: number;
  open: boolean;
  closedLine?: number;
  parts: Map<string, PartState>;
  partCounts: Map<PartKind, number>;
  slots: Map<string, SlotState>;
  /** After close: digests of each slot's final text, for the terminal response. */
  finals?: Map<string, { rule: TextRule; position: number; digest: string; length: number }>;
}

export interface StreamState {
  /** The grammar this stream is judged by. */
  profile: StreamProfile;
  phase: Phase;
  terminalLine?: number;
  /** The event that ended the response (`response.completed`, `error`, …). */
  terminalType?: string;
  /** How many items `output_item.added` opened so far. */
  added: number;
  /** Open items in the order they were added. */
  open: Set<ItemState>;
  byId: Map<string, ItemState>;
  byIndex: Map<number, ItemState>;
  /** Items that closed while an earlier one was open: judged when that one closes (never closing is closure's finding). */
  overtaken: Map<ItemState, { item: ItemState; line: number; type: string }[]>;
  /** Items by position, for the terminal response. */
  byPosition: ItemState[];
}

export function createState(profile: StreamProfile): StreamState {
  return {
    profile,
    phase: 'initial',
    added: 0,
    open: new Set(),
    byId: new Map(),
    byIndex: new Map(),
    byPosition: [],
    overtaken: new Map(),
  };
}

export function slotKey(kind: PartKind | 'item', index: number): string {
  return kind === 'item' ? 'item' : `${kind}:${index}`;
}

/** The text a slot ends with: its `.done` text, else what its deltas built. */
export function finalText(slot: SlotState): string | undefined {
  return slot.done ?? (slot.deltas > 0 ? slot.text : undefined);
}

export function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The sink every check reports into. */
export type Report = (v: RawViolation) => void;

/** A value for a message: JSON, and `(absent)` for a field the event does not have (never `undefined`). */
export function quote(value: unknown, max = 60): string {
  const s = value === undefined ? '(absent)' : (JSON.stringify(value) ?? String(value));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Describes where two texts first differ, so a mismatch message is actionable. */
export function describeMismatch(found: string, expected: string): string {
  let i = 0;
  while (i < found.length && i < expected.length && found[i] === expected[i]) i++;
  return `length ${found.length} vs ${expected.length}, first difference at offset ${i} (${quote(found.slice(i, i + 20))} vs ${quote(expected.slice(i, i + 20))})`;
}
