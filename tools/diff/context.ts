/** What the recursive diff carries along: both models' schemas, the direction, and where changes go. */
import type { JsonValue } from '../model/schema.js';
import type { Change, ChangeKind, Direction } from './change.js';
import { classify } from './classify.js';
import type { Schemas } from './shape.js';

export interface DiffContext {
  oldSchemas: Schemas;
  newSchemas: Schemas;
  direction: Direction;
  item: string;
  /** Params whose values are separate `enum:` items: their value changes are reported there, once. */
  enumItemParams: ReadonlySet<string>;
  out: Change[];
}

export interface Anchors {
  old?: string;
  new?: string;
}

/** `Response` + `status` → `Response#status`; `Response#reasoning` + `effort` → `Response#reasoning.effort`. */
export const childLocation = (loc: string, name: string): string => (loc.includes('#') ? `${loc}.${name}` : `${loc}#${name}`);

/** One occurrence of a change, reached through `path`; diff-models.ts groups occurrences by `location`. */
export function pushChange(
  ctx: DiffContext,
  kind: ChangeKind,
  path: string,
  location: string,
  anchors: Anchors,
  before?: JsonValue,
  after?: JsonValue,
  addedRequired = false,
): void {
  const change: Change = {
    id: `${kind} ${location}`,
    location,
    path,
    item: ctx.item,
    items: [ctx.item],
    paths: [path],
    kind,
    class: classify(kind, ctx.direction, before, after, addedRequired),
    direction: ctx.direction,
    anchors: { ...(anchors.old ? { old: anchors.old } : {}), ...(anchors.new ? { new: anchors.new } : {}) },
  };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  ctx.out.push(change);
}
