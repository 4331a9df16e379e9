/**
 * How a change is classified. Direction matters: a client sends request parameters, so a request
 * may only get looser; a client reads events and objects, so a response may only get stricter.
 *
 * | change                         | request (params)            | response (events, objects)     |
 * |--------------------------------|-----------------------------|--------------------------------|
 * | item or field removed          | breaking                    | breaking                       |
 * | item or field added            | non-breaking; breaking when the new field is required | non-breaking |
 * | type changed                   | breaking                    | breaking                       |
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
export function classify(kind: ChangeKind, direction: Direction, before?: JsonValue, after?: JsonValue, addedRequired = false): ChangeClass {
  const request = direction === 'request';
  switch (kind) {
    case 'item-removed':
    case 'field-removed':
    case 'type':
      return 'breaking';
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
    case 'variant-added':
    case 'default':
      return 'non-breaking';
    case 'deprecated':
      return after === true ? 'deprecation' : 'non-breaking';
    case 'description':
      return 'docs-only';
  }
  void before;
}
