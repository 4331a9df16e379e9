/**
 * `planImport(legacy, model)`: every field of the legacy file, each with the item (or orphan key)
 * and manual path it goes to. The plan is what gets counted: fields read = placements planned, and
 * after writing, fields placed = placements found at their path in the resulting mapping.
 */
import type { Model } from '../model/schema.js';
import type { LegacyEntry, LegacyMapping } from './legacy-format.js';
import { LEGACY_SECTIONS } from './legacy-format.js';
import { endpointOfClass, indexModel, matchEndpoint, matchEvent, matchParam, type Match } from './match.js';
import { placementsOf, type Placement } from './to-manual.js';

export interface ImportTarget extends Match {
  /** Where in the legacy file: `streaming_events/response.created`. */
  from: string;
  placements: Placement[];
  /** The legacy `implemented` claim, when the entry has one. */
  claimsImplemented?: boolean;
}

export interface ImportPlan {
  targets: ImportTarget[];
  /** Fields read from the legacy file (one per key of every entry, summary and metadata). */
  read: number;
}

function target(match: Match, from: string, entry: LegacyEntry): ImportTarget {
  const claim = entry.implemented;
  return { ...match, from, placements: placementsOf(entry), ...(typeof claim === 'boolean' ? { claimsImplemented: claim } : {}) };
}

export function planImport(legacy: LegacyMapping, model: Model): ImportPlan {
  const index = indexModel(model);
  const targets: ImportTarget[] = [];
  const endpoints = legacy.endpoints ?? {};
  for (const [key, entry] of Object.entries(endpoints)) targets.push(target(matchEndpoint(index, key, entry), `endpoints/${key}`, entry));
  for (const [className, params] of Object.entries(legacy.request_parameters ?? {})) {
    const endpoint = endpointOfClass(model, index, className, endpoints, params);
    for (const [name, entry] of Object.entries(params)) {
      targets.push(target(matchParam(index, endpoint, className, name, entry), `request_parameters/${className}/${name}`, entry));
    }
  }
  for (const [key, entry] of Object.entries(legacy.streaming_events ?? {}))
    targets.push(target(matchEvent(index, key, entry), `streaming_events/${key}`, entry));
  // The summary and the file's metadata belong to no item: kept whole as orphans.
  if (legacy.summary)
    targets.push({
      id: 'legacy:summary',
      item: false,
      from: 'summary',
      placements: Object.entries(legacy.summary).map(([key, value]) => ({ key, path: ['legacy', key], value })),
    });
  const meta = Object.entries(legacy).filter(([key]) => !(LEGACY_SECTIONS as readonly string[]).includes(key));
  if (meta.length)
    targets.push({
      id: 'legacy:metadata',
      item: false,
      from: '(top level)',
      placements: meta.map(([key, value]) => ({ key, path: ['legacy', key], value: value as never })),
    });
  return { targets, read: targets.reduce((n, t) => n + t.placements.length, 0) };
}
