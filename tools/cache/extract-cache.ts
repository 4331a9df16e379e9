/**
 * Parsed-source cache: a source's extract (and the diagnostics its reader reported) stored under
 * `config.cacheDir` keyed by the file's content hash, how it is configured and the reader's code,
 * so later commands skip the parse (the 3 MB OpenAI spec: ~0.3 s of YAML). An entry that does not
 * read back as what was written (truncated, hand-edited, another version's) is ignored and
 * rebuilt; an extract whose reader reported errors is never stored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DiagnosticBag } from '../diagnostics/diagnostic.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { SourceFile } from '../sources/read.js';
import type { SourceExtract } from '../sources/source-extract.js';
import { codeVersion } from './code-version.js';

/** Kinds worth caching: parsing dominates their cost. Markdown pages parse in milliseconds. */
export const CACHED_KINDS: ReadonlySet<string> = new Set(['openapi']);
const CACHE_FORMAT = 1;

interface Entry {
  format: number;
  key: string;
  diagnostics: Diagnostic[];
  extract: SourceExtract;
}

export function cacheKey(file: SourceFile): string {
  const { info, config } = file;
  const identity = JSON.stringify([CACHE_FORMAT, info.kind, info.id, info.path, info.sha256, config.pathPrefix ?? null, config.group ?? null]);
  return createHash('sha256')
    .update(identity)
    .update(codeVersion(['../sources/openapi/', '../model/']))
    .digest('hex');
}

export function cachePath(cacheDir: string, file: SourceFile): string {
  return join(cacheDir, 'sources', `${file.info.kind}-${cacheKey(file).slice(0, 32)}.json`);
}

function readEntry(path: string, key: string, file: SourceFile): Entry | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Entry;
    const x = entry?.extract;
    const ok =
      entry.format === CACHE_FORMAT &&
      entry.key === key &&
      Array.isArray(entry.diagnostics) &&
      x?.source?.sha256 === file.info.sha256 &&
      ['events', 'endpoints', 'params', 'enums', 'objects'].every((k) => Array.isArray((x as unknown as Record<string, unknown>)[k])) &&
      typeof x.schemas === 'object' &&
      x.schemas !== null;
    return ok ? entry : undefined;
  } catch {
    return undefined;
  }
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
  if (!cacheDir || !CACHED_KINDS.has(file.info.kind)) return read(bag);
  const key = cacheKey(file);
  const path = cachePath(cacheDir, file);
  const hit = readEntry(path, key, file);
  if (hit) {
    for (const d of hit.diagnostics) bag.add(d);
    return hit.extract;
  }
  const before = bag.items.length;
  const extract = await read(bag);
  const diagnostics = bag.items.slice(before);
  if (!diagnostics.some((d) => d.severity === 'error')) {
    try {
      writeFileAtomic(path, JSON.stringify({ format: CACHE_FORMAT, key, diagnostics, extract } satisfies Entry));
    } catch {
      // A read-only or full disk only costs the next run a parse.
    }
  }
  return extract;
}
