/**
 * `crosscheck` disagreements: a thing one kind of source lacks warns (that source is incomplete), a
 * contradiction is an error (one source is wrong). The first source's anchor is where it is; each
 * other source's anchor is related, labelled with that source.
 */
import { describeFinding } from '../crosscheck/describe.js';
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
    severity: f.kind.endsWith('-only-in') ? 'warning' : 'error',
    message: describeFinding(f),
    subject: f.path,
    ...(first ? { location: first.location as ProblemLocation } : {}),
    ...(rest.length ? { related: rest } : {}),
    data: { id: f.id, values: f.values },
  };
}
