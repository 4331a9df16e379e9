/**
 * Parsed-source cache: a source's extract (and the diagnostics its reader reported), one slot per
 * source (`sources/<kind>-<id>.json`), keyed by the file's content hash, how it is configured and
 * the tool's code. Later commands skip the parse (the 3 MB OpenAI spec: ~0.2 s of YAML and its
 * extraction; pages that leave the markdown fast path: remark-parse). An entry that does not read back as what was written
 * (truncated, hand-edited, another version's) is ignored and rewritten; an extract whose reader
 * reported errors is never stored.
 */
import type { Diagnostic, DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './read.js';
import type { SourceExtract } from './source-extract.js';
import { cacheKey, isObject, readSlot, slotName, slotPath, writeSlot } from '../cache/store.js';

export interface Cached {
  diagnostics: Diagnostic[];
  extract: SourceExtract;
}

function sourceCacheKey(file: SourceFile): string {
  const { info, config } = file;
  return cacheKey(
    'source',
    info.kind,
    info.id,
    info.path,
    info.sha256,
    config.pathPrefix ?? null,
    config.group ?? null,
    config.kind ?? null,
  );
}

/** The cache folder's subfolder of source extracts. */
const SOURCES_DIR = 'sources';

function sourceSlot(file: SourceFile): string {
  return `${SOURCES_DIR}/${slotName(`${file.info.kind}-${file.info.id}`)}`;
}

export function cachePath(cacheDir: string, file: SourceFile): string {
  return slotPath(cacheDir, sourceSlot(file));
}

const isCachedFor =
  (file: SourceFile) =>
  (v: unknown): v is Cached => {
    if (!isObject(v) || !Array.isArray(v.diagnostics) || !isObject(v.extract)) return false;
    const x = v.extract;
    return (
      isObject(x.source) &&
      x.source.sha256 === file.info.sha256 &&
      ['events', 'endpoints', 'params', 'enums', 'objects'].every((k) => Array.isArray(x[k])) &&
      isObject(x.schemas)
    );
  };

/** The cached extract of `file` with the diagnostics its reader reported, when a valid entry exists. */
export function lookupExtract(file: SourceFile, cacheDir: string | undefined): Cached | undefined {
  return cacheDir ? readSlot(cacheDir, sourceSlot(file), sourceCacheKey(file), isCachedFor(file)) : undefined;
}

/** Stores a freshly read extract, unless its reader reported errors. */
export function storeExtract(file: SourceFile, cacheDir: string | undefined, diagnostics: Diagnostic[], extract: SourceExtract): void {
  if (!diagnostics.some((d) => d.severity === 'error'))
    writeSlot(cacheDir, sourceSlot(file), sourceCacheKey(file), { diagnostics, extract } satisfies Cached);
}

/**
 * The extract of `file`, from the cache when a valid entry exists, else computed by `read`
 * (which reports into `bag`) and stored. Without `cacheDir` it just reads.
 */
export async function extractCached(
  file: SourceFile,
  cacheDir: string | undefined,
  bag: DiagnosticBag,
  read: (bag: DiagnosticBag) => SourceExtract | Promise<SourceExtract>,
): Promise<SourceExtract> {
  if (!cacheDir) return read(bag);
  const hit = lookupExtract(file, cacheDir);
  if (hit) {
    for (const d of hit.diagnostics) bag.add(d);
    return hit.extract;
  }
  const before = bag.items.length;
  const extract = await read(bag);
  storeExtract(file, cacheDir, bag.items.slice(before), extract);
  return extract;
}
