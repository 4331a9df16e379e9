/** Extract, map, config and input diagnostics: already located, already saying how to fix. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Problem } from './problem.js';

export function fromDiagnostic(d: Diagnostic): Problem {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    location: { file: d.file, line: d.line, column: d.column },
    ...(d.hint ? { fix: d.hint } : {}),
  };
}

/** A command's warnings, kept as its stages collected them and as the problems every command reports. */
export function withProblems(diagnostics: Diagnostic[]): { diagnostics: Diagnostic[]; problems: Problem[] } {
  return { diagnostics, problems: diagnostics.map(fromDiagnostic) };
}
