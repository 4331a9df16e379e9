/**
 * Diagnostics carry a position, what was found, what was expected, and how to fix it
 * (STYLE.md "The details", after remark-lint). Stages collect them and fail once.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case code, e.g. `event-without-fields`. */
  code: string;
  file: string;
  line: number;
  column: number;
  /** What was found and what was expected: "Unexpected type word `strng`, expected one of …". */
  message: string;
  /** How to fix it. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** A collector stages pass around: add everything, decide once at the end. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  error(d: Omit<Diagnostic, 'severity'>): void {
    this.items.push({ severity: 'error', ...d });
  }
  warn(d: Omit<Diagnostic, 'severity'>): void {
    this.items.push({ severity: 'warning', ...d });
  }
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}
