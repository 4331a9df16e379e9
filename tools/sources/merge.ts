/**
 * Combines what each source extracted into one model. Items with the same id from several files
 * of the same kind are a duplicate-id error; across kinds (docs + OpenAPI) they are merged by
 * `mergeItems` (the OpenAPI issue fills in that part).
 */
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { parseAnchor } from '../model/anchor.js';
import { itemComparator } from '../model/sort.js';
import type { Model } from '../model/schema.js';
import { MODEL_VERSION } from '../model/version.js';
import type { SourceExtract } from './source-extract.js';

type Keyed = { id: string; anchors?: string[]; field?: { anchors: string[] } };

function anchorOf(item: Keyed): string {
  return item.anchors?.[0] ?? item.field?.anchors[0] ?? '';
}

export function mergeExtracts(extracts: readonly SourceExtract[], bag: DiagnosticBag): Model {
  const model: Model = {
    modelVersion: MODEL_VERSION,
    sources: extracts.map((e) => e.source),
    events: [],
    endpoints: [],
    params: [],
    enums: [],
    objects: [],
    schemas: {},
  };
  const seen = new Map<string, string>();
  for (const extract of extracts) {
    for (const kind of ['events', 'endpoints', 'params', 'enums', 'objects'] as const) {
      for (const item of extract[kind] as Keyed[]) {
        const first = seen.get(item.id);
        if (first !== undefined) {
          const at = parseAnchor(anchorOf(item));
          bag.error({
            code: 'duplicate-id',
            file: at?.file ?? extract.source.id,
            line: at?.start ?? 1,
            column: 1,
            message: `Found \`${item.id}\` again, expected each item once (first defined at ${first})`,
            hint: 'remove one of the two definitions, or configure only one of the files',
          });
          continue;
        }
        seen.set(item.id, anchorOf(item));
        (model[kind] as Keyed[]).push(item);
      }
    }
    Object.assign(model.schemas, extract.schemas);
  }
  const compare = itemComparator(model.sources.map((s) => s.id));
  model.events.sort(compare);
  model.endpoints.sort(compare);
  model.objects.sort(compare);
  model.enums.sort(compare);
  model.params.sort((a, b) => compare({ id: a.id, anchors: a.field.anchors }, { id: b.id, anchors: b.field.anchors }));
  return model;
}
