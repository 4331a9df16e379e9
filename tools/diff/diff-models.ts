/**
 * `diffModels(old, new)`: the semantic change list between two versions of the model. Pure: no
 * file access, same input → same output order (items in the new model's order, removed ones after
 * their kind, fields in declaration order). Classification rules: classify.ts.
 *
 * Reviewed like oasdiff output in a pull request: a change is listed once per place in the spec
 * (group.ts), with every item it reaches, not once per item; an endpoint added or removed is one
 * change, its parameters and their values are part of it.
 */
import type { Endpoint, EnumValue, Event, Model, ObjectItem, Param } from '../model/schema.js';

import type { Change, Direction } from './change.js';
import { pushChange, type DiffContext } from './context.js';
import { groupChanges } from './group.js';
import { diffField, diffFieldLists, fieldSummary } from './diff-fields.js';
import { scopeModel, type DiffScope } from './scope.js';

export interface DiffOptions {
  scope?: DiffScope;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const none = new Set<string>();

type Keyed = { id: string };

/** Pairs items by id: removed (old only), then each new item with its old counterpart if any. */
function pair<T extends Keyed>(olds: readonly T[], news: readonly T[]): { removed: T[]; pairs: [T | undefined, T][] } {
  const byId = new Map(news.map((i) => [i.id, i]));
  const oldById = new Map(olds.map((i) => [i.id, i]));
  return {
    removed: olds.filter((i) => !byId.has(i.id)),
    pairs: news.map((n) => [oldById.get(n.id), n]),
  };
}

export function diffModels(oldModel: Model, newModel: Model, options: DiffOptions = {}): Change[] {
  const scope = options.scope ?? 'responses';
  const a = scopeModel(oldModel, scope);
  const b = scopeModel(newModel, scope);
  const out: Change[] = [];
  const enumItemParams = new Set([...a.enums, ...b.enums].map((e) => e.param));
  const ctx = (item: string, direction: Direction): DiffContext => ({
    oldSchemas: a.schemas,
    newSchemas: b.schemas,
    direction,
    item,
    enumItemParams,
    out,
  });
  const seen = { old: none, new: none };

  const items = <T extends Keyed & { anchors: string[]; description: string }>(
    olds: readonly T[],
    news: readonly T[],
    direction: Direction,
    body?: (c: DiffContext, o: T, n: T) => void,
  ): void => {
    const { removed, pairs } = pair(olds, news);
    for (const [o, n] of pairs) {
      const c = ctx(n.id, direction);
      if (!o) {
        pushChange(c, 'item-added', n.id, n.id, { new: n.anchors[0] });
        continue;
      }
      const anchors = { old: o.anchors[0], new: n.anchors[0] };
      if (norm(o.description) !== norm(n.description)) pushChange(c, 'description', n.id, n.id, anchors, o.description, n.description);
      body?.(c, o, n);
    }
    for (const o of removed) pushChange(ctx(o.id, direction), 'item-removed', o.id, o.id, { old: o.anchors[0] });
  };

  items<Event>(a.events, b.events, 'response', (c, o, n) =>
    diffFieldLists(c, o.fields, n.fields, `${n.id}#`, home(n, b, o, a), { old: o.anchors[0], new: n.anchors[0] }, seen),
  );
  items<Endpoint>(a.endpoints, b.endpoints, 'request', (c, o, n) => {
    if (norm(o.title) !== norm(n.title))
      pushChange(c, 'description', `${n.id}#title`, `${n.id}#title`, { old: o.anchors[0], new: n.anchors[0] }, o.title, n.title);
  });
  const { removed, pairs } = pair<Param>(a.params, b.params);
  for (const [o, n] of pairs) {
    const c = ctx(n.id, 'request');
    if (!o)
      pushChange(
        c,
        'item-added',
        n.id,
        n.id,
        { new: n.field.anchors[0] },
        undefined,
        fieldSummary(n.field, b.schemas),
        n.field.required === true,
      );
    else diffField(c, o.field, n.field, n.id, n.id, {}, seen);
  }
  for (const o of removed)
    pushChange(ctx(o.id, 'request'), 'item-removed', o.id, o.id, { old: o.field.anchors[0] }, fieldSummary(o.field, a.schemas));
  items<EnumValue>(a.enums, b.enums, 'request');
  items<ObjectItem>(a.objects, b.objects, 'response', (c, o, n) =>
    diffFieldLists(c, o.fields, n.fields, `${n.id}#`, home(n, b, o, a), { old: o.anchors[0], new: n.anchors[0] }, seen),
  );
  return groupChanges(foldIntoWholeItems(dedupe(out), a, b));
}

/**
 * Where an item's own fields are: the named schema it is (the `Response` object is the schema
 * `Response` that every lifecycle event's `response` refers to), else the item itself.
 */
function home(n: Event | ObjectItem, b: Model, o: Event | ObjectItem, a: Model): string {
  const name = n.classNames.find((c) => Object.hasOwn(b.schemas, c)) ?? o.classNames.find((c) => Object.hasOwn(a.schemas, c));
  return name ?? n.id;
}

/**
 * A whole endpoint added (or removed) is one change: its parameters and their listed values come
 * with it and are not changes of their own, so a new endpoint's required parameter is not a
 * breaking change and `--fail-on breaking` passes an additive release. The same holds for the
 * values of a parameter added or removed with them. The folded paths stay listed on the change.
 */
function foldIntoWholeItems(changes: Change[], a: Model, b: Model): Change[] {
  const whole = new Map(changes.filter((c) => c.kind === 'item-added' || c.kind === 'item-removed').map((c) => [`${c.kind} ${c.item}`, c]));
  const endpointOf = new Map([...a.params, ...b.params].map((p) => [p.id, p.endpoint]));
  const paramOf = new Map([...a.enums, ...b.enums].map((e) => [e.id, e.param]));
  const out: Change[] = [];
  for (const c of changes) {
    const param = paramOf.get(c.item) ?? (c.item.startsWith('param:') ? c.item : undefined);
    const owners = [param, param && endpointOf.get(param)].filter((x): x is string => x !== undefined && x !== c.item);
    // Only an owner added (removed) in this same diff takes the change in; the outermost one wins.
    const owner =
      c.kind === 'item-added' || c.kind === 'item-removed'
        ? owners
            .reverse()
            .map((id) => whole.get(`${c.kind} ${id}`))
            .find(Boolean)
        : undefined;
    if (owner) owner.paths.push(...c.paths);
    else out.push(c);
  }
  return out;
}

/** A union listing the same variant twice must not report it twice. */
function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.kind} ${c.paths[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Counts per class, in severity order. */
export function countByClass(changes: readonly Change[]): Record<Change['class'], number> {
  const counts = { breaking: 0, warning: 0, deprecation: 0, 'non-breaking': 0, 'docs-only': 0 };
  for (const c of changes) counts[c.class]++;
  return counts;
}
