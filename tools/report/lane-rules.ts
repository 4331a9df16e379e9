/**
 * Which lanes an item needs to count as implemented, and which kinds a lane can hold: the mapping's
 * own rules (tools/mapping/lanes.ts), so a report built without mapping.json still names the lanes
 * every missing item lacks, exactly as `specmap map` would.
 */
import type { LaneConfig } from '../config/schema.js';
import { KINDS_BY_ITEM, requiredLanes } from '../mapping/lanes.js';
import type { ItemKind } from '../model/schema.js';

/** Item kinds a lane can hold (an events-only lane never holds an endpoint). */
export function itemKindsOfLane(lane: Pick<LaneConfig, 'kinds'>): ItemKind[] {
  return (Object.keys(KINDS_BY_ITEM) as ItemKind[]).filter((k) => lane.kinds.some((f) => KINDS_BY_ITEM[k].includes(f)));
}

export const requiredLanesFor = requiredLanes;
