/** Identifiers for generated code: derived from item ids, unique, the same for the same model. */
import type { Endpoint, Event, ObjectItem } from '../../model/schema.js';

/** `response.output_text.delta` → `ResponseOutputTextDelta`. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(joined) ? `T${joined}` : joined || 'Unnamed';
}

/** `response.output_text.delta` → `response_output_text_delta`. */
export function snakeCase(text: string): string {
  const s = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toLowerCase();
  return /^[0-9]/.test(s) ? `t_${s}` : s || 'unnamed';
}

export const eventTypeName = (e: Pick<Event, 'type'>): string => `${pascalCase(e.type)}Event`;
export const objectTypeName = (o: Pick<ObjectItem, 'name'>): string => `${pascalCase(o.name)}Object`;
/** `POST /v1/conversations/{conversation_id}/items` → `PostConversationsConversationIdItemsBody`. */
export const requestBodyTypeName = (e: Pick<Endpoint, 'method' | 'path'>): string =>
  `${pascalCase(e.method.toLowerCase())}${pascalCase(e.path.replace(/^\/v\d+\//, '/'))}Body`;
/** A named shape (`Model.schemas` key, e.g. an OpenAPI component). */
export const namedSchemaTypeName = (name: string): string => `${pascalCase(name)}`;

/** Hands out names in call order, suffixing `2`, `3`, … on a clash, so generated code always compiles. */
export class NameRegistry {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }
  claim(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name); i++) name = `${wanted}${i}`;
    this.taken.add(name);
    return name;
  }
}
