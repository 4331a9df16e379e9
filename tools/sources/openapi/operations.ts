/**
 * The operations specmap reads: those whose path an API scope takes (`/responses/**`; with no
 * scope configured, every path). Path keys with a query part (`/responses?beta=true`) are variants
 * of another path and would clash with its id, so they are left out unless asked for (their ids
 * then keep the query: `endpoint:POST /v1/responses?beta=true`), and each one left out is reported,
 * so that a diff can say what it did not compare.
 */
import picomatch from 'picomatch';
import type { SkippedPath } from '../source-extract.js';
import { anchorAt, childOf, type Located, type OpenApiContext } from './context.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

export interface Operation {
  method: Uppercase<(typeof METHODS)[number]>;
  /** The path as the document writes it (`/responses/{response_id}`). */
  path: string;
  at: Located;
  /** The path item, for parameters shared by its operations. */
  item: Located;
}

/** A path-glob predicate over path keys without their query part; `/responses/**` also takes `/responses`. */
export function pathScope(globs: readonly string[]): (path: string) => boolean {
  const match = picomatch([...globs], { dot: true });
  return (path) => match(path.replace(/\?.*$/, ''));
}

export function inSections(path: string, inScope: (path: string) => boolean, withQuery = false): boolean {
  if (path.includes('?') && !withQuery) return false;
  return inScope(path);
}

export interface ListOptions {
  /** Read `/responses?beta=true` and its like too. */
  includeQueryPaths?: boolean;
  /** Receives every in-section path left out. */
  skipped?: SkippedPath[];
}

export function listOperations(ctx: OpenApiContext, sections: (path: string) => boolean, options: ListOptions = {}): Operation[] {
  const paths = childOf({ value: ctx.doc, pointer: [] }, 'paths');
  if (!paths) return [];
  const out: Operation[] = [];
  for (const path of Object.keys(paths.value)) {
    if (!inSections(path, sections, options.includeQueryPaths)) {
      if (inSections(path, sections, true)) {
        options.skipped?.push({ path, anchor: anchorAt(ctx, ['paths', path]), reason: 'a query variant of another path' });
      }
      continue;
    }
    const item = childOf(paths, path);
    if (!item) continue;
    for (const m of METHODS) {
      const at = childOf(item, m);
      if (at) out.push({ method: m.toUpperCase() as Operation['method'], path, at, item });
    }
  }
  return out;
}
