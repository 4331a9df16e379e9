/**
 * Merging one item that several kinds of source define (docs + OpenAPI, + a catalog). Definitions
 * arrive in precedence order (docs first). Docs keep their anchors first and their prose; OpenAPI
 * fills the structure (field types, spec-only fields, required markers); see merge-fields.ts for
 * the per-field rules and the `conflicts` they record.
 */
import type { Endpoint, EnumValue, Event, Field, Model, ObjectItem, Param, SourceKind } from '../model/schema.js';
import { mergeFieldDefs, mergeFieldLists } from './merge-fields.js';
import { withSdkCalls } from './sdk-calls.js';

export interface Def<T> {
  /** The source id of the file that defined it. */
  source: string;
  kind: SourceKind;
  item: T;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
const firstText = (xs: readonly string[]): string => xs.find((x) => x.trim() !== '') ?? '';

function base<T extends { description: string; anchors: string[]; sources: string[] }>(defs: readonly Def<T>[]) {
  return {
    description: firstText(defs.map((d) => d.item.description)),
    anchors: uniq(defs.flatMap((d) => d.item.anchors)),
    sources: uniq(defs.flatMap((d) => d.item.sources)),
  };
}

const fieldLists = <T extends { fields: Field[] }>(defs: readonly Def<T>[]) =>
  defs.map((d) => ({ source: d.source, kind: d.kind, fields: d.item.fields }));

export function mergeEvents(defs: readonly Def<Event>[], schemas: Model['schemas']): Event {
  const first = defs[0]!.item;
  const b = base(defs);
  const grouped = defs.find((d) => d.item.category !== 'other')?.item;
  const example = defs.find((d) => d.item.example)?.item.example;
  const { subcategory: _s, example: _e, ...rest } = first;
  return {
    ...rest,
    ...b,
    category: grouped?.category ?? first.category,
    ...(grouped?.subcategory ? { subcategory: grouped.subcategory } : {}),
    fields: mergeFieldLists(fieldLists(defs), b.sources, schemas),
    correlationKeys: uniq(defs.flatMap((d) => d.item.correlationKeys)),
    ...(example ? { example } : {}),
    classNames: uniq(defs.flatMap((d) => d.item.classNames)),
  };
}

export function mergeObjects(defs: readonly Def<ObjectItem>[], schemas: Model['schemas']): ObjectItem {
  const first = defs[0]!.item;
  const b = base(defs);
  const example = defs.find((d) => d.item.example)?.item.example;
  const { example: _e, ...rest } = first;
  return {
    ...rest,
    ...b,
    fields: mergeFieldLists(fieldLists(defs), b.sources, schemas),
    ...(example ? { example } : {}),
    classNames: uniq(defs.flatMap((d) => d.item.classNames)),
  };
}

export function mergeEndpoints(defs: readonly Def<Endpoint>[]): Endpoint {
  const first = defs[0]!.item;
  const returns = defs.find((d) => d.item.returns)?.item.returns;
  const object = defs.find((d) => d.item.returns?.object)?.item.returns?.object;
  const { returns: _r, ...rest } = first;
  return {
    ...rest,
    ...base(defs),
    title: firstText(defs.map((d) => d.item.title)),
    section: firstText(defs.map((d) => d.item.section)),
    ...(returns ? { returns: { ...returns, ...(object ? { object } : {}) } } : {}),
    classNames: uniq(defs.flatMap((d) => d.item.classNames)),
    ...withSdkCalls(uniq(defs.flatMap((d) => d.item.sdkCalls ?? [])).sort()),
  };
}

export function mergeParams(defs: readonly Def<Param>[], schemas: Model['schemas']): Param {
  const sources = uniq(defs.flatMap((d) => d.item.field.sources));
  const field = mergeFieldDefs(
    defs.map((d) => ({ source: d.source, kind: d.kind, field: d.item.field })),
    sources,
    schemas,
  );
  return { ...defs[0]!.item, field };
}

export function mergeEnums(defs: readonly Def<EnumValue>[]): EnumValue {
  return { ...defs[0]!.item, ...base(defs) };
}
