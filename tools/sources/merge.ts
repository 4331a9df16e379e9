/**
 * Combines what each source extracted into one model. The same id from two files of the same
 * kind is a duplicate-id error (two docs pages, two OpenAPI files both defining it); across kinds
 * (docs + OpenAPI + catalog) the definitions merge into one item (merge-items.ts), docs first
 * whatever the config order, so docs anchors stay primary. Same input → same bytes: every list
 * is sorted with the one comparator, schema names alphabetically.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { parseAnchor } from '../model/anchor.js';
import { compareStrings, itemComparator } from '../model/sort.js';
import type { Model, SourceKind } from '../model/schema.js';
import { MODEL_VERSION } from '../model/version.js';
import { mergeEndpoints, mergeEnums, mergeEvents, mergeObjects, mergeParams, type Def } from './merge-items.js';
import { alignApis } from './align-apis.js';
import type { SourceExtract } from './source-extract.js';
import { setOwn } from '../model/own.js';

type Keyed = { id: string; anchors?: string[]; field?: { anchors: string[] } };
type ItemList = 'events' | 'endpoints' | 'params' | 'enums' | 'objects';
const LISTS: readonly ItemList[] = ['events', 'endpoints', 'params', 'enums', 'objects'];

/** Docs give anchors and prose, OpenAPI structure, catalogs what neither has. */
const KIND_RANK: Record<SourceKind, number> = { 'openai-docs': 0, openapi: 1, catalog: 2 };

function anchorOf(item: Keyed): string {
  return item.anchors?.[0] ?? item.field?.anchors[0] ?? '';
}

export function mergeExtracts(extracts: readonly SourceExtract[], bag: DiagnosticBag): Model {
  const ordered = alignApis(extracts)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => KIND_RANK[a.e.source.kind] - KIND_RANK[b.e.source.kind] || a.i - b.i)
    .map((x) => x.e);
  const schemas = new Map<string, Model['schemas'][string]>();
  for (const e of ordered) for (const [name, type] of Object.entries(e.schemas)) if (!schemas.has(name)) schemas.set(name, type);
  const sortedSchemas: Model['schemas'] = {};
  for (const name of [...schemas.keys()].sort(compareStrings)) setOwn(sortedSchemas, name, schemas.get(name)!);

  const defs = new Map<ItemList, Map<string, Def<Keyed>[]>>(LISTS.map((k) => [k, new Map()]));
  for (const extract of ordered) {
    const kind = extract.source.kind;
    for (const list of LISTS) {
      const byId = defs.get(list)!;
      for (const item of extract[list] as Keyed[]) {
        const prior = byId.get(item.id) ?? [];
        const clash = prior.find((d) => d.kind === kind);
        if (clash) {
          const at = parseAnchor(anchorOf(item));
          bag.error({
            code: 'duplicate-id',
            file: at?.file ?? extract.source.id,
            line: at?.start ?? 1,
            column: 1,
            message: `Found \`${item.id}\` again, expected each item once (first defined at ${anchorOf(clash.item)})`,
            hint: 'remove one of the two definitions, or configure only one of the files',
          });
          continue;
        }
        prior.push({ source: extract.source.id, kind, item });
        byId.set(item.id, prior);
      }
    }
  }
  const merged = <T>(list: ItemList, one: (defs: Def<T>[]) => T): T[] =>
    [...defs.get(list)!.values()].map((d) => (d.length === 1 ? (d[0]!.item as T) : one(d as unknown as Def<T>[])));

  const model: Model = {
    modelVersion: MODEL_VERSION,
    sources: extracts.map((e) => e.source),
    events: merged('events', (d) => mergeEvents(d, sortedSchemas)),
    endpoints: merged('endpoints', mergeEndpoints),
    params: merged('params', (d) => mergeParams(d, sortedSchemas)),
    enums: merged('enums', mergeEnums),
    objects: merged('objects', (d) => mergeObjects(d, sortedSchemas)),
    schemas: sortedSchemas,
  };
  const compare = itemComparator(model.sources.map((s) => s.id));
  model.events.sort(compare);
  model.endpoints.sort(compare);
  model.objects.sort(compare);
  model.enums.sort(compare);
  model.params.sort((a, b) => compare({ id: a.id, anchors: a.field.anchors }, { id: b.id, anchors: b.field.anchors }));
  return model;
}
