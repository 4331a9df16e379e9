/**
 * What `specmap check` finds. Each finding kind has a stable id and a configurable severity
 * (config `check.severity`: error | warn | off); exit 1 only for findings at error severity.
 */
export const FINDING_KINDS = {
  'not-synced': 'specmap sync has not run yet: no model and no mapping.json',
  'source-changed': 'a source no longer matches the one the model was built from',
  'model-missing': 'no model has been built yet',
  'generated-stale': 'a generated file differs from what `generate` would write',
  'generated-missing': 'a generated file does not exist',
  'generated-orphan': 'a file in the output folder that no generator produces',
  'mapping-missing': 'no mapping.json yet',
  'mapping-location-lost': 'a code location recorded in mapping.json is gone',
  'mapping-location-new': 'code that mapping.json does not record yet',
  'mapping-status-changed': 'an item whose computed status would change',
  'mapping-unknown-literal': 'an event-like literal that no spec item has, not yet in mapping.json',
  'mapping-manual-orphan': 'a manual note attached to an item the sources no longer have',
  'mapping-item-added': 'a spec item that mapping.json does not list yet',
  'mapping-item-removed': 'an item in mapping.json that the sources no longer have',
  'mapping-tracker-edit': 'a human cell edited in the tracker and not yet stored in mapping.json (the tracker is not committed)',
  'mapping-tracker-conflict': 'a human cell edited differently in the tracker and in mapping.json',
} as const;

type FindingKind = keyof typeof FINDING_KINDS;
type FindingSeverity = 'error' | 'warn';

export interface Finding {
  kind: FindingKind;
  severity: FindingSeverity;
  /** The spec item concerned, when there is one. */
  id?: string;
  /** Spec anchor of the item (`DOC_streaming_events.md:304-367`). */
  anchor?: string;
  /** Code or output location: file, optional line. */
  file?: string;
  line?: number;
  lane?: string;
  message: string;
  /** A unified diff, for stale generated files. */
  diff?: string;
  /** The command that fixes it. */
  fix?: string;
}

export type SeverityConfig = Record<string, 'error' | 'warn' | 'off'>;

const DEFAULT_SEVERITY: Partial<Record<FindingKind, 'error' | 'warn' | 'off'>> = {
  'mapping-unknown-literal': 'warn',
  'mapping-manual-orphan': 'warn',
};

/** Applies config severities; findings turned `off` are dropped. */
export function applySeverity(findings: readonly Omit<Finding, 'severity'>[], config: SeverityConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const level = config[f.kind] ?? DEFAULT_SEVERITY[f.kind] ?? 'error';
    if (level !== 'off') out.push({ ...f, severity: level });
  }
  return out;
}

export function compareFindings(a: Finding, b: Finding): number {
  const key = (f: Finding) =>
    [f.kind, f.id ?? '', f.lane ?? '', f.file ?? '', String(f.line ?? 0).padStart(8, '0'), f.message].join('\u0000');
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
