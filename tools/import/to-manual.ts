/**
 * One legacy entry → the fields of a manual block. Words with a manual meaning get the manual key
 * (`note` → `notes`, `known_issues` → `knownIssues`, `priority`, `test_priority` → `testPriority`,
 * `compliance_score` → `complianceScore`); every other key is kept verbatim under `legacy`, status
 * words included: a legacy `implemented: true` is a claim to check against the code, never a
 * status override.
 */
import type { JsonValue } from '../model/schema.js';
import type { LegacyEntry } from './legacy-format.js';

/** Where one legacy field lands: a path inside the manual block. */
export interface Placement {
  /** The legacy key (`known_issues`). */
  key: string;
  /** The path inside the manual block (`['knownIssues']`, `['legacy', 'code_location']`). */
  path: string[];
  value: JsonValue;
}

const RENAMES: Record<string, { to: string; accepts: (v: JsonValue) => boolean }> = {
  note: { to: 'notes', accepts: (v) => typeof v === 'string' },
  notes: { to: 'notes', accepts: (v) => typeof v === 'string' },
  known_issues: { to: 'knownIssues', accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string') },
  priority: { to: 'priority', accepts: (v) => typeof v === 'string' },
  test_priority: { to: 'testPriority', accepts: () => true },
  compliance_score: { to: 'complianceScore', accepts: () => true },
};

export function placementsOf(entry: LegacyEntry): Placement[] {
  const out: Placement[] = [];
  const taken = new Set<string>();
  for (const [key, value] of Object.entries(entry)) {
    const rename = RENAMES[key];
    // `note` and `notes` both given: the second goes to legacy rather than overwrite the first.
    if (rename?.accepts(value) && !taken.has(rename.to)) {
      taken.add(rename.to);
      out.push({ key, path: [rename.to], value });
    } else {
      out.push({ key, path: ['legacy', key], value });
    }
  }
  return out;
}
