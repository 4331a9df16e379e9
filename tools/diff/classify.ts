/**
 * How a change is classified. Direction matters: a client sends request parameters, so a request
 * may only get looser; a client reads events and objects, so a response may only get stricter.
 *
 * | change                         | request (params)            | response (events, objects)     |
 * |--------------------------------|-----------------------------|--------------------------------|
 * | item or field removed          | breaking                    | breaking                       |
 * | item or field added            | non-breaking; breaking when the new field is required | non-breaking |
 * | type widened (new ⊇ old: a union gained a member, a value list was dropped) | non-breaking | breaking |
 * | type narrowed (new ⊆ old)      | breaking                    | non-breaking                   |
 * | type otherwise changed         | breaking                    | breaking                       |
 * | required false → true          | breaking                    | non-breaking (stronger promise)|
 * | required true → false          | non-breaking                | breaking (may now be absent)   |
 * | nullable false → true          | non-breaking                | breaking (may now be null)     |
 * | nullable true → false          | breaking                    | non-breaking                   |
 * | enum value removed             | breaking                    | non-breaking (one value fewer) |
 * | enum value added               | non-breaking                | non-breaking (clients should tolerate new values, the API adds them routinely) |
 * | union variant removed / added  | breaking / non-breaking     | non-breaking / non-breaking    |
 * | default changed                | non-breaking (behaviour note: same request, other result; review it) |
 * | deprecated false → true        | deprecation                 | deprecation                    |
 * | deprecated true → false        | non-breaking                | non-breaking                   |
 * | description (prose) only       | docs-only                   | docs-only                      |
 *
 * `required: null` (a source that does not say, like the docs' event fields) is never compared.
 */
import type { JsonValue } from '../model/schema.js';
import type { ChangeClass, ChangeKind, Direction } from './change.js';

/** `addedRequired`: for an added item or field, whether it is required. */
export function classify(
  kind: ChangeKind,
  direction: Direction,
  before?: JsonValue,
  after?: JsonValue,
  addedRequired = false,
): ChangeClass {
  const request = direction === 'request';
  switch (kind) {
    case 'item-removed':
    case 'field-removed':
      return 'breaking';
    case 'type': {
      const change = typeChange(before, after);
      if (change === 'widened') return request ? 'non-breaking' : 'breaking';
      if (change === 'narrowed') return request ? 'breaking' : 'non-breaking';
      return 'breaking';
    }
    case 'item-added':
    case 'field-added':
      return request && addedRequired ? 'breaking' : 'non-breaking';
    case 'required':
      return (request ? after === true : after === false) ? 'breaking' : 'non-breaking';
    case 'nullable':
      return (request ? after === false : after === true) ? 'breaking' : 'non-breaking';
    case 'enum-value-removed':
    case 'variant-removed':
      return request ? 'breaking' : 'non-breaking';
    case 'enum-value-added':
      return request ? 'non-breaking' : 'warning';
    case 'variant-added':
    case 'default':
      return 'non-breaking';
    case 'deprecated':
      return after === true ? 'deprecation' : 'non-breaking';
    case 'description':
      return 'docs-only';
  }
}

/** Top-level members of a shape string (`a | array<b | c>` → `a`, `array<b | c>`). */
function members(shape: string): Set<string> {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < shape.length; i++) {
    const ch = shape[i];
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (depth === 0 && shape.startsWith(' | ', i)) {
      out.push(shape.slice(start, i));
      start = i + 3;
    }
  }
  out.push(shape.slice(start));
  return new Set(out);
}

/**
 * Widened: every old member is still accepted (`string` → `string | integer`; a value list
 * `one of a, b` → `any value`); narrowed: the reverse. Shapes come from shape.ts and diff-fields.ts.
 */
function typeChange(before: JsonValue | undefined, after: JsonValue | undefined): 'widened' | 'narrowed' | 'other' {
  if (typeof before !== 'string' || typeof after !== 'string') return 'other';
  if (before === 'any value') return 'narrowed';
  if (after === 'any value') return 'widened';
  const values = (s: string): Set<string> | undefined => (s.startsWith('one of ') ? new Set(s.slice(7).split(', ')) : undefined);
  const [a, b] = [values(before) ?? members(before), values(after) ?? members(after)];
  const subset = (x: Set<string>, y: Set<string>): boolean => [...x].every((m) => y.has(m));
  if (subset(a, b)) return 'widened';
  if (subset(b, a)) return 'narrowed';
  return 'other';
}
