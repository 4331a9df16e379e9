/**
 * What a model's event catalogue says about its own names, for the analyzer (which files are worth
 * parsing) and the mapping (which facts count) alike: the stream's envelope, and the plain words
 * among its dotted types.
 */
import type { Field, Model } from './schema.js';

type ItemField = Pick<Field, 'name' | 'required'>;

/** Fields (besides `type`) that at least nine in ten of the events require: the stream's envelope. */
export function universalFields(events: readonly { fields: readonly ItemField[] }[]): Set<string> {
  const counts = new Map<string, number>();
  for (const e of events)
    for (const f of e.fields) if (f.required !== false && f.name !== 'type') counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  const out = new Set<string>();
  if (events.length < 3) return out;
  for (const [name, n] of counts) if (n >= events.length * 0.9) out.add(name);
  return out;
}

/**
 * Event types with no dot in a source whose other types mostly have one: the stream's `error`
 * among `response.*`. Every API and library has an `error` of its own; a catalog whose names are
 * all plain words (an agents SDK's `tool_called`) is not such a family. Such a type counts only in
 * code that shows it is about the stream (join.ts).
 */
function undottedInDottedFamily(events: readonly Pick<Model['events'][number], 'type' | 'sources'>[]): Set<string> {
  const bySource = new Map<string, { dotted: number; plain: string[] }>();
  for (const e of events) {
    for (const source of e.sources) {
      const family = bySource.get(source) ?? bySource.set(source, { dotted: 0, plain: [] }).get(source)!;
      if (e.type.includes('.')) family.dotted++;
      else family.plain.push(e.type);
    }
  }
  const out = new Set<string>();
  for (const { dotted, plain } of bySource.values()) if (dotted > plain.length) for (const t of plain) out.add(t);
  // A type some source of plain words also has keeps its plain meaning there.
  for (const { dotted, plain } of bySource.values()) if (dotted <= plain.length) for (const t of plain) out.delete(t);
  return out;
}

/** The envelope of the dotted family and the plain types that need it or a dotted neighbour to count. */
export function streamEnvelope(events: Model['events']): { needsContext: Set<string>; envelope: Set<string> } {
  const needsContext = undottedInDottedFamily(events);
  // The envelope of the dotted family itself (a catalog of plain names has none to dilute it).
  const envelope = universalFields(events.filter((e) => e.type.includes('.') || needsContext.has(e.type)));
  return { needsContext, envelope };
}
