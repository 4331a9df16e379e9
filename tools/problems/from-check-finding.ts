/**
 * `check` findings: the code location when there is one (a mapped file, a generated file), else
 * the item's spec anchor; with both, the anchor is the related place.
 */
import type { Finding } from '../check/findings.js';
import type { SourceInfo } from '../model/schema.js';
import { anchorLocation } from './location.js';
import type { Problem, RelatedLocation } from './problem.js';

export function fromCheckFinding(f: Finding, sources: readonly Pick<SourceInfo, 'id' | 'path'>[] = []): Problem {
  const spec = f.anchor ? anchorLocation(f.anchor, sources) : undefined;
  const location = f.file ? { file: f.file, ...(f.line ? { line: f.line } : {}) } : spec;
  const related: RelatedLocation[] = f.file && spec ? [{ message: 'spec', location: spec }] : [];
  return {
    code: f.kind,
    severity: f.severity === 'warn' ? 'warning' : 'error',
    message: f.message,
    // The lane belongs to the subject: the same item can be lost in one lane and found in another.
    ...(f.id ? { subject: f.lane ? `${f.id} [${f.lane}]` : f.id } : {}),
    ...(location ? { location } : {}),
    ...(related.length ? { related } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.diff ? { detail: f.diff.trimEnd() } : {}),
    ...(f.lane ? { data: { id: f.id, lane: f.lane } } : {}),
  };
}
