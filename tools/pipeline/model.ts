/**
 * The model as every command sees it: built from the current source bytes *and* the config parts
 * that shape it (source settings, `categories`, `correlationKeys`) by the running tool, or the
 * cache entry of exactly that build (tools/cache). The model file on disk (`spec/model.json`) is
 * never taken as the model, only compared with it: it may come from another config or another
 * version of specmap.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { cacheKey, isObject, readSlot, writeSlot } from '../cache/store.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import { readTextHashed } from '../io/read-hashes.js';
import type { Config } from '../config/schema.js';
import { DiagnosticBag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import type { Model } from '../model/schema.js';
import { MODEL_VERSION } from '../model/version.js';
import { readSources, sha256, type SourceFile } from '../sources/read.js';
import { modelText } from './model-text.js';

export interface ModelState {
  /** The model matching the current sources and config. */
  model: Model;
  /** The model found on disk, if any (may be stale). */
  onDisk: Model | undefined;
  /** True when the model file on disk has exactly the bytes `model` is written as. */
  upToDate: boolean;
  /** True when this process built `model` from the sources (not read from the cache): the reader's own output. */
  built: boolean;
  sources: SourceFile[];
  diagnostics: DiagnosticBag;
}

function parseModelText(text: string): Model | undefined {
  try {
    const parsed = JSON.parse(text) as Model & { $schema?: string };
    return parsed?.modelVersion === MODEL_VERSION ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The file's text and the sha256 of its bytes (remembered for the memo's closing fingerprint), or undefined. */
function readHashedOrUndefined(path: string): { text: string; sha256: string } | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st && readTextHashed(path, st);
  } catch {
    return undefined;
  }
}

interface CachedModel {
  model: Model;
  diagnostics: Diagnostic[];
  /** sha256 of `modelText(model)`, so "is the file on disk current" needs no serialisation. */
  textHash: string;
}

const isCachedModel = (v: unknown): v is CachedModel =>
  isObject(v) &&
  Array.isArray(v.diagnostics) &&
  typeof v.textHash === 'string' &&
  isObject(v.model) &&
  v.model.modelVersion === MODEL_VERSION &&
  ['sources', 'events', 'endpoints', 'params', 'enums', 'objects'].every((k) => Array.isArray((v.model as Record<string, unknown>)[k]));

/** Everything the model is a function of, besides the tool's code (which every key includes). */
export function modelCacheKey(sources: readonly SourceFile[], config: Pick<Config, 'categories' | 'correlationKeys'>): string {
  return cacheKey(
    'model',
    MODEL_VERSION,
    sources.map((s) => [s.info, s.config]),
    config.categories ?? null,
    config.correlationKeys,
  );
}

/**
 * The model for already-read sources: from the cache slot `model` when it was built from the
 * same inputs by the same code, else built (source extracts from their own slots) and stored.
 * Diagnostics of the build are replayed into `bag` either way.
 */
export async function modelForSources(
  sources: readonly SourceFile[],
  config: Config,
  root: string,
  bag: DiagnosticBag,
): Promise<{ model: Model; textHash: string; built: boolean }> {
  const t0 = performance.now();
  const cacheDir = projectCacheDir(config, root);
  const key = modelCacheKey(sources, config);
  const hit = readSlot(cacheDir, 'model', key, isCachedModel);
  if (hit) {
    for (const d of hit.diagnostics) bag.add(d);
    recordTiming('model', t0, 'from cache');
    return { model: hit.model, textHash: hit.textHash, built: false };
  }
  const { buildFromFiles } = await import('../sources/load.js');
  const before = bag.items.length;
  const model = await buildFromFiles(sources, config, bag, { cacheDir: cacheDir ?? false });
  const diagnostics = bag.items.slice(before);
  recordTiming('model', t0, 'built');
  // A model with errors is never stored nor written (and may be too deep to serialise: the
  // nesting limits are reported as errors, not enforced by dropping items).
  if (hasErrors(diagnostics)) return { model, textHash: '', built: true };
  const textHash = sha256(modelText(model));
  writeSlot(cacheDir, 'model', key, { model, diagnostics, textHash } satisfies CachedModel);
  return { model, textHash, built: true };
}

export async function loadModelState(config: Config, root: string, options: { strict?: boolean } = {}): Promise<ModelState> {
  const bag = new DiagnosticBag();
  const t0 = performance.now();
  const sources = await readSources(config, root, bag);
  recordTiming('read and hash sources', t0);
  if (hasErrors(bag.items)) throw new InputError('cannot read the sources', bag.sorted());
  const { model, textHash, built } = await modelForSources(sources, config, root, bag);
  if (hasErrors(bag.items, options.strict)) throw new InputError('cannot build the model from the sources', bag.sorted());
  const read = readHashedOrUndefined(resolve(root, config.model));
  const text = read?.text;
  const upToDate = read !== undefined && read.sha256 === textHash;
  const onDisk = upToDate ? model : text === undefined ? undefined : parseModelText(text);
  return { model, onDisk, upToDate, built, sources, diagnostics: bag };
}
