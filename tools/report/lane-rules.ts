/**
 * Which lanes an item needs to count as implemented (config `status.implemented`, restricted to
 * lanes that can hold the item's kind). Mirrors the mapping's rule so that a report built without
 * mapping.json still names the lanes every missing item lacks.
 */
import type { FactKind, LaneConfig } from '../config/schema.js';
import type { ItemKind } from '../model/schema.js';

const KINDS_BY_ITEM: Record<ItemKind, readonly FactKind[]> = {
  event: ['definition', 'emitter', 'handler', 'test'],
  endpoint: ['route'],
  param: ['param'],
  enum: ['param'],
  object: ['definition'],
};

/** Item kinds a lane can hold (an events-only lane never holds an endpoint). */
export function itemKindsOfLane(lane: Pick<LaneConfig, 'kinds'>): ItemKind[] {
  return (Object.keys(KINDS_BY_ITEM) as ItemKind[]).filter((k) => lane.kinds.some((f) => KINDS_BY_ITEM[k].includes(f)));
}

export function requiredLanesFor(lanes: readonly LaneConfig[], implemented: readonly string[], kind: ItemKind): string[] {
  const applicable = lanes.filter((l) => l.kinds.some((k) => KINDS_BY_ITEM[kind].includes(k))).map((l) => l.name);
  const required = applicable.filter((name) => implemented.includes(name));
  return required.length ? required : applicable;
}
