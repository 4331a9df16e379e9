/** Where a problem is, from what the domains hold: spec anchors (`DOC.md:10-20`) and plain positions. */
import { parseAnchor } from '../model/anchor.js';
import type { SourceInfo } from '../model/schema.js';

import type { ProblemLocation, RelatedLocation } from './problem.js';

/** What a location needs of a source: its id (what anchors name) and its path. */
type SourcePath = Pick<SourceInfo, 'id' | 'path'>;

/**
 * An anchor names its source by id (`DOC_streaming_events.md:316-320`); the location names the
 * file the user can open (the source's path as configured), when the model lists that source.
 */
export function anchorLocation(anchor: string, sources: readonly SourcePath[]): ProblemLocation | undefined {
  const parts = parseAnchor(anchor);
  if (!parts) return undefined;
  const file = sources.find((s) => s.id === parts.file)?.path ?? parts.file;
  return { file, line: parts.start, ...(parts.end !== parts.start ? { endLine: parts.end } : {}) };
}

/** The anchor's place labelled `message`, as a list: empty when there is no anchor or it does not parse. */
export function relatedAt(message: string, anchor: string | undefined, sources: readonly SourcePath[]): RelatedLocation[] {
  const location = anchor ? anchorLocation(anchor, sources) : undefined;
  return location ? [{ message, location }] : [];
}

/** `file`, `file:12`, `file:12:3`, or `file:12-20` for a range of whole lines. */
export function formatLocation(l: ProblemLocation): string {
  if (l.line === undefined) return l.file;
  if (l.column !== undefined) return `${l.file}:${l.line}:${l.column}`;
  return l.endLine !== undefined && l.endLine !== l.line ? `${l.file}:${l.line}-${l.endLine}` : `${l.file}:${l.line}`;
}

/** `old: a.md:3-4`, but just `api.yaml:40` when the label is the place's own file (a crosscheck source). */
export function formatRelated(r: RelatedLocation, wrap: (location: string) => string = (l) => l): string {
  const place = wrap(formatLocation(r.location));
  return r.message === undefined || r.message === r.location.file ? place : `${r.message}: ${place}`;
}
