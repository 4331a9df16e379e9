/** Read-only helpers over a model that every consumer needs; no consumer walks the model by hand. */
import type { Item, Model } from './schema.js';

/** Every item in the model, in model order: events, endpoints, params, enums, objects. */
export function allItems(model: Model): Item[] {
  return [...model.events, ...model.endpoints, ...model.params, ...model.enums, ...model.objects];
}

/** Anchors of any item (params keep theirs on the field). */
export function anchorsOf(item: Item): string[] {
  return item.kind === 'param' ? item.field.anchors : item.anchors;
}

export function indexItems(model: Model): Map<string, Item> {
  return new Map(allItems(model).map((item) => [item.id, item]));
}

export function getItemOrThrow(model: Model, id: string): Item {
  const item = indexItems(model).get(id);
  if (!item) throw new Error(`no item with id ${id}`);
  return item;
}

export function emptyModel(): Model {
  return { modelVersion: 1, sources: [], events: [], endpoints: [], params: [], enums: [], objects: [], schemas: {} };
}
