/**
 * An OpenAPI 3.0/3.1 document (YAML or JSON) → the canonical model's events, endpoints, params,
 * enum values, objects and the named schemas they reference. Pure: text in, extract and
 * diagnostics out.
 */
import type { SourceConfig } from '../../config/schema.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { SourceInfo, TypeExpr } from '../../model/schema.js';
import type { SourceReader } from '../registry.js';
import { emptyExtract, type SourceExtract } from '../source-extract.js';
import { checkVersion } from './check-version.js';
import type { OpenApiContext } from './context.js';
import { extractEndpoints } from './endpoints.js';
import { extractEvents } from './events.js';
import { DEFAULT_SECTIONS, listOperations } from './operations.js';
import { parseDocument } from './parse-document.js';
import { setOwn } from '../../model/own.js';

export interface OpenApiOptions {
  /** Prefix the servers add to every path, so ids match the docs' (`/v1`). */
  pathPrefix?: string;
  /** Path sections to read, each with everything below it. */
  sections?: readonly string[];
  /** Also read path keys with a query part (`/responses?beta=true`), which are otherwise skipped and listed. */
  includeQueryPaths?: boolean;
}

export const DEFAULT_PATH_PREFIX = '/v1';

export function extractOpenApi(text: string, source: SourceInfo, bag: DiagnosticBag, options: OpenApiOptions = {}): SourceExtract {
  const out = emptyExtract(source);
  const file = source.id;
  const parsed = parseDocument(text, file, bag);
  if (!parsed || !checkVersion(parsed.doc, file, parsed.locator, bag)) return out;
  const ctx: OpenApiContext = { doc: parsed.doc, file, locator: parsed.locator, bag, schemas: new Map(), reported: new Set() };
  const skipped: NonNullable<SourceExtract['skipped']> = [];
  const ops = listOperations(ctx, options.sections ?? DEFAULT_SECTIONS, { includeQueryPaths: options.includeQueryPaths, skipped });
  if (skipped.length) out.skipped = skipped;
  out.events = extractEvents(ctx, ops);
  Object.assign(out, extractEndpoints(ctx, ops, (options.pathPrefix ?? DEFAULT_PATH_PREFIX).replace(/\/$/, '')));
  const schemas: Record<string, TypeExpr> = {};
  for (const name of [...ctx.schemas.keys()].sort()) setOwn(schemas, name, ctx.schemas.get(name) ?? { kind: 'unknown' });
  out.schemas = schemas;
  if (!out.events.length && !out.endpoints.length) {
    bag.error({
      code: 'no-items',
      file,
      line: 1,
      column: 1,
      message: `Found no streaming events and no operations under ${(options.sections ?? DEFAULT_SECTIONS).join(', ')}, expected at least one`,
      hint: 'check that this is the API you meant to configure',
    });
  }
  return out;
}

export const readOpenApi: SourceReader = (text, source, config: SourceConfig, bag: DiagnosticBag) =>
  extractOpenApi(text, source, bag, config.pathPrefix !== undefined ? { pathPrefix: config.pathPrefix } : {});
