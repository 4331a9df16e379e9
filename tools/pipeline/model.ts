/**
 * The model as every command sees it: built from the current source bytes *and* the config parts
 * that shape it (source settings, `categories`, `correlationKeys`) by the running tool, or taken
 * from where a build of exactly those inputs left it: the cache entry, or else the model file on
 * disk (`spec/model.json`) when its build record names those inputs and its text is the one that
 * record was written with (model-text.ts). Any other model file (another config, another version
 * of specmap, a hand's edit) is only compared with the model, never taken as it.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { cacheKey, isObject, readSlot, writeSlot } from '../cache/store.js';
import { toolIdentity } from '../cache/tool-hash.js';
import { projectCacheDir } from '../cache/settings.js';
import { recordTiming } from '../cache/timings.js';
import { readTextHashed } from '../io/read-hashes.js';
import type { Config } from '../config/schema.js';
import { compareDiagnostics, DiagnosticBag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import type { Model } from '../model/schema.js';
import { MODEL_VERSION } from '../model/version.js';
import { readSources, sha256, type SourceFile } from '../sources/read.js';
import { modelFileText, modelFromFileText } from './model-text.js';

export interface ModelState {
  /** The model matching the current sources and config. */
  model: Model;
  /** The model found on disk, if any (may be stale). */
  onDisk: Model | undefined;
  /** True when the model file on disk has exactly the bytes `model` is written as. */
  upToDate: boolean;
  /**
   * True when `model` is the reader's own output, which the generators need not check against the
   * schema again: built by this process, or read from a model file whose build record binds its
   * bytes to these inputs (a hand's edit breaks the record's hash; only a forgery that computes it
   * again would not). False for the cache's entry, which is checked.
   */
  built: boolean;
  sources: SourceFile[];
  diagnostics: DiagnosticBag;
  /** The model file's text for `model`, with its build record: what `sync` and `extract` write. */
  fileText: () => string;
}

