/**
 * Ties class names to event types across the workspace, after every file is read: a fact that
 * names only a class (a constructor call, a subclass, an `isinstance`, a re-export) gets the
 * `type` that class defines, from the model's `classNames` (SDK and spec names) or from a
 * definition elsewhere in the workspace (a local Pydantic class, a Zod schema). Subclass chains
 * resolve to a fixed point. Facts whose class defines no known type are dropped: they were
 * never about events.
 */
import type { CodeFact } from './facts.js';

const NEEDS_CLASS: ReadonlySet<CodeFact['kind']> = new Set(['definition', 'emitter', 'handler', 'test']);

export function resolveClasses(facts: readonly CodeFact[], typeByClass: ReadonlyMap<string, readonly string[]>): CodeFact[] {
  const known = new Map<string, Set<string>>();
  const learn = (name: string, literal: string): boolean => {
    const set = known.get(name) ?? new Set<string>();
    if (set.has(literal)) return false;
    set.add(literal);
    known.set(name, set);
    return true;
  };
  for (const [name, types] of typeByClass) for (const t of types) learn(name, t);
  for (const f of facts) if (f.kind === 'definition' && f.literal !== undefined) learn(f.symbol, f.literal);

  const pending = facts.filter((f) => NEEDS_CLASS.has(f.kind) && f.literal === undefined && f.className !== undefined);
  // Definitions through a subclass or alias teach new names; repeat until nothing new is learnt.
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of pending) {
      if (f.kind !== 'definition') continue;
      for (const t of known.get(f.className!) ?? []) changed = learn(f.symbol, t) || changed;
    }
  }
  const out: CodeFact[] = [];
  for (const f of facts) {
    if (!NEEDS_CLASS.has(f.kind) || f.literal !== undefined || f.className === undefined) {
      out.push(f);
      continue;
    }
    for (const literal of [...(known.get(f.className) ?? [])].sort()) out.push({ ...f, literal });
  }
  return out;
}

/** Class names the workspace defines for event types: a second prefilter pass looks for their use. */
export function localClassNames(facts: readonly CodeFact[]): Set<string> {
  const out = new Set<string>();
  for (const f of facts) if (f.kind === 'definition') out.add(f.symbol);
  return out;
}
