/**
 * What a language adapter saw of the fields a class, interface or schema declares, before it
 * becomes a definition fact's `fields` (facts.ts). Shared by the Python and TypeScript adapters.
 */

export interface DeclaredFields {
  /** Field names as sent on the wire, inherited ones first, each once. */
  fields: string[];
  /** Bases or parts, direct or inherited, whose fields the file cannot see (resolved names). */
  open: string[];
}

/**
 * The `fields` a definition fact may carry: all of them when nothing is open; through a base
 * (`className`), also when that base is the only thing open, since assign-items.ts adds its
 * fields from the workspace (or drops the list when the workspace does not define the base).
 */
export function fieldsForFact(declared: DeclaredFields | undefined, className?: string): { fields?: string[] } {
  if (!declared) return {};
  if (declared.open.length === 0 || (className !== undefined && declared.open.length === 1 && declared.open[0] === className))
    return { fields: [...declared.fields] };
  return {};
}
