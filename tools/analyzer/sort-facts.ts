/** One order for facts, so the same workspace gives the same bytes downstream. */
import type { CodeFact } from './facts.js';

const cmp = (a: string | undefined, b: string | undefined): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

export function compareFacts(a: CodeFact, b: CodeFact): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.kind, b.kind) ||
    cmp(a.literal, b.literal) ||
    cmp(a.field, b.field) ||
    cmp(a.method, b.method) ||
    cmp(a.className, b.className)
  );
}
