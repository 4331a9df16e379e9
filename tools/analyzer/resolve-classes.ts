/**
 * Ties class names to event types across the workspace, after every file is read: a fact that
 * names only a class (a constructor call, a subclass, an `isinstance`, a re-export) gets the
 * `type` that class defines, from the model's `classNames` (SDK and spec names) or from a
 * definition elsewhere in the workspace (a local Pydantic class, a Zod schema). Subclass chains
 * resolve to a fixed point. Facts whose class defines no known type are dropped: they were
 * never about events.
 *
 * Declared fields follow the same chains: a definition through a base carries the fields its file
 * could see, and gets the base's fields here when the workspace defines the base with fields; when
 * it does not (an SDK class), the list is dropped, since those fields are unknown.
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
  const fields = inheritFields(facts);
  const out: CodeFact[] = [];
  for (const f of facts) {
    if (!NEEDS_CLASS.has(f.kind) || f.literal !== undefined || f.className === undefined) {
      out.push(f);
      continue;
    }
    const { fields: _seen, ...rest } = f;
    const complete = fields.get(f);
    for (const literal of [...(known.get(f.className) ?? [])].sort()) out.push({ ...rest, literal, ...(complete ? { fields: complete } : {}) });
  }
  return out;
}

/** Definitions through a base (`class Mine(Base)`, `interface Mine extends Base`) → their complete fields, where the workspace knows the base's. */
function inheritFields(facts: readonly CodeFact[]): Map<CodeFact, string[]> {
  // Per language: a TypeScript interface never inherits from a Python class of the same name.
  const byName = new Map<string, string[]>();
  const learn = (f: CodeFact, fields: readonly string[]): void => {
    const key = `${f.language}:${f.symbol}`;
    const list = byName.get(key) ?? [];
    for (const n of fields) if (!list.includes(n)) list.push(n);
    byName.set(key, list);
  };
  for (const f of facts) if (f.kind === 'definition' && f.literal !== undefined && f.fields) learn(f, f.fields);
  const pending = facts.filter((f) => f.kind === 'definition' && f.literal === undefined && f.className !== undefined && f.fields);
  const out = new Map<CodeFact, string[]>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of pending) {
      const base = byName.get(`${f.language}:${f.className!}`);
      if (out.has(f) || !base) continue;
      const all = [...base.filter((n) => !f.fields!.includes(n)), ...f.fields!];
      out.set(f, all);
      learn(f, all);
      changed = true;
    }
  }
  return out;
}

/** Class names the workspace defines for event types: a second prefilter pass looks for their use. */
export function localClassNames(facts: readonly CodeFact[]): Set<string> {
  const out = new Set<string>();
  for (const f of facts) if (f.kind === 'definition') out.add(f.symbol);
  return out;
}
