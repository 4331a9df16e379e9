/**
 * One side of `specmap diff`: a model.json (e.g. the committed `spec/model.json`) or a source file
 * (a docs scrape, an OpenAPI document) read with the same readers as `extract`.
 */
import { basename, relative, resolve } from 'node:path';
import type { SourceConfig } from '../config/schema.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import { ModelSchema, type Model } from '../model/schema.js';
import { checkIdText } from '../sources/check-text.js';
import { checkModelNesting } from '../sources/limits.js';
import { extractSources, sha256, type SourceFile } from '../sources/load.js';
import type { SkippedPath, SourceExtract } from '../sources/source-extract.js';
import { mergeExtracts } from '../sources/merge.js';
import { readSourceFile } from '../sources/read.js';
import { inferKind } from '../sources/registry.js';

export interface SideOptions {
  cwd: string;
  /** Source settings to read the file with (e.g. its `pathPrefix`), when the config names it. */
  source?: Partial<SourceConfig>;
  /** Absolute folder of the parsed-source cache, if any. */
  cacheDir?: string;
  /** OpenAPI: also read the paths the reader skips by default (`/responses?beta=true`). */
  includeSkipped?: boolean;
}

/** A `.json` file with a `modelVersion` key is a model; anything else is a source. */
function asModel(text: string, file: string): Model | undefined {
  if (!file.endsWith('.json')) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object' || !('modelVersion' in raw)) return undefined;
  const parsed = ModelSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`invalid model file ${file}`, [
      {
        severity: 'error',
        code: 'model-invalid',
        file,
        line: 1,
        column: 1,
        message: `Found ${issue.message} at \`${issue.path.join('.')}\`, expected a model that matches schema/model.schema.json`,
        hint: 'regenerate it with `specmap extract`, or pass the source files instead',
      },
    ]);
  }
  // The validated input, not Zod's copy: Zod rebuilds records with plain assignment, which drops a
  // schema named `__proto__` that JSON.parse kept as an own key.
  return raw as Model;
}

export interface Side {
  model: Model;
  /** Set when the side is one source file (its id), unset for a model.json. */
  sourceId?: string;
  /** What the reader saw in scope and did not read (none for a model.json: extract already chose). */
  skipped: SkippedPath[];
}

/** Reads a side; every problem with it becomes a diagnostic in `bag`. */
export async function loadSide(arg: string, opts: SideOptions, bag: DiagnosticBag): Promise<Model | undefined> {
  return (await readSide(arg, opts, bag))?.model;
}

export async function readSide(arg: string, opts: SideOptions, bag: DiagnosticBag): Promise<Side | undefined> {
  const abs = resolve(opts.cwd, arg);
  const path = relative(opts.cwd, abs).split('\\').join('/');
  // Read like every source (size limit, UTF-8 only, BOM dropped); a model.json counts as JSON.
  const kind = inferKind(abs, { ...opts.source, path });
  let read: ReturnType<typeof readSourceFile>;
  try {
    read = readSourceFile(abs, path, kind, bag);
  } catch {
    bag.error({
      code: 'diff-input-missing',
      file: path,
      line: 1,
      column: 1,
      message: `Missing file \`${arg}\`, expected a model.json or a source file (markdown docs, OpenAPI YAML/JSON)`,
      hint: 'check the path (it is relative to the current folder)',
    });
    return undefined;
  }
  if (!read || read.text === undefined) return undefined;
  const text = read.text;
  const model = asModel(text, path);
  if (model) return { model, skipped: [] };
  const config: SourceConfig = { ...opts.source, path };
  const file: SourceFile = { config, info: { id: basename(abs), kind, path, sha256: sha256(read.bytes) }, text };
  const before = bag.items.length;
  const extracts =
    opts.includeSkipped && kind === 'openapi' ? [await readAll(file, bag)] : await extractSources([file], bag, { cacheDir: opts.cacheDir });
  const merged = mergeExtracts(extracts, bag);
  if (bag.items.slice(before).some((d) => d.severity === 'error')) return undefined;
  return { model: merged, sourceId: file.info.id, skipped: extracts.flatMap((x) => x.skipped ?? []) };
}

/**
 * An OpenAPI file with the paths the reader normally skips. The parse cache is keyed by how a
 * source is configured, and this is no configuration, so it is read uncached, with the same
 * checks `extract` runs on what it reads.
 */
async function readAll(file: SourceFile, bag: DiagnosticBag): Promise<SourceExtract> {
  const { extractOpenApi } = await import('../sources/openapi/read.js');
  const { pathPrefix, apis } = file.config;
  const extract = extractOpenApi(file.text, file.info, bag, {
    ...(pathPrefix !== undefined && { pathPrefix }),
    ...(apis && { apis }),
    includeQueryPaths: true,
  });
  if (checkModelNesting(extract, bag)) checkIdText(extract, bag);
  return extract;
}
