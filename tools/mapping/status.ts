/**
 * Status per item (config `status.implemented`): every required lane has a location → implemented;
 * some location anywhere → partial; nothing → missing. A gap in what the code declares (a field
 * the definition lacks, a parameter typed or defaulted differently) keeps an item at partial.
 */
import type { Location, Status } from './schema.js';

export interface StatusInput {
  lanes: Record<string, Location[]>;
  required: readonly string[];
  /** Disagreements found in the declarations (not lane gaps). */
  declarationGaps: readonly string[];
  /** Worth listing but not lacking (a request-model field the spec does not have). */
  remarks?: readonly string[];
}

export interface StatusResult {
  status: Status;
  gaps: string[];
}

export function computeStatus({ lanes, required, declarationGaps, remarks = [] }: StatusInput): StatusResult {
  const any = Object.values(lanes).some((l) => l.length > 0);
  if (!any) return { status: 'missing', gaps: [...declarationGaps, ...remarks] };
  const absent = required.filter((name) => !lanes[name]?.length);
  const gaps = [...absent.map((name) => `no location in lane ${name}`), ...declarationGaps, ...remarks];
  return { status: absent.length || declarationGaps.length ? 'partial' : 'implemented', gaps };
}
