/**
 * Lanes (DESIGN.md "mapping.json"): a named code role from the config. A fact lands in a lane when
 * its file matches the lane's globs and its kind is one the lane counts. Which lanes can hold an
 * item depends on the item's kind: events are defined, emitted, handled and tested; endpoints are
 * routed; params and enum values are fields of a request model.
 */
import picomatch from 'picomatch';
import type { FactKind, LaneConfig } from '../config/schema.js';
import type { ItemKind } from '../model/schema.js';

export const KINDS_BY_ITEM: Record<ItemKind, readonly FactKind[]> = {
  event: ['definition', 'emitter', 'handler', 'test'],
  endpoint: ['route'],
  param: ['param'],
  enum: ['param'],
  object: ['definition'],
};

export interface LaneMatcher {
  lane: LaneConfig;
  /** True when a workspace-relative file belongs to the lane. */
  has(file: string): boolean;
}

export function laneMatchers(lanes: readonly LaneConfig[]): LaneMatcher[] {
  return lanes.map((lane) => {
    const inc = picomatch(lane.include, { dot: true });
    const exc = lane.exclude.length ? picomatch(lane.exclude, { dot: true }) : () => false;
    return { lane, has: (file: string) => inc(file) && !exc(file) };
  });
}

/** Names of the lanes a fact counts in (a file may sit in several lanes with different kinds). */
export function lanesOfFact(matchers: readonly LaneMatcher[], file: string, kind: string): string[] {
  return matchers.filter((m) => (m.lane.kinds as readonly string[]).includes(kind) && m.has(file)).map((m) => m.lane.name);
}

/** Lanes whose kinds can hold an item of this kind at all. */
function applicableLanes(lanes: readonly LaneConfig[], kind: ItemKind): string[] {
  const kinds = KINDS_BY_ITEM[kind];
  return lanes.filter((l) => l.kinds.some((k) => kinds.includes(k))).map((l) => l.name);
}

/**
 * The lanes an item needs for Implemented: the configured `status.implemented` lanes that can hold
 * it; when none of those can (an endpoint under an events-only rule), every lane that can.
 */
export function requiredLanes(lanes: readonly LaneConfig[], implemented: readonly string[], kind: ItemKind): string[] {
  const applicable = applicableLanes(lanes, kind);
  const required = applicable.filter((name) => implemented.includes(name));
  return required.length ? required : applicable;
}
