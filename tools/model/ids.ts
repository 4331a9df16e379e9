/**
 * Stable item ids (DESIGN.md "The pipeline"): the keys of mapping.json and the names users type
 * into `specmap where`. One builder per kind so that no stage spells an id by hand.
 */
import type { ItemKind } from './schema.js';

/**
 * With `api` (a source that reads several APIs, whose event names overlap: Responses and Realtime
 * both have `error`), the API comes first: `event:realtime/error`. With one API, ids stay bare.
 */
export const eventId = (type: string, api?: string): string => (api ? `event:${api}/${type}` : `event:${type}`);
export const endpointId = (method: string, path: string): string => `endpoint:${method.toUpperCase()} ${path}`;
export const paramId = (endpoint: string, name: string): string => `param:${endpoint.replace(/^endpoint:/, '')}#${name}`;
export const enumId = (param: string, value: string | number | boolean | null): string =>
  `enum:${param.replace(/^param:/, '')}=${String(value)}`;
export const objectId = (name: string): string => `object:${name}`;
export const objectFieldId = (object: string, field: string): string => `${object}#${field}`;

/** The kind an id names, or undefined for a string that is not an item id. */
export function kindOfId(id: string): ItemKind | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return (['event', 'endpoint', 'param', 'enum', 'object'] as const).find((k) => k === prefix);
}

/** The endpoint id a `param:` or `enum:` id belongs to. */
export function endpointOfId(id: string): string | undefined {
  const m = /^(?:param|enum):([A-Z]+ [^#]+)#/.exec(id);
  return m ? `endpoint:${m[1]}` : undefined;
}
