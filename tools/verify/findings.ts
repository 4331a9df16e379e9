/**
 * Where every check's findings land for one trace. Each finding gets its severity here: the check's
 * configured level, or `info` when the reference baseline shows the reference server does the same
 * (or the check already found a source vouching for it). Only the first `maxFindings` per check and
 * severity are kept; the rest are counted, so a trace with 200k violations needs no more memory than
 * one with 50. When learning a baseline, every deviation is counted instead.
 */
import type { Baseline } from './baseline.js';
import type { SeverityMap } from './severity.js';
import {
  CHECK_IDS,
  type Deviation,
  type Omitted,
  type RawViolation,
  type ResponseRef,
  type VerifySeverity,
  type Violation,
} from './types.js';

export interface FindingPolicy {
  severities: SeverityMap;
  baseline?: Baseline;
  /** Findings kept per check and severity (default 50); `Infinity` keeps all. */
  maxFindings?: number;
  /** Count every deviation's key (to learn a baseline from this trace). */
  learn?: boolean;
}

export const DEFAULT_MAX_FINDINGS = 50;

/** A deviation with no key of its own: the event type and the check that found it. */
function deviationsOf(v: RawViolation): Deviation[] {
  return v.deviations ?? [{ event: v.event ?? '', path: '', kind: v.check }];
}

export function deviationKey(d: Deviation): string {
  return `${d.event}\u0000${d.path}\u0000${d.kind}`;
}

const ORDER = new Map(CHECK_IDS.map((id, i) => [id, i]));

function compareFindings(a: { line: number; check: Violation['check'] }, b: { line: number; check: Violation['check'] }): number {
  return a.line - b.line || ORDER.get(a.check)! - ORDER.get(b.check)!;
}

export type Finding = Omit<Violation, 'file'>;

export class Findings {
  private readonly kept: Finding[] = [];
  private readonly perBucket = new Map<string, number>();
  private readonly omitted = new Map<string, Omitted>();
  readonly counts = { errors: 0, warnings: 0, infos: 0 };
  /** Learning only: deviation key → the deviation and how often it was seen. */
  readonly deviations = new Map<string, { deviation: Deviation; count: number }>();
  private readonly max: number;

  constructor(private readonly policy: FindingPolicy) {
    this.max = policy.maxFindings ?? DEFAULT_MAX_FINDINGS;
  }

  add(raw: RawViolation, response: ResponseRef): void {
    const level = this.policy.severities[raw.check];
    if (level === 'off') return;
    if (this.policy.learn && !raw.verdict) {
      for (const d of deviationsOf(raw)) {
        const key = deviationKey(d);
        const seen = this.deviations.get(key);
        if (seen) seen.count++;
        else this.deviations.set(key, { deviation: d, count: 1 });
      }
    }
    let severity: VerifySeverity = level;
    let verdict = raw.verdict;
    let note = raw.note;
    if (verdict) severity = 'info';
    else if (this.policy.baseline) {
      const vouched = this.policy.baseline.vouch(deviationsOf(raw));
      if (vouched) {
        severity = 'info';
        verdict = 'reference-does-too';
        note = vouched;
      }
    }
    if (severity === 'error') this.counts.errors++;
    else if (severity === 'warn') this.counts.warnings++;
    else this.counts.infos++;
    const bucket = `${raw.check}/${severity}`;
    const n = this.perBucket.get(bucket) ?? 0;
    if (n >= this.max) {
      const o = this.omitted.get(bucket);
      if (o) o.count++;
      else this.omitted.set(bucket, { check: raw.check, severity, count: 1 });
      return;
    }
    this.perBucket.set(bucket, n + 1);
    this.kept.push({
      check: raw.check,
      severity,
      line: raw.line,
      ...(raw.event !== undefined && { event: raw.event }),
      message: raw.message,
      response,
      ...(verdict && { verdict }),
      ...(note && { note }),
    });
  }

  /** Kept findings by line then check; the response is named only when the trace held several. */
  result(responses: number): { violations: Finding[]; omitted: Omitted[] } {
    const violations = this.kept.sort(compareFindings).map((f) => {
      if (responses > 1) return f;
      const { response: _one, ...rest } = f;
      return rest;
    });
    const omitted = [...this.omitted.values()].sort(
      (a, b) => ORDER.get(a.check)! - ORDER.get(b.check)! || a.severity.localeCompare(b.severity),
    );
    return { violations, omitted };
  }
}