function parseModelText(text: string): Model | undefined {
  try {
    const parsed = JSON.parse(text) as Model & { $schema?: string };
    if (parsed?.modelVersion !== MODEL_VERSION) return undefined;
    // The record says how the file was made, not what the model holds.
    delete parsed.build;
    return parsed;
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
  /** sha256 of the model file's text (`modelFileText`), so "is the file on disk current" needs no serialisation. */
  textHash: string;
  /**
   * The build record's `inputs` that text was written with. The slot's key names the running code,
   * the record names the build (`toolIdentity`): two builds of one bundle (a change to comments
   * only) share the slot but not the record, and a file the other one wrote must not pass for current.
   */
  inputs: string;
}

const isCachedModel = (v: unknown): v is CachedModel =>
  isObject(v) &&
  Array.isArray(v.diagnostics) &&
  typeof v.textHash === 'string' &&
  typeof v.inputs === 'string' &&
  isObject(v.model) &&
  v.model.modelVersion === MODEL_VERSION &&
  ['sources', 'events', 'endpoints', 'params', 'enums', 'objects'].every((k) => Array.isArray((v.model as Record<string, unknown>)[k]));

type ModelConfig = Pick<Config, 'categories' | 'correlationKeys'>;

/** Everything the model is a function of, besides the tool's code: one list for the cache key and the model file's record. */
const modelInputs = (sources: readonly SourceFile[], config: ModelConfig): unknown[] => [
  'model',
  MODEL_VERSION,
  sources.map((s) => [s.info, s.config]),
  config.categories ?? null,
  config.correlationKeys,
];

export function modelCacheKey(sources: readonly SourceFile[], config: ModelConfig): string {
  return cacheKey(...modelInputs(sources, config));
}

/**
 * What the model file's build record names as the model's inputs: the cache key's parts, with the
 * tool named as files a project keeps name it (one value for the CLI and the programmatic API of
 * one build, `toolIdentity`).
 */
function modelInputsHash(sources: readonly SourceFile[], config: ModelConfig): string {
  return createHash('sha256')
    .update(toolIdentity())
    .update('\0')
    .update(JSON.stringify(modelInputs(sources, config)))
    .digest('hex');
}

export interface SourcesModel {
  model: Model;
  /** sha256 of `fileText()` ('' for a model with errors, which is never written). */
  textHash: string;
  built: boolean;
  fileText: () => string;
}

/** A model file's text and the sha256 of its bytes. */
export interface ModelFileRead {
  text: string;
  sha256: string;
}

/**
 * The model for already-read sources: from the cache slot `model` when it was built from the
 * same inputs by the same code, else from `onDisk` (the model file) when its build record names
 * these inputs, else built (source extracts from their own slots) and stored. Diagnostics of the
 * build are replayed into `bag` either way. With no cache (`--no-cache`) it is always built.
 */
export async function modelForSources(
  sources: readonly SourceFile[],
  config: Config,
  root: string,
  bag: DiagnosticBag,
  onDisk?: ModelFileRead,
): Promise<SourcesModel> {
  const t0 = performance.now();
  const cacheDir = projectCacheDir(config, root);
  const key = modelCacheKey(sources, config);
  // Made once: the cache's entry is checked against it, and the model file's record holds it.
  let inputsHash: string | undefined;
  const inputs = (): string => (inputsHash ??= modelInputsHash(sources, config));
  const hit = readSlot(cacheDir, 'model', key, isCachedModel);
  if (hit) {
    for (const d of hit.diagnostics) bag.add(d);
    const fileText = () => modelFileText(hit.model, inputs(), sortedCopy(hit.diagnostics));
    let textHash = hit.textHash;
    if (hit.inputs !== inputs()) {
      textHash = sha256(fileText());
      writeSlot(cacheDir, 'model', key, { ...hit, textHash, inputs: inputs() } satisfies CachedModel);
    }
    recordTiming('model', t0, 'from cache');
    return {
      model: hit.model,
      textHash,
      built: false,
      fileText,
    };
  }
  const taken = cacheDir && onDisk ? modelFromFileText(onDisk.text, inputs()) : undefined;
  if (taken && onDisk) {
    for (const d of taken.diagnostics) bag.add(d);
    recordTiming('model', t0, 'from the model file');
    // Not stored in the cache: the file answers the next run as fast, and a cold run writes less.
    return { model: taken.model, textHash: onDisk.sha256, built: true, fileText: () => onDisk.text };
  }
  const { buildFromFiles } = await import('../sources/load.js');
  const before = bag.items.length;
  const model = await buildFromFiles(sources, config, bag, { cacheDir: cacheDir ?? false });
  const diagnostics = bag.items.slice(before);
  recordTiming('model', t0, 'built');
  // A model with errors is never stored nor written (and may be too deep to serialise: the
  // nesting limits are reported as errors, not enforced by dropping items).
  const fileText = (): string => modelFileText(model, inputs(), sortedCopy(diagnostics));
  if (hasErrors(diagnostics)) return { model, textHash: '', built: true, fileText };
  const text = fileText();
  const textHash = sha256(text);
  writeSlot(cacheDir, 'model', key, { model, diagnostics, textHash, inputs: inputs() } satisfies CachedModel);
  return { model, textHash, built: true, fileText: () => text };
}

/** The build's warnings in the order every command prints them: the record's bytes do not depend on the order they were found in. */
const sortedCopy = (diagnostics: readonly Diagnostic[]): Diagnostic[] => [...diagnostics].sort(compareDiagnostics);

export async function loadModelState(config: Config, root: string, options: { strict?: boolean } = {}): Promise<ModelState> {
  const bag = new DiagnosticBag();
  const t0 = performance.now();
  const sources = await readSources(config, root, bag);
  recordTiming('read and hash sources', t0);
  if (hasErrors(bag.items)) throw new InputError('cannot read the sources', bag.sorted());
  const read = readHashedOrUndefined(resolve(root, config.model));
  const { model, textHash, built, fileText } = await modelForSources(sources, config, root, bag, read);
  if (hasErrors(bag.items, options.strict)) throw new InputError('cannot build the model from the sources', bag.sorted());
  const text = read?.text;
  const upToDate = read !== undefined && read.sha256 === textHash;
  const onDisk = upToDate ? model : text === undefined ? undefined : parseModelText(text);
  return { model, onDisk, upToDate, built, sources, diagnostics: bag, fileText };
}
