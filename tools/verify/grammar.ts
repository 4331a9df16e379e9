/**
 * The lifecycle grammar as data: one `EventRule` per event type, derived from the model (category,
 * fields) and a stream profile (stream-profile.ts). Checks look rules up; they never test type
 * strings themselves.
 */
import type { Model } from '../model/schema.js';
import type { PartKind, Role, StreamProfile, TextRule } from './stream-profile.js';

export type EventRule =
  /** Response-level: moves the response along (`role`), or, with role `item`, is allowed while it runs. */
  | { scope: 'response'; type: string; role: Role }
  | {
      scope: 'item';
      type: string;
      family: string;
      /** open/close: an item or a part (the profile's item and part families); delta: appends text. */
      action: 'open' | 'close' | 'delta' | 'text-done' | 'other';
      /** For item / part families. */
      opens?: 'item' | PartKind;
      /** The part this event lives in (it carries that part kind's index field). */
      inPart?: PartKind;
      /** Item types allowed to receive this family; undefined: any. */
      itemTypes?: readonly string[];
      /** For text-done events: the field holding the final text. */
      textField?: string;
      /** For delta and text-done events: where the text lands. */
      text?: TextRule;
    };

function familyOf(type: string): { family: string; last: string } {
  const cut = type.lastIndexOf('.');
  return { family: type.slice(0, cut), last: type.slice(cut + 1) };
}

function itemTypesOf(family: string, profile: StreamProfile): readonly string[] | undefined {
  if (family === profile.items.family) return undefined;
  const listed = profile.items.familyItemTypes.get(family);
  if (listed) return listed;
  const m = profile.items.derivedItemType?.exec(family);
  return m?.[1] ? [m[1]] : undefined;
}

/** Builds the rule table for every event the model knows, under one stream profile. */
export function buildGrammar(model: Pick<Model, 'events'>, profile: StreamProfile): Map<string, EventRule> {
  const rules = new Map<string, EventRule>();
  const indexFields = [...profile.parts.kinds].map(([kind, k]) => [k.index, kind] as const);
  for (const event of model.events) {
    const { family, last } = familyOf(event.type);
    const role = event.category === profile.lifecycle.category ? profile.lifecycle.roles.get(last) : undefined;
    if (role) {
      rules.set(event.type, { scope: 'response', type: event.type, role });
      continue;
    }
    if (event.category === profile.lifecycle.abortCategory) {
      rules.set(event.type, { scope: 'response', type: event.type, role: 'abort' });
      continue;
    }
    const names = new Set(event.fields.map((f) => f.name));
    const opens = family === profile.items.family ? 'item' : profile.parts.families.get(family);
    const inPart = opens ? undefined : indexFields.find(([field]) => names.has(field))?.[1];
    if (!opens && !inPart && !profile.items.keys.some((k) => names.has(k))) {
      // Nothing in it names an item: it belongs to the response, whatever its family.
      rules.set(event.type, { scope: 'response', type: event.type, role: 'item' });
      continue;
    }
    const text = profile.text.families.get(family);
    let action: 'open' | 'close' | 'delta' | 'text-done' | 'other' = 'other';
    if (opens && last === 'added') action = 'open';
    else if (opens && last === 'done') action = 'close';
    else if (text && last === 'delta') action = 'delta';
    else if (text && last === 'done') action = 'text-done';
    const idField = profile.items.idField;
    const textField =
      action === 'text-done'
        ? (event.fields.find((f) => f.type.kind === 'string' && !['type', idField, 'name'].includes(f.name))?.name ?? text?.field)
        : undefined;
    const itemTypes = itemTypesOf(family, profile);
    rules.set(event.type, {
      scope: 'item',
      type: event.type,
      family,
      action,
      ...(opens && { opens }),
      ...(inPart && { inPart }),
      ...(itemTypes && { itemTypes }),
      ...(textField && { textField }),
      ...(text && (action === 'delta' || action === 'text-done') && { text }),
    });
  }
  return rules;
}
