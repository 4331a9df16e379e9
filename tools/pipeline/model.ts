/**
 * The model as later stages see it: the one on disk when it was built from exactly the current
 * source bytes (compared by content hash, so no source is parsed twice), else a fresh build.
 * `check` and `sync` both start here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { DiagnosticBag, hasErrors } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/errors.js';
import type { Model, SourceInfo } from '../model/schema.js';
import { MODEL_VERSION } from '../model/version.js';
import { readSources, type SourceFile } from '../sources/read.js';

export interface ModelState {
  /** The model matching the current sources. */
  model: Model;
  /** The model found on disk, if any (may be stale). */
  onDisk: Model | undefined;
  /** True when `onDisk` was built from the current source bytes and is reused as is. */
  upToDate: boolean;
  sources: SourceFile[];
  diagnostics: DiagnosticBag;
}

export function readModelFile(path: string): Model | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Model & { $schema?: string };
    return parsed.modelVersion === MODEL_VERSION ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function sameSources(a: readonly SourceInfo[], b: readonly SourceInfo[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.sha256 === b[i]!.sha256 && s.kind === b[i]!.kind && s.path === b[i]!.path);
}

export async function loadModelState(config: Config, root: string, options: { strict?: boolean } = {}): Promise<ModelState> {
  const bag = new DiagnosticBag();
  const sources = await readSources(config, root, bag);
  if (hasErrors(bag.items)) throw new InputError('cannot read the sources', bag.sorted());
  const onDisk = readModelFile(resolve(root, config.model));
  if (onDisk && sameSources(onDisk.sources, sources.map((s) => s.info))) {
    return { model: onDisk, onDisk, upToDate: true, sources, diagnostics: bag };
  }
  const { buildFromFiles } = await import('../sources/load.js');
  const model = await buildFromFiles(sources, config, bag);
  if (hasErrors(bag.items, options.strict)) throw new InputError('cannot build the model from the sources', bag.sorted());
  return { model, onDisk, upToDate: false, sources, diagnostics: bag };
}
