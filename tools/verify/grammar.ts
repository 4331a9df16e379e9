/**
 * The lifecycle grammar as data: one `EventRule` per event type, derived from the model (category,
 * fields) and the table in families.ts. Checks look rules up; they never test type strings themselves.
 */
import type { Model } from '../model/schema.js';
import { DONE_TEXT_FALLBACK, FAMILY_ITEM_TYPES, ITEM_FAMILY, ITEM_KEYS, PART_FAMILIES, RESPONSE_ROLES, TEXT_RULES, type PartKind, type Role } from './families.js';

export type EventRule =
  /** Response-level: moves the response along (`role`), or, with role `item`, is allowed while it runs. */
  | { scope: 'response'; type: string; role: Role }
  | {
      scope: 'item';
      type: string;
      family: string;
      /** open/close: an item (`output_item`) or a part (`content_part`, `reasoning_summary_part`); delta: appends text. */
      action: 'open' | 'close' | 'delta' | 'text-done' | 'other';
      /** For output_item / part families. */
      opens?: 'item' | PartKind;
      /** The part this event lives in (it carries `content_index` / `summary_index`). */
      inPart?: PartKind;
      /** Item types allowed to receive this family; undefined: any. */
      itemTypes?: readonly string[];
      /** For text-done events: the field holding the final text. */
      textField?: string;
    };

const INDEX_FIELDS: readonly [string, PartKind][] = [['content_index', 'content'], ['summary_index', 'summary']];

function familyOf(type: string): { family: string; last: string } {
  const cut = type.lastIndexOf('.');
  return { family: type.slice(0, cut), last: type.slice(cut + 1) };
}

function itemTypesOf(family: string): readonly string[] | undefined {
  if (family === ITEM_FAMILY) return undefined;
  const listed = FAMILY_ITEM_TYPES.get(family);
  if (listed) return listed;
  const m = /^response\.([a-z_]+_call)$/.exec(family);
  return m ? [m[1]!] : undefined;
}

/** Builds the rule table for every event the model knows. */
export function buildGrammar(model: Pick<Model, 'events'>): Map<string, EventRule> {
  const rules = new Map<string, EventRule>();
  for (const event of model.events) {
    const { family, last } = familyOf(event.type);
    const role = event.category === 'lifecycle' ? RESPONSE_ROLES.get(last) : undefined;
    if (role) {
      rules.set(event.type, { scope: 'response', type: event.type, role });
      continue;
    }
    if (event.category === 'errors') {
      rules.set(event.type, { scope: 'response', type: event.type, role: 'abort' });
      continue;
    }
    const names = new Set(event.fields.map((f) => f.name));
    const opens = family === ITEM_FAMILY ? 'item' : PART_FAMILIES.get(family);
    const inPart = opens ? undefined : INDEX_FIELDS.find(([field]) => names.has(field))?.[1];
    if (!opens && !inPart && !ITEM_KEYS.some((k) => names.has(k))) {
      // Nothing in it names an item: it belongs to the response, whatever its family.
      rules.set(event.type, { scope: 'response', type: event.type, role: 'item' });
      continue;
    }
    const textRule = TEXT_RULES.get(family);
    let action: 'open' | 'close' | 'delta' | 'text-done' | 'other' = 'other';
    if (opens && last === 'added') action = 'open';
    else if (opens && last === 'done') action = 'close';
    else if (textRule && last === 'delta') action = 'delta';
    else if (textRule && last === 'done') action = 'text-done';
    const textField =
      action === 'text-done'
        ? (event.fields.find((f) => f.type.kind === 'string' && !['type', 'item_id', 'name'].includes(f.name))?.name ?? DONE_TEXT_FALLBACK.get(family))
        : undefined;
    const itemTypes = itemTypesOf(family);
    rules.set(event.type, {
      scope: 'item',
      type: event.type,
      family,
      action,
      ...(opens && { opens }),
      ...(inPart && { inPart }),
      ...(itemTypes && { itemTypes }),
      ...(textField && { textField }),
    });
  }
  return rules;
}
