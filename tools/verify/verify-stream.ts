/**
 * One trace through every check, in a single pass over the reader's items: framing → schema →
 * sequence → structure. Every violation is reported (into `Findings`, which keeps the first few per
 * check and counts the rest), sorted by line then check order so the same trace always gives the same
 * report.
 *
 * A trace may hold several responses in a row, as a recording of a conversation does: a
 * `response.created` (or `response.queued`) after the previous response ended starts the next one,
 * with its own state and its own `sequence_number` run, and findings say which response they are in.
 */
import type { JsonValue } from '../model/schema.js';
import type { Baseline } from './baseline.js';
import type { EventSchemas } from './event-schemas.js';
import { Findings, type Finding, type FindingPolicy } from './findings.js';
import type { EventRule } from './grammar.js';
import type { StreamProfile } from './stream-profile.js';
import type { TraceItem } from './input/trace-item.js';
import { checkEnd } from './checks/closure.js';
import { checkFraming } from './checks/framing.js';
import { checkSchema } from './checks/schema.js';
import { SequenceCheck } from './checks/sequence.js';
import { checkStructure } from './checks/structure.js';
import type { SourceConflicts } from './source-conflicts.js';
import { createState, type Report } from './state.js';
import type { Deviation, Omitted, ResponseRef } from './types.js';

export interface VerifyContext {
  /** The stream grammar; absent: framing, schema and per-type checks only (a stream no profile describes). */
  profile?: StreamProfile;
  grammar: Map<string, EventRule>;
  schemas: EventSchemas;
  /** Generated type names of schemas, so a failed union names its member. */
  names?: ReadonlyMap<object, string>;
  /** Where the model's sources disagree (merged docs + OpenAPI models only). */
  conflicts?: SourceConflicts;
  baseline?: Baseline;
}

export interface StreamResult {
  violations: Finding[];
  omitted: Omitted[];
  counts: Findings['counts'];
  events: number;
  lines: number;
  responses: number;
  /** Part of the input could not be read at all. */
  unreadable: boolean;
  request?: { line: number; value: JsonValue };
  /** With `learn`: every deviation seen, with its count. */
  deviations?: Map<string, { deviation: Deviation; count: number }>;
}

const isStart = (rule: EventRule | undefined) => rule?.scope === 'response' && (rule.role === 'start' || rule.role === 'pre');

export async function verifyStream(batches: AsyncIterable<TraceItem[]>, ctx: VerifyContext, policy: FindingPolicy): Promise<StreamResult> {
  const findings = new Findings({ ...policy, ...(ctx.baseline && !policy.learn && { baseline: ctx.baseline }) });
  let response: ResponseRef = { index: 1 };
  const report: Report = (v) => findings.add(v, response);
  const profile = ctx.profile;
  let state = profile && createState(profile);
  const sequenceField = profile?.sequenceField;
  let sequence = new SequenceCheck(sequenceField ?? '');
  let events = 0;
  let lines = 0;
  let unreadable = false;
  let stopped = false;
  let request: StreamResult['request'];
  const schemaCtx = {
    schemas: ctx.schemas,
    ...(profile && { inProgress: profile.items.inProgress }),
    ...(sequenceField && { sequenceField }),
    ...(ctx.names && { names: ctx.names }),
    ...(ctx.conflicts && { conflicts: ctx.conflicts }),
    ...(ctx.baseline && !policy.learn && { baseline: ctx.baseline }),
  };

  for await (const batch of batches) {
    for (const item of batch) {
      if (item.kind === 'request') {
        request ??= { line: item.line, value: item.value };
        continue;
      }
      if (item.kind === 'stray') {
        if (item.unreadable) {
          unreadable = true;
          // The event on that line (if it was one) is gone: take the next number as it comes.
          sequence.skip();
        }
        if (item.fatal) stopped = true;
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
      const rule = ctx.grammar.get(event.type);
      if (state && profile && isStart(rule)) {
        if (state.phase === 'ended') {
          checkEnd(state, report);
          state = createState(profile);
          sequence = new SequenceCheck(sequenceField ?? '');
          response = { index: response.index + 1 };
        }
        const r = event.payload[profile.lifecycle.terminalPayload];
        if (response.id === undefined && r && typeof r === 'object' && !Array.isArray(r) && typeof r.id === 'string') response.id = r.id;
      }
      const known = checkSchema(event, schemaCtx, report);
      if (sequenceField) sequence.check(event, report);
      if (state && known && rule) checkStructure(state, rule, event, report);
    }
  }

  if (state && profile && state.phase !== 'ended' && !stopped) {
    const what = events === 0 ? 'no events' : 'the stream ending without a terminal event';
    report({
      check: 'lifecycle',
      line: Math.max(lines, 1),
      message: `Found ${what}, expected ${profile.lifecycle.endExpected} to end it`,
      deviations: [{ event: '', path: 'end of stream', kind: 'order' }],
    });
  }
  if (state && !stopped) checkEnd(state, report);
  const responses = events ? response.index : 0;
  const { violations, omitted } = findings.result(responses);
  return {
    violations,
    omitted,
    counts: findings.counts,
    events,
    lines,
    responses,
    unreadable,
    ...(request && { request }),
    ...(policy.learn && { deviations: findings.deviations }),
  };
}
