/**
 * Legacy keys → item ids. The key names the item (`POST /v1/responses`, `response.created`, a
 * parameter name under its request-model class); the entry's `spec_ref` / `spec_reference` anchor
 * is the fallback. Whatever matches no item keeps an id-shaped key and becomes an orphan.
 */
import { endpointId, eventId, paramId } from '../model/ids.js';
import { anchorsOf, allItems } from '../model/items.js';
import type { Model } from '../model/schema.js';
import type { JsonValue } from '../model/schema.js';
import type { LegacyEntry } from './legacy-format.js';

export interface Match {
  /** The item id, or the orphan key when `item` is false. */
  id: string;
  item: boolean;
  /** The legacy anchor, when it differs from the item's anchor (legacy anchors drift). */
  anchorDiffers?: { legacy: string; spec: string | undefined };
}

function legacyAnchor(entry: LegacyEntry): string | undefined {
  const a: JsonValue | undefined = entry.spec_ref ?? entry.spec_reference;
  return typeof a === 'string' && /^[^:\s]+:\d+(-\d+)?$/.test(a) ? a : undefined;
}

export interface ModelIndex {
  ids: Set<string>;
  byAnchor: Map<string, string[]>;
  anchorOf: Map<string, string | undefined>;
}

export function indexModel(model: Model): ModelIndex {
  const ids = new Set<string>();
  const byAnchor = new Map<string, string[]>();
  const anchorOf = new Map<string, string | undefined>();
  for (const item of allItems(model)) {
    ids.add(item.id);
    anchorOf.set(item.id, anchorsOf(item)[0]);
    for (const a of anchorsOf(item)) byAnchor.set(a, [...(byAnchor.get(a) ?? []), item.id]);
  }
  return { ids, byAnchor, anchorOf };
}

function resolve(index: ModelIndex, wanted: string | undefined, entry: LegacyEntry, kind: string, fallbackKey: string): Match {
  const anchor = legacyAnchor(entry);
  let id = wanted && index.ids.has(wanted) ? wanted : undefined;
  if (!id && anchor) id = index.byAnchor.get(anchor)?.find((candidate) => candidate.startsWith(`${kind}:`));
  if (!id) return { id: wanted ?? fallbackKey, item: false };
  const spec = index.anchorOf.get(id);
  return anchor && anchor !== spec ? { id, item: true, anchorDiffers: { legacy: anchor, spec } } : { id, item: true };
}

export function matchEndpoint(index: ModelIndex, key: string, entry: LegacyEntry): Match {
  const m = /^([A-Za-z]+)\s+(\/\S*)$/.exec(key.trim());
  return resolve(index, m ? endpointId(m[1]!, m[2]!) : undefined, entry, 'endpoint', `legacy:endpoints/${key}`);
}

export function matchEvent(index: ModelIndex, key: string, entry: LegacyEntry): Match {
  return resolve(index, eventId(key), entry, 'event', eventId(key));
}

export function matchParam(index: ModelIndex, endpoint: string | undefined, className: string, name: string, entry: LegacyEntry): Match {
  const wanted = endpoint ? paramId(endpoint, name) : undefined;
  return resolve(index, wanted, entry, 'param', wanted ?? `param:${className}#${name}`);
}

/**
 * The endpoint a legacy request-model class serves: the legacy endpoint entry naming it as
 * `request_model`, else an endpoint whose class names include it, else the endpoint most of its
 * parameters' anchors point into.
 */
export function endpointOfClass(
  model: Model,
  index: ModelIndex,
  className: string,
  endpoints: Record<string, LegacyEntry>,
  params: Record<string, LegacyEntry>,
): string | undefined {
  for (const [key, entry] of Object.entries(endpoints)) {
    if (entry.request_model !== className) continue;
    const m = matchEndpoint(index, key, entry);
    if (m.item) return m.id;
  }
  const named = model.endpoints.find((e) => e.classNames.includes(className));
  if (named) return named.id;
  const votes = new Map<string, number>();
  for (const entry of Object.values(params)) {
    const anchor = legacyAnchor(entry);
    for (const id of (anchor && index.byAnchor.get(anchor)) || []) {
      const p = model.params.find((x) => x.id === id);
      if (p) votes.set(p.endpoint, (votes.get(p.endpoint) ?? 0) + 1);
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
