/**
 * Check 2: the event validates against the schema for its type; a type no schema has is reported.
 * Issues of the ordering field (`sequence_number` under the Responses profile) are left to check 4,
 * which owns that field, so one defect is one finding.
 *
 * A rejected event is split three ways: issues a source vouches for (the sources disagree, see
 * source-conflicts.ts), issues the reference baseline vouches for, and the rest, which are errors.
 * Each group is one finding, so an event gives at most one finding per verdict.
 */
import type { EventSchemas } from '../event-schemas.js';
import type { Baseline } from '../baseline.js';
import { getAccept } from '../schema-accept.js';
import { explainIssues, formatIssue, type SchemaIssue } from '../schema-issues.js';
import { disagreementNote, type SourceConflicts } from '../source-conflicts.js';
import type { Report } from '../state.js';
import type { Deviation, TraceEvent } from '../types.js';

const SHOWN = 5;

export interface SchemaContext {
  schemas: EventSchemas;
  names?: ReadonlyMap<object, string>;
  conflicts?: SourceConflicts;
  baseline?: Baseline;
  /** Events whose item is still in progress (stream profile `items.inProgress`): its finished-only fields may be absent. */
  inProgress?: ReadonlyMap<string, string>;
  /** The field check 4 owns. */
  sequenceField?: string;
}

function listIssues(issues: readonly SchemaIssue[]): string {
  const more = issues.length > SHOWN ? ` (+${issues.length - SHOWN} more)` : '';
  return issues.slice(0, SHOWN).map(formatIssue).join('; ') + more;
}

/** Returns false for an unknown type (the structural checks then skip the event). */
export function checkSchema(event: TraceEvent, ctx: SchemaContext, report: Report): boolean {
  const schema = ctx.schemas.get(event.type);
  if (!schema) {
    report({
      check: 'schema',
      line: event.line,
      event: event.type,
      message: `Found unknown event type \`${event.type}\`, expected a type the spec defines`,
      deviations: [{ event: event.type, path: '', kind: 'unknown-event' }],
    });
    return false;
  }
  // The compiled predicate answers the common case; Zod runs only to explain a rejection. Nothing is
  // allocated on that path: it runs once per event.
  if (getAccept(schema)(event.payload)) {
    if (ctx.conflicts) noteDisagreements(event, ctx.conflicts, report);
    return true;
  }
  const base = { check: 'schema' as const, line: event.line, event: event.type };
  const result = schema.safeParse(event.payload);
  if (result.success) return true;
  const inProgress = ctx.inProgress?.get(event.type);
  const issues = explainIssues(schema, event.payload, result.error.issues, ctx.names).filter(
    (i) =>
      !(i.segments.length === 1 && ctx.sequenceField !== undefined && String(i.segments[0]) === ctx.sequenceField) &&
      !(inProgress && i.kind === 'missing' && i.segments.length === 2 && i.segments[0] === inProgress),
  );
  const errors: SchemaIssue[] = [];
  const disagree: { issue: SchemaIssue; note: string }[] = [];
  const reference: SchemaIssue[] = [];
  for (const issue of issues) {
    const note = ctx.conflicts?.explain(event.type, issue.segments, issue.kind, issue.value);
    if (note) disagree.push({ issue, note });
    else if (ctx.baseline?.vouch([deviationOf(event.type, issue)])) reference.push(issue);
    else errors.push(issue);
  }
  const what = `an event that does not match the \`${event.type}\` schema`;
  if (errors.length)
    report({ ...base, message: `Found ${what}: ${listIssues(errors)}`, deviations: errors.map((i) => deviationOf(event.type, i)) });
  if (reference.length) {
    const deviations = reference.map((i) => deviationOf(event.type, i));
    report({
      ...base,
      message: `Found ${what}: ${listIssues(reference)}`,
      deviations,
      verdict: 'reference-does-too',
      note: ctx.baseline!.vouch(deviations)!,
    });
  }
  if (disagree.length)
    report({
      ...base,
      message: `Found ${what}: ${listIssues(disagree.map((d) => d.issue))}`,
      verdict: 'sources-disagree',
      note: disagreementNote(disagree.map((d) => d.note)),
    });
  return true;
}

/** Values the merged schema accepts that one source forbids: accepted, and said so. */
function noteDisagreements(event: TraceEvent, conflicts: SourceConflicts, report: Report): void {
  const watched = conflicts.watch(event.type, event.payload);
  if (!watched.length) return;
  const found = watched.map((w) => `\`${w.field}\` ${w.kind === 'null' ? 'null' : 'absent'}`).join(', ');
  report({
    check: 'schema',
    line: event.line,
    event: event.type,
    message: `Found ${found}, which one source allows and another does not`,
    verdict: 'sources-disagree',
    note: disagreementNote(watched.map((w) => w.note)),
  });
}

function deviationOf(event: string, issue: SchemaIssue): Deviation {
  return { event, path: issue.path, kind: issue.kind };
}
