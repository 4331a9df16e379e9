/**
 * `crosscheck` disagreements, at the first source's anchor; each other source's anchor is related,
 * labelled with that source.
 */
import { describeFinding, findingSeverity } from '../crosscheck/describe.js';
import type { Finding } from '../crosscheck/finding.js';
import type { SourceInfo } from '../model/schema.js';
import { relatedAt } from './location.js';
import type { Problem } from './problem.js';

export function fromCrosscheckFinding(f: Finding, sources: readonly SourceInfo[]): Problem {
  const places = f.anchors.flatMap((a) => relatedAt(a.source, a.anchor, sources));
  const [first, ...rest] = places;
  return {
    code: f.kind,
    severity: findingSeverity(f),
    message: describeFinding(f),
    subject: f.path,
    ...(first ? { location: first.location } : {}),
    ...(rest.length ? { related: rest } : {}),
    data: { id: f.id, values: f.values },
  };
}
