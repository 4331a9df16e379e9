/**
 * Check 7: the deltas of a slot concatenate to its `.done` text, which equals the part's text in
 * `*.part.done`, the item's text in `output_item.done` and in the terminal response. A slot with no
 * deltas has nothing to concatenate: its `.done` text stands alone (servers may skip deltas).
 */
import type { JsonValue } from '../../model/schema.js';
import type { PartKind, TextRule } from '../stream-profile.js';
import { type ItemState, type Report, type SlotState, describeMismatch, digest, finalText, quote, slotKey } from '../state.js';
import type { TraceEvent } from '../types.js';

export function slotFor(item: ItemState, family: string, rule: TextRule, kind: PartKind | 'item', index: number): SlotState {
  const key = slotKey(kind, index);
  let slot = item.slots.get(key);
  const position = kind === 'item' ? 0 : (item.parts.get(key)?.position ?? index);
  if (!slot) {
    slot = { family, rule, text: '', deltas: 0, position };
    item.slots.set(key, slot);
  }
  return slot;
}

export function addDelta(slot: SlotState, field: string, event: TraceEvent): void {
  const delta = event.payload[field];
  if (typeof delta === 'string') {
    slot.text += delta;
    slot.deltas++;
  }
}

export function textDone(slot: SlotState, field: string, event: TraceEvent, report: Report): void {
  const text = event.payload[field];
  if (typeof text !== 'string') return;
  if (slot.deltas > 0 && slot.text !== text) {
    report({
      check: 'accumulation',
      line: event.line,
      event: event.type,
      message: `Found \`${field}\` that differs from the ${slot.deltas} deltas concatenated (${describeMismatch(text, slot.text)}), expected them equal`,
    });
  }
  slot.done = text;
}

function compare(found: unknown, slot: SlotState, where: string, event: TraceEvent, report: Report): void {
  const expected = finalText(slot);
  if (expected === undefined) return;
  if (typeof found !== 'string') {
    report({
      check: 'accumulation',
      line: event.line,
      event: event.type,
      message: `Found no text ${where} (${quote(found)}), expected the streamed text of ${expected.length} characters`,
    });
  } else if (found !== expected) {
    report({
      check: 'accumulation',
      line: event.line,
      event: event.type,
      message: `Found text ${where} that differs from the streamed text (${describeMismatch(found, expected)}), expected them equal`,
    });
  }
}

/** `*.part.done`: the part object's text equals the slot's. */
export function partDone(item: ItemState, kind: PartKind, payload: string, index: number, event: TraceEvent, report: Report): void {
  const slot = item.slots.get(slotKey(kind, index));
  const part = event.payload[payload];
  if (!slot || !part || typeof part !== 'object' || Array.isArray(part)) return;
  const read = slot.rule.part;
  if (read) compare(read(part), slot, `in the part of \`${event.type}\``, event, report);
}

/** `output_item.done`: every slot's text is in the item; then keep only digests. */
/** `closing`: the closing event's short name for messages (`output_item.done`). */
export function itemDone(
  item: ItemState,
  doneItem: Record<string, JsonValue> | undefined,
  closing: string,
  event: TraceEvent,
  report: Report,
): void {
  const finals = new Map<string, { rule: TextRule; position: number; digest: string; length: number }>();
  for (const [key, slot] of item.slots) {
    const rule = slot.rule;
    const text = finalText(slot);
    if (text === undefined) continue;
    if (doneItem) compare(rule.item(doneItem, slot.position), slot, `at ${key} of the item in \`${closing}\``, event, report);
    finals.set(key, { rule, position: slot.position, digest: digest(text), length: text.length });
  }
  item.finals = finals;
  item.slots = new Map();
  item.parts = new Map();
}

/** Terminal response: each closed item's texts, compared by digest. */
export function terminalTexts(item: ItemState, output: Record<string, JsonValue>, event: TraceEvent, report: Report): void {
  for (const [key, final] of item.finals ?? []) {
    const found = final.rule.item(output, final.position);
    if (typeof found !== 'string' || found.length !== final.length || digest(found) !== final.digest) {
      const what = typeof found === 'string' ? `text of ${found.length} characters that differs` : `no text (${quote(found)})`;
      report({
        check: 'accumulation',
        line: event.line,
        event: event.type,
        message: `Found ${what} at ${key} of output[${item.position}] in the terminal response, expected the streamed text of ${final.length} characters`,
      });
    }
  }
}
