/**
 * An OpenAPI 3.0/3.1 document (YAML or JSON) → the canonical model's events, endpoints, params,
 * enum values, objects and the named schemas they reference. Pure: text in, extract and
 * diagnostics out.
 */
import type { SourceConfig } from '../../config/schema.js';
import { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { SourceInfo, TypeExpr } from '../../model/schema.js';
import type { SourceReader } from '../registry.js';
import { emptyExtract, type SourceExtract } from '../source-extract.js';
import { checkVersion } from './check-version.js';
import type { OpenApiContext } from './context.js';
import { extractEndpoints } from './endpoints.js';
import { extractEvents } from './events.js';
import { listOperations, pathScope, type Operation } from './operations.js';
import { resolveApis } from './apis.js';
import { isYamlError, malformedDiagnostic, type ParsedDocument, parseDocument } from './parse-document.js';
import { setOwn } from '../../model/own.js';

export interface OpenApiOptions {
  /** Prefix the servers add to every path, so ids match the docs' (`/v1`). */
  pathPrefix?: string;
  /** The APIs to read (see the source config's `apis`); omitted: the document's profile defaults, or all of it. */
  apis?: SourceConfig['apis'];
  /** Also read path keys with a query part (`/responses?beta=true`), which are otherwise skipped and listed. */
  includeQueryPaths?: boolean;
}

const DEFAULT_PATH_PREFIX = '/v1';

export function extractOpenApi(text: string, source: SourceInfo, bag: DiagnosticBag, options: OpenApiOptions = {}): SourceExtract {
  const file = source.id;
  const parsed = parseDocument(text, file, bag);
  if (!parsed) return emptyExtract(source);
  // A YAML document is parsed as far as it is read (lazy-yaml.ts): a syntax error in a part read
  // here surfaces now, and is reported like one found up front, with nothing of the document kept.
  const own = new DiagnosticBag();
  try {
    const out = extractFrom(parsed, source, own, options);
    for (const d of own.items) bag.add(d);
    return out;
  } catch (error) {
    if (!isYamlError(error)) throw error;
    bag.add(malformedDiagnostic(error, text, file, false));
    return emptyExtract(source);
  }
}

function extractFrom(parsed: ParsedDocument, source: SourceInfo, bag: DiagnosticBag, options: OpenApiOptions): SourceExtract {
  const out = emptyExtract(source);
  const file = source.id;
  if (!checkVersion(parsed.doc, file, parsed.locator, bag)) return out;
  const ctx: OpenApiContext = { doc: parsed.doc, file, locator: parsed.locator, bag, schemas: new Map(), reported: new Set() };
  const skipped: NonNullable<SourceExtract['skipped']> = [];
  const { apis } = resolveApis(ctx, options.apis, bag);
  const several = apis.length > 1;
  const taken: ((path: string) => boolean)[] = [];
  const ops: Operation[] = [];
  const apiOf = new Map<string, string>();
  const prefix = (options.pathPrefix ?? DEFAULT_PATH_PREFIX).replace(/\/$/, '');
  for (const api of apis) {
    // A path belongs to the first API that takes it, so no endpoint is read twice.
    const own = pathScope(api.paths);
    const earlier = [...taken];
    const mine = listOperations(ctx, (p) => own(p) && !earlier.some((t) => t(p)), {
      includeQueryPaths: options.includeQueryPaths,
      skipped,
    });
    taken.push(own);
    ops.push(...mine);
    const named = api.events === undefined ? [] : typeof api.events === 'string' ? [api.events] : api.events;
    out.events.push(
      ...extractEvents(ctx, mine, {
        ...(several && { api: api.name }),
        named,
        ...(api.discriminator && { discriminator: api.discriminator }),
        ...(api.eventPath && { eventPath: api.eventPath }),
      }),
    );
    if (several) for (const op of mine) apiOf.set(`${op.method} ${prefix}${op.path}`, api.name);
  }
  if (skipped.length) out.skipped = skipped;
  Object.assign(out, extractEndpoints(ctx, ops, prefix));
  if (several) tagApis(out, apiOf);
  const schemas: Record<string, TypeExpr> = {};
  for (const name of [...ctx.schemas.keys()].sort()) setOwn(schemas, name, ctx.schemas.get(name) ?? { kind: 'unknown' });
  out.schemas = schemas;
  if (!out.events.length && !out.endpoints.length) {
    bag.error({
      code: 'no-items',
      file,
      line: 1,
      column: 1,
      message: `Found no streaming events and no operations in ${apis.map((a) => `${a.name} (${a.paths.join(', ') || 'no paths'})`).join(', ')}, expected at least one`,
      hint: 'check that this is the API you meant to configure',
    });
  }
  return out;
}

export const readOpenApi: SourceReader = (text, source, config: SourceConfig, bag: DiagnosticBag) =>
  extractOpenApi(text, source, bag, {
    ...(config.pathPrefix !== undefined && { pathPrefix: config.pathPrefix }),
    ...(config.apis && { apis: config.apis }),
  });

/** Endpoints, their params, enum values and returned objects say which API they belong to (by their endpoint). */
function tagApis(out: SourceExtract, apiOf: ReadonlyMap<string, string>): void {
  const of = (endpoint: string) => apiOf.get(endpoint.replace(/^endpoint:/, ''));
  out.endpoints = out.endpoints.map((e) => withApi(e, of(e.id)));
  out.params = out.params.map((p) => withApi(p, of(p.endpoint)));
  const paramApi = new Map(out.params.map((p) => [p.id, p.api]));
  out.enums = out.enums.map((e) => withApi(e, paramApi.get(e.param)));
  // An object belongs to the API of the first endpoint that returns it.
  const objectApi = new Map<string, string>();
  for (const e of out.endpoints) if (e.returns?.object && e.api && !objectApi.has(e.returns.object)) objectApi.set(e.returns.object, e.api);
  out.objects = out.objects.map((o) => withApi(o, objectApi.get(o.id)));
}

const withApi = <T extends object>(item: T, api: string | undefined): T => (api ? { ...item, api } : item);
