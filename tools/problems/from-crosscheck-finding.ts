/**
 * `crosscheck` disagreements, at the first source's anchor; each other source's anchor is related,
 * labelled with that source.
 */
import { describeFinding, findingSeverity } from '../crosscheck/describe.js';
import type { Finding } from '../crosscheck/finding.js';
import type { SourceInfo } from '../model/schema.js';
import { anchorLocation } from './location.js';
import type { Problem, ProblemLocation } from './problem.js';

export function fromCrosscheckFinding(f: Finding, sources: readonly SourceInfo[]): Problem {
  const places = f.anchors.flatMap((a) => {
    const location = anchorLocation(a.anchor, sources);
    return location ? [{ message: a.source, location }] : [];
  });
  const [first, ...rest] = places;
  return {
    code: f.kind,
    severity: findingSeverity(f),
    message: describeFinding(f),
    subject: f.path,
    ...(first ? { location: first.location as ProblemLocation } : {}),
    ...(rest.length ? { related: rest } : {}),
    data: { id: f.id, values: f.values },
  };
}
