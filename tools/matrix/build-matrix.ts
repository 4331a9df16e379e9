/**
 * `buildMatrix(model, implementations)`: each implementation's mapping (static: can emit, handles,
 * defines) and recordings (observed: did emit) joined per spec item. Pure: mappings and
 * observations are computed by the caller with the same model.
 */
import type { Mapping, MappingEntry, Status } from '../mapping/schema.js';
import { allItems, anchorsOf } from '../model/items.js';
import type { Item, Model } from '../model/schema.js';
import { compareStrings, itemComparator } from '../model/sort.js';
import { labelOf } from '../report/items.js';
import type { Observations } from './observed.js';
import { MATRIX_VERSION, type Matrix, type MatrixCell, type MatrixRow, type Observed } from './types.js';

export interface MatrixInput {
  name: string;
  role: 'server' | 'client';
  lanes: string[];
  /** Absent for an implementation known only by its recordings. */
  mapping?: Pick<Mapping, 'items'>;
  /** Manual status overrides from the implementation's own mapping.json. */
  overrides?: ReadonlyMap<string, Status>;
  observations?: Observations;
  recordings: number;
}

const EMITS = new Set(['emitter']);
const HANDLES = new Set(['handler', 'definition']);

function groupOf(item: Item): string {
  if (item.kind === 'event') return item.category;
  if (item.kind === 'object') return 'objects';
  return item.kind === 'endpoint' ? item.section : item.kind;
}

function observedFor(item: Item, obs: Observations | undefined): Observed | undefined {
  if (!obs) return undefined;
  if (item.kind === 'event') return obs.events.get(item.type);
  if (item.kind === 'enum') {
    const param = item.param.slice(item.param.indexOf('#') + 1);
    return obs.requestValues.get(param)?.get(String(item.value));
  }
  if (item.kind === 'param' && item.in === 'body') {
    const values = obs.requestValues.get(item.field.name);
    if (!values?.size) return undefined;
    const all = [...values.values()];
    return { count: all.reduce((a, v) => a + v.count, 0), first: all[0]!.first };
  }
  return undefined;
}

function cellOf(item: Item, impl: MatrixInput): MatrixCell {
  const entry: MappingEntry | undefined = impl.mapping?.items[item.id];
  const locations = Object.values(entry?.lanes ?? {}).flat();
  const kinds = [...new Set(locations.map((l) => l.kind))].sort(compareStrings);
  const first = [...locations].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line)[0];
  const observed = observedFor(item, impl.observations);
  const status = impl.mapping ? (impl.overrides?.get(item.id) ?? entry?.status ?? 'missing') : undefined;
  return {
    ...(status ? { status } : {}),
    kinds,
    locations: locations.length,
    ...(first ? { first: `${first.file}:${first.line}`, ...(first.evidence ? { evidence: first.evidence } : {}) } : {}),
    ...(observed
      ? { observed: { count: observed.count, first: observed.first, ...(observed.fields ? { fields: [...observed.fields] } : {}) } }
      : {}),
  };
}

const present = (c: MatrixCell): boolean => (c.status !== undefined && c.status !== 'missing') || (c.observed?.count ?? 0) > 0;

export function buildMatrix(model: Model, impls: readonly MatrixInput[]): Matrix {
  const compare = itemComparator(model.sources.map((s) => s.id));
  const items = allItems(model).sort((a, b) => compare({ id: a.id, anchors: anchorsOf(a) }, { id: b.id, anchors: anchorsOf(b) }));
  const rows: MatrixRow[] = items.map((item) => {
    const cells: Record<string, MatrixCell> = Object.create(null) as Record<string, MatrixCell>;
    for (const impl of impls) cells[impl.name] = cellOf(item, impl);
    return { id: item.id, kind: item.kind, label: labelOf(item), group: groupOf(item), cells };
  });

  const missingOnlyHere: Record<string, string[]> = {};
  const implementedElsewhere: Record<string, string[]> = {};
  for (const impl of impls) {
    if (!impl.mapping) continue;
    const others = impls.filter((o) => o.name !== impl.name);
    missingOnlyHere[impl.name] = others.length
      ? rows.filter((r) => r.cells[impl.name]!.status === 'missing' && others.every((o) => present(r.cells[o.name]!))).map((r) => r.id)
      : [];
    implementedElsewhere[impl.name] = rows
      .filter(
        (r) =>
          r.cells[impl.name]!.status === 'missing' &&
          others.some((o) => r.cells[o.name]!.status === 'implemented' || (r.cells[o.name]!.observed?.count ?? 0) > 0),
      )
      .map((r) => r.id);
  }
  const servers = impls.filter((i) => i.role === 'server');
  const clients = impls.filter((i) => i.role === 'client');
  const emits = (r: MatrixRow): boolean =>
    servers.some((s) => r.cells[s.name]!.kinds.some((k) => EMITS.has(k)) || (r.cells[s.name]!.observed?.count ?? 0) > 0);
  const handles = (r: MatrixRow): boolean => clients.some((c) => r.cells[c.name]!.kinds.some((k) => HANDLES.has(k)));
  const events = rows.filter((r) => r.kind === 'event');

  const known = new Set(model.events.map((e) => e.type));
  const observedUnknown = impls
    .flatMap((impl) =>
      [...(impl.observations?.events ?? new Map())]
        .filter(([type]) => !known.has(type))
        .map(([type, o]) => ({ type, implementation: impl.name, count: o.count, first: o.first })),
    )
    .sort((a, b) => compareStrings(a.type, b.type) || compareStrings(a.implementation, b.implementation));

  return {
    matrixVersion: MATRIX_VERSION,
    implementations: impls.map((impl) => {
      const counts: Record<string, number> = { implemented: 0, partial: 0, planned: 0, ignored: 0, missing: 0, observed: 0 };
      for (const r of rows) {
        const c = r.cells[impl.name]!;
        if (c.status) counts[c.status]!++;
        if ((c.observed?.count ?? 0) > 0) counts.observed!++;
      }
      return { name: impl.name, role: impl.role, lanes: [...impl.lanes], recordings: impl.recordings, counts };
    }),
    rows,
    filters: {
      missingOnlyHere,
      implementedElsewhere,
      emittedNotHandled: clients.length ? events.filter((r) => emits(r) && !handles(r)).map((r) => r.id) : [],
      handledNotEmitted: servers.length ? events.filter((r) => handles(r) && !emits(r)).map((r) => r.id) : [],
    },
    observedUnknown,
  };
}
