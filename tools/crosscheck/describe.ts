/** One sentence and a severity per crosscheck finding, and the counts per kind the result carries. */
import type { JsonValue } from '../model/schema.js';
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

/** A thing one kind of source lacks warns (that source is incomplete); a contradiction is an error (one source is wrong). */
export function findingSeverity(f: Finding): 'error' | 'warning' {
  return f.kind.endsWith('-only-in') ? 'warning' : 'error';
}

export function countByKind(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0]));
  for (const f of findings) out[f.kind]!++;
  return out;
}
