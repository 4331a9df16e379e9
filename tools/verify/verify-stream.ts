/**
 * One trace through every check, in a single pass over the reader's items: framing → schema →
 * sequence → structure. Collects every violation (issue 7: "reports every violation, not just the
 * first"), sorted by line then check order so the same trace always gives the same report.
 */
import type { JsonValue } from '../model/schema.js';
import type { EventSchemas } from './event-schemas.js';
import type { EventRule } from './grammar.js';
import type { TraceItem } from './input/trace-item.js';
import { checkEnd } from './checks/closure.js';
import { checkFraming } from './checks/framing.js';
import { checkSchema } from './checks/schema.js';
import { SequenceCheck } from './checks/sequence.js';
import { checkStructure } from './checks/structure.js';
import { createState, type Report } from './state.js';
import { CHECK_IDS, type RawViolation } from './types.js';

export interface VerifyContext {
  grammar: Map<string, EventRule>;
  schemas: EventSchemas;
}

export interface StreamResult {
  violations: RawViolation[];
  events: number;
  lines: number;
  request?: { line: number; value: JsonValue };
}

const ORDER = new Map(CHECK_IDS.map((id, i) => [id, i]));

export function compareViolations(a: RawViolation, b: RawViolation): number {
  return a.line - b.line || ORDER.get(a.check)! - ORDER.get(b.check)!;
}

export async function verifyStream(batches: AsyncIterable<TraceItem[]>, ctx: VerifyContext): Promise<StreamResult> {
  const violations: RawViolation[] = [];
  const report: Report = (v) => violations.push(v);
  const state = createState();
  const sequence = new SequenceCheck();
  let events = 0;
  let lines = 0;
  let request: StreamResult['request'];

  for await (const batch of batches) {
    for (const item of batch) {
      if (item.kind === 'request') {
        request ??= { line: item.line, value: item.value };
        continue;
      }
      if (item.kind === 'stray') {
        report({ check: 'framing', line: item.line, message: item.message });
        continue;
      }
      if (item.kind === 'end') {
        lines = item.lines;
        continue;
      }
      events++;
      const event = checkFraming(item.record, report);
      if (!event) {
        sequence.skip();
        continue;
      }
      const known = checkSchema(event, ctx.schemas, report);
      sequence.check(event, report);
      const rule = ctx.grammar.get(event.type);
      if (known && rule) checkStructure(state, rule, event, report);
    }
  }

  if (state.phase !== 'ended') {
    const what = events === 0 ? 'no events' : 'the stream ending without a terminal event';
    report({ check: 'lifecycle', line: Math.max(lines, 1), message: `Found ${what}, expected \`response.completed\`, \`response.failed\`, \`response.incomplete\` or \`error\` to end it` });
  }
  checkEnd(state, report);
  violations.sort(compareViolations);
  return { violations, events, lines, ...(request && { request }) };
}
