/** One catalog entry, whatever the format it was written in, and its event in the model. */
import { formatAnchor } from '../../model/anchor.js';
import { eventId } from '../../model/ids.js';
import type { Event } from '../../model/schema.js';

export interface CatalogEntry {
  type: string;
  correlationKeys: string[];
  description: string;
  line: number;
}

/** Event types are wire tokens: `raw_response_event`, `response.created`. */
export const EVENT_TYPE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;

/** `a`, `b` / "`a`, `b`" / "—" → key list. */
export function splitKeys(text: string): string[] {
  return text
    .split(/[,;]|\s+and\s+/)
    .map((k) => k.replace(/`/g, '').trim())
    .filter((k) => k && !/^[-\u2014\u2013]+$/.test(k) && !/^none$/i.test(k));
}

export function toEvent(entry: CatalogEntry, file: string, group: string | undefined): Event {
  return {
    id: eventId(entry.type),
    kind: 'event',
    type: entry.type,
    description: entry.description,
    anchors: [formatAnchor(file, entry.line)],
    sources: [file],
    // A catalog's items belong to its group; enrich keeps any category other than `other`.
    category: group ?? 'other',
    fields: [],
    correlationKeys: entry.correlationKeys,
    classNames: [],
  };
}
