/**
 * A semantic change between two versions of the model (`specmap diff`). Changes are data: the
 * reporters decide how to print them, `fail-on.ts` decides the exit code.
 */
import type { JsonValue } from '../model/schema.js';

/** Ordered from least to most severe: `--fail-on X` fails on X and everything after it. */
export const CHANGE_CLASSES = ['docs-only', 'non-breaking', 'deprecation', 'breaking'] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

export type ChangeKind =
  | 'item-added'
  | 'item-removed'
  | 'field-added'
  | 'field-removed'
  | 'type'
  | 'required'
  | 'nullable'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'default'
  | 'deprecated'
  | 'description'
  | 'variant-added'
  | 'variant-removed';

/** Who sends the data: a client sends request parameters, the server sends events and objects. */
export type Direction = 'request' | 'response';

export interface Change {
  /** `<kind> <path>`: unique within one diff, stable across runs. */
  id: string;
  /** Item id, then `#` and the field path through nested objects: `event:response.created#response.status`. */
  path: string;
  /** The item the change belongs to (`event:response.created`). */
  item: string;
  kind: ChangeKind;
  class: ChangeClass;
  direction: Direction;
  before?: JsonValue;
  after?: JsonValue;
  /** Where it was in the old version and where it is in the new one (nearest anchored ancestor when absent). */
  anchors: { old?: string; new?: string };
}
