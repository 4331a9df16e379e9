/** A disagreement between the configured sources (`specmap crosscheck`). */
import type { JsonValue } from '../model/schema.js';

export type FindingKind =
  /** The item (event, endpoint, param, enum value, object) is defined by one kind of source only. */
  | 'item-only-in'
  /** The item is in both, one of its fields only in one. */
  | 'field-only-in'
  | 'type'
  | 'required'
  | 'nullable'
  | 'enum'
  | 'default'
  | 'deprecated';

export const FINDING_KINDS: readonly FindingKind[] = [
  'item-only-in',
  'field-only-in',
  'type',
  'required',
  'nullable',
  'enum',
  'default',
  'deprecated',
];

export interface Finding {
  /** `<kind> <path>`: unique, stable. */
  id: string;
  kind: FindingKind;
  /** Item id, or item id `#` field name: `event:error#code`. */
  path: string;
  item: string;
  /** What each source says; for the `-only-in` kinds, whether it defines the thing. */
  values: { source: string; value: JsonValue }[];
  /** One anchor per source that has one (docs first, the merge's order). */
  anchors: { source: string; anchor: string }[];
}
