/**
 * Check 2: the event validates against the schema for its type; a type no schema has is reported.
 * `sequence_number` issues are left to check 4, which owns that field, so one defect is one finding.
 */
import type { EventSchemas } from '../event-schemas.js';
import { getAccept } from '../schema-accept.js';
import type { Report } from '../state.js';
import type { TraceEvent } from '../types.js';

const OWNED_ELSEWHERE = new Set(['sequence_number']);

/** Returns false for an unknown type (the structural checks then skip the event). */
export function checkSchema(event: TraceEvent, schemas: EventSchemas, report: Report): boolean {
  const schema = schemas.get(event.type);
  if (!schema) {
    report({ check: 'schema', line: event.line, event: event.type, message: `Found unknown event type \`${event.type}\`, expected a type the spec defines` });
    return false;
  }
  // The compiled predicate answers the common case; Zod runs only to explain a rejection.
  if (getAccept(schema)(event.payload)) return true;
  const result = schema.safeParse(event.payload);
  if (result.success) return true;
  const issues = result.error.issues.filter((i) => !(i.path.length === 1 && OWNED_ELSEWHERE.has(String(i.path[0]))));
  if (issues.length) {
    const text = issues
      .slice(0, 5)
      .map((i) => (i.code === 'unrecognized_keys' ? `unexpected key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `\`${k}\``).join(', ')}` : `\`${i.path.join('.') || '(event)'}\`: ${i.message}`))
      .join('; ');
    const more = issues.length > 5 ? ` (+${issues.length - 5} more)` : '';
    report({ check: 'schema', line: event.line, event: event.type, message: `Found an event that does not match the \`${event.type}\` schema: ${text}${more}` });
  }
  return true;
}
