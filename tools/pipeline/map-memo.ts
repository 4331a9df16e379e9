/**
 * The answer of a plain `map` whose inputs are as the last `map` left them (run-memo.ts), as data
 * the caller shows as that run's own. Kept apart from commands/map.ts so that answering from the memo
 * loads neither the analyzer nor the mapping code.
 */
import { loadConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isObject, openRunMemo, type RunMemo } from './run-memo.js';

export interface MapAnswer {
  summary: string;
  diagnostics: Diagnostic[];
}

const isMapAnswer = (v: unknown): v is MapAnswer => isObject(v) && typeof v.summary === 'string' && Array.isArray(v.diagnostics);

export interface MapMemoOptions {
  config?: string;
  cwd?: string;
  allowOutside?: boolean;
}

export async function openMapMemo(opts: MapMemoOptions): Promise<{ memo: RunMemo<MapAnswer>; mapping: string }> {
  const loaded = await loadConfig(opts.config, opts.cwd, { allowOutside: opts.allowOutside });
  // Warnings name the config file as the user did, relative to where map ran.
  const invocation = `${loaded.path}\0${opts.cwd ?? process.cwd()}`;
  return {
    memo: await openRunMemo('map', loaded.config, loaded.root, loaded.text, isMapAnswer, invocation),
    mapping: loaded.config.mapping,
  };
}

/** The stored answer and the mapping file it is about; undefined when `map` has to run. */
export async function mapFromMemo(opts: MapMemoOptions): Promise<(MapAnswer & { path: string }) | undefined> {
  const { memo, mapping } = await openMapMemo(opts);
  const answer = await memo.hit();
  return answer && { ...answer, path: mapping };
}
