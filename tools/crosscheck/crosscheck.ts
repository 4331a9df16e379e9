/**
 * `crosscheck(model)`: every disagreement between the sources merged into the model (docs vs
 * OpenAPI), each with both anchors. It reads what the merge records (tools/sources/merge-fields.ts):
 * `item.sources`, `field.sources` and `field.conflicts`, and adds a few rules of its own:
 *
 * - Only kinds of source that describe the same API are compared: docs and OpenAPI. Catalogs hold
 *   items no API source has, by design, so "only in the catalog" is no finding.
 * - An item or field counts as "only in" one kind when the model has another comparable kind
 *   that lacks it. Fields are compared at the top level of an item: the docs collapse nested
 *   structure ("Show properties"), so a nested OpenAPI field without a docs counterpart says
 *   nothing.
 * - An enum value (`enum:` item) only in one kind is a finding only when the other kind also lists
 *   values for that parameter; a page that lists none is silent, not in disagreement. For such
 *   parameters the field's `enum` conflict is left out (the value items say it, once each).
 * - Type words in the docs are coarse (`object`, `array`, `string or object`); the merge already
 *   compares coarse shapes. A shape difference that is only `null` (docs `object`, spec
 *   `object | null`) is a nullability finding, not a type one.
 * - `required: null` (the docs' event fields carry no markers) never conflicts (the merge skips it).
 */
import type { Conflict, Field, Item, JsonValue, Model, SourceKind } from '../model/schema.js';
import { anchorsOf } from '../model/items.js';
import { parseAnchor } from '../model/anchor.js';
import { DEFAULT_DIFF_SCOPE, scopeModel, type DiffScope } from '../diff/scope.js';
import type { Finding, FindingKind } from './finding.js';

const COMPARED: readonly SourceKind[] = ['openai-docs', 'openapi'];

export interface CrosscheckOptions {
  scope?: DiffScope;
}

export function crosscheck(input: Model, options: CrosscheckOptions = {}): Finding[] {
  const model = scopeModel(input, options.scope ?? DEFAULT_DIFF_SCOPE);
  const kindOf = new Map(model.sources.map((s) => [s.id, s.kind]));
  const present = COMPARED.filter((k) => model.sources.some((s) => s.kind === k));
  if (present.length < 2) return [];
  const out: Finding[] = [];
  const kindsOf = (sources: readonly string[]): Set<SourceKind> =>
    new Set(sources.map((s) => kindOf.get(s)!).filter((k) => COMPARED.includes(k)));
  const anchorsFor = (anchors: readonly string[]): Finding['anchors'] => {
    const seen = new Set<string>();
    return anchors.flatMap((a) => {
      const file = parseAnchor(a)?.file;
      if (!file || seen.has(file)) return [];
      seen.add(file);
      return [{ source: file, anchor: a }];
    });
  };
  const push = (kind: FindingKind, path: string, item: string, values: Finding['values'], anchors: readonly string[]): void => {
    out.push({ id: `${kind} ${path}`, kind, path, item, values, anchors: anchorsFor(anchors) });
  };
  /** Per comparable kind: the sources of that kind that define it, or the kind itself with `false`. */
  const presence = (sources: readonly string[]): Finding['values'] =>
    present.flatMap((k): Finding['values'] => {
      const mine = sources.filter((s) => kindOf.get(s) === k);
      return mine.length ? mine.map((s) => ({ source: s, value: true })) : [{ source: k, value: false }];
    });
  // A kind of source that defines no item of a list (a docs set without the Responses page has no
  // endpoints) says nothing about that list: compare only kinds that cover it.
  const covering = (items: readonly { sources: string[] }[]): SourceKind[] =>
    present.filter((k) => items.some((i) => kindsOf(i.sources).has(k)));
  const coverage = {
    event: covering(model.events),
    endpoint: covering(model.endpoints),
    param: covering(model.params.map((p) => p.field)),
    enum: covering(model.enums),
    object: covering(model.objects),
  };
  const onlyIn = (sources: readonly string[], among: readonly SourceKind[] = present): boolean => {
    const kinds = kindsOf(sources);
    return kinds.size > 0 && among.length > 1 && among.some((k) => !kinds.has(k));
  };

  // Params whose values are listed as `enum:` items by every comparable kind that defines the param.
  const valueKinds = new Map<string, Set<SourceKind>>();
  for (const e of model.enums) for (const k of kindsOf(e.sources)) valueKinds.set(e.param, (valueKinds.get(e.param) ?? new Set()).add(k));
  const listedByBoth = (param: string): boolean => present.every((k) => valueKinds.get(param)?.has(k));

  const items: Item[] = [...model.events, ...model.endpoints, ...model.params, ...model.enums, ...model.objects];
  for (const item of items) {
    const sources = item.kind === 'param' ? item.field.sources : item.sources;
    if (onlyIn(sources, coverage[item.kind])) {
      if (item.kind === 'enum' && !present.every((k) => kindsOf(sources).has(k) || valueKinds.get(item.param)?.has(k))) continue;
      push('item-only-in', item.id, item.id, presence(sources), anchorsOf(item));
      continue;
    }
    if (item.kind === 'param') fieldFindings(item.field, item.id, item.id, listedByBoth(item.id), push);
    if (item.kind === 'event' || item.kind === 'object') {
      for (const f of item.fields) {
        const path = `${item.id}#${f.name}`;
        if (onlyIn(f.sources) && !onlyIn(item.sources))
          push('field-only-in', path, item.id, presence(f.sources), [...f.anchors, ...item.anchors]);
        else fieldFindings(f, path, item.id, false, push);
      }
    }
  }
  return out;
}

type Push = (kind: FindingKind, path: string, item: string, values: Finding['values'], anchors: readonly string[]) => void;

/** Conflicts the merge recorded on one field, made sane (see the header). */
function fieldFindings(field: Field, path: string, item: string, skipEnum: boolean, push: Push): void {
  const conflicts = field.conflicts ?? [];
  const has = (p: Conflict['property']): boolean => conflicts.some((c) => c.property === p);
  for (const c of conflicts) {
    if (c.property === 'presence') continue; // reported as field-only-in, from field.sources
    if (c.property === 'enum' && skipEnum) continue;
    if (c.property === 'type') {
      const withoutNull = c.values.map((v) => ({ source: v.source, value: dropNull(v.value) }));
      const same = withoutNull.every((v) => JSON.stringify(v.value) === JSON.stringify(withoutNull[0]!.value));
      if (same) {
        if (!has('nullable'))
          push(
            'nullable',
            path,
            item,
            c.values.map((v) => ({ source: v.source, value: hasNull(v.value) })),
            field.anchors,
          );
        continue;
      }
    }
    push(c.property, path, item, c.values, field.anchors);
  }
}

const dropNull = (v: JsonValue): JsonValue => (Array.isArray(v) ? v.filter((x) => x !== 'null') : v);
const hasNull = (v: JsonValue): boolean => Array.isArray(v) && v.includes('null');
