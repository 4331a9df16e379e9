/**
 * A semantic change between two versions of the model (`specmap diff`). Changes are data: the
 * reporters decide how to print them, `fail-on.ts` decides the exit code.
 */
import type { JsonValue } from '../model/schema.js';

/**
 * Ordered from least to most severe: `--fail-on X` fails on X and everything after it. `warning`
 * (oasdiff's WARN level) sits above `deprecation`: it may break some clients today (a new value in
 * a response enum breaks an exhaustive switch), a deprecation only announces a later break.
 */
export const CHANGE_CLASSES = ['docs-only', 'non-breaking', 'deprecation', 'warning', 'breaking'] as const;
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
  /**
   * `<kind> <location>`: unique within one diff, stable across runs. When one location changed
   * both as something clients send and as something they read, each gets ` (request)` or
   * ` (response)` appended, since the two are classed differently.
   */
  id: string;
  /**
   * Where the change is in the spec: the innermost named schema on the way and the path inside it
   * (`Response#prompt_cache_key`, `FunctionToolCallOutput#call_id`, `Tool[type=shell]`), or the
   * item's own path when no named schema holds it (`event:response.created#sequence_number`). A
   * schema reached from many items is one location, so its change is listed once.
   */
  location: string;
  /** One path that reaches the change, the shortest: `object:response#prompt_cache_key`. */
  path: string;
  /** The item of that path (`object:response`). */
  item: string;
  /** Every item the change affects, in the diff's item order (the Response object and each lifecycle event…). */
  items: string[];
  /** Every path that reaches the change, in the same order (one or more per item). */
  paths: string[];
  kind: ChangeKind;
  class: ChangeClass;
  direction: Direction;
  before?: JsonValue;
  after?: JsonValue;
  /** Where it was in the old version and where it is in the new one (nearest anchored ancestor when absent). */
  anchors: { old?: string; new?: string };
}
