/**
 * Streaming events: the members of the `type`-discriminated union that the configured operations
 * stream as `text/event-stream` (`ResponseStreamEvent` in OpenAI's spec, an inline `oneOf` in Open
 * Responses). Members are identified by the value of their discriminator property (`type`), never
 * by schema name: SDKs and specs name the same event differently. The schema name is kept in
 * `classNames` for the analyzer.
 */
import { eventId } from '../../model/ids.js';
import type { Event } from '../../model/schema.js';
import { anchorAt, childOf, deref, isObject, type Located, type OpenApiContext } from './context.js';
import { objectShape } from './object-shape.js';
import { describe, fieldOf } from './to-type.js';
import type { Operation } from './operations.js';

interface Member {
  at: Located;
  discriminator: string;
  /** The stream's whole schema, not a member of a union. */
  plain?: boolean;
}

/** Union members of a stream schema, through refs and nested unions. */
function membersOf(ctx: OpenApiContext, start: Located, discriminator: string, out: Member[], seen: Set<unknown>): void {
  const at = deref(ctx, start);
  if (!at || seen.has(at.value)) return;
  seen.add(at.value);
  const s = at.value;
  const d = isObject(s.discriminator) && typeof s.discriminator.propertyName === 'string' ? s.discriminator.propertyName : discriminator;
  const key = Array.isArray(s.oneOf) ? 'oneOf' : Array.isArray(s.anyOf) ? 'anyOf' : undefined;
  if (!key) {
    out.push({ at, discriminator: d });
    return;
  }
  (s[key] as unknown[]).forEach((_, i) => {
    const m = childOf(at, key, i);
    if (m) membersOf(ctx, m, d, out, seen);
  });
}

/** The discriminator value a member schema pins (`const`, or a one-value `enum`). */
function typeValue(ctx: OpenApiContext, member: Member): string | undefined {
  const prop = objectShape(ctx, member.at).properties.find((p) => p.name === member.discriminator);
  const at = prop && deref(ctx, prop.at);
  if (!at) return undefined;
  const s = at.value;
  if (typeof s.const === 'string') return s.const;
  if (Array.isArray(s.enum) && s.enum.length === 1 && typeof s.enum[0] === 'string') return s.enum[0];
  return undefined;
}

function streamSchemas(ops: readonly Operation[]): Located[] {
  const out: Located[] = [];
  for (const op of ops) {
    const responses = childOf(op.at, 'responses');
    if (!responses) continue;
    for (const code of Object.keys(responses.value).filter((c) => /^2/.test(c))) {
      const schema = childOf(responses, code, 'content', 'text/event-stream', 'schema');
      if (schema) out.push(schema);
    }
  }
  return out;
}

/** One API's event sources: the unions its own paths stream and the component unions it names. */
export interface EventScope {
  /** Set when the source reads several APIs: the ids then carry it. */
  api?: string;
  /** Component schemas whose members are events too (Realtime's unions are streamed over WebSocket, never by a path). */
  named?: readonly string[];
  /** The property whose fixed value is the event's name (default `type`). */
  discriminator?: string;
  /** Properties to follow from a streamed chunk to the union of events it wraps. */
  eventPath?: readonly string[];
}

/** Follows `path` through the properties of `root`; undefined when a step is missing. */
function follow(ctx: OpenApiContext, root: Located, path: readonly string[]): Located | undefined {
  let at: Located | undefined = root;
  for (const name of path) {
    const prop: Located | undefined = at && objectShape(ctx, at).properties.find((p) => p.name === name)?.at;
    at = prop && deref(ctx, prop);
    if (!at) return undefined;
  }
  return at;
}

export function extractEvents(ctx: OpenApiContext, ops: readonly Operation[], scope: EventScope = {}): Event[] {
  const roots = streamSchemas(ops);
  for (const name of scope.named ?? []) {
    const named = childOf({ value: ctx.doc, pointer: [] }, 'components', 'schemas', name);
    if (named) roots.push({ ...named, name });
  }
  if (scope.eventPath?.length) {
    const path = scope.eventPath;
    const inner = roots.map((r) => follow(ctx, r, path));
    inner.forEach((at, i) => {
      if (at) return;
      const name = deref(ctx, roots[i]!)?.name;
      ctx.bag.warn({
        code: 'openapi-event-path',
        file: ctx.file,
        line: ctx.locator.lineOf(roots[i]!.pointer),
        column: 1,
        message: `Found no \`${path.join('.')}\` in the stream schema${name ? ` \`${name}\`` : ''}, expected the API's eventPath to lead to its events`,
        hint: "fix the eventPath in the source's apis, or leave it out to take the chunk as the event",
      });
    });
    roots.splice(0, roots.length, ...inner.filter((at): at is Located => at !== undefined));
  }
  const members: Member[] = [];
  const seen = new Set<unknown>();
  for (const root of roots) {
    const before = members.length;
    membersOf(ctx, root, scope.discriminator ?? 'type', members, seen);
    const only = members.length === before + 1 ? members[before]! : undefined;
    if (only && !isUnion(only.at) && only.at.value === deref(ctx, root)?.value) only.plain = true;
  }
  const events = new Map<string, Event>();
  for (const member of members) {
    // A stream of one plain object (a chunk with no name of its own: Chat Completions elsewhere, Llama
    // Stack's inference chunks) is one event, named after its schema.
    const single = member.plain ? member.at.name : undefined;
    const type = typeValue(ctx, member) ?? single;
    if (type === undefined) {
      ctx.bag.warn({
        code: 'openapi-event-without-type',
        file: ctx.file,
        line: ctx.locator.lineOf(member.at.pointer),
        column: 1,
        message: `Found a stream event schema${member.at.name ? ` \`${member.at.name}\`` : ''} without a fixed \`${member.discriminator}\`, expected \`${member.discriminator}\` with a \`const\` or one-value \`enum\``,
        hint: 'give the event its type value so it can be matched to the docs',
      });
      continue;
    }
    if (events.has(type)) continue;
    const shape = objectShape(ctx, member.at);
    events.set(type, {
      id: eventId(type, scope.api),
      kind: 'event',
      type,
      description: describe(ctx, member.at),
      anchors: [anchorAt(ctx, member.at.pointer)],
      sources: [ctx.file],
      ...(scope.api && { api: scope.api }),
      category: 'other',
      fields: shape.properties.map((p) => fieldOf(ctx, p.name, p.at, shape.required.has(p.name))),
      correlationKeys: [],
      classNames: member.at.name ? [member.at.name] : [],
    });
  }
  return [...events.values()];
}

const isUnion = (at: Located): boolean => Array.isArray(at.value.oneOf) || Array.isArray(at.value.anyOf);
