/** Findings → the Report the shared reporters format (tools/diff/reporters). */
import type { JsonValue, SourceInfo } from '../model/schema.js';
import { locate } from '../diff/to-report.js';
import type { Report } from '../diff/reporters/report.js';
import { FINDING_KINDS, type Finding } from './finding.js';

const show = (v: JsonValue): string => (typeof v === 'string' ? v : JSON.stringify(v));

export function describeFinding(f: Finding): string {
  if (f.kind === 'item-only-in' || f.kind === 'field-only-in') {
    const has = f.values.filter((v) => v.value === true).map((v) => v.source);
    const lacks = f.values.filter((v) => v.value === false).map((v) => v.source);
    return `only in ${has.join(', ')} (not in ${lacks.join(', ')})`;
  }
  return `${f.kind} differs: ${f.values.map((v) => `${v.source} says ${show(v.value)}`).join('; ')}`;
}

export interface CrosscheckResult {
  sources: string[];
  scope: string;
  summary: Record<string, number>;
  findings: Finding[];
}

/** Presence findings warn (a source is incomplete); contradictions are errors (one source is wrong). */
const level = (f: Finding): 'error' | 'warning' => (f.kind.endsWith('-only-in') ? 'warning' : 'error');

export function crosscheckReport(result: CrosscheckResult, sources: readonly SourceInfo[]): Report {
  return {
    title: `specmap crosscheck ${result.sources.join(' + ')} (scope: ${result.scope})`,
    summary: FINDING_KINDS.map((k) => [k, result.summary[k] ?? 0]),
    entries: FINDING_KINDS.flatMap((k) =>
      result.findings
        .filter((f) => f.kind === k)
        .map((f) => ({
          level: level(f),
          group: f.kind,
          path: f.path,
          message: describeFinding(f),
          anchors: f.anchors.map((a) => locate(a.source, a.anchor, sources)),
        })),
    ),
    data: result,
  };
}

export function countByKind(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0]));
  for (const f of findings) out[f.kind]!++;
  return out;
}
