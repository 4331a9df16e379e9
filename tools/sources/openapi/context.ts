/**
 * What the OpenAPI extractors share while walking one document: the parsed value, the locator for
 * anchors, the diagnostics bag and the named schemas converted so far. Internal `$ref`s are
 * resolved here, with their JSON pointers, so every node keeps an anchor into the file.
 */
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import { formatAnchor } from '../../model/anchor.js';
import type { TypeExpr } from '../../model/schema.js';
import type { LineLocator, Pointer } from './line-locator.js';

export type Json = Record<string, unknown>;

export interface OpenApiContext {
  doc: Json;
  /** The source id: anchors and `sources` use it. */
  file: string;
  locator: LineLocator;
  bag: DiagnosticBag;
  /** Named component schemas converted so far; `null` while one is being converted (cycles). */
  schemas: Map<string, TypeExpr | null>;
  /** Dangling refs already reported, so one bad `$ref` used twice is reported once per place. */
  reported: Set<string>;
}

/** A schema (or parameter, body…) together with where it sits in the document. */
export interface Located {
  value: Json;
  pointer: Pointer;
  /** The component name, when reached through `#/components/schemas/NAME`. */
  name?: string;
}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function anchorAt(ctx: OpenApiContext, pointer: Pointer): string {
  return formatAnchor(ctx.file, ctx.locator.lineOf(pointer));
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** The component name a `$ref` names, if it is a local schema ref. */
export function schemaRefName(ref: string): string | undefined {
  const m = SCHEMA_REF.exec(ref);
  return m ? decodeSegment(m[1]!) : undefined;
}

function decodeSegment(s: string): string {
  if (!s.includes('%') && !s.includes('~')) return s;
  return decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Follows `$ref` chains from `at` to the node they name. A ref that points nowhere (or out of the
 * file) is reported at the `$ref` line and gives `undefined`.
 */
export function deref(ctx: OpenApiContext, at: Located, depth = 0): Located | undefined {
  const ref = at.value.$ref;
  if (typeof ref !== 'string') return at;
  if (depth > 32) return undefined;
  if (!ref.startsWith('#')) {
    report(
      ctx,
      at,
      `Found external \`$ref: ${ref}\`, expected a local ref (\`#/components/…\`)`,
      'bundle the document first (e.g. `redocly bundle`) so every ref is local',
    );
    return undefined;
  }
  const segments = ref === '#' ? [] : ref.slice(2).split('/').map(decodeSegment);
  let node: unknown = ctx.doc;
  for (const s of segments) {
    node = Array.isArray(node) ? node[Number(s)] : isObject(node) ? node[s] : undefined;
    if (node === undefined) break;
  }
  if (!isObject(node)) {
    report(
      ctx,
      at,
      `Found \`$ref: ${ref}\` that points to nothing, expected a defined ${segments.slice(0, -1).join('/') || 'node'}`,
      `define \`${segments.join('/')}\` or fix the ref`,
    );
    return undefined;
  }
  const name = schemaRefName(ref);
  return deref(ctx, { value: node, pointer: segments, ...(name ? { name } : {}) }, depth + 1);
}

function report(ctx: OpenApiContext, at: Located, message: string, hint: string): void {
  const line = ctx.locator.lineOf([...at.pointer, '$ref']);
  const key = `${line}:${String(at.value.$ref)}`;
  if (ctx.reported.has(key)) return;
  ctx.reported.add(key);
  ctx.bag.error({ code: 'openapi-bad-ref', file: ctx.file, line, column: 1, message, hint });
}

/** The child node `key` of `at`, located. */
export function childOf(at: Located, ...keys: (string | number)[]): Located | undefined {
  let value: unknown = at.value;
  for (const k of keys)
    value = Array.isArray(value) ? value[k as number] : isObject(value) && Object.hasOwn(value, k) ? value[k] : undefined;
  return isObject(value) ? { value, pointer: [...at.pointer, ...keys] } : undefined;
}
