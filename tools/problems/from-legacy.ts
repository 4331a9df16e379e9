/**
 * What `import` finds in a hand-made mapping, and what mapping.json keeps of it as `legacyFindings`:
 * claims the code contradicts and code lines that went stale (warnings: the legacy file is wrong,
 * the code is not), anchors that differ from the spec's and entries no spec item has (information:
 * both are kept as they were).
 */
import type { Problem, ProblemLocation } from './problem.js';

const at = (location: ProblemLocation | undefined) => (location ? { location } : {});

/** A sentence of `legacyFindings` (mapping/legacy-findings.ts) or an import contradiction. */
export function fromLegacyFinding(id: string, message: string, location?: ProblemLocation): Problem {
  return {
    code: message.startsWith('legacy code location') ? 'legacy-code-location-stale' : 'legacy-claim-contradicted',
    severity: 'warning',
    message,
    subject: id,
    ...at(location),
  };
}

export function fromLegacyAnchorDiffers(a: { id: string; legacy: string; spec: string | null }, location?: ProblemLocation): Problem {
  return {
    code: 'legacy-anchor-differs',
    severity: 'info',
    message: `legacy anchor ${a.legacy}, spec ${a.spec ?? '(none)'}`,
    subject: a.id,
    ...at(location),
  };
}

export function fromLegacyOrphan(id: string, location?: ProblemLocation): Problem {
  return {
    code: 'legacy-orphan',
    severity: 'info',
    message: 'no spec item has this entry: kept whole as an orphan in mapping.json',
    subject: id,
    ...at(location),
  };
}
