/**
 * Checks 3, 5–9 on one parsed event: the rule for its type (grammar.ts) says what the event does —
 * move the response along, open or close an item or part, stream text — and each step reports into
 * the check that owns it. One defect lands in exactly one check: an event that fails an earlier step
 * (no such item, wrong family) is not looked at again by later ones.
 */
import type { EventRule } from '../grammar.js';
import { type Report, type StreamState, quote } from '../state.js';
import type { TraceEvent } from '../types.js';
import { addDelta, itemDone, partDone, slotFor, textDone } from './accumulation.js';
import { openParts } from './closure.js';
import { closeItem, itemOf, openItem, resolveItem } from './items.js';
import { openPart, partIndex, requireOpenPart } from './parts.js';
import { stepResponse } from './response-lifecycle.js';
import { checkTerminal } from './terminal.js';

export function checkStructure(state: StreamState, rule: EventRule, event: TraceEvent, report: Report): void {
  if (rule.scope === 'response') {
    if (stepResponse(state, rule.role, event, report) && rule.role === 'terminal') checkTerminal(state, event, report);
    return;
  }
  if (!stepResponse(state, 'item', event, report)) return;
  if (rule.opens === 'item' && rule.action === 'open') return openItem(state, event, report);

  const { profile } = state;
  const id = rule.opens === 'item' ? itemOf(state, event)?.id : event.payload[profile.items.idField];
  const item = resolveItem(state, event, id, report);
  if (!item) return;
  if (!item.open) {
    report({
      check: 'lifecycle',
      line: event.line,
      event: event.type,
      message: `Found \`${event.type}\` for item ${quote(item.id)} after its \`${profile.items.family}.done\` at line ${item.closedLine}, expected item events between added and done`,
    });
    return;
  }
  if (rule.opens === 'item') {
    if (rule.action !== 'close') return;
    openParts(state, item, `its item closed at line ${event.line}`, report);
    itemDone(item, itemOf(state, event), `${profile.items.family.slice(profile.items.family.lastIndexOf('.') + 1)}.done`, event, report);
    closeItem(state, item, event, report);
    return;
  }
  if (rule.itemTypes && item.type !== 'unknown' && !rule.itemTypes.includes(item.type)) {
    report({
      check: 'family',
      line: event.line,
      event: event.type,
      message: `Found \`${event.type}\` for a \`${item.type}\` item ${quote(item.id)}, expected \`${rule.family}.*\` only for ${rule.itemTypes.map((t) => `\`${t}\``).join(', ')} items`,
    });
    return;
  }
  if (rule.opens) {
    if (rule.action === 'open') return openPart(profile, item, rule.opens, event, report);
    if (rule.action !== 'close') return;
    const part = requireOpenPart(profile, item, rule.opens, event, report);
    if (!part) return;
    partDone(item, rule.opens, profile.parts.kinds.get(rule.opens)?.payload ?? 'part', part.index, event, report);
    part.open = false;
    return;
  }
  if (rule.inPart && !requireOpenPart(profile, item, rule.inPart, event, report)) return;
  if ((rule.action !== 'delta' && rule.action !== 'text-done') || !rule.text) return;
  const kind = rule.inPart ?? 'item';
  const slot = slotFor(item, rule.family, rule.text, kind, rule.inPart ? (partIndex(profile, event, rule.inPart) ?? 0) : 0);
  if (rule.action === 'delta') addDelta(slot, profile.text.deltaField, event);
  else if (rule.textField) textDone(slot, rule.textField, event, report);
}
